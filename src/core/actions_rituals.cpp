// The couple's rituals and shared goals (docs/product.md "Ritual", "Shared
// goals"): adding, editing, archiving and ordering them.
#include "core/actions.hpp"
#include "core/catalog.hpp"
#include "core/icons.hpp"

#include <algorithm>
#include <cmath>

namespace kindling {

namespace {

inline constexpr std::size_t maxWhyLength = 200;
inline constexpr std::size_t maxRewardLength = 2 * maxNameLength;

std::string quoted(const std::string& name) {
    return "\"" + name + "\"";
}

// Checks `draft` and writes it over `ritual`; its id, position, archived flag
// and catalog id stay as they are. A name used by another ritual is refused
// by checkChange (core/rules.hpp).
Ritual withDraft(Ritual ritual, const RitualDraft& draft) {
    ritual.name = checkedName(Field::RitualName, draft.name);
    const Frequency f = draft.frequency;
    if (f.times < 1) throw RuleViolation(Field::RitualTimes, "must be at least 1");
    if (f.perDays < 1 || f.perDays > maxPerDays)
        throw RuleViolation(Field::RitualPerDays,
                            "must be between 1 and " + std::to_string(maxPerDays));
    if (f.times > f.perDays)
        throw RuleViolation(Field::RitualTimes, std::to_string(f.times) + " times in " +
                                                    std::to_string(f.perDays) +
                                                    " days is more than once a day");
    if (draft.weekdays &&
        std::none_of(draft.weekdays->begin(), draft.weekdays->end(), [](bool on) { return on; }))
        throw RuleViolation(Field::RitualWeekdays, "choose at least one day");
    if (draft.measure) {
        // Zero is a measure without a minimum (docs/scoring.md §2).
        if (!std::isfinite(draft.measure->target) || draft.measure->target < 0)
            throw RuleViolation(Field::RitualTarget, "must be zero or more");
        ritual.unit = checkedName(Field::RitualUnit, draft.unit);
    } else {
        ritual.unit.clear();
    }
    if (iconCodepoint(draft.icon) == 0)
        throw RuleViolation(Field::RitualIcon,
                            quoted(draft.icon) + " is not one of Kindling's icons");
    ritual.why = checkedText(Field::RitualWhy, draft.why, maxWhyLength);
    ritual.frequency = f;
    ritual.weekdays = draft.weekdays;
    ritual.mode = draft.mode;
    ritual.measure = draft.measure;
    ritual.area = draft.area;
    ritual.icon = draft.icon;
    // A ritual done when it helps has no schedule to keep, so no weekdays.
    ritual.whenItHelps = draft.whenItHelps;
    if (ritual.whenItHelps) ritual.weekdays.reset();
    return ritual;
}

// Checks `draft` and writes it over `goal`; its id and archivedOn stay. A new
// goal (no id yet), or one that becomes a "this week" or "this month" goal of
// another period, starts today.
Goal withDraft(const History& history, Day today, Goal goal, const GoalDraft& draft) {
    goal.title = checkedName(Field::GoalTitle, draft.title);
    if (draft.target < 1) throw RuleViolation(Field::GoalTarget, "must be at least 1");
    if (draft.target > maxGoalTarget)
        throw RuleViolation(Field::GoalTarget, "at most " + std::to_string(maxGoalTarget));
    goal.target = draft.target;
    goal.scope = draft.scope;
    goal.ritualId = draft.scope == GoalScope::Ritual
                        ? ritualNamed(history, draft.ritualName, Field::Ritual).id
                        : std::string();
    goal.area = draft.area;
    if (draft.period == GoalPeriod::Custom) {
        if (!draft.from || !draft.to)
            throw RuleViolation(Field::GoalFrom, "a custom goal needs both days");
        if (*draft.to < *draft.from)
            throw RuleViolation(Field::GoalTo, "the goal ends before it starts");
        goal.start = *draft.from;
        goal.end = *draft.to;
    } else {
        const bool thisPeriod =
            draft.period == GoalPeriod::Week || draft.period == GoalPeriod::Month;
        if (goal.id.empty() || (thisPeriod && goal.period != draft.period)) goal.start = today;
        goal.end = Day{};
    }
    goal.period = draft.period;
    goal.reward = checkedText(Field::GoalReward, draft.reward, maxRewardLength);
    return goal;
}

const Goal& goalWithId(const History& history, const std::string& id) {
    const auto found = std::find_if(history.goals.begin(), history.goals.end(),
                                    [&](const Goal& g) { return g.id == id; });
    if (found == history.goals.end())
        throw RuleViolation(Field::Goal, "that goal no longer exists");
    return *found;
}

} // namespace

RitualDraft draftOf(const Ritual& ritual) {
    return {.name = ritual.name,
            .frequency = ritual.frequency,
            .weekdays = ritual.weekdays,
            .mode = ritual.mode,
            .measure = ritual.measure,
            .unit = ritual.unit,
            .area = ritual.area,
            .icon = ritual.icon,
            .why = ritual.why,
            .catalogId = ritual.catalogId,
            .whenItHelps = ritual.whenItHelps};
}

ChangeSet addRitual(const History& history, const ActionContext& context,
                    const RitualDraft& draft) {
    Ritual ritual = withDraft(Ritual{}, draft);
    ritual.catalogId = draft.catalogId;
    ritual.id = context.newId();
    // Last in the list, whatever numbers an import left behind.
    for (const Ritual& other : history.rituals)
        ritual.position = std::max(ritual.position, other.position + 1);
    ChangeSet change;
    // Taken back with Archive, the way the Rituals screen offers it.
    change.undoable = false;
    change.description = "adding " + quoted(ritual.name);
    change.add(std::move(ritual));
    return change;
}

ChangeSet addRitualFromCatalog(const History& history, const ActionContext& context,
                               const std::vector<CatalogRitual>& catalog,
                               const std::string& catalogId) {
    const CatalogRitual* entry = findCatalogRitual(catalog, catalogId);
    if (entry == nullptr)
        throw RuleViolation(Field::RitualCatalogId,
                            "there is no suggested ritual \"" + catalogId + "\"");
    return addRitual(history, context, draftOf(ritualFromCatalog(*entry)));
}

const Ritual& addedRitual(const ChangeSet& change) {
    for (const RowChange<Ritual>& row : change.changes<Ritual>())
        if (!row.before && row.after) return *row.after;
    throw RuleViolation(Field::Ritual, "the change adds no ritual");
}

ChangeSet editRitual(const History& history, const ActionContext& /*context*/,
                     const std::string& ritualId, const RitualDraft& draft) {
    const Ritual& before = ritualWithId(history, ritualId);
    Ritual after = withDraft(before, draft);
    ChangeSet change;
    change.description = "editing " + quoted(after.name);
    change.milestones = Milestones::CreditPastQuietly;
    change.replace(before, std::move(after));
    return change;
}

ChangeSet setRitualArchived(const History& history, const ActionContext& /*context*/,
                            const std::string& ritualId, bool archived) {
    const Ritual& before = ritualWithId(history, ritualId);
    Ritual after = before;
    after.archived = archived;
    ChangeSet change;
    change.description = (archived ? "archiving " : "restoring ") + quoted(before.name);
    change.replace(before, std::move(after));
    return change;
}

ChangeSet reorderRituals(const History& history, const ActionContext& /*context*/,
                         const std::vector<std::string>& orderedIds) {
    std::vector<std::string> sorted = orderedIds;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::string> known;
    for (const Ritual& ritual : history.rituals)
        known.push_back(ritual.id);
    std::sort(known.begin(), known.end());
    if (sorted != known)
        throw RuleViolation(Field::RitualOrder,
                            "the new order must name every ritual exactly once");
    ChangeSet change;
    change.description = "the new order";
    for (std::size_t i = 0; i < orderedIds.size(); ++i) {
        const Ritual& before = ritualWithId(history, orderedIds[i]);
        Ritual after = before;
        after.position = static_cast<int>(i);
        change.replace(before, std::move(after));
    }
    // The same order with other numbers is still the same order.
    bool sameOrder = true;
    for (std::size_t i = 0; i < orderedIds.size(); ++i)
        sameOrder = sameOrder && history.rituals[i].id == orderedIds[i];
    if (sameOrder) change.rows = {};
    return change;
}

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

ChangeSet addGoal(const History& history, const ActionContext& context, const GoalDraft& draft) {
    Goal goal = withDraft(history, context.today, Goal{}, draft);
    goal.id = context.newId();
    ChangeSet change;
    change.undoable = false; // taken back with Archive, like a ritual
    change.description = "adding " + quoted(goal.title);
    change.add(std::move(goal));
    return change;
}

ChangeSet editGoal(const History& history, const ActionContext& context, const std::string& goalId,
                   const GoalDraft& draft) {
    const Goal& before = goalWithId(history, goalId);
    Goal after = withDraft(history, context.today, before, draft);
    ChangeSet change;
    change.description = "editing " + quoted(after.title);
    change.milestones = Milestones::CreditPastQuietly;
    change.replace(before, std::move(after));
    return change;
}

ChangeSet setGoalArchived(const History& history, const ActionContext& context,
                          const std::string& goalId, bool archived) {
    const Goal& before = goalWithId(history, goalId);
    Goal after = before;
    if (before.archivedOn.has_value() != archived)
        after.archivedOn = archived ? std::optional<Day>(context.today) : std::nullopt;
    ChangeSet change;
    change.description = (archived ? "archiving " : "restoring ") + quoted(before.title);
    change.milestones = Milestones::CreditPastQuietly;
    change.replace(before, std::move(after));
    return change;
}

} // namespace kindling
