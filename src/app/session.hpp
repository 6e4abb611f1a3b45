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
    // Records a celebration as shown (in the data file: never again).
    void celebrated(const std::string& key);
    Day asOf() const { return derived_.asOf; }
    Store& store() { return store_; }
    bool isEmpty() const;
    // Things worth telling the couple that did not stop the session (a
    // backup that failed). The CLI prints them on stderr, the UI shows them.
    const std::vector<std::string>& warnings() const { return warnings_; }

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
};

} // namespace kindling
