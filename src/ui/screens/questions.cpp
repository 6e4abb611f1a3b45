// The question of the night (docs/product.md §3.10): tonight's question,
// large, with "We talked about it" (which logs the question ritual), a star
// for favourites and "Another question"; below it the deck to browse by
// category, and the favourites.
#include "app/content.hpp"
#include "app/session.hpp"
#include "core/question_deck.hpp"
#include "ui/charts.hpp"
#include "ui/item_locator.hpp"
#include "ui/ritual_text.hpp"
#include "ui/screens/form_widgets.hpp"
#include "ui/screens/screen_title.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace kindling::ui {

namespace {

constexpr std::string_view favourites = "favourites";

// What the couple did with one question.
struct Marks {
    std::optional<Day> answered;
    bool favourite = false;
};

std::map<std::string, Marks, std::less<>> marksByQuestion(const Session& session) {
    std::map<std::string, Marks, std::less<>> marks;
    for (const QuestionMarkEntry& entry : session.history().questionMarks) {
        if (entry.mark == QuestionMark::Answered) marks[entry.questionId].answered = entry.day;
        if (entry.mark == QuestionMark::Favourite) marks[entry.questionId].favourite = true;
    }
    return marks;
}

Marks marksOf(const std::map<std::string, Marks, std::less<>>& marks, const std::string& id) {
    const auto found = marks.find(id);
    return found == marks.end() ? Marks{} : found->second;
}

// "3 Mar 2026".
std::string dateText(Day day) {
    return shortDay(day, true).substr(4);
}

float buttonWidth(const std::string& label) {
    return ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x +
           16 * ImGui::GetFontSize() / 17.0f;
}

void drawTonight(UiState& state, const Palette& p, float width,
                 const std::map<std::string, Marks, std::less<>>& marks) {
    const float s = state.scale;
    Session& session = *state.session;
    const Question& question = session.questionOfTheNight();
    const Marks mark = marksOf(marks, question.id);
    const bool answeredTonight = mark.answered == session.asOf();
    const float inner = width - 2 * 18 * s;

    beginCard(p, width, s);
    const std::string label = std::string(icons::comments) + "  Question of the night  \xC2\xB7  " +
                              questionCategoryLabel(question.category);
    const float labelWidth = ImGui::CalcTextSize(label.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (inner - labelWidth) * 0.5f));
    ImGui::TextColored(p.textMuted, "%s", label.c_str());
    ImGui::Dummy(ImVec2(0, 8 * s));
    ImGui::PushFont(state.fonts.display);
    centredWrappedText(question.text, inner);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 8 * s));

    // What became of it, in a word.
    std::string status;
    if (answeredTonight)
        status = std::string(icons::check) + "  You talked about this one tonight";
    else if (mark.answered)
        status = "You talked about this one on " + dateText(*mark.answered);
    if (!status.empty()) {
        const float statusWidth = ImGui::CalcTextSize(status.c_str()).x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (inner - statusWidth) * 0.5f));
        ImGui::TextColored(answeredTonight ? p.accent : p.textMuted, "%s", status.c_str());
        ImGui::Dummy(ImVec2(0, 2 * s));
    }

    // The three actions, centred.
    const float height = ImGui::GetFrameHeight() + 6 * s;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const std::string answer = answeredTonight
                                   ? std::string(icons::check) + "  Talked about"
                                   : std::string(icons::comments) + "  We talked about it";
    const std::string star = std::string(mark.favourite ? icons::star : icons::starEmpty) +
                             (mark.favourite ? "  A favourite" : "  Favourite");
    const std::string next = std::string("Another question  ") + icons::arrowRight;
    const float total = buttonWidth(answer) + buttonWidth(star) + buttonWidth(next) + 2 * gap;
    const bool stacked = total > inner;
    const float left = ImGui::GetCursorPosX();
    ImGui::SetCursorPosX(left + std::max(0.0f, (inner - total) * 0.5f));
    const auto place = [&] {
        if (stacked)
            ImGui::SetCursorPosX(left);
        else
            ImGui::SameLine(0, gap);
    };
    const float answerWidth = stacked ? inner : buttonWidth(answer);
    if (pillButton(answer.c_str(), p.accent, true, ImVec2(answerWidth, height)) && !answeredTonight)
        attempt(state, [&] { session.run(answerQuestion, question); });
    locateLastItem("questions/answer");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(answeredTonight ? "Lovely. Ctrl+Z takes it back."
                                          : "Marks it as talked about tonight");
    place();
    if (pillButton(star.c_str(), p.accent, false,
                   ImVec2(stacked ? inner : buttonWidth(star), height)))
        attempt(state, [&] {
            session.run(setFavourite, shippedContent().questions, question.id, !mark.favourite);
        });
    locateLastItem("questions/favourite");
    place();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    if (ImGui::Button(next.c_str(), ImVec2(stacked ? inner : buttonWidth(next), height)))
        attempt(state, [&] { session.run(skipQuestion, session.questionOfTheNight().id); });
    ImGui::PopStyleColor(2);
    locateLastItem("questions/next");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("This one can wait for another night");

    ImGui::Dummy(ImVec2(0, 4 * s));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, 2 * s));
    if (const Ritual* ritual = questionRitual(session.history()))
        centredWrappedText("Talking about it logs \"" + ritual->name + "\" for both of you.",
                           inner);
    else
        centredWrappedText("Add \"Question of the night\" from the rituals catalog, and every talk "
                           "counts on Today and toward your badges.",
                           inner);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    endCard();
}

