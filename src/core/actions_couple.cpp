// The couple, the settings, the welcome steps, the question deck's marks and
// this computer's preferences (docs/product.md "Settings and data").
#include "core/actions.hpp"

#include <algorithm>

namespace kindling {

ChangeSet setCouple(const History& history, const ActionContext& /*context*/,
                    const Couple& couple) {
    Couple checked = couple;
    for (std::size_t i = 0; i < 2; ++i)
        checked.partners[i].name = checkedName(i == 0 ? Field::Partner1Name : Field::Partner2Name,
                                               couple.partners[i].name);
    if (auto problem = problemWith(checked)) throw RuleViolation(*problem);
    ChangeSet change;
    change.undoable = false;
    change.description = "your names and colours";
    // Saved even when it is what the history holds: saving it is what marks
    // the welcome steps as done (Session::onboarded).
    change.rows.of<Couple>().push_back({history.couple, checked});
    return change;
}

ChangeSet setPartnerNames(const History& history, const ActionContext& context,
                          const std::optional<std::string>& partner1,
                          const std::optional<std::string>& partner2) {
    Couple couple = history.couple;
    if (partner1) couple.partners[0].name = checkedName(Field::Partner1Name, *partner1);
    if (partner2) couple.partners[1].name = checkedName(Field::Partner2Name, *partner2);
    return setCouple(history, context, couple);
}

ChangeSet setSettings(const History& history, const ActionContext& /*context*/,
                      const Settings& settings) {
    if (auto problem = problemWith(settings)) throw RuleViolation(*problem);
    ChangeSet change;
    change.undoable = false;
    change.description = "the settings";
    change.replace(history.settings, settings);
    return change;
}

ChangeSet finishWelcome(const History& history, const ActionContext& context, const Couple& couple,
                        const std::vector<RitualDraft>& rituals,
                        const std::optional<GoalDraft>& goal) {
    ChangeSet change = setCouple(history, context, couple);
    change.description = "the welcome steps";
    // Each ritual is checked against the history with the ones before it,
    // so two picks of one name are refused like any other.
    History planned = history;
    for (const RitualDraft& draft : rituals) {
        ChangeSet one = addRitual(planned, context, draft);
        applyToHistory(planned, one.rows);
        change.append(one);
    }
    if (goal) change.append(addGoal(planned, context, *goal));
    return change;
}

// ---- The question deck ---------------------------------------------------------

const Ritual* questionRitual(const History& history) {
    for (const Ritual& ritual : history.rituals)
        if (ritual.catalogId == questionRitualId && !ritual.archived && !ritual.measure)
            return &ritual;
    return nullptr;
}

std::optional<Day> markedOn(const History& history, const std::string& questionId,
                            QuestionMark mark) {
    for (const QuestionMarkEntry& entry : history.questionMarks)
        if (entry.questionId == questionId && entry.mark == mark) return entry.day;
    return std::nullopt;
}

namespace {

// Marks the question on `day`, or moves the mark it has to that day.
void mark(ChangeSet& change, const History& history, const std::string& questionId,
          QuestionMark kind, Day day) {
    QuestionMarkEntry after{questionId, kind, day};
    if (const auto previous = markedOn(history, questionId, kind))
        change.replace(QuestionMarkEntry{questionId, kind, *previous}, std::move(after));
    else
        change.add(std::move(after));
}

} // namespace

ChangeSet answerQuestion(const History& history, const ActionContext& context,
                         const Question& question) {
    ChangeSet change;
    change.description = "\"We talked about it\"";
    if (markedOn(history, question.id, QuestionMark::Answered) == context.today) return change;
    mark(change, history, question.id, QuestionMark::Answered, context.today);
    if (const Ritual* ritual = questionRitual(history)) {
        Log entry;
        entry.id = context.newId();
        entry.ritualId = ritual->id;
        entry.day = context.today;
        entry.who = Who::Both;
        entry.note = question.text;
        entry.loggedAt = context.now;
        change.add(std::move(entry));
    }
    return change;
}

ChangeSet skipQuestion(const History& history, const ActionContext& context,
                       const std::string& questionId) {
    ChangeSet change;
    change.description = "\"Next question\"";
    mark(change, history, questionId, QuestionMark::Skipped, context.today);
    return change;
}

ChangeSet setFavourite(const History& history, const ActionContext& context,
                       const std::vector<Question>& deck, const std::string& questionId,
                       bool favourite) {
    if (favourite && std::none_of(deck.begin(), deck.end(),
                                  [&](const Question& q) { return q.id == questionId; }))
        throw RuleViolation(Field::Question, "that question is not in the deck");
    ChangeSet change;
    change.description = favourite ? "adding to favourites" : "removing the favourite";
    const auto previous = markedOn(history, questionId, QuestionMark::Favourite);
    if (previous.has_value() == favourite) return change;
    if (favourite)
        change.add(QuestionMarkEntry{questionId, QuestionMark::Favourite, context.today});
    else
        change.remove(QuestionMarkEntry{questionId, QuestionMark::Favourite, *previous});
    return change;
}

// ---- This computer's preferences ------------------------------------------------

ChangeSet setPreference(const std::optional<std::string>& current, const std::string& key,
                        const std::optional<std::string>& value) {
    ChangeSet change;
    change.undoable = false;
    change.description = "a preference";
    if (current == value) return change;
    if (!current)
        change.add(Preference{key, *value});
    else if (!value)
        change.remove(Preference{key, *current});
    else
        change.replace(Preference{key, *current}, Preference{key, *value});
    return change;
}

ChangeSet addEverything(const History& generated) {
    ChangeSet change;
    change.undoable = false;
    change.description = "a whole history";
    change.milestones = Milestones::CreditAllQuietly;
    change.rows.of<Couple>().push_back({std::nullopt, generated.couple});
    change.rows.of<Settings>().push_back({std::nullopt, generated.settings});
    for (const Ritual& row : generated.rituals)
        change.add(row);
    for (const Log& row : generated.logs)
        change.add(row);
    for (const Skip& row : generated.skips)
        change.add(row);
    for (const Pause& row : generated.pauses)
        change.add(row);
    for (const Goal& row : generated.goals)
        change.add(row);
    for (const QuestionMarkEntry& row : generated.questionMarks)
        change.add(row);
    for (const ProgrammeStep& row : generated.programmeSteps)
        change.add(row);
    return change;
}

} // namespace kindling
