#include "platform/os/user_folders.hpp"
#include "store/export_import.hpp"
#include "store_test_support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <limits>
#include <optional>
#include <random>

using namespace kindling;
using namespace kindling::test;
namespace fs = std::filesystem;

namespace {

// Every kind of row and the values that break naive formats: emoji, quotes,
// line breaks, awkward doubles, optional amounts, weekday masks, an archived
// ritual, every goal scope.
void fillRichHistory(Store& store) {
    Couple couple;
    couple.partners[0] = {"Zoë 🌻", 0x112233};
    couple.partners[1] = {"Sam \"the cook\", jr.", 0xFFFFFF};
    storeAdd(store, couple);
    storeAdd(store, Settings{5, 6, true});

    Ritual walk = sampleRitual("Evening walk 🚶", 0);
    walk.area = Area::Fun;
    walk.why = "Side by side.\nEven \"hard\" talks; it's 'fine'.";
    walk.frequency = {3, 7};
    walk.measure = Measure{MeasureKind::AtLeast, 0.1 + 0.2};
    walk.unit = "minutes";
    walk.catalogId = "walk";
    Ritual thanks = sampleRitual("Thank you 💞", 1);
    thanks.area = Area::Appreciation;
    thanks.mode = RitualMode::Each;
    thanks.weekdays = Weekdays{true, false, true, false, true, false, true};
    Ritual talk = sampleRitual("Talking it through", 3);
    talk.area = Area::Repair;
    talk.whenItHelps = true;
    storeAdd(store, talk);
    ProgrammeStep joined{newUuid(), 1, ProgrammeStepKind::Join, Who::Partner2,
                         true,      1, day(2026, 3, 3)};
    ProgrammeStep paused{newUuid(), 2, ProgrammeStepKind::Pause, std::nullopt,
                         false,     1, day(2026, 3, 4)};
    storeAdd(store, joined);
    storeAdd(store, paused);
    Ritual phones = sampleRitual("Phones out of bed", 2);
    phones.measure = Measure{MeasureKind::AtMost, 1e-300};
    phones.archived = true;
    for (const Ritual& r : {walk, thanks, phones})
        storeAdd(store, r);

    std::vector<Log> logs;
    Log first = sampleLog(walk.id, day(2026, 3, 1));
    first.amount = 42.123456789012345;
    first.note = "Line one\r\nline \"two\", with a comma\n\ttab 💛";
    Log second = sampleLog(thanks.id, day(2026, 3, 2), Who::Partner1);
    second.loggedAt = 1'700'000'100;
    Log third = sampleLog(thanks.id, day(2026, 3, 2), Who::Partner2);
    third.loggedAt = 1'700'000'200;
    third.note = "; DROP TABLE logs; --";
    Log fourth = sampleLog(phones.id, day(1970, 1, 1));
    fourth.amount = 0.0;
    Log deleted = sampleLog(walk.id, day(2026, 3, 9));
    logs = {first, second, third, fourth, deleted};
    storeAddLogs(store, logs);
    storeRemoveId<Log>(store, deleted.id); // a tombstone: not exported

    storeAdd(store, Skip{newUuid(), walk.id, day(2026, 3, 5)});
    storeAdd(store, Pause{newUuid(), day(2026, 4, 1), day(2026, 4, 10), "Travel ✈️"});
    Goal any;
    any.id = newUuid();
    any.title = "Fifty of anything";
    any.target = 50;
    any.period = GoalPeriod::Custom;
    any.start = day(2026, 12, 1);
    any.end = day(2026, 12, 31);
    any.reward = "Dinner at our place";
    Goal ofWalk = any;
    ofWalk.id = newUuid();
    ofWalk.scope = GoalScope::Ritual;
    ofWalk.ritualId = walk.id;
    ofWalk.period = GoalPeriod::EveryMonth;
    ofWalk.end = Day{};
    ofWalk.archivedOn = day(2027, 2, 14);
    storeAdd(store, any);
    storeAdd(store, ofWalk);
    storeShown(store, {"level:3", "streak:7"});
    storeAdd(store, QuestionMarkEntry{"light-001", QuestionMark::Favourite, day(2026, 3, 3)});
    storeAdd(store, QuestionMarkEntry{"dreams-004", QuestionMark::Answered, day(2026, 3, 4)});
}

template <class T> std::vector<T> byId(std::vector<T> rows) {
    std::sort(rows.begin(), rows.end(), [](const T& a, const T& b) { return a.id < b.id; });
    return rows;
}

// Row order in loadHistory depends on when rows were created; compare by id.
void requireSameContent(const History& a, const History& b) {
    History x = a, y = b;
    x.rituals = byId(x.rituals), y.rituals = byId(y.rituals);
    x.logs = byId(x.logs), y.logs = byId(y.logs);
    x.skips = byId(x.skips), y.skips = byId(y.skips);
    x.pauses = byId(x.pauses), y.pauses = byId(y.pauses);
    x.goals = byId(x.goals), y.goals = byId(y.goals);
    requireSameHistory(x, y);
}

// What Session::applyImport writes, straight to the store.
void applyImport(Store& store, const ImportPlan& plan, const ImportProgress& progress = {}) {
    store.apply(importChange(plan, store.loadHistory()).rows, testNow,
                [&](std::size_t done, std::size_t total) {
                    if (progress) progress("saving", done, total);
                });
}

std::string exportOf(const Store& store) {
    return exportJson(store.loadHistory(), {"2026-11-21T20:15:03Z", "test"}, storeExtras(store));
}

ImportPlan planFor(const std::string& json, const Store& store, const ImportLimits& limits = {}) {
    return planImport(json, store.loadHistory(), storeExtras(store), {}, limits);
}

std::string importErrorOf(const std::string& json, const Store& store,
                          const ImportLimits& limits = {}) {
    try {
        planFor(json, store, limits);
    } catch (const ImportError& error) {
        return error.what();
    }
    FAIL("expected an ImportError");
    return {};
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// `replaced` from the first `marker` on: within one list of the file.
std::string replacedAfter(const std::string& text, const std::string& marker,
                          const std::string& from, const std::string& to) {
    const auto at = text.find(marker);
    REQUIRE(at != std::string::npos);
    return text.substr(0, at) + replaced(text.substr(at), from, to);
}

// The first measured ritual's target, made negative.
std::string negativeTarget(std::string json) {
    const auto measure = json.find("\"kind\": \"at_least\"");
    REQUIRE(measure != std::string::npos);
    const auto target = json.find("\"target\": ", measure);
    REQUIRE(target != std::string::npos);
    return json.insert(target + 10, "-");
}

} // namespace

TEST_CASE("export, import into an empty data folder: every field comes back") {
    TempDir temp;
    Store source = Store::open(temp.location("source"));
    fillRichHistory(source);
    const std::string json = exportOf(source);
    CHECK(json.find("\"format_version\": 1") != std::string::npos);
    CHECK(json.find("\"cereal_class_version\"") != std::string::npos);

    Store target = Store::open(temp.location("target"));
    const ImportPlan plan = planFor(json, target);
    CHECK(plan.rituals.added.size() == 4);
    CHECK(plan.programmeSteps.added.size() == 2);
    CHECK(plan.logs.added.size() == 4); // the deleted log is not exported
    CHECK(plan.goals.added.size() == 2);
    applyImport(target, plan);

    const History imported = target.loadHistory();
    requireSameContent(imported, source.loadHistory());
    CHECK(imported.rituals[0].measure->target == 0.1 + 0.2); // bit for bit
    CHECK(target.shownCelebrations() == source.shownCelebrations());
    const auto marks = target.loadHistory().questionMarks;
    REQUIRE(marks.size() == 2);
    CHECK(marks[0].questionId == source.loadHistory().questionMarks[0].questionId);
    CHECK(marks[0].day == source.loadHistory().questionMarks[0].day);
    // The same export again is byte for byte the same (apart from the time).
    CHECK(exportOf(target) == json);

    SECTION("importing the same file again changes nothing") {
        const ImportPlan again = planFor(json, target);
        CHECK(again.changesNothing());
        CHECK(again.logs.skipped == 4);
        CHECK(again.rituals.skipped == 4);
        CHECK(again.questionMarks.skipped == 2);
        CHECK(again.celebrations.skipped == 2);
        applyImport(target, again);
        requireSameContent(target.loadHistory(), imported);
    }
    SECTION("a changed note shows as updated and the file wins") {
        const std::string edited = replaced(json, "; DROP TABLE logs; --", "changed 🌙");
        const ImportPlan changed = planFor(edited, target);
        CHECK(changed.logs.updated.size() == 1);
        CHECK(changed.logs.skipped == 3);
        CHECK(changed.logs.added.empty());
        applyImport(target, changed);
        const auto logs = target.loadHistory().logs;
        CHECK(std::count_if(logs.begin(), logs.end(),
                            [](const Log& l) { return l.note == "changed 🌙"; }) == 1);
    }
    SECTION("a log deleted here comes back from the file") {
        const std::string id = imported.logs.front().id;
        storeRemoveId<Log>(target, id);
        const ImportPlan back = planFor(json, target);
        CHECK(back.logs.added.size() == 1);
        applyImport(target, back);
        requireSameContent(target.loadHistory(), imported);
    }
    SECTION("a skip of a day already skipped here (another id) adds nothing") {
        Store other = Store::open(temp.location("other"));
        applyImport(other, planFor(json, other));
        const Skip existing = other.loadHistory().skips.front();
        storeRemoveId<Skip>(other, existing.id);
        storeAdd(other, Skip{newUuid(), existing.ritualId, existing.day});
        const ImportPlan skips = planFor(json, other);
        CHECK(skips.skips.added.empty());
        CHECK(skips.skips.skipped == 1);
        applyImport(other, skips);
    }
}

TEST_CASE("a ritual of the same name but another id is refused by name") {
    TempDir temp;
    Store source = Store::open(temp.location("source"));
    fillRichHistory(source);
    Store target = Store::open(temp.location("target"));
    storeAdd(target, sampleRitual("evening WALK 🚶"));
    const auto message = importErrorOf(exportOf(source), target);
    CHECK_THAT(message, Catch::Contains("rituals[0].name"));
    CHECK_THAT(message, Catch::Contains("another ritual"));
}

TEST_CASE("goals: the day one was archived comes back, older files still import") {
    TempDir temp;
    Store source = Store::open(temp.location("source"));
    fillRichHistory(source);
    const std::string json = exportOf(source);
    // Goals are written as record version 2, with "archived_on" only when archived.
    CHECK(json.find("\"cereal_class_version\": 2", json.find("\"goals\"")) != std::string::npos);
    CHECK(json.find("\"archived_on\": \"2027-02-14\"") != std::string::npos);

    auto importedGoals = [&](const std::string& file) {
        TempDir other;
        Store target = Store::open(other.location("target"));
        applyImport(target, planFor(file, target));
        return byId(target.loadHistory().goals);
    };
    const auto goals = byId(source.loadHistory().goals);
    const auto same = importedGoals(json);
    REQUIRE(same.size() == 2);
    for (std::size_t i = 0; i < 2; ++i)
        CHECK(same[i].archivedOn == goals[i].archivedOn);

    SECTION("a version 1 record says only whether: it stops on the export's day") {
        // Exported on 2026-11-21; a goal that starts later stops on its start.
        std::string old = replacedAfter(json, "\"goals\"", "\"cereal_class_version\": 2",
                                        "\"cereal_class_version\": 1");
        old = replaced(old, "\"archived_on\": \"2027-02-14\"", "\"archived\": true");
        const auto imported = importedGoals(old);
        REQUIRE(imported.size() == 2);
        for (const Goal& goal : imported) {
            if (goal.period == GoalPeriod::EveryMonth)
                CHECK(goal.archivedOn == std::max(day(2026, 11, 21), goal.start));
            else
                CHECK_FALSE(goal.archivedOn.has_value());
        }
    }
    SECTION("a goal of no ritual may leave its ritual_id out") {
        const std::string without = replacedAfter(json, "\"goals\"", "\"ritual_id\": \"\",", "");
        REQUIRE(without != json);
        const auto imported = importedGoals(without);
        REQUIRE(imported.size() == 2);
        for (std::size_t i = 0; i < 2; ++i)
            CHECK(imported[i].ritualId == goals[i].ritualId);
    }
    SECTION("a newer goal record is refused") {
        TempDir other;
        Store target = Store::open(other.location("target"));
        CHECK_THAT(importErrorOf(replacedAfter(json, "\"goals\"", "\"cereal_class_version\": 2",
                                               "\"cereal_class_version\": 3"),
                                 target),
                   Catch::Contains("goals[0].cereal_class_version: is 3"));
    }
    SECTION("a day that is not a date is refused") {
        TempDir other;
        Store target = Store::open(other.location("target"));
        CHECK_THAT(importErrorOf(replaced(json, "\"archived_on\": \"2027-02-14\"",
                                          "\"archived_on\": \"someday\""),
                                 target),
                   Catch::Contains("archived_on: \"someday\" is not a real date"));
    }
}

TEST_CASE("CSV: one row per log, RFC 4180 quoting, partner names") {
    TempDir temp;
    Store store = Store::open(temp.location());
    fillRichHistory(store);
    const std::string csv = exportCsv(store.loadHistory());
    INFO(csv);
    CHECK(csv.rfind("\xEF\xBB\xBF"
                    "date,ritual,who,amount,note\r\n",
                    0) == 0);
    CHECK(csv.find("1970-01-01,Phones out of bed,both,0,\r\n") != std::string::npos);
    CHECK(csv.find("2026-03-01,Evening walk 🚶,both,42.123456789012344,\"Line one\r\nline "
                   "\"\"two\"\", with a comma\n\ttab 💛\"\r\n") != std::string::npos);
    CHECK(csv.find("2026-03-02,Thank you 💞,Zoë 🌻,,\r\n") != std::string::npos);
    CHECK(csv.find("2026-03-02,Thank you 💞,\"Sam \"\"the cook\"\", jr.\",,; DROP TABLE logs; "
                   "--\r\n") != std::string::npos);
    // Header plus four live logs.
    std::size_t rows = 0;
    for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
        ++rows;
    CHECK(rows == 1 + 4 + 1); // the quoted note holds one CRLF itself
}

TEST_CASE("every kind of bad file is refused with where and why, before anything is written") {
    TempDir temp;
    Store source = Store::open(temp.location("source"));
    fillRichHistory(source);
    const std::string json = exportOf(source);
    Store target = Store::open(temp.location("target"));
    const History before = target.loadHistory();

    struct Case {
        std::string name;
        std::string json;
        std::string mentions;
    };
    const std::string firstLogDay = "\"day\": \"2026-03-01\"";
    const std::vector<Case> cases{
        {"empty", "", "empty"},
        {"blank", " \n\t ", "empty"},
        {"truncated", json.substr(0, json.size() / 2), "not valid JSON at line"},
        {"binary", std::string("SQLite format 3\0\x01\x02\xff", 19), "not valid JSON at line 1"},
        {"invalid UTF-8", replaced(json, "Zoë", "Zo\xC3\x28"), "not valid JSON"},
        {"not an export", "{\"rituals\": []}", "not a Kindling export"},
        {"a list", "[1, 2, 3]", "not a Kindling export"},
        {"deeply nested", std::string(100'000, '[') + std::string(100'000, ']'),
         "nested more than 32 levels deep at line 1, column 33"},
        {"newer format", replaced(json, "\"format_version\": 1", "\"format_version\": 7"),
         "format version 7"},
        {"newer record version",
         replacedAfter(json, "\"rituals\"", "\"cereal_class_version\": 2,\n    \"id\"",
                       "\"cereal_class_version\": 3,\n    \"id\""),
         "rituals[0].cereal_class_version: is 3"},
        {"unknown field", replaced(json, firstLogDay, firstLogDay + ", \"mood\": \"happy\""),
         "logs[1].mood: unknown field"},
        {"unknown fields beyond the count",
         replaced(json, "\"format_version\": 1",
                  "\"format_version\": 1, \"future_thing\": true, \"another\": 2"),
         "kindling_export.future_thing: unknown field"},
        {"wrong type", replaced(json, "\"target\": 50", "\"target\": \"fifty\""),
         "goals[0].target: should be a whole number, not text"},
        {"fraction where a whole number belongs",
         replaced(json, "\"target\": 50", "\"target\": 50.5"), "goals[0].target"},
        {"impossible date", replaced(json, firstLogDay, "\"day\": \"2026-02-30\""),
         "logs[1].day: \"2026-02-30\" is not a real date"},
        {"date out of range", replaced(json, firstLogDay, "\"day\": \"1969-12-31\""),
         "logs[1].day: \"1969-12-31\" is outside"},
        {"date far future", replaced(json, firstLogDay, "\"day\": \"2201-01-01\""),
         "logs[1].day: \"2201-01-01\" is outside"},
        {"unknown enum", replaced(json, "\"area\": \"fun\"", "\"area\": \"chores\""),
         "rituals[0].area: \"chores\" is not one of"},
        {"missing field", replaced(json, firstLogDay + ",", ""), "logs[1].day: is missing"},
        {"huge note",
         replaced(json, "\"note\": \"; DROP", "\"note\": \"" + std::string(5000, 'x') + "; DROP"),
         "at most 4000"},
        {"huge name", replaced(json, "Evening walk 🚶", std::string(81, 'w')), "at most 80"},
        {"NaN", replaced(json, "\"amount\": 0.0", "\"amount\": NaN"), "not valid JSON"},
        {"huge number", replaced(json, "\"amount\": 0.0", "\"amount\": 1e999"), "not valid JSON"},
        {"amount below zero", replaced(json, "\"amount\": 0.0", "\"amount\": -3.0"),
         "amount: is below zero"},
        {"target below zero", negativeTarget(json), "measure.target: is below zero"},
        {"pause ends before it starts",
         replaced(json, "\"last\": \"2026-04-10\"", "\"last\": \"2026-03-10\""), "pauses[0].last"},
        {"trailing garbage", json + "{}", "not valid JSON"},
        {"partner called both", replaced(json, "Zoë 🌻", "Both"), "couple.partners[0].name"},
    };
    for (const Case& c : cases) {
        if (c.mentions.empty()) continue;
        INFO(c.name);
        CHECK_THAT(importErrorOf(c.json, target), Catch::Contains(c.mentions));
    }

    SECTION("a ritual that is neither in the file nor here") {
        const Ritual walk = source.loadHistory().rituals[0];
        const std::string orphan = "0b6f3a5e-2c1d-4e8f-9a7b-3c2d1e0f4a5b";
        std::string bad = json;
        // Every row that refers to the walk now refers to a ritual nobody has.
        for (auto at = bad.find("\"ritual_id\": \"" + walk.id); at != std::string::npos;
             at = bad.find("\"ritual_id\": \"" + walk.id))
            bad.replace(at + 14, walk.id.size(), orphan);
        const auto message = importErrorOf(bad, target);
        CHECK_THAT(message, Catch::Contains("logs[1].ritual_id"));
        CHECK_THAT(message, Catch::Contains(orphan));
    }
    SECTION("ids must look like UUIDs and be unique") {
        const std::string id = source.loadHistory().logs[0].id;
        CHECK_THAT(
            importErrorOf(replaced(json, "\"id\": \"" + id, "\"id\": \"x" + id.substr(1)), target),
            Catch::Contains("is not an id"));
        const std::string other = source.loadHistory().logs[1].id;
        CHECK_THAT(importErrorOf(replaced(json, "\"id\": \"" + other, "\"id\": \"" + id), target),
                   Catch::Contains("the same id as logs["));
    }
    SECTION("counts and sizes beyond the limits") {
        ImportLimits small;
        small.maxLogs = 3;
        CHECK_THAT(importErrorOf(json, target, small),
                   Catch::Contains("logs: holds 4 entries; at most 3"));
        small = {};
        small.maxFileBytes = 1000;
        CHECK_THAT(importErrorOf(json, target, small), Catch::Contains("at most 0 MB"));
        small = {};
        small.maxJsonValues = 50;
        CHECK_THAT(importErrorOf(json, target, small), Catch::Contains("more than 50 values"));
        // One object with a million fields costs linear, not quadratic, time,
        // and the first unknown one is named.
        std::string wide = "{\"kindling_export\": {\"format_version\": 1";
        for (int i = 0; i < 1'000'000; ++i)
            wide += ",\"f" + std::to_string(i) + "\":0";
        wide += "}}";
        CHECK_THAT(importErrorOf(wide, target),
                   Catch::Contains("kindling_export.f0: unknown field"));
        // A million repeats of known fields: too many, and said so.
        std::string repeated = "{\"kindling_export\": {\"format_version\": 1";
        for (int i = 0; i < 1'000'000; ++i)
            repeated += ",\"logs\":0";
        repeated += "}}";
        CHECK_THAT(importErrorOf(repeated, target),
                   Catch::Contains("kindling_export: has 1000001 fields"));
    }
    // Nothing was written by any of the above.
    requireSameHistory(target.loadHistory(), before);
}

TEST_CASE("big imports report progress") {
    TempDir temp;
    History history;
    Ritual ritual = sampleRitual("Hug");
    history.rituals = {ritual};
    for (int i = 0; i < 25'000; ++i) {
        Log log = sampleLog(ritual.id, day(2020, 1, 1) + std::chrono::days{i % 3000});
        log.note = "A note long enough to make the file a few megabytes in size, truly.";
        history.logs.push_back(log);
    }
    const std::string json = exportJson(history, {"now", "test"});
    REQUIRE(json.size() > progressThresholdBytes);
    Store store = Store::open(temp.location());
    std::vector<std::string> stages;
    std::size_t lastDone = 0;
    const ImportProgress progress = [&](std::string_view stage, std::size_t done, std::size_t) {
        if (stages.empty() || stages.back() != stage) stages.emplace_back(stage);
        lastDone = done;
    };
    const ImportPlan plan = planImport(json, store.loadHistory(), {}, progress);
    CHECK(std::find(stages.begin(), stages.end(), "checking logs") != stages.end());
    applyImport(store, plan, progress);
    CHECK(stages.back() == "saving");
    CHECK(lastDone >= 25'000);
    CHECK(store.loadHistory().logs.size() == 25'000);
}

TEST_CASE("random mutations of a valid export never crash the importer") {
    TempDir temp;
    Store source = Store::open(temp.location("source"));
    fillRichHistory(source);
    const std::string json = exportOf(source);
    Store target = Store::open(temp.location("target"));
    const History current = target.loadHistory();
    const StoreExtras extras = storeExtras(target);

    // KINDLING_FUZZ_SEED and KINDLING_FUZZ_ROUNDS run a longer search by hand.
    const char* seedText = std::getenv("KINDLING_FUZZ_SEED");
    const char* roundsText = std::getenv("KINDLING_FUZZ_ROUNDS");
    const int rounds = roundsText ? std::atoi(roundsText) : 2000;
    std::mt19937_64 random(seedText ? std::strtoull(seedText, nullptr, 10) : 20261121);
    auto below = [&](std::size_t n) {
        return static_cast<std::size_t>(random() % std::max<std::size_t>(n, 1));
    };
    const std::vector<std::string> tokens{
        "null", "true", "0",     "-1",         "1e308",          "\"\"",
        "[]",   "{}",   "\"x\"", "2147483648", "\"2026-02-29\"", "{\"a\":[]}"};
    std::size_t accepted = 0, refused = 0, applied = 0;
    for (int round = 0; round < rounds; ++round) {
        std::string text = json;
        const int mutations = 1 + static_cast<int>(below(4));
        for (int m = 0; m < mutations; ++m) {
            switch (below(7)) {
            case 0: // flip a byte
                text[below(text.size())] = static_cast<char>(random());
                break;
            case 1: // cut the end off
                text.resize(below(text.size()));
                break;
            case 2: { // duplicate a chunk
                const auto at = below(text.size()), length = below(200);
                text.insert(below(text.size()), text.substr(at, length));
                break;
            }
            case 3: { // remove a chunk
                const auto at = below(text.size());
                text.erase(at, below(200));
                break;
            }
            case 4: { // swap a value for one of another type
                const auto colon = text.find(": ", below(text.size()));
                if (colon == std::string::npos) break;
                const auto end = text.find_first_of(",\n}", colon + 2);
                text.replace(colon + 2, end == std::string::npos ? 0 : end - colon - 2,
                             tokens[below(tokens.size())]);
                break;
            }
            case 5: // a digit changed: dates, numbers, versions
                for (auto at = below(text.size()); at < text.size(); ++at)
                    if (text[at] >= '0' && text[at] <= '9') {
                        text[at] = static_cast<char>('0' + below(10));
                        break;
                    }
                break;
            default: // a structural character changed
                for (auto at = below(text.size()); at < text.size(); ++at)
                    if (std::string_view("{}[],:\"").find(text[at]) != std::string_view::npos) {
                        text[at] = "{}[],:\""[below(7)];
                        break;
                    }
                break;
            }
            if (text.empty()) break;
        }
        std::optional<ImportPlan> plan;
        try {
            plan = planImport(text, current, extras);
            ++accepted;
        } catch (const ImportError&) {
            ++refused;
        }
        // Anything else escapes and fails the test with its message.

        // What the check lets through, the store takes whole, and it holds
        // only what a command could have written (a few of them, each into
        // a fresh data folder: opening one costs milliseconds).
        if (!plan || applied >= 60) continue;
        INFO("round " << round);
        Store scratch = Store::open(temp.location("scratch-" + std::to_string(applied++)));
        applyImport(scratch, *plan);
        const History imported = scratch.loadHistory();
        for (const Log& log : imported.logs) {
            CHECK(isKeptDay(log.day));
            if (log.amount) CHECK(*log.amount >= 0);
        }
        for (const Ritual& ritual : imported.rituals)
            if (ritual.measure) CHECK(ritual.measure->target >= 0);
    }
    CHECK(accepted + refused == static_cast<std::size_t>(rounds));
    CHECK(refused > accepted);
    CHECK(applied > 0);
}

TEST_CASE("writeFileSafely never leaves half a file and refuses to overwrite") {
    TempDir temp;
    const fs::path file = temp.path() / "export.json";
    writeFileSafely(file, "first", false);
    CHECK(readBytes(file) == std::vector<char>{'f', 'i', 'r', 's', 't'});
    expectStoreError(StoreError::Kind::Invalid, [&] { writeFileSafely(file, "second", false); });
    writeFileSafely(file, "second", true);
    CHECK(readBytes(file).size() == 6);
    CHECK(!fs::exists(temp.path() / "export.json.partial"));
#ifndef _WIN32 // POSIX modes; on Windows the folder's ACL decides
    CHECK((fs::status(file).permissions() & fs::perms::others_read) == fs::perms::none);
#endif
    expectStoreError(StoreError::Kind::Io,
                     [&] { writeFileSafely(temp.path() / "missing" / "x.json", "x", false); });
}

TEST_CASE("writeFileSafely writes under a name beyond Latin-1, exactly as typed") {
    TempDir temp;
    const std::string name = "Zoë и Łukasz ☕ 日本.json";
    const fs::path file = temp.path() / os::pathFromUtf8(name);
    writeFileSafely(file, "{}", false);
    CHECK(readBytes(file) == std::vector<char>{'{', '}'});
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(temp.path()))
        names.push_back(os::pathToUtf8(entry.path().filename()));
    CHECK(names == std::vector<std::string>{name}); // and no .partial left beside it
    writeFileSafely(file, "[]", true);
    CHECK(readBytes(file) == std::vector<char>{'[', ']'});
}

// --- Restore ----------------------------------------------------------------

TEST_CASE("restore replaces the data with a good backup and keeps the data before") {
    TempDir temp;
    const DataLocation location = temp.location();
    Store store = Store::open(location);
    fillRichHistory(store);
    const History original = store.loadHistory();
    const fs::path good = store.backup();

    // Life goes on after the backup.
    const Ritual extra = sampleRitual("Dancing", 5);
    storeAdd(store, extra);
    storeAddLogs(store, {sampleLog(extra.id, day(2026, 5, 1))});
    const History later = store.loadHistory();

    const fs::path previous = store.restoreFrom(good);
    requireSameHistory(store.loadHistory(), original);
    CHECK(store.loadHistory().questionMarks.size() == 2);
    CHECK(fs::exists(previous));
    CHECK(previous.parent_path() == location.backupDirectory());
    // No staging folder is left behind.
    for (const auto& entry : fs::directory_iterator(location.directory))
        CHECK(entry.path().filename().string().rfind(".restoring", 0) == std::string::npos);

    // The data from before the restore is a working Kindling file.
    const DataLocation check = temp.location("check");
    fs::create_directories(check.directory);
    fs::copy_file(previous, check.databaseFile());
    requireSameHistory(Store::open(check).loadHistory(), later);

    // The store keeps working, and reopens with the restored data.
    storeAddLogs(store, {sampleLog(original.rituals[0].id, day(2026, 6, 1))});
    const History afterwards = store.loadHistory();
    store = Store::open(temp.location("elsewhere"));
    requireSameHistory(Store::open(location).loadHistory(), afterwards);
}

TEST_CASE("restore of an older-version backup upgrades it") {
    TempDir temp;
    const fs::path old = temp.path() / "old.sqlite3";
    Store::createAtVersionForTesting(old, 1);
    Store store = Store::open(temp.location());
    storeAdd(store, sampleRitual("Hug"));
    store.restoreFrom(old);
    CHECK(store.loadHistory().rituals.empty());
    storeAdd(store, QuestionMarkEntry{"light-001", QuestionMark::Answered,
                                      day(2026, 1, 1)}); // version 2 table
    CHECK(store.loadHistory().questionMarks.size() == 1);
}

TEST_CASE("restore refuses a damaged, foreign or newer file and changes nothing") {
    TempDir temp;
    const DataLocation location = temp.location();
    Store store = Store::open(location);
    fillRichHistory(store);
    const History before = store.loadHistory();
    const fs::path good = store.backup();
    const auto backupsBefore = store.listBackups().size();

    using K = StoreError::Kind;
    struct Case {
        std::string name;
        fs::path file;
        K kind;
        std::string mentions;
    };
    std::vector<Case> cases;

    const fs::path text = temp.path() / "notes.txt";
    writeBytes(text, {'h', 'e', 'l', 'l', 'o'});
    cases.push_back({"text", text, K::NotKindling, "not an SQLite file"});

    const fs::path foreign = temp.path() / "recipes.sqlite3";
    {
        SQLite::Database db(foreign, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE recipes (title TEXT); INSERT INTO recipes VALUES ('Soup');");
    }
    cases.push_back({"foreign", foreign, K::NotKindling, "another application"});

    const fs::path newer = temp.path() / "newer.sqlite3";
    fs::copy_file(good, newer);
    {
        SQLite::Database db(newer, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = " + std::to_string(currentSchemaVersion() + 1));
    }
    cases.push_back({"newer", newer, K::NewerVersion, "newer Kindling"});

    const fs::path damaged = temp.path() / "damaged.sqlite3";
    fs::copy_file(good, damaged);
    {
        auto bytes = readBytes(damaged);
        REQUIRE(bytes.size() > 8192);
        for (std::size_t i = 4096 + 100; i < 8192; ++i)
            bytes[i] = static_cast<char>(0xA5);
        writeBytes(damaged, bytes);
    }
    cases.push_back({"damaged", damaged, K::Damaged, "damaged"});
    cases.push_back({"missing", temp.path() / "nope.sqlite3", K::Io, "nope.sqlite3"});
    cases.push_back({"the data file itself", location.databaseFile(), K::Invalid, "itself"});

    for (const Case& c : cases) {
        INFO(c.name);
        const auto candidateBytes = fs::exists(c.file) ? readBytes(c.file) : std::vector<char>{};
        const auto message = expectStoreError(c.kind, [&] { store.restoreFrom(c.file); });
        CHECK_THAT(message, Catch::Contains(c.mentions));
        if (c.file != location.databaseFile()) {
            CHECK_THAT(message, Catch::Contains("not changed"));
            if (fs::exists(c.file)) CHECK(readBytes(c.file) == candidateBytes);
        }
        requireSameHistory(store.loadHistory(), before);
        CHECK(store.listBackups().size() == backupsBefore); // refused before any backup
    }
}
