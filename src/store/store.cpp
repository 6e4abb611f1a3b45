#include "store/store.hpp"

#include "platform/os/file_calls.hpp"
#include "platform/os/private_files.hpp"
#include "store/schema.hpp"
#include "store/store_impl.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <sqlite3.h>

namespace kindling {

namespace fs = std::filesystem;

StoreError::StoreError(Kind kind, fs::path path, const std::string& message)
    : std::runtime_error(message), kind_(kind), path_(std::move(path)) {}

std::string_view storeErrorKindName(StoreError::Kind kind) {
    // In the order of StoreError::Kind.
    constexpr std::array<std::string_view, 8> names{
        "not-kindling", "damaged", "newer-version", "locked", "full", "io", "invalid", "not-found"};
    const auto index = static_cast<std::size_t>(kind);
    return index < names.size() ? names[index] : "unknown";
}

int currentSchemaVersion() {
    return schemaMigrations().back().version;
}

std::string restoreAdvice(const DataLocation& location) {
    std::error_code error;
    if (fs::is_empty(location.backupDirectory(), error) || error)
        return "There is no backup in " + location.backupDirectory().string() +
               " yet. If you exported your data, move " + location.databaseFile().string() +
               " aside (keep it) and import the export into a fresh Kindling.";
    return "To get your data back, quit Kindling, move " + location.databaseFile().string() +
           " aside (keep it), and copy the newest file from " +
           location.backupDirectory().string() + " to " + location.databaseFile().string() + ".";
}

StoreError translate(const SQLite::Exception& error, const DataLocation& location,
                     std::string_view action) {
    using Kind = StoreError::Kind;
    const fs::path file = location.databaseFile();
    const std::string what = "Kindling could not " + std::string(action) + ": ";
    switch (error.getErrorCode()) {
    case SQLITE_FULL:
        return {Kind::Full, file,
                what + "the disk holding " + file.string() +
                    " is full. Nothing of this change was saved and everything saved before is "
                    "safe. Free some disk space and try again."};
    case SQLITE_CONSTRAINT:
        switch (error.getExtendedErrorCode()) {
        case SQLITE_CONSTRAINT_FOREIGNKEY:
            return {Kind::Invalid, file,
                    what + "it refers to a ritual that does not exist. Nothing was saved."};
        case SQLITE_CONSTRAINT_PRIMARYKEY:
        case SQLITE_CONSTRAINT_UNIQUE:
            return {Kind::Invalid, file,
                    what + "it is already there (" + error.what() + "). Nothing was saved."};
        default:
            return {Kind::Invalid, file,
                    what + "a value is outside what Kindling keeps (" + error.what() +
                        "). Nothing was saved."};
        }
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return {Kind::Damaged, file,
                what + file.string() + " is damaged (" + error.what() + "). " +
                    restoreAdvice(location)};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {Kind::Locked, file,
                what + "another program is using " + file.string() +
                    " right now. Close it and try again."};
    default:
        return {Kind::Io, file,
                what + "the system refused to read or write " + file.string() + " (" +
                    error.what() + ")."};
    }
}

void Store::Impl::invalid(const std::string& message) const {
    throw StoreError(StoreError::Kind::Invalid, file, message);
}

void Store::Impl::damaged(std::string_view table, const std::string& id,
                          const std::string& problem) const {
    throw StoreError(StoreError::Kind::Damaged, file,
                     file.string() + " is damaged: the " + std::string(table) + " row '" + id +
                         "' " + problem + ". " + restoreAdvice(location));
}

namespace {

using Kind = StoreError::Kind;

constexpr unsigned char sqliteMagic[] = "SQLite format 3";

std::int32_t bigEndian32(const std::array<unsigned char, 100>& header, std::size_t offset) {
    const std::uint32_t value = (std::uint32_t{header[offset]} << 24) |
                                (std::uint32_t{header[offset + 1]} << 16) |
                                (std::uint32_t{header[offset + 2]} << 8) | header[offset + 3];
    return static_cast<std::int32_t>(value);
}

// Appended to the path itself: on Windows, fs::path(file.string() + ...) would
// read string()'s UTF-8 back in another code page and miss a folder such as
// "Zoë" (src/platform/os/user_folders.hpp).
fs::path withSuffix(const fs::path& file, std::string_view suffix) {
    fs::path result = file;
    result += suffix;
    return result;
}

std::uintmax_t sizeOrZero(const fs::path& file) {
    std::error_code error;
    const auto size = fs::file_size(file, error);
    return error ? 0 : size;
}

const std::string untouched = "Kindling did not change it.";

// Before SQLite ever opens a file with write access we decide, from its bytes
// alone, whether it is ours. Returns false when there is no database yet.
bool checkExistingFile(const DataLocation& location) {
    const fs::path file = location.databaseFile();
    std::error_code error;
    const fs::file_status status = fs::status(file, error);
    if (status.type() == fs::file_type::not_found) return false;
    const auto cannotLook = [&] {
        return StoreError(Kind::Io, file,
                          "Kindling cannot look at " + file.string() + ": " + error.message());
    };
    if (error) throw cannotLook();
    if (!fs::is_regular_file(status))
        throw StoreError(Kind::NotKindling, file,
                         file.string() + " is not a regular file, so it cannot be Kindling's "
                                         "data. Move it away and open Kindling again.");
    // A 0-byte file holds nothing to lose (an interrupted copy, a `touch`), so
    // it becomes a new database. Our own creation never leaves one: it builds
    // the file aside and renames it into place. Anything non-empty must prove
    // it is ours.
    const std::uintmax_t size = fs::file_size(file, error);
    if (error) throw cannotLook();
    if (size == 0) {
        if (sizeOrZero(withSuffix(file, "-wal")) > 0)
            throw StoreError(Kind::Damaged, file,
                             file.string() + " is empty but has a write-ahead log next to it. " +
                                 untouched + " " + restoreAdvice(location));
        return false;
    }
    if (auto problem = os::checkReadWrite(file))
        throw StoreError(Kind::Io, file,
                         "Kindling cannot read and write " + file.string() + ": " + problem->text +
                             ". Check the file's owner and permissions.");
    const auto header = readSqliteHeader(file);
    if (!header || !std::equal(std::begin(sqliteMagic), std::end(sqliteMagic), header->begin()))
        throw StoreError(Kind::NotKindling, file,
                         file.string() +
                             " is not a Kindling database (it is not an SQLite "
                             "file at all). " +
                             untouched + " If it held your Kindling data, it is damaged. " +
                             restoreAdvice(location));
    if (bigEndian32(*header, 68) != kindlingApplicationId)
        throw StoreError(Kind::NotKindling, file,
                         file.string() +
                             " is an SQLite database of another application, not "
                             "Kindling's. " +
                             untouched + " Move it elsewhere to start fresh. " +
                             restoreAdvice(location));
    return true;
}

// The read-only half of opening: integrity and version, with a connection
// that cannot write. Returns the file's schema version.
// What an integrity check found, "; "-separated; empty when the file is whole.
std::string integrityProblems(SQLite::Database& db, const char* check) {
    SQLite::Statement rows(db, check);
    std::string problems;
    while (rows.executeStep()) {
        const std::string row = rows.getColumn(0).getString();
        if (row == "ok") continue;
        if (!problems.empty()) problems += "; ";
        problems += row;
    }
    return problems;
}

int checkReadOnly(const DataLocation& location) {
    const fs::path file = location.databaseFile();
    try {
        SQLite::Database db(file, SQLite::OPEN_READONLY, 2000);
        const int version = db.execAndGet("PRAGMA user_version").getInt();
        if (version > currentSchemaVersion())
            throw StoreError(Kind::NewerVersion, file,
                             file.string() + " was written by a newer Kindling (data version " +
                                 std::to_string(version) + "; this Kindling knows up to " +
                                 std::to_string(currentSchemaVersion()) + "). " + untouched +
                                 " Install the newer Kindling to open it.");
        const std::string problems = integrityProblems(db, "PRAGMA quick_check(5)");
        if (!problems.empty())
            throw StoreError(Kind::Damaged, file,
                             file.string() + " is damaged (" + problems + "). " + untouched + " " +
                                 restoreAdvice(location));
        return version;
    } catch (const SQLite::Exception& error) {
        const int code = error.getErrorCode();
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
            throw StoreError(Kind::Damaged, file,
                             file.string() + " is damaged (" + error.what() + "). " + untouched +
                                 " " + restoreAdvice(location));
        throw translate(error, location, "check " + file.string());
    }
}

// One transaction per step, user_version set inside it, foreign keys checked
// before the commit (they are off during migrations so tables can be rebuilt).
void migrate(SQLite::Database& db, int from, int to) {
    for (const Migration& step : schemaMigrations()) {
        if (step.version <= from || step.version > to) continue;
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        db.exec(std::string(step.sql));
        db.exec("PRAGMA user_version = " + std::to_string(step.version));
        SQLite::Statement foreignKeys(db, "PRAGMA foreign_key_check");
        if (foreignKeys.executeStep())
            throw SQLite::Exception("a migration left a row pointing at nothing",
                                    SQLITE_CONSTRAINT);
        transaction.commit();
    }
}

// Builds the file aside and renames it into place, so the database file
// either does not exist or is a complete Kindling database.
void createDatabase(const fs::path& file, int version, const DataLocation& location) {
    const fs::path building = withSuffix(file, ".creating");
    std::error_code ignored;
    fs::remove(building, ignored);
    fs::remove(withSuffix(building, "-journal"), ignored);
    if (auto error = createPrivateFile(building))
        throw StoreError(Kind::Io, file,
                         "Kindling cannot create " + building.string() + ": " + *error);
    try {
        {
            SQLite::Database db(building, SQLite::OPEN_READWRITE);
            db.exec("PRAGMA synchronous = FULL");
            db.exec("PRAGMA application_id = " + std::to_string(kindlingApplicationId));
            migrate(db, 0, version);
        }
        if (auto error = syncFile(building))
            throw StoreError(Kind::Io, file,
                             "Kindling cannot save " + building.string() + ": " + *error);
        fs::rename(building, file);
        if (auto error = syncDirectory(file.parent_path()))
            throw StoreError(Kind::Io, file,
                             "Kindling cannot save the folder " + file.parent_path().string() +
                                 ": " + *error);
    } catch (const SQLite::Exception& error) {
        fs::remove(building, ignored);
        throw translate(error, location, "create " + file.string());
    } catch (const fs::filesystem_error& error) {
        fs::remove(building, ignored);
        throw StoreError(Kind::Io, file,
                         "Kindling cannot create " + file.string() + ": " + error.what());
    } catch (...) {
        fs::remove(building, ignored);
        throw;
    }
}

fs::path uniqueName(const fs::path& directory, const std::string& name) {
    fs::path candidate = directory / name;
    const auto stem = fs::path(name).stem().string();
    const auto extension = fs::path(name).extension().string();
    for (int n = 2; fs::exists(candidate); ++n)
        candidate = directory / (stem + "-" + std::to_string(n) + extension);
    return candidate;
}

void ensureBackupDirectory(const DataLocation& location) {
    try {
        ensurePrivateDirectory(location.backupDirectory());
    } catch (const std::runtime_error& error) {
        throw StoreError(Kind::Io, location.backupDirectory(), error.what());
    }
}

// SQLite's online backup into a hidden partial file, then a rename: a backup
// file that exists under its final name is always complete.
void snapshot(SQLite::Database& source, const fs::path& target, const DataLocation& location) {
    const fs::path partial = target.parent_path() / ("." + target.filename().string() + ".partial");
    std::error_code ignored;
    fs::remove(partial, ignored);
    if (auto error = createPrivateFile(partial))
        throw StoreError(Kind::Io, target,
                         "Kindling cannot create the backup " + partial.string() + ": " + *error);
    try {
        {
            SQLite::Database destination(partial, SQLite::OPEN_READWRITE);
            SQLite::Backup backup(destination, source);
            backup.executeStep(-1);
        }
        if (auto error = syncFile(partial))
            throw StoreError(Kind::Io, target, "Kindling cannot save the backup: " + *error);
        fs::rename(partial, target);
        if (auto error = syncDirectory(target.parent_path()))
            throw StoreError(Kind::Io, target, "Kindling cannot save the backup: " + *error);
    } catch (const SQLite::Exception& error) {
        fs::remove(partial, ignored);
        StoreError translated = translate(error, location, "write the backup " + target.string());
        throw StoreError(translated.kind(), target, translated.what());
    } catch (const fs::filesystem_error& error) {
        fs::remove(partial, ignored);
        throw StoreError(Kind::Io, target,
                         "Kindling cannot write the backup " + target.string() + ": " +
                             error.what());
    } catch (...) {
        fs::remove(partial, ignored);
        throw;
    }
}

// A file offered for restore: ours, not newer, not damaged. Read-only and
// before anything else, so a wrong file changes nothing anywhere.
void checkRestoreCandidate(const fs::path& candidate, const fs::path& dataFile) {
    const std::string unchanged = " Your current data was not changed.";
    std::error_code cannotStat;
    const fs::file_status status = fs::status(candidate, cannotStat);
    if (cannotStat)
        throw StoreError(Kind::Io, candidate,
                         "Kindling cannot read " + candidate.string() + ": " +
                             cannotStat.message() + "." + unchanged);
    if (!fs::is_regular_file(status))
        throw StoreError(Kind::NotKindling, candidate,
                         candidate.string() +
                             " is not a regular file, so it cannot be a "
                             "Kindling backup." +
                             unchanged);
    std::error_code notComparable;
    if (fs::equivalent(candidate, dataFile, notComparable))
        throw StoreError(Kind::Invalid, candidate,
                         candidate.string() + " is the data file itself; choose a backup." +
                             unchanged);
    const auto header = readSqliteHeader(candidate);
    if (!header || !std::equal(std::begin(sqliteMagic), std::end(sqliteMagic), header->begin()))
        throw StoreError(Kind::NotKindling, candidate,
                         candidate.string() +
                             " is not a Kindling database (not an SQLite file "
                             "at all)." +
                             unchanged);
    if (bigEndian32(*header, 68) != kindlingApplicationId)
        throw StoreError(Kind::NotKindling, candidate,
                         candidate.string() +
                             " is an SQLite database of another application, "
                             "not a Kindling backup." +
                             unchanged);
    try {
        SQLite::Database db(candidate, SQLite::OPEN_READONLY, 2000);
        const int version = db.execAndGet("PRAGMA user_version").getInt();
        if (version > currentSchemaVersion())
            throw StoreError(Kind::NewerVersion, candidate,
                             candidate.string() +
                                 " was written by a newer Kindling (data version " +
                                 std::to_string(version) + "; this Kindling knows up to " +
                                 std::to_string(currentSchemaVersion()) +
                                 "). Install the newer Kindling to restore it." + unchanged);
        if (version < 1)
            throw StoreError(Kind::Damaged, candidate,
                             candidate.string() + " has no Kindling data in it." + unchanged);
        // The full check, not the quick one: a restore is rare and must not
        // bring back a file with broken indexes.
        const std::string problems = integrityProblems(db, "PRAGMA integrity_check(5)");
        if (!problems.empty())
            throw StoreError(Kind::Damaged, candidate,
                             candidate.string() + " is damaged (" + problems + ")." + unchanged);
    } catch (const SQLite::Exception& error) {
        const int code = error.getErrorCode();
        throw StoreError(
            code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? Kind::Damaged : Kind::Io, candidate,
            "Kindling cannot read " + candidate.string() + " (" + error.what() + ")." + unchanged);
    }
}

void makePrivate(const fs::path& file) {
    for (const auto& path : {file, withSuffix(file, "-wal"), withSuffix(file, "-shm")}) {
        std::error_code error;
        const auto others = fs::perms::group_all | fs::perms::others_all;
        if ((fs::status(path, error).permissions() & others) != fs::perms::none)
            os::makePrivate(path, false);
    }
}

} // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

const fs::path& Store::file() const {
    return impl_->file;
}
const DataLocation& Store::location() const {
    return impl_->location;
}

// The order matters: lock, look at the bytes, create if absent, check with a
// read-only connection, and only then open for writing, back up, migrate and
// switch to WAL. A file that fails a check is never opened for writing.
Store Store::open(const DataLocation& location) {
    const fs::path file = location.databaseFile();
    try {
        ensurePrivateDirectory(location.directory);
    } catch (const std::runtime_error& error) {
        throw StoreError(Kind::Io, location.directory, error.what());
    }

    FileLock lock;
    std::string holder;
    switch (FileLock::acquire(withSuffix(file, ".lock"), lock, holder)) {
    case FileLock::Result::Acquired:
        break;
    case FileLock::Result::HeldElsewhere:
        throw StoreError(Kind::Locked, file,
                         "Kindling is already open on " + file.string() +
                             (holder.empty() ? std::string() : " (process " + holder + ")") +
                             ". Close the other Kindling window or command, then try again.");
    case FileLock::Result::Failed:
        throw StoreError(Kind::Io, file,
                         "Kindling cannot lock " + file.string() + ".lock: " + holder);
    }

    if (!checkExistingFile(location)) createDatabase(file, currentSchemaVersion(), location);
    const int version = checkReadOnly(location);

    try {
        // One connection, used from one thread: without SQLite's per-call
        // mutex, reading years of history is a tenth faster.
        SQLite::Database db(file, SQLite::OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, 2000);
        // Readers never block the writer, and with synchronous=FULL each
        // commit is fsynced: an acknowledged command survives a crash or a
        // power loss. Switching before migrating means a crash mid-migration
        // leaves a WAL that a read-only check can still read (a hot rollback
        // journal it could not). A file system without WAL keeps its journal.
        db.execAndGet("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = FULL");
        if (version < currentSchemaVersion()) {
            if (version > 0) {
                ensureBackupDirectory(location);
                const auto name = beforeMigrationBackupName(currentSchemaVersion(), localNow().day);
                snapshot(db, uniqueName(location.backupDirectory(), name), location);
            }
            try {
                migrate(db, version, currentSchemaVersion());
            } catch (const SQLite::Exception& error) {
                throw translate(error, location,
                                "upgrade " + file.string() + " to data version " +
                                    std::to_string(currentSchemaVersion()) +
                                    " (the unfinished step was rolled back and the copy from "
                                    "before the upgrade is in " +
                                    location.backupDirectory().string() + ")");
            }
        }
        db.exec("PRAGMA foreign_keys = ON");
        makePrivate(file);
        return Store(std::make_unique<Impl>(location, std::move(lock), std::move(db)));
    } catch (const SQLite::Exception& error) {
        throw translate(error, location, "open " + file.string());
    }
}

void Store::createAtVersionForTesting(const fs::path& file, int version) {
    if (fs::exists(file)) throw StoreError(Kind::Invalid, file, file.string() + " already exists");
    createDatabase(file, version, DataLocation{file.parent_path()});
}

void Store::limitPagesForTesting(std::int64_t maxPages) {
    impl_->db.execAndGet("PRAGMA max_page_count = " + std::to_string(maxPages));
}

Store::TransactionScope::TransactionScope(Store& store) : impl_(*store.impl_) {
    try {
        if (impl_.depth == 0)
            impl_.outer.emplace(impl_.db, SQLite::TransactionBehavior::IMMEDIATE);
        else
            impl_.db.exec("SAVEPOINT nested");
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_.location, "start saving");
    }
    ++impl_.depth;
}

