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
    // The store's order (store/row_sql.hpp): by start, then id.
    std::sort(history.goals.begin(), history.goals.end(), [](const Goal& a, const Goal& b) {
        return std::tie(a.start, a.id) < std::tie(b.start, b.id);
    });
    return history;
}

void saveAll(Store& store, const History& history) {
    storeAdd(store, history.couple);
    storeAdd(store, history.settings);
    for (const Ritual& ritual : history.rituals)
        storeAdd(store, ritual);
    storeAddLogs(store, history.logs);
    for (const Skip& skip : history.skips)
        storeAdd(store, skip);
    for (const Pause& pause : history.pauses)
        storeAdd(store, pause);
    for (const Goal& goal : history.goals)
        storeAdd(store, goal);
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
    storeUpdate(store, walk);

    Log& log = history.logs[0];
    log.amount.reset();
    log.note = "edited";
    log.who = Who::Partner2;
    storeUpdate(store, log);

    history.pauses[0].reason = "Travel";
    history.pauses[0].last = day(2026, 4, 12);
    storeUpdate(store, history.pauses[0]);

    Goal& goal = history.goals[0];
    goal.title = "New title";
    goal.scope = GoalScope::Any;
    goal.ritualId.clear();
    storeUpdate(store, goal);

    history.couple.partners[0].name = "Ana";
    storeAdd(store, history.couple);
    history.settings = {0, 0};
    storeAdd(store, history.settings);

    requireSameHistory(store.loadHistory(), history);
    CHECK(countRows(store.file(), "SELECT count(*) FROM partners") == 2);
}

TEST_CASE("a change is written whole or not at all") {
    TempDir temp;
    Store store = Store::open(temp.location());
    const Ritual ritual = sampleRitual("Hug");
    storeAdd(store, ritual);
    storeAddLogs(store, {sampleLog(ritual.id, day(2026, 1, 1))});

    std::vector<Log> batch;
    for (unsigned d = 2; d <= 6; ++d)
        batch.push_back(sampleLog(ritual.id, day(2026, 1, d)));
    batch[3].ritualId = newUuid(); // no such ritual: the foreign key refuses it

    const auto message =
        expectStoreError(StoreError::Kind::Invalid, [&] { storeAddLogs(store, batch); });
    CHECK_THAT(message, Catch::Contains("ritual that does not exist"));
    CHECK(store.loadHistory().logs.size() == 1);
    CHECK(countRows(store.file(), "SELECT count(*) FROM logs") == 1);

    SECTION("a value the schema's CHECKs refuse rolls the whole change back") {
        batch[3].ritualId = ritual.id;
        ChangeSet change;
        for (const Log& log : batch)
            change.add(log);
        change.add(Pause{newUuid(), day(2026, 2, 2), day(2026, 2, 1), "ends before it starts"});
        expectStoreError(StoreError::Kind::Invalid, [&] { store.apply(change.rows, testNow); });
        CHECK(store.loadHistory().logs.size() == 1);
        CHECK(store.loadHistory().pauses.empty());
    }
    SECTION("the corrected batch goes in") {
        batch[3].ritualId = ritual.id;
        storeAddLogs(store, batch);
        CHECK(store.loadHistory().logs.size() == 6);
    }
}

TEST_CASE("removing a log keeps a tombstone that adding it again brings back") {
    TempDir temp;
    Store store = Store::open(temp.location());
    const Ritual ritual = sampleRitual("Coffee together");
    storeAdd(store, ritual);
    const Log kept = sampleLog(ritual.id, day(2026, 2, 1));
    const Log deleted = sampleLog(ritual.id, day(2026, 2, 2));
    storeAddLogs(store, {kept, deleted});

    storeRemoveId<Log>(store, deleted.id);
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
    // Removing it again leaves the tombstone as it is.
    storeRemoveId<Log>(store, deleted.id);
    CHECK(countRows(store.file(), "SELECT count(*) FROM logs") == 2);

    Log back = deleted;
    back.note = "back with the file's content";
    storeAdd(store, back);
    logs = store.loadHistory().logs;
    REQUIRE(logs.size() == 2);
    CHECK(logs[1].id == deleted.id);
    CHECK(logs[1].note == back.note);
    CHECK(countRows(store.file(), "SELECT count(*) FROM logs WHERE deleted_at IS NULL") == 2);
}

TEST_CASE("one live skip per ritual and day, deleted skips and pauses are tombstones") {
    TempDir temp;
    Store store = Store::open(temp.location());
    const Ritual ritual = sampleRitual("Check-in");
    storeAdd(store, ritual);
    const Skip skip{newUuid(), ritual.id, day(2026, 6, 1)};
    storeAdd(store, skip);
    expectStoreError(StoreError::Kind::Invalid, [&] {
        storeAdd(store, Skip{newUuid(), ritual.id, skip.day});
    });
    expectStoreError(StoreError::Kind::Invalid, [&] {
        storeAdd(store, Skip{newUuid(), newUuid(), skip.day});
    });

    storeRemoveId<Skip>(store, skip.id);
    CHECK(store.loadHistory().skips.empty());
    const Skip again{newUuid(), ritual.id, skip.day};
    storeAdd(store, again); // the tombstone does not block a new skip
    // Bringing the old one back would make two live skips of one day.
    expectStoreError(StoreError::Kind::Invalid, [&] { storeAdd(store, skip); });
    CHECK(store.loadHistory().skips.size() == 1);

    const Pause pause{newUuid(), day(2026, 7, 1), day(2026, 7, 3), "Travel"};
    storeAdd(store, pause);
    storeRemoveId<Pause>(store, pause.id);
    CHECK(store.loadHistory().pauses.empty());
    storeAdd(store, pause);
    CHECK(store.loadHistory().pauses.size() == 1);
    CHECK(countRows(store.file(), "SELECT count(*) FROM skips") == 2);
}

