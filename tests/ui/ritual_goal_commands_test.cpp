// The session's commands behind the Rituals and Goals screens, over a real
// data file: every change is on disk, derived numbers agree with a fresh
// derivation, and undo puts everything back.
#include "app/content.hpp"
#include "app/session.hpp"
#include "core/catalog.hpp"
#include "session_steps.hpp"
#include "store/store_test_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

using namespace kindling;
using Catch::Matchers::Contains;

namespace {

const Day today = *parseDay("2026-11-22"); // a Sunday

RitualDraft draftNamed(const std::string& name) {
    RitualDraft draft;
    draft.name = name;
    return draft;
}

std::string inputErrorOf(const std::function<void()>& command) {
    try {
        command();
    } catch (const RuleViolation& error) {
        return error.what();
    }
    FAIL("expected an RuleViolation");
    return {};
}

// The numbers of one ritual must be what a fresh derivation of the whole
// history gives: nothing left over from the schedule it had before.
void requireDerivedAfresh(const Session& session, const std::string& ritualId) {
    const DerivedState fresh = deriveAll(session.history(), session.asOf());
    const RitualStats& kept = session.derived().rituals.at(ritualId);
    const RitualStats& expected = fresh.rituals.at(ritualId);
    CHECK(kept.totalLogs == expected.totalLogs);
    CHECK(kept.couple.strength() == Approx(expected.couple.strength()));
    REQUIRE(kept.couple.streaks.size() == expected.couple.streaks.size());
    for (std::size_t i = 0; i < kept.couple.streaks.size(); ++i) {
        CHECK(kept.couple.streaks[i].start == expected.couple.streaks[i].start);
        CHECK(kept.couple.streaks[i].end == expected.couple.streaks[i].end);
    }
    CHECK(kept.partners.has_value() == expected.partners.has_value());
    CHECK(session.derived().coupleStrength == Approx(fresh.coupleStrength));
}

const Goal& goalIn(const History& history, const std::string& id) {
    const auto found = std::find_if(history.goals.begin(), history.goals.end(),
                                    [&](const Goal& g) { return g.id == id; });
    REQUIRE(found != history.goals.end());
    return *found;
}

std::vector<GoalProgress> instancesOf(const Session& session, const std::string& goalId) {
    std::vector<GoalProgress> instances;
    for (const GoalProgress& instance : session.progress().goals)
        if (instance.goalId == goalId) instances.push_back(instance);
    return instances;
}

bool pendingStartsWith(const Session& session, const std::string& prefix) {
    return std::any_of(session.pendingCelebrations().begin(), session.pendingCelebrations().end(),
                       [&](const Milestone& m) { return m.key.starts_with(prefix); });
}

void celebrateAll(Session& session) {
    while (!session.pendingCelebrations().empty()) {
        const std::string key = session.pendingCelebrations().front().key;
        session.celebrated(key);
    }
}

} // namespace

TEST_CASE("every catalog idea can be added as it stands, once") {
    test::TempDir dir;
    Session session = Session::open(dir.location(), today);
    const auto& catalog = shippedContent().catalog;
    REQUIRE(catalog.size() >= 10);
    for (const CatalogRitual& idea : catalog) {
        INFO(idea.id);
        const Ritual added = steps::addRitualFromCatalog(session, idea.id);
        const Ritual expected = ritualFromCatalog(idea);
        CHECK(added.catalogId == idea.id);
        CHECK(added.name == expected.name);
        CHECK(added.why == idea.why);
        CHECK(added.icon == expected.icon);
        CHECK(added.area == expected.area);
        CHECK(added.mode == expected.mode);
        CHECK(added.frequency.times == idea.times);
        CHECK(added.frequency.perDays == idea.perDays);
        CHECK(added.measure.has_value() == idea.measure.has_value());
        CHECK(added.unit == expected.unit);
        CHECK_THAT(inputErrorOf([&] { steps::addRitualFromCatalog(session, idea.id); }),
                   Contains("already a ritual called"));
    }
    CHECK_THAT(inputErrorOf([&] { steps::addRitualFromCatalog(session, "no-such-idea"); }),
               Contains("no suggested ritual"));
    // On disk, in the order they were added.
    const History stored = session.store().loadHistory();
    REQUIRE(stored.rituals.size() == catalog.size());
    for (std::size_t i = 0; i < catalog.size(); ++i)
        CHECK(stored.rituals[i].catalogId == catalog[i].id);
}

