#include "core/rules.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace kindling {

std::string_view fieldName(Field field) {
    switch (field) {
    case Field::None:
        return "change";
    case Field::RitualName:
        return "ritual name";
    case Field::RitualIcon:
        return "ritual icon";
    case Field::RitualWhy:
        return "ritual why";
    case Field::RitualTimes:
        return "ritual times";
    case Field::RitualPerDays:
        return "ritual per days";
    case Field::RitualWeekdays:
        return "ritual weekdays";
    case Field::RitualTarget:
        return "ritual target";
    case Field::RitualUnit:
        return "ritual unit";
    case Field::RitualCatalogId:
        return "ritual catalog id";
    case Field::RitualOrder:
        return "ritual order";
    case Field::Ritual:
        return "ritual";
    case Field::LogDay:
        return "log day";
    case Field::LogWho:
        return "log who";
    case Field::LogAmount:
        return "log amount";
    case Field::LogNote:
        return "log note";
    case Field::Log:
        return "log";
    case Field::SkipDay:
        return "skipped day";
    case Field::PauseFirst:
        return "pause first day";
    case Field::PauseLast:
        return "pause last day";
    case Field::PauseReason:
        return "pause reason";
    case Field::Pause:
        return "pause";
    case Field::GoalTitle:
        return "goal title";
    case Field::GoalTarget:
        return "goal target";
    case Field::GoalScope:
        return "goal scope";
    case Field::GoalFrom:
        return "goal first day";
    case Field::GoalTo:
        return "goal last day";
    case Field::GoalReward:
        return "goal reward";
    case Field::Goal:
        return "goal";
    case Field::Partner1Name:
        return "partner 1";
    case Field::Partner2Name:
        return "partner 2";
    case Field::PartnerColour:
        return "partner colour";
    case Field::DayStartHour:
        return "day start";
    case Field::WeekStart:
        return "week start";
    case Field::Question:
        return "question";
    case Field::Programme:
        return "programme";
    case Field::KeptXp:
        return "kept XP";
    case Field::PreferenceKey:
        return "preference key";
    case Field::PreferenceValue:
        return "preference value";
    case Field::CurrentPin:
        return "current PIN";
    case Field::NewPin:
        return "PIN";
    case Field::Celebration:
        return "celebration";
    }
    return "field";
}

RuleViolation::RuleViolation(RuleError error)
    : std::runtime_error(error.problem), error_(std::move(error)) {}

// ---- Text ----------------------------------------------------------------------

std::string trimmed(std::string_view text) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

