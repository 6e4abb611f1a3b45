// The reminder on the desktop without a desktop: a notifier that records
// what it is given stands in for the notification service, so the window's
// own sending, the banner when nobody answers, the buttons, every outcome of
// `reminder check`, and the timer files are checked over real data files.
// (tests/platform/reminder_dbus_test.sh does it again over a real D-Bus.)
#include "app/clock.hpp"
#include "app/reminder.hpp"
#include "app/session.hpp"
#include "platform/reminder_desktop.hpp"
#include "session_steps.hpp"
#include "store/files.hpp"
#include "store/store_test_support.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <sstream>
#include <thread>

using namespace kindling;
using namespace kindling::platform;
namespace fs = std::filesystem;

namespace {

class RecordingNotifier final : public Notifier {
  public:
    bool answers = true;
    bool actions = true;
    std::vector<DesktopNotification> sent;
    std::deque<NotificationEvent> events;
    std::function<void()> wake;

    NotificationServer server() override {
        NotificationServer s;
        s.available = answers;
        s.actions = actions;
        s.problem = answers ? "" : "nobody answered";
        return s;
    }
    SendResult send(const DesktopNotification& notification) override {
        if (!answers) return {false, false, "nobody answered"};
        sent.push_back(notification);
        return {true, actions, ""};
    }
    std::optional<NotificationEvent> nextEvent(std::chrono::milliseconds) override {
        if (events.empty()) return std::nullopt;
        NotificationEvent event = events.front();
        events.pop_front();
        return event;
    }
    void setWake(std::function<void()> w) override { wake = std::move(w); }
};

// The local clock fixed at a moment, for this process, until the end of the test.
struct ClockAt {
    explicit ClockAt(const char* date, int hour, int minute) { set(date, hour, minute); }
    ~ClockAt() { setClockForTesting(std::nullopt); }
    static void set(const char* date, int hour, int minute) {
        std::tm local{};
        const Day day = *parseDay(date);
        const std::chrono::year_month_day ymd{day};
        local.tm_year = static_cast<int>(ymd.year()) - 1900;
        local.tm_mon = static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
        local.tm_mday = static_cast<int>(static_cast<unsigned>(ymd.day()));
        local.tm_hour = hour;
        local.tm_min = minute;
        local.tm_isdst = -1;
        setClockForTesting(static_cast<std::int64_t>(std::mktime(&local)));
    }
};

// A couple with one ritual and the reminder on (preferences only: no files).
void prepare(const DataLocation& location) {
    Session session = Session::open(location);
    steps::setPartnerNames(session, "Zoë", "Sam");
    RitualDraft walk;
    walk.name = "A walk";
    steps::addRitual(session, walk);
    ReminderSettings settings;
    settings.on = true;
    saveReminderSettings(session, settings);
}

std::string readText(const fs::path& file) {
    const std::vector<char> bytes = test::readBytes(file);
    return {bytes.begin(), bytes.end()};
}

struct Window {
    RecordingNotifier* notifier = nullptr;
    int made = 0;
    WindowReminder reminder{[this] {
                                ++made;
                                auto fake = std::make_unique<RecordingNotifier>();
                                notifier = fake.get();
                                return fake;
                            },
                            [] {}};
};

} // namespace

TEST_CASE("window reminder: the open window sends it itself, once a day") {
    test::TempDir dir;
    prepare(dir.location());
    Session session = Session::open(dir.location());
    ClockAt clock("2026-12-02", 20, 45);
    Window window;
    const auto result = window.reminder.check(session, 100.0);
    REQUIRE(result.has_value());
    CHECK(result->sent);
    CHECK_FALSE(result->banner.has_value());
    REQUIRE(window.notifier != nullptr);
    REQUIRE(window.notifier->sent.size() == 1);
    const DesktopNotification& shown = window.notifier->sent.front();
    CHECK(shown.summary == reminderLine(*parseDay("2026-12-02"), false).summary);
    REQUIRE(shown.actions.size() == 2);
    CHECK(shown.actions[0].label == "Open Kindling");
    CHECK(shown.actions[1].label == "Not tonight");
    CHECK(reminderState(session).lastSent == parseDay("2026-12-02"));
    // Looked at again within half a minute: not even asked; later: already given.
    CHECK_FALSE(window.reminder.check(session, 110.0).has_value());
    CHECK_FALSE(window.reminder.check(session, 200.0).has_value());
    CHECK(window.notifier->sent.size() == 1);
    CHECK(window.made == 1);
}

