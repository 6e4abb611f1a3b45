// XP never goes down (docs/scoring.md §6.3): whatever a couple does through
// the one road (logs, edits, deletes, breaks, goals, undo and redo), the XP and
// the level shown never fall below what was shown before, except when an undo
// takes back the very change that earned them; and then exactly that.
#include "app/session.hpp"
#include "core/random.hpp"
#include "session_steps.hpp"
#include "store/store_test_support.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

using namespace kindling;

namespace {

const Day today = *parseDay("2026-11-22");

struct Shown {
    std::int64_t xp = 0;
    int level = 0;
    bool operator==(const Shown&) const = default;
};

Shown shown(const Session& session) {
    return {session.progress().level.xp, session.progress().level.number};
}

Ritual daily(Session& session, const std::string& name, RitualMode mode) {
    RitualDraft draft;
    draft.name = name;
    draft.mode = mode;
    return steps::addRitual(session, draft);
}

std::vector<Log> logOn(Session& session, const Ritual& ritual, std::vector<Day> dayList,
                       Who who = Who::Both) {
    return session
        .run(logDays, ritual.id, dayList, std::optional<Who>(who), std::nullopt, std::string())
        .afters<Log>();
}

} // namespace

TEST_CASE("XP: a forgotten day that joins two runs keeps the milestone it had earned") {
    test::TempDir dir;
    std::optional<Session> opened = Session::open(dir.location(), today);
    Session& session = *opened;
    steps::setPartnerNames(session, "Alex", "Sam");
    const Ritual walk = daily(session, "A walk", RitualMode::Together);
    const Day first = today - days{20};
    std::vector<Day> two;
    for (int i = 0; i < 7; ++i) {
        two.push_back(first + days{i});      // days 1-7
        two.push_back(first + days{10 + i}); // days 11-17
    }
    logOn(session, walk, two);
    const Shown before = shown(session);
    // Two runs of 7 days: the 7-day bonus twice (docs/scoring.md §6.1).
    REQUIRE(session.progress().xp.breakdown.streakMilestones == 100);

    logOn(session, walk, {first + days{8}}); // day 9: the freeze covers day 8 ...
    logOn(session, walk, {first + days{9}}); // ... and day 10 joins the runs
    const Shown after = shown(session);
    // One run now, so one 7-day bonus by the rule; the other one is kept.
    CHECK(session.progress().xp.breakdown.streakMilestones == 50);
    CHECK(session.progress().xp.breakdown.kept == 50);
    CHECK(after.xp > before.xp); // the two new logs still add their own XP
    CHECK(after.level >= before.level);

    // Kept on disk: opening the file again shows the same XP.
    opened.reset();
    Session again = Session::open(dir.location(), today);
    CHECK(shown(again) == after);
}

TEST_CASE("XP: deleting a log keeps its XP, undoing the log itself takes it back") {
    test::TempDir dir;
    Session session = Session::open(dir.location(), today);
    steps::setPartnerNames(session, "Alex", "Sam");
    const Ritual walk = daily(session, "A walk", RitualMode::Together);
    logOn(session, walk, {today - days{3}, today - days{2}});
    const Shown twoLogs = shown(session);

    const std::vector<Log> added = logOn(session, walk, {today - days{1}});
    const Shown threeLogs = shown(session);
    REQUIRE(threeLogs.xp == twoLogs.xp + 25); // 10 + 5 together + 10 both on one day
    REQUIRE(session.undo());
    CHECK(shown(session) == twoLogs); // the very log that earned it
    REQUIRE(session.redo());
    CHECK(shown(session) == threeLogs);

    steps::deleteLog(session, added.front().id);
    CHECK(shown(session) == threeLogs); // earned, and kept
    CHECK(session.progress().xp.breakdown.kept == 25);
    REQUIRE(session.undo()); // the delete is taken back: nothing kept any more
    CHECK(shown(session) == threeLogs);
    CHECK(session.progress().xp.breakdown.kept == 0);
}

