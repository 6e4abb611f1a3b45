// A celebration: when a command crosses a milestone, the whole window turns
// into a card that says what the two of you reached, with sparks rising
// behind it for a few seconds. Each milestone is shown once (the session
// remembers it in the data file); Continue, Enter or Escape moves on.
#include "app/preferences.hpp"
#include "app/session.hpp"
#include "ui/item_locator.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

#include <cctype>
#include <fmt/format.h>
#include <utility>

namespace kindling::ui {

namespace {

constexpr float sparkSeconds = 6.0f;

const char* iconFor(Milestone::Kind kind) {
    switch (kind) {
    case Milestone::Kind::StreakMilestone:
        return icons::fire;
    case Milestone::Kind::RitualStreakMilestone:
        return icons::calendarCheck;
    case Milestone::Kind::GoalCompleted:
        return icons::flagCheckered;
    case Milestone::Kind::LevelUp:
        return icons::star;
    case Milestone::Kind::Achievement:
        return icons::trophy;
    case Milestone::Kind::WelcomeBack:
        return icons::heart;
    }
    return icons::heart;
}

// What --screen celebration shows when nothing is waiting: the latest
// milestone the couple reached, or a welcome when there is none yet.
Milestone previewMilestone(const UiState& state) {
    if (state.session != nullptr) {
        const std::vector<Milestone> reached = milestonesOf(state.session->progress());
        if (!reached.empty()) return reached.back();
    }
    Milestone welcome;
    welcome.key = "preview:welcome";
    welcome.kind = Milestone::Kind::WelcomeBack;
    welcome.headline = "Welcome to Kindling";
    welcome.detail = "Every small ritual you share adds a little warmth. "
                     "When you reach a milestone, this is where we celebrate it together.";
    welcome.day = state.today;
    return welcome;
}

// The headline as drawn: its last two words joined by a no-break space, so a
// wrapped line never leaves one word alone ("… bedtime: 30 / days").
std::string withoutWidow(std::string headline) {
    const auto last = headline.rfind(' ');
    if (last == std::string::npos || last == 0 || headline.find(' ') == last) return headline;
    return headline.replace(last, 1, "\xC2\xA0");
}

// A file name from the headline: letters and digits, the rest as dashes.
std::string imageFileName(const Milestone& milestone) {
    std::string slug;
    for (const char c : milestone.headline) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 && u < 0x80) {
            slug += static_cast<char>(std::tolower(u));
        } else if (!slug.empty() && slug.back() != '-') {
            slug += '-';
        }
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    if (slug.empty()) slug = "celebration";
    return fmt::format("kindling-{}-{}.png", formatDay(milestone.day), slug);
}

void centredLine(const std::string& text, float left, float width) {
    const float textWidth = ImGui::CalcTextSize(text.c_str()).x;
    ImGui::SetCursorPosX(left + std::max(0.0f, (width - textWidth) * 0.5f));
    ImGui::TextUnformatted(text.c_str());
}

void moveOn(UiState& state, bool preview) {
    const std::string key = state.celebration.key;
    state.celebration = {};
    if (preview) {
        state.screen = Screen::Today;
        return;
    }
    try {
        state.session->celebrated(key);
    } catch (const std::exception& e) {
        state.lastError = e.what();
    }
}

// The card itself: everything "Save as image" keeps. Returns its rectangle.
std::pair<ImVec2, ImVec2> drawCard(UiState& state, const Milestone& milestone, float width) {
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    beginCard(p, width, s);
    const float inner = width - 36 * s; // beginCard's padding on both sides
    const float left = ImGui::GetCursorPosX();

    // The icon in a soft round badge.
    const float radius = 38 * s;
    ImGui::Dummy(ImVec2(0, 6 * s));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 centre(origin.x + inner * 0.5f, origin.y + radius);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddCircleFilled(centre, radius, toU32(p.accentSoft), 48);
    ImGui::PushFont(state.fonts.display);
    const char* icon = iconFor(milestone.kind);
    const ImVec2 iconSize = ImGui::CalcTextSize(icon);
    draw->AddText(ImVec2(centre.x - iconSize.x * 0.5f, centre.y - iconSize.y * 0.5f),
                  toU32(p.accent), icon);
    ImGui::Dummy(ImVec2(inner, radius * 2 + 14 * s));

    centredWrappedText(withoutWidow(milestone.headline), inner);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 6 * s));
    ImGui::SetCursorPosX(left);
    centredWrappedText(milestone.detail, inner);
    ImGui::Dummy(ImVec2(0, 10 * s));

    std::string names;
    if (state.session != nullptr) {
        const Couple& couple = state.session->history().couple;
        names = couple.partners[0].name + " & " + couple.partners[1].name + "  \xC2\xB7  ";
    }
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    ImGui::SetCursorPosX(left);
    centredWrappedText(names + formatLongDay(milestone.day), inner);
    ImGui::Dummy(ImVec2(0, 4 * s));
    ImGui::PopStyleColor();
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    centredLine(std::string(icons::fire) + "  Kindling", left, inner);
    ImGui::PopStyleColor();
    endCard();
    return {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
}

// The calm version's glow: a few still, soft rings of light behind the card.
void drawStillGlow(const Palette& p, ImVec2 centre, float radius) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int ring = 4; ring >= 1; --ring)
        draw->AddCircleFilled(centre, radius * (0.55f + 0.18f * static_cast<float>(ring)),
                              toU32(p.glow, 0.07f), 64);
}

} // namespace

