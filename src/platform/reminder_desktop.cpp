#include "platform/reminder_desktop.hpp"

#include "app/clock.hpp"
#include "app/reminder.hpp"
#include "app/session.hpp"
#include "platform/processes.hpp"
#include "store/files.hpp"

#include <algorithm>
#include <ostream>
#include <stdexcept>
#include <thread>

namespace kindling::platform {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// A watcher looks at the clock this often, and tries again this long after
// no notification service answered.
constexpr auto watchTick = 60s;
constexpr auto noServerRetry = 10min;

void recordNotTonightFromHere(const DataLocation& location, std::ostream& out) {
    try {
        Session session = Session::open(location);
        const ReminderDecision now = reminderDecisionNow(session);
        recordNotTonight(session, now.today);
        out << "Not tonight, then. Kindling stays quiet until tomorrow.\n";
    } catch (const StoreError& e) {
        // The window opened meanwhile: today's hello is already given, so
        // nothing more comes tonight anyway.
        out << "Not tonight, then. (" << e.what() << ")\n";
    }
}

void listenToAnswers(Notifier& notifier, const DataLocation& location,
                     const ReminderCheckOptions& options, std::ostream& out) {
    const auto deadline = std::chrono::steady_clock::now() + options.answerWait;
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left <= 0ms) return;
        const std::optional<NotificationEvent> event = notifier.nextEvent(left);
        if (!event || event->kind == NotificationEvent::Kind::Closed) return;
        if (event->action == notTonightAction) {
            recordNotTonightFromHere(location, out);
            return;
        }
        if (event->action == openAction) {
            if (auto problem = openKindlingWindow(options.program, location))
                out << "Kindling did not open: " << *problem << "\n";
            else
                out << "Opening Kindling.\n";
            return;
        }
    }
}

} // namespace

DesktopNotification reminderNotification(const ReminderDecision& decision) {
    return {decision.line.summary,
            decision.line.body,
            {{openAction, "Open Kindling"}, {notTonightAction, "Not tonight"}}};
}

fs::path dataDirectoryOf(const Session& session) {
    std::error_code error;
    const fs::path directory = session.dataFile().parent_path();
    const fs::path absolute = fs::absolute(directory, error);
    return error ? directory : absolute.lexically_normal();
}

ReminderSchedule turnRemindersOn(Session& session, ReminderSettings settings,
                                 std::optional<ReminderScheduler> via, const fs::path& program,
                                 const fs::path& configHome) {
    settings.on = true;
    saveReminderSettings(session, settings); // first: a watcher started below reads it
    try {
        const std::optional<ReminderScheduler> scheduler = via ? via : preferredScheduler();
        if (!scheduler) {
            ReminderSchedule schedule = reminderSchedule(configHome);
            schedule.notes.push_back("on this computer the reminder comes only while Kindling is "
                                     "open");
            return schedule;
        }
        if (!schedulerAvailable(*scheduler))
            throw std::runtime_error("this computer has no " +
                                     std::string(schedulerName(*scheduler)) +
                                     " to bring the reminder with the window closed");
        return installReminderSchedule(*scheduler, {program, dataDirectoryOf(session), settings.at},
                                       configHome);
    } catch (...) {
        settings.on = false;
        saveReminderSettings(session, settings);
        throw;
    }
}

ReminderSchedule turnRemindersOff(Session& session, const fs::path& configHome) {
    ReminderSettings settings = reminderSettings(session);
    settings.on = false;
    saveReminderSettings(session, settings);
    return removeReminderSchedule(configHome, dataDirectoryOf(session));
}

ReminderDelivery sendReminder(Session& session, Notifier& notifier,
                              const ReminderDecision& decision) {
    const SendResult result = notifier.send(reminderNotification(decision));
    ReminderDelivery delivery{result.sent, result.withActions, result.problem, {}};
    if (!result.sent) return delivery;
    try {
        recordReminderSent(session, decision);
    } catch (const std::exception& e) {
        // Shown all the same; at worst a later check says hello once more.
        delivery.keepProblem = e.what();
    }
    return delivery;
}

