// The Rituals screen: the couple's own rituals (write a new one, edit, archive
// and restore, put them in order) and "Ideas to try" from the suggested
// catalog, one click to add. Every change goes through the session.
#include "app/content.hpp"
#include "app/session.hpp"
#include "core/icons.hpp"
#include "ui/item_locator.hpp"
#include "ui/ritual_text.hpp"
#include "ui/screens/form_widgets.hpp"
#include "ui/screens/screen_title.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>

namespace kindling::ui {

namespace {

// The steps of a practice from the catalog (the repair talk), numbered.
void guideSteps(const std::vector<std::string>& guide) {
    for (std::size_t i = 0; i < guide.size(); ++i)
        wrappedText(std::to_string(i + 1) + ".  " + guide[i]);
}

// The catalog's guide for a ritual added from it; empty for the couple's own.
const std::vector<std::string>& guideOf(const Ritual& ritual) {
    static const std::vector<std::string> none;
    if (ritual.catalogId.empty()) return none;
    for (const CatalogRitual& entry : shippedContent().catalog)
        if (entry.id == ritual.catalogId) return entry.guide;
    return none;
}

std::string glyphOf(const std::string& icon) {
    std::string glyph = iconUtf8(icon);
    return glyph.empty() ? std::string(icons::heart) : glyph;
}

// How often it is asked for: a rhythm, or (docs/scoring.md §3.7) never.
std::string rhythmOf(const Ritual& ritual, int weekStart) {
    if (ritual.whenItHelps) return "when it helps";
    if (ritual.area == Area::Touch) return "whenever it feels right";
    return scheduleText(ritual.frequency, ritual.weekdays, weekStart);
}

std::string summaryOf(const Ritual& ritual, int weekStart) {
    std::string text = rhythmOf(ritual, weekStart);
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    text += "  \xC2\xB7  " + modeText(ritual.mode);
    if (ritual.measure) text += "  \xC2\xB7  " + measureText(*ritual.measure, ritual.unit);
    text += "  \xC2\xB7  " + areaLabel(ritual.area);
    return text;
}

// ---- The form ---------------------------------------------------------------

void openForm(UiState& state, const Ritual* ritual) {
    RitualForm form;
    form.open = true;
    form.takeFocus = true;
    if (ritual != nullptr) {
        form.ritualId = ritual->id;
        form.draft = draftOf(*ritual);
        if (ritual->weekdays) {
            form.onWeekdays = true;
            form.weekdays = *ritual->weekdays;
        }
        if (ritual->measure) {
            form.measured = true;
            form.measure = *ritual->measure;
        }
    } else {
        form.draft.unit = "minutes";
    }
    state.screens.rituals.form = std::move(form);
    state.screens.rituals.notice.clear();
}

struct Preset {
    const char* label;
    Frequency frequency;
};
constexpr std::array presets{Preset{"Daily", {1, 1}}, Preset{"Most days", {5, 7}},
                             Preset{"3 times a week", {3, 7}}, Preset{"Once a week", {1, 7}},
                             Preset{"Once a month", {1, 30}}};

void drawIconPicker(UiState& state, const Palette& p, RitualForm& form, float inner) {
    const float s = state.scale;
    const float size = 34 * s;
    const float gap = 6 * s;
    const int perRow = std::max(1, static_cast<int>((inner + gap) / (size + gap)));
    int column = 0;
    for (const IconGlyph& icon : iconGlyphs) {
        const std::string name(icon.name);
        const bool chosen = form.draft.icon == name;
        if (column > 0) ImGui::SameLine(0, gap);
        ImGui::PushID(name.c_str());
        const std::string glyph = utf8FromCodepoint(icon.codepoint);
        if (pillButton(glyph.c_str(), p.accent, chosen, ImVec2(size, size))) form.draft.icon = name;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name.c_str());
        locateLastItem("rituals/form/icon/" + name);
        ImGui::PopID();
        column = (column + 1) % perRow;
    }
}

void drawSchedule(UiState& state, const Palette& p, RitualForm& form, float inner) {
    const float s = state.scale;
    Flow flow(inner, s);
    bool& whenItHelps = form.draft.whenItHelps;
    if (flow.pill(p, "A number of times", !form.onWeekdays && !whenItHelps)) {
        form.onWeekdays = false;
        whenItHelps = false;
    }
    locateLastItem("rituals/form/by-count");
    if (flow.pill(p, "On certain days", form.onWeekdays && !whenItHelps)) {
        form.onWeekdays = true;
        whenItHelps = false;
    }
    locateLastItem("rituals/form/on-days");
    if (flow.pill(p, "When it helps", whenItHelps)) whenItHelps = true;
    locateLastItem("rituals/form/when-it-helps");
    ImGui::Dummy(ImVec2(0, 2 * s));

    if (whenItHelps) {
        wrappedTextColored(p.textMuted, "No schedule: it is never due and keeps no streak. It is "
                                        "there for when you need it, like a repair talk.");
        return;
    }
    if (form.draft.area == Area::Touch)
        wrappedTextColored(p.textMuted, "Touch is never due and keeps no streak, whatever you "
                                        "choose here: it is there whenever it feels right.");

    const int weekStart = state.session->history().settings.weekStart;
    if (form.onWeekdays) {
        Flow days(inner, s);
        for (int i = 0; i < 7; ++i) {
            const auto day = static_cast<std::size_t>((weekStart + i) % 7);
            const char* name = weekdayShortName(static_cast<int>(day));
            if (days.pill(p, name, form.weekdays[day], 64 * s))
                form.weekdays[day] = !form.weekdays[day];
            locateLastItem(std::string("rituals/form/day/") + name);
        }
        return;
    }
    Frequency& f = form.draft.frequency;
    Flow choices(inner, s);
    for (const Preset& preset : presets) {
        const Frequency shown = normalizedFrequency(f);
        const bool chosen =
            f.perDays == preset.frequency.perDays && shown.times == preset.frequency.times;
        if (choices.pill(p, preset.label, chosen)) f = preset.frequency;
        locateLastItem(std::string("rituals/form/preset/") + preset.label);
    }
    // Any other rhythm: N times in D days.
    const float field = 64 * s;
    ImGui::SetNextItemWidth(field);
    if (ImGui::InputInt("##times", &f.times, 0, 0)) f.times = std::clamp(f.times, 1, maxPerDays);
    locateLastItem("rituals/form/times");
    ImGui::SameLine();
    ImGui::TextUnformatted(f.times == 1 ? "time in" : "times in");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    if (ImGui::InputInt("##days", &f.perDays, 0, 0))
        f.perDays = std::clamp(f.perDays, 1, maxPerDays);
    locateLastItem("rituals/form/days");
    ImGui::SameLine();
    ImGui::TextUnformatted(f.perDays == 1 ? "day" : "days");
    if (f.times <= f.perDays) {
        ImGui::SameLine();
        ImGui::TextColored(p.textMuted, "(%s)", scheduleText(f, std::nullopt, weekStart).c_str());
    }
}

void saveForm(UiState& state) {
    Session& session = *state.session;
    RitualForm& form = state.screens.rituals.form;
    RitualDraft draft = form.draft;
    draft.weekdays = form.onWeekdays && !draft.whenItHelps ? std::optional<Weekdays>(form.weekdays)
                                                           : std::nullopt;
    draft.measure = form.measured ? std::optional<Measure>(form.measure) : std::nullopt;
    if (!form.measured) draft.unit.clear();
    const bool created = form.ritualId.empty();
    std::string name;
    const bool saved = attemptIn(form.error, [&] {
        if (created) {
            name = addedRitual(session.run(addRitual, draft)).name;
        } else {
            session.run(editRitual, form.ritualId, draft);
            name = session.history().findRitual(form.ritualId)->name;
        }
    });
    if (!saved) return;
    form = RitualForm{};
    state.screens.rituals.notice =
        created ? "\xE2\x80\x9C" + name + "\xE2\x80\x9D is one of your rituals now."
                : "\xE2\x80\x9C" + name + "\xE2\x80\x9D is saved.";
}

void drawForm(UiState& state, const Palette& p, float width) {
    const float s = state.scale;
    RitualForm& form = state.screens.rituals.form;
    const float inner = cardInnerWidth(width, s);
    // A form that just opened comes into view (an edit far down the list).
    if (form.takeFocus) ImGui::SetScrollHereY(0.0f);
    beginCard(p, width, s);
    ImGui::PushFont(state.fonts.heading);
    elidedText(form.ritualId.empty() ? "A new ritual"
                                     : "Editing \xE2\x80\x9C" + form.draft.name + "\xE2\x80\x9D",
               inner);
    ImGui::PopFont();

    fieldLabel(p, "Name");
    ImGui::SetNextItemWidth(inner);
    if (form.takeFocus) {
        ImGui::SetKeyboardFocusHere();
        form.takeFocus = false;
    }
    inputText("##name", form.draft.name, "A hug before leaving");
    locateLastItem("rituals/form/name");

    fieldLabel(p, "Why it helps (a line for you both, optional)");
    ImGui::SetNextItemWidth(inner);
    inputText("##why", form.draft.why, "It starts the day together");
    locateLastItem("rituals/form/why");

    fieldLabel(p, "How often");
    drawSchedule(state, p, form, inner);

    fieldLabel(p, "Who does it");
    Flow modes(inner, s);
    modes.choice(p, "Together", form.draft.mode, RitualMode::Together,
                 "rituals/form/mode/together");
    modes.choice(p, "Each of you", form.draft.mode, RitualMode::Each, "rituals/form/mode/each");
    wrappedTextColored(p.textMuted, form.draft.mode == RitualMode::Together
                                        ? "One log counts for you both: a walk, a coffee, a hug."
                                        : "Each of you logs it for the other; it is kept on the "
                                          "days you both did it.");

    fieldLabel(p, "An amount (optional)");
    ImGui::Checkbox("Keep track of how much: minutes, pages, cups\xE2\x80\xA6", &form.measured);
    locateLastItem("rituals/form/measured");
    if (form.measured) {
        Flow kinds(inner, s);
        kinds.choice(p, "At least", form.measure.kind, MeasureKind::AtLeast,
                     "rituals/form/at-least");
        kinds.choice(p, "At most", form.measure.kind, MeasureKind::AtMost, "rituals/form/at-most");
        ImGui::SameLine(0, 16 * s);
        ImGui::SetNextItemWidth(80 * s);
        ImGui::InputDouble("##target", &form.measure.target, 0, 0, "%g");
        locateLastItem("rituals/form/target");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(std::min(160 * s, inner * 0.3f));
        inputText("##unit", form.draft.unit, "minutes");
        locateLastItem("rituals/form/unit");
        if (form.measure.kind == MeasureKind::AtMost)
            wrappedTextColored(p.textMuted,
                               "For things you want less of, like late-night scrolling. "
                               "A day above it is still a day you showed up.");
    }

    fieldLabel(p, "Area");
    Flow areas(inner, s);
    for (Area area : allAreas) {
        areas.choice(p, areaLabel(area).c_str(), form.draft.area, area,
                     "rituals/form/area/" + std::string(nameOf(area)));
    }

    fieldLabel(p, "Icon");
    drawIconPicker(state, p, form, inner);

    if (!form.ritualId.empty()) {
        ImGui::Dummy(ImVec2(0, 4 * s));
        wrappedTextColored(p.textMuted, "Its history stays. Streaks and strength are counted "
                                        "again from every log under the new rhythm.");
    }
    formError(p, form.error);
    ImGui::Dummy(ImVec2(0, 6 * s));
    const char* save = form.ritualId.empty() ? "Add ritual" : "Save";
    if (pillButton(save, p.accent, true, pillSize(save, s))) saveForm(state);
    locateLastItem("rituals/form/save");
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(0, ImGui::GetFrameHeight()))) form = RitualForm{};
    locateLastItem("rituals/form/cancel");
    endCard();
}

