#include "core/entity.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace kindling {

std::string_view valueKindText(ValueKind kind) {
    switch (kind) {
    case ValueKind::Text:
        return "text";
    case ValueKind::Integer:
        return "a whole number";
    case ValueKind::Number:
        return "a number";
    case ValueKind::Boolean:
        return "true or false";
    case ValueKind::TextList:
        return "a list of text";
    }
    return "a value";
}

std::string shownText(std::string_view text) {
    // Long or odd values are shortened so a message stays one readable line.
    std::string shown;
    std::size_t count = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++count > 60) {
            shown += "…";
            break;
        }
        const auto byte = static_cast<unsigned char>(c);
        shown += byte < 0x20 || byte == 0x7f ? '?' : c;
    }
    return "\"" + shown + "\"";
}

bool isUuid(std::string_view id) {
    if (id.size() != 36) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

namespace {

using Problem = std::optional<std::string>;

// ---- How one value is checked -------------------------------------------------------

enum class Line : std::uint8_t { Single, Multi }; // names are one line; notes may break

Problem textProblem(const std::string& text, std::size_t maxLength, Line line, bool required) {
    const auto length = utf8Length(text);
    if (!length) return "is not valid UTF-8 text";
    if (*length > maxLength)
        return "is " + std::to_string(*length) + " characters long; at most " +
               std::to_string(maxLength) + " are kept";
    if (required && text.find_first_not_of(" \t\r\n") == std::string::npos) return "is empty";
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool lineBreak = c == '\n' || c == '\r' || c == '\t';
        if ((byte < 0x20 || byte == 0x7f) && !(line == Line::Multi && lineBreak))
            return (line == Line::Single ? shownText(text) + " " : std::string()) +
                   "contains a control character";
    }
    return std::nullopt;
}

Problem dayProblem(const std::string& text, Day& day) {
    const auto parsed = parseDay(text);
    if (!parsed) return shownText(text) + " is not a real date written YYYY-MM-DD";
    if (!isKeptDay(*parsed))
        return shownText(text) + " is outside the dates Kindling keeps (" +
               std::string(keptDaysText) + ")";
    day = *parsed;
    return std::nullopt;
}

Problem integerProblem(std::int64_t value, std::int64_t min, std::int64_t max) {
    if (value < min || value > max)
        return std::to_string(value) + " is outside " + std::to_string(min) + " to " +
               std::to_string(max);
    return std::nullopt;
}

Problem amountProblem(double value) {
    if (!std::isfinite(value)) return "is not a finite number";
    // What was done is never less than nothing.
    if (value < 0) return "is below zero; amounts and targets are zero or more";
    return std::nullopt;
}

template <std::size_t N>
Problem nameProblem(const std::string& text, const std::array<std::string_view, N>& names,
                    std::size_t& index) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == text) {
            index = i;
            return std::nullopt;
        }
    std::string list;
    for (std::string_view name : names)
        list += (list.empty() ? "" : ", ") + std::string(name);
    return shownText(text) + " is not one of " + list;
}

// ---- Fields: a member and a codec -----------------------------------------------------
// A codec says how one type of member is a FieldValue: its kind, get, and set
// (which checks), and, where SQLite keeps it in another shape, getColumn and
// setColumn. field<Member, Codec> makes the description's functions from it.

template <class T> struct MemberPointer;
template <class C, class M> struct MemberPointer<M C::*> {
    using Row = C;
    using Type = M;
};
template <auto Member> using RowOf = typename MemberPointer<decltype(Member)>::Row;

// Values reaching set() already have the field's kind: the reader checks it.
template <class T> const T& as(const FieldValue& value) {
    return std::get<T>(value);
}
bool isNone(const FieldValue& value) {
    return std::holds_alternative<std::monostate>(value);
}

template <std::size_t MaxLength, Line L = Line::Single, bool Required = false> struct Text {
    static constexpr ValueKind kind = ValueKind::Text;
    static FieldValue get(const std::string& member) { return member; }
    static Problem set(std::string& member, const FieldValue& value) {
        const std::string& text = as<std::string>(value);
        if (auto problem = textProblem(text, MaxLength, L, Required)) return problem;
        member = text;
        return std::nullopt;
    }
};

