#include "platform/os/local_time.hpp"
#include "platform/os/process.hpp"
#include "store/store.hpp"
#include "store_test_support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <ctime>
#include <random>

using namespace kindling;
using namespace kindling::test;
namespace fs = std::filesystem;

namespace {

using K = StoreError::Kind;

// A real Kindling file of a few hundred rows, closed (so the WAL is folded
// into the main file).
void fillStore(const DataLocation& location, int logs) {
    Store store = Store::open(location);
    Ritual ritual = sampleRitual("Walk");
    storeAdd(store, ritual);
    std::vector<Log> batch;
    for (int i = 0; i < logs; ++i) {
        Log log = sampleLog(ritual.id, day(2025, 1, 1) + std::chrono::days{i});
        log.note = "We talked about the garden, number " + std::to_string(i);
        batch.push_back(log);
    }
    storeAddLogs(store, batch);
}

// Opening must fail with `kind` and leave the file's bytes as they were.
std::string expectRefusedUntouched(const DataLocation& location, K kind) {
    const auto before = readBytes(location.databaseFile());
    const auto message = expectStoreError(kind, [&] { Store::open(location); });
    CHECK(readBytes(location.databaseFile()) == before);
    CHECK_THAT(message, Catch::Contains(location.databaseFile().string()));
    return message;
}

void writeFile(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    writeBytes(file, std::vector<char>(text.begin(), text.end()));
}

} // namespace