TEST_CASE("editing a ritual's schedule derives its numbers again from its whole history") {
    test::TempDir dir;
    Session session = Session::open(dir.location(), today);
    const Ritual walk = steps::addRitual(session, draftNamed("Walk"));
    steps::addRitual(session, draftNamed("Coffee"));
    // Every other day for four weeks: a daily ritual keeps no long streak,
    // three times a week keeps it all along.
    std::vector<Day> days;
    for (int i = 28; i >= 0; i -= 2)
        days.push_back(today - std::chrono::days{i});
    steps::log(session, "Walk", days, std::nullopt, std::nullopt, "");
    const auto longest = [&] {
        int best = 0;
        for (const Streak& s : session.derived().rituals.at(walk.id).couple.streaks)
            best = std::max(best, s.length);
        return best;
    };
    const int dailyBest = longest();
    requireDerivedAfresh(session, walk.id);

    RitualDraft weekly = draftOf(walk);
    weekly.frequency = Frequency{3, 7};
    weekly.why = "  Talk comes easily when walking  ";
    steps::editRitual(session, walk.id, weekly);
    CHECK(longest() > dailyBest);
    requireDerivedAfresh(session, walk.id);
    const Ritual& edited = *session.history().findRitual(walk.id);
    CHECK(edited.why == "Talk comes easily when walking");
    CHECK(session.store().loadHistory().rituals[0].frequency.times == 3);
    CHECK(session.undoDescription() == "Undo editing \"Walk\"");

    SECTION("each, measured, on weekdays") {
        RitualDraft each = weekly;
        each.mode = RitualMode::Each;
        each.weekdays = Weekdays{true, false, true, false, true, false, true};
        each.measure = Measure{MeasureKind::AtLeast, 20};
        each.unit = "minutes";
        steps::editRitual(session, walk.id, each);
        requireDerivedAfresh(session, walk.id);
        const Ritual stored = session.store().loadHistory().rituals[0];
        CHECK(stored.mode == RitualMode::Each);
        CHECK(stored.weekdays == each.weekdays);
        REQUIRE(stored.measure);
        CHECK(stored.measure->target == 20);
        CHECK(stored.unit == "minutes");
        // Without a measure again, the unit goes too.
        each.measure.reset();
        steps::editRitual(session, walk.id, each);
        CHECK(session.store().loadHistory().rituals[0].unit.empty());
    }
    SECTION("undo puts the schedule and the numbers back") {
        REQUIRE(session.undo());
        CHECK(session.history().findRitual(walk.id)->frequency.times == 1);
        CHECK(session.store().loadHistory().rituals[0].frequency.times == 1);
        CHECK(longest() == dailyBest);
        requireDerivedAfresh(session, walk.id);
    }
    SECTION("a fresh session reads the same") {
        const int best = longest();
        std::optional<Session> again;
        // One Kindling at a time: the first session lets the file go.
        again.emplace(std::move(session));
        again.reset();
        again.emplace(Session::open(dir.location(), today));
        int reread = 0;
        for (const Streak& s : again->derived().rituals.at(walk.id).couple.streaks)
            reread = std::max(reread, s.length);
        CHECK(reread == best);
    }
}

