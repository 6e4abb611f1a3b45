#pragma once
// One function per screen; each reads the state and draws into the current window.

#include "ui/shell.hpp"

namespace kindling::ui {

void drawTodayScreen(UiState& state);
void drawDashboardScreen(UiState& state);
void drawJournalScreen(UiState& state);
void drawRitualsScreen(UiState& state);
void drawGoalsScreen(UiState& state);
void drawQuestionsScreen(UiState& state);
void drawAchievementsScreen(UiState& state);
void drawSettingsScreen(UiState& state);
// Settings' data cards: where the file is, export, import, backups and restore.
void drawSettingsDataSection(UiState& state);
// Settings → Two computers (settings_sync.cpp).
void drawSyncSection(UiState& state);
void drawSupportScreen(UiState& state);
// The guided practices: the repair talk's guide and the touch programme.
void drawGuidesScreen(UiState& state);
// The evening reminder (reminder_card.cpp): its Settings card, the offer on
// the welcome steps' last page, turning it on from there, and the quiet
// banner at the top of the screens when no notification service answered.
void drawReminderCard(UiState& state, float width);
void drawReminderOffer(UiState& state, float width);
void turnOnReminderFromWelcome(UiState& state);
void drawReminderBanner(UiState& state, float width);
// First run (and from Settings): names, rituals, a first goal, how it works.
void drawOnboardingScreen(UiState& state);
// While the PIN lock is on: the PIN field and nothing of the couple's data.
void drawLockScreen(UiState& state);
// The full-window celebration, when one is waiting (or previewed with
// Screen::Celebration). Returns false when there is none to show.
bool drawCelebration(UiState& state, FrameResult& result);
// Shown instead of every screen when the data file could not be opened.
void drawProblemScreen(UiState& state);

} // namespace kindling::ui
