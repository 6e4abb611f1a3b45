// Shared goals (docs/product.md §3.7): setting one, editing it, archiving
// and restoring it. Edits and archiving can be undone.
#include "app/session.hpp"

#include <algorithm>

namespace kindling {

namespace {

inline constexpr int maxGoalTarget = 1'000'000;
inline constexpr std::size_t maxRewardLength = 2 * maxNameLength;

// Checks `draft` and writes it over `goal`; its id and archivedOn stay. A new
// goal (no id yet), or one that becomes a "this week" or "this month" goal of
// another period, starts on `asOf`.
Goal withDraft(const Session& session, Goal goal, const GoalDraft& draft) {
    goal.title = validatedName("TITLE", draft.title);
    if (draft.target < 1) throw InputError("--target", "--target: must be at least 1");
    if (draft.target > maxGoalTarget)
        throw InputError("--target", "--target: at most " + std::to_string(maxGoalTarget));
    goal.target = draft.target;
    goal.scope = draft.scope;
    goal.ritualId = draft.scope == GoalScope::Ritual
                        ? session.ritualNamed("--ritual", draft.ritualName).id
                        : std::string();
    goal.area = draft.area;
    if (draft.period == GoalPeriod::Custom) {
        if (!draft.from || !draft.to)
            throw InputError("--from", "--from and --to: a custom goal needs both days");
        if (*draft.to < *draft.from)
            throw InputError("--to", "--to: the goal ends before it starts");
        goal.start = *draft.from;
        goal.end = *draft.to;
    } else {
        const bool thisPeriod =
            draft.period == GoalPeriod::Week || draft.period == GoalPeriod::Month;
        if (goal.id.empty() || (thisPeriod && goal.period != draft.period))
            goal.start = session.asOf();
        goal.end = Day{};
    }
    goal.period = draft.period;
    goal.reward = validatedText("--reward", draft.reward, maxRewardLength);
    return goal;
}

Goal& goalIn(std::vector<Goal>& goals, const std::string& id) {
    const auto found =
        std::find_if(goals.begin(), goals.end(), [&](const Goal& g) { return g.id == id; });
    if (found == goals.end()) throw InputError("goal", "that goal no longer exists");
    return *found;
}

} // namespace

GoalDraft draftOf(const Goal& goal, const History& history) {
    GoalDraft draft;
    draft.title = goal.title;
    draft.target = goal.target;
    draft.scope = goal.scope;
    if (const Ritual* ritual = history.findRitual(goal.ritualId)) draft.ritualName = ritual->name;
    draft.area = goal.area;
    draft.period = goal.period;
    if (goal.period == GoalPeriod::Custom) {
        draft.from = goal.start;
        draft.to = goal.end;
    }
    draft.reward = goal.reward;
    return draft;
}

Goal Session::addGoal(const GoalDraft& draft) {
    Goal goal = withDraft(*this, Goal{}, draft);
    goal.id = newUuid();
    store_.insertGoal(goal);
    history_.goals.push_back(goal);
    progressChanged();
    ++revision_;
    return goal;
}

void Session::editGoal(const std::string& goalId, const GoalDraft& draft) {
    const Goal before = goalIn(history_.goals, goalId);
    const Goal after = withDraft(*this, before, draft);
    store_.updateGoal(after);
    goalIn(history_.goals, goalId) = after;
    recounted(std::nullopt);
    undoStack_.push_back({"Undo editing \"" + after.title + "\"", [this, before] {
                              store_.updateGoal(before);
                              goalIn(history_.goals, before.id) = before;
                              recounted(std::nullopt);
                          }});
}

void Session::setGoalArchived(const std::string& goalId, bool archived) {
    const Goal before = goalIn(history_.goals, goalId);
    if (before.archivedOn.has_value() == archived) return;
    Goal after = before;
    after.archivedOn = archived ? std::optional<Day>(asOf()) : std::nullopt;
    store_.updateGoal(after);
    goalIn(history_.goals, goalId) = after;
    recounted(std::nullopt);
    undoStack_.push_back(
        {(archived ? "Undo archiving \"" : "Undo restoring \"") + before.title + "\"",
         [this, before] {
             store_.updateGoal(before);
             goalIn(history_.goals, before.id) = before;
             recounted(std::nullopt);
         }});
}

} // namespace kindling
