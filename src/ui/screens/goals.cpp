// The Goals screen: the couple's shared goals with their rings (set one, edit,
// archive, restore) and every goal they reached together, with its reward.
// The rows come from the session's progress, rebuilt when it changes.
#include "app/session.hpp"
#include "ui/charts.hpp"
#include "ui/item_locator.hpp"
#include "ui/ritual_text.hpp"
#include "ui/screens/form_widgets.hpp"
#include "ui/screens/screen_title.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kindling::ui {

namespace {

constexpr const char* openQuote = "\xE2\x80\x9C";
constexpr const char* closeQuote = "\xE2\x80\x9D";
constexpr const char* dash = " \xE2\x80\x93 ";

const Goal* findGoal(const History& history, const std::string& id) {
    for (const Goal& goal : history.goals)
        if (goal.id == id) return &goal;
    return nullptr;
}

GoalLists buildLists(const Session& session) {
    GoalLists view;
    const History& history = session.history();
    const std::vector<GoalProgress>& instances = session.progress().goals;
    for (const Goal& goal : history.goals) {
        GoalRow row;
        row.goalId = goal.id;
        if (const GoalProgress* current = currentGoalInstance(instances, goal.id, session.asOf()))
            row.current = *current;
        const bool repeating =
            goal.period == GoalPeriod::EveryWeek || goal.period == GoalPeriod::EveryMonth;
        row.ended = !repeating && row.current && row.current->end < session.asOf();
        (goal.archivedOn ? view.archived : view.active).push_back(std::move(row));
    }
    for (const GoalProgress& instance : instances) {
        if (!instance.completedOn) continue;
        for (GoalRow& row : view.active)
            row.timesReached += row.goalId == instance.goalId;
        for (GoalRow& row : view.archived)
            row.timesReached += row.goalId == instance.goalId;
        const Goal* goal = findGoal(history, instance.goalId);
        view.reached.push_back({instance.goalId, instance.title,
                                goal != nullptr ? goal->reward : std::string(), instance.start,
                                instance.end, *instance.completedOn});
    }
    std::stable_sort(
        view.reached.begin(), view.reached.end(),
        [](const ReachedGoal& a, const ReachedGoal& b) { return a.completedOn > b.completedOn; });
    return view;
}

// "23 – 29 Nov", "30 Nov – 6 Dec", "20 Dec 2026 – 3 Jan 2027".
std::string spanText(Day from, Day to) {
    const std::chrono::year_month_day a(from), b(to);
    const std::string last = shortDay(to, true).substr(4);
    if (a.year() != b.year()) return shortDay(from, true).substr(4) + dash + last;
    if (a.month() != b.month()) return shortDay(from).substr(4) + dash + last;
    return fmt::format("{}{}{}", static_cast<unsigned>(a.day()), dash, last);
}

std::string scopeText(const Goal& goal, const History& history) {
    switch (goal.scope) {
    case GoalScope::Ritual: {
        const Ritual* ritual = history.findRitual(goal.ritualId);
        return ritual != nullptr ? openQuote + ritual->name + closeQuote : "one ritual";
    }
    case GoalScope::Area:
        return areaLabel(goal.area) + " rituals";
    case GoalScope::Any:
        break;
    }
    return "Any ritual";
}

std::string periodText(const Goal& goal, const std::optional<GoalProgress>& current) {
    switch (goal.period) {
    case GoalPeriod::EveryWeek:
        return "every week";
    case GoalPeriod::EveryMonth:
        return "every month";
    case GoalPeriod::Week:
    case GoalPeriod::Month:
    case GoalPeriod::Custom:
        break;
    }
    return current ? spanText(current->start, current->end) : std::string();
}

// ---- The form ---------------------------------------------------------------

void openForm(UiState& state, const Goal* goal) {
    const Session& session = *state.session;
    GoalForm form;
    form.open = true;
    form.takeFocus = true;
    if (goal != nullptr) {
        form.goalId = goal->id;
        form.draft = draftOf(*goal, session.history());
    } else {
        form.draft.target = 5;
    }
    const Day from = form.draft.from.value_or(session.asOf());
    form.fromText = formatDay(from);
    form.toText = formatDay(form.draft.to.value_or(from + days{27}));
    state.screens.goals.form = std::move(form);
    state.screens.goals.notice.clear();
}

// The days a goal of `period` would count, as the form describes them.
std::string whenText(const GoalForm& form, const Session& session) {
    const History& history = session.history();
    const Goal* goal = findGoal(history, form.goalId);
    const GoalPeriod period = form.draft.period;
    const bool keeps = goal != nullptr && goal->period == period;
    const Day start = keeps ? goal->start : session.asOf();
    switch (period) {
    case GoalPeriod::Week: {
        const Day first = startOfWeek(start, history.settings.weekStart);
        return "Counts the week of " + spanText(first, first + days{6}) + ".";
    }
    case GoalPeriod::Month:
        return "Counts " + spanText(startOfMonth(start), endOfMonth(start)) + ".";
    case GoalPeriod::EveryWeek:
        return "A fresh start every week, with a ring for each.";
    case GoalPeriod::EveryMonth:
        return "A fresh start every month, with a ring for each.";
    case GoalPeriod::Custom:
        break;
    }
    return "Both days count.";
}

void saveForm(UiState& state) {
    Session& session = *state.session;
    GoalForm& form = state.screens.goals.form;
    GoalDraft draft = form.draft;
    if (draft.period == GoalPeriod::Custom) {
        draft.from = parseDay(form.fromText);
        draft.to = parseDay(form.toText);
        if (!draft.from || !draft.to) {
            form.error =
                "Write both days as year-month-day, like " + formatDay(session.asOf()) + ".";
            return;
        }
    }
    const bool created = form.goalId.empty();
    std::string title;
    const bool saved = attemptIn(form.error, [&] {
        if (created) {
            title = session.run(addGoal, draft).afters<Goal>().front().title;
        } else {
            session.run(editGoal, form.goalId, draft);
            title = findGoal(session.history(), form.goalId)->title;
        }
    });
    if (!saved) return;
    form = GoalForm{};
    const std::string quoted = openQuote + title + closeQuote;
    state.screens.goals.notice = created
                                     ? quoted + " is set. Every ritual you log brings it closer."
                                     : quoted + " is saved.";
}

void drawForm(UiState& state, const Palette& p, float width) {
    const float s = state.scale;
    Session& session = *state.session;
    const History& history = session.history();
    GoalForm& form = state.screens.goals.form;
    GoalDraft& draft = form.draft;
    const float inner = cardInnerWidth(width, s);
    if (form.takeFocus) ImGui::SetScrollHereY(0.0f);
    beginCard(p, width, s);
    ImGui::PushFont(state.fonts.heading);
    elidedText(form.goalId.empty() ? "A new goal"
                                   : "Editing " + std::string(openQuote) + draft.title + closeQuote,
               inner);
    ImGui::PopFont();

    fieldLabel(p, "Name it");
    ImGui::SetNextItemWidth(inner);
    if (form.takeFocus) {
        ImGui::SetKeyboardFocusHere();
        form.takeFocus = false;
    }
    inputText("##title", draft.title, "20 walks in December");
    locateLastItem("goals/form/title");

    fieldLabel(p, "What counts");
    Flow scopes(inner, s);
    scopes.choice(p, "Any ritual", draft.scope, GoalScope::Any, "goals/form/scope/any");
    scopes.choice(p, "One ritual", draft.scope, GoalScope::Ritual, "goals/form/scope/ritual");
    scopes.choice(p, "One area", draft.scope, GoalScope::Area, "goals/form/scope/area");
    if (draft.scope == GoalScope::Ritual) {
        ImGui::Dummy(ImVec2(0, 2 * s));
        Flow rituals(inner, s);
        bool any = false;
        for (const Ritual& ritual : history.rituals) {
            if (ritual.archived && ritual.name != draft.ritualName) continue;
            any = true;
            const std::string shown = elideToWidth(ritual.name, 220 * s);
            ImGui::PushID(ritual.id.c_str());
            if (rituals.pill(p, shown.c_str(), draft.ritualName == ritual.name))
                draft.ritualName = ritual.name;
            ImGui::PopID();
            locateLastItem("goals/form/ritual/" + ritual.name);
        }
        if (!any) wrappedTextColored(p.textMuted, "Add a ritual first, on the Rituals screen.");
        // Touch and "when it helps" rituals carry no target unless the couple
        // chooses one (docs/scoring.md §3.7).
        const Ritual* chosen = history.findRitualByName(draft.ritualName);
        if (chosen != nullptr && isNeverDue(*chosen))
            wrappedTextColored(p.textMuted, "This one is never due, so nothing asks for it. A goal "
                                            "here is only for when you both would like one.");
    } else if (draft.scope == GoalScope::Area) {
        ImGui::Dummy(ImVec2(0, 2 * s));
        Flow areas(inner, s);
        for (Area area : allAreas) {
            areas.choice(p, areaLabel(area).c_str(), draft.area, area,
                         "goals/form/area/" + std::string(nameOf(area)));
        }
        if (draft.area == Area::Touch)
            wrappedTextColored(p.textMuted, "Touch is never due, so nothing asks for it. A goal "
                                            "here is only for when you both would like one.");
    }

    fieldLabel(p, "How many times");
    ImGui::SetNextItemWidth(90 * s);
    if (ImGui::InputInt("##target", &draft.target, 0, 0)) draft.target = std::max(draft.target, 0);
    locateLastItem("goals/form/target");
    ImGui::SameLine();
    ImGui::TextColored(p.textMuted, "%s", "(a ritual you each do counts once for each of you)");

    fieldLabel(p, "When");
    Flow periods(inner, s);
    struct PeriodChoice {
        const char* label;
        const char* key;
        GoalPeriod period;
    };
    constexpr std::array choices{PeriodChoice{"This week", "week", GoalPeriod::Week},
                                 PeriodChoice{"This month", "month", GoalPeriod::Month},
                                 PeriodChoice{"Every week", "every-week", GoalPeriod::EveryWeek},
                                 PeriodChoice{"Every month", "every-month", GoalPeriod::EveryMonth},
                                 PeriodChoice{"Days we choose", "custom", GoalPeriod::Custom}};
    for (const PeriodChoice& choice : choices) {
        periods.choice(p, choice.label, draft.period, choice.period,
                       std::string("goals/form/period/") + choice.key);
    }
    if (draft.period == GoalPeriod::Custom) {
        ImGui::Dummy(ImVec2(0, 2 * s));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("From");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(130 * s);
        inputText("##from", form.fromText, "2026-12-01");
        locateLastItem("goals/form/from");
        ImGui::SameLine();
        ImGui::TextUnformatted("to");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(130 * s);
        inputText("##to", form.toText, "2026-12-31");
        locateLastItem("goals/form/to");
    }
    wrappedTextColored(p.textMuted, whenText(form, session));

    fieldLabel(p, "A treat you promise yourselves (optional)");
    ImGui::SetNextItemWidth(inner);
    inputText("##reward", draft.reward, "Dinner somewhere we love");
    locateLastItem("goals/form/reward");

    formError(p, form.error);
    ImGui::Dummy(ImVec2(0, 6 * s));
    const char* save = form.goalId.empty() ? "Set goal" : "Save";
    if (pillButton(save, p.accent, true, pillSize(save, s))) saveForm(state);
    locateLastItem("goals/form/save");
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(0, ImGui::GetFrameHeight()))) form = GoalForm{};
    locateLastItem("goals/form/cancel");
    endCard();
}

