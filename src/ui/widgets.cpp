#include "ui/widgets.hpp"

#include "core/icons.hpp"
#include "ui/charts.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace kindling::ui {

namespace {

struct OpenCard {
    ImVec2 start;
    float width;
    float padding;
    ImU32 colour;
    float rounding;
};
std::vector<OpenCard> openCards;

} // namespace

void beginCard(const Palette& palette, float width, float scale) {
    const float padding = 18.0f * scale;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->ChannelsSplit(2);
    drawList->ChannelsSetCurrent(1);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    openCards.push_back(
        {start, width, padding, toU32(palette.surface), ImGui::GetStyle().ChildRounding});
    ImGui::SetCursorScreenPos(ImVec2(start.x + padding, start.y + padding));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * padding);
}

void endCard() {
    const OpenCard card = openCards.back();
    openCards.pop_back();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const ImVec2 contentMax = ImGui::GetItemRectMax();
    const ImVec2 max(card.start.x + card.width, contentMax.y + card.padding);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->ChannelsSetCurrent(0);
    drawList->AddRectFilled(card.start, max, card.colour, card.rounding);
    drawList->ChannelsMerge();
    ImGui::SetCursorScreenPos(card.start);
    ImGui::Dummy(ImVec2(card.width, max.y - card.start.y));
}

void wrappedText(std::string_view text) {
    // TextWrapped keeps an enclosing wrap width (a card's) and otherwise wraps
    // at the window's edge.
    ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
}

void wrappedTextColored(const ImVec4& colour, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrappedText(text);
    ImGui::PopStyleColor();
}

void problemText(const Palette& palette, std::string_view text) {
    ImGui::TextColored(palette.problem, "%s", icons::exclamationCircle);
    ImGui::SameLine();
    wrappedTextColored(palette.problem, text);
}

void doneText(const Palette& palette, std::string_view text) {
    ImGui::TextColored(palette.accent, "%s", icons::check);
    ImGui::SameLine();
    wrappedText(text);
}

void centredWrappedText(std::string_view text, float width) {
    const float left = ImGui::GetCursorPosX();
    const char* begin = text.data();
    const char* const end = text.data() + text.size();
    while (begin < end) {
        // Greedy: take words while the line fits; a single long word is cut
        // by ImGui's own wrapping helper.
        const char* lineEnd = ImGui::GetFont()->CalcWordWrapPositionA(
            ImGui::GetFontSize() / ImGui::GetFont()->FontSize, begin, end, width);
        if (lineEnd == begin) ++lineEnd;
        const float lineWidth = ImGui::CalcTextSize(begin, lineEnd).x;
        ImGui::SetCursorPosX(left + std::max(0.0f, (width - lineWidth) * 0.5f));
        ImGui::TextUnformatted(begin, lineEnd);
        begin = lineEnd;
        while (begin < end && (*begin == ' ' || *begin == '\n'))
            ++begin;
    }
}

void elidedText(std::string_view text, float maxWidth) {
    const std::string shown = elideToWidth(text, maxWidth);
    ImGui::TextUnformatted(shown.c_str());
    if (shown != text && ImGui::IsItemHovered()) { // it was cut
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(text.data(), text.data() + text.size());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

float flame(const Palette& palette, float height, int streakDays) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // A young streak is a small flame; it grows to full size over a month.
    const float growth = 0.6f + 0.4f * std::min(1.0f, static_cast<float>(streakDays) / 30.0f);
    const float h = height * growth;
    const float w = h * 0.72f;
    const ImVec2 base(origin.x + w * 0.5f, origin.y + height);
    auto teardrop = [&](float scale, ImU32 colour) {
        const float r = w * 0.5f * scale;
        const ImVec2 centre(base.x, base.y - r);
        const ImVec2 tip(base.x + r * 0.15f, base.y - h * scale);
        draw->PathArcTo(centre, r, 0.0f, 3.14159265f, 24);
        draw->PathBezierCubicCurveTo(ImVec2(centre.x - r, centre.y - r * 0.9f),
                                     ImVec2(tip.x - r * 0.5f, tip.y + r * 0.9f), tip);
        draw->PathBezierCubicCurveTo(ImVec2(tip.x + r * 0.35f, tip.y + r * 1.1f),
                                     ImVec2(centre.x + r, centre.y - r * 0.7f),
                                     ImVec2(centre.x + r, centre.y));
        draw->PathFillConvex(colour);
    };
    const bool lit = streakDays > 0;
    teardrop(1.0f, toU32(lit ? palette.accent : palette.border));
    teardrop(0.62f, lit ? IM_COL32(255, 196, 92, 255) : toU32(palette.surfaceHover));
    teardrop(0.3f, lit ? IM_COL32(255, 238, 190, 255) : toU32(palette.surface));
    ImGui::Dummy(ImVec2(w, height));
    return w;
}

bool pillButton(const char* label, const ImVec4& colour, bool filled, ImVec2 size) {
    const ImVec4 soft(colour.x, colour.y, colour.z, 0.16f);
    const ImVec4 softer(colour.x, colour.y, colour.z, 0.28f);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, size.y * 0.5f);
    ImGui::PushStyleColor(ImGuiCol_Button, filled ? colour : soft);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, filled ? colour : softer);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour);
    if (filled) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    const bool pressed = ImGui::Button(label, size);
    if (filled) ImGui::PopStyleColor();
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar();
    return pressed;
}

