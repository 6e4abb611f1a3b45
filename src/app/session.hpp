#pragma once
// The application service: one open data file, its history and every number
// derived from it. The CLI and the UI call these commands; none of them
// touches SQLite. Each command validates first (InputError, nothing written),
// then writes one transaction, then updates the derived state incrementally.

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/assets.hpp"
#include "core/celebrations.hpp"
#include "core/derived.hpp"
#include "core/model.hpp"
#include "store/export_import.hpp"
#include "store/store.hpp"

namespace kindling {

// Bad input from the person: names the argument, and nothing was written.
class InputError : public std::runtime_error {
  public:
    InputError(std::string argument, const std::string& message)
        : std::runtime_error(message), argument_(std::move(argument)) {}
    const std::string& argument() const { return argument_; }

  private:
    std::string argument_;
};

// Trims and checks a name: not empty, valid UTF-8, no control characters, at
// most maxNameLength characters. Throws InputError naming `argument`.
std::string validatedName(const std::string& argument, std::string_view name);
// Trims free text (a why-line, a reward) and checks it: valid UTF-8, at most
// maxLength characters. Throws InputError naming `argument`.
std::string validatedText(const std::string& argument, std::string_view text,
                          std::size_t maxLength);

struct RitualDraft {
    std::string name;
    Frequency frequency;
    std::optional<Weekdays> weekdays;
    RitualMode mode = RitualMode::Together;
    std::optional<Measure> measure;
    std::string unit;
    Area area = Area::Connection;
    std::string icon = "heart";
    std::string why;
    std::string catalogId; // addRitual: the catalog entry it came from, if any
};

struct GoalDraft {
    std::string title;
    int target = 0;
    GoalScope scope = GoalScope::Any;
    std::string ritualName; // scope Ritual
    Area area = Area::Connection;
    GoalPeriod period = GoalPeriod::Week;
    std::optional<Day> from, to; // Custom
    std::string reward;
};

// What an edit form starts from: the ritual or goal as it is.
RitualDraft draftOf(const Ritual& ritual);
GoalDraft draftOf(const Goal& goal, const History& history);

// What the Journal can change in a log (Session::editLog).
struct LogEdit {
    Day day;
    Who who = Who::Both;
    std::optional<double> amount; // measured rituals only
    std::string note;
};

class Session {
  public:
    // Opens the data file (StoreError when it cannot) and derives everything
    // as of `asOf`, or as of the local logical today.
    static Session open(const DataLocation& location, std::optional<Day> asOf = std::nullopt);

    const History& history() const { return history_; }
    const DerivedState& derived() const { return derived_; }
    // XP, level, goals, achievements and milestones as of asOf().
    const ProgressSnapshot& progress() const { return progress_; }

    // Milestones the last commands crossed that were never celebrated, oldest
    // first. The UI shows the first and calls celebrated() when the couple
    // continues; the CLI prints them all.
    const std::vector<Milestone>& pendingCelebrations() const { return pending_; }
    // Records a celebration as shown (in the data file: never again). It
    // leaves the queue even when writing that fails (StoreError).
    void celebrated(std::string key);
    Day asOf() const { return derived_.asOf; }
    Store& store() { return store_; }
    bool isEmpty() const;
    // Things worth telling the couple that did not stop the session (a
    // backup that failed). The CLI prints them on stderr, the UI shows them.
    const std::vector<std::string>& warnings() const { return warnings_; }

    // The couple's small UI choices (theme, reduce motion …), kept in the data
    // file under a key; `fallback` when never set.
    std::string preference(const std::string& key, const std::string& fallback) const;
    void setPreference(const std::string& key, const std::string& value);

    // Re-derives everything as of another day (stats --as-of).
    void setAsOf(Day day);

    void setPartnerNames(const std::optional<std::string>& partner1,
                         const std::optional<std::string>& partner2);
    Ritual addRitual(const RitualDraft& draft);
    const Ritual& ritualNamed(const std::string& argument, std::string_view name) const;
    // "both", or a partner's name (case-insensitive), or "partner1"/"partner2".
    Who partnerNamed(const std::string& argument, std::string_view name) const;

