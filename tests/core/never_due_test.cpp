// Touch and "when it helps" rituals (docs/scoring.md §3.7): never due, no
// streak, no streak celebration, a strength that never fades, and no part of
// the couple's strength.
#include "core/celebrations.hpp"
#include "core/derived.hpp"
#include "core/scoring.hpp"
#include "core/today.hpp"
#include "progress_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace kindling;
using testing::at;

namespace {

SeriesInput neverDueDaily(std::initializer_list<int> logged) {
    SeriesInput input;
    input.neverDue = true;
    for (int day : logged)
        input.logged.emplace_back(at(day), 1.0);
    return input;
}

} // namespace

TEST_CASE("never due: no streaks, and a day without a log changes nothing") {
    const SeriesResult result = computeSeries(neverDueDaily({0, 1, 2, 3, 10}), at(30));
    CHECK(result.streaks.empty());
    CHECK_FALSE(currentStreak(result));
    // It never fades: the strength after the last log stays where it was.
    CHECK(result.strengthOn(at(11)) == result.strengthOn(at(10)));
    CHECK(result.strengthOn(at(30)) == result.strengthOn(at(10)));
    CHECK(result.strengthOn(at(9)) == result.strengthOn(at(3)));
    // Each log still counts: the strength grows on the days it happened.
    CHECK(result.strengthOn(at(10)) > result.strengthOn(at(9)));
    // Exactly the daily recurrence of §2 with every other day skipped: four
    // days in a row from 0 give 1 - m^4, then day 10 moves on from there.
    const double m = strengthMultiplier({1, 1});
    CHECK(result.strengthOn(at(3)) == Approx(1 - m * m * m * m).epsilon(1e-12));
    CHECK(result.strengthOn(at(10)) ==
          Approx(result.strengthOn(at(3)) * m + (1 - m)).epsilon(1e-12));
    // No day is kept by a schedule.
    CHECK(result.stateOn(at(5)) == DayState::None);
    CHECK(result.stateOn(at(10)) == DayState::Logged);
}

TEST_CASE("never due: the touch area and \"when it helps\" rituals") {
    Ritual ritual;
    CHECK_FALSE(isNeverDue(ritual));
    ritual.area = Area::Touch;
    CHECK(isNeverDue(ritual));
    ritual.area = Area::Repair;
    ritual.whenItHelps = true;
    CHECK(isNeverDue(ritual));
}

TEST_CASE("never due: Today never lists them as due, and they have no streak") {
    testing::HistoryBuilder b;
    b.ritual("walk", RitualMode::Together)
        .ritual("hug", RitualMode::Together, Area::Touch)
        .ritual("talk", RitualMode::Together, Area::Repair);
    b.history.rituals.back().whenItHelps = true;
    b.logDays("walk", 0, 40).logDays("hug", 0, 40).logDays("talk", 0, 40);
    const DerivedState derived = deriveAll(b.history, at(41));

    const std::vector<TodayItem> items = todayItems(b.history, derived);
    REQUIRE(items.size() == 3);
    CHECK(isDue(items[0]));
    for (std::size_t i : {1u, 2u}) {
        CHECK_FALSE(isDue(items[i]));
        CHECK(items[i].neverDue);
        CHECK(items[i].status == TodayStatus::Whenever);
    }
    CHECK(derived.rituals.at("walk").couple.streaks.size() == 1);
    CHECK(derived.rituals.at("hug").couple.streaks.empty());
    CHECK(derived.rituals.at("talk").couple.streaks.empty());
    // Only the walk is part of the couple's strength (docs/scoring.md §5).
    CHECK(derived.coupleStrength == derived.rituals.at("walk").couple.strength());

    // Forty-one days of the walk reach its 30-day celebration; the others
    // never have one.
    const ProgressSnapshot progress = computeProgress(b.history, derived, {}, {});
    for (const Milestone& milestone : milestonesOf(progress)) {
        CHECK(milestone.key.find("ritual-streak:hug") == std::string::npos);
        CHECK(milestone.key.find("ritual-streak:talk") == std::string::npos);
    }
    bool walkCelebrated = false;
    for (const Milestone& milestone : milestonesOf(progress))
        walkCelebrated = walkCelebrated || milestone.key.rfind("ritual-streak:walk:30:", 0) == 0;
    CHECK(walkCelebrated);

    // Logged today, a ritual never due is there as done, still not due.
    b.log("hug", 41, Who::Partner2);
    const DerivedState later = deriveAll(b.history, at(41));
    const std::vector<TodayItem> now = todayItems(b.history, later);
    CHECK(now[1].status == TodayStatus::Done);
    CHECK_FALSE(isDue(now[1]));
}

TEST_CASE("a quiet gap before today: at least two days no pause covers") {
    testing::HistoryBuilder b;
    b.ritual("walk", RitualMode::Together).logDays("walk", 0, 5);
    // A new couple, and a couple who logged yesterday, have no gap.
    CHECK_FALSE(quietGapBeforeToday(testing::HistoryBuilder{}.history,
                                    deriveAll(testing::HistoryBuilder{}.history, at(3))));
    CHECK_FALSE(quietGapBeforeToday(b.history, deriveAll(b.history, at(6))));
    CHECK_FALSE(quietGapBeforeToday(b.history, deriveAll(b.history, at(7)))); // one quiet day
    const auto gap = quietGapBeforeToday(b.history, deriveAll(b.history, at(20)));
    REQUIRE(gap);
    CHECK(gap->first == at(6));
    CHECK(gap->last == at(19));
    CHECK(gap->quietDays == 14);
    // Days already on a break are no gap.
    b.pause(6, 18);
    CHECK_FALSE(quietGapBeforeToday(b.history, deriveAll(b.history, at(20))));
}
