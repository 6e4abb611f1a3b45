// The evening reminder in the window, clicked through over a real data file:
// the Settings card turns it on (writing what brings it with the window
// closed) and off (removing it), says how it quiets down; the welcome steps
// offer it; the banner shows the reminder when no notification service
// answered, and "Not tonight" or a log puts it away.
#include "app/reminder.hpp"
#include "platform/reminder_schedule.hpp"
#include "session_fixture.hpp"
#include "session_steps.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace kindling;
using testing::SessionFixture;
namespace fs = std::filesystem;

namespace {

const ImVec2 tallDisplay(1280, 2600);

// The configuration folder and the runtime folder are the test's own, so no
// systemd of this machine is asked and nothing lands in the real ~/.config.
// The program the entry names is /bin/true: its "watcher" ends at once.
struct OwnDesktop {
    explicit OwnDesktop(SessionFixture& f) : config(f.dir().path() / "config") {
        const fs::path runtime = f.dir().path() / "run";
        fs::create_directories(runtime);
        ::setenv("XDG_CONFIG_HOME", config.c_str(), 1);
        ::setenv("XDG_RUNTIME_DIR", runtime.c_str(), 1);
        f.state().reminder.program = "/bin/true";
    }
    ~OwnDesktop() {
        ::unsetenv("XDG_CONFIG_HOME");
        ::unsetenv("XDG_RUNTIME_DIR");
    }
    fs::path config;
};

void withARitual(SessionFixture& f) {
    steps::setPartnerNames(f.session(), "Zoë", "Sam");
    RitualDraft walk;
    walk.name = "A walk";
    steps::addRitual(f.session(), walk);
}

} // namespace

TEST_CASE("settings: the evening reminder is off at first and says how it quiets down") {
    SessionFixture f(tallDisplay);
    withARitual(f);
    f.state().screen = ui::Screen::Settings;
    f.run(2);
    CHECK(f.shows("Evening reminder"));
    CHECK(f.shows("says hello once a"));
    CHECK(f.shows("until your next log brings it back"));
    CHECK(f.wasDrawn("settings/reminder/on"));
    CHECK_FALSE(reminderSettings(f.session()).on);
    CHECK_FALSE(f.wasDrawn("settings/reminder/installed"));
}

TEST_CASE("settings: turning the reminder on installs it, and off leaves nothing behind") {
    SessionFixture f(tallDisplay);
    OwnDesktop desktop(f);
    withARitual(f);
    f.state().screen = ui::Screen::Settings;
    f.run(2);
    f.act("settings/reminder/on");
    CHECK(reminderSettings(f.session()).on);
    CHECK(f.shows("The reminder is on, at 20:30."));
    const platform::ReminderSchedule schedule = platform::reminderSchedule(desktop.config);
    REQUIRE(schedule.installed.has_value());
    CHECK(*schedule.installed == platform::ReminderScheduler::Autostart);
    CHECK(f.shows("Installed: an autostart entry"));
    CHECK(f.shows("No hello yet."));
    CHECK(fs::exists(platform::reminderScheduleFiles(desktop.config).autostart));

    // Another time, kept and written into what runs it.
    f.act("settings/reminder/at");
    f.act("settings/reminder/at/21:00");
    CHECK(reminderSettings(f.session()).at == TimeOfDay{21, 0});
    CHECK(f.shows("Saved: the reminder comes at 21:00."));

    f.act("settings/reminder/on");
    CHECK_FALSE(reminderSettings(f.session()).on);
    CHECK(f.shows("nothing of it is left behind"));
    CHECK_FALSE(platform::reminderSchedule(desktop.config).installed.has_value());
    CHECK_FALSE(fs::exists(desktop.config / "autostart"));
    CHECK(reminderSettings(f.session()).at == TimeOfDay{21, 0}); // remembered for next time
}

TEST_CASE("settings: a file that cannot be written is explained and the reminder stays off") {
    SessionFixture f(tallDisplay);
    OwnDesktop desktop(f);
    withARitual(f);
    {
        std::ofstream blocker(desktop.config); // a file where the folder should be
        blocker << "not a folder";
    }
    f.state().screen = ui::Screen::Settings;
    f.run(2);
    f.act("settings/reminder/on");
    CHECK_FALSE(reminderSettings(f.session()).on);
    CHECK(f.shows("That did not work: cannot"));
}

