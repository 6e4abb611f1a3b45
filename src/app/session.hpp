#pragma once
// The application service: one open data file, its history and every number
// derived from it. Every change the window, the command line and an import
// make is a ChangeSet (core/change_set.hpp) built by an action
// (core/actions.hpp) and handed to apply(), the one road to the disk
// (docs/architecture.md): it is checked, written in one transaction, patched
// into the history, the derived numbers follow, the revision moves once and
// its inverse is kept for undo. Nothing here touches SQLite itself.

#include "core/actions.hpp"
#include "core/assets.hpp"
#include "core/celebrations.hpp"
#include "core/derived.hpp"
#include "core/model.hpp"
#include "store/export_import.hpp"
#include "store/store.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kindling {

class Session {
  public:
    // Opens the data file (StoreError when it cannot) and derives everything
    // as of `asOf`, or as of the local logical today.
    static Session open(const DataLocation& location, std::optional<Day> asOf = std::nullopt);

    const History& history() const { return history_; }
    const DerivedState& derived() const { return derived_; }
    // XP, level, goals, achievements and milestones as of asOf().
    const ProgressSnapshot& progress() const { return progress_; }
    Day asOf() const { return derived_.asOf; }
    // Re-derives everything as of another day (stats --as-of, midnight).
    void setAsOf(Day day);
    bool isEmpty() const;
    // Things worth telling the couple that did not stop the session (a
    // backup that failed). The CLI prints them on stderr, the UI shows them.
    const std::vector<std::string>& warnings() const { return warnings_; }
    // Grows with every change, so views can cache what they derive.
    std::uint64_t revision() const { return revision_; }

    // ---- The one road ----------------------------------------------------------
    // What an action needs: asOf(), the clock's time, fresh ids.
    ActionContext context() const;
    // Checks `change` (RuleViolation, nothing written), writes it in one
    // transaction (StoreError, nothing changed), then brings the history, the
    // derived numbers and the milestones up to date. An undoable change is
    // kept for undo (and clears redo). An empty change does nothing.
    void apply(const ChangeSet& change, const Store::WriteProgress& progress = {});
    // Builds a change with `action` over this history and applies it; returns it.
    template <class... Params, class... Args>
    ChangeSet run(ChangeSet (*action)(const History&, const ActionContext&, Params...),
                  Args&&... args) {
        ChangeSet change = action(history_, context(), std::forward<Args>(args)...);
        apply(change);
        return change;
    }
    // The last undoable change's inverse, through apply; false when none.
    // Undo takes back exactly what that change did, the XP it earned too; any
    // other change keeps the XP already earned (docs/scoring.md §6.3).
    bool undo();
    bool redo();
    bool canUndo() const { return !undoStack_.empty(); }
    bool canRedo() const { return !redoStack_.empty(); }
    // "Undo \"A walk\"", "Redo …"; empty when there is nothing to undo.
    std::string undoDescription() const;
    std::string redoDescription() const;

    // ---- Celebrations ------------------------------------------------------------
    // Milestones the last changes crossed that were never celebrated, oldest
    // first. The UI shows the first and calls celebrated() when the couple
    // continues; the CLI prints them all.
    const std::vector<Milestone>& pendingCelebrations() const { return pending_; }
    // Records a celebration as shown on this computer: never again. It leaves
    // the queue even when writing that fails (StoreError).
    void celebrated(std::string key);

    // ---- This computer's preferences (theme, reduce motion …) --------------------
    std::string preference(const std::string& key, const std::string& fallback) const;
    // nullopt when the preference is not set.
    std::optional<std::string> findPreference(const std::string& key) const;
    void setPreference(const std::string& key, const std::optional<std::string>& value);

    // ---- The question of the night -------------------------------------------------
    // Tonight's question as of asOf(): questionOfTheNight (core/question_deck.hpp)
    // over the history's marks, so "next" and answers count.
    const Question& questionOfTheNight() const;

    // ---- Onboarding and the optional PIN (session_pin.cpp) ----------------------
    // The couple was saved once (welcome steps finished or skipped): the window
    // then opens on Today instead of the welcome steps.
    bool onboarded() const { return onboarded_; }
    // The optional PIN (docs/product.md "Private"), kept only as a salted hash
    // (app/pin.hpp), a preference of this computer. Setting, changing or
    // removing one asks for the current PIN when there is one
    // (RuleViolation when it is not right, nothing changed).
    bool hasPin() const;
    bool checkPin(std::string_view pin) const; // false when none is set
    void setPin(std::string_view currentPin, std::string_view newPin);
    void removePin(std::string_view currentPin);
    // Turns the lock off without the PIN (kindling forget-pin): whoever can
    // run Kindling on this computer can read the data file anyway.
    void forgetPin();

    // ---- Export, import, backups (store/export_import.hpp) ------------------------
    std::string exportJson(const std::string& appVersion) const;
    std::string exportCsv() const;
    // Checks the whole file against the current data; throws ImportError.
    ImportPlan planImport(std::string_view json, const ImportProgress& progress = {}) const;
    // A safety backup first (StoreError when it cannot be taken: nothing is
    // imported), then the plan as one change through apply. Returns the backup.
    std::filesystem::path applyImport(const ImportPlan& plan, const ImportProgress& progress = {});
    // Writes a whole generated history into an empty data file (a demo).
    void importGenerated(const History& generated);
    std::filesystem::path backup();
    // Replaces the file with a backup (Store::restoreFrom) and reads it again;
    // returns the backup of the data as it was before.
    std::filesystem::path restore(const std::filesystem::path& file);
    const std::filesystem::path& dataFile() const { return store_.file(); }
    std::vector<BackupFile> backups() const { return store_.listBackups(); } // newest first
    // For tests and the scaling guard: the store under the session.
    Store& store() { return store_; }

    // XP earned before and kept through edits of the past (docs/scoring.md
    // §6.3): the couple's KeptXp rows, by day.
    std::vector<XpGain> keptXp() const;

  private:
    Session(Store store, History history, Day asOf);
    // apply() without the undo bookkeeping: undo and redo use it too, and
    // keep no XP (§6.3). Returns the change as written when it kept some XP
    // (the change and its KeptXp row), so an undo takes that back too.
    std::optional<ChangeSet> write(const ChangeSet& change, const Store::WriteProgress& progress,
                                   bool keepXp);
    void checkLocal(const ChangeSet& change) const;
    void updateMilestones(const ChangeSet& change, const std::vector<Milestone>& pendingBefore,
                          ProgressSnapshot after);
    ProgressSnapshot progressNow() const;
    // Every milestone reached now counts as shown (an import, a demo).
    void markAllReachedAsShown();

    Store store_;
    History history_;
    DerivedState derived_;
    ProgressSnapshot progress_;
    std::map<std::string, std::string> preferences_;
    std::set<std::string> shown_;
    std::vector<Milestone> pending_;
    std::vector<std::string> warnings_;
    std::vector<ChangeSet> undoStack_, redoStack_;
    std::uint64_t revision_ = 0;
    bool onboarded_ = false;
    struct QuestionCache {
        std::uint64_t revision = ~std::uint64_t{0};
        const Question* tonight = nullptr;
    };
    mutable QuestionCache questionCache_;
};

} // namespace kindling