TEST_CASE("window reminder: before its time, or with something logged, nothing is sent") {
    test::TempDir dir;
    prepare(dir.location());
    Session session = Session::open(dir.location());
    Window window;
    {
        ClockAt clock("2026-12-02", 20, 0);
        CHECK_FALSE(window.reminder.check(session, 0.0).has_value());
    }
    ClockAt clock("2026-12-02", 21, 0);
    session.setAsOf(*parseDay("2026-12-02"));
    steps::log(session, "A walk", {*parseDay("2026-12-02")}, std::nullopt, std::nullopt, "");
    CHECK_FALSE(window.reminder.check(session, 100.0).has_value());
    CHECK(window.made == 0); // no notifier was even needed
}

TEST_CASE("window reminder: when no service answers, the banner shows it and it counts") {
    test::TempDir dir;
    prepare(dir.location());
    Session session = Session::open(dir.location());
    ClockAt clock("2026-12-02", 20, 45);
    RecordingNotifier* notifier = nullptr;
    WindowReminder reminder(
        [&notifier] {
            auto fake = std::make_unique<RecordingNotifier>();
            fake->answers = false;
            notifier = fake.get();
            return fake;
        },
        [] {});
    const auto result = reminder.check(session, 0.0);
    REQUIRE(result.has_value());
    CHECK_FALSE(result->sent);
    REQUIRE(result->banner.has_value());
    CHECK(result->banner->summary == reminderLine(*parseDay("2026-12-02"), false).summary);
    CHECK(result->day == *parseDay("2026-12-02"));
    CHECK(result->problem == "nobody answered");
    CHECK(notifier->sent.empty());
    // Shown in the window, it was given: no second one today.
    CHECK(reminderState(session).lastSent == parseDay("2026-12-02"));
    CHECK_FALSE(reminder.check(session, 100.0).has_value());
}

TEST_CASE("window reminder: its buttons open Today and keep \"Not tonight\", and neither logs") {
    test::TempDir dir;
    prepare(dir.location());
    Session session = Session::open(dir.location());
    ClockAt clock("2026-12-02", 20, 45);
    Window window;
    REQUIRE(window.reminder.check(session, 0.0).has_value());
    window.notifier->events.push_back({NotificationEvent::Kind::Action, openAction});
    window.notifier->events.push_back({NotificationEvent::Kind::Action, notTonightAction});
    window.notifier->events.push_back({NotificationEvent::Kind::Closed, {}});
    const auto answers = window.reminder.answers(session, *parseDay("2026-12-02"));
    REQUIRE(answers.size() == 2);
    CHECK(answers[0] == WindowReminder::Answer::OpenToday);
    CHECK(answers[1] == WindowReminder::Answer::NotTonight);
    CHECK(reminderState(session).notTonight == parseDay("2026-12-02"));
    CHECK(session.history().logs.empty());
    CHECK(reminderDecisionNow(session).reason == ReminderReason::NotTonight);
}