TEST_CASE("a ritual's edit is checked first and writes nothing when wrong") {
    test::TempDir dir;
    Session session = Session::open(dir.location(), today);
    const Ritual walk = steps::addRitual(session, draftNamed("Walk"));
    steps::addRitual(session, draftNamed("Coffee"));
    const auto refused = [&](RitualDraft draft, const std::string& message) {
        INFO(message);
        CHECK_THAT(inputErrorOf([&] { steps::editRitual(session, walk.id, draft); }),
                   Contains(message));
        CHECK(session.store().loadHistory().rituals[0].name == "Walk");
        CHECK_FALSE(session.canUndo());
    };
    RitualDraft draft = draftOf(walk);
    draft.name = "coffee";
    refused(draft, "already a ritual called \"coffee\"");
    draft.name = "   ";
    refused(draft, "the name is empty");
    draft.name = std::string(81, 'w');
    refused(draft, "at most 80 characters");
    draft = draftOf(walk);
    draft.frequency = Frequency{5, 3};
    refused(draft, "5 times in 3 days is more than once a day");
    draft.frequency = Frequency{1, 400};
    refused(draft, "between 1 and 365");
    draft = draftOf(walk);
    draft.weekdays = Weekdays{};
    refused(draft, "choose at least one day");
    draft = draftOf(walk);
    draft.unit = "minutes";
    draft.measure = Measure{MeasureKind::AtLeast, -1};
    refused(draft, "zero or more");
    draft.measure = Measure{MeasureKind::AtMost, -1};
    refused(draft, "zero or more");
    draft.measure = Measure{MeasureKind::AtMost, 10};
    draft.unit = "";
    refused(draft, "the name is empty");
    draft = draftOf(walk);
    draft.icon = "no-such-icon";
    refused(draft, "not one of Kindling's icons");
    draft = draftOf(walk);
    draft.why = std::string(201, 'y');
    refused(draft, "at most 200");
    CHECK_THAT(inputErrorOf([&] { steps::editRitual(session, "gone", draftOf(walk)); }),
               Contains("no longer exists"));
    // Its own name, in another case, is fine.
    draft = draftOf(walk);
    draft.name = "WALK";
    steps::editRitual(session, walk.id, draft);
    CHECK(session.store().loadHistory().rituals[0].name == "WALK");
}

TEST_CASE("archive and restore a ritual, with undo, its history stays") {
    test::TempDir dir;
    Session session = Session::open(dir.location(), today);
    const Ritual walk = steps::addRitual(session, draftNamed("Walk"));
    steps::addRitual(session, draftNamed("Coffee"));
    steps::log(session, "Walk", {today - std::chrono::days{1}, today}, std::nullopt, std::nullopt,
               "");
    const double before = session.derived().coupleStrength;

    steps::setRitualArchived(session, walk.id, true);
    CHECK(session.store().loadHistory().rituals[0].archived);
    CHECK(session.history().logs.size() == 2);
    CHECK(session.derived().rituals.at(walk.id).totalLogs == 2);
    CHECK(session.derived().coupleStrength != Approx(before)); // only Coffee is counted now
    requireDerivedAfresh(session, walk.id);
    CHECK(session.undoDescription() == "Undo archiving \"Walk\"");

    steps::setRitualArchived(session, walk.id, true); // already archived: nothing to undo twice
    CHECK(session.undoDescription() == "Undo archiving \"Walk\"");

    REQUIRE(session.undo());
    CHECK_FALSE(session.store().loadHistory().rituals[0].archived);
    CHECK(session.derived().coupleStrength == Approx(before));

    steps::setRitualArchived(session, walk.id, true);
    steps::setRitualArchived(session, walk.id, false);
    CHECK_FALSE(session.store().loadHistory().rituals[0].archived);
    CHECK(session.undoDescription() == "Undo restoring \"Walk\"");
}

