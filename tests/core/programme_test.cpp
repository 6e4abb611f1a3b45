// The touch without pressure programme's rules (core/programme.hpp,
// docs/product.md §3.13): off until both choose it; the next stage only when
// both are ready; either can pause or stop, privately; going back is one step;
// nobody sees the other's answer until both have answered.
#include "core/actions.hpp"
#include "core/programme.hpp"
#include "core/rules.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace kindling;

namespace {

const Day today = *parseDay("2026-11-22");

struct Partners {
    History history;
    int ids = 0;
    ActionContext context() {
        return ActionContext{today, 1'700'000'000,
                             [this] { return "step-" + std::to_string(++ids); }};
    }
    // Checked and applied as Session::apply would (core/rules.hpp).
    void take(const ChangeSet& change) {
        checkChange(history, change);
        applyToHistory(history, change.rows);
    }
    ProgrammeState state() const { return programmeState(history); }

    void join(Who who, bool yes) { take(answerProgrammeJoin(history, context(), who, yes)); }
    void ready(Who who, bool yes) { take(answerProgrammeReady(history, context(), who, yes)); }
    void pause() { take(pauseProgramme(history, context())); }
    void stop() { take(stopProgramme(history, context())); }
    void back() { take(goBackProgrammeStage(history, context())); }
    void begin() {
        join(Who::Partner1, true);
        join(Who::Partner2, true);
    }
};

} // namespace

TEST_CASE("programme: off until both partners have chosen it, each on their own") {
    Partners couple;
    CHECK(couple.state().status == ProgrammeStatus::Off);
    couple.join(Who::Partner1, true);
    CHECK(couple.state().status == ProgrammeStatus::Off);
    CHECK(couple.state().answered == std::array<bool, 2>{true, false});
    couple.join(Who::Partner2, true);
    CHECK(couple.state().status == ProgrammeStatus::Active);
    CHECK(couple.state().stage == 1);
    CHECK(couple.state().outcome == ProgrammeOutcome::Began);
    CHECK(couple.state().answered == std::array<bool, 2>{false, false});

    Partners notNow;
    notNow.join(Who::Partner1, true);
    notNow.join(Who::Partner2, false);
    CHECK(notNow.state().status == ProgrammeStatus::Off);
    CHECK(notNow.state().outcome == ProgrammeOutcome::NotNow);
    // A new round starts afresh: the earlier yes does not count again.
    notNow.join(Who::Partner2, true);
    CHECK(notNow.state().status == ProgrammeStatus::Off);

    // Nobody answers for both.
    CHECK_THROWS_AS(answerProgrammeJoin(notNow.history, notNow.context(), Who::Both, true),
                    RuleViolation);
}

TEST_CASE("programme: the next stage opens only when both have said they are ready") {
    Partners couple;
    couple.begin();
    couple.ready(Who::Partner1, true);
    CHECK(couple.state().stage == 1);
    couple.ready(Who::Partner1, true); // saying it twice is still one partner
    CHECK(couple.state().stage == 1);
    couple.ready(Who::Partner2, true);
    CHECK(couple.state().stage == 2);
    CHECK(couple.state().outcome == ProgrammeOutcome::MovedOn);

    // One "not yet" keeps them where they are, and the round starts again.
    couple.ready(Who::Partner2, true);
    couple.ready(Who::Partner1, false);
    CHECK(couple.state().stage == 2);
    CHECK(couple.state().outcome == ProgrammeOutcome::StayAwhile);
    couple.ready(Who::Partner1, true);
    CHECK(couple.state().stage == 2); // partner 2's earlier "ready" was of the last round
    couple.ready(Who::Partner2, true);
    CHECK(couple.state().stage == 3);
    // There is no stage after the third: the guide points elsewhere.
    CHECK_THROWS_AS(couple.ready(Who::Partner1, true), RuleViolation);
}

TEST_CASE("programme: neither sees the other's answer until both have answered") {
    Partners yes, notYet;
    yes.begin();
    notYet.begin();
    yes.ready(Who::Partner1, true);
    notYet.ready(Who::Partner1, false);
    // Everything the app can read about the programme is the same.
    CHECK(yes.state() == notYet.state());
    CHECK(yes.state().answered == std::array<bool, 2>{true, false});

    Partners joinYes, joinNo;
    joinYes.join(Who::Partner2, true);
    joinNo.join(Who::Partner2, false);
    CHECK(joinYes.state() == joinNo.state());
}

TEST_CASE("programme: either can pause it, going on asks both again and keeps the stage") {
    Partners couple;
    couple.begin();
    couple.ready(Who::Partner1, true);
    couple.ready(Who::Partner2, true);
    REQUIRE(couple.state().stage == 2);
    couple.ready(Who::Partner1, true); // an open answer when the pause comes
    couple.pause();
    CHECK(couple.state().status == ProgrammeStatus::Paused);
    CHECK(couple.state().stage == 2);
    CHECK(couple.state().answered == std::array<bool, 2>{false, false});
    // A pause keeps nobody's name (docs/product.md §3.13).
    CHECK_FALSE(couple.history.programmeSteps.back().who.has_value());
    CHECK_THROWS_AS(couple.ready(Who::Partner2, true), RuleViolation);
    CHECK_THROWS_AS(couple.pause(), RuleViolation);

    couple.join(Who::Partner1, true);
    CHECK(couple.state().status == ProgrammeStatus::Paused); // one of them is not enough
    couple.join(Who::Partner2, true);
    CHECK(couple.state().status == ProgrammeStatus::Active);
    CHECK(couple.state().stage == 2);
    CHECK(couple.state().outcome == ProgrammeOutcome::GoingOn);
}