// ---- The lists --------------------------------------------------------------

// A ritual's row: its icon, name and summary, and the actions on the right.
// `active`: the active rituals in order, to move this one among them.
void drawRitualRow(UiState& state, const Palette& p, const Ritual& ritual, float width,
                   const std::vector<const Ritual*>& active, AfterRows& after) {
    Session& session = *state.session;
    const float s = state.scale;
    const int weekStart = session.history().settings.weekStart;
    ImGui::PushID(ritual.id.c_str());

    const float buttonHeight = ImGui::GetFrameHeight();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float arrow = buttonHeight;
    const float editWidth = pillSize(icons::pencil + std::string("  Edit"), s).x;
    const float archiveWidth = pillSize(ritual.archived ? std::string(icons::undo) + "  Restore"
                                                        : std::string(icons::archive) + "  Archive",
                                        s)
                                   .x;
    const float rightBlock =
        ritual.archived ? archiveWidth : 2 * arrow + editWidth + archiveWidth + 3 * gap;

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float padding = 14 * s;
    const float rowHeight =
        std::max(buttonHeight, ImGui::GetTextLineHeight() * 2 + 4 * s) + 2 * padding;
    draw->AddRectFilled(start, ImVec2(start.x + width, start.y + rowHeight),
                        toU32(p.surface, ritual.archived ? 0.6f : 1.0f),
                        ImGui::GetStyle().ChildRounding);
    const float iconRadius = 18 * s;
    const ImVec2 iconCentre(start.x + padding + iconRadius, start.y + rowHeight * 0.5f);
    draw->AddCircleFilled(iconCentre, iconRadius, toU32(p.accentSoft));
    const std::string glyph = glyphOf(ritual.icon);
    const ImVec2 glyphSize = ImGui::CalcTextSize(glyph.c_str());
    draw->AddText(ImVec2(iconCentre.x - glyphSize.x * 0.5f, iconCentre.y - glyphSize.y * 0.5f),
                  toU32(ritual.archived ? p.textMuted : p.accent), glyph.c_str());

    const float textLeft = padding + 2 * iconRadius + 12 * s;
    const float textWidth = std::max(40.0f, width - textLeft - rightBlock - 2 * padding);
    ImGui::SetCursorScreenPos(ImVec2(start.x + textLeft, start.y + rowHeight * 0.5f -
                                                             ImGui::GetTextLineHeight() - 2 * s));
    elidedText(ritual.name, textWidth);
    ImGui::SetCursorScreenPos(ImVec2(start.x + textLeft, start.y + rowHeight * 0.5f + 2 * s));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    elidedText(summaryOf(ritual, weekStart), textWidth);
    ImGui::PopStyleColor();
    const std::vector<std::string>& guide = guideOf(ritual);
    if ((!ritual.why.empty() || !guide.empty()) &&
        ImGui::IsMouseHoveringRect(ImVec2(start.x + textLeft, start.y),
                                   ImVec2(start.x + textLeft + textWidth, start.y + rowHeight)) &&
        ImGui::IsWindowHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
        if (!ritual.why.empty()) ImGui::TextWrapped("%s", ritual.why.c_str());
        guideSteps(guide);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }

    ImGui::SetCursorScreenPos(ImVec2(start.x + width - padding - rightBlock,
                                     start.y + (rowHeight - buttonHeight) * 0.5f));
    if (ritual.archived) {
        const std::string label = std::string(icons::undo) + "  Restore";
        if (pillButton(label.c_str(), p.accent, false, ImVec2(archiveWidth, buttonHeight)))
            after.ask([&state, id = ritual.id, name = ritual.name] {
                state.session->run(setRitualArchived, id, false);
                state.screens.rituals.notice =
                    "\xE2\x80\x9C" + name + "\xE2\x80\x9D is back on Today.";
            });
        locateLastItem("rituals/restore/" + ritual.name);
        ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + rowHeight));
        ImGui::Dummy(ImVec2(width, 0));
        ImGui::PopID();
        return;
    }

    // Up and down among the active rituals; archived ones keep their place.
    const auto at = std::find(active.begin(), active.end(), &ritual) - active.begin();
    auto move = [&](std::ptrdiff_t to) {
        std::vector<std::string> order;
        for (const Ritual& r : session.history().rituals)
            order.push_back(r.id);
        const auto from = std::find(order.begin(), order.end(), ritual.id);
        const auto other =
            std::find(order.begin(), order.end(), active[static_cast<std::size_t>(to)]->id);
        std::iter_swap(from, other);
        after.ask([&state, order] {
            state.session->run(reorderRituals, order);
            state.screens.rituals.notice.clear();
        });
    };
    ImGui::BeginDisabled(at == 0);
    if (ImGui::Button(icons::chevronUp, ImVec2(arrow, buttonHeight))) move(at - 1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Move up");
    locateLastItem("rituals/up/" + ritual.name);
    ImGui::EndDisabled();
    ImGui::SameLine(0, gap);
    ImGui::BeginDisabled(at + 1 >= static_cast<std::ptrdiff_t>(active.size()));
    if (ImGui::Button(icons::chevronDown, ImVec2(arrow, buttonHeight))) move(at + 1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Move down");
    locateLastItem("rituals/down/" + ritual.name);
    ImGui::EndDisabled();
    ImGui::SameLine(0, gap);
    const std::string edit = std::string(icons::pencil) + "  Edit";
    if (pillButton(edit.c_str(), p.accent, false, ImVec2(editWidth, buttonHeight)))
        openForm(state, &ritual);
    locateLastItem("rituals/edit/" + ritual.name);
    ImGui::SameLine(0, gap);
    const std::string archive = std::string(icons::archive) + "  Archive";
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    if (ImGui::Button(archive.c_str(), ImVec2(archiveWidth, buttonHeight)))
        after.ask([&state, id = ritual.id, name = ritual.name] {
            state.session->run(setRitualArchived, id, true);
            state.screens.rituals.notice =
                "\xE2\x80\x9C" + name +
                "\xE2\x80\x9D is archived. Its history stays, and you can "
                "bring it back any time.";
        });
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Rest it for now: it leaves Today, and its history stays.");
    locateLastItem("rituals/archive/" + ritual.name);

    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + rowHeight));
    ImGui::Dummy(ImVec2(width, 0));
    ImGui::PopID();
}