TEST_CASE("the rituals' order is saved, undone, and refused when it leaves one out") {
    test::TempDir dir;
    Session session = Session::open(dir.location(), today);
    const Ritual a = steps::addRitual(session, draftNamed("A"));
    const Ritual b = steps::addRitual(session, draftNamed("B"));
    const Ritual c = steps::addRitual(session, draftNamed("C"));
    const auto namesOf = [](const History& history) {
        std::string names;
        for (const Ritual& ritual : history.rituals)
            names += ritual.name;
        return names;
    };
    steps::reorderRituals(session, {c.id, a.id, b.id});
    CHECK(namesOf(session.history()) == "CAB");
    CHECK(namesOf(session.store().loadHistory()) == "CAB");

    CHECK_THAT(inputErrorOf([&] {
                   steps::reorderRituals(session, {a.id, b.id});
               }),
               Contains("every ritual exactly once"));
    CHECK_THAT(inputErrorOf([&] {
                   steps::reorderRituals(session, {a.id, a.id, b.id});
               }),
               Contains("every ritual exactly once"));

    REQUIRE(session.undo());
    CHECK(namesOf(session.history()) == "ABC");
    CHECK(namesOf(session.store().loadHistory()) == "ABC");
    // A new ritual goes last.
    steps::reorderRituals(session, {b.id, c.id, a.id});
    steps::addRitual(session, draftNamed("D"));
    CHECK(namesOf(session.store().loadHistory()) == "BCAD");
    std::optional<Session> closing(std::move(session)); // lets the file go
    closing.reset();
    CHECK(namesOf(Session::open(dir.location(), today).history()) == "BCAD");
}

TEST_CASE("editing a goal keeps its start unless it becomes another this-week or this-month") {
    test::TempDir dir;
    Session session = Session::open(dir.location(), today - std::chrono::days{20});
    steps::addRitual(session, draftNamed("Walk"));
    GoalDraft draft;
    draft.title = "Walks";
    draft.target = 3;
    draft.period = GoalPeriod::Week;
    const Goal goal = steps::addGoal(session, draft);
    session.setAsOf(today);

    draft.title = "  Our walks  ";
    draft.reward = " Pancakes ";
    steps::editGoal(session, goal.id, draft);
    Goal stored = goalIn(session.store().loadHistory(), goal.id);
    CHECK(stored.title == "Our walks");
    CHECK(stored.reward == "Pancakes");
    CHECK(stored.start == goal.start); // still that week

    draft.period = GoalPeriod::EveryWeek;
    steps::editGoal(session, goal.id, draft);
    CHECK(goalIn(session.store().loadHistory(), goal.id).start == goal.start);

    draft.period = GoalPeriod::Month;
    steps::editGoal(session, goal.id, draft);
    CHECK(goalIn(session.store().loadHistory(), goal.id).start == today);

    draft.period = GoalPeriod::Custom;
    draft.from = today;
    draft.to = today + std::chrono::days{9};
    draft.scope = GoalScope::Ritual;
    draft.ritualName = "walk";
    steps::editGoal(session, goal.id, draft);
    stored = goalIn(session.store().loadHistory(), goal.id);
    CHECK(stored.start == today);
    CHECK(stored.end == today + std::chrono::days{9});
    CHECK(stored.ritualId == session.history().rituals[0].id);
    CHECK(session.undoDescription() == "Undo editing \"Our walks\"");

    SECTION("undo") {
        REQUIRE(session.undo());
        stored = goalIn(session.store().loadHistory(), goal.id);
        CHECK(stored.period == GoalPeriod::Month);
        CHECK(stored.ritualId.empty());
    }
    SECTION("bad input writes nothing") {
        const auto refused = [&](GoalDraft bad, const std::string& message) {
            INFO(message);
            CHECK_THAT(inputErrorOf([&] { steps::editGoal(session, goal.id, bad); }),
                       Contains(message));
            CHECK(goalIn(session.store().loadHistory(), goal.id).period == GoalPeriod::Custom);
        };
        GoalDraft bad = draft;
        bad.target = 0;
        refused(bad, "at least 1");
        bad.target = 2'000'000;
        refused(bad, "at most 1000000");
        bad = draft;
        bad.to = today - std::chrono::days{1};
        refused(bad, "ends before it starts");
        bad = draft;
        bad.from.reset();
        refused(bad, "needs both days");
        bad = draft;
        bad.title = "";
        refused(bad, "the name is empty");
        bad = draft;
        bad.ritualName = "Dancing";
        refused(bad, "no ritual called \"Dancing\"");
        bad = draft;
        bad.reward = std::string(161, 'r');
        refused(bad, "at most 160");
    }
}

