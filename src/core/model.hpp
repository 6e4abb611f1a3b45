#pragma once
// What a couple's history is made of (docs/product.md §3). Plain values:
// the store persists them, the core derives every number from them, and the
// same history always gives the same numbers.

#include "core/date.hpp"
#include "core/scoring.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kindling {

enum class Area : std::uint8_t { Connection, Appreciation, Touch, Talk, Repair, Fun };
enum class RitualMode : std::uint8_t { Together, Each };
enum class Who : std::uint8_t { Partner1, Partner2, Both };

// The names every row is kept and exported by (core/entity.cpp): a contract
// with files already written, in the order of the enums.
inline constexpr std::array<std::string_view, 6> areaNames{"connection", "appreciation", "touch",
                                                           "talk",       "repair",       "fun"};
inline constexpr std::array<std::string_view, 2> modeNames{"together", "each"};
inline constexpr std::array<std::string_view, 3> whoNames{"partner1", "partner2", "both"};
inline constexpr std::array<std::string_view, 2> measureKindNames{"at_least", "at_most"};
inline constexpr std::array<std::string_view, 3> goalScopeNames{"ritual", "area", "any"};
inline constexpr std::array<std::string_view, 5> goalPeriodNames{"week", "month", "custom",
                                                                 "every_week", "every_month"};
inline constexpr std::array<std::string_view, 3> questionMarkNames{"answered", "favourite",
                                                                   "skipped"};
inline constexpr std::array<std::string_view, 7> weekdayNames{"mon", "tue", "wed", "thu",
                                                              "fri", "sat", "sun"};
inline constexpr std::array<std::string_view, 5> programmeStepKindNames{"join", "ready", "pause",
                                                                        "stop", "back"};

// An enum's names, for nameOf and fromName; each enum kept by name has them.
template <class Enum> inline constexpr std::span<const std::string_view> namesOf{};
template <> inline constexpr std::span<const std::string_view> namesOf<Area>{areaNames};
template <> inline constexpr std::span<const std::string_view> namesOf<RitualMode>{modeNames};

template <class Enum> std::string_view nameOf(Enum value) {
    static_assert(!namesOf<Enum>.empty(), "namesOf<Enum> is not given");
    return namesOf<Enum>[static_cast<std::size_t>(value)];
}
template <class Enum> std::optional<Enum> fromName(std::string_view name) {
    static_assert(!namesOf<Enum>.empty(), "namesOf<Enum> is not given");
    for (std::size_t i = 0; i < namesOf<Enum>.size(); ++i)
        if (namesOf<Enum>[i] == name) return static_cast<Enum>(i);
    return std::nullopt;
}

inline constexpr std::array allAreas{Area::Connection, Area::Appreciation, Area::Touch,
                                     Area::Talk,       Area::Repair,       Area::Fun};

// Limits that keep names readable and hostile input bounded.
inline constexpr std::size_t maxNameLength = 80;   // characters (UTF-8 code points)
inline constexpr std::size_t maxNoteLength = 4000; // code points
inline constexpr int maxPerDays = 365;
inline constexpr int maxGoalTarget = 1'000'000;          // logs
inline constexpr std::int64_t maxKeptXp = 1'000'000'000; // one change's kept XP

struct Partner {
    std::string name;
    std::uint32_t colour = 0; // 0xRRGGBB
    bool operator==(const Partner&) const = default;
};

struct Couple {
    std::array<Partner, 2> partners{Partner{"Partner 1", 0xE0683F}, Partner{"Partner 2", 0x7A6FC2}};
    bool operator==(const Couple&) const = default;
};

struct Ritual {
    std::string id; // stable UUID
    std::string name;
    std::string icon = "heart"; // Font Awesome 4.7 name (core/icons.hpp)
    Area area = Area::Connection;
    std::string why;
    Frequency frequency;              // N per D
    std::optional<Weekdays> weekdays; // set: a specific-weekdays schedule
    RitualMode mode = RitualMode::Together;
    std::optional<Measure> measure; // set: a measured ritual
    std::string unit;               // "minutes"; measured rituals only
    bool archived = false;          // archived rituals keep their history
    int position = 0;               // order on screen
    std::string catalogId;          // the catalog entry it came from, if any
    // Done when it helps rather than on a schedule (the repair talk): never due,
    // no streak, a strength that never fades (docs/scoring.md §3.7).
    bool whenItHelps = false;
    bool operator==(const Ritual&) const = default;
};

// Rituals that are logged when they happen and never asked for: the touch
// area, and "when it helps" rituals. They are never due, have no streak and
// their strength never fades (docs/scoring.md §3.7, docs/product.md §1.7).
bool isNeverDue(const Ritual& ritual);

