// The derived state's progress tally (core/progress_tally.hpp) is patched log
// by log and counted again only when a ritual, a goal or the settings change
// (updateDerived). Over many generated histories, after every change, it must
// be exactly what counting everything again gives, and so must every number
// the couple sees from it (XP, levels, goals, badges, milestones).

#include "core/assets.hpp"
#include "core/celebrations.hpp"
#include "core/change_set.hpp"
#include "core/derived.hpp"
#include "core/random.hpp"
#include "progress_fixtures.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace kindling;
using namespace kindling::testing;

namespace {

constexpr int lastDay = 90; // logs reach a little past the as-of day
const Day asOf = at(80);

// Random histories and the changes the app makes to them.
struct Generator {
    SplitMix64 random;
    int nextId = 0;

    explicit Generator(std::uint64_t seed) : random(seed) {}

    int below(int bound) {
        return static_cast<int>(random.below(static_cast<std::uint64_t>(bound)));
    }
    bool chance(double p) { return random.chance(p); }
    std::string id(const std::string& kind) { return kind + "-" + std::to_string(nextId++); }
    template <class T> const T& pick(const std::vector<T>& list) {
        return list[static_cast<std::size_t>(below(static_cast<int>(list.size())))];
    }

    Ritual ritual() {
        Ritual ritual;
        ritual.id = id("ritual");
        ritual.name = "Ritual " + ritual.id;
        reshape(ritual);
        return ritual;
    }
    // What a ritual's logs weigh: its mode, area and catalog entry.
    void reshape(Ritual& ritual) {
        ritual.mode = chance(0.5) ? RitualMode::Each : RitualMode::Together;
        ritual.area = allAreas[static_cast<std::size_t>(below(static_cast<int>(allAreas.size())))];
        ritual.catalogId = chance(0.25) ? std::string(questionRitualId) : "";
    }
    Log log(const History& history) {
        Log log;
        log.id = id("log");
        // Now and then a log of a ritual the history no longer has.
        log.ritualId = history.rituals.empty() || chance(0.05) ? "gone" : pick(history.rituals).id;
        log.day = at(below(lastDay));
        log.who = static_cast<Who>(below(3));
        return log;
    }
    Goal goal(const History& history) {
        Goal goal;
        goal.id = id("goal");
        goal.title = "Goal " + goal.id;
        reshape(goal, history);
        return goal;
    }
    void reshape(Goal& goal, const History& history) {
        goal.target = 1 + below(12);
        goal.scope = static_cast<GoalScope>(below(3));
        goal.ritualId = history.rituals.empty() ? "gone" : pick(history.rituals).id;
        goal.area = allAreas[static_cast<std::size_t>(below(static_cast<int>(allAreas.size())))];
        goal.period = static_cast<GoalPeriod>(below(5));
        goal.start = at(below(lastDay));
        goal.end = goal.start + days{below(30) - 5};
        goal.archivedOn = chance(0.2) ? std::optional<Day>(at(below(lastDay))) : std::nullopt;
    }

    History history() {
        History history;
        history.settings.weekStart = below(7);
        for (int i = 0, n = 1 + below(4); i < n; ++i)
            history.rituals.push_back(ritual());
        for (int i = 0, n = below(60); i < n; ++i)
            history.logs.push_back(log(history));
        for (int i = 0, n = below(4); i < n; ++i)
            history.goals.push_back(goal(history));
        if (chance(0.3)) history.pauses.push_back(Pause{id("pause"), at(20), at(30), ""});
        return history;
    }