    // Logs one ritual on several days in one transaction. `by` defaults to both
    // for together rituals and is required for `each` rituals.
    std::vector<Log> log(const std::string& ritualName, const std::vector<Day>& days,
                         const std::optional<std::string>& by, std::optional<double> amount,
                         const std::string& note);
    // Removes the logs of that ritual on that day (only `by`'s when given);
    // they stay as tombstones. Returns how many were removed.
    int unlog(const std::string& ritualName, Day day, const std::optional<std::string>& by);
    void skip(const std::string& ritualName, const std::vector<Day>& days);
    Pause pause(Day from, Day to, const std::string& reason);
    Goal addGoal(const GoalDraft& draft);

    // The Today screen's commands: by id, for the session's day, undoable.
    void logToday(const std::string& ritualId, Who who, std::optional<double> amount = {});
    void skipToday(const std::string& ritualId);
    // Reverts the last undoable command; false when there is none.
    bool undo();
    bool canUndo() const { return !undoStack_.empty(); }
    const std::string& undoDescription() const;
    // Grows with every change, so views can cache what they derive.
    std::uint64_t revision() const { return revision_; }

    // Writes a whole generated history into an empty data file, in one transaction.
    void importGenerated(const History& generated);

    // Export, import, backup and restore (store/export_import.hpp). Import
    // and restore reload the history afterwards.
    std::string exportJson(const std::string& appVersion) const;
    std::string exportCsv() const;
    // Checks the whole file against the current data; throws ImportError.
    ImportPlan planImport(std::string_view json, const ImportProgress& progress = {}) const;
    void applyImport(const ImportPlan& plan, const ImportProgress& progress = {});
    std::filesystem::path backup();
    // Returns the backup of the data as it was before the restore.
    std::filesystem::path restore(const std::filesystem::path& file);

    // ---- The data file and its backups, for the Settings screen ----
    const std::filesystem::path& dataFile() const { return store_.file(); }
    // Newest first.
    std::vector<BackupFile> backups() const { return store_.listBackups(); }

    // ---- Pauses and skips (session_pauses.cpp): undoable, like logToday ----
    // `pause` above starts a break (undoable as well); these end, cancel and skip.
    // The pause covering asOf() that lasts longest, if the couple is on a break.
    const Pause* currentPause() const;
    // The soonest pause that starts after asOf(), if one is planned.
    const Pause* upcomingPause() const;
    // Ends the break today: every pause covering asOf() now ends the day
    // before (one that began today is removed), so today counts as usual.
    void endPause();
    // Removes a pause altogether (a planned break that is off).
    void removePause(const std::string& pauseId);
    // A day off for one ritual, and back again. A logged day cannot be skipped.
    void skipDay(const std::string& ritualId, Day day);
    void unskipDay(const std::string& ritualId, Day day);

    // ---- Rituals and goals (session_rituals.cpp, session_goals.cpp, with
    // addRitual and addGoal above): edits, archiving and order are undoable ----
    // Adds the catalog's suggestion `catalogId` (assets/catalog.json) as it
    // stands; editRitual adjusts it afterwards. InputError when the id is
    // unknown or a ritual already has that name.
    Ritual addRitualFromCatalog(const std::string& catalogId);
    // Replaces what the couple chose about a ritual. Its logs and skips stay;
    // its streaks and strength are derived again from its whole history under
    // the new schedule, mode and measure.
    void editRitual(const std::string& ritualId, const RitualDraft& draft);
    // An archived ritual leaves Today and the dashboard and keeps its history.
    void setRitualArchived(const std::string& ritualId, bool archived);
    // The order on screen: `orderedIds` names every ritual (archived too) once.
    void reorderRituals(const std::vector<std::string>& orderedIds);
    // A goal's title, target, scope, period and reward. It keeps its start
    // unless it becomes a "this week" or "this month" goal of another period:
    // then, like a new goal, it starts on asOf().
    void editGoal(const std::string& goalId, const GoalDraft& draft);
    // Archiving stops a goal on asOf() (core/goals.hpp); restoring brings it
    // back whole.
    void setGoalArchived(const std::string& goalId, bool archived);

