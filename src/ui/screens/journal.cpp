// The Journal: every log the couple kept, newest first, with who, the day, how
// much and the note. Filters narrow it; a log can be edited or deleted, and
// the undo button brings it back. Ten years of logs stay fast: the filtered
// list is built once per change (JournalState), and only the rows on screen are
// drawn (ImGuiListClipper).
#include "app/session.hpp"
#include "core/icons.hpp"
#include "ui/charts.hpp"
#include "ui/item_locator.hpp"
#include "ui/screens/form_widgets.hpp"
#include "ui/screens/screen_title.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kindling::ui {

namespace {

bool matches(const JournalFilter& filter, const Log& log) {
    if (!filter.ritualId.empty() && log.ritualId != filter.ritualId) return false;
    if (filter.from && log.day < *filter.from) return false;
    if (filter.to && log.day > *filter.to) return false;
    switch (filter.who) {
    case JournalWho::Everyone:
        return true;
    case JournalWho::Partner1:
        return log.who != Who::Partner2;
    case JournalWho::Partner2:
        return log.who != Who::Partner1;
    case JournalWho::Together:
        return log.who == Who::Both;
    }
    return true;
}

const std::vector<std::uint32_t>& currentRows(JournalState& view, const Session& session) {
    return view.rows.get(session, view.filter, [&] {
        // Newest day first; within a day, the latest logged first. The keys
        // are sorted apart from the logs, so ninety thousand sort in a few ms.
        struct Key {
            Day day;
            std::int64_t loggedAt;
            std::uint32_t index;
        };
        const std::vector<Log>& logs = session.history().logs;
        std::vector<Key> keys;
        keys.reserve(logs.size());
        for (std::size_t i = 0; i < logs.size(); ++i)
            if (matches(view.filter, logs[i]))
                keys.push_back({logs[i].day, logs[i].loggedAt, static_cast<std::uint32_t>(i)});
        std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
            if (a.day != b.day) return a.day > b.day;
            if (a.loggedAt != b.loggedAt) return a.loggedAt > b.loggedAt;
            return a.index > b.index;
        });
        std::vector<std::uint32_t> rows(keys.size());
        std::transform(keys.begin(), keys.end(), rows.begin(),
                       [](const Key& key) { return key.index; });
        return rows;
    });
}

std::string whoLabel(Who who, const Ritual* ritual, const Couple& couple) {
    switch (who) {
    case Who::Partner1:
        return couple.partners[0].name;
    case Who::Partner2:
        return couple.partners[1].name;
    case Who::Both:
        break;
    }
    return ritual != nullptr && ritual->mode == RitualMode::Each ? "Both of you" : "Together";
}

std::string amountText(double amount, const std::string& unit) {
    return fmt::format("{:g} {}", amount, unit);
}

// A small borderless icon button with a tooltip.
bool iconButton(const char* icon, const char* tooltip, const Palette& p, float size) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    const bool pressed = ImGui::Button(icon, ImVec2(size, size));
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
    return pressed;
}

// A row of pills of which one is chosen; returns the index clicked, or -1.
int choicePills(const std::vector<std::string>& labels, const std::vector<ImVec4>& colours,
                int chosen, float pillWidth, const std::string& keyPrefix,
                const std::vector<std::string>& keys) {
    int clicked = -1;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, gap);
        ImGui::PushID(static_cast<int>(i));
        const std::string shown =
            elideToWidth(labels[i], pillWidth - 2 * ImGui::GetStyle().FramePadding.x);
        if (pillButton(shown.c_str(), colours[i], static_cast<int>(i) == chosen,
                       ImVec2(pillWidth, ImGui::GetFrameHeight())))
            clicked = static_cast<int>(i);
        if (shown != labels[i] && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", labels[i].c_str());
        locateLastItem(keyPrefix + keys[i]);
        ImGui::PopID();
    }
    return clicked;
}

// ---- Header and filters -----------------------------------------------------