void drawBrowser(UiState& state, const Palette& p, float width,
                 const std::map<std::string, Marks, std::less<>>& marks) {
    const float s = state.scale;
    Session& session = *state.session;
    QuestionsState& view = state.screens.questions;
    const std::vector<Question>& deck = shippedContent().questions;
    const float inner = width - 2 * 18 * s;
    const float gap = ImGui::GetStyle().ItemSpacing.x;

    beginCard(p, width, s);
    ImGui::PushFont(state.fonts.heading);
    ImGui::TextUnformatted("Browse the deck");
    ImGui::PopFont();

    // Favourites, then every category; the pills wrap onto a second line.
    std::vector<std::pair<std::string, std::string>> choices{
        {std::string(favourites), std::string(icons::star) + "  Favourites"}};
    for (std::string_view category : questionCategories)
        choices.emplace_back(std::string(category), questionCategoryLabel(category));
    const float left = ImGui::GetCursorPosX();
    float used = 0; // of the current line of pills
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const auto& [key, label] = choices[i];
        const float w = ImGui::CalcTextSize(label.c_str()).x + 28 * s;
        if (i > 0 && used + gap + w <= inner) {
            ImGui::SameLine(0, gap);
            used += gap + w;
        } else {
            used = w;
        }
        if (pillButton(label.c_str(), p.accent, view.browsing == key,
                       ImVec2(w, ImGui::GetFrameHeight())))
            view.browsing = key;
        locateLastItem("questions/browse/" + key);
    }
    ImGui::Dummy(ImVec2(0, 4 * s));

    std::vector<const Question*> listed;
    if (view.browsing == favourites) {
        for (const Question& question : deck)
            if (marksOf(marks, question.id).favourite) listed.push_back(&question);
        if (listed.empty())
            wrappedTextColored(p.textMuted, "Give a question you love a star and it waits for "
                                            "you here, for a night you want it again.");
    } else {
        listed = questionsInCategory(deck, view.browsing);
        if (view.browsing == optInQuestionCategory)
            wrappedTextColored(p.textMuted,
                               "Questions about closeness itself, for an evening you both feel "
                               "like it. Each one is an offer: take it, change it, or leave it "
                               "for another time. They come up as the question of the night "
                               "only if you choose that.");
    }

    const float starSize = ImGui::GetFrameHeight();
    for (const Question* question : listed) {
        const Marks mark = marksOf(marks, question->id);
        ImGui::PushID(question->id.c_str());
        // A hairline between questions, as wide as the card's inside.
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + inner, at.y), toU32(p.border));
        ImGui::Dummy(ImVec2(0, 2 * s));
        const float top = ImGui::GetCursorPosY();
        // The star sits on the text's line: drawn as text over an invisible button.
        const bool pressed = ImGui::InvisibleButton("##star", ImVec2(starSize, starSize));
        const bool hovered = ImGui::IsItemHovered();
        const char* glyph = mark.favourite ? icons::star : icons::starEmpty;
        const ImVec2 box = ImGui::GetItemRectMin();
        const float glyphWidth = ImGui::CalcTextSize(glyph).x;
        ImGui::GetWindowDrawList()->AddText(
            ImVec2(box.x + (starSize - glyphWidth) * 0.5f,
                   box.y + (starSize - ImGui::GetTextLineHeight()) * 0.5f),
            toU32(mark.favourite || hovered ? p.accent : p.textMuted), glyph);
        if (pressed)
            attempt(state, [&] {
                session.run(setFavourite, shippedContent().questions, question->id,
                            !mark.favourite);
            });
        locateLastItem("questions/star/" + question->id);
        if (hovered)
            ImGui::SetTooltip(mark.favourite ? "Take it out of your favourites"
                                             : "Keep it among your favourites");
        ImGui::SameLine(0, 10 * s);
        ImGui::SetCursorPosY(top + (starSize - ImGui::GetTextLineHeight()) * 0.5f);
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(left + inner);
        wrappedText(question->text);
        ImGui::PopTextWrapPos();
        if (mark.answered)
            ImGui::TextColored(p.textMuted, "%s  Talked about on %s", icons::check,
                               dateText(*mark.answered).c_str());
        ImGui::EndGroup();
        ImGui::PopID();
    }
    endCard();
}

} // namespace

void drawQuestionsScreen(UiState& state) {
    if (state.session == nullptr) return;
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    const float width = ImGui::GetContentRegionAvail().x;
    Session& session = *state.session;

    std::map<std::string, Marks, std::less<>> marks;
    try {
        marks = marksByQuestion(session);
    } catch (const std::exception& e) {
        state.lastError = e.what();
    }
    const auto answered = std::count_if(marks.begin(), marks.end(),
                                        [](const auto& entry) { return entry.second.answered; });

    std::string line = formatLongDay(session.asOf());
    if (answered > 0)
        line += fmt::format("  \xC2\xB7  {} {} talked about together", answered,
                            answered == 1 ? "question" : "questions");
    drawScreenTitle(state, "Questions", line, width, "questions/undo");
    ImGui::Dummy(ImVec2(0, 4 * s));
    showFailure(p, state.lastError);

    try {
        drawTonight(state, p, width, marks);
    } catch (const std::exception& e) {
        state.lastError = e.what();
    }
    ImGui::Dummy(ImVec2(0, 8 * s));
    drawBrowser(state, p, width, marks);
}

} // namespace kindling::ui