void drawIdea(UiState& state, const Palette& p, const CatalogRitual& idea, float width,
              AfterRows& after) {
    Session& session = *state.session;
    const float s = state.scale;
    const float inner = cardInnerWidth(width, s);
    ImGui::PushID(idea.id.c_str());
    beginCard(p, width, s);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float iconRadius = 16 * s;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 centre(top.x + iconRadius, top.y + iconRadius);
    draw->AddCircleFilled(centre, iconRadius, toU32(p.accentSoft));
    const std::string glyph = glyphOf(idea.icon);
    const ImVec2 glyphSize = ImGui::CalcTextSize(glyph.c_str());
    draw->AddText(ImVec2(centre.x - glyphSize.x * 0.5f, centre.y - glyphSize.y * 0.5f),
                  toU32(p.accent), glyph.c_str());

    const std::string add = std::string(icons::plus) + "  Add";
    const ImVec2 addSize = pillSize(add, s);
    const float textLeft = 2 * iconRadius + 12 * s;
    const float textWidth = inner - textLeft - addSize.x - 12 * s;
    ImGui::SetCursorScreenPos(ImVec2(top.x + textLeft, top.y));
    ImGui::BeginGroup();
    elidedText(idea.name, textWidth);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + textWidth);
    wrappedTextColored(p.textMuted, idea.why);
    guideSteps(idea.guide);
    ImGui::PopTextWrapPos();
    std::optional<Weekdays> noWeekdays;
    std::string rhythm = idea.whenItHelps ? std::string("when it helps")
                         : idea.area == "touch"
                             ? std::string("whenever it feels right")
                             : scheduleText({idea.times, idea.perDays}, noWeekdays,
                                            session.history().settings.weekStart);
    rhythm += ", " + modeText(fromName<RitualMode>(idea.mode).value_or(RitualMode::Together));
    if (idea.measure)
        rhythm += ", " + measureText({idea.measure->kind == "atMost" ? MeasureKind::AtMost
                                                                     : MeasureKind::AtLeast,
                                      idea.measure->target},
                                     idea.measure->unit);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    elidedText(rhythm, textWidth);
    ImGui::PopStyleColor();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y;

    ImGui::SetCursorScreenPos(ImVec2(top.x + inner - addSize.x, top.y));
    if (pillButton(add.c_str(), p.accent, false, addSize))
        after.ask([&state, id = idea.id] {
            const Ritual added =
                addedRitual(state.session->run(addRitualFromCatalog, shippedContent().catalog, id));
            state.screens.rituals.notice =
                "\xE2\x80\x9C" + added.name +
                "\xE2\x80\x9D is one of your rituals now. Change anything "
                "about it with Edit.";
        });
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Add it as it is; you can change it afterwards.");
    locateLastItem("rituals/idea/" + idea.id);
    ImGui::SetCursorScreenPos(ImVec2(top.x, std::max(bottom, top.y + 2 * iconRadius)));
    ImGui::Dummy(ImVec2(0, 0));
    endCard();
    ImGui::PopID();
}

