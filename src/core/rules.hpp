#pragma once
// What a row of the couple's history may hold, said once (docs/architecture.md
// "Rules"). Every front end shows the same RuleError in its own words: the CLI
// names its flag (cli/cli.cpp), the window its field; none parses another's
// message. The schema's CHECKs stay as the last guard under these.

#include "core/change_set.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kindling {

// The field a rule is about.
enum class Field : std::uint8_t {
    None, // the change as a whole
    RitualName,
    RitualIcon,
    RitualWhy,
    RitualTimes,
    RitualPerDays,
    RitualWeekdays,
    RitualTarget,
    RitualUnit,
    RitualCatalogId,
    RitualOrder,
    Ritual, // which ritual (a log's, a skip's, a goal's)
    LogDay,
    LogWho,
    LogAmount,
    LogNote,
    Log, // which log
    SkipDay,
    PauseFirst,
    PauseLast,
    PauseReason,
    Pause, // which pause
    GoalTitle,
    GoalTarget,
    GoalScope,
    GoalFrom,
    GoalTo,
    GoalReward,
    Goal, // which goal
    Partner1Name,
    Partner2Name,
    PartnerColour,
    DayStartHour,
    WeekStart,
    Question,
    Programme, // the touch-without-pressure programme's steps
    KeptXp,    // XP kept through an edit of the past
    PreferenceKey,
    PreferenceValue,
    CurrentPin,
    NewPin,
    Celebration,
};

std::string_view fieldName(Field field); // "ritual name", for tests and logs

// What is wrong with a field: `problem` reads after the field's name ("must
// be at least 1") and never names a flag or a label.
struct RuleError {
    Field field = Field::None;
    std::string problem;
    bool operator==(const RuleError&) const = default;
};

// Thrown when a change breaks a rule: nothing was written.
class RuleViolation : public std::runtime_error {
  public:
    explicit RuleViolation(RuleError error);
    RuleViolation(Field field, std::string problem)
        : RuleViolation(RuleError{field, std::move(problem)}) {}
    const RuleError& error() const { return error_; }
    Field field() const { return error_.field; }
    const std::string& problem() const { return error_.problem; }

  private:
    RuleError error_;
};

// ---- Text ----------------------------------------------------------------------

std::string trimmed(std::string_view text);
bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b);
// A name, trimmed: not empty, valid UTF-8, no control characters, at most
// maxNameLength characters. Throws RuleViolation about `field`.
std::string checkedName(Field field, std::string_view name);
// Free text (a why-line, a reward, a note), trimmed unless `keepSpaces`:
// valid UTF-8, at most `maxLength` characters.
std::string checkedText(Field field, std::string_view text, std::size_t maxLength,
                        bool keepSpaces = false);

// ---- One row -------------------------------------------------------------------
// What any row must satisfy wherever it comes from (an action, an import, the
// other computer). The nullopt is a pass.

std::optional<RuleError> problemWith(const Couple& couple);
std::optional<RuleError> problemWith(const Settings& settings);
std::optional<RuleError> problemWith(const Ritual& ritual);
std::optional<RuleError> problemWith(const Log& log);
std::optional<RuleError> problemWith(const Skip& skip);
std::optional<RuleError> problemWith(const Pause& pause);
std::optional<RuleError> problemWith(const Goal& goal);
std::optional<RuleError> problemWith(const QuestionMarkEntry& mark);
std::optional<RuleError> problemWith(const ProgrammeStep& step);
std::optional<RuleError> problemWith(const KeptXp& kept);
std::optional<RuleError> problemWith(const Preference& preference);
std::optional<RuleError> problemWith(const ShownCelebration& shown);

// ---- A change against the history ----------------------------------------------

// Throws RuleViolation when `change` cannot apply to `history`: a key named
// twice in one kind, a `before` that is not what the history holds (the row
// changed meanwhile), a row that breaks its rules, a ritual name used twice,
// a log, skip or goal of a ritual that does not exist, two live skips of one
// ritual on one day. Preferences and shown celebrations are this computer's
// and are checked by their owner (Session) against its own copy.
void checkChange(const History& history, const ChangeSet& change);

} // namespace kindling