TEST_CASE("programme: either can stop it, from a pause too, it begins again at the first stage") {
    Partners couple;
    couple.begin();
    couple.ready(Who::Partner1, true);
    couple.ready(Who::Partner2, true);
    couple.stop();
    CHECK(couple.state().status == ProgrammeStatus::Off);
    CHECK(couple.state().stage == 1);
    CHECK_FALSE(couple.history.programmeSteps.back().who.has_value());
    CHECK_THROWS_AS(couple.stop(), RuleViolation);

    couple.begin();
    couple.pause();
    couple.stop();
    CHECK(couple.state().status == ProgrammeStatus::Off);
    couple.begin();
    CHECK(couple.state().stage == 1);
}

TEST_CASE("programme: going back a stage is one step, and clears the open round") {
    Partners couple;
    couple.begin();
    CHECK_THROWS_AS(couple.back(), RuleViolation); // the first stage has none before it
    couple.ready(Who::Partner1, true);
    couple.ready(Who::Partner2, true);
    couple.ready(Who::Partner1, true);
    couple.back();
    CHECK(couple.state().stage == 1);
    CHECK(couple.state().status == ProgrammeStatus::Active);
    CHECK(couple.state().answered == std::array<bool, 2>{false, false});
}

TEST_CASE("programme: its steps are not for undo, and nothing in them is a log") {
    Partners couple;
    const ChangeSet change =
        answerProgrammeJoin(couple.history, couple.context(), Who::Partner1, true);
    CHECK_FALSE(change.undoable);
    CHECK(change.changes<Log>().empty());
    couple.take(change);
    couple.join(Who::Partner2, true);
    CHECK(couple.history.logs.empty());
}

TEST_CASE("programme: a step's rules hold wherever it comes from") {
    ProgrammeStep step;
    step.id = "a";
    step.day = today;
    step.kind = ProgrammeStepKind::Ready;
    step.who = Who::Partner1;
    CHECK_FALSE(problemWith(step));
    step.who = Who::Both;
    CHECK(problemWith(step)->field == Field::Programme);
    step.who.reset();
    CHECK(problemWith(step));
    step.kind = ProgrammeStepKind::Pause;
    CHECK_FALSE(problemWith(step));
    step.who = Who::Partner2; // a pause keeps no name
    CHECK(problemWith(step));
    step.who.reset();
    step.stage = 4;
    CHECK(problemWith(step));
    step.stage = 1;
    step.order = 0;
    CHECK(problemWith(step));
}

TEST_CASE("programme: steps are read in their order, whatever order they are kept in") {
    Partners couple;
    couple.begin();
    couple.pause();
    History reversed = couple.history;
    std::reverse(reversed.programmeSteps.begin(), reversed.programmeSteps.end());
    CHECK(programmeState(reversed) == couple.state());
}

TEST_CASE("the repair plan is kept as today's repair talk, added from the catalog if needed") {
    CatalogRitual repair;
    repair.id = std::string(repairRitualId);
    repair.name = "A repair talk";
    repair.icon = "handshake-o";
    repair.area = "repair";
    repair.why = "When something stung.";
    repair.times = 1;
    repair.perDays = 7;
    repair.mode = "together";
    repair.group = "Mending";
    repair.whenItHelps = true;
    Partners couple;
    const ChangeSet first =
        keepRepairPlan(couple.history, couple.context(), {repair}, "Say when plans change.");
    couple.take(first);
    REQUIRE(couple.history.rituals.size() == 1);
    CHECK(couple.history.rituals[0].whenItHelps);
    REQUIRE(couple.history.logs.size() == 1);
    CHECK(couple.history.logs[0].note == "Say when plans change.");
    CHECK(couple.history.logs[0].day == today);
    CHECK_FALSE(first.undoable); // a new ritual goes with Archive

    const ChangeSet second = keepRepairPlan(couple.history, couple.context(), {repair}, "More.");
    couple.take(second);
    CHECK(couple.history.rituals.size() == 1);
    CHECK(couple.history.logs.size() == 2);
    CHECK(second.undoable);
}

TEST_CASE("the repair plan goes to the couple's own repair ritual when they have one") {
    Partners couple;
    Ritual own;
    own.id = "own";
    own.name = "Talking it over";
    own.area = Area::Repair;
    own.whenItHelps = true;
    couple.history.rituals.push_back(own);
    couple.take(keepRepairPlan(couple.history, couple.context(), {}, "Slow down."));
    CHECK(couple.history.rituals.size() == 1);
    REQUIRE(couple.history.logs.size() == 1);
    CHECK(couple.history.logs[0].ritualId == "own");
}
