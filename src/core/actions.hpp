#pragma once
// Everything a couple can do, each as a function from the history (and what
// they chose) to one ChangeSet (core/change_set.hpp). The window and the
// command line build the same change sets and hand them to Session::apply;
// none of these writes anything. Each checks what the person chose first and
// throws RuleViolation (core/rules.hpp) naming the field.
//
// Files: actions_logs.cpp (logs, skips, pauses), actions_rituals.cpp
// (rituals, goals), actions_couple.cpp (the couple, settings, the question
// deck, preferences, the welcome steps), actions_programme.cpp (the touch
// without pressure programme, the repair talk's plan).

#include "core/assets.hpp"
#include "core/change_set.hpp"
#include "core/model.hpp"
#include "core/rules.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kindling {

// What an action needs besides the history: the day it happens on (the
// session's as-of day), the time, and fresh ids. Session::context() gives it;
// tests give their own.
struct ActionContext {
    Day today;
    std::int64_t now = 0; // unix seconds
    std::function<std::string()> newId;
};

// ---- Finding things by what a person types ----------------------------------------

// Case-insensitive (ASCII) on the trimmed name, archived rituals included.
const Ritual& ritualNamed(const History& history, std::string_view name,
                          Field field = Field::RitualName);
// "both", a partner's name (case-insensitive), or "partner1" / "partner2".
Who partnerNamed(const History& history, std::string_view name, Field field = Field::LogWho);
const Ritual& ritualWithId(const History& history, std::string_view id);

// ---- Logs, skips and pauses (actions_logs.cpp) --------------------------------------

// Logs one ritual on each of `days` (no day twice). `who` may be left out for
// `together` rituals (both); an amount exactly when the ritual is measured.
ChangeSet logDays(const History& history, const ActionContext& context, const std::string& ritualId,
                  const std::vector<Day>& dayList, std::optional<Who> who,
                  std::optional<double> amount, const std::string& note);
// Today's log from the Today screen: one day, no note.
ChangeSet logToday(const History& history, const ActionContext& context,
                   const std::string& ritualId, Who who, std::optional<double> amount = {});
// Removes that ritual's logs on that day (only `who`'s when given). Empty
// when there are none.
ChangeSet unlog(const History& history, const ActionContext& context, const std::string& ritualId,
                Day day, std::optional<Who> who);

// What the Journal can change in a log: its ritual stays.
struct LogEdit {
    Day day;
    Who who = Who::Both;
    std::optional<double> amount; // measured rituals only
    std::string note;
};
// A day no later than today; an amount exactly when the ritual is measured.
ChangeSet editLog(const History& history, const ActionContext& context, const std::string& logId,
                  const LogEdit& edit);
ChangeSet deleteLog(const History& history, const ActionContext& context, const std::string& logId);

// The command line's skip: days already off stay as they are.
ChangeSet skipDays(const History& history, const ActionContext& context,
                   const std::string& ritualId, const std::vector<Day>& dayList);
// A day off for one ritual, and back again. A logged day cannot be skipped.
ChangeSet skipDay(const History& history, const ActionContext& context, const std::string& ritualId,
                  Day day);
ChangeSet unskipDay(const History& history, const ActionContext& context,
                    const std::string& ritualId, Day day);

// A break for every ritual: at most a year, with a reason.
ChangeSet startPause(const History& history, const ActionContext& context, Day from, Day to,
                     const std::string& reason);
// Ends the break today: every pause covering today now ends the day before
// (one that began today is removed), so today counts as usual.
ChangeSet endPause(const History& history, const ActionContext& context);
// Removes a pause altogether (a planned break that is off).
ChangeSet removePause(const History& history, const ActionContext& context,
                      const std::string& pauseId);
// The pause covering `day` that lasts longest, and the soonest after it.
const Pause* pauseCovering(const History& history, Day day);
const Pause* pauseAfter(const History& history, Day day);

// ---- Rituals and goals (actions_rituals.cpp) ----------------------------------------

struct RitualDraft {
    std::string name;
    Frequency frequency;
    std::optional<Weekdays> weekdays;
    RitualMode mode = RitualMode::Together;
    std::optional<Measure> measure;
    std::string unit;
    Area area = Area::Connection;
    std::string icon = "heart";
    std::string why;
    std::string catalogId;    // addRitual: the catalog entry it came from, if any
    bool whenItHelps = false; // no schedule: done when it helps (docs/scoring.md §3.7)
    bool operator==(const RitualDraft&) const = default;
};
RitualDraft draftOf(const Ritual& ritual);

// Last in the list.
ChangeSet addRitual(const History& history, const ActionContext& context, const RitualDraft& draft);
// The catalog's suggestion as it stands (assets/catalog.json).
ChangeSet addRitualFromCatalog(const History& history, const ActionContext& context,
                               const std::vector<CatalogRitual>& catalog,
                               const std::string& catalogId);
// Its logs and skips stay; its numbers are derived again under the new
// schedule, mode and measure.
ChangeSet editRitual(const History& history, const ActionContext& context,
                     const std::string& ritualId, const RitualDraft& draft);
