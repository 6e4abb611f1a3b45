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

// ---- Field makers: one per shape of member --------------------------------------------

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

template <auto Member, std::size_t MaxLength, Line L = Line::Single, bool Required = false>
constexpr FieldDescription<RowOf<Member>> text(std::string_view name, std::string_view column) {
    using Row = RowOf<Member>;
    return {name,
            column,
            ValueKind::Text,
            false,
            [](const Row& row) -> FieldValue { return row.*Member; },
            [](Row& row, const FieldValue& value) -> Problem {
                const std::string& text = as<std::string>(value);
                if (auto problem = textProblem(text, MaxLength, L, Required)) return problem;
                row.*Member = text;
                return std::nullopt;
            }};
}

template <auto Member>
constexpr FieldDescription<RowOf<Member>> uuid(std::string_view name, std::string_view column) {
    using Row = RowOf<Member>;
    return {name,
            column,
            ValueKind::Text,
            false,
            [](const Row& row) -> FieldValue { return row.*Member; },
            [](Row& row, const FieldValue& value) -> Problem {
                const std::string& id = as<std::string>(value);
                if (!isUuid(id))
                    return shownText(id) + " is not an id (a lowercase UUID such as "
                                           "\"0b6f3a5e-2c1d-4e8f-9a7b-3c2d1e0f4a5b\")";
                row.*Member = id;
                return std::nullopt;
            }};
}

// An id or nothing: "" in the model and the export, NULL in SQLite.
template <auto Member>
constexpr FieldDescription<RowOf<Member>> optionalUuid(std::string_view name,
                                                       std::string_view column) {
    using Row = RowOf<Member>;
    FieldDescription<Row> field = uuid<Member>(name, column);
    field.set = [](Row& row, const FieldValue& value) -> Problem {
        const std::string& id = as<std::string>(value);
        if (!id.empty() && !isUuid(id))
            return shownText(id) + " is not an id (a lowercase UUID such as "
                                   "\"0b6f3a5e-2c1d-4e8f-9a7b-3c2d1e0f4a5b\")";
        row.*Member = id;
        return std::nullopt;
    };
    field.getColumn = [](const Row& row) -> FieldValue {
        if ((row.*Member).empty()) return std::monostate{};
        return row.*Member;
    };
    field.setColumn = [](Row& row, const FieldValue& value) -> Problem {
        row.*Member =
            std::holds_alternative<std::monostate>(value) ? std::string() : as<std::string>(value);
        return std::nullopt;
    };
    field.optional = true;
    return field;
}

template <auto Member>
constexpr FieldDescription<RowOf<Member>> day(std::string_view name, std::string_view column) {
    using Row = RowOf<Member>;
    return {name,
            column,
            ValueKind::Text,
            false,
            [](const Row& row) -> FieldValue { return formatDay(row.*Member); },
            [](Row& row, const FieldValue& value) -> Problem {
                return dayProblem(as<std::string>(value), row.*Member);
            }};
}

template <auto Member>
constexpr FieldDescription<RowOf<Member>> optionalDay(std::string_view name,
                                                      std::string_view column) {
    using Row = RowOf<Member>;
    return {name,
            column,
            ValueKind::Text,
            true,
            [](const Row& row) -> FieldValue {
                if (!(row.*Member)) return std::monostate{};
                return formatDay(*(row.*Member));
            },
            [](Row& row, const FieldValue& value) -> Problem {
                if (std::holds_alternative<std::monostate>(value)) {
                    row.*Member = std::nullopt;
                    return std::nullopt;
                }
                Day parsed{};
                if (auto problem = dayProblem(as<std::string>(value), parsed)) return problem;
                row.*Member = parsed;
                return std::nullopt;
            }};
}

template <auto Member, std::int64_t Min, std::int64_t Max>
constexpr FieldDescription<RowOf<Member>> integer(std::string_view name, std::string_view column) {
    using Row = RowOf<Member>;
    using T = typename MemberPointer<decltype(Member)>::Type;
    return {name,
            column,
            ValueKind::Integer,
            false,
            [](const Row& row) -> FieldValue { return static_cast<std::int64_t>(row.*Member); },
            [](Row& row, const FieldValue& value) -> Problem {
                const std::int64_t number = as<std::int64_t>(value);
                if (auto problem = integerProblem(number, Min, Max)) return problem;
                row.*Member = static_cast<T>(number);
                return std::nullopt;
            }};
}

template <auto Member>
constexpr FieldDescription<RowOf<Member>> boolean(std::string_view name, std::string_view column) {
    using Row = RowOf<Member>;
    return {name,
            column,
            ValueKind::Boolean,
            false,
            [](const Row& row) -> FieldValue { return row.*Member; },
            [](Row& row, const FieldValue& value) -> Problem {
                row.*Member = as<bool>(value);
                return std::nullopt;
            },
            [](const Row& row) -> FieldValue { return std::int64_t{row.*Member ? 1 : 0}; },
            [](Row& row, const FieldValue& value) -> Problem {
                row.*Member = as<std::int64_t>(value) != 0;
                return std::nullopt;
            }};
}