Problem idProblem(const std::string& id) {
    if (isUuid(id)) return std::nullopt;
    return shownText(id) + " is not an id (a lowercase UUID such as "
                           "\"0b6f3a5e-2c1d-4e8f-9a7b-3c2d1e0f4a5b\")";
}

struct Id {
    static constexpr ValueKind kind = ValueKind::Text;
    static FieldValue get(const std::string& member) { return member; }
    static Problem set(std::string& member, const FieldValue& value) {
        if (auto problem = idProblem(as<std::string>(value))) return problem;
        member = as<std::string>(value);
        return std::nullopt;
    }
};

// An id or nothing: "" in the model and the export, NULL in SQLite.
struct MaybeId : Id {
    static constexpr bool optional = true;
    static Problem set(std::string& member, const FieldValue& value) {
        if (isNone(value) || as<std::string>(value).empty()) {
            member.clear();
            return std::nullopt;
        }
        return Id::set(member, value);
    }
    static FieldValue getColumn(const std::string& member) {
        if (member.empty()) return std::monostate{};
        return member;
    }
    static Problem setColumn(std::string& member, const FieldValue& value) {
        member = isNone(value) ? std::string() : as<std::string>(value);
        return std::nullopt;
    }
};

struct DayText {
    static constexpr ValueKind kind = ValueKind::Text;
    static FieldValue get(const Day& member) { return formatDay(member); }
    static Problem set(Day& member, const FieldValue& value) {
        return dayProblem(as<std::string>(value), member);
    }
};

template <std::int64_t Min, std::int64_t Max> struct Integer {
    static constexpr ValueKind kind = ValueKind::Integer;
    template <class T> static FieldValue get(const T& member) {
        return static_cast<std::int64_t>(member);
    }
    template <class T> static Problem set(T& member, const FieldValue& value) {
        const std::int64_t number = as<std::int64_t>(value);
        if (auto problem = integerProblem(number, Min, Max)) return problem;
        member = static_cast<T>(number);
        return std::nullopt;
    }
};

// true/false in the export, 1/0 in SQLite.
struct Flag {
    static constexpr ValueKind kind = ValueKind::Boolean;
    static FieldValue get(const bool& member) { return member; }
    static Problem set(bool& member, const FieldValue& value) {
        member = as<bool>(value);
        return std::nullopt;
    }
    static FieldValue getColumn(const bool& member) { return std::int64_t{member ? 1 : 0}; }
    static Problem setColumn(bool& member, const FieldValue& value) {
        member = as<std::int64_t>(value) != 0;
        return std::nullopt;
    }
};

// A flag added after the first files were written: a record without it
// keeps the old meaning, false.
struct LaterFlag : Flag {
    static constexpr bool optional = true;
    static Problem set(bool& member, const FieldValue& value) {
        member = false;
        return isNone(value) ? std::nullopt : Flag::set(member, value);
    }
    static Problem setColumn(bool& member, const FieldValue& value) {
        member = false;
        return isNone(value) ? std::nullopt : Flag::setColumn(member, value);
    }
};

// Enums are kept by name, the same in SQLite and in the export.
template <const auto& Names> struct Named {
    static constexpr ValueKind kind = ValueKind::Text;
    template <class T> static FieldValue get(const T& member) {
        return std::string(Names[static_cast<std::size_t>(member)]);
    }
    template <class T> static Problem set(T& member, const FieldValue& value) {
        std::size_t index = 0;
        if (auto problem = nameProblem(as<std::string>(value), Names, index)) return problem;
        member = static_cast<T>(index);
        return std::nullopt;
    }
};

struct Amount {
    static constexpr ValueKind kind = ValueKind::Number;
    static FieldValue get(const double& member) { return member; }
    static Problem set(double& member, const FieldValue& value) {
        if (auto problem = amountProblem(as<double>(value))) return problem;
        member = as<double>(value);
        return std::nullopt;
    }
};

// A std::optional member of codec C: absent is NULL in SQLite and left out of
// the export.
template <class C> struct Optional {
    static constexpr ValueKind kind = C::kind;
    static constexpr bool optional = true;
    template <class T> static FieldValue get(const std::optional<T>& member) {
        if (!member) return std::monostate{};
        return C::get(*member);
    }
    template <class T> static Problem set(std::optional<T>& member, const FieldValue& value) {
        if (isNone(value)) {
            member = std::nullopt;
            return std::nullopt;
        }
        T parsed{};
        if (auto problem = C::set(parsed, value)) return problem;
        member = std::move(parsed);
        return std::nullopt;
    }
};