struct Log {
    std::string id; // stable UUID
    std::string ritualId;
    Day day; // logical day
    Who who = Who::Both;
    std::optional<double> amount; // measured rituals
    std::string note;
    std::int64_t loggedAt = 0; // unix seconds, when it was logged
    bool operator==(const Log&) const = default;
};

struct Skip {
    std::string id;
    std::string ritualId;
    Day day;
    bool operator==(const Skip&) const = default;
};

struct Pause {
    std::string id;
    Day first;
    Day last; // inclusive
    std::string reason;
    bool operator==(const Pause&) const = default;
};

enum class GoalScope : std::uint8_t { Ritual, Area, Any };
enum class GoalPeriod : std::uint8_t { Week, Month, Custom, EveryWeek, EveryMonth };

struct Goal {
    std::string id;
    std::string title;
    int target = 1; // number of logs
    GoalScope scope = GoalScope::Any;
    std::string ritualId;         // scope Ritual
    Area area = Area::Connection; // scope Area
    GoalPeriod period = GoalPeriod::Week;
    Day start; // Week/Month: the day it was set (its week or month counts); Custom: first day
    Day end;   // Custom: last day (inclusive); otherwise unused
    std::string reward;
    // Set: archived on that day. Nothing after it counts (goals.hpp); clearing
    // it (a restore) brings the goal back whole.
    std::optional<Day> archivedOn;
    bool operator==(const Goal&) const = default;
};

struct Settings {
    int dayStartHour = 4; // the logical day starts at 04:00
    int weekStart = 0;    // 0 = Monday … 6 = Sunday
    // The question deck's opt-in category, "Talking about us", is among the
    // nights' questions (core/question_deck.hpp OptInQuestions). Off until
    // the couple turns it on.
    bool talkingAboutUs = false;
    bool operator==(const Settings&) const = default;
};

// The question deck's memory: one mark of each kind per question.
enum class QuestionMark : std::uint8_t { Answered, Favourite, Skipped };
template <>
inline constexpr std::span<const std::string_view> namesOf<QuestionMark>{questionMarkNames};

struct QuestionMarkEntry {
    std::string questionId;
    QuestionMark mark = QuestionMark::Answered;
    Day day; // when it was (last) marked
    bool operator==(const QuestionMarkEntry&) const = default;
};

// The "touch without pressure" programme (docs/product.md §3.13): every answer
// and choice is one step, kept in the order taken; where the programme stands
// is what the steps add up to (core/programme.hpp).
enum class ProgrammeStepKind : std::uint8_t {
    Join,  // a partner's answer to "shall we begin (or go on)?": yes or not now
    Ready, // a partner's answer to "ready for the next stage?": yes or not yet
    Pause, // either partner rests the programme (who is not kept)
    Stop,  // either partner ends it (who is not kept)
    Back,  // back to the stage before, for more time with it
};
inline constexpr int programmeStages = 3;

struct ProgrammeStep {
    std::string id;
    std::int64_t order = 1; // 1, 2, 3 …: the steps are read in this order
    ProgrammeStepKind kind = ProgrammeStepKind::Join;
    // Join and Ready: the partner who answered (Partner1 or Partner2). Pause,
    // Stop and Back keep nobody's name: they are private.
    std::optional<Who> who;
    bool yes = false; // Join and Ready: the answer
    int stage = 1;    // Ready and Back: the stage they were given in (1..3)
    Day day;
    bool operator==(const ProgrammeStep&) const = default;
};

// XP an edit of the past would have taken away, kept (docs/scoring.md §6.3):
// one row per change that kept some, dated on the day of the change. A row
// of the couple's, so it travels to the other computer with the change.
struct KeptXp {
    std::string id;
    Day day;
    std::int64_t xp = 0; // at least 1
    bool operator==(const KeptXp&) const = default;
};

// Everything the couple has recorded. Vectors in no particular order unless
// stated; the derivation sorts what it needs.
struct History {
    Couple couple;
    Settings settings;
    std::vector<Ritual> rituals;
    std::vector<Log> logs;
    std::vector<Skip> skips;
    std::vector<Pause> pauses;
    std::vector<Goal> goals;
    std::vector<QuestionMarkEntry> questionMarks; // by day, then question, then mark
    std::vector<ProgrammeStep> programmeSteps;    // in any order; read by `order`
    std::vector<KeptXp> keptXp;                   // by day, then id

    const Ritual* findRitual(std::string_view id) const;
    // Case-insensitive (ASCII) match on the name, archived rituals included.
    const Ritual* findRitualByName(std::string_view name) const;
};

// Number of Unicode code points in valid UTF-8; nullopt when not valid UTF-8.
std::optional<std::size_t> utf8Length(std::string_view text);

} // namespace kindling
