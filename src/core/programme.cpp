#include "core/programme.hpp"

#include <algorithm>
#include <vector>

namespace kindling {

std::optional<std::size_t> partnerIndex(Who who) {
    switch (who) {
    case Who::Partner1:
        return 0;
    case Who::Partner2:
        return 1;
    case Who::Both:
        break;
    }
    return std::nullopt;
}

ProgrammeState programmeState(const History& history) {
    std::vector<const ProgrammeStep*> steps;
    steps.reserve(history.programmeSteps.size());
    for (const ProgrammeStep& step : history.programmeSteps)
        steps.push_back(&step);
    std::stable_sort(steps.begin(), steps.end(),
                     [](const ProgrammeStep* a, const ProgrammeStep* b) {
                         if (a->order != b->order) return a->order < b->order;
                         return a->id < b->id;
                     });

    ProgrammeState state;
    // The open round's answers, kept here and never handed out.
    std::array<std::optional<bool>, 2> answers;
    const auto clearRound = [&] {
        answers = {};
        state.answered = {false, false};
    };
    for (const ProgrammeStep* step : steps) {
        state.lastOrder = std::max(state.lastOrder, step->order);
        const std::optional<std::size_t> partner =
            step->who ? partnerIndex(*step->who) : std::nullopt;
        switch (step->kind) {
        case ProgrammeStepKind::Join: {
            if (state.status == ProgrammeStatus::Active || !partner) break;
            state.outcome = ProgrammeOutcome::None;
            answers[*partner] = step->yes;
            state.answered[*partner] = true;
            if (!answers[0] || !answers[1]) break;
            if (*answers[0] && *answers[1]) {
                state.outcome = state.status == ProgrammeStatus::Paused ? ProgrammeOutcome::GoingOn
                                                                        : ProgrammeOutcome::Began;
                state.status = ProgrammeStatus::Active;
            } else {
                state.outcome = ProgrammeOutcome::NotNow;
            }
            clearRound();
            break;
        }
        case ProgrammeStepKind::Ready: {
            // An answer for another stage than the one they are in is an old
            // one (the other computer's, say): it no longer counts.
            if (state.status != ProgrammeStatus::Active || !partner || step->stage != state.stage ||
                state.stage >= programmeStages)
                break;
            state.outcome = ProgrammeOutcome::None;
            answers[*partner] = step->yes;
            state.answered[*partner] = true;
            if (!answers[0] || !answers[1]) break;
            if (*answers[0] && *answers[1]) {
                ++state.stage;
                state.outcome = ProgrammeOutcome::MovedOn;
            } else {
                state.outcome = ProgrammeOutcome::StayAwhile;
            }
            clearRound();
            break;
        }
        case ProgrammeStepKind::Pause:
            if (state.status != ProgrammeStatus::Active) break;
            state.status = ProgrammeStatus::Paused;
            state.outcome = ProgrammeOutcome::None;
            clearRound();
            break;
        case ProgrammeStepKind::Stop:
            state.status = ProgrammeStatus::Off;
            state.stage = 1;
            state.outcome = ProgrammeOutcome::None;
            clearRound();
            break;
        case ProgrammeStepKind::Back:
            if (state.status != ProgrammeStatus::Active || step->stage != state.stage ||
                state.stage <= 1)
                break;
            --state.stage;
            state.outcome = ProgrammeOutcome::None;
            clearRound();
            break;
        }
    }
    return state;
}

} // namespace kindling