// The muted line above the title: how many logs there are, and how many show.
std::string countLine(std::size_t shown, std::size_t total) {
    if (total == 0) return "Every moment you log, kept";
    if (shown == total)
        return fmt::format("{} {} logged", thousands(total), total == 1 ? "moment" : "moments");
    return fmt::format("{} of {} moments", thousands(shown), thousands(total));
}

void drawRitualChooser(UiState& state, JournalState& view, float comboWidth) {
    const History& history = state.session->history();
    const Ritual* chosen =
        view.filter.ritualId.empty() ? nullptr : history.findRitual(view.filter.ritualId);
    const float textRoom =
        comboWidth - ImGui::GetFrameHeight() - 2 * ImGui::GetStyle().FramePadding.x;
    const std::string preview = elideToWidth(chosen ? chosen->name : "All rituals", textRoom);
    ImGui::SetNextItemWidth(comboWidth);
    const bool open = ImGui::BeginCombo("##journal-ritual", preview.c_str());
    locateLastItem("journal/filter/ritual");
    if (!open) {
        if (chosen && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", chosen->name.c_str());
        return;
    }
    const float itemRoom = comboWidth - 2 * ImGui::GetStyle().FramePadding.x;
    if (ImGui::Selectable("All rituals", chosen == nullptr)) view.filter.ritualId.clear();
    locateLastItem("journal/filter/ritual/all");
    // Active rituals first, then the archived ones: their history is here too.
    for (const bool archived : {false, true})
        for (const Ritual& ritual : history.rituals) {
            if (ritual.archived != archived) continue;
            ImGui::PushID(ritual.id.c_str());
            const std::string name = archived ? ritual.name + " (archived)" : ritual.name;
            const std::string shown = elideToWidth(name, itemRoom);
            if (ImGui::Selectable(shown.c_str(), chosen == &ritual))
                view.filter.ritualId = ritual.id;
            if (shown != name && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name.c_str());
            locateLastItem("journal/filter/ritual/" + ritual.name);
            ImGui::PopID();
        }
    ImGui::EndCombo();
}

// A date field of the filter: an empty field is no bound; text that is not a
// date is no bound either, and says so.
bool dateField(const char* id, const char* hint, std::string& text, std::optional<Day>& bound,
               float width, const std::string& key) {
    ImGui::SetNextItemWidth(width);
    inputText(id, text, hint, ImGuiInputTextFlags_CharsNoBlank);
    locateLastItem(key);
    const std::optional<Day> parsed = parseDay(text);
    bound = parsed;
    return text.empty() || parsed.has_value();
}

void drawFilters(UiState& state, const Palette& p, JournalState& view, float width) {
    const float s = state.scale;
    const Couple& couple = state.session->history().couple;
    const Day today = state.session->asOf();
    const float inner = width - 2 * 18 * s;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    beginCard(p, width, s);

    // Ritual and who: the pills keep their words whole, the chooser takes the
    // rest, and in a narrow window the pills move to a line of their own.
    const float pillWidth =
        std::max(ImGui::CalcTextSize("Everyone").x, ImGui::CalcTextSize("Together").x) + 28 * s;
    const float pillsWidth = 4 * pillWidth + 3 * gap;
    const float room = inner - pillsWidth - 2 * gap;
    const bool oneLine = room >= 160 * s;
    const float comboWidth = oneLine ? std::min(240 * s, room) : std::min(240 * s, inner);
    drawRitualChooser(state, view, comboWidth);
    if (oneLine) ImGui::SameLine(0, 2 * gap);
    const int chosen =
        choicePills({"Everyone", couple.partners[0].name, couple.partners[1].name, "Together"},
                    {p.accent, colourFromRgb(couple.partners[0].colour),
                     colourFromRgb(couple.partners[1].colour), p.accent},
                    static_cast<int>(view.filter.who), pillWidth, "journal/filter/who/",
                    {"everyone", "1", "2", "together"});
    if (chosen >= 0) view.filter.who = static_cast<JournalWho>(chosen);

    // The date range, typed or from a preset.
    ImGui::Dummy(ImVec2(0, 2 * s));
    const float dateWidth = 130 * s;
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(p.textMuted, "From");
    ImGui::SameLine();
    const bool fromOk = dateField("##from", "YYYY-MM-DD", view.fromText, view.filter.from,
                                  dateWidth, "journal/filter/from");
    ImGui::SameLine();
    ImGui::TextColored(p.textMuted, "to");
    ImGui::SameLine();
    const bool toOk = dateField("##to", "YYYY-MM-DD", view.toText, view.filter.to, dateWidth,
                                "journal/filter/to");
    const auto preset = [&](const char* label, const char* key, std::optional<Day> from) {
        ImGui::SameLine(0, gap);
        if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(label).x + 4 * gap)
            ImGui::NewLine();
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
        if (ImGui::Button(label)) {
            view.fromText = from ? formatDay(*from) : std::string();
            view.toText.clear();
        }
        ImGui::PopStyleColor(2);
        locateLastItem(key);
    };
    preset("Last 30 days", "journal/filter/range/30", today - days{29});
    const std::chrono::year_month_day ymd(today);
    preset("This year", "journal/filter/range/year", Day(ymd.year() / std::chrono::January / 1));
    const bool filtered =
        !(view.filter == JournalFilter{}) || !view.fromText.empty() || !view.toText.empty();
    if (filtered) {
        ImGui::SameLine(0, gap);
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        if (ImGui::Button("Show everything")) {
            view.filter = {};
            view.fromText.clear();
            view.toText.clear();
        }
        ImGui::PopStyleColor(2);
        locateLastItem("journal/filter/clear");
    }
    if (!fromOk || !toOk)
        problemText(p, "Dates are written like " + formatDay(today) +
                           "; until then that field is left out.");
    else if (view.filter.from && view.filter.to && *view.filter.to < *view.filter.from)
        problemText(p, "The range ends before it starts: swap the two dates?");
    endCard();
}

