#pragma once
// What a couple's history is made of (docs/product.md §3). Plain values:
// the store persists them, the core derives every number from them, and the
// same history always gives the same numbers.

#include "core/date.hpp"
#include "core/scoring.hpp"

#include <array>
#include <cstdint>
#include <optional>
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

std::string_view areaName(Area area);
std::optional<Area> areaFromName(std::string_view name);
inline constexpr std::array allAreas{Area::Connection, Area::Appreciation, Area::Touch,
                                     Area::Talk,       Area::Repair,       Area::Fun};
std::string_view modeName(RitualMode mode);
std::optional<RitualMode> modeFromName(std::string_view name);
std::string_view whoName(Who who); // "partner1", "partner2", "both"
std::optional<Who> whoFromName(std::string_view name);

// Limits that keep names readable and hostile input bounded.
inline constexpr std::size_t maxNameLength = 80;   // characters (UTF-8 code points)
inline constexpr std::size_t maxNoteLength = 4000; // code points
inline constexpr int maxPerDays = 365;
inline constexpr int maxGoalTarget = 1'000'000; // logs

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
    bool operator==(const Ritual&) const = default;
};

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
    bool operator==(const Settings&) const = default;
};

// The question deck's memory: one mark of each kind per question.
enum class QuestionMark : std::uint8_t { Answered, Favourite, Skipped };
std::string_view questionMarkName(QuestionMark mark); // "answered", "favourite", "skipped"
std::optional<QuestionMark> questionMarkFromName(std::string_view name);

struct QuestionMarkEntry {
    std::string questionId;
    QuestionMark mark = QuestionMark::Answered;
    Day day; // when it was (last) marked
    bool operator==(const QuestionMarkEntry&) const = default;
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

    const Ritual* findRitual(std::string_view id) const;
    // Case-insensitive (ASCII) match on the name, archived rituals included.
    const Ritual* findRitualByName(std::string_view name) const;
};

// Number of Unicode code points in valid UTF-8; nullopt when not valid UTF-8.
std::optional<std::size_t> utf8Length(std::string_view text);

} // namespace kindling