TEST_CASE("reminder check: every outcome says what happened and why") {
    test::TempDir dir;
    RecordingNotifier notifier;
    ReminderCheckOptions options;
    options.answerWait = std::chrono::milliseconds(50);
    std::ostringstream out;
    const DataLocation location = dir.location();

    // No data file: nothing is created.
    CHECK(runReminderCheck(location, notifier, options, out).result == CheckResult::NoData);
    CHECK_FALSE(fs::exists(location.databaseFile()));

    {
        Session session = Session::open(location);
        RitualDraft walk;
        walk.name = "A walk";
        steps::addRitual(session, walk);
    }
    ClockAt clock("2026-12-02", 20, 45);
    out.str("");
    CHECK(runReminderCheck(location, notifier, options, out).result == CheckResult::Off);
    CHECK_THAT(out.str(), Catch::Contains("Reminders are off"));

    {
        Session session = Session::open(location);
        ReminderSettings settings;
        settings.on = true;
        saveReminderSettings(session, settings);
    }
    ClockAt::set("2026-12-02", 19, 0);
    out.str("");
    auto check = runReminderCheck(location, notifier, options, out);
    CHECK(check.result == CheckResult::NotDue);
    CHECK(check.decision.reason == ReminderReason::TooEarly);
    CHECK_THAT(out.str(), Catch::Contains("It will say hello at 20:30"));

    ClockAt::set("2026-12-02", 20, 45);
    options.dryRun = true;
    out.str("");
    CHECK(runReminderCheck(location, notifier, options, out).result == CheckResult::WouldSend);
    CHECK_THAT(out.str(), Catch::Contains("Would send: "));
    CHECK(notifier.sent.empty());
    options.dryRun = false;

    // The window has the data file: the check stays silent.
    {
        Session window = Session::open(location);
        out.str("");
        CHECK(runReminderCheck(location, notifier, options, out).result == CheckResult::WindowOpen);
        CHECK(notifier.sent.empty());
        CHECK_THAT(out.str(), Catch::Contains("window is open"));
    }

    // Nobody answers: exit quietly, and it is not counted as given.
    notifier.answers = false;
    out.str("");
    CHECK(runReminderCheck(location, notifier, options, out).result == CheckResult::NoServer);
    CHECK_THAT(out.str(), Catch::Contains("Nothing was sent: nobody answered"));
    CHECK(reminderState(Session::open(location)).lastSent == std::nullopt);

    // Sent, then "Not tonight" is chosen: kept from here, after the file was closed.
    notifier.answers = true;
    notifier.events.push_back({NotificationEvent::Kind::Action, notTonightAction});
    out.str("");
    CHECK(runReminderCheck(location, notifier, options, out).result == CheckResult::Sent);
    CHECK(notifier.sent.size() == 1);
    CHECK_THAT(out.str(), Catch::Contains("Sent: "));
    CHECK_THAT(out.str(), Catch::Contains("Not tonight, then."));
    {
        Session session = Session::open(location);
        CHECK(reminderState(session).lastSent == parseDay("2026-12-02"));
        CHECK(reminderState(session).notTonight == parseDay("2026-12-02"));
        CHECK(session.history().logs.empty());
    }
    out.str("");
    CHECK(runReminderCheck(location, notifier, options, out).result == CheckResult::NotDue);
    CHECK(notifier.sent.size() == 1);
}

TEST_CASE("reminder check: a notification nobody answers is waited for only so long") {
    test::TempDir dir;
    prepare(dir.location());
    ClockAt clock("2026-12-02", 20, 45);
    RecordingNotifier notifier;
    ReminderCheckOptions options;
    options.answerWait = std::chrono::milliseconds(200);
    std::ostringstream out;
    const auto started = std::chrono::steady_clock::now();
    CHECK(runReminderCheck(dir.location(), notifier, options, out).result == CheckResult::Sent);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
}

TEST_CASE("reminder on and off: the systemd units are written, then every file is removed") {
    test::TempDir dir;
    prepare(dir.location());
    const fs::path config = dir.path() / "config";
    Session session = Session::open(dir.location());
    ReminderSettings settings;
    settings.at = {21, 15};
    const ReminderSchedule on = turnRemindersOn(session, settings, ReminderScheduler::SystemdTimer,
                                                KINDLING_BINARY, config);
    CHECK(on.installed == ReminderScheduler::SystemdTimer);
    const ReminderScheduleFiles files = reminderScheduleFiles(config);
    CHECK(fs::exists(files.service));
    CHECK(fs::exists(files.timer));
    CHECK(fs::is_symlink(files.wants));
    CHECK(fs::read_symlink(files.wants) == files.timer);
    CHECK_FALSE(fs::exists(files.autostart));
    const std::string timer = readText(files.timer);
    CHECK_THAT(timer, Catch::Contains("OnCalendar=*-*-* 21:15:00"));
    CHECK_THAT(readText(files.service), Catch::Contains("reminder check"));
    CHECK(reminderSettings(session).on);
    CHECK(reminderSettings(session).at == TimeOfDay{21, 15});

    turnRemindersOff(session, config);
    CHECK_FALSE(reminderSettings(session).on);
    CHECK_FALSE(reminderSchedule(config).installed.has_value());
    CHECK(reminderSchedule(config).files.empty());
    CHECK_FALSE(fs::exists(config / "systemd"));              // the folders it made, too
    CHECK(reminderSettings(session).at == TimeOfDay{21, 15}); // kept for the next time
}

