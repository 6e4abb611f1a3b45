// The evening reminder in the window (docs/product.md §6.4): the Settings
// card that turns it on and off, says when it comes, whether it is installed
// to come with the window closed, and how it quiets down; the offer on the
// welcome steps; and the quiet banner at the top of the screens, shown
// instead of a notification when no notification service answered.
#include "app/reminder.hpp"
#include "app/session.hpp"
#include "platform/reminder_desktop.hpp"
#include "ui/item_locator.hpp"
#include "ui/screens/form_widgets.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

#include <fmt/format.h>

namespace kindling::ui {

namespace {

std::filesystem::path programOf(const UiState& state) {
    return state.reminder.program.empty() ? platform::currentProgram() : state.reminder.program;
}

// The times the card offers: every half hour from 16:00 to 22:30, and the
// one set from the command line if it is another.
std::vector<TimeOfDay> offeredTimes(TimeOfDay current) {
    std::vector<TimeOfDay> times;
    for (int minutes = 16 * 60; minutes <= 22 * 60 + 30; minutes += 30)
        times.push_back({minutes / 60, minutes % 60});
    if (std::find(times.begin(), times.end(), current) == times.end()) {
        times.push_back(current);
        std::sort(times.begin(), times.end(), [](TimeOfDay a, TimeOfDay b) {
            return a.hour * 60 + a.minute < b.hour * 60 + b.minute;
        });
    }
    return times;
}

void turnOn(UiState& state, ReminderSettings settings, const std::string& saved) {
    try {
        const platform::ReminderSchedule schedule =
            platform::turnRemindersOn(*state.session, settings, std::nullopt, programOf(state));
        std::string text = saved;
        for (const std::string& note : schedule.notes)
            text += " (" + note + ")";
        state.reminder.notice = {text, false};
    } catch (const std::exception& e) {
        state.reminder.notice = {e.what(), true};
    }
}

void turnOff(UiState& state) {
    try {
        platform::turnRemindersOff(*state.session);
        state.reminder.bannerDay.reset();
        state.reminder.notice = {"The reminder is off, and nothing of it is left behind.", false};
    } catch (const std::exception& e) {
        state.reminder.notice = {e.what(), true};
    }
}

std::string installedLine(const platform::ReminderSchedule& schedule) {
    if (!schedule.installed)
        return "Not installed to come with the window closed: it comes only while Kindling is "
               "open.";
    switch (*schedule.installed) {
    case platform::ReminderScheduler::SystemdTimer:
        return "Installed: a systemd timer brings it with the window closed too.";
    case platform::ReminderScheduler::Autostart:
        return "Installed: an autostart entry brings it with the window closed too, now and "
               "after each login.";
    case platform::ReminderScheduler::SignIn:
        break;
    }
    return "Installed: it comes with the window closed too, now and each time you sign in to "
           "Windows.";
}

} // namespace

void drawReminderCard(UiState& state, float width) {
    if (state.session == nullptr) return;
    Session& session = *state.session;
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    const ReminderSettings settings = reminderSettings(session);

    beginCard(p, width, s);
    cardTitle(state, p, icons::bell, "Evening reminder");
    wrappedTextColored(p.textMuted,
                       "A gentle hello at the time you choose, only on days when nothing is "
                       "logged yet and no pause is on: at most once a day, never in quiet hours. "
                       "If three hellos in a row go by quietly, it rests and says hello once a "
                       "week, until your next log brings it back to every evening.");
    ImGui::Dummy(ImVec2(0, 2 * s));

    bool on = settings.on;
    if (ImGui::Checkbox("Remind us in the evening", &on)) {
        if (on)
            turnOn(state, settings, "The reminder is on, at " + formatTimeOfDay(settings.at) + ".");
        else
            turnOff(state);
    }
    locateLastItem("settings/reminder/on");

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("At");
    ImGui::SameLine(190 * s);
    ImGui::SetNextItemWidth(120 * s);
    const std::string current = formatTimeOfDay(settings.at);
    if (ImGui::BeginCombo("##reminder-at", current.c_str())) {
        for (const TimeOfDay time : offeredTimes(settings.at)) {
            const std::string label = formatTimeOfDay(time);
            const bool selected = time == settings.at;
            if (ImGui::Selectable(label.c_str(), selected) && !selected) {
                ReminderSettings changed = settings;
                changed.at = time;
                if (settings.on) {
                    turnOn(state, changed, "Saved: the reminder comes at " + label + ".");
                } else {
                    try {
                        saveReminderSettings(session, changed);
                        state.reminder.notice = {"Saved: " + label + ", once the reminder is on.",
                                                 false};
                    } catch (const std::exception& e) {
                        state.reminder.notice = {e.what(), true};
                    }
                }
            }
            locateLastItem("settings/reminder/at/" + label);
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    locateLastItem("settings/reminder/at");
    ImGui::SameLine();
    ImGui::TextColored(p.textMuted, "quiet hours from %s",
                       formatTimeOfDay(settings.quietFrom).c_str());

    if (settings.on) {
        ImGui::Dummy(ImVec2(0, 2 * s));
        const platform::ReminderSchedule schedule =
            platform::reminderSchedule(platform::userConfigHome());
        wrappedText(installedLine(schedule));
        locateLastItem("settings/reminder/installed");
        const ReminderState remembered = reminderState(session);
        wrappedText(remembered.lastSent ? "Last hello: " + formatLongDay(*remembered.lastSent) + "."
                                        : std::string("No hello yet."));
        wrappedTextColored(p.textMuted, explainDecision(reminderDecisionNow(session), settings));
        // The system's own words (which service, which error) only on hover.
        if (!state.reminder.deliveryProblem.empty()) {
            wrappedTextColored(p.textMuted, "This desktop did not show the last one, so it waited "
                                            "at the top of the window instead.");
            locateLastItem("settings/reminder/delivery");
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", state.reminder.deliveryProblem.c_str());
        }
    }
    showNotice(p, state.reminder.notice, false);
    endCard();
}

void drawReminderOffer(UiState& state, float width) {
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    ImGui::Dummy(ImVec2(0, 4 * s));
    beginCard(p, width, s);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(p.accent, "%s", icons::bell);
    ImGui::SameLine(0, 10 * s);
    ImGui::Checkbox("A gentle evening reminder", &state.screens.onboarding.eveningReminder);
    locateLastItem("onboarding/reminder");
    wrappedTextColored(p.textMuted,
                       fmt::format("If you like, Kindling says hello at {} on days when nothing "
                                   "is logged yet: never more than once a day, and only weekly "
                                   "when a few in a row go by quietly. You can change or stop "
                                   "it in Settings.",
                                   formatTimeOfDay(defaultReminderTime)));
    endCard();
}

void turnOnReminderFromWelcome(UiState& state) {
    if (state.session == nullptr) return;
    ReminderSettings settings = reminderSettings(*state.session);
    turnOn(state, settings, "The evening reminder is on.");
}

void drawReminderBanner(UiState& state, float width) {
    ReminderView& view = state.reminder;
    if (state.session == nullptr || !view.bannerDay) return;
    const Session& session = *state.session;
    if (*view.bannerDay != state.today) {
        view.bannerDay.reset();
        return;
    }
    // A log (by either of them, from anywhere) answers it.
    if (view.bannerCheckedAt != session.revision()) {
        view.bannerCheckedAt = session.revision();
        if (somethingMarkedOn(session.history(), state.today)) {
            view.bannerDay.reset();
            return;
        }
    }
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    beginCard(p, width, s);
    ImGui::TextColored(p.accent, "%s", icons::bell);
    ImGui::SameLine(0, 10 * s);
    ImGui::TextUnformatted(view.banner.summary.c_str());
    wrappedTextColored(p.textMuted, view.banner.body);
    ImGui::Dummy(ImVec2(0, 2 * s));
    if (state.screen != Screen::Today) {
        if (pillButton(
                "Open Today", p.accent, true,
                ImVec2(ImGui::CalcTextSize("Open Today").x + 32 * s, ImGui::GetFrameHeight()))) {
            state.screen = Screen::Today;
            view.bannerDay.reset();
        }
        locateLastItem("reminder-banner/today");
        ImGui::SameLine();
    }
    if (ImGui::Button("Not tonight")) {
        try {
            recordNotTonight(*state.session, state.today);
        } catch (const std::exception& e) {
            state.lastError = e.what();
        }
        view.bannerDay.reset();
    }
    locateLastItem("reminder-banner/not-tonight");
    endCard();
    ImGui::Dummy(ImVec2(0, 8 * s));
}

} // namespace kindling::ui