TEST_CASE("the schema's CHECKs guard what the rules let through by mistake") {
    // The rules (core/rules.hpp) refuse all of these before a write; the
    // schema is the last guard, so a store written past them stays sound.
    TempDir temp;
    Store store = Store::open(temp.location());
    using K = StoreError::Kind;
    Ritual noWeekday = sampleRitual("Never");
    noWeekday.weekdays = Weekdays{};
    storeAdd(store, noWeekday); // a mask of zeros has the right shape
    const Ritual ritual = sampleRitual("Hug");
    storeAdd(store, ritual);
    expectStoreError(K::Invalid, [&] {
        storeAdd(store, Pause{newUuid(), day(2026, 2, 2), day(2026, 2, 1), ""});
    });
    expectStoreError(K::Invalid, [&] { storeAdd(store, Preference{"week_start", "3"}); });
    Goal goal;
    goal.id = newUuid();
    goal.title = "Walks";
    goal.target = 0;
    expectStoreError(K::Invalid, [&] { storeAdd(store, goal); });
    goal.target = 3;
    goal.scope = GoalScope::Ritual;
    goal.ritualId = newUuid();
    expectStoreError(K::Invalid, [&] { storeAdd(store, goal); });
    Couple couple;
    couple.partners[0].colour = 0x1000000;
    expectStoreError(K::Invalid, [&] { storeAdd(store, couple); });
    expectStoreError(K::Invalid,
                     [&] { storeAddLogs(store, {sampleLog(newUuid(), day(2026, 1, 1))}); });
    const History after = store.loadHistory();
    CHECK(after.rituals.size() == 2);
    CHECK(after.logs.empty());
    CHECK(after.pauses.empty());
    CHECK(after.goals.empty());
    CHECK_FALSE(store.hasCouple());
}

#ifndef _WIN32
TEST_CASE("the data folder is 0700 and the data file 0600") {
    TempDir temp;
    const DataLocation location = temp.location("nested/data");
    Store store = Store::open(location);
    storeAdd(store, sampleRitual("Hug"));
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
        storeShown(store, {"level:3", "streak:30"});
        storeShown(store, {"level:3"});
    }
    Store store = Store::open(temp.location());
    CHECK(store.shownCelebrations() == std::set<std::string>{"level:3", "streak:30"});
}

TEST_CASE("UI settings and question marks") {
    TempDir temp;
    Store store = Store::open(temp.location());
    CHECK_FALSE(storePreference(store, "theme"));
    storeAdd(store, Preference{"theme", "dark"});
    storeAdd(store, Preference{"theme", "light"});
    storeAdd(store, Preference{"ui_scale", "1.25"});
    CHECK(storePreference(store, "theme") == "light");
    storeRemove(store, Preference{"ui_scale", "1.25"});
    CHECK_FALSE(storePreference(store, "ui_scale"));
    storeAdd(store, Settings{3, 6});
    // The couple's settings share the table but are no preference.
    CHECK(storePreference(store, "day_start_hour") == std::nullopt);
    CHECK(store.loadHistory().settings.dayStartHour == 3);

    storeAdd(store, QuestionMarkEntry{"q-light-001", QuestionMark::Answered, day(2026, 1, 1)});
    storeAdd(store, QuestionMarkEntry{"q-light-001", QuestionMark::Favourite, day(2026, 1, 1)});
    storeAdd(store, QuestionMarkEntry{"q-dreams-007", QuestionMark::Skipped, day(2026, 1, 2)});
    storeAdd(store, QuestionMarkEntry{"q-light-001", QuestionMark::Answered,
                                      day(2026, 3, 1)}); // moves the day
    storeRemove(store, QuestionMarkEntry{"q-light-001", QuestionMark::Favourite, day(2026, 1, 1)});
    const auto marks = store.loadHistory().questionMarks;
    REQUIRE(marks.size() == 2);
    CHECK(marks[0].questionId == "q-dreams-007");
    CHECK(marks[0].mark == QuestionMark::Skipped);
    CHECK(marks[1].questionId == "q-light-001");
    CHECK(marks[1].mark == QuestionMark::Answered);
    CHECK(marks[1].day == day(2026, 3, 1));
}

TEST_CASE("a change of every kind of row is one transaction") {
    TempDir temp;
    Store store = Store::open(temp.location());
    const Ritual ritual = sampleRitual("Hug");
    ChangeSet change;
    change.add(ritual);
    change.add(sampleLog(ritual.id, day(2026, 1, 2)));
    change.add(ShownCelebration{"first-log"});
    change.add(Preference{"theme", "dark"});
    change.add(sampleLog(newUuid(), day(2026, 1, 1))); // no such ritual: refused
    expectStoreError(StoreError::Kind::Invalid, [&] { store.apply(change.rows, testNow); });
    CHECK(store.loadHistory().rituals.empty());
    CHECK(store.shownCelebrations().empty());
    CHECK(store.preferences().empty());

    change.rows.of<Log>().pop_back();
    store.apply(change.rows, testNow);
    const History history = store.loadHistory();
    CHECK(history.rituals.size() == 1);
    CHECK(history.logs.size() == 1);
    CHECK(store.shownCelebrations().count("first-log") == 1);
    CHECK(store.preferences().at("theme") == "dark");
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
