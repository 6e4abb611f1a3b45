#include "core/achievements.hpp"
#include "core/celebrations.hpp"
#include "core/demo.hpp"
#include "core/derived.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>

using namespace kindling;

namespace {
std::vector<CatalogRitual> shippedCatalog() {
    std::ifstream in(KINDLING_SOURCE_DIR "/assets/catalog.json");
    REQUIRE(in);
    return parseCatalog(in);
}

template <class Parse> auto shippedAsset(const char* name, Parse parse) {
    std::ifstream in(std::string(KINDLING_SOURCE_DIR "/assets/") + name);
    REQUIRE(in);
    return parse(in);
}
} // namespace

TEST_CASE("the demo history is reproducible and ends today") {
    const auto catalog = shippedCatalog();
    const Day today = *parseDay("2026-11-22");
    const History a = generateDemoHistory(catalog, {2, 7, today});
    const History b = generateDemoHistory(catalog, {2, 7, today});
    const History c = generateDemoHistory(catalog, {2, 8, today});

    REQUIRE(a.logs.size() == b.logs.size());
    for (std::size_t i = 0; i < a.logs.size(); ++i) {
        CHECK(a.logs[i].id == b.logs[i].id);
        CHECK(a.logs[i].day == b.logs[i].day);
    }
    CHECK(a.logs.size() != c.logs.size());

    CHECK(a.rituals.size() == 12);
    std::set<std::string> ids;
    for (const Log& log : a.logs) {
        CHECK(log.day < today); // today is left for the couple
        CHECK(log.day > today - days{2 * 365 + 1});
        CHECK(a.findRitual(log.ritualId) != nullptr);
        ids.insert(log.id);
    }
    CHECK(ids.size() == a.logs.size());
    CHECK_FALSE(a.skips.empty());
    CHECK_FALSE(a.goals.empty());
}

TEST_CASE("the demo has the variety the screens need") {
    const History history = generateDemoHistory(shippedCatalog(), {10, 1, *parseDay("2026-11-22")});
    // Ten years of a dozen rituals at a realistic pace: about five logs a day.
    CHECK(history.logs.size() > 12000);
    CHECK_FALSE(history.pauses.empty());
    bool partner1 = false, partner2 = false, both = false, measured = false, noted = false;
    for (const Log& log : history.logs) {
        partner1 |= log.who == Who::Partner1;
        partner2 |= log.who == Who::Partner2;
        both |= log.who == Who::Both;
        measured |= log.amount.has_value();
        noted |= !log.note.empty();
    }
    CHECK((partner1 && partner2 && both && measured && noted));

    const DerivedState derived = deriveAll(history, *parseDay("2026-11-22"));
    CHECK(derived.coupleStrength > 0.2);
    CHECK(derived.coupleStrength < 1.0);
    REQUIRE(derived.connection.best.has_value());
    CHECK(derived.connection.best->length >= 7);
}

TEST_CASE("zero years gives rituals and goals but no history") {
    const History history = generateDemoHistory(shippedCatalog(), {0, 1, *parseDay("2026-11-22")});
    CHECK(history.rituals.size() == 12);
    CHECK(history.logs.empty());
    CHECK(history.pauses.empty());
}

TEST_CASE("the dense demo is the stress case the benchmarks are stated for") {
    const auto catalog = shippedCatalog();
    const Day today = *parseDay("2026-11-22");
    const History dense = generateDemoHistory(catalog, {10, 1, today, true});
    const History again = generateDemoHistory(catalog, {10, 1, today, true});
    const History realistic = generateDemoHistory(catalog, {10, 1, today});

    // Twelve rituals, two partners, ten years: roughly 90,000 logs (demo.hpp).
    CHECK(dense.rituals.size() == 12);
    CHECK(dense.logs.size() > 80000);
    CHECK(dense.logs.size() < 100000);
    CHECK(dense.logs.size() > 4 * realistic.logs.size());

    REQUIRE(dense.logs.size() == again.logs.size());
    bool same = true;
    for (std::size_t i = 0; i < dense.logs.size(); ++i)
        same = same && dense.logs[i].id == again.logs[i].id &&
               dense.logs[i].day == again.logs[i].day && dense.logs[i].who == again.logs[i].who;
    CHECK(same);

    // Each partner logs on their own, every ritual, and today stays open.
    std::set<std::string> loggedRituals;
    std::size_t onTodayOrLater = 0, byBoth = 0;
    for (const Log& log : dense.logs) {
        onTodayOrLater += log.day >= today ? 1 : 0;
        byBoth += log.who == Who::Both ? 1 : 0;
        loggedRituals.insert(log.ritualId);
    }
    CHECK(onTodayOrLater == 0);
    CHECK(byBoth == 0);
    CHECK(loggedRituals.size() == 12);
    CHECK_FALSE(dense.pauses.empty());
    CHECK(dense.goals.size() == realistic.goals.size());

    // The default pace is untouched by the option.
    const History realisticAgain = generateDemoHistory(catalog, {10, 1, today, false});
    CHECK(realisticAgain.logs.size() == realistic.logs.size());
}

TEST_CASE("levels go on: ten and twenty years of the demo still have a level ahead") {
    const auto levels =
        shippedAsset("levels.json", [](std::istream& in) { return parseLevels(in); });
    const auto achievements =
        shippedAsset("achievements.json", [](std::istream& in) { return parseAchievements(in); });
    const Day today = *parseDay("2026-11-22");
    for (const int years : {10, 20}) {
        INFO(years << " years");
        const History history = generateDemoHistory(shippedCatalog(), {years, 1, today});
        const ProgressSnapshot progress =
            computeProgress(history, deriveAll(history, today), levels, achievements);
        INFO(progress.level.xp << " XP, level " << progress.level.number);
        CHECK_FALSE(progress.level.topLevel);
        // Not one step from the end either: more than a few years of growing left.
        CHECK(progress.level.number + 3 <= levels.back().number);
    }
}