// ---- The goals --------------------------------------------------------------

std::string progressSentence(const GoalRow& row, Day asOf) {
    if (!row.current) return "It has not started yet.";
    const GoalProgress& now = *row.current;
    if (now.start > asOf) return "It starts on " + shortDay(now.start) + ".";
    if (now.completed)
        return fmt::format("Reached on {}. Well done, you two.", shortDay(*now.completedOn));
    if (row.ended)
        return fmt::format("Its time is over at {} of {}. Every one of them counted.", now.progress,
                           now.target);
    const int left = now.target - now.progress;
    if (now.progress == 0) return fmt::format("{} to go. The first one starts it.", now.target);
    return fmt::format("{} of {} so far, {} to go.", now.progress, now.target, left);
}

void drawGoal(UiState& state, const Palette& p, const Goal& goal, const GoalRow& row, float width,
              AfterRows& after) {
    Session& session = *state.session;
    const float s = state.scale;
    const float inner = cardInnerWidth(width, s);
    ImGui::PushID(goal.id.c_str());
    beginCard(p, width, s);
    const ImVec2 top = ImGui::GetCursorScreenPos();

    // The ring: how far the current period has come.
    const float diameter = 76 * s;
    const GoalProgress* now = row.current ? &*row.current : nullptr;
    const float fraction =
        now != nullptr ? static_cast<float>(now->progress) / static_cast<float>(now->target) : 0.0f;
    std::string label = now == nullptr   ? std::string("0")
                        : now->completed ? std::string(icons::check)
                                         : fmt::format("{}/{}", now->progress, now->target);
    ImGui::PushFont(state.fonts.heading);
    if (now != nullptr && ImGui::CalcTextSize(label.c_str()).x > diameter * 0.7f)
        label = std::to_string(now->progress);
    ImGui::PopFont();
    progressRing(p, diameter, fraction, p.accent, label.c_str(), state.fonts.heading, s);
    if (ImGui::IsItemHovered() && now != nullptr)
        ImGui::SetTooltip("%d of %d, %s", now->progress, now->target,
                          spanText(now->start, now->end).c_str());

    const std::string edit = std::string(icons::pencil) + "  Edit";
    const std::string archive = std::string(icons::archive) + "  Archive";
    const ImVec2 editSize = pillSize(edit, s), archiveSize = pillSize(archive, s);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float buttons = editSize.x + archiveSize.x + gap;
    const float textLeft = diameter + 16 * s;
    // The buttons share the title's line only.
    const float textWidth = inner - textLeft;
    const float titleWidth = textWidth - buttons - 12 * s;

    ImGui::SetCursorScreenPos(ImVec2(top.x + textLeft, top.y));
    ImGui::BeginGroup();
    ImGui::PushFont(state.fonts.heading);
    elidedText(goal.title, titleWidth);
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    std::string what = scopeText(goal, session.history()) + ", " +
                       fmt::format("{} {}", goal.target, goal.target == 1 ? "time" : "times");
    const std::string when = periodText(goal, row.current);
    if (!when.empty()) what += ", " + when;
    elidedText(what, textWidth);
    ImGui::PopStyleColor();
    elidedText(progressSentence(row, session.asOf()), textWidth);
    if (!goal.reward.empty()) {
        ImGui::TextColored(p.accent, "%s", icons::gift);
        ImGui::SameLine();
        elidedText("Your treat: " + goal.reward,
                   textWidth - ImGui::CalcTextSize(icons::gift).x - gap);
    }
    const bool repeating =
        goal.period == GoalPeriod::EveryWeek || goal.period == GoalPeriod::EveryMonth;
    if (repeating && row.timesReached > 0)
        ImGui::TextColored(p.textMuted, "%s",
                           row.timesReached == 1
                               ? "Reached once so far"
                               : fmt::format("Reached {} times so far", row.timesReached).c_str());
    ImGui::EndGroup();
    const float bottom = std::max(ImGui::GetItemRectMax().y, top.y + diameter);

    ImGui::SetCursorScreenPos(ImVec2(top.x + inner - buttons, top.y));
    if (pillButton(edit.c_str(), p.accent, false, editSize)) openForm(state, &goal);
    locateLastItem("goals/edit/" + goal.title);
    ImGui::SameLine(0, gap);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    if (ImGui::Button(archive.c_str(), archiveSize))
        after.ask([&state, id = goal.id, title = goal.title] {
            state.session->run(setGoalArchived, id, true);
            state.screens.goals.notice =
                openQuote + title + closeQuote + " is archived. What you reached stays yours.";
        });
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Put it away: it stops counting today, and what you reached stays.");
    locateLastItem("goals/archive/" + goal.title);

    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
    ImGui::Dummy(ImVec2(0, 0));
    endCard();
    ImGui::PopID();
}