TEST_CASE("an archived repeating goal stops counting, restored, it counts again") {
    test::TempDir dir;
    Session session = Session::open(dir.location(), today);
    steps::setPartnerNames(session, "Zoë", "Sam");
    steps::addRitual(session, draftNamed("Walk"));
    GoalDraft draft;
    draft.title = "Two walks a week";
    draft.target = 2;
    draft.period = GoalPeriod::EveryWeek;
    draft.reward = "Pancakes";
    const Goal goal = steps::addGoal(session, draft);
    steps::log(session, "Walk", {today - std::chrono::days{1}, today}, std::nullopt, std::nullopt,
               "");
    celebrateAll(session);
    REQUIRE(instancesOf(session, goal.id).size() == 1);
    CHECK(instancesOf(session, goal.id)[0].completed);
    const std::int64_t goalXp = session.progress().xp.breakdown.goals;

    steps::setGoalArchived(session, goal.id, true);
    CHECK(goalIn(session.store().loadHistory(), goal.id).archivedOn == today);
    CHECK(session.undoDescription() == "Undo archiving \"Two walks a week\"");

    // Two weeks on, with walks every day: no new weeks, no new XP.
    std::vector<Day> later;
    for (int i = 1; i <= 14; ++i)
        later.push_back(today + std::chrono::days{i});
    steps::log(session, "Walk", later, std::nullopt, std::nullopt, "");
    session.setAsOf(today + std::chrono::days{14});
    CHECK(instancesOf(session, goal.id).size() == 1);
    CHECK(session.progress().xp.breakdown.goals == goalXp);

    // Restored: the weeks it was put away count as if it never was, quietly;
    // nothing from the past is celebrated now.
    steps::setGoalArchived(session, goal.id, false);
    CHECK_FALSE(goalIn(session.store().loadHistory(), goal.id).archivedOn);
    const auto instances = instancesOf(session, goal.id);
    REQUIRE(instances.size() == 3);
    CHECK(session.progress().xp.breakdown.goals == 3 * goalXp);
    CHECK_FALSE(
        pendingStartsWith(session, "goal:" + goal.id + ":" + formatDay(instances[1].start)));
    CHECK(pendingStartsWith(session, "goal:" + goal.id + ":" + formatDay(instances[2].start)) ==
          (instances[2].completedOn == session.asOf()));

    REQUIRE(session.undo()); // archived again, as of the day it was
    CHECK(goalIn(session.store().loadHistory(), goal.id).archivedOn == today);
    CHECK(instancesOf(session, goal.id).size() == 1);
}

TEST_CASE("lowering a goal's target credits past periods quietly and celebrates today's") {
    test::TempDir dir;
    Session session = Session::open(dir.location(), today - std::chrono::days{10});
    steps::addRitual(session, draftNamed("Walk"));
    GoalDraft draft;
    draft.title = "Walks";
    draft.target = 5;
    draft.period = GoalPeriod::EveryWeek;
    const Goal goal = steps::addGoal(session, draft);
    session.setAsOf(today);
    // Last week three walks, this week three (the third today).
    steps::log(session, "Walk",
               {today - std::chrono::days{10}, today - std::chrono::days{9},
                today - std::chrono::days{8}, today - std::chrono::days{2},
                today - std::chrono::days{1}, today},
               std::nullopt, std::nullopt, "");
    celebrateAll(session);

    draft.target = 3;
    steps::editGoal(session, goal.id, draft);
    const auto instances = instancesOf(session, goal.id);
    REQUIRE(instances.size() >= 2);
    const GoalProgress& lastWeek = instances[instances.size() - 2];
    const GoalProgress& thisWeek = instances.back();
    CHECK(lastWeek.completed);
    CHECK(thisWeek.completedOn == today);
    CHECK_FALSE(pendingStartsWith(session, "goal:" + goal.id + ":" + formatDay(lastWeek.start)));
    CHECK(pendingStartsWith(session, "goal:" + goal.id + ":" + formatDay(thisWeek.start)));
    // The quiet one is remembered as shown, in the data file.
    CHECK(session.store().shownCelebrations().count("goal:" + goal.id + ":" +
                                                    formatDay(lastWeek.start)) == 1);
}