template <class Codec> constexpr bool optionalCodec() {
    if constexpr (requires { Codec::optional; })
        return Codec::optional;
    else
        return false;
}

template <auto Member, class Codec>
constexpr FieldDescription<RowOf<Member>> field(std::string_view name, std::string_view column) {
    using Row = RowOf<Member>;
    FieldDescription<Row> description{
        name,
        column,
        Codec::kind,
        optionalCodec<Codec>(),
        [](const Row& row) -> FieldValue { return Codec::get(row.*Member); },
        [](Row& row, const FieldValue& value) -> Problem {
            return Codec::set(row.*Member, value);
        }};
    if constexpr (requires { &Codec::getColumn; }) {
        description.getColumn = [](const Row& row) -> FieldValue {
            return Codec::getColumn(row.*Member);
        };
        description.setColumn = [](Row& row, const FieldValue& value) -> Problem {
            return Codec::setColumn(row.*Member, value);
        };
    }
    return description;
}

// ---- Fields no maker covers ------------------------------------------------------------

// A ritual's schedule: N times per D days (docs/scoring.md §0). That N is at
// most D is a rule of the whole row (core/rules.cpp).
template <int Frequency::*Part>
constexpr FieldDescription<Ritual> frequencyPart(std::string_view name) {
    using Codec = Integer<1, maxPerDays>;
    return {name,
            name,
            Codec::kind,
            false,
            [](const Ritual& row) -> FieldValue { return Codec::get(row.frequency.*Part); },
            [](Ritual& row, const FieldValue& value) -> Problem {
                return Codec::set(row.frequency.*Part, value);
            }};
}

// Specific weekdays: a list of day names in the export, a mask of seven 0/1
// in SQLite (Monday first).
constexpr FieldDescription<Ritual> weekdaysField{
    "weekdays",
    "weekdays",
    ValueKind::TextList,
    true,
    [](const Ritual& row) -> FieldValue {
        if (!row.weekdays) return std::monostate{};
        std::vector<std::string> days;
        for (std::size_t i = 0; i < 7; ++i)
            if ((*row.weekdays)[i]) days.emplace_back(weekdayNames[i]);
        return days;
    },
    [](Ritual& row, const FieldValue& value) -> Problem {
        if (isNone(value)) {
            row.weekdays = std::nullopt;
            return std::nullopt;
        }
        const auto& days = as<std::vector<std::string>>(value);
        if (days.empty() || days.size() > 7) return "should name 1 to 7 days";
        Weekdays mask{};
        for (const std::string& text : days) {
            std::size_t index = 0;
            if (nameProblem(text, weekdayNames, index))
                return shownText(text) + " is not one of mon, tue, wed, thu, fri, sat, sun";
            if (mask[index]) return shownText(text) + " is named twice";
            mask[index] = true;
        }
        row.weekdays = mask;
        return std::nullopt;
    },
    [](const Ritual& row) -> FieldValue {
        if (!row.weekdays) return std::monostate{};
        std::string mask;
        for (bool on : *row.weekdays)
            mask += on ? '1' : '0';
        return mask;
    },
    [](Ritual& row, const FieldValue& value) -> Problem {
        if (isNone(value)) {
            row.weekdays = std::nullopt;
            return std::nullopt;
        }
        const std::string& mask = as<std::string>(value);
        if (mask.size() != 7 || mask.find_first_not_of("01") != std::string::npos)
            return "has an impossible weekday mask " + shownText(mask);
        Weekdays days{};
        for (std::size_t i = 0; i < 7; ++i)
            days[i] = mask[i] == '1';
        row.weekdays = days;
        return std::nullopt;
    }};

