#include "cli/reminder_commands.hpp"

#include "app/reminder.hpp"
#include "app/session.hpp"
#include "platform/notifications.hpp"
#include "platform/os/process.hpp"
#include "platform/processes.hpp"
#include "platform/reminder_desktop.hpp"

#include <CLI/CLI.hpp>
#include <ostream>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <stdexcept>

namespace kindling {

namespace {

using namespace platform;

TimeOfDay timeArgument(const std::string& flag, const std::string& text) {
    if (auto time = parseTimeOfDay(text)) return *time;
    throw CommandLineError(flag, "\"" + text + "\" is not a time written HH:MM (00:00 to 23:59)");
}

std::string homeRelative(const std::string& text) {
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') return text;
    const std::string prefix = std::string(home) + "/";
    return text.rfind(prefix, 0) == 0 ? "~/" + text.substr(prefix.size()) : text;
}

std::string installedText(const ReminderSchedule& schedule) {
    if (!schedule.installed)
        return "nothing is installed, so it comes only while the window is open";
    const std::string where = " (" + homeRelative(schedule.where) + ")";
    switch (*schedule.installed) {
    case ReminderScheduler::SystemdTimer:
        return "a systemd user timer runs it" + where;
    case ReminderScheduler::Autostart:
        return "an autostart entry starts a quiet watcher at login" + where;
    case ReminderScheduler::SignIn:
        break;
    }
    return "a quiet watcher starts each time you sign in to Windows" + where;
}

void printNotes(const ReminderSchedule& schedule, std::ostream& out) {
    for (const std::string& note : schedule.notes)
        out << "Note: " << note << ".\n";
}

int turnOn(const ReminderArguments& a, Session& session, std::ostream& out) {
    ReminderSettings settings = reminderSettings(session);
    if (a.at) settings.at = timeArgument("--at", *a.at);
    if (a.quietFrom) settings.quietFrom = timeArgument("--quiet-from", *a.quietFrom);
    std::optional<ReminderScheduler> via;
    if (a.via) via = schedulerFromName(*a.via);
    ReminderSchedule schedule;
    try {
        schedule = turnRemindersOn(session, settings, via, currentProgram());
    } catch (const std::invalid_argument& e) {
        throw CommandLineError(a.quietFrom && !a.at ? "--quiet-from" : "--at", e.what());
    }
    settings = reminderSettings(session);
    out << "The evening reminder is on, at " << formatTimeOfDay(settings.at) << ".\n"
        << "It says hello only when nothing is logged yet today and no pause is on, at most "
           "once a day, and never in quiet hours (from "
        << formatTimeOfDay(settings.quietFrom)
        << "). After three quiet hellos in a row it rests and says hello once a week, until "
           "your next log.\n"
        << "With the window closed, " << installedText(schedule) << ".\n";
    printNotes(schedule, out);
    return 0;
}

int turnOff(Session& session, std::ostream& out) {
    const ReminderSchedule before = reminderSchedule(userConfigHome());
    const ReminderSchedule after = turnRemindersOff(session);
    out << "The evening reminder is off.\n";
    for (const std::filesystem::path& file : before.files)
        out << "Removed " << homeRelative(file.string()) << "\n";
    if (before.files.empty() && before.installed) out << "Removed " << before.where << "\n";
    printNotes(after, out);
    return 0;
}

void writeJson(Session& session, std::ostream& out) {
    const ReminderSettings settings = reminderSettings(session);
    const ReminderState state = reminderState(session);
    const ReminderDecision decision = reminderDecisionNow(session);
    const ReminderSchedule schedule = reminderSchedule(userConfigHome());
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    const auto string = [&w](const std::string& text) {
        w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    };
    const auto optionalDay = [&](const std::optional<Day>& day) {
        if (day)
            string(formatDay(*day));
        else
            w.Null();
    };
    w.StartObject();
    w.Key("on");
    w.Bool(settings.on);
    w.Key("at");
    string(formatTimeOfDay(settings.at));
    w.Key("quiet_from");
    string(formatTimeOfDay(settings.quietFrom));
    w.Key("installed");
    w.Bool(schedule.installed.has_value());
    w.Key("scheduler");
    if (schedule.installed)
        string(std::string(schedulerName(*schedule.installed)));
    else
        w.Null();
    w.Key("files");
    w.StartArray();
    for (const std::filesystem::path& file : schedule.files)
        string(file.string());
    w.EndArray();
    w.Key("last_sent");
    optionalDay(state.lastSent);
    w.Key("not_tonight");
    optionalDay(state.notTonight);
    w.Key("unanswered_in_a_row");
    w.Int(decision.unansweredInARow);
    w.Key("weekly");
    w.Bool(decision.weekly);
    w.Key("today");
    string(formatDay(decision.today));
    w.Key("next");
    w.StartObject();
    w.Key("send");
    w.Bool(decision.send);
    w.Key("reason");
    string(std::string(reasonName(decision.reason)));
    w.Key("message");
    string(explainDecision(decision, settings));
    w.Key("resting_until");
    optionalDay(decision.restingUntil);
    w.EndObject();
    w.EndObject();
    out << buffer.GetString() << "\n";
}

int status(const ReminderArguments& a, Session& session, std::ostream& out) {
    if (a.json) {
        writeJson(session, out);
        return 0;
    }
    const ReminderSettings settings = reminderSettings(session);
    const ReminderState state = reminderState(session);
    const ReminderDecision decision = reminderDecisionNow(session);
    out << "Evening reminder: "
        << (settings.on ? "on, at " + formatTimeOfDay(settings.at) + " (quiet hours from " +
                              formatTimeOfDay(settings.quietFrom) + ")"
                        : std::string("off"))
        << "\n";
    out << "With the window closed: " << installedText(reminderSchedule(userConfigHome())) << "\n";
    out << "Last hello: " << (state.lastSent ? formatLongDay(*state.lastSent) : "none yet") << "\n";
    out << "Now: " << explainDecision(decision, settings) << "\n";
    return 0;
}

} // namespace

void addReminderCommands(CLI::App& app, ReminderArguments& a,
                         const std::function<void(CLI::App*, SessionCommand)>& set,
                         const std::function<void(CLI::App*, LocationCommand)>& setLocation) {
    CLI::App* reminder =
        app.add_subcommand("reminder", "A gentle evening reminder on this computer");
    reminder->require_subcommand(1);

    CLI::App* on = reminder->add_subcommand("on", "Turn the evening reminder on");
    on->add_option("--at", a.at, "When, HH:MM in your day (default 20:30, or the time set before)");
    on->add_option("--quiet-from", a.quietFrom,
                   "Quiet hours begin, HH:MM, until the next day starts (default 23:00)");
    on->add_option("--via", a.via,
                   "What runs it with the window closed: systemd (a user timer) or autostart "
                   "on Linux (default: systemd when it runs your session); sign-in on Windows")
        ->check(CLI::IsMember({"systemd", "autostart", "sign-in"}));
    set(on, [&a](Session& s, std::ostream& o) { return turnOn(a, s, o); });

    CLI::App* off = reminder->add_subcommand("off", "Turn it off and remove its timer");
    set(off, [](Session& s, std::ostream& o) { return turnOff(s, o); });

    CLI::App* statusCommand =
        reminder->add_subcommand("status", "When it comes, and why the next one would or not");
    statusCommand->add_flag("--json", a.json, "As one JSON document (see README)");
    set(statusCommand, [&a](Session& s, std::ostream& o) { return status(a, s, o); });

    CLI::App* check =
        reminder->add_subcommand("check", "Send the reminder if it is due (what the timer runs)");
    check->add_flag("--dry-run", a.dryRun, "Only say what would be sent, or why not");
    auto* watch = check->add_flag("--watch", a.watch,
                                  "Keep checking every evening (what the autostart entry or the Run key runs)");
    watch->excludes(check->get_option("--dry-run"));
    setLocation(check, [&a](const DataLocation& location, std::ostream& o) {
        std::unique_ptr<Notifier> notifier = makeDesktopNotifier();
        ReminderCheckOptions options;
        options.dryRun = a.dryRun;
        options.program = currentProgram();
        if (a.watch) {
            // Windows gives the Run key's command a console window of its
            // own: the watcher starts again without one, and this one ends.
            if (os::aloneOnOwnConsole() &&
                !startDetached(reminderCheckCommand({options.program, location.directory}, true)))
                return 0;
            return watchReminders(location, *notifier, options, o);
        }
        const ReminderCheck checked = runReminderCheck(location, *notifier, options, o);
        return checked.result == CheckResult::Failed ? 1 : 0;
    });
}

} // namespace kindling
