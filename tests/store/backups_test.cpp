#include "app/clock.hpp"
#include "store/backups.hpp"
#include "store/store.hpp"
#include "store_test_support.hpp"

#include <catch2/catch.hpp>
#include <ctime>

using namespace kindling;
using namespace kindling::test;
namespace fs = std::filesystem;

TEST_CASE("backup names round-trip through parseBackupName") {
    auto daily = parseBackupName("/x/" + dailyBackupName(day(2026, 3, 9)));
    REQUIRE(daily);
    CHECK(daily->kind == BackupKind::Daily);
    CHECK(daily->day == day(2026, 3, 9));

    auto manual = parseBackupName(manualBackupName(day(2026, 3, 9), "214501"));
    REQUIRE(manual);
    CHECK(manual->kind == BackupKind::Manual);
    CHECK(manual->time == "214501");

    auto before = parseBackupName("kindling-before-v12-2026-03-09-2.sqlite3");
    REQUIRE(before);
    CHECK(before->kind == BackupKind::BeforeMigration);
    CHECK(before->schemaVersion == 12);
    CHECK(before->day == day(2026, 3, 9));

    CHECK_FALSE(parseBackupName("kindling.sqlite3"));
    CHECK_FALSE(parseBackupName(".kindling-daily-2026-03-09.sqlite3.partial"));
    CHECK_FALSE(parseBackupName("kindling-daily-2026-02-30.sqlite3"));
    CHECK_FALSE(parseBackupName("notes.txt"));
}

TEST_CASE("the retention rule keeps 7 dailies and the newest older one of 4 weeks") {
    std::vector<Day> days;
    for (int i = 0; i < 40; ++i)
        days.push_back(day(2026, 1, 5) + std::chrono::days{i});
    const std::vector<Day> expected{
        day(2026, 2, 13), day(2026, 2, 12), day(2026, 2, 11), day(2026, 2, 10),
        day(2026, 2, 9),  day(2026, 2, 8),  day(2026, 2, 7),                     // the 7 dailies
        day(2026, 2, 6),  day(2026, 2, 1),  day(2026, 1, 25), day(2026, 1, 18)}; // 4 weeklies
    CHECK(keepDailyBackups(days) == expected);

    // After a long break nothing is lost just for being old.
    const std::vector<Day> sparse{day(2025, 6, 1), day(2025, 9, 1), day(2026, 1, 1)};
    CHECK(keepDailyBackups(sparse) ==
          std::vector<Day>{day(2026, 1, 1), day(2025, 9, 1), day(2025, 6, 1)});
    CHECK(keepDailyBackups({}).empty());
}

TEST_CASE("backup() writes a snapshot that opens as the same history") {
    TempDir temp;
    const DataLocation location = temp.location();
    Store store = Store::open(location);
    Couple couple;
    couple.partners[0].name = "Ana";
    storeAdd(store, couple);
    const Ritual ritual = sampleRitual("Hug 🤗");
    storeAdd(store, ritual);
    Log log = sampleLog(ritual.id, day(2026, 2, 14));
    log.note = "Valentine's";
    storeAddLogs(store, {log});

    const fs::path file = store.backup();
    CHECK(file.parent_path() == location.backupDirectory());
    const auto listed = store.listBackups();
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].path == file);
    CHECK(listed[0].kind == BackupKind::Manual);
    CHECK(fs::exists(store.backup())); // a second one in the same second gets its own name
    CHECK(store.listBackups().size() == 2);

    // Restoring is copying the file into place.
    const DataLocation restored = temp.location("restored");
    fs::create_directories(restored.directory);
    fs::copy_file(file, restored.databaseFile());
    Store copy = Store::open(restored);
    requireSameHistory(copy.loadHistory(), store.loadHistory());
}

TEST_CASE("automatic daily backups: once a day, pruned by the retention rule") {
    TempDir temp;
    const DataLocation location = temp.location();
    Store store = Store::open(location);
    const Ritual ritual = sampleRitual("Walk");
    storeAdd(store, ritual);
    const fs::path manual = store.backup();

    for (int i = 0; i < 40; ++i) {
        const Day today = day(2026, 1, 5) + std::chrono::days{i};
        storeAddLogs(store, {sampleLog(ritual.id, today)});
        auto made = store.automaticDailyBackup(today);
        REQUIRE(made);
        CHECK(made->filename() == dailyBackupName(today));
        CHECK_FALSE(store.automaticDailyBackup(today)); // at most once a day
    }

    std::vector<std::string> dailies;
    for (const BackupFile& file : store.listBackups())
        if (file.kind == BackupKind::Daily) dailies.push_back(formatDay(file.day));
    CHECK(dailies == std::vector<std::string>{"2026-02-13", "2026-02-12", "2026-02-11",
                                              "2026-02-10", "2026-02-09", "2026-02-08",
                                              "2026-02-07", "2026-02-06", "2026-02-01",
                                              "2026-01-25", "2026-01-18"});
    CHECK(fs::exists(manual)); // never pruned

    // Each daily backup holds the history of its day.
    const DataLocation restored = temp.location("restored");
    fs::create_directories(restored.directory);
    fs::copy_file(location.backupDirectory() / dailyBackupName(day(2026, 1, 25)),
                  restored.databaseFile());
    CHECK(Store::open(restored).loadHistory().logs.size() == 21);
}

TEST_CASE("a backup is named by the one clock, so a test's time names it too") {
    TempDir temp;
    Store store = Store::open(temp.location());
    // 2031-05-17 at noon, local time, whatever this machine's time zone.
    std::tm local{};
    local.tm_year = 2031 - 1900;
    local.tm_mon = 4;
    local.tm_mday = 17;
    local.tm_hour = 12;
    local.tm_isdst = -1;
    setClockForTesting(static_cast<std::int64_t>(std::mktime(&local)));
    const fs::path file = store.backup();
    setClockForTesting(std::nullopt);
    CHECK(file.filename().string() == manualBackupName(day(2031, 5, 17), "120000"));
}