TEST_CASE("a file written by a newer Kindling is refused untouched") {
    TempDir temp;
    const DataLocation location = temp.location();
    fillStore(location, 20);
    {
        SQLite::Database db(location.databaseFile(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = " + std::to_string(currentSchemaVersion() + 1));
    }
    const auto message = expectRefusedUntouched(location, K::NewerVersion);
    CHECK_THAT(message, Catch::Contains("newer Kindling"));
    const auto wal = fs::path(location.databaseFile().string() + "-wal");
    CHECK((!fs::exists(wal) || fs::file_size(wal) == 0));
}

TEST_CASE("another application's SQLite database is refused untouched") {
    TempDir temp;
    const DataLocation location = temp.location();
    fs::create_directories(location.directory);
    {
        SQLite::Database db(location.databaseFile(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT);"
                "INSERT INTO recipes (title) VALUES ('Soup'), ('Bread');");
    }
    const auto message = expectRefusedUntouched(location, K::NotKindling);
    CHECK_THAT(message, Catch::Contains("another application"));
    CHECK_THAT(message, Catch::Contains("backups"));
}

TEST_CASE("files that are not SQLite at all are refused untouched") {
    TempDir temp;
    const DataLocation location = temp.location();

    SECTION("random bytes") {
        std::mt19937 random(42);
        std::vector<char> bytes(8192);
        for (char& byte : bytes)
            byte = static_cast<char>(random() & 0xFF);
        fs::create_directories(location.directory);
        writeBytes(location.databaseFile(), bytes);
    }
    SECTION("a text file") {
        writeFile(location.databaseFile(), "my shopping list\nmilk\n");
    }
    SECTION("a file shorter than an SQLite header") {
        writeFile(location.databaseFile(), "S");
    }
    const auto message = expectRefusedUntouched(location, K::NotKindling);
    CHECK_THAT(message, Catch::Contains("not an SQLite file"));
}

TEST_CASE("an empty 0-byte file becomes a new store") {
    TempDir temp;
    const DataLocation location = temp.location();
    writeFile(location.databaseFile(), "");
    Store store = Store::open(location);
    storeAdd(store, sampleRitual("Hug"));
    CHECK(store.loadHistory().rituals.size() == 1);
}

TEST_CASE("a damaged Kindling file is refused untouched with a way back") {
    TempDir temp;
    const DataLocation location = temp.location();
    fillStore(location, 400);
    auto bytes = readBytes(location.databaseFile());
    constexpr std::size_t pageSize = 4096;
    REQUIRE(bytes.size() >= 8 * pageSize);
    // Scribble over one whole page in the middle of the file.
    const std::size_t page = bytes.size() / pageSize / 2;
    std::mt19937 random(7);
    for (std::size_t i = 0; i < pageSize; ++i)
        bytes[page * pageSize + i] = static_cast<char>(random() & 0xFF);
    writeBytes(location.databaseFile(), bytes);

    const auto message = expectRefusedUntouched(location, K::Damaged);
    CHECK_THAT(message, Catch::Contains("damaged"));
    // No backup was ever taken: the message does not send them to an empty folder.
    CHECK_THAT(message,
               Catch::Contains("There is no backup in " + location.backupDirectory().string()));

    // With a backup there, it says which folder to copy the newest one from.
    TempDir other;
    const DataLocation backedUp = other.location();
    fillStore(backedUp, 400);
    Store::open(backedUp).backup();
    auto copy = readBytes(backedUp.databaseFile());
    for (std::size_t i = 0; i < pageSize; ++i)
        copy[copy.size() / pageSize / 2 * pageSize + i] = static_cast<char>(random() & 0xFF);
    writeBytes(backedUp.databaseFile(), copy);
    CHECK_THAT(expectRefusedUntouched(backedUp, K::Damaged),
               Catch::Contains("copy the newest file from " + backedUp.backupDirectory().string()));
}

TEST_CASE("a Kindling file whose header is overwritten is refused untouched") {
    TempDir temp;
    const DataLocation location = temp.location();
    fillStore(location, 50);
    auto bytes = readBytes(location.databaseFile());
    for (std::size_t i = 0; i < 32; ++i)
        bytes[i] = 'x';
    writeBytes(location.databaseFile(), bytes);
    expectRefusedUntouched(location, K::NotKindling);
}

TEST_CASE("a second Kindling on the same file is told the file is in use") {
    TempDir temp;
    const DataLocation location = temp.location();
    {
        Store first = Store::open(location);
        storeAdd(first, sampleRitual("Hug"));
        const auto message = expectStoreError(K::Locked, [&] { Store::open(location); });
        CHECK_THAT(message, Catch::Contains("already open"));
        CHECK_THAT(message, Catch::Contains(location.databaseFile().string()));
        CHECK_THAT(message, Catch::Contains("process " + std::to_string(os::processId())));
        // Moving the store keeps the lock with it.
        Store moved = std::move(first);
        expectStoreError(K::Locked, [&] { Store::open(location); });
        CHECK(moved.loadHistory().rituals.size() == 1);
    }
    Store second = Store::open(location);
    CHECK(second.loadHistory().rituals.size() == 1);
}

TEST_CASE("a version 1 file is upgraded, keeping its data and a backup") {
    TempDir temp;
    const DataLocation location = temp.location();
    fs::create_directories(location.directory);
    Store::createAtVersionForTesting(location.databaseFile(), 1);
    const std::string ritualId = newUuid();
    const std::string logId = newUuid();
    {
        // Written as a version 1 Kindling would have: its schema, no question_marks.
        SQLite::Database db(location.databaseFile(), SQLite::OPEN_READWRITE);
        CHECK(db.execAndGet("PRAGMA user_version").getInt() == 1);
        CHECK_FALSE(db.tableExists("question_marks"));
        SQLite::Statement ritual(
            db, "INSERT INTO rituals (id, name, icon, area, why, times, per_days, weekdays, mode, "
                "unit, archived, position, catalog_id, created_at, updated_at) VALUES "
                "(?, 'Walk', 'leaf', 'fun', 'why', 1, 1, '1111100', 'each', '', 0, 0, '', 1, 1)");
        ritual.bind(1, ritualId);
        ritual.exec();
        SQLite::Statement log(db, "INSERT INTO logs (id, ritual_id, day, who, amount, note, "
                                  "logged_at, created_at, updated_at) VALUES "
                                  "(?, ?, '2026-01-05', 'partner2', 12.5, 'ok', 5, 5, 5)");
        log.bind(1, logId);
        log.bind(2, ritualId);
        log.exec();
        db.exec("INSERT INTO partners VALUES ('p1', 1, 'Ana', 255, 1, 1), "
                "('p2', 2, 'Bo', 65280, 1, 1)");
    }
    const auto beforeBytes = readBytes(location.databaseFile());

    Store store = Store::open(location);
    const History history = store.loadHistory();
    REQUIRE(history.rituals.size() == 1);
    CHECK(history.rituals[0].id == ritualId);
    CHECK(history.rituals[0].mode == RitualMode::Each);
    CHECK(history.rituals[0].weekdays == Weekdays{true, true, true, true, true, false, false});
    REQUIRE(history.logs.size() == 1);
    CHECK(history.logs[0].id == logId);
    CHECK(history.logs[0].amount == 12.5);
    CHECK(history.logs[0].who == Who::Partner2);
    CHECK(history.couple.partners[1].name == "Bo");
    storeAdd(store, QuestionMarkEntry{"q1", QuestionMark::Answered,
                                      day(2026, 1, 5)}); // the v2 table works

    const auto backups = store.listBackups();
    REQUIRE(backups.size() == 1);
    CHECK(backups[0].kind == BackupKind::BeforeMigration);
    CHECK(backups[0].schemaVersion == currentSchemaVersion());
    CHECK_THAT(
        backups[0].path.filename().string(),
        Catch::StartsWith("kindling-before-v" + std::to_string(currentSchemaVersion()) + "-"));
    {
        SQLite::Database backup(backups[0].path, SQLite::OPEN_READONLY);
        CHECK(backup.execAndGet("PRAGMA user_version").getInt() == 1);
        CHECK(backup.execAndGet("PRAGMA application_id").getInt() == kindlingApplicationId);
        CHECK(backup.execAndGet("SELECT count(*) FROM logs").getInt() == 1);
        CHECK_FALSE(backup.tableExists("question_marks"));
    }
    {
        SQLite::Database db(location.databaseFile(), SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("PRAGMA user_version").getInt() == currentSchemaVersion());
        CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    }
    CHECK(beforeBytes.size() > 0);
}

TEST_CASE("migrations from every earlier version keep goals and date the archived ones") {
    // Goals were archived with a flag until version 3; the flag's last change
    // (updated_at) becomes the day it was archived, in local time.
    const std::int64_t archivedAt = 1'773'144'000; // 2026-03-10 12:00 UTC
    const std::time_t seconds = archivedAt;
    const std::tm local = os::localTime(seconds);
    const Day archivedDay = day(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                                static_cast<unsigned>(local.tm_mday));

    for (int version = 1; version < currentSchemaVersion(); ++version) {
        INFO("from version " << version);
        TempDir temp;
        const DataLocation location = temp.location();
        fs::create_directories(location.directory);
        Store::createAtVersionForTesting(location.databaseFile(), version);
        const std::string ritualId = newUuid(), weeklyId = newUuid(), keptId = newUuid();
        {
            SQLite::Database db(location.databaseFile(), SQLite::OPEN_READWRITE);
            SQLite::Statement ritual(
                db, "INSERT INTO rituals (id, name, icon, area, why, times, per_days, mode, unit, "
                    "archived, position, catalog_id, created_at, updated_at) VALUES "
                    "(?, 'Walk', 'leaf', 'fun', '', 1, 1, 'together', '', 0, 0, '', 1, 1)");
            ritual.bind(1, ritualId);
            ritual.exec();
            // From version 3 on, a goal keeps the day it was archived itself.
            const bool flag = version < 3;
            SQLite::Statement goal(
                db, std::string("INSERT INTO goals (id, title, target, scope, ritual_id, area, "
                                "period, start_day, end_day, reward, ") +
                        (flag ? "archived" : "archived_on") +
                        ", created_at, updated_at) VALUES (?, ?, 3, 'ritual', ?, 'fun', ?, "
                        "'2026-01-05', '1970-01-01', 'Cake', ?, 1, ?)");
            goal.bind(1, weeklyId);
            goal.bind(2, "Three walks a week");
            goal.bind(3, ritualId);
            goal.bind(4, "every_week");
            if (flag)
                goal.bind(5, 1);
            else
                goal.bind(5, formatDay(archivedDay));
            goal.bind(6, archivedAt);
            goal.exec();
            goal.reset();
            goal.bind(1, keptId);
            goal.bind(2, "Walks this month");
            goal.bind(3, ritualId);
            goal.bind(4, "month");
            if (flag)
                goal.bind(5, 0);
            else
                goal.bind(5);
            goal.bind(6, archivedAt);
            goal.exec();
        }

        Store store = Store::open(location);
        const History history = store.loadHistory();
        REQUIRE(history.goals.size() == 2);
        for (const Goal& goal : history.goals) {
            CHECK(goal.ritualId == ritualId);
            CHECK(goal.reward == "Cake");
            CHECK(goal.start == day(2026, 1, 5));
            if (goal.id == weeklyId) {
                CHECK(goal.period == GoalPeriod::EveryWeek);
                CHECK(goal.archivedOn == archivedDay);
            } else {
                CHECK(goal.period == GoalPeriod::Month);
                CHECK_FALSE(goal.archivedOn.has_value());
            }
        }
        // Every later table works, and the file is at the current version.
        storeAdd(store, QuestionMarkEntry{"q1", QuestionMark::Answered, day(2026, 1, 5)});
        Goal archived = history.goals[0];
        archived.archivedOn = day(2026, 4, 1);
        storeUpdate(store, archived);
        CHECK(store.loadHistory().goals[0].archivedOn == day(2026, 4, 1));
        const auto backups = store.listBackups();
        REQUIRE(backups.size() == 1);
        CHECK(backups[0].kind == BackupKind::BeforeMigration);
        SQLite::Database db(location.databaseFile(), SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("PRAGMA user_version").getInt() == currentSchemaVersion());
    }
}

TEST_CASE("a current file is not backed up again on open") {
    TempDir temp;
    const DataLocation location = temp.location();
    fillStore(location, 3);
    Store store = Store::open(location);
    CHECK(store.listBackups().empty());
}
