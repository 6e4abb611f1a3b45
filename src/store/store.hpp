#pragma once
// The couple's one data file (docs/product.md §1.4, §3.11): an SQLite database that
// only Kindling writes, opened by one Kindling at a time, never modified when
// it is not ours, damaged, or written by a newer Kindling.
//
// Every command is one transaction: it is on disk (WAL, synchronous=FULL) when
// the call returns, or it left no trace. Not thread-safe: one Store per
// process, used from one thread.

#include "core/change_set.hpp"
#include "core/hlc.hpp"
#include "core/model.hpp"
#include "core/row_version.hpp"
#include "store/backups.hpp"
#include "store/paths.hpp"
#include "store/uuid.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace kindling {

class StoreError : public std::runtime_error {
  public:
    enum class Kind : std::uint8_t {
        NotKindling,  // not an SQLite file, or another application's database
        Damaged,      // ours, but fails its integrity check or holds impossible values
        NewerVersion, // written by a newer Kindling
        Locked,       // another Kindling has this file open
        Full,         // the disk (or the file's size limit) is full
        Io,           // the system refused a read, a write, a folder or a permission
        Invalid,      // the command itself was wrong (bad value, unknown ritual, duplicate)
        NotFound,     // no live row with that id
    };

    StoreError(Kind kind, std::filesystem::path path, const std::string& message);
    Kind kind() const noexcept { return kind_; }
    const std::filesystem::path& path() const noexcept { return path_; }

  private:
    Kind kind_;
    std::filesystem::path path_;
};

std::string_view storeErrorKindName(StoreError::Kind kind);

// "KNDL": set once when the file is created; how we tell our file from any
// other SQLite database.
inline constexpr std::int32_t kindlingApplicationId = 0x4B4E444C;
// PRAGMA user_version this build writes; see store/schema.hpp for the steps.
int currentSchemaVersion();

class Store {
  public:
    // Opens or creates location.databaseFile(); see store.cpp for the order of
    // the checks. Throws StoreError.
    static Store open(const DataLocation& location);

    // A moved-from Store may only be destroyed or assigned to.
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    const std::filesystem::path& file() const;
    const DataLocation& location() const;

    // Everything live (not deleted), rituals ordered by position, logs by day.
    // Partners never saved come back as Couple's defaults (see hasCouple).
    History loadHistory() const;
    // The couple has been saved at least once (onboarding is done).
    bool hasCouple() const;
    // This computer's own: its preferences (theme, scale, the PIN's hash …)
    // and the milestones it has celebrated.
    std::map<std::string, std::string> preferences() const;
    std::set<std::string> shownCelebrations() const;

    // Writes every row of `change` in one transaction, at `now` (unix
    // seconds): a row without `before` is inserted (or comes back from its
    // tombstone), one with both is updated, one without `after` becomes a
    // tombstone (preferences are simply erased). The rows were checked by
    // checkChange (core/rules.hpp); the schema's CHECKs are the last guard.
    // `progress` is called now and then with rows written of all.
    //
    // Every synced row it writes is stamped with this computer's clock (its
    // field clocks, core/row_version.hpp), so sync can ship it. With `merged`
    // (the other computer's versions merged with ours, sync_engine.cpp) the
    // rows keep the merged clocks instead, and merged rows that are removed
    // and unknown here are stored as tombstones.
    using WriteProgress = std::function<void(std::size_t done, std::size_t total)>;
    void apply(const ChangeRows& change, std::int64_t now, const WriteProgress& progress = {},
               const SyncedRows* merged = nullptr);

    // ---- Sync bookkeeping (store/sync_rows.cpp, docs/sync.md) ----
    // This computer's sync state: small text values by key ("device", "couple",
    // "folder" …). Never exported, never synced.
    std::map<std::string, std::string> syncState() const;
    // Sets (or, with nullopt, erases) keys in one transaction.
    void setSyncState(const std::map<std::string, std::optional<std::string>>& values);
    // The device id that stamps changes made here: made once, on first use.
    std::string deviceId();
    // The newest clock this computer has given or seen.
    Hlc lastClock();
    // Rows stamped here after the clock `since` (empty: all of them), live or
    // removed, as versions to ship.
    SyncedRows versionsChangedHere(const std::string& since) const;
    // What the store holds of the rows `incoming` names (live or removed);
    // a row it has never seen is left out.
    SyncedRows versionsLike(const SyncedRows& incoming) const;
    // Stamps every row that has no clock yet (written before sync existed),
    // so the first computer ships its whole history.
    void stampUnstamped(std::int64_t now);

    // Forgets the clocks of the couple and the shared settings, so that what a
    // folder holds of them wins and nothing of this file's own goes out:
    // joining a couple from an empty data file takes on their names
    // (docs/sync.md "Joining").
    void forgetCoupleClocks();

    // Every ritual id the file has ever held, removed ones too.
    std::set<std::string> ritualIds() const;

    struct Peer {
        std::string device;
        std::string name;
        std::uint64_t appliedThrough = 0; // every segment through this number is applied
        std::optional<std::int64_t> appliedAt;
        std::uint64_t seenThrough = 0; // the highest number seen in the folder
    };
    std::vector<Peer> syncPeers() const;
    void savePeer(const Peer& peer);

    // A consistent snapshot in backups/ named with the local date and time;
    // returns its path. Never pruned automatically.
    std::filesystem::path backup();
    // At most one a day (kindling-daily-YYYY-MM-DD.sqlite3), then prunes daily
    // backups by keepDailyBackups (store/backups.hpp). Returns the new file, or
    // nullopt when today's already exists.
    std::optional<std::filesystem::path> automaticDailyBackup(Day today);
    std::vector<BackupFile> listBackups() const;

    // Replaces the data with `candidate`, a Kindling data file (a backup),
    // holding this store's lock throughout. In order: `candidate` is checked
    // read-only (ours, not newer, passes the integrity check) and left
    // untouched; a consistent copy of it is upgraded and fully read aside;
    // a backup of the current data is taken (returned); only then are the
    // current contents replaced, in one SQLite transaction. Throws StoreError:
    // about `candidate` (its path() is the candidate; nothing was changed) or
    // about the data file.
    std::filesystem::path restoreFrom(const std::filesystem::path& candidate);

    // Test hooks. Creates a Kindling file with only the first `version`
    // migration steps (to test upgrades of old files); refuses an existing file.
    static void createAtVersionForTesting(const std::filesystem::path& file, int version);
    // PRAGMA max_page_count: lets a test fill "the disk" quickly.
    void limitPagesForTesting(std::int64_t maxPages);

    // Opaque: the connection and the lock (store/store_impl.hpp, internal).
    struct Impl;

  private:
    explicit Store(std::unique_ptr<Impl> impl);

    class TransactionScope {
      public:
        explicit TransactionScope(Store& store);
        TransactionScope(const TransactionScope&) = delete;
        TransactionScope& operator=(const TransactionScope&) = delete;
        ~TransactionScope();
        void commit();

      private:
        Impl& impl_;
        bool done_ = false;
    };

    template <class F> void write(std::string_view action, F&& body);

    std::unique_ptr<Impl> impl_;
};

} // namespace kindling