void drawArchivedGoal(UiState& state, const Palette& p, const Goal& goal, float width,
                      AfterRows& after) {
    const float s = state.scale;
    ImGui::PushID(goal.id.c_str());
    const std::string restore = std::string(icons::undo) + "  Restore";
    const ImVec2 restoreSize = pillSize(restore, s);
    const float left = ImGui::GetCursorPosX();
    ImGui::AlignTextToFramePadding();
    const std::string text =
        goal.title + "  \xC2\xB7  archived on " + shortDay(*goal.archivedOn, true).substr(4);
    elidedText(text, width - restoreSize.x - 12 * s);
    ImGui::SameLine();
    ImGui::SetCursorPosX(left + width - restoreSize.x);
    if (pillButton(restore.c_str(), p.accent, false, restoreSize))
        after.ask([&state, id = goal.id, title = goal.title] {
            state.session->run(setGoalArchived, id, false);
            state.screens.goals.notice = openQuote + title + closeQuote + " is back.";
        });
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Bring it back: it counts again, as if it had never been put away.");
    locateLastItem("goals/restore/" + goal.title);
    ImGui::PopID();
}

// Every goal reached, newest first: a clipped list, so years of weekly goals
// cost only the rows on screen.
void drawReached(UiState& state, const Palette& p, const GoalLists& view, float width) {
    const float s = state.scale;
    const float inner = cardInnerWidth(width, s);
    beginCard(p, width, s);
    ImGui::TextColored(p.accent, "%s", icons::trophy);
    ImGui::SameLine();
    ImGui::PushFont(state.fonts.heading);
    ImGui::TextUnformatted("Reached together");
    ImGui::PopFont();
    if (view.reached.empty()) {
        wrappedTextColored(p.textMuted, "Every goal you reach will be kept here, with the day "
                                        "you got there and the treat you promised yourselves.");
        endCard();
        return;
    }
    const float dateWidth = ImGui::CalcTextSize("Wed 30 Sep 2026").x + 16 * s;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.reached.size()), ImGui::GetTextLineHeightWithSpacing());
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const ReachedGoal& reached = view.reached[static_cast<std::size_t>(i)];
            const float left = ImGui::GetCursorPosX();
            ImGui::TextColored(p.textMuted, "%s", shortDay(reached.completedOn, true).c_str());
            ImGui::SameLine();
            ImGui::SetCursorPosX(left + dateWidth);
            std::string line =
                reached.title + "  \xC2\xB7  " + spanText(reached.start, reached.end);
            if (!reached.reward.empty()) line += "  \xC2\xB7  " + reached.reward;
            elidedText(line, inner - dateWidth);
            locateLastItem("goals/reached/" + std::to_string(i));
        }
    endCard();
}

} // namespace