// A flag added after the first files were written: a record without it
// keeps the old meaning, false.
template <auto Member>
constexpr FieldDescription<RowOf<Member>> laterFlag(std::string_view name,
                                                    std::string_view column) {
    using Row = RowOf<Member>;
    FieldDescription<Row> field = boolean<Member>(name, column);
    field.optional = true;
    field.set = [](Row& row, const FieldValue& value) -> Problem {
        row.*Member = !std::holds_alternative<std::monostate>(value) && as<bool>(value);
        return std::nullopt;
    };
    field.setColumn = [](Row& row, const FieldValue& value) -> Problem {
        row.*Member =
            !std::holds_alternative<std::monostate>(value) && as<std::int64_t>(value) != 0;
        return std::nullopt;
    };
    return field;
}

// Enums are kept by name, the same in SQLite and in the export.
template <auto Member, const auto& Names>
constexpr FieldDescription<RowOf<Member>> named(std::string_view name, std::string_view column) {
    using Row = RowOf<Member>;
    using T = typename MemberPointer<decltype(Member)>::Type;
    return {name,
            column,
            ValueKind::Text,
            false,
            [](const Row& row) -> FieldValue {
                return std::string(Names[static_cast<std::size_t>(row.*Member)]);
            },
            [](Row& row, const FieldValue& value) -> Problem {
                std::size_t index = 0;
                if (auto problem = nameProblem(as<std::string>(value), Names, index))
                    return problem;
                row.*Member = static_cast<T>(index);
                return std::nullopt;
            }};
}

// An enum that may be absent (NULL in SQLite, left out of the export).
template <auto Member, const auto& Names>
constexpr FieldDescription<RowOf<Member>> optionalNamed(std::string_view name,
                                                        std::string_view column) {
    using Row = RowOf<Member>;
    using T = typename MemberPointer<decltype(Member)>::Type::value_type;
    return {name,
            column,
            ValueKind::Text,
            true,
            [](const Row& row) -> FieldValue {
                if (!(row.*Member)) return std::monostate{};
                return std::string(Names[static_cast<std::size_t>(*(row.*Member))]);
            },
            [](Row& row, const FieldValue& value) -> Problem {
                if (std::holds_alternative<std::monostate>(value)) {
                    row.*Member = std::nullopt;
                    return std::nullopt;
                }
                std::size_t index = 0;
                if (auto problem = nameProblem(as<std::string>(value), Names, index))
                    return problem;
                row.*Member = static_cast<T>(index);
                return std::nullopt;
            }};
}

template <auto Member>
constexpr FieldDescription<RowOf<Member>> optionalAmount(std::string_view name,
                                                         std::string_view column) {
    using Row = RowOf<Member>;
    return {name,
            column,
            ValueKind::Number,
            true,
            [](const Row& row) -> FieldValue {
                if (!(row.*Member)) return std::monostate{};
                return *(row.*Member);
            },
            [](Row& row, const FieldValue& value) -> Problem {
                if (std::holds_alternative<std::monostate>(value)) {
                    row.*Member = std::nullopt;
                    return std::nullopt;
                }
                const double amount = as<double>(value);
                if (auto problem = amountProblem(amount)) return problem;
                row.*Member = amount;
                return std::nullopt;
            }};
}

// ---- Fields no maker covers ------------------------------------------------------------