bool drawCelebration(UiState& state, FrameResult& result) {
    const bool waiting = state.session != nullptr && !state.session->pendingCelebrations().empty();
    const bool preview = !waiting && state.screen == Screen::Celebration;
    if (!waiting && !preview) {
        state.celebration = {};
        return false;
    }
    const Milestone milestone =
        waiting ? state.session->pendingCelebrations().front() : previewMilestone(state);
    if (state.celebration.key != milestone.key)
        state.celebration = CelebrationView{milestone.key, state.now, {}};
    const float seconds = static_cast<float>(state.now - state.celebration.shownAt);

    const Palette& p = palette(state.theme);
    const float s = state.scale;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("##celebration", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground);

    const float width = std::min(560 * s, viewport->WorkSize.x - 48 * s);
    const float left = (viewport->WorkSize.x - width) * 0.5f;
    // Centred vertically by the height the card and its buttons had last frame.
    const float lastHeight = state.celebration.height > 0 ? state.celebration.height : 420 * s;
    ImGui::SetCursorPos(ImVec2(left, std::max(24 * s, (viewport->WorkSize.y - lastHeight) * 0.5f)));
    const float top = ImGui::GetCursorPosY();

    if (state.reduceMotion) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        drawStillGlow(p, ImVec2(at.x + width * 0.5f, at.y + 170 * s), width * 0.62f);
    }
    ImGui::SetCursorPosX(left);
    const auto [cardMin, cardMax] = drawCard(state, milestone, width);
    ImGui::Dummy(ImVec2(0, 14 * s));

    if (waiting && state.session->pendingCelebrations().size() > 1) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        centredLine(fmt::format("{} more to celebrate after this",
                                state.session->pendingCelebrations().size() - 1),
                    left, width);
        ImGui::PopStyleColor();
        ImGui::Dummy(ImVec2(0, 4 * s));
    }

    // Continue and Save as image, side by side under the card.
    const float buttonHeight = ImGui::GetFrameHeight() + 8 * s;
    const float continueWidth = 170 * s;
    const std::string saveLabel = std::string(icons::picture) + "  Save as image";
    const float saveWidth = ImGui::CalcTextSize(saveLabel.c_str()).x + 40 * s;
    const float gap = 12 * s;
    ImGui::SetCursorPosX(left + (width - continueWidth - gap - saveWidth) * 0.5f);
    bool next = pillButton("Continue", p.accent, true, ImVec2(continueWidth, buttonHeight));
    locateLastItem("celebration/continue");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Enter or Escape");
    ImGui::SameLine(0, gap);
    if (pillButton(saveLabel.c_str(), p.accent, false, ImVec2(saveWidth, buttonHeight))) {
        const std::filesystem::path file = state.imageDirectory / imageFileName(milestone);
        result.capture = CardCapture{cardMin, cardMax, file};
    }
    locateLastItem("celebration/save");

    ImGui::Dummy(ImVec2(0, 6 * s));
    const char* calm = "Calm celebrations (less motion)";
    const float checkWidth = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                             ImGui::CalcTextSize(calm).x;
    ImGui::SetCursorPosX(left + (width - checkWidth) * 0.5f);
    // Framed, so the box shows on the light glow too.
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, p.border);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, p.surface);
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    bool reduce = state.reduceMotion;
    if (ImGui::Checkbox(calm, &reduce)) {
        state.reduceMotion = reduce;
        if (state.session != nullptr) {
            try {
                changePreferences(*state.session, [&](Preferences& preferences) {
                    preferences.reduceMotion = reduce;
                });
            } catch (const std::exception& e) {
                state.lastError = e.what();
            }
        }
    }
    locateLastItem("celebration/reduce-motion");
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar();

    // A problem and a success never look alike (ui/widgets.hpp).
    const bool saveProblem = state.celebration.savedProblem;
    for (const auto& [message, problem] :
         {std::pair{&state.celebration.saved, saveProblem}, std::pair{&state.lastError, true}}) {
        if (message->empty()) continue;
        ImGui::Dummy(ImVec2(0, 4 * s));
        ImGui::SetCursorPosX(left);
        ImGui::PushStyleColor(ImGuiCol_Text, problem ? p.problem : p.textMuted);
        centredWrappedText(std::string(problem ? icons::exclamationCircle : icons::check) + "  " +
                               *message,
                           width);
        ImGui::PopStyleColor();
    }
    state.celebration.height = ImGui::GetCursorPosY() - top;

    const int enter = ImGui::GetKeyIndex(ImGuiKey_Enter);
    const int keypadEnter = ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter);
    const int escape = ImGui::GetKeyIndex(ImGuiKey_Escape);
    if (ImGui::IsKeyPressed(enter, false) || ImGui::IsKeyPressed(keypadEnter, false) ||
        ImGui::IsKeyPressed(escape, false))
        next = true;
    ImGui::End();

    if (!state.reduceMotion && seconds < sparkSeconds) {
        const Couple couple = state.session != nullptr ? state.session->history().couple : Couple{};
        result.sparks = Sparks{seconds,
                               sparkSeconds,
                               {p.accent, colourFromRgb(couple.partners[0].colour),
                                colourFromRgb(couple.partners[1].colour)}};
        result.animating = true;
    }
    result.drawBackground = true;
    if (next) moveOn(state, preview);
    return true;
}

} // namespace kindling::ui
