#pragma once
// Every screen's own state, in one place in UiState (ui/shell.hpp): each is
// declared beside its screen (its own header in ui/screens/).

#include "ui/screens/dashboard.hpp"
#include "ui/screens/goals.hpp"
#include "ui/screens/guides.hpp"
#include "ui/screens/journal.hpp"
#include "ui/screens/onboarding.hpp"
#include "ui/screens/questions.hpp"
#include "ui/screens/rituals.hpp"
#include "ui/screens/settings.hpp"
#include "ui/screens/today.hpp"

namespace kindling::ui {

struct ScreenStates {
    TodayState today;
    DashboardState dashboard;
    JournalState journal;
    RitualsState rituals;
    GoalsState goals;
    QuestionsState questions;
    SettingsState settings;
    RepairState repair;
    ProgrammePageState programme;
    OnboardingState onboarding;
};

} // namespace kindling::ui