// A ritual's schedule: N times per D days (docs/scoring.md §0). That N is at
// most D is a rule of the whole row (core/rules.cpp).
template <int Frequency::*Part>
constexpr FieldDescription<Ritual> frequencyPart(std::string_view name) {
    return {name,
            name,
            ValueKind::Integer,
            false,
            [](const Ritual& row) -> FieldValue {
                return static_cast<std::int64_t>(row.frequency.*Part);
            },
            [](Ritual& row, const FieldValue& value) -> Problem {
                const std::int64_t number = as<std::int64_t>(value);
                if (auto problem = integerProblem(number, 1, maxPerDays)) return problem;
                row.frequency.*Part = static_cast<int>(number);
                return std::nullopt;
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
        if (std::holds_alternative<std::monostate>(value)) {
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
        if (std::holds_alternative<std::monostate>(value)) {
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
        if (std::holds_alternative<std::monostate>(value)) {
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
        const bool none = std::holds_alternative<std::monostate>(value);
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
    text<&Partner::name, maxNameLength, Line::Single, true>("name", "name"),
    integer<&Partner::colour, 0, 0xFFFFFF>("colour", "colour"),
};

// A partner's field inside the couple: partner `I`'s field of partnerFields.
template <std::size_t I, std::size_t F>
constexpr FieldDescription<Couple> partnerField(std::string_view name);

const FieldDescription<Settings> settingsFields[] = {
    integer<&Settings::dayStartHour, 0, 23>("day_start_hour", "day_start_hour"),
    integer<&Settings::weekStart, 0, 6>("week_start", "week_start"),
    laterFlag<&Settings::talkingAboutUs>("talking_about_us", "talking_about_us"),
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
    uuid<&Ritual::id>("id", "id"),
    text<&Ritual::name, maxNameLength, Line::Single, true>("name", "name"),
    text<&Ritual::icon, maxNameLength>("icon", "icon"),
    named<&Ritual::area, areaNames>("area", "area"),
    text<&Ritual::why, maxNoteLength, Line::Multi>("why", "why"),
    frequencyPart<&Frequency::times>("times"),
    frequencyPart<&Frequency::perDays>("per_days"),
    weekdaysField,
    named<&Ritual::mode, modeNames>("mode", "mode"),
    measureKindField,
    measureTargetField,
    text<&Ritual::unit, maxNameLength>("unit", "unit"),
    boolean<&Ritual::archived>("archived", "archived"),
    integer<&Ritual::position, -maxPosition, maxPosition>("position", "position"),
    text<&Ritual::catalogId, maxNameLength>("catalog_id", "catalog_id"),
    laterFlag<&Ritual::whenItHelps>("when_it_helps", "when_it_helps"),
};

const FieldDescription<Log> logFields[] = {
    uuid<&Log::id>("id", "id"),
    uuid<&Log::ritualId>("ritual_id", "ritual_id"),
    day<&Log::day>("day", "day"),
    named<&Log::who, whoNames>("who", "who"),
    optionalAmount<&Log::amount>("amount", "amount"),
    text<&Log::note, maxNoteLength, Line::Multi>("note", "note"),
    integer<&Log::loggedAt, 0, latestTimestamp>("logged_at", "logged_at"),
};

const FieldDescription<Skip> skipFields[] = {
    uuid<&Skip::id>("id", "id"),
    uuid<&Skip::ritualId>("ritual_id", "ritual_id"),
    day<&Skip::day>("day", "day"),
};

const FieldDescription<Pause> pauseFields[] = {
    uuid<&Pause::id>("id", "id"),
    day<&Pause::first>("first", "first_day"),
    day<&Pause::last>("last", "last_day"),
    text<&Pause::reason, maxNoteLength, Line::Multi>("reason", "reason"),
};

const FieldDescription<Goal> goalFields[] = {
    uuid<&Goal::id>("id", "id"),
    text<&Goal::title, maxNameLength, Line::Single, true>("title", "title"),
    integer<&Goal::target, 1, maxGoalTarget>("target", "target"),
    named<&Goal::scope, goalScopeNames>("scope", "scope"),
    optionalUuid<&Goal::ritualId>("ritual_id", "ritual_id"),
    named<&Goal::area, areaNames>("area", "area"),
    named<&Goal::period, goalPeriodNames>("period", "period"),
    day<&Goal::start>("start", "start_day"),
    day<&Goal::end>("end", "end_day"),
    text<&Goal::reward, maxNoteLength, Line::Multi>("reward", "reward"),
    optionalDay<&Goal::archivedOn>("archived_on", "archived_on"),
};

const FieldDescription<QuestionMarkEntry> questionMarkFields[] = {
    text<&QuestionMarkEntry::questionId, 64, Line::Single, true>("question_id", "question_id"),
    named<&QuestionMarkEntry::mark, questionMarkNames>("mark", "mark"),
    day<&QuestionMarkEntry::day>("day", "day"),
};

// The programme's steps are read in `order` (core/programme.hpp); that an
// answer names one partner and the rest nobody is a rule of the whole row.
const FieldDescription<ProgrammeStep> programmeStepFields[] = {
    uuid<&ProgrammeStep::id>("id", "id"),
    integer<&ProgrammeStep::order, 1, maxPosition>("order", "ord"),
    named<&ProgrammeStep::kind, programmeStepKindNames>("kind", "kind"),
    optionalNamed<&ProgrammeStep::who, whoNames>("who", "who"),
    boolean<&ProgrammeStep::yes>("yes", "yes"),
    integer<&ProgrammeStep::stage, 1, programmeStages>("stage", "stage"),
    day<&ProgrammeStep::day>("day", "day"),
};

const FieldDescription<KeptXp> keptXpFields[] = {
    uuid<&KeptXp::id>("id", "id"),
    day<&KeptXp::day>("day", "day"),
    integer<&KeptXp::xp, 1, maxKeptXp>("xp", "xp"),
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