// A measure is a kind and a target, both or neither: "measure": {"kind",
// "target"} in the export, two columns in SQLite. The kind comes first.
constexpr FieldDescription<Ritual> measureKindField{
    "measure.kind",
    "measure_kind",
    ValueKind::Text,
    true,
    [](const Ritual& row) -> FieldValue {
        if (!row.measure) return std::monostate{};
        return std::string(measureKindNames[static_cast<std::size_t>(row.measure->kind)]);
    },
    [](Ritual& row, const FieldValue& value) -> Problem {
        if (isNone(value)) {
            row.measure = std::nullopt;
            return std::nullopt;
        }
        std::size_t index = 0;
        if (auto problem = nameProblem(as<std::string>(value), measureKindNames, index))
            return problem;
        row.measure =
            Measure{static_cast<MeasureKind>(index), row.measure ? row.measure->target : 0};
        return std::nullopt;
    }};

constexpr FieldDescription<Ritual> measureTargetField{
    "measure.target",
    "measure_target",
    ValueKind::Number,
    true,
    [](const Ritual& row) -> FieldValue {
        if (!row.measure) return std::monostate{};
        return row.measure->target;
    },
    [](Ritual& row, const FieldValue& value) -> Problem {
        const bool none = isNone(value);
        if (none != !row.measure) return none ? "is missing" : "needs a measure.kind beside it";
        if (none) return std::nullopt;
        const double target = as<double>(value);
        if (auto problem = amountProblem(target)) return problem;
        row.measure->target = target;
        return std::nullopt;
    }};

// ---- The descriptions ---------------------------------------------------------------------

constexpr std::int64_t maxPosition = 1'000'000'000;

const FieldDescription<Partner> partnerFields[] = {
    field<&Partner::name, Text<maxNameLength, Line::Single, true>>("name", "name"),
    field<&Partner::colour, Integer<0, 0xFFFFFF>>("colour", "colour"),
};

// A partner's field inside the couple: partner `I`'s field of partnerFields.
template <std::size_t I, std::size_t F>
constexpr FieldDescription<Couple> partnerField(std::string_view name);

const FieldDescription<Settings> settingsFields[] = {
    field<&Settings::dayStartHour, Integer<0, 23>>("day_start_hour", "day_start_hour"),
    field<&Settings::weekStart, Integer<0, 6>>("week_start", "week_start"),
    field<&Settings::talkingAboutUs, LaterFlag>("talking_about_us", "talking_about_us"),
};

template <std::size_t I, std::size_t F>
constexpr FieldDescription<Couple> partnerField(std::string_view name) {
    return {
        name,
        name,
        partnerFields[F].kind,
        partnerFields[F].optional,
        [](const Couple& couple) -> FieldValue { return partnerFields[F].get(couple.partners[I]); },
        [](Couple& couple, const FieldValue& value) -> Problem {
            return partnerFields[F].set(couple.partners[I], value);
        }};
}

const FieldDescription<Couple> coupleFields[] = {
    partnerField<0, 0>("partner1.name"),
    partnerField<0, 1>("partner1.colour"),
    partnerField<1, 0>("partner2.name"),
    partnerField<1, 1>("partner2.colour"),
};

const FieldDescription<Ritual> ritualFields[] = {
    field<&Ritual::id, Id>("id", "id"),
    field<&Ritual::name, Text<maxNameLength, Line::Single, true>>("name", "name"),
    field<&Ritual::icon, Text<maxNameLength>>("icon", "icon"),
    field<&Ritual::area, Named<areaNames>>("area", "area"),
    field<&Ritual::why, Text<maxNoteLength, Line::Multi>>("why", "why"),
    frequencyPart<&Frequency::times>("times"),
    frequencyPart<&Frequency::perDays>("per_days"),
    weekdaysField,
    field<&Ritual::mode, Named<modeNames>>("mode", "mode"),
    measureKindField,
    measureTargetField,
    field<&Ritual::unit, Text<maxNameLength>>("unit", "unit"),
    field<&Ritual::archived, Flag>("archived", "archived"),
    field<&Ritual::position, Integer<-maxPosition, maxPosition>>("position", "position"),
    field<&Ritual::catalogId, Text<maxNameLength>>("catalog_id", "catalog_id"),
    field<&Ritual::whenItHelps, LaterFlag>("when_it_helps", "when_it_helps"),
};