void drawGoalsScreen(UiState& state) {
    if (state.session == nullptr) return;
    Session& session = *state.session;
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    const float width = ImGui::GetContentRegionAvail().x;
    const History& history = session.history();
    const GoalLists& view =
        state.screens.goals.lists.get(session, [&] { return buildLists(session); });

    std::string line = view.active.empty()
                           ? std::string("Nothing to aim for yet")
                           : fmt::format("{} {} going", view.active.size(),
                                         view.active.size() == 1 ? "goal" : "goals");
    if (!view.reached.empty())
        line += fmt::format("  \xC2\xB7  reached {} {}", view.reached.size(),
                            view.reached.size() == 1 ? "time" : "times");
    if (drawScreenTitle(state, "Goals", line, width, std::string(icons::plus) + "  New goal",
                        "goals/new"))
        openForm(state, nullptr);
    drawScreenIntro(state,
                    "Something to aim for together, and a treat you promise yourselves when "
                    "you get there.",
                    width);

    drawFeedback(state, p, state.screens.goals.notice, "goals/undo", width);

    GoalForm& form = state.screens.goals.form;
    if (form.open && !form.goalId.empty() && findGoal(history, form.goalId) == nullptr)
        form = GoalForm{};
    if (form.open && form.goalId.empty()) {
        drawForm(state, p, width);
        ImGui::Dummy(ImVec2(0, 6 * s));
    }

    // Archiving or restoring a goal changes the history the rows are drawn from.
    AfterRows after;
    if (view.active.empty() && !(form.open && form.goalId.empty())) {
        beginEmptyState(p, width, s, icons::bullseye, "No goal right now",
                        "A goal gives your rituals a little finish line: three "
                        "walks this week, a thank-you from each of you every "
                        "day, any twenty rituals this month. Set one with "
                        "\xE2\x80\x9CNew goal\xE2\x80\x9D.");
        endCard();
    }
    for (const GoalRow& row : view.active) {
        const Goal* goal = findGoal(history, row.goalId);
        if (goal == nullptr) continue;
        if (form.open && form.goalId == goal->id)
            drawForm(state, p, width);
        else
            drawGoal(state, p, *goal, row, width, after);
    }

    if (!view.archived.empty()) {
        ImGui::Dummy(ImVec2(0, 2 * s));
        disclosure(p, fmt::format("Archived ({})", view.archived.size()),
                   state.screens.goals.showArchived);
        locateLastItem("goals/archived");
        if (state.screens.goals.showArchived)
            for (const GoalRow& row : view.archived)
                if (const Goal* goal = findGoal(history, row.goalId))
                    drawArchivedGoal(state, p, *goal, width, after);
    }
    ImGui::Dummy(ImVec2(0, 8 * s));
    drawReached(state, p, view, width);
    after.run(state);

    ImGui::Dummy(ImVec2(0, 12 * s));
}

} // namespace kindling::ui