namespace {

// Grows the std::string behind an InputText as the person types.
int growString(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* grown = static_cast<std::string*>(data->UserData);
        grown->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = grown->data();
    }
    return 0;
}

// Debian's ImGui keeps the text being edited as 16-bit characters: one
// beyond U+FFFF (most emoji) would come back from a field as U+FFFD, and a
// name with an emoji would lose it just by being clicked. While a field shows
// text, each such character stands in as a private-use character below Font
// Awesome's (U+E000 up), the same one for the same character all along, and
// is swapped back when the field hands the text over.
constexpr char32_t firstStandIn = 0xE000;
constexpr std::size_t maxStandIns = 0x1000;

std::vector<char32_t>& standIns() {
    static std::vector<char32_t> characters; // stand-in firstStandIn + i is characters[i]
    return characters;
}

// Calls `each` with every code point of valid UTF-8 `text` and its bytes.
template <class F> void forEachCodePoint(std::string_view text, F&& each) {
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t code = length == 1 ? lead : lead & (0xFF >> (length + 1));
        for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
            code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        each(code, text.substr(i, length));
        i += length;
    }
}

std::string withStandIns(std::string_view text) {
    if (std::none_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0xF0; }))
        return std::string(text);
    std::string out;
    forEachCodePoint(text, [&](char32_t code, std::string_view bytes) {
        if (code <= 0xFFFF) {
            out += bytes;
            return;
        }
        auto& known = standIns();
        auto found = std::find(known.begin(), known.end(), code);
        if (found == known.end() && known.size() < maxStandIns)
            found = known.insert(known.end(), code);
        out += found == known.end()
                   ? std::string("\xEF\xBF\xBD")
                   : utf8FromCodepoint(firstStandIn + static_cast<char32_t>(found - known.begin()));
    });
    return out;
}

std::string withoutStandIns(std::string_view text) {
    const auto& known = standIns();
    if (known.empty()) return std::string(text);
    std::string out;
    forEachCodePoint(text, [&](char32_t code, std::string_view bytes) {
        const bool standIn = code >= firstStandIn && code < firstStandIn + known.size();
        out += standIn ? utf8FromCodepoint(known[code - firstStandIn]) : std::string(bytes);
    });
    return out;
}

} // namespace

bool inputText(const char* label, std::string& text, const char* hint, ImGuiInputTextFlags flags) {
    std::string edited = withStandIns(text);
    const bool changed =
        ImGui::InputTextWithHint(label, hint, edited.data(), edited.capacity() + 1,
                                 flags | ImGuiInputTextFlags_CallbackResize, growString, &edited);
    // With EnterReturnsTrue `changed` means Enter; the typing is kept all the same.
    if (changed || ImGui::IsItemEdited()) text = withoutStandIns(edited);
    return changed;
}

bool inputTextMultiline(const char* label, std::string& text, ImVec2 size,
                        ImGuiInputTextFlags flags) {
    std::string edited = withStandIns(text);
    const bool changed =
        ImGui::InputTextMultiline(label, edited.data(), edited.capacity() + 1, size,
                                  flags | ImGuiInputTextFlags_CallbackResize, growString, &edited);
    if (changed || ImGui::IsItemEdited()) text = withoutStandIns(edited);
    return changed;
}

std::string thousands(std::int64_t value) {
    // Appended digit by digit: inserting the commas trips GCC 12's -Wrestrict
    // false positive at -O3.
    const std::string digits = std::to_string(value < 0 ? -value : value);
    std::string grouped = value < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

ImVec4 colourFromRgb(std::uint32_t rgb) {
    return ImVec4(static_cast<float>((rgb >> 16) & 0xff) / 255.0f,
                  static_cast<float>((rgb >> 8) & 0xff) / 255.0f,
                  static_cast<float>(rgb & 0xff) / 255.0f, 1.0f);
}

} // namespace kindling::ui