ReminderCheck runReminderCheck(const DataLocation& location, Notifier& notifier,
                               const ReminderCheckOptions& options, std::ostream& out) {
    ReminderCheck check;
    std::error_code error;
    if (!fs::exists(location.databaseFile(), error)) {
        out << "There is no Kindling data in " << location.directory.string()
            << " yet, so there is nothing to remind you of.\n";
        check.result = CheckResult::NoData;
        return check;
    }
    bool listen = false;
    try {
        Session session = Session::open(location);
        catchUpBeforeReminder(session);
        check.settings = reminderSettings(session);
        check.dayStartHour = session.history().settings.dayStartHour;
        check.decision = reminderDecisionNow(session);
        const ReminderDecision& decision = check.decision;
        if (decision.reason == ReminderReason::Off) {
            out << "Reminders are off, so nothing was sent. (kindling reminder on turns them "
                   "on.)\n";
            check.result = CheckResult::Off;
            return check;
        }
        if (!decision.send) {
            out << "Nothing was sent: " << explainDecision(decision, check.settings) << "\n";
            check.result = CheckResult::NotDue;
            return check;
        }
        const DesktopNotification notification = reminderNotification(decision);
        if (options.dryRun) {
            out << "Would send: " << notification.summary << "\n  " << notification.body
                << "\n  with the buttons \"Open Kindling\" and \"Not tonight\" where the "
                   "desktop shows buttons. (Dry run: nothing was sent.)\n";
            check.result = CheckResult::WouldSend;
            return check;
        }
        const ReminderDelivery delivery = sendReminder(session, notifier, decision);
        if (!delivery.sent) {
            out << "Nothing was sent: " << delivery.problem
                << ". The Kindling window shows the reminder when it opens.\n";
            check.result = CheckResult::NoServer;
            return check;
        }
        // Said at once: the buttons may be waited for a while.
        out << "Sent: " << notification.summary << "\n  " << notification.body << std::endl;
        if (!delivery.keepProblem.empty())
            out << "Note: it could not be noted as sent (" << delivery.keepProblem << ").\n";
        check.result = CheckResult::Sent;
        listen = delivery.withActions;
    } catch (const StoreError& e) {
        if (e.kind() == StoreError::Kind::Locked) {
            out << "The Kindling window is open and says hello itself, so nothing was sent from "
                   "here.\n";
            check.result = CheckResult::WindowOpen;
        } else {
            out << "Nothing was sent: " << e.what() << "\n";
            check.result = CheckResult::Failed;
        }
        return check;
    }
    // The data file is closed again: the window may open while the buttons wait.
    if (listen) listenToAnswers(notifier, location, options, out);
    return check;
}