TEST_CASE("reminder on: a time inside quiet hours is refused and nothing is written") {
    test::TempDir dir;
    prepare(dir.location());
    const fs::path config = dir.path() / "config";
    Session session = Session::open(dir.location());
    ReminderSettings settings;
    settings.on = false;
    saveReminderSettings(session, settings);
    settings.at = {23, 30};
    CHECK_THROWS_AS(turnRemindersOn(session, settings, ReminderScheduler::SystemdTimer,
                                    KINDLING_BINARY, config),
                    std::invalid_argument);
    CHECK_FALSE(reminderSettings(session).on);
    CHECK_FALSE(fs::exists(config));
}

TEST_CASE("reminder on: a file that cannot be written leaves the reminder off") {
    test::TempDir dir;
    prepare(dir.location());
    const fs::path config = dir.path() / "config";
    // A plain file where the folder should be.
    {
        std::ofstream blocker(config);
        blocker << "not a folder";
    }
    Session session = Session::open(dir.location());
    ReminderSettings settings;
    saveReminderSettings(session, settings); // off
    CHECK_THROWS_AS(turnRemindersOn(session, settings, ReminderScheduler::SystemdTimer,
                                    KINDLING_BINARY, config),
                    std::runtime_error);
    CHECK_FALSE(reminderSettings(session).on);
}

TEST_CASE("reminder on and off: the autostart entry starts a watcher, and off stops it") {
    test::TempDir dir;
    prepare(dir.location());
    const fs::path config = dir.path() / "config";
    // The watcher is a real kindling: keep it from any real desktop and early in its day.
    ::setenv("KINDLING_TEST_NOW", "2026-12-02 08:00", 1);
    ::unsetenv("DBUS_SESSION_BUS_ADDRESS");
    ::setenv("XDG_CONFIG_HOME", config.c_str(), 1);
    const fs::path lockFile = watcherLockFile(dir.location().directory);
    const auto watcherRuns = [&] {
        if (!fs::exists(lockFile)) return false; // (acquiring would create it)
        FileLock probe;
        std::string holder;
        return FileLock::acquire(lockFile, probe, holder) == FileLock::Result::HeldElsewhere;
    };
    const auto waitFor = [](auto condition) {
        for (int i = 0; i < 100 && !condition(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        return condition();
    };
    {
        Session session = Session::open(dir.location());
        const ReminderSchedule on =
            turnRemindersOn(session, {}, ReminderScheduler::Autostart, KINDLING_BINARY, config);
        CHECK(on.installed == ReminderScheduler::Autostart);
        CHECK(on.notes.empty());
        const std::string entry = readText(reminderScheduleFiles(config).autostart);
        CHECK_THAT(entry, Catch::Contains("reminder check --watch"));
    }
    CHECK(waitFor(watcherRuns));
    {
        // The watcher's first check may hold the data file for a moment.
        std::optional<Session> session;
        waitFor([&] {
            try {
                session.emplace(Session::open(dir.location()));
                return true;
            } catch (const StoreError&) {
                return false;
            }
        });
        REQUIRE(session.has_value());
        turnRemindersOff(*session, config);
    }
    CHECK(waitFor([&] { return !watcherRuns(); }));
    CHECK_FALSE(fs::exists(reminderScheduleFiles(config).autostart));
    CHECK_FALSE(fs::exists(lockFile)); // nothing left behind
    ::unsetenv("KINDLING_TEST_NOW");
    ::unsetenv("XDG_CONFIG_HOME");
}

TEST_CASE("reminder files: paths with spaces and signs are quoted for each format") {
    CHECK(systemdCommandLine({"/usr/bin/kindling", "--data-dir", "/home/zoë/Kindling data"}) ==
          "/usr/bin/kindling --data-dir \"/home/zoë/Kindling data\"");
    CHECK(systemdCommandLine({"/a", "50%", "$HOME", "say \"hi\""}) ==
          "/a 50%% $$HOME \"say \\\"hi\\\"\"");
    CHECK(desktopExecLine({"/usr/bin/kindling", "--data-dir", "/home/zoë/Kindling data"}) ==
          "/usr/bin/kindling --data-dir \"/home/zoë/Kindling data\"");
    // In quotes: $ escaped by a backslash, which the string's own escape doubles.
    CHECK(desktopExecLine({"/a", "50%", "$HOME"}) == "/a 50%% \"\\\\$HOME\"");
}