void Store::TransactionScope::commit() {
    try {
        if (impl_.depth == 1)
            impl_.outer->commit();
        else
            impl_.db.exec("RELEASE nested");
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_.location, "save");
    }
    if (--impl_.depth == 0) impl_.outer.reset();
    done_ = true;
}

// An inner scope undoes only its own work (a command that failed inside a
// larger transaction leaves nothing half-done); the outermost undoes all.
Store::TransactionScope::~TransactionScope() {
    if (done_) return;
    if (impl_.depth == 1)
        impl_.outer.reset(); // SQLite::Transaction rolls back when not committed
    else
        impl_.db.tryExec("ROLLBACK TO nested; RELEASE nested");
    --impl_.depth;
}

fs::path Store::backup() {
    if (impl_->depth > 0) impl_->invalid("a backup cannot be taken inside a transaction");
    ensureBackupDirectory(impl_->location);
    const LocalNow now = localNow();
    const fs::path target =
        uniqueName(impl_->location.backupDirectory(), manualBackupName(now.day, now.hhmmss));
    snapshot(impl_->db, target, impl_->location);
    return target;
}

fs::path Store::restoreFrom(const fs::path& candidate) {
    Impl& impl = *impl_;
    if (impl.depth > 0) impl.invalid("a restore cannot run inside a transaction");
    checkRestoreCandidate(candidate, impl.file);

    // A consistent copy (SQLite's backup API also folds in a WAL beside the
    // candidate), opened as a store of its own in a private folder: that
    // upgrades an older backup and reads every row, so a file that would fail
    // to load is refused before the current data is touched.
    const fs::path staging = impl.location.directory / (".restoring-" + newUuid());
    struct RemoveStaging {
        fs::path folder;
        ~RemoveStaging() {
            std::error_code ignored;
            fs::remove_all(folder, ignored);
        }
    } removeStaging{staging};
    const DataLocation staged{staging};
    try {
        ensurePrivateDirectory(staging);
    } catch (const std::runtime_error& error) {
        throw StoreError(Kind::Io, impl.file, error.what());
    }
    try {
        {
            SQLite::Database source(candidate, SQLite::OPEN_READONLY, 2000);
            snapshot(source, staged.databaseFile(), staged);
        }
        Store copy = Store::open(staged);
        copy.loadHistory();
        copy.shownCelebrations();
        copy.preferences();
    } catch (const SQLite::Exception& error) {
        throw StoreError(Kind::Damaged, candidate,
                         "Kindling cannot read " + candidate.string() + " (" + error.what() +
                             "). Your current data was not changed.");
    } catch (const StoreError& error) {
        if (error.kind() == Kind::Full || error.kind() == Kind::Io) throw;
        throw StoreError(error.kind(), candidate,
                         candidate.string() + " cannot be restored: " + error.what() +
                             " Your current data was not changed.");
    }

    const fs::path previous = backup();

    // One write transaction on the open connection: the lock file stays held
    // and no other connection ever sees half of the old or the new data.
    try {
        SQLite::Database source(staged.databaseFile(), SQLite::OPEN_READONLY, 2000);
        SQLite::Backup copy(impl.db, source);
        copy.executeStep(-1);
    } catch (const SQLite::Exception& error) {
        StoreError translated =
            translate(error, impl.location,
                      "restore " + candidate.string() + " (your data before it is in " +
                          previous.string() + ")");
        throw translated;
    }
    return previous;
}

