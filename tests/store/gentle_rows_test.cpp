// What issue 12 added to the data file and to the export: rituals done when
// it helps (migration 6, ritual record 2), the couple's "Talking about us"
// setting (settings record 2), the touch programme's steps (migration 7,
// "programme_steps") and XP kept through edits (migration 8, "kept_xp").
// Older files and older exports still open and import; bad values are
// refused with where and why, and nothing is written.
#include "store/export_import.hpp"
#include "store/store.hpp"
#include "store/store_test_support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

using namespace kindling;
using namespace kindling::test;
namespace fs = std::filesystem;

namespace {

std::string replacedText(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::string importError(const std::string& json, const History& current) {
    try {
        (void)planImport(json, current);
    } catch (const ImportError& error) {
        return error.what();
    }
    FAIL("the file was accepted");
    return {};
}

History gentleHistory() {
    History history;
    history.couple.partners = {Partner{"Ana", 0x112233}, Partner{"Bo", 0x445566}};
    history.settings.talkingAboutUs = true;
    Ritual talk = sampleRitual("Talking it through");
    talk.area = Area::Repair;
    talk.whenItHelps = true;
    history.rituals.push_back(talk);
    history.rituals.push_back(sampleRitual("A walk", 1));
    history.programmeSteps.push_back(
        {newUuid(), 1, ProgrammeStepKind::Join, Who::Partner1, true, 1, day(2026, 3, 2)});
    history.programmeSteps.push_back(
        {newUuid(), 2, ProgrammeStepKind::Join, Who::Partner2, false, 1, day(2026, 3, 3)});
    history.programmeSteps.push_back(
        {newUuid(), 3, ProgrammeStepKind::Stop, std::nullopt, false, 1, day(2026, 3, 4)});
    history.keptXp.push_back({newUuid(), day(2026, 3, 5), 50});
    return history;
}

} // namespace

TEST_CASE("gentle rows: kept in the data file and read back") {
    TempDir temp;
    {
        Store store = Store::open(temp.location());
        storeSaveAll(store, gentleHistory());
    }
    Store store = Store::open(temp.location());
    const History history = store.loadHistory();
    REQUIRE(history.rituals.size() == 2);
    CHECK(history.rituals[0].whenItHelps);
    CHECK_FALSE(history.rituals[1].whenItHelps);
    CHECK(history.settings.talkingAboutUs);
    REQUIRE(history.programmeSteps.size() == 3);
    CHECK(history.programmeSteps[0].who == Who::Partner1);
    CHECK(history.programmeSteps[1].yes == false);
    CHECK(history.programmeSteps[2].kind == ProgrammeStepKind::Stop);
    CHECK_FALSE(history.programmeSteps[2].who.has_value());
    REQUIRE(history.keptXp.size() == 1);
    CHECK(history.keptXp[0].xp == 50);
    CHECK(history.keptXp[0].day == day(2026, 3, 5));
    // The couple's setting is not one of this computer's preferences.
    CHECK(store.preferences().count("talking_about_us") == 0);
    // A step taken back keeps a tombstone, like every row.
    storeRemove(store, history.programmeSteps[2]);
    CHECK(store.loadHistory().programmeSteps.size() == 2);
}

TEST_CASE("gentle rows: a version 4 file is upgraded, its rituals keep their schedules") {
    TempDir temp;
    const DataLocation location = temp.location();
    fs::create_directories(location.directory);
    Store::createAtVersionForTesting(location.databaseFile(), 4);
    {
        SQLite::Database db(location.databaseFile(), SQLite::OPEN_READWRITE);
        CHECK_FALSE(db.tableExists("programme_steps"));
        db.exec("INSERT INTO rituals (id, name, icon, area, why, times, per_days, mode, unit, "
                "archived, position, catalog_id, created_at, updated_at) VALUES "
                "('5d1c8a4e-7b2f-4c3a-9e1d-0a6b5c4d3e2f', 'A repair talk', 'leaf', 'repair', '', "
                "1, 7, 'together', '', 0, 0, "
                "'repair-talk', 1, 1)");
    }
    Store store = Store::open(location);
    const History history = store.loadHistory();
    REQUIRE(history.rituals.size() == 1);
    CHECK_FALSE(history.rituals[0].whenItHelps);
    CHECK_FALSE(history.settings.talkingAboutUs);
    CHECK(history.programmeSteps.empty());
    Ritual helps = history.rituals[0];
    helps.whenItHelps = true;
    storeUpdate(store, helps);
    CHECK(store.loadHistory().rituals[0].whenItHelps);
    storeAdd(store, ProgrammeStep{newUuid(), 1, ProgrammeStepKind::Pause, std::nullopt, false, 1,
                                  day(2026, 1, 1)});
    CHECK(store.loadHistory().programmeSteps.size() == 1);
}

TEST_CASE("gentle rows: a damaged setting is refused with where it is") {
    TempDir temp;
    {
        Store store = Store::open(temp.location());
        storeSaveAll(store, gentleHistory());
    }
    {
        SQLite::Database db(temp.location().databaseFile(), SQLite::OPEN_READWRITE);
        db.exec("UPDATE settings SET value = 'maybe' WHERE key = 'talking_about_us'");
    }
    Store store = Store::open(temp.location());
    const std::string message =
        expectStoreError(StoreError::Kind::Damaged, [&] { (void)store.loadHistory(); });
    CHECK_THAT(message, Catch::Contains("talking_about_us"));
}

TEST_CASE("gentle rows: exported and imported, older exports lack them and still import") {
    const History source = gentleHistory();
    const std::string json = exportJson(source, {"2026-11-21T20:15:03Z", "test"});
    CHECK(json.find("\"when_it_helps\": true") != std::string::npos);
    CHECK(json.find("\"talking_about_us\": true") != std::string::npos);
    CHECK(json.find("\"programme_steps\"") != std::string::npos);
    CHECK(json.find("\"kept_xp\"") != std::string::npos);

    const ImportPlan plan = planImport(json, History{});
    REQUIRE(plan.rituals.added.size() == 2);
    CHECK(plan.rituals.added[0].whenItHelps);
    CHECK_FALSE(plan.rituals.added[1].whenItHelps);
    REQUIRE(plan.settings.updated.size() == 1);
    CHECK(plan.settings.updated[0].talkingAboutUs);
    CHECK(plan.programmeSteps.added == source.programmeSteps);
    CHECK(plan.keptXp.added == source.keptXp);
    // The same file against what it holds changes nothing.
    CHECK(planImport(json, source).changesNothing());

    SECTION("an export from before: version 1 records, no programme") {
        std::string old = json;
        // Version 1 rituals and settings have no such fields.
        old = replacedText(old, ",\n    \"when_it_helps\": true", "");
        old = replacedText(old, ",\n    \"when_it_helps\": false", "");
        old = replacedText(old, ",\n   \"talking_about_us\": true", "");
        old = replacedText(old, "\"cereal_class_version\": 2", "\"cereal_class_version\": 1");
        old = replacedText(old, "\"cereal_class_version\": 2", "\"cereal_class_version\": 1");
        const auto steps = old.find(",\n  \"programme_steps\"");
        REQUIRE(steps != std::string::npos);
        old = old.substr(0, steps) + "\n }\n}\n";
        const ImportPlan older = planImport(old, History{});
        REQUIRE(older.rituals.added.size() == 2);
        CHECK_FALSE(older.rituals.added[0].whenItHelps);
        CHECK(older.programmeSteps.added.empty());
        CHECK(older.keptXp.added.empty());
        CHECK(older.settings.updated.empty()); // the defaults are what a new file holds
    }
    SECTION("bad values are refused with where and why") {
        CHECK_THAT(
            importError(replacedText(json, "\"when_it_helps\": true", "\"when_it_helps\": \"yes\""),
                        History{}),
            Catch::Contains("rituals[0].when_it_helps: should be true or false"));
        CHECK_THAT(
            importError(replacedText(json, "\"kind\": \"stop\"", "\"kind\": \"quit\""), History{}),
            Catch::Contains("programme_steps[2].kind"));
        // A stop keeps nobody's name.
        CHECK_THAT(importError(replacedText(json, "\"kind\": \"stop\",",
                                            "\"kind\": \"stop\",\n    \"who\": \"partner1\","),
                               History{}),
                   Catch::Contains("programme_steps[2]: pausing, stopping and going back keep "
                                   "no name"));
        CHECK_THAT(importError(replacedText(json, "\"stage\": 1", "\"stage\": 4"), History{}),
                   Catch::Contains("programme_steps[0].stage"));
        CHECK_THAT(importError(replacedText(json, "\"xp\": 50", "\"xp\": 0"), History{}),
                   Catch::Contains("kept_xp[0].xp: 0 is outside 1 to"));
    }
}