void sectionTitle(UiState& state, const Palette& p, const char* icon, const char* title,
                  const std::string& note) {
    ImGui::Dummy(ImVec2(0, 10 * state.scale));
    ImGui::TextColored(p.accent, "%s", icon);
    ImGui::SameLine();
    ImGui::PushFont(state.fonts.heading);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    if (!note.empty()) wrappedTextColored(p.textMuted, note);
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
}

} // namespace

void drawRitualsScreen(UiState& state) {
    if (state.session == nullptr) return;
    Session& session = *state.session;
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    const float width = ImGui::GetContentRegionAvail().x;
    const History& history = session.history();

    const auto archivedCount =
        static_cast<std::size_t>(std::count_if(history.rituals.begin(), history.rituals.end(),
                                               [](const Ritual& r) { return r.archived; }));
    const std::size_t keptCount = history.rituals.size() - archivedCount;
    std::string line = keptCount == 0   ? std::string("Nothing here yet")
                       : keptCount == 1 ? std::string("1 ritual you keep")
                                        : fmt::format("{} rituals you keep", keptCount);
    if (archivedCount > 0)
        line += fmt::format("  \xC2\xB7  {} resting in the archive", archivedCount);
    if (drawScreenTitle(state, "Rituals", line, width, std::string(icons::plus) + "  New ritual",
                        "rituals/new"))
        openForm(state, nullptr);
    drawScreenIntro(state,
                    "The small things you do for each other. Change them whenever life "
                    "changes: their history always stays.",
                    width);

    drawFeedback(state, p, state.screens.rituals.notice, "rituals/undo", width);

    RitualForm& form = state.screens.rituals.form;
    if (form.open && !form.ritualId.empty() && history.findRitual(form.ritualId) == nullptr)
        form = RitualForm{};
    if (form.open && form.ritualId.empty()) {
        drawForm(state, p, width);
        ImGui::Dummy(ImVec2(0, 6 * s));
    }

    // Adding, archiving or moving a ritual changes the history the rows are drawn from.
    AfterRows after;
    std::vector<const Ritual*> active, archived;
    for (const Ritual& ritual : history.rituals)
        (ritual.archived ? archived : active).push_back(&ritual);

    if (active.empty() && !(form.open && form.ritualId.empty())) {
        beginEmptyState(p, width, s, icons::leaf, "No rituals yet",
                        "Start with one small thing you both enjoy. Pick an idea "
                        "below, or write your own with \xE2\x80\x9CNew ritual\xE2\x80\x9D.");
        endCard();
    }
    for (const Ritual* ritual : active) {
        if (form.open && form.ritualId == ritual->id)
            drawForm(state, p, width);
        else
            drawRitualRow(state, p, *ritual, width, active, after);
    }

    if (!archived.empty()) {
        ImGui::Dummy(ImVec2(0, 2 * s));
        disclosure(p, fmt::format("Archived ({})", archived.size()),
                   state.screens.rituals.showArchived);
        locateLastItem("rituals/archived");
        if (state.screens.rituals.showArchived)
            for (const Ritual* ritual : archived)
                drawRitualRow(state, p, *ritual, width, active, after);
    }

    // Ideas to try: the catalog's suggestions the couple has not taken yet.
    const auto& catalog = shippedContent().catalog;
    std::vector<const CatalogRitual*> ideas;
    for (const CatalogRitual& idea : catalog) {
        const bool taken = std::any_of(history.rituals.begin(), history.rituals.end(),
                                       [&](const Ritual& r) { return r.catalogId == idea.id; });
        if (!taken) ideas.push_back(&idea);
    }
    sectionTitle(state, p, icons::lightbulb, "Ideas to try",
                 ideas.empty() ? "Every idea here is one of yours already. The best rituals are "
                                 "the ones you invent together."
                               : "Small rituals that help couples feel close. One click adds "
                                 "one; you can change it afterwards.");
    std::string group;
    for (const CatalogRitual* idea : ideas) {
        if (idea->group != group) {
            group = idea->group;
            ImGui::Dummy(ImVec2(0, 4 * s));
            ImGui::TextColored(p.textMuted, "%s", group.c_str());
        }
        drawIdea(state, p, *idea, width, after);
    }

    ImGui::Dummy(ImVec2(0, 12 * s));
    after.run(state);
}

} // namespace kindling::ui