// ---- The list -----------------------------------------------------------------

struct Layout {
    float width = 0;
    float rowHeight = 0;
    float padding = 0;
    float dateWidth = 0;
    float whoWidth = 0;
    float buttonSize = 0;
};

// What a click in the list asks for; done after the list is drawn, because a
// command changes the history the rows point into.
struct Request {
    enum class Kind { None, Edit, Delete, Save, Cancel } kind = Kind::None;
    std::string logId;
};

void drawIcon(const Palette& p, const Ritual* ritual, ImVec2 centre, float radius) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddCircleFilled(centre, radius, toU32(p.accentSoft));
    std::string glyph = ritual != nullptr ? iconUtf8(ritual->icon) : std::string();
    if (glyph.empty()) glyph = icons::heart;
    const ImVec2 size = ImGui::CalcTextSize(glyph.c_str());
    draw->AddText(ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f), toU32(p.accent),
                  glyph.c_str());
}

void drawRow(UiState& state, const Palette& p, const Layout& layout, const Log& log,
             bool firstOfDay, Request& request) {
    const float s = state.scale;
    const History& history = state.session->history();
    const Ritual* ritual = history.findRitual(log.ritualId);
    ImGui::PushID(log.id.c_str());
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    const float middle = start.y + layout.rowHeight * 0.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();

    // The day, on the first row of each day only: the rows under it belong to it.
    if (firstOfDay) {
        ImGui::SetCursorScreenPos(ImVec2(start.x, middle - line - 1 * s));
        const std::string withYear = shortDay(log.day, true);
        const std::string dayText = shortDay(log.day);
        ImGui::TextUnformatted(dayText.c_str());
        ImGui::SetCursorScreenPos(ImVec2(start.x, middle + 1 * s));
        ImGui::TextColored(p.textMuted, "%s", withYear.substr(dayText.size() + 1).c_str());
    }

    const float cardLeft = start.x + layout.dateWidth;
    const float cardWidth = layout.width - layout.dateWidth;
    draw->AddRectFilled(ImVec2(cardLeft, start.y),
                        ImVec2(cardLeft + cardWidth, start.y + layout.rowHeight), toU32(p.surface),
                        ImGui::GetStyle().ChildRounding);
    const float radius = 15 * s;
    drawIcon(p, ritual, ImVec2(cardLeft + layout.padding + radius, middle), radius);

    // Name, then amount and note.
    const float textLeft = cardLeft + layout.padding + 2 * radius + 12 * s;
    const float textRight =
        cardLeft + cardWidth - layout.padding - layout.whoWidth - 2 * layout.buttonSize - 12 * s;
    const float textWidth = std::max(40 * s, textRight - textLeft);
    std::string detail;
    if (log.amount) detail = amountText(*log.amount, ritual ? ritual->unit : std::string());
    if (!log.note.empty()) {
        std::string note = log.note;
        std::replace(note.begin(), note.end(), '\n', ' ');
        detail += (detail.empty() ? "" : "  \xC2\xB7  ") + note;
    }
    ImGui::SetCursorScreenPos(
        ImVec2(textLeft, detail.empty() ? middle - line * 0.5f : middle - line - 1 * s));
    elidedText(ritual ? ritual->name : "A ritual no longer here", textWidth);
    if (!detail.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(textLeft, middle + 1 * s));
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        elidedText(detail, textWidth);
        ImGui::PopStyleColor();
    }

    // Who: a dot in their colour (both colours for both of them) and the name.
    const Couple& couple = history.couple;
    const float whoLeft = textRight + 12 * s;
    const float dot = 5 * s;
    if (log.who == Who::Both) {
        draw->AddCircleFilled(ImVec2(whoLeft + dot, middle), dot,
                              toU32(colourFromRgb(couple.partners[0].colour)));
        draw->AddCircleFilled(ImVec2(whoLeft + 2.6f * dot, middle), dot,
                              toU32(colourFromRgb(couple.partners[1].colour)));
    } else {
        draw->AddCircleFilled(
            ImVec2(whoLeft + dot, middle), dot,
            toU32(colourFromRgb(couple.partners[log.who == Who::Partner1 ? 0 : 1].colour)));
    }
    ImGui::SetCursorScreenPos(ImVec2(whoLeft + 22 * s, middle - line * 0.5f));
    elidedText(whoLabel(log.who, ritual, couple), layout.whoWidth - 26 * s);

    // Edit and delete.
    ImGui::SetCursorScreenPos(
        ImVec2(cardLeft + cardWidth - layout.padding * 0.5f - 2 * layout.buttonSize,
               middle - layout.buttonSize * 0.5f));
    if (iconButton(icons::pencil, "Change the day, who, amount or note", p, layout.buttonSize))
        request = {Request::Kind::Edit, log.id};
    locateLastItem("journal/edit/" + log.id);
    ImGui::SameLine(0, 0);
    if (iconButton(icons::trash, "Delete this log (you can undo it)", p, layout.buttonSize))
        request = {Request::Kind::Delete, log.id};
    locateLastItem("journal/delete/" + log.id);

    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(layout.width, layout.rowHeight));
    ImGui::PopID();
}

