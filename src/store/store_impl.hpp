#pragma once
// Shared by store.cpp (opening, migrations, backups) and commands.cpp: not
// part of the store's interface.

#include "store/files.hpp"
#include "store/store.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <optional>
#include <string_view>

namespace kindling {

struct Store::Impl {
    Impl(DataLocation where, FileLock heldLock, SQLite::Database database)
        : location(std::move(where)), file(location.databaseFile()), lock(std::move(heldLock)),
          db(std::move(database)) {}

    // Declaration order is destruction order reversed: the transaction ends
    // before the connection closes, and the connection closes (checkpointing
    // the WAL) before the lock is released.
    DataLocation location;
    std::filesystem::path file;
    FileLock lock;
    SQLite::Database db;
    int depth = 0; // nesting of TransactionScope
    std::optional<SQLite::Transaction> outer;
    // Sync's stamps (store/sync_rows.cpp), read once.
    std::string device;
    std::optional<Hlc> clock;

    [[noreturn]] void invalid(const std::string& message) const;
    [[noreturn]] void damaged(std::string_view table, const std::string& id,
                              const std::string& problem) const;
};

// Stamps or keeps the clocks of every synced row `change` writes, inside the
// caller's transaction (store/sync_rows.cpp).
void writeClocks(Store::Impl& impl, const ChangeRows& change, std::int64_t now,
                 const SyncedRows* merged);

// What to tell the couple when their file cannot be used.
std::string restoreAdvice(const DataLocation& location);

// Maps an SQLite failure to a StoreError whose message says what could not be
// done (`action`, e.g. "save the logs"), why, and what to do.
StoreError translate(const SQLite::Exception& error, const DataLocation& location,
                     std::string_view action);

// One transaction around `body`; an SQLite failure is told as what could not
// be done (`action`).
template <class F> void Store::write(std::string_view action, F&& body) {
    try {
        TransactionScope scope(*this);
        body();
        scope.commit();
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_->location, action);
    }
}

} // namespace kindling