std::optional<fs::path> Store::automaticDailyBackup(Day today) {
    if (impl_->depth > 0) impl_->invalid("a backup cannot be taken inside a transaction");
    ensureBackupDirectory(impl_->location);
    const fs::path target = impl_->location.backupDirectory() / dailyBackupName(today);
    if (fs::exists(target)) return std::nullopt;
    snapshot(impl_->db, target, impl_->location);

    std::vector<Day> dailyDays;
    const auto backups = listBackups();
    for (const BackupFile& file : backups)
        if (file.kind == BackupKind::Daily) dailyDays.push_back(file.day);
    const auto keep = keepDailyBackups(dailyDays);
    for (const BackupFile& file : backups) {
        if (file.kind != BackupKind::Daily) continue;
        if (std::find(keep.begin(), keep.end(), file.day) != keep.end() &&
            file.path.filename() == dailyBackupName(file.day))
            continue;
        std::error_code error;
        fs::remove(file.path, error);
        if (error)
            throw StoreError(Kind::Io, file.path,
                             "Kindling cannot remove the old backup " + file.path.string() + ": " +
                                 error.message());
    }
    return target;
}

std::vector<BackupFile> Store::listBackups() const {
    std::vector<BackupFile> backups;
    std::error_code error;
    fs::directory_iterator it(impl_->location.backupDirectory(), error);
    if (error) return backups; // no backups folder yet
    for (const auto& entry : it) {
        if (!entry.is_regular_file(error)) continue;
        if (auto backup = parseBackupName(entry.path())) backups.push_back(std::move(*backup));
    }
    // Newest first: by day, then time of day, then name.
    std::sort(backups.begin(), backups.end(), [](const BackupFile& a, const BackupFile& b) {
        if (a.day != b.day) return a.day > b.day;
        if (a.time != b.time) return a.time > b.time;
        return a.path.filename() > b.path.filename();
    });
    return backups;
}

} // namespace kindling
