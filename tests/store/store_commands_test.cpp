#include "store/store.hpp"
#include "store_test_support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <sys/stat.h>

using namespace kindling;
using namespace kindling::test;

namespace {

// 80 code points, several of them emoji (4 bytes each in UTF-8).
std::string eightyCharacterName() {
    std::string name;
    for (int i = 0; i < 20; ++i)
        name += "🔥a💞é";
    return name;
}

History sampleHistory() {
    History history;
    history.couple.partners[0] = {"Ana 🌻", 0x112233};
    history.couple.partners[1] = {eightyCharacterName(), 0xFFFFFF};
    history.settings = {5, 6};

    Ritual walk = sampleRitual("Evening walk 🚶", 0);
    walk.area = Area::Fun;
    walk.why = "Moving side by side makes talking easy.\nEven \"hard\" talks; it's 'fine'.";
    walk.frequency = {3, 7};
    walk.mode = RitualMode::Together;
    walk.measure = Measure{MeasureKind::AtLeast, 30.5};
    walk.unit = "minutes";
    walk.catalogId = "catalog.walk";
    walk.icon = "leaf";

    Ritual thanks = sampleRitual(eightyCharacterName(), 1);
    thanks.area = Area::Appreciation;
    thanks.mode = RitualMode::Each;
    thanks.weekdays = Weekdays{true, true, true, true, true, false, false};

    Ritual phones = sampleRitual("Phones out of bed", 2);
    phones.measure = Measure{MeasureKind::AtMost, 20};
    phones.unit = "minutes";
    phones.archived = true;
    history.rituals = {walk, thanks, phones};

    Log first = sampleLog(walk.id, day(2026, 3, 1));
    first.amount = 42.25;
    first.note = "Line one\nline \"two\" with 'quotes'\n\tand a tab 💛";
    Log second = sampleLog(thanks.id, day(2026, 3, 2), Who::Partner1);
    Log third = sampleLog(thanks.id, day(2026, 3, 3), Who::Partner2);
    third.note = "; DROP TABLE logs; --";
    Log fourth = sampleLog(phones.id, day(2026, 3, 4));
    fourth.amount = 0.0;
    history.logs = {first, second, third, fourth};

    history.skips = {Skip{newUuid(), walk.id, day(2026, 3, 5)},
                     Skip{newUuid(), thanks.id, day(2026, 3, 6)}};
    history.pauses = {Pause{newUuid(), day(2026, 4, 1), day(2026, 4, 10), "Flu 🤒, rest"},
                      Pause{newUuid(), day(2026, 5, 1), day(2026, 5, 1), ""}};

    Goal walks;
    walks.id = newUuid();
    walks.title = "20 walks in December";
    walks.target = 20;
    walks.scope = GoalScope::Ritual;
    walks.ritualId = walk.id;
    walks.period = GoalPeriod::Month;
    walks.start = day(2026, 12, 1);
    walks.reward = "Dinner at our place 🍝";
    Goal any;
    any.id = newUuid();
    any.title = "Any 50 rituals";
    any.target = 50;
    any.scope = GoalScope::Area;
    any.area = Area::Touch;
    any.period = GoalPeriod::Custom;
    any.start = day(2026, 1, 1);
    any.end = day(2026, 1, 31);
    any.archivedOn = day(2026, 1, 20);
    history.goals = {walks, any};
    std::sort(history.goals.begin(), history.goals.end(),
              [](const Goal& a, const Goal& b) { return a.id < b.id; });
    return history;
}

void saveAll(Store& store, const History& history) {
    store.saveCouple(history.couple);
    store.saveSettings(history.settings);
    for (const Ritual& ritual : history.rituals)
        store.insertRitual(ritual);
    store.insertLogs(history.logs);
    for (const Skip& skip : history.skips)
        store.insertSkip(skip);
    for (const Pause& pause : history.pauses)
        store.insertPause(pause);
    for (const Goal& goal : history.goals)
        store.insertGoal(goal);
}

std::int64_t countRows(const std::filesystem::path& file, const std::string& sql) {
    SQLite::Database db(file, SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
}

#ifndef _WIN32
// POSIX modes; on Windows the folder's ACL decides (src/platform/os/private_files.hpp).
mode_t modeOf(const std::filesystem::path& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 0777;
}
#endif

} // namespace

TEST_CASE("a new store starts empty with the couple's defaults") {
    TempDir temp;
    Store store = Store::open(temp.location());
    CHECK_FALSE(store.hasCouple());
    const History history = store.loadHistory();
    CHECK(history.couple.partners[0].name == Couple{}.partners[0].name);
    CHECK(history.settings.dayStartHour == 4);
    CHECK(history.rituals.empty());
    CHECK(history.logs.empty());
    CHECK(store.file() == temp.location().databaseFile());
}

TEST_CASE("every type survives save, close and load") {
    TempDir temp;
    const History expected = sampleHistory();
    {
        Store store = Store::open(temp.location());
        saveAll(store, expected);
        CHECK(store.hasCouple());
        requireSameHistory(store.loadHistory(), expected);
    }
    Store reopened = Store::open(temp.location());
    requireSameHistory(reopened.loadHistory(), expected);
}

TEST_CASE("updates replace every field and keep the row's id") {
    TempDir temp;
    Store store = Store::open(temp.location());
    History history = sampleHistory();
    saveAll(store, history);

    Ritual& walk = history.rituals[0];
    walk.name = "Morning walk";
    walk.measure.reset();
    walk.unit.clear();
    walk.weekdays = Weekdays{false, false, false, false, false, true, true};
    walk.frequency = {1, 1};
    walk.archived = true;
    store.updateRitual(walk);

    Log& log = history.logs[0];
    log.amount.reset();
    log.note = "edited";
    log.who = Who::Partner2;
    store.updateLog(log);

    history.pauses[0].reason = "Travel";
    history.pauses[0].last = day(2026, 4, 12);
    store.updatePause(history.pauses[0]);

    Goal& goal = history.goals[0];
    goal.title = "New title";
    goal.scope = GoalScope::Any;
    goal.ritualId.clear();
    store.updateGoal(goal);

    history.couple.partners[0].name = "Ana";
    store.saveCouple(history.couple);
    history.settings = {0, 0};
    store.saveSettings(history.settings);

    requireSameHistory(store.loadHistory(), history);
    CHECK(countRows(store.file(), "SELECT count(*) FROM partners") == 2);

    Ritual unknown = sampleRitual("Nobody");
    expectStoreError(StoreError::Kind::NotFound, [&] { store.updateRitual(unknown); });
}

TEST_CASE("insertLogs writes all of a batch or none of it") {
    TempDir temp;
    Store store = Store::open(temp.location());
    const Ritual ritual = sampleRitual("Hug");
    store.insertRitual(ritual);
    store.insertLogs({sampleLog(ritual.id, day(2026, 1, 1))});

    std::vector<Log> batch;
    for (unsigned d = 2; d <= 6; ++d)
        batch.push_back(sampleLog(ritual.id, day(2026, 1, d)));
    batch[3].ritualId = newUuid(); // no such ritual: the foreign key refuses it

    const auto message =
        expectStoreError(StoreError::Kind::Invalid, [&] { store.insertLogs(batch); });
    CHECK_THAT(message, Catch::Contains("ritual that does not exist"));
    CHECK(store.loadHistory().logs.size() == 1);
    CHECK(countRows(store.file(), "SELECT count(*) FROM logs") == 1);

    SECTION("a duplicate id also rolls the whole batch back") {
        batch[3].ritualId = ritual.id;
        batch[4].id = batch[0].id;
        expectStoreError(StoreError::Kind::Invalid, [&] { store.insertLogs(batch); });
        CHECK(store.loadHistory().logs.size() == 1);
    }
    SECTION("an invalid value is refused before anything is written") {
        batch[3].ritualId = ritual.id;
        batch[2].amount = std::numeric_limits<double>::quiet_NaN();
        expectStoreError(StoreError::Kind::Invalid, [&] { store.insertLogs(batch); });
        CHECK(store.loadHistory().logs.size() == 1);
    }
    SECTION("the corrected batch goes in") {
        batch[3].ritualId = ritual.id;
        store.insertLogs(batch);
        CHECK(store.loadHistory().logs.size() == 6);
    }
}

TEST_CASE("deleting a log keeps a tombstone that restoreLog brings back") {
    TempDir temp;
    Store store = Store::open(temp.location());
    const Ritual ritual = sampleRitual("Coffee together");
    store.insertRitual(ritual);
    const Log kept = sampleLog(ritual.id, day(2026, 2, 1));
    const Log deleted = sampleLog(ritual.id, day(2026, 2, 2));
    store.insertLogs({kept, deleted});

    store.deleteLog(deleted.id);
    auto logs = store.loadHistory().logs;
    REQUIRE(logs.size() == 1);
    CHECK(logs[0].id == kept.id);
    {
        SQLite::Database db(store.file(), SQLite::OPEN_READONLY);
        SQLite::Statement row(db, "SELECT deleted_at FROM logs WHERE id = ?");
        row.bind(1, deleted.id);
        REQUIRE(row.executeStep());
        CHECK_FALSE(row.getColumn(0).isNull());
        CHECK(row.getColumn(0).getInt64() > 0);
    }
    expectStoreError(StoreError::Kind::NotFound, [&] { store.deleteLog(deleted.id); });
    expectStoreError(StoreError::Kind::NotFound, [&] { store.updateLog(deleted); });
    expectStoreError(StoreError::Kind::NotFound, [&] { store.restoreLog(kept.id); });

    store.restoreLog(deleted.id);
    logs = store.loadHistory().logs;
    REQUIRE(logs.size() == 2);
    CHECK(logs[1].id == deleted.id);
    CHECK(countRows(store.file(), "SELECT count(*) FROM logs WHERE deleted_at IS NULL") == 2);
}

TEST_CASE("one live skip per ritual and day; deleted skips and pauses are tombstones") {
    TempDir temp;
    Store store = Store::open(temp.location());
    const Ritual ritual = sampleRitual("Check-in");
    store.insertRitual(ritual);
    const Skip skip{newUuid(), ritual.id, day(2026, 6, 1)};
    store.insertSkip(skip);
    expectStoreError(StoreError::Kind::Invalid, [&] {
        store.insertSkip(Skip{newUuid(), ritual.id, skip.day});
    });
    expectStoreError(StoreError::Kind::Invalid, [&] {
        store.insertSkip(Skip{newUuid(), newUuid(), skip.day});
    });

    store.deleteSkip(skip.id);
    CHECK(store.loadHistory().skips.empty());
    const Skip again{newUuid(), ritual.id, skip.day};
    store.insertSkip(again); // the tombstone does not block a new skip
    expectStoreError(StoreError::Kind::Invalid, [&] { store.restoreSkip(skip.id); });
    CHECK(store.loadHistory().skips.size() == 1);

    const Pause pause{newUuid(), day(2026, 7, 1), day(2026, 7, 3), "Travel"};
    store.insertPause(pause);
    store.deletePause(pause.id);
    CHECK(store.loadHistory().pauses.empty());
    store.restorePause(pause.id);
    CHECK(store.loadHistory().pauses.size() == 1);
    CHECK(countRows(store.file(), "SELECT count(*) FROM skips") == 2);
}

TEST_CASE("commands refuse values the couple could not have meant") {
    TempDir temp;
    Store store = Store::open(temp.location());
    using K = StoreError::Kind;

    Ritual tooLong = sampleRitual(eightyCharacterName() + "x");
    CHECK_THAT(expectStoreError(K::Invalid, [&] { store.insertRitual(tooLong); }),
               Catch::Contains("81 characters"));
    Ritual empty = sampleRitual("");
    expectStoreError(K::Invalid, [&] { store.insertRitual(empty); });
    Ritual badUtf8 = sampleRitual("caf\xC3");
    expectStoreError(K::Invalid, [&] { store.insertRitual(badUtf8); });
    Ritual badSchedule = sampleRitual("Too often");
    badSchedule.frequency = {8, 7};
    expectStoreError(K::Invalid, [&] { store.insertRitual(badSchedule); });
    Ritual noWeekday = sampleRitual("Never");
    noWeekday.weekdays = Weekdays{};
    expectStoreError(K::Invalid, [&] { store.insertRitual(noWeekday); });

    const Ritual ritual = sampleRitual("Hug");
    store.insertRitual(ritual);
    expectStoreError(K::Invalid, [&] { store.insertRitual(ritual); });
    Log longNote = sampleLog(ritual.id, day(2026, 1, 1));
    longNote.note = std::string(maxNoteLength + 1, 'x');
    expectStoreError(K::Invalid, [&] { store.insertLogs({longNote}); });
    expectStoreError(K::Invalid, [&] {
        store.insertPause(Pause{newUuid(), day(2026, 2, 2), day(2026, 2, 1), ""});
    });
    expectStoreError(K::Invalid, [&] { store.saveSettings(Settings{24, 0}); });
    expectStoreError(K::Invalid, [&] { store.setSetting("week_start", "3"); });
    Goal goal;
    goal.id = newUuid();
    goal.title = "Walks";
    goal.scope = GoalScope::Ritual;
    goal.ritualId = newUuid();
    expectStoreError(K::Invalid, [&] { store.insertGoal(goal); });

    // What an export could not bring back: days outside 1970-2200, amounts
    // and targets below zero.
    Log tooEarly = sampleLog(ritual.id, day(1969, 12, 31));
    CHECK_THAT(expectStoreError(K::Invalid, [&] { store.insertLogs({tooEarly}); }),
               Catch::Contains("1969-12-31 is outside"));
    Log tooLate = sampleLog(ritual.id, day(2201, 1, 1));
    expectStoreError(K::Invalid, [&] { store.insertLogs({tooLate}); });
    Log negative = sampleLog(ritual.id, day(2026, 1, 1));
    negative.amount = -3;
    CHECK_THAT(expectStoreError(K::Invalid, [&] { store.insertLogs({negative}); }),
               Catch::Contains("zero or more"));
    expectStoreError(K::Invalid, [&] {
        store.insertSkip(Skip{newUuid(), ritual.id, day(9999, 1, 1)});
    });
    expectStoreError(K::Invalid, [&] {
        store.insertPause(Pause{newUuid(), day(1960, 1, 1), day(1960, 1, 2), "Long ago"});
    });
    Ritual negativeTarget = sampleRitual("Run");
    negativeTarget.measure = Measure{MeasureKind::AtLeast, -1};
    expectStoreError(K::Invalid, [&] { store.insertRitual(negativeTarget); });
    const History after = store.loadHistory();
    CHECK(after.rituals.size() == 1);
    CHECK(after.logs.empty());
    CHECK(after.skips.empty());
    CHECK(after.pauses.empty());
}

#ifndef _WIN32
TEST_CASE("the data folder is 0700 and the data file 0600") {
    TempDir temp;
    const DataLocation location = temp.location("nested/data");
    Store store = Store::open(location);
    store.insertRitual(sampleRitual("Hug"));
    CHECK(modeOf(location.directory) == 0700);
    CHECK(modeOf(location.databaseFile()) == 0600);
    const auto wal = std::filesystem::path(location.databaseFile().string() + "-wal");
    REQUIRE(std::filesystem::exists(wal));
    CHECK(modeOf(wal) == 0600);
    const auto backup = store.backup();
    CHECK(modeOf(location.backupDirectory()) == 0700);
    CHECK(modeOf(backup) == 0600);
}
#endif

TEST_CASE("celebrations are remembered once, across restarts") {
    TempDir temp;
    {
        Store store = Store::open(temp.location());
        CHECK(store.shownCelebrations().empty());
        store.markCelebrationsShown({"level:3", "streak:30"});
        store.markCelebrationsShown({"level:3"});
    }
    Store store = Store::open(temp.location());
    CHECK(store.shownCelebrations() == std::set<std::string>{"level:3", "streak:30"});
}

TEST_CASE("UI settings and question marks") {
    TempDir temp;
    Store store = Store::open(temp.location());
    CHECK_FALSE(store.getSetting("theme"));
    store.setSetting("theme", "dark");
    store.setSetting("theme", "light");
    store.setSetting("ui_scale", "1.25");
    CHECK(store.getSetting("theme") == "light");
    store.eraseSetting("ui_scale");
    CHECK_FALSE(store.getSetting("ui_scale"));
    CHECK(store.getSetting("day_start_hour") == std::nullopt);
    store.saveSettings(Settings{3, 6});
    CHECK(store.getSetting("day_start_hour") == "3");

    store.markQuestion("q-light-001", QuestionMark::Answered, day(2026, 1, 1));
    store.markQuestion("q-light-001", QuestionMark::Favourite, day(2026, 1, 1));
    store.markQuestion("q-dreams-007", QuestionMark::Skipped, day(2026, 1, 2));
    store.markQuestion("q-light-001", QuestionMark::Answered, day(2026, 3, 1)); // moves the day
    store.unmarkQuestion("q-light-001", QuestionMark::Favourite);
    const auto marks = store.questionMarks();
    REQUIRE(marks.size() == 2);
    CHECK(marks[0].questionId == "q-dreams-007");
    CHECK(marks[0].mark == QuestionMark::Skipped);
    CHECK(marks[1].questionId == "q-light-001");
    CHECK(marks[1].mark == QuestionMark::Answered);
    CHECK(marks[1].day == day(2026, 3, 1));
}

TEST_CASE("transaction() saves several commands together or not at all") {
    TempDir temp;
    Store store = Store::open(temp.location());
    const Ritual ritual = sampleRitual("Hug");

    CHECK_THROWS_AS(store.transaction([&] {
        store.insertRitual(ritual);
        store.insertLogs({sampleLog(ritual.id, day(2026, 1, 1))});
        throw std::runtime_error("the app changed its mind");
    }),
                    std::runtime_error);
    CHECK(store.loadHistory().rituals.empty());

    store.transaction([&] {
        store.insertRitual(ritual);
        // A failing command inside undoes only itself when the caller handles it.
        CHECK_THROWS_AS(store.insertLogs({sampleLog(newUuid(), day(2026, 1, 1))}), StoreError);
        store.insertLogs({sampleLog(ritual.id, day(2026, 1, 2))});
        store.markCelebrationsShown({"first-log"});
    });
    const History history = store.loadHistory();
    CHECK(history.rituals.size() == 1);
    CHECK(history.logs.size() == 1);
    CHECK(store.shownCelebrations().count("first-log") == 1);
}

TEST_CASE("newUuid gives distinct lowercase version 4 UUIDs") {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = newUuid();
        REQUIRE(id.size() == 36);
        CHECK(id[8] == '-');
        CHECK(id[13] == '-');
        CHECK(id[14] == '4');
        CHECK(std::string("89ab").find(id[19]) != std::string::npos);
        CHECK(id.find_first_not_of("0123456789abcdef-") == std::string::npos);
        seen.insert(id);
    }
    CHECK(seen.size() == 1000);
}