void startEditing(JournalState& view, const Log& log, const Ritual* ritual) {
    view.editingId = log.id;
    view.dayText = formatDay(log.day);
    view.who = log.who;
    view.amount = log.amount.value_or(ritual && ritual->measure ? ritual->measure->target : 0.0);
    view.note = log.note;
    view.error.clear();
}

void drawEditor(UiState& state, const Palette& p, const Layout& layout, const Log& log,
                Request& request) {
    const float s = state.scale;
    JournalState& view = state.screens.journal;
    const History& history = state.session->history();
    const Ritual* ritual = history.findRitual(log.ritualId);
    const Couple& couple = history.couple;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float left = ImGui::GetCursorScreenPos().x;
    ImGui::SetCursorScreenPos(ImVec2(left + layout.dateWidth, ImGui::GetCursorScreenPos().y));
    const float width = layout.width - layout.dateWidth;
    const float inner = width - 2 * 18 * s;
    beginCard(p, width, s);
    ImGui::PushFont(state.fonts.heading);
    elidedText(ritual ? ritual->name : "A ritual no longer here", inner);
    ImGui::PopFont();

    const float labelWidth = 70 * s;
    const auto label = [&](const char* text) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(p.textMuted, "%s", text);
        ImGui::SameLine(labelWidth);
    };
    label("Day");
    ImGui::SetNextItemWidth(140 * s);
    inputText("##day", view.dayText, "YYYY-MM-DD",
              ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_AutoSelectAll);
    locateLastItem("journal/editor/day");

    label("Who");
    const float pillWidth = std::min(120 * s, (inner - labelWidth - 2 * gap) / 3);
    const int chosen = choicePills(
        {couple.partners[0].name, couple.partners[1].name, whoLabel(Who::Both, ritual, couple)},
        {colourFromRgb(couple.partners[0].colour), colourFromRgb(couple.partners[1].colour),
         p.accent},
        static_cast<int>(view.who), pillWidth, "journal/editor/who/", {"1", "2", "both"});
    if (chosen >= 0) view.who = static_cast<Who>(chosen);

    const bool measured = ritual != nullptr && ritual->measure;
    if (measured) {
        label("Amount");
        ImGui::SetNextItemWidth(140 * s);
        std::string format = "%g ";
        for (char c : ritual->unit)
            format += c == '%' ? std::string("%%") : std::string(1, c);
        ImGui::InputDouble("##amount", &view.amount, 0, 0, format.c_str());
        locateLastItem("journal/editor/amount");
    }

    label("Note");
    inputTextMultiline("##note", view.note,
                       ImVec2(inner - labelWidth, ImGui::GetTextLineHeight() * 3 +
                                                      2 * ImGui::GetStyle().FramePadding.y));
    locateLastItem("journal/editor/note");

    if (!view.error.empty()) problemText(p, view.error);
    ImGui::Dummy(ImVec2(0, 2 * s));
    if (pillButton("Save", p.accent, true, ImVec2(110 * s, ImGui::GetFrameHeight())))
        request = {Request::Kind::Save, log.id};
    locateLastItem("journal/editor/save");
    ImGui::SameLine(0, gap);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    if (ImGui::Button("Cancel", ImVec2(0, ImGui::GetFrameHeight())))
        request = {Request::Kind::Cancel, log.id};
    ImGui::PopStyleColor(2);
    locateLastItem("journal/editor/cancel");
    endCard();
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
}