const FieldDescription<Log> logFields[] = {
    field<&Log::id, Id>("id", "id"),
    field<&Log::ritualId, Id>("ritual_id", "ritual_id"),
    field<&Log::day, DayText>("day", "day"),
    field<&Log::who, Named<whoNames>>("who", "who"),
    field<&Log::amount, Optional<Amount>>("amount", "amount"),
    field<&Log::note, Text<maxNoteLength, Line::Multi>>("note", "note"),
    field<&Log::loggedAt, Integer<0, latestTimestamp>>("logged_at", "logged_at"),
};

const FieldDescription<Skip> skipFields[] = {
    field<&Skip::id, Id>("id", "id"),
    field<&Skip::ritualId, Id>("ritual_id", "ritual_id"),
    field<&Skip::day, DayText>("day", "day"),
};

const FieldDescription<Pause> pauseFields[] = {
    field<&Pause::id, Id>("id", "id"),
    field<&Pause::first, DayText>("first", "first_day"),
    field<&Pause::last, DayText>("last", "last_day"),
    field<&Pause::reason, Text<maxNoteLength, Line::Multi>>("reason", "reason"),
};

const FieldDescription<Goal> goalFields[] = {
    field<&Goal::id, Id>("id", "id"),
    field<&Goal::title, Text<maxNameLength, Line::Single, true>>("title", "title"),
    field<&Goal::target, Integer<1, maxGoalTarget>>("target", "target"),
    field<&Goal::scope, Named<goalScopeNames>>("scope", "scope"),
    field<&Goal::ritualId, MaybeId>("ritual_id", "ritual_id"),
    field<&Goal::area, Named<areaNames>>("area", "area"),
    field<&Goal::period, Named<goalPeriodNames>>("period", "period"),
    field<&Goal::start, DayText>("start", "start_day"),
    field<&Goal::end, DayText>("end", "end_day"),
    field<&Goal::reward, Text<maxNoteLength, Line::Multi>>("reward", "reward"),
    field<&Goal::archivedOn, Optional<DayText>>("archived_on", "archived_on"),
};

const FieldDescription<QuestionMarkEntry> questionMarkFields[] = {
    field<&QuestionMarkEntry::questionId, Text<64, Line::Single, true>>("question_id",
                                                                        "question_id"),
    field<&QuestionMarkEntry::mark, Named<questionMarkNames>>("mark", "mark"),
    field<&QuestionMarkEntry::day, DayText>("day", "day"),
};

// The programme's steps are read in `order` (core/programme.hpp); that an
// answer names one partner and the rest nobody is a rule of the whole row.
const FieldDescription<ProgrammeStep> programmeStepFields[] = {
    field<&ProgrammeStep::id, Id>("id", "id"),
    field<&ProgrammeStep::order, Integer<1, maxPosition>>("order", "ord"),
    field<&ProgrammeStep::kind, Named<programmeStepKindNames>>("kind", "kind"),
    field<&ProgrammeStep::who, Optional<Named<whoNames>>>("who", "who"),
    field<&ProgrammeStep::yes, Flag>("yes", "yes"),
    field<&ProgrammeStep::stage, Integer<1, programmeStages>>("stage", "stage"),
    field<&ProgrammeStep::day, DayText>("day", "day"),
};

const FieldDescription<KeptXp> keptXpFields[] = {
    field<&KeptXp::id, Id>("id", "id"),
    field<&KeptXp::day, DayText>("day", "day"),
    field<&KeptXp::xp, Integer<1, maxKeptXp>>("xp", "xp"),
};

} // namespace

const EntityDescriptions entityDescriptions{
    EntityDescription<Partner>{"partners", "partners", partnerFields},
    EntityDescription<Couple>{"partners", "couple", coupleFields},
    EntityDescription<Settings>{"settings", "settings", settingsFields},
    EntityDescription<Ritual>{"rituals", "rituals", ritualFields},
    EntityDescription<Log>{"logs", "logs", logFields},
    EntityDescription<Skip>{"skips", "skips", skipFields},
    EntityDescription<Pause>{"pauses", "pauses", pauseFields},
    EntityDescription<Goal>{"goals", "goals", goalFields},
    EntityDescription<QuestionMarkEntry>{"question_marks", "question_marks", questionMarkFields},
    EntityDescription<ProgrammeStep>{"programme_steps", "programme_steps", programmeStepFields},
    EntityDescription<KeptXp>{"kept_xp", "kept_xp", keptXpFields},
};

} // namespace kindling