int watchReminders(const DataLocation& location, Notifier& notifier,
                   const ReminderCheckOptions& options, std::ostream& out,
                   const fs::path& configHome) {
    FileLock lock;
    std::string holder;
    ensurePrivateDirectory(location.directory);
    switch (FileLock::acquire(watcherLockFile(location.directory), lock, holder)) {
    case FileLock::Result::Acquired:
        break;
    case FileLock::Result::HeldElsewhere:
        out << "Another Kindling already watches for the reminder"
            << (holder.empty() ? "" : " (process " + holder + ")") << ".\n";
        return 0;
    case FileLock::Result::Failed:
        out << "kindling: cannot lock " << watcherLockFile(location.directory).string() << ": "
            << holder << "\n";
        return 1;
    }
    std::optional<ReminderCheck> known; // the last check that read the data file
    std::optional<Day> doneFor;         // the day whose hello is settled
    auto nextTry = std::chrono::steady_clock::now();
    // The data file held (the `reminder on` that started this watcher is
    // still finishing, or the window is open): again after 1 s, 2 s, 4 s … 60 s.
    auto heldRetry = std::chrono::milliseconds(1000);
    while (true) {
        const std::optional<ReminderScheduler> installed = reminderSchedule(configHome).installed;
        if (installed != ReminderScheduler::Autostart && installed != ReminderScheduler::SignIn) {
            out << "Nothing starts the reminder's watcher any more, so it stops.\n";
            return 0;
        }
        bool worth = std::chrono::steady_clock::now() >= nextTry;
        if (worth && known) {
            const LocalMoment moment = localMomentNow();
            const auto ymd = std::chrono::year_month_day{moment.date};
            const Day logicalToday =
                logicalDay(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                           static_cast<unsigned>(ymd.day()), moment.hour, known->dayStartHour);
            const bool settled = doneFor && *doneFor == logicalToday;
            const bool time = logicalMinute({moment.hour, moment.minute}, known->dayStartHour) >=
                              logicalMinute(known->settings.at, known->dayStartHour);
            worth = !settled && time;
        }
        if (worth) {
            ReminderCheck check = runReminderCheck(location, notifier, options, out);
            out.flush();
            const auto now = std::chrono::steady_clock::now();
            switch (check.result) {
            case CheckResult::Off:
            case CheckResult::NoData:
                return 0;
            case CheckResult::WindowOpen:
            case CheckResult::Failed:
                nextTry = now + heldRetry;
                heldRetry = std::min<std::chrono::milliseconds>(heldRetry * 2, watchTick);
                break;
            case CheckResult::NoServer:
                known = check;
                heldRetry = std::chrono::milliseconds(1000);
                nextTry = now + noServerRetry;
                break;
            default:
                known = check;
                heldRetry = std::chrono::milliseconds(1000);
                if (check.decision.reason != ReminderReason::TooEarly)
                    doneFor = check.decision.today;
                break;
            }
        }
        // Until the next try, but at least every minute a look at the clock.
        const auto untilNextTry = std::chrono::duration_cast<std::chrono::milliseconds>(
            nextTry - std::chrono::steady_clock::now());
        std::this_thread::sleep_for(
            std::clamp<std::chrono::milliseconds>(untilNextTry, 200ms, watchTick));
    }
}

WindowReminder::WindowReminder(MakeNotifier makeNotifier, std::function<void()> wake)
    : makeNotifier_(std::move(makeNotifier)), wake_(std::move(wake)) {}

WindowReminder::~WindowReminder() {
    if (notifier_) notifier_->setWake({});
}

std::optional<WindowReminder::Result> WindowReminder::check(Session& session, double now) {
    if (now - lastCheck_ < checkEverySeconds) return std::nullopt;
    lastCheck_ = now;
    // No catch-up here: the open window syncs on its own every few seconds
    // (ui/sync_view.hpp), so the session already holds the partner's logs.
    const ReminderDecision decision = reminderDecisionNow(session);
    if (!decision.send) return std::nullopt;
    if (!notifier_) {
        notifier_ = makeNotifier_();
        notifier_->setWake(wake_);
    }
    const ReminderDelivery delivery = sendReminder(session, *notifier_, decision);
    Result result;
    result.sent = delivery.sent;
    result.day = decision.today;
    result.problem = delivery.problem;
    if (!delivery.sent) {
        result.banner = decision.line;
        recordReminderSent(session, decision);
    }
    return result;
}

std::vector<WindowReminder::Answer> WindowReminder::answers(Session& session, Day today) {
    std::vector<Answer> chosen;
    if (!notifier_) return chosen;
    while (auto event = notifier_->nextEvent(0ms)) {
        if (event->kind != NotificationEvent::Kind::Action) continue;
        if (event->action == openAction) chosen.push_back(Answer::OpenToday);
        if (event->action == notTonightAction) {
            recordNotTonight(session, today);
            chosen.push_back(Answer::NotTonight);
        }
    }
    return chosen;
}

std::optional<std::string> openKindlingWindow(const fs::path& program,
                                              const DataLocation& location) {
    // When a window is open on this data already, this second start brings
    // it forward (platform/single_instance.hpp) instead.
    return startDetached(
        {program.string(), "--data-dir", location.directory.string(), "--screen", "today"});
}

} // namespace kindling::platform
