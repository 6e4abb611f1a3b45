// The guided practices (docs/product.md §3.13, §3.14): the touch without
// pressure programme's steps, and the repair talk's plan.
#include "core/actions.hpp"
#include "core/catalog.hpp"
#include "core/programme.hpp"

namespace kindling {

namespace {

[[noreturn]] void refuse(const std::string& problem) {
    throw RuleViolation(Field::Programme, problem);
}

ChangeSet stepChange(const ProgrammeState& state, const ActionContext& context,
                     ProgrammeStepKind kind, std::optional<Who> who, bool yes, int stage,
                     std::string description) {
    ProgrammeStep step;
    step.id = context.newId();
    step.order = state.lastOrder + 1;
    step.kind = kind;
    step.who = who;
    step.yes = yes;
    step.stage = stage;
    step.day = context.today;
    ChangeSet change;
    // Each partner's own: no undo button may take a pause or an answer back.
    change.undoable = false;
    change.description = std::move(description);
    change.add(std::move(step));
    return change;
}

Who answeringPartner(Who who) {
    if (who == Who::Both) refuse("each of you answers on your own");
    return who;
}

} // namespace

ChangeSet answerProgrammeJoin(const History& history, const ActionContext& context, Who who,
                              bool yes) {
    const ProgrammeState state = programmeState(history);
    if (state.status == ProgrammeStatus::Active) refuse("the programme is already under way");
    return stepChange(state, context, ProgrammeStepKind::Join, answeringPartner(who), yes,
                      state.stage, "an answer");
}

ChangeSet answerProgrammeReady(const History& history, const ActionContext& context, Who who,
                               bool ready) {
    const ProgrammeState state = programmeState(history);
    if (state.status != ProgrammeStatus::Active) refuse("the programme is not under way");
    if (state.stage >= programmeStages) refuse("this is the last stage; there is none after it");
    return stepChange(state, context, ProgrammeStepKind::Ready, answeringPartner(who), ready,
                      state.stage, "an answer");
}

ChangeSet pauseProgramme(const History& history, const ActionContext& context) {
    const ProgrammeState state = programmeState(history);
    if (state.status != ProgrammeStatus::Active) refuse("the programme is not under way");
    return stepChange(state, context, ProgrammeStepKind::Pause, std::nullopt, false, state.stage,
                      "a pause");
}

ChangeSet stopProgramme(const History& history, const ActionContext& context) {
    const ProgrammeState state = programmeState(history);
    if (state.status == ProgrammeStatus::Off) refuse("the programme is not under way");
    return stepChange(state, context, ProgrammeStepKind::Stop, std::nullopt, false, state.stage,
                      "a stop");
}

ChangeSet goBackProgrammeStage(const History& history, const ActionContext& context) {
    const ProgrammeState state = programmeState(history);
    if (state.status != ProgrammeStatus::Active) refuse("the programme is not under way");
    if (state.stage <= 1) refuse("this is the first stage");
    return stepChange(state, context, ProgrammeStepKind::Back, std::nullopt, false, state.stage,
                      "more time with a stage");
}

// ---- The repair talk's plan ----------------------------------------------------------

const Ritual* repairRitual(const History& history) {
    for (const Ritual& ritual : history.rituals)
        if (ritual.catalogId == repairRitualId && !ritual.archived && !ritual.measure)
            return &ritual;
    // A repair ritual of the couple's own is theirs to keep the plan in.
    for (const Ritual& ritual : history.rituals)
        if (ritual.area == Area::Repair && !ritual.archived && !ritual.measure) return &ritual;
    return nullptr;
}

ChangeSet keepRepairPlan(const History& history, const ActionContext& context,
                         const std::vector<CatalogRitual>& catalog, const std::string& plan) {
    const std::string note = checkedText(Field::LogNote, plan, maxNoteLength, true);
    ChangeSet change;
    std::string ritualId;
    if (const Ritual* ritual = repairRitual(history)) {
        ritualId = ritual->id;
        change.description = "keeping your plan";
    } else {
        change = addRitualFromCatalog(history, context, catalog, std::string(repairRitualId));
        ritualId = addedRitual(change).id;
        change.description = "keeping your plan";
    }
    Log entry;
    entry.id = context.newId();
    entry.ritualId = ritualId;
    entry.day = context.today;
    entry.who = Who::Both;
    entry.note = note;
    entry.loggedAt = context.now;
    change.add(std::move(entry));
    // A new ritual is taken back with Archive (addRitual); a plan kept alone
    // can be undone like any log.
    change.undoable = change.changes<Ritual>().empty();
    return change;
}

} // namespace kindling
