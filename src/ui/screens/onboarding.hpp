#pragma once
// What the welcome steps (onboarding.cpp) keep: the couple's choices until
// they start.

#include "core/model.hpp"
#include "core/scoring.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace kindling::ui {

// One suggested ritual on the welcome steps, as the couple adjusts it.
struct RitualPick {
    std::string catalogId;
    bool picked = false;
    Frequency frequency;
    RitualMode mode = RitualMode::Together;
};

struct OnboardingState {
    bool loaded = false; // filled from the session when the steps open
    int step = 0;
    int shownStep = -1; // the step drawn last frame: a new one takes the keyboard focus
    std::array<std::string, 2> names;
    std::array<std::uint32_t, 2> colours{};
    std::vector<RitualPick> rituals; // in catalog order
    bool setGoal = true;
    std::string goalTitle;
    int goalTarget = 5;
    GoalPeriod goalPeriod = GoalPeriod::Week;
    std::string goalReward;
    bool eveningReminder = false; // turn the evening reminder on when they begin
    std::string error;            // why the last step could not go on
};

} // namespace kindling::ui