    // ---- The journal and the question of the night (session_journal.cpp) ----
    // Changes one log's day, who, amount and note (its ritual stays). Checked
    // like log() (InputError, nothing written): a day no later than asOf(),
    // an amount exactly when the ritual is measured. Undoable.
    Log editLog(const std::string& logId, const LogEdit& edit);
    // Deletes one log; the store keeps it as a tombstone. Undoable.
    void deleteLog(const std::string& logId);

    // The deck's marks (answered, favourite, skipped), read once per revision.
    const std::vector<QuestionMarkEntry>& questionMarks() const;
    // Tonight's question as of asOf(): questionOfTheNight (core/question_deck.hpp)
    // over the marks, so "next" and answers count. Today and Questions show it.
    const Question& questionOfTheNight() const;
    // The ritual an answer logs: the first active, unmeasured ritual that came
    // from the catalog's "question-of-the-night" (the one the badges count);
    // nullptr when the couple has none, and answering then only marks the question.
    const Ritual* questionRitual() const;
    // "We talked about it": marks the question answered tonight and logs
    // questionRitual() for both, the question as the note. A question already
    // answered tonight is left as it is. Undoable.
    void answerQuestion(const std::string& questionId);
    // "Next": marks tonight's question skipped, so the deck moves on. Undoable.
    void nextQuestion();
    void setFavourite(const std::string& questionId, bool favourite); // undoable

    // ---- The couple, settings, onboarding and PIN (session_settings.cpp) ----
    // Both partners' names and colours (0xRRGGBB) at once, checked like
    // setPartnerNames. Saving the couple is what marks onboarding as done.
    void setCouple(const Couple& couple);
    // The couple was saved once (onboarding finished or skipped): the window
    // then opens on Today instead of the welcome steps.
    bool onboarded() const { return store_.hasCouple(); }
    // The day's start hour (0-23) and the first day of the week (0 = Monday
    // ... 6 = Sunday); everything is derived again.
    void setSettings(const Settings& settings);
    // The optional PIN (docs/product.md §1.4), kept only as a salted hash
    // (app/pin.hpp). Setting, changing or removing one asks for the current
    // PIN when there is one (InputError when it is not right, nothing changed).
    bool hasPin() const;
    bool checkPin(std::string_view pin) const; // false when none is set
    void setPin(std::string_view currentPin, std::string_view newPin);
    void removePin(std::string_view currentPin);
    // Turns the lock off without the PIN (kindling forget-pin): whoever can
    // run Kindling on this computer can read the data file anyway.
    void forgetPin();

  private:
    Session(Store store, History history, Day asOf);
    void rederive();

    Store store_;
    History history_;
    DerivedState derived_;
    std::vector<std::string> warnings_;
    struct UndoEntry {
        std::string description;
        std::function<void()> revert;
    };
    std::vector<UndoEntry> undoStack_;
    ProgressSnapshot progress_;
    std::set<std::string> shown_;
    std::vector<Milestone> pending_;
    // Recomputes progress and queues what the change newly reached.
    void progressChanged();
    // After an import or a demo: everything already reached counts as shown,
    // so years of history do not arrive as a flood of celebrations.
    void markAllReachedAsShown();
    std::uint64_t revision_ = 0;
    void changed(const std::string& ritualId);
    // After `removed` left history_.logs and `added` were appended to it.
    void logsChanged(const std::vector<Log>& added, const std::vector<Log>& removed);
    // After an edit or a restore changed how the history counts (a ritual's,
    // when given, or a goal's): derives again, and credits what that newly
    // reached before asOf() without a celebration; a celebration is for what
    // the couple does now.
    void recounted(const std::optional<std::string>& ritualId);
    // The question marks and tonight's question, read again when revision_ moves.
    struct QuestionCache {
        std::uint64_t revision = ~std::uint64_t{0};
        std::vector<QuestionMarkEntry> marks;
        const Question* tonight = nullptr;
    };
    mutable QuestionCache questionCache_;
    const QuestionCache& questionCache() const;
};

} // namespace kindling