TEST_CASE("XP: a harder goal keeps the bonus its periods earned") {
    test::TempDir dir;
    Session session = Session::open(dir.location(), today);
    steps::setPartnerNames(session, "Alex", "Sam");
    const Ritual walk = daily(session, "A walk", RitualMode::Together);
    GoalDraft goal;
    goal.title = "Two walks";
    goal.target = 2;
    goal.period = GoalPeriod::EveryWeek;
    goal.scope = GoalScope::Any;
    const Goal set = steps::addGoal(session, goal);
    logOn(session, walk, {today - days{1}, today});
    REQUIRE(session.progress().xp.breakdown.goals == 100);
    const Shown reached = shown(session);
    goal.target = 20;
    steps::editGoal(session, set.id, goal);
    CHECK(session.progress().xp.breakdown.goals == 0);
    CHECK(shown(session) == reached);
}

TEST_CASE("XP: random logs, edits, deletes, breaks, undo and redo never lower what was shown") {
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        INFO("seed " << seed);
        test::TempDir dir;
        Session session = Session::open(dir.location(), today);
        steps::setPartnerNames(session, "Alex", "Sam");
        const std::vector<Ritual> rituals{daily(session, "A walk", RitualMode::Together),
                                          daily(session, "A thank-you", RitualMode::Each)};
        GoalDraft goal;
        goal.title = "Some moments";
        goal.target = 4;
        goal.period = GoalPeriod::EveryWeek;
        const Goal weekly = steps::addGoal(session, goal);
        SplitMix64 random(seed);
        const auto anyDay = [&] { return today - days{static_cast<int>(random.below(45))}; };
        const auto anyWho = [&] { return static_cast<Who>(random.below(3)); };

        // What was shown before and after each change the undo stack holds,
        // as the session's own stacks hold the changes.
        struct Step {
            Shown before, after;
        };
        std::vector<Step> undoable, redoable;
        Shown last = shown(session);
        int undos = 0, kept = 0;
        for (int i = 0; i < 220; ++i) {
            INFO("step " << i);
            const std::uint64_t what = random.below(100);
            if (what < 14 && session.canUndo()) {
                REQUIRE(session.undo());
                ++undos;
                const Step step = undoable.back();
                undoable.pop_back();
                // Exactly what it was before the change that is taken back.
                CHECK(shown(session) == step.before);
                redoable.push_back(step);
                last = shown(session);
                continue;
            }
            if (what < 19 && session.canRedo()) {
                REQUIRE(session.redo());
                const Step step = redoable.back();
                redoable.pop_back();
                CHECK(shown(session) == step.after);
                undoable.push_back(step);
                last = shown(session);
                continue;
            }
            ChangeSet change; // empty when refused or when it changed nothing
            try {
                const auto& logs = session.history().logs;
                if (what < 55 || logs.empty()) {
                    const Ritual& ritual = rituals[random.below(rituals.size())];
                    change = session.run(logDays, ritual.id, std::vector<Day>{anyDay()},
                                         std::optional<Who>(anyWho()), std::nullopt, std::string());
                } else if (what < 72) {
                    const std::string id = logs[random.below(logs.size())].id;
                    change =
                        session.run(editLog, id, LogEdit{anyDay(), anyWho(), std::nullopt, ""});
                } else if (what < 86) {
                    const std::string id = logs[random.below(logs.size())].id;
                    change = session.run(deleteLog, id);
                } else if (what < 92) {
                    const Day from = anyDay();
                    change = session.run(startPause, from,
                                         from + days{static_cast<int>(random.below(4))},
                                         std::string("Travel"));
                } else if (what < 96 && !session.history().pauses.empty()) {
                    const auto& pauses = session.history().pauses;
                    const std::string id = pauses[random.below(pauses.size())].id;
                    change = session.run(removePause, id);
                } else {
                    goal.target = 1 + static_cast<int>(random.below(12));
                    change = session.run(editGoal, weekly.id, goal);
                }
            } catch (const RuleViolation&) {
                change = ChangeSet{};
            }
            const Shown now = shown(session);
            CHECK(now.xp >= last.xp);
            CHECK(now.level >= last.level);
            if (session.progress().xp.breakdown.kept > 0) ++kept;
            if (!change.empty()) {
                // Every change above goes on the undo stack and clears redo.
                REQUIRE(change.undoable);
                undoable.push_back({last, now});
                redoable.clear();
            }
            last = now;
        }
        // The walk really went through undos and through XP that was kept.
        CHECK(undos > 10);
        CHECK(kept > 0);
    }
}