// An archived ritual leaves Today and the dashboard and keeps its history.
ChangeSet setRitualArchived(const History& history, const ActionContext& context,
                            const std::string& ritualId, bool archived);
// `orderedIds` names every ritual (archived too) once.
ChangeSet reorderRituals(const History& history, const ActionContext& context,
                         const std::vector<std::string>& orderedIds);
// The rituals added in `change`, for a caller that wants to say what it did.
const Ritual& addedRitual(const ChangeSet& change);

struct GoalDraft {
    std::string title;
    int target = 0;
    GoalScope scope = GoalScope::Any;
    std::string ritualName; // scope Ritual
    Area area = Area::Connection;
    GoalPeriod period = GoalPeriod::Week;
    std::optional<Day> from, to; // Custom
    std::string reward;
    bool operator==(const GoalDraft&) const = default;
};
GoalDraft draftOf(const Goal& goal, const History& history);

ChangeSet addGoal(const History& history, const ActionContext& context, const GoalDraft& draft);
// A goal keeps its start unless it becomes a "this week" or "this month"
// goal of another period: then, like a new goal, it starts today.
ChangeSet editGoal(const History& history, const ActionContext& context, const std::string& goalId,
                   const GoalDraft& draft);
// Archiving stops a goal today (core/goals.hpp); restoring brings it back whole.
ChangeSet setGoalArchived(const History& history, const ActionContext& context,
                          const std::string& goalId, bool archived);

// ---- The couple, the settings, the deck (actions_couple.cpp) -----------------------

// Both partners' names and colours at once. Saving the couple is what marks
// the welcome steps as done.
ChangeSet setCouple(const History& history, const ActionContext& context, const Couple& couple);
// The command line's names: either or both.
ChangeSet setPartnerNames(const History& history, const ActionContext& context,
                          const std::optional<std::string>& partner1,
                          const std::optional<std::string>& partner2);
// The hour the day starts and the first day of the week.
ChangeSet setSettings(const History& history, const ActionContext& context,
                      const Settings& settings);

// The welcome steps' last step, in one change: the couple, the rituals they
// picked, and a first goal when they set one.
ChangeSet finishWelcome(const History& history, const ActionContext& context, const Couple& couple,
                        const std::vector<RitualDraft>& rituals,
                        const std::optional<GoalDraft>& goal);

// The ritual an answer logs: the first active, unmeasured ritual that came
// from the catalog's question-of-the-night entry; nullptr when there is none.
const Ritual* questionRitual(const History& history);
std::optional<Day> markedOn(const History& history, const std::string& questionId,
                            QuestionMark mark);
// "We talked about it": marks the question answered today and logs
// questionRitual() for both, the question as the note. Empty when it was
// already answered today.
ChangeSet answerQuestion(const History& history, const ActionContext& context,
                         const Question& question);
// "Next": marks tonight's question skipped, so the deck moves on.
ChangeSet skipQuestion(const History& history, const ActionContext& context,
                       const std::string& questionId);
// A favourite is a question of `deck`; taking one back works for any id.
ChangeSet setFavourite(const History& history, const ActionContext& context,
                       const std::vector<Question>& deck, const std::string& questionId,
                       bool favourite);

// A preference of this computer's; `current` is its value now, if set. An
// empty `value` with `erase` removes it.
ChangeSet setPreference(const std::optional<std::string>& current, const std::string& key,
                        const std::optional<std::string>& value);

// ---- Guided practices (actions_programme.cpp) -----------------------------------
// The touch without pressure programme (core/programme.hpp has its rules).
// None of these is kept for undo: a pause or a stop is each partner's own, and
// another click must never take it back. Every one is refused (RuleViolation,
// Field::Programme) where the programme's state does not allow it.

// "Shall we begin?" (or, after a pause, "shall we go on?"): one partner's own
// answer, Partner1 or Partner2. It may be changed until the other answers.
ChangeSet answerProgrammeJoin(const History& history, const ActionContext& context, Who who,
                              bool yes);
// "Ready for the next stage?" while the programme runs below its last stage.
ChangeSet answerProgrammeReady(const History& history, const ActionContext& context, Who who,
                               bool ready);
ChangeSet pauseProgramme(const History& history, const ActionContext& context);
// From a pause too; it begins again at the first stage when both say yes.
ChangeSet stopProgramme(const History& history, const ActionContext& context);
// Back to the stage before, while it runs above the first.
ChangeSet goBackProgrammeStage(const History& history, const ActionContext& context);

// The repair talk's plan (docs/product.md §3.14): logs the couple's repair
// ritual today, done together, with the plan as its private note. The ritual
// is the first active, unmeasured one from the catalog's repair talk, else the
// first of the repair area; when there is none, the catalog's is added first,
// in the same change.
ChangeSet keepRepairPlan(const History& history, const ActionContext& context,
                         const std::vector<CatalogRitual>& catalog, const std::string& plan);
// The catalog id keepRepairPlan logs.
inline constexpr std::string_view repairRitualId = "repair-talk";
const Ritual* repairRitual(const History& history);

// Every row of `generated` added, in one change (a demo history).
ChangeSet addEverything(const History& generated);

} // namespace kindling