    // One change the couple could make now.
    ChangeSet change(const History& history, std::vector<ChangeSet>& undoable) {
        ChangeSet change;
        const int kind = below(100);
        if (kind < 30) {
            for (int i = 0, n = chance(0.8) ? 1 : 2 + below(3); i < n; ++i)
                change.add(log(history));
        } else if (kind < 45 && !undoable.empty()) {
            change = undoable.back().inverse();
            undoable.pop_back();
            return change;
        } else if (kind < 55 && !history.logs.empty()) {
            change.remove(pick(history.logs));
        } else if (kind < 60 && !history.logs.empty()) {
            Log moved = pick(history.logs);
            Log before = moved;
            moved.day = at(below(lastDay));
            moved.who = static_cast<Who>(below(3));
            change.replace(before, moved);
        } else if (kind < 66 && !history.rituals.empty()) {
            change.add(Skip{id("skip"), pick(history.rituals).id, at(below(lastDay))});
        } else if (kind < 69 && !history.skips.empty()) {
            change.remove(pick(history.skips));
        } else if (kind < 76 && !history.rituals.empty()) {
            Ritual edited = pick(history.rituals);
            Ritual before = edited;
            reshape(edited);
            change.replace(before, edited);
        } else if (kind < 79) {
            change.add(ritual());
        } else if (kind < 81 && history.rituals.size() > 1) {
            // Removed with its logs, or alone (its logs stay, as a damaged file's).
            const Ritual gone = pick(history.rituals);
            change.remove(gone);
            if (chance(0.5))
                for (const Log& log : history.logs)
                    if (log.ritualId == gone.id) change.remove(log);
        } else if (kind < 87) {
            change.add(goal(history));
        } else if (kind < 93 && !history.goals.empty()) {
            Goal edited = pick(history.goals);
            Goal before = edited;
            reshape(edited, history);
            change.replace(before, edited);
        } else if (kind < 95 && !history.goals.empty()) {
            change.remove(pick(history.goals));
        } else if (kind < 98) {
            Settings settings = history.settings;
            settings.weekStart = (settings.weekStart + 1 + below(6)) % 7;
            change.replace(history.settings, settings);
        } else {
            const Day first = at(below(lastDay));
            change.add(Pause{id("pause"), first, first + days{below(10)}, ""});
        }
        undoable.push_back(change);
        return change;
    }
};

ProgressSnapshot snapshotOf(const History& history, const DerivedState& derived) {
    return computeProgress(history, derived, shippedLevels(), shippedBadges());
}

} // namespace

TEST_CASE("incremental progress: the tally patched change by change is a full recount") {
    constexpr int histories = 80;
    constexpr int steps = 60;
    int changes = 0;
    for (int seed = 1; seed <= histories; ++seed) {
        Generator g(static_cast<std::uint64_t>(seed));
        History history = g.history();
        DerivedState derived = deriveAll(history, asOf);
        std::vector<ChangeSet> undoable;
        for (int step = 0; step < steps; ++step) {
            const ChangeSet change = g.change(history, undoable);
            applyToHistory(history, change.rows);
            updateDerived(derived, history, change.rows);
            ++changes;

            const DerivedState fresh = deriveAll(history, asOf);
            INFO("history " << seed << ", step " << step);
            REQUIRE(derived.tally == fresh.tally);
            REQUIRE(snapshotOf(history, derived) == snapshotOf(history, fresh));
        }
    }
    CHECK(changes == histories * steps);
}

TEST_CASE("incremental progress: a log patches only its own day and its goals") {
    HistoryBuilder b;
    b.ritual("thanks", RitualMode::Each).ritual("walk", RitualMode::Together, Area::Fun);
    b.goal("thanks-week", GoalPeriod::Week, 7, 0, 0, GoalScope::Ritual, "thanks");
    b.logDays("walk", 0, 3);
    DerivedState derived = deriveAll(b.history, at(6));
    const ProgressTally before = derived.tally;

    ChangeSet change;
    Log both;
    both.id = "both";
    both.ritualId = "thanks";
    both.day = at(2);
    both.who = Who::Both;
    change.add(both);
    applyToHistory(b.history, change.rows);
    updateDerived(derived, b.history, change.rows);

    // Day 2 (a walk by partner 1) gains a `both` log, which counts for each
    // partner; the goal counts it twice (docs/scoring.md §7.2).
    REQUIRE(derived.tally.perDay.size() == 4);
    CHECK(derived.tally.perDay[2].second == DayCount{2, 1, 0, {2, 1}});
    CHECK(derived.tally.goals[0] == ByDay<int>{std::pair{at(2), 2}});
    CHECK(derived.tally.perDay[0] == before.perDay[0]);

    ChangeSet undo = change.inverse();
    applyToHistory(b.history, undo.rows);
    updateDerived(derived, b.history, undo.rows);
    CHECK(derived.tally == before);
}