TEST_CASE("welcome steps: the evening reminder is offered, off unless ticked") {
    SessionFixture f(ImVec2(1280, 2400));
    OwnDesktop desktop(f);
    f.state().screen = ui::Screen::Onboarding;
    f.run(2);
    f.act("onboarding/next");
    f.click("onboarding/name/1");
    f.type("Zoë");
    f.click("onboarding/name/2");
    f.type("Sam");
    f.act("onboarding/next");
    f.act("onboarding/next");
    f.act("onboarding/next");
    CHECK(f.shows("How Kindling counts"));
    CHECK(f.shows("A gentle evening reminder"));
    CHECK(f.shows("You can change or stop it in Settings."));
    f.act("onboarding/reminder");
    f.act("onboarding/next"); // Let's begin
    CHECK(f.state().screen == ui::Screen::Today);
    CHECK(reminderSettings(f.session()).on);
    CHECK(platform::reminderSchedule(desktop.config).installed.has_value());
    platform::removeReminderSchedule(desktop.config, f.session().dataFile().parent_path());
}

TEST_CASE("welcome steps: not ticked, the reminder stays off") {
    SessionFixture f(ImVec2(1280, 2400));
    OwnDesktop desktop(f);
    f.state().screen = ui::Screen::Onboarding;
    f.run(2);
    f.act("onboarding/next");
    f.click("onboarding/name/1");
    f.type("Zoë");
    f.click("onboarding/name/2");
    f.type("Sam");
    for (int i = 0; i < 4; ++i)
        f.act("onboarding/next");
    CHECK(f.state().screen == ui::Screen::Today);
    CHECK_FALSE(reminderSettings(f.session()).on);
    CHECK_FALSE(fs::exists(desktop.config));
}

TEST_CASE("banner: shown when no service answered, put away by \"Not tonight\"") {
    SessionFixture f;
    withARitual(f);
    f.state().screen = ui::Screen::Dashboard;
    f.state().reminder.bannerDay = f.today();
    f.state().reminder.banner = reminderLine(f.today(), false);
    f.run(2);
    CHECK(f.shows(f.state().reminder.banner.summary));
    CHECK(f.shows(f.state().reminder.banner.body));
    CHECK(f.wasDrawn("reminder-banner/today"));
    f.act("reminder-banner/not-tonight");
    CHECK_FALSE(f.state().reminder.bannerDay.has_value());
    CHECK(reminderState(f.session()).notTonight == f.today());
    f.runFresh();
    CHECK_FALSE(f.wasDrawn("reminder-banner/not-tonight"));
    CHECK(f.session().history().logs.empty()); // no button logs a ritual
}

TEST_CASE("banner: \"Open Today\" goes to Today, and a log there puts it away") {
    SessionFixture f;
    withARitual(f);
    f.state().screen = ui::Screen::Journal;
    f.state().reminder.bannerDay = f.today();
    f.state().reminder.banner = reminderLine(f.today(), false);
    f.run(2);
    f.act("reminder-banner/today");
    CHECK(f.state().screen == ui::Screen::Today);
    CHECK_FALSE(f.state().reminder.bannerDay.has_value());

    f.state().reminder.bannerDay = f.today();
    f.runFresh();
    CHECK(f.wasDrawn("reminder-banner/not-tonight"));
    CHECK_FALSE(f.wasDrawn("reminder-banner/today")); // already on Today
    steps::log(f.session(), "A walk", {f.today()}, std::nullopt, std::nullopt, "");
    f.celebrateAll(); // the first log's badge, continued past
    f.run(2);
    CHECK_FALSE(f.state().reminder.bannerDay.has_value());
    f.runFresh();
    CHECK_FALSE(f.wasDrawn("reminder-banner/not-tonight"));
}

TEST_CASE("banner: yesterday's is not shown today") {
    SessionFixture f;
    withARitual(f);
    f.state().reminder.bannerDay = f.today() - days{1};
    f.state().reminder.banner = reminderLine(f.today(), false);
    f.runFresh();
    CHECK_FALSE(f.wasDrawn("reminder-banner/not-tonight"));
}

TEST_CASE("settings: a hello the desktop did not show is said plainly, the system's words on hover") {
    SessionFixture f(tallDisplay);
    OwnDesktop desktop(f);
    withARitual(f);
    f.state().screen = ui::Screen::Settings;
    f.run(2);
    f.act("settings/reminder/on");
    f.state().reminder.deliveryProblem = "there is no desktop session bus (dbus-launch)";
    f.run(2);
    CHECK(f.shows("This desktop did not show the last one, so it waited at the top of the window"));
    CHECK_FALSE(f.shows("dbus-launch"));
    // Hovered, the line opens a tooltip (which holds the system's words).
    REQUIRE(f.centreOf("settings/reminder/delivery").has_value());
    ImGui::GetIO().MousePos = *f.centreOf("settings/reminder/delivery");
    f.run(2);
    CHECK(f.shows("cut short by a tooltip"));
}