void save(UiState& state, const Log& log) {
    JournalState& view = state.screens.journal;
    const Ritual* ritual = state.session->history().findRitual(log.ritualId);
    const std::optional<Day> day = parseDay(view.dayText);
    if (!day) {
        view.error = "Write the day like " + formatDay(state.session->asOf()) + ".";
        return;
    }
    LogEdit edit{*day, view.who, std::nullopt, view.note};
    if (ritual != nullptr && ritual->measure) edit.amount = view.amount;
    const std::string id = log.id; // `log` lives in the history the edit changes
    try {
        state.session->run(editLog, id, edit);
        view.editingId.clear();
        view.error.clear();
    } catch (const std::exception& e) {
        view.error = e.what();
    }
}

// Draws rows [from, to) of the list through a clipper: only those on screen.
void drawRows(UiState& state, const Palette& p, const Layout& layout,
              const std::vector<std::uint32_t>& rows, int from, int to, Request& request) {
    const std::vector<Log>& logs = state.session->history().logs;
    const float step = layout.rowHeight + ImGui::GetStyle().ItemSpacing.y;
    ImGuiListClipper clipper;
    clipper.Begin(to - from, step);
    while (clipper.Step())
        for (int i = from + clipper.DisplayStart; i < from + clipper.DisplayEnd; ++i) {
            const Log& log = logs[rows[static_cast<std::size_t>(i)]];
            const bool firstOfDay =
                i == 0 || logs[rows[static_cast<std::size_t>(i - 1)]].day != log.day;
            drawRow(state, p, layout, log, firstOfDay, request);
        }
    clipper.End();
}