namespace {

bool hasControlCharacter(std::string_view text, bool allowLineBreaks) {
    return std::any_of(text.begin(), text.end(), [&](char c) {
        const auto byte = static_cast<unsigned char>(c);
        if (allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')) return false;
        return byte < 0x20 || byte == 0x7f;
    });
}

std::optional<std::string> textProblem(std::string_view text, std::size_t maxLength) {
    const auto length = utf8Length(text);
    if (!length) return "the text is not valid UTF-8";
    if (*length > maxLength)
        return "at most " + std::to_string(maxLength) + " characters, this has " +
               std::to_string(*length);
    return std::nullopt;
}

std::optional<std::string> nameProblem(std::string_view name) {
    if (trimmed(name).empty()) return "the name is empty";
    if (auto problem = textProblem(name, maxNameLength)) return problem;
    if (hasControlCharacter(name, false)) return "the name contains a control character";
    return std::nullopt;
}

std::optional<std::string> dayProblem(Day day) {
    if (isKeptDay(day)) return std::nullopt;
    return formatDay(day) + " is outside the dates Kindling keeps (" + std::string(keptDaysText) +
           ")";
}

bool isAmount(double value) {
    return std::isfinite(value) && value >= 0;
}

std::optional<RuleError> idProblem(const std::string& id, Field field) {
    if (id.empty() || id.size() > 64) return RuleError{field, "needs an id of 1 to 64 characters"};
    return std::nullopt;
}

#define KINDLING_CHECK(expression)                                                                 \
    do {                                                                                           \
        if (auto problem_ = (expression)) return problem_;                                         \
    } while (false)

std::optional<RuleError> about(Field field, std::optional<std::string> problem) {
    if (!problem) return std::nullopt;
    return RuleError{field, std::move(*problem)};
}

} // namespace

std::string checkedName(Field field, std::string_view name) {
    std::string clean = trimmed(name);
    if (auto problem = nameProblem(clean)) throw RuleViolation(field, *problem);
    return clean;
}

std::string checkedText(Field field, std::string_view text, std::size_t maxLength,
                        bool keepSpaces) {
    std::string clean = keepSpaces ? std::string(text) : trimmed(text);
    if (auto problem = textProblem(clean, maxLength)) throw RuleViolation(field, *problem);
    if (hasControlCharacter(clean, true))
        throw RuleViolation(field, "the text contains a control character");
    return clean;
}

// ---- One row -------------------------------------------------------------------

std::optional<RuleError> problemWith(const Couple& couple) {
    for (std::size_t i = 0; i < 2; ++i) {
        const Partner& partner = couple.partners[i];
        const Field field = i == 0 ? Field::Partner1Name : Field::Partner2Name;
        KINDLING_CHECK(about(field, nameProblem(partner.name)));
        if (partner.name != trimmed(partner.name))
            return RuleError{field, "the name begins or ends with a space"};
        if (equalsIgnoringAsciiCase(partner.name, "both"))
            return RuleError{field, "\"both\" is kept for logging together; choose another name"};
        if (partner.colour > 0xFFFFFFu)
            return RuleError{Field::PartnerColour, "a colour is six hex digits (0xRRGGBB)"};
    }
    if (equalsIgnoringAsciiCase(couple.partners[0].name, couple.partners[1].name))
        return RuleError{Field::Partner2Name,
                         "the two of you need different names, so every log can say who it was"};
    return std::nullopt;
}

std::optional<RuleError> problemWith(const Settings& settings) {
    if (settings.dayStartHour < 0 || settings.dayStartHour > 23)
        return RuleError{Field::DayStartHour, "the day can start at any hour from 0 to 23"};
    if (settings.weekStart < 0 || settings.weekStart > 6)
        return RuleError{Field::WeekStart, "the week starts on a day from Monday to Sunday"};
    return std::nullopt;
}

std::optional<RuleError> problemWith(const Ritual& ritual) {
    KINDLING_CHECK(idProblem(ritual.id, Field::Ritual));
    KINDLING_CHECK(about(Field::RitualName, nameProblem(ritual.name)));
    KINDLING_CHECK(about(Field::RitualIcon, textProblem(ritual.icon, maxNameLength)));
    KINDLING_CHECK(about(Field::RitualWhy, textProblem(ritual.why, maxNoteLength)));
    KINDLING_CHECK(about(Field::RitualUnit, textProblem(ritual.unit, maxNameLength)));
    KINDLING_CHECK(about(Field::RitualCatalogId, textProblem(ritual.catalogId, maxNameLength)));
    const Frequency f = ritual.frequency;
    if (f.times < 1) return RuleError{Field::RitualTimes, "must be at least 1"};
    if (f.perDays < 1 || f.perDays > maxPerDays)
        return RuleError{Field::RitualPerDays,
                         "must be between 1 and " + std::to_string(maxPerDays)};
    if (f.times > f.perDays)
        return RuleError{Field::RitualTimes, std::to_string(f.times) + " times in " +
                                                 std::to_string(f.perDays) +
                                                 " days is more than once a day"};
    if (ritual.weekdays &&
        std::none_of(ritual.weekdays->begin(), ritual.weekdays->end(), [](bool on) { return on; }))
        return RuleError{Field::RitualWeekdays, "choose at least one day"};
    // A target of 0 is a measure with no minimum (docs/scoring.md §2: p is 1).
    if (ritual.measure && !isAmount(ritual.measure->target))
        return RuleError{Field::RitualTarget, "must be zero or more"};
    return std::nullopt;
}

std::optional<RuleError> problemWith(const Log& log) {
    KINDLING_CHECK(idProblem(log.id, Field::Log));
    KINDLING_CHECK(idProblem(log.ritualId, Field::Ritual));
    KINDLING_CHECK(about(Field::LogDay, dayProblem(log.day)));
    if (log.amount && !std::isfinite(*log.amount))
        return RuleError{Field::LogAmount, "too large a number to keep"};
    if (log.amount && *log.amount < 0) return RuleError{Field::LogAmount, "must be zero or more"};
    KINDLING_CHECK(about(Field::LogNote, textProblem(log.note, maxNoteLength)));
    return std::nullopt;
}

std::optional<RuleError> problemWith(const Skip& skip) {
    KINDLING_CHECK(idProblem(skip.id, Field::SkipDay));
    KINDLING_CHECK(idProblem(skip.ritualId, Field::Ritual));
    return about(Field::SkipDay, dayProblem(skip.day));
}

std::optional<RuleError> problemWith(const Pause& pause) {
    KINDLING_CHECK(idProblem(pause.id, Field::Pause));
    KINDLING_CHECK(about(Field::PauseFirst, dayProblem(pause.first)));
    KINDLING_CHECK(about(Field::PauseLast, dayProblem(pause.last)));
    if (pause.last < pause.first)
        return RuleError{Field::PauseLast, "the pause ends before it starts"};
    return about(Field::PauseReason, textProblem(pause.reason, maxNoteLength));
}

std::optional<RuleError> problemWith(const Goal& goal) {
    KINDLING_CHECK(idProblem(goal.id, Field::Goal));
    KINDLING_CHECK(about(Field::GoalTitle, nameProblem(goal.title)));
    KINDLING_CHECK(about(Field::GoalReward, textProblem(goal.reward, maxNoteLength)));
    if (goal.target < 1) return RuleError{Field::GoalTarget, "must be at least 1"};
    if (goal.target > maxGoalTarget)
        return RuleError{Field::GoalTarget, "at most " + std::to_string(maxGoalTarget)};
    if (goal.scope == GoalScope::Ritual) KINDLING_CHECK(idProblem(goal.ritualId, Field::Ritual));
    KINDLING_CHECK(about(Field::GoalFrom, dayProblem(goal.start)));
    KINDLING_CHECK(about(Field::GoalTo, dayProblem(goal.end)));
    if (goal.period == GoalPeriod::Custom && goal.end < goal.start)
        return RuleError{Field::GoalTo, "the goal ends before it starts"};
    if (goal.archivedOn) KINDLING_CHECK(about(Field::Goal, dayProblem(*goal.archivedOn)));
    return std::nullopt;
}

std::optional<RuleError> problemWith(const QuestionMarkEntry& mark) {
    if (mark.questionId.empty() || mark.questionId.size() > 64)
        return RuleError{Field::Question, "a question's id is 1 to 64 characters"};
    return about(Field::Question, dayProblem(mark.day));
}

std::optional<RuleError> problemWith(const ProgrammeStep& step) {
    KINDLING_CHECK(idProblem(step.id, Field::Programme));
    if (step.order < 1) return RuleError{Field::Programme, "a step's order starts at 1"};
    if (step.stage < 1 || step.stage > programmeStages)
        return RuleError{Field::Programme, "a stage is 1 to " + std::to_string(programmeStages)};
    const bool answer =
        step.kind == ProgrammeStepKind::Join || step.kind == ProgrammeStepKind::Ready;
    if (answer && (!step.who || *step.who == Who::Both))
        return RuleError{Field::Programme, "an answer is one partner's own"};
    if (!answer && step.who)
        return RuleError{Field::Programme, "pausing, stopping and going back keep no name"};
    return about(Field::Programme, dayProblem(step.day));
}

std::optional<RuleError> problemWith(const KeptXp& kept) {
    KINDLING_CHECK(idProblem(kept.id, Field::KeptXp));
    if (kept.xp < 1 || kept.xp > maxKeptXp)
        return RuleError{Field::KeptXp, "kept XP is 1 to " + std::to_string(maxKeptXp)};
    return about(Field::KeptXp, dayProblem(kept.day));
}

std::optional<RuleError> problemWith(const Preference& preference) {
    if (preference.key.empty() || preference.key.size() > 64)
        return RuleError{Field::PreferenceKey, "a preference's key is 1 to 64 characters"};
    return about(Field::PreferenceValue, textProblem(preference.value, maxNoteLength));
}

std::optional<RuleError> problemWith(const ShownCelebration& shown) {
    if (shown.key.empty() || shown.key.size() > 200)
        return RuleError{Field::Celebration, "a celebration's key is 1 to 200 bytes"};
    return std::nullopt;
}

#undef KINDLING_CHECK

// ---- A change against the history ----------------------------------------------

namespace {

std::string_view kindName(const Couple*) {
    return "the couple";
}
std::string_view kindName(const Settings*) {
    return "the settings";
}
std::string_view kindName(const Ritual*) {
    return "that ritual";
}
std::string_view kindName(const Log*) {
    return "that log";
}
std::string_view kindName(const Skip*) {
    return "that day off";
}
std::string_view kindName(const Pause*) {
    return "that break";
}
std::string_view kindName(const Goal*) {
    return "that goal";
}
std::string_view kindName(const QuestionMarkEntry*) {
    return "that question";
}
std::string_view kindName(const ProgrammeStep*) {
    return "that step";
}
std::string_view kindName(const KeptXp*) {
    return "that kept XP";
}

Field fieldOf(const Couple*) {
    return Field::Partner1Name;
}
Field fieldOf(const Settings*) {
    return Field::DayStartHour;
}
Field fieldOf(const Ritual*) {
    return Field::Ritual;
}
Field fieldOf(const Log*) {
    return Field::Log;
}
Field fieldOf(const Skip*) {
    return Field::SkipDay;
}
Field fieldOf(const Pause*) {
    return Field::Pause;
}
Field fieldOf(const Goal*) {
    return Field::Goal;
}
Field fieldOf(const QuestionMarkEntry*) {
    return Field::Question;
}
Field fieldOf(const ProgrammeStep*) {
    return Field::Programme;
}
Field fieldOf(const KeptXp*) {
    return Field::KeptXp;
}

// Each row's `before` must be what the history holds now: the live row with
// that key, or none when the row is new.
template <class Row>
void checkBefores(const std::vector<Row>& live, const std::vector<RowChange<Row>>& changes) {
    if (changes.empty()) return;
    std::unordered_map<std::string, const RowChange<Row>*> byKey;
    byKey.reserve(changes.size());
    for (const RowChange<Row>& change : changes) {
        if (!change.before && !change.after)
            throw RuleViolation(fieldOf(static_cast<const Row*>(nullptr)),
                                "a change names a row without saying what it becomes");
        const std::string key = keyOf(change.before ? *change.before : *change.after);
        if (change.before && change.after && keyOf(*change.after) != key)
            throw RuleViolation(fieldOf(static_cast<const Row*>(nullptr)),
                                "a change cannot give a row another id");
        if (!byKey.emplace(key, &change).second)
            throw RuleViolation(fieldOf(static_cast<const Row*>(nullptr)),
                                "one change names " + key + " twice");
    }
    std::size_t matched = 0;
    for (const Row& row : live) {
        const auto found = byKey.find(keyOf(row));
        if (found == byKey.end()) continue;
        const auto& before = found->second->before;
        if (!before || !(*before == row))
            throw RuleViolation(fieldOf(static_cast<const Row*>(nullptr)),
                                std::string(kindName(static_cast<const Row*>(nullptr))) +
                                    " has changed meanwhile; nothing was changed");
        ++matched;
    }
    std::size_t expected = 0;
    for (const RowChange<Row>& change : changes)
        expected += change.before ? 1 : 0;
    if (matched != expected)
        throw RuleViolation(fieldOf(static_cast<const Row*>(nullptr)),
                            std::string(kindName(static_cast<const Row*>(nullptr))) +
                                " is no longer here; nothing was changed");
}

template <class Row> void checkSingle(const Row& live, const std::vector<RowChange<Row>>& changes) {
    if (changes.size() > 1)
        throw RuleViolation(fieldOf(static_cast<const Row*>(nullptr)),
                            "one change names " + keyOf(live) + " twice");
    for (const RowChange<Row>& change : changes) {
        if (!change.after)
            throw RuleViolation(fieldOf(static_cast<const Row*>(nullptr)),
                                std::string(kindName(static_cast<const Row*>(nullptr))) +
                                    " cannot be removed");
        if (change.before && !(*change.before == live))
            throw RuleViolation(fieldOf(static_cast<const Row*>(nullptr)),
                                std::string(kindName(static_cast<const Row*>(nullptr))) +
                                    " has changed meanwhile; nothing was changed");
    }
}

template <class Row> void checkRows(const std::vector<RowChange<Row>>& changes) {
    for (const RowChange<Row>& change : changes)
        if (change.after)
            if (auto problem = problemWith(*change.after)) throw RuleViolation(*problem);
}

// What the change leaves of one kind, as keys: the live keys it removes or
// replaces are out, its new versions in. Only for the cross-row rules below,
// which look at few rows, so a view of the changed rows is enough.
template <class Row>
std::unordered_set<std::string> removedKeys(const std::vector<RowChange<Row>>& changes) {
    std::unordered_set<std::string> keys;
    for (const RowChange<Row>& change : changes)
        if (change.before) keys.insert(keyOf(*change.before));
    return keys;
}

} // namespace

void checkChange(const History& history, const ChangeSet& change) {
    const ChangeRows& rows = change.rows;
    checkSingle(history.couple, rows.of<Couple>());
    checkSingle(history.settings, rows.of<Settings>());
    checkBefores(history.rituals, rows.of<Ritual>());
    checkBefores(history.logs, rows.of<Log>());
    checkBefores(history.skips, rows.of<Skip>());
    checkBefores(history.pauses, rows.of<Pause>());
    checkBefores(history.goals, rows.of<Goal>());
    checkBefores(history.questionMarks, rows.of<QuestionMarkEntry>());
    checkBefores(history.programmeSteps, rows.of<ProgrammeStep>());
    checkBefores(history.keptXp, rows.of<KeptXp>());
    rows.forEach([](const auto& list) { checkRows(list); });

    // Rituals after the change: names are unique (case aside), and every
    // log, skip and goal it writes names one of them.
    const auto& ritualChanges = rows.of<Ritual>();
    const auto leaving = removedKeys(ritualChanges);
    std::unordered_set<std::string> ritualIds;
    std::map<std::string, std::string> idByName; // lowered name -> id
    const auto lowered = [](std::string text) {
        for (char& c : text)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return text;
    };
    const bool ritualsChange = !ritualChanges.empty();
    for (const Ritual& ritual : history.rituals) {
        if (leaving.count(ritual.id)) continue;
        ritualIds.insert(ritual.id);
        if (ritualsChange) idByName.emplace(lowered(ritual.name), ritual.id);
    }
    for (const RowChange<Ritual>& c : ritualChanges) {
        if (!c.after) continue;
        ritualIds.insert(c.after->id);
        const auto [at, inserted] = idByName.emplace(lowered(c.after->name), c.after->id);
        // Two computers may each add a ritual of one name: both are kept.
        if (!inserted && at->second != c.after->id && !change.merged)
            throw RuleViolation(Field::RitualName,
                                "there is already a ritual called \"" + c.after->name + "\"");
    }
    const auto needRitual = [&](const std::string& id) {
        if (!ritualIds.count(id))
            throw RuleViolation(Field::Ritual, "that ritual no longer exists");
    };
    for (const auto& c : rows.of<Log>())
        if (c.after) needRitual(c.after->ritualId);
    for (const auto& c : rows.of<Goal>())
        if (c.after && c.after->scope == GoalScope::Ritual) needRitual(c.after->ritualId);

    // One live skip per ritual and day.
    const auto& skipChanges = rows.of<Skip>();
    if (!skipChanges.empty()) {
        const auto leavingSkips = removedKeys(skipChanges);
        std::set<std::pair<std::string, Day>> taken;
        for (const auto& c : skipChanges)
            if (c.after) {
                needRitual(c.after->ritualId);
                if (!taken.emplace(c.after->ritualId, c.after->day).second)
                    throw RuleViolation(Field::SkipDay, "that day is already a day off");
            }
        for (const Skip& skip : history.skips)
            if (!leavingSkips.count(skip.id) && taken.count({skip.ritualId, skip.day}))
                throw RuleViolation(Field::SkipDay, "that day is already a day off");
    }
}

} // namespace kindling