void drawEmpty(UiState& state, const Palette& p, float width, bool filtered) {
    if (filtered)
        beginEmptyState(p, width, state.scale, icons::book, "Nothing matches these filters",
                        "Try another ritual, another partner or a wider range of days, or show "
                        "everything again.");
    else
        beginEmptyState(p, width, state.scale, icons::leaf, "Your journal is waiting",
                        "Every ritual you log lands here: the day, who did it, how much, and any "
                        "note you add. Log something on Today and it appears here.");
    endCard();
}

} // namespace

void drawJournalScreen(UiState& state) {
    if (state.session == nullptr) return;
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    const float width = ImGui::GetContentRegionAvail().x;
    Session& session = *state.session;
    JournalState& view = state.screens.journal;

    const std::vector<Log>& logs = session.history().logs;
    // Undo beside the title: a deleted log is one click away from coming back.
    drawScreenTitle(state, "Journal", countLine(currentRows(view, session).size(), logs.size()),
                    width, "journal/undo");
    ImGui::Dummy(ImVec2(0, 4 * s));
    showFailure(p, state.lastError);
    if (logs.empty()) {
        drawEmpty(state, p, width, false);
        return;
    }
    drawFilters(state, p, view, width);
    ImGui::Dummy(ImVec2(0, 6 * s));
    // The title's undo or the filter may have changed the rows since.
    const std::vector<std::uint32_t>& shown = currentRows(view, session);
    if (shown.empty()) {
        drawEmpty(state, p, width, true);
        return;
    }

    Layout layout;
    layout.width = width;
    layout.padding = 12 * s;
    layout.rowHeight = 2 * ImGui::GetTextLineHeight() + 2 * layout.padding;
    layout.dateWidth = std::min(110 * s, width * 0.16f);
    layout.whoWidth = std::min(150 * s, width * 0.2f);
    layout.buttonSize = ImGui::GetFrameHeight();

    // The log being edited is drawn as a form between two clipped runs of rows.
    int editing = -1;
    if (!view.editingId.empty()) {
        const auto found = std::find_if(shown.begin(), shown.end(), [&](std::uint32_t index) {
            return logs[index].id == view.editingId;
        });
        if (found != shown.end())
            editing = static_cast<int>(found - shown.begin());
        else
            view.editingId.clear(); // gone (undone, filtered out)
    }
    Request request;
    const int count = static_cast<int>(shown.size());
    if (editing < 0) {
        drawRows(state, p, layout, shown, 0, count, request);
    } else {
        drawRows(state, p, layout, shown, 0, editing, request);
        drawEditor(state, p, layout, logs[shown[static_cast<std::size_t>(editing)]], request);
        drawRows(state, p, layout, shown, editing + 1, count, request);
    }

    // The commands run after the rows, which point into the history they change.
    switch (request.kind) {
    case Request::Kind::None:
        break;
    case Request::Kind::Edit: {
        const auto found = std::find_if(logs.begin(), logs.end(),
                                        [&](const Log& log) { return log.id == request.logId; });
        if (found != logs.end())
            startEditing(view, *found, session.history().findRitual(found->ritualId));
        break;
    }
    case Request::Kind::Delete:
        if (view.editingId == request.logId) view.editingId.clear();
        attempt(state, [&] { session.run(deleteLog, request.logId); });
        break;
    case Request::Kind::Save:
        save(state, logs[shown[static_cast<std::size_t>(editing)]]);
        break;
    case Request::Kind::Cancel:
        view.editingId.clear();
        view.error.clear();
        break;
    }
}

} // namespace kindling::ui
