#include "store/export_import.hpp"

#include "core/entity.hpp"
#include "core/rules.hpp"
#include "platform/os/file_calls.hpp"
#include "platform/os/local_time.hpp"
#include "store/files.hpp"
#include "store/journal_format.hpp"

#include <algorithm>
#include <array>
#include <cereal/archives/json.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cmath>
#include <cstring>
#include <ctime>
#include <optional>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace kindling {

// --- Writing: one versioned cereal record per kind of row -----------------------

// A row as its description (core/entity.hpp) writes it: fields in order,
// absent optionals left out, "measure.kind" and "measure.target" inside one
// "measure" object.
template <class Row> struct RowRecord {
    const Row& row;
    template <class Archive> void save(Archive& ar, std::uint32_t /*version*/) const {
        const auto& fields = entityOf<Row>().fields;
        std::string_view open; // the nested object being written, if any
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const FieldValue value = fields[i].get(row);
            std::string_view name = fields[i].name;
            const auto dot = name.find('.');
            const std::string_view group = dot == std::string_view::npos ? "" : name.substr(0, dot);
            if (group != open && !open.empty()) {
                ar.finishNode();
                open = {};
            }
            if (std::holds_alternative<std::monostate>(value)) continue;
            if (!group.empty()) {
                if (open != group) {
                    // cereal keeps the pointer until startNode, so the name must outlive it.
                    const std::string groupName(group);
                    ar.setNextName(groupName.c_str());
                    ar.startNode();
                    open = group;
                }
                name = name.substr(dot + 1);
            }
            const std::string key(name);
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (!std::is_same_v<T, std::monostate>)
                        ar(cereal::make_nvp(key.c_str(), v));
                },
                value);
        }
        if (!open.empty()) ar.finishNode();
    }
};

namespace {

struct CoupleRecord {
    const Couple& couple;
    template <class Archive> void save(Archive& ar, std::uint32_t /*version*/) const {
        ar.setNextName("partners");
        ar.startNode();
        ar.makeArray();
        for (const Partner& partner : couple.partners)
            ar(RowRecord<Partner>{partner});
        ar.finishNode();
    }
};

template <class Row, class Archive> void saveList(Archive& ar, const std::vector<Row>& rows) {
    const std::string list(entityOf<Row>().list); // alive until startNode reads it
    ar.setNextName(list.c_str());
    ar.startNode();
    ar.makeArray();
    for (const Row& row : rows)
        ar(RowRecord<Row>{row});
    ar.finishNode();
}

struct ExportRecord {
    const History& history;
    const ExportInfo& info;
    const StoreExtras& extras;
    template <class Archive> void save(Archive& ar, std::uint32_t /*version*/) const {
        ar(cereal::make_nvp("format_version", exportFormatVersion),
           cereal::make_nvp("exported_at", info.exportedAt),
           cereal::make_nvp("app_version", info.appVersion),
           cereal::make_nvp("couple", CoupleRecord{history.couple}),
           cereal::make_nvp("settings", RowRecord<Settings>{history.settings}));
        saveList(ar, history.rituals);
        saveList(ar, history.logs);
        saveList(ar, history.skips);
        saveList(ar, history.pauses);
        saveList(ar, history.goals);
        std::vector<std::string> keys(extras.shownCelebrations.begin(),
                                      extras.shownCelebrations.end());
        ar(cereal::make_nvp("shown_celebrations", keys));
        saveList(ar, history.questionMarks);
        saveList(ar, history.programmeSteps);
        saveList(ar, history.keptXp);
    }
};

} // namespace
} // namespace kindling

CEREAL_CLASS_VERSION(kindling::RowRecord<kindling::Partner>,
                     kindling::exportVersion<kindling::Partner>)
CEREAL_CLASS_VERSION(kindling::CoupleRecord, 1)
CEREAL_CLASS_VERSION(kindling::RowRecord<kindling::Settings>,
                     kindling::exportVersion<kindling::Settings>)
CEREAL_CLASS_VERSION(kindling::RowRecord<kindling::Ritual>,
                     kindling::exportVersion<kindling::Ritual>)
CEREAL_CLASS_VERSION(kindling::RowRecord<kindling::Log>, kindling::exportVersion<kindling::Log>)
CEREAL_CLASS_VERSION(kindling::RowRecord<kindling::Skip>, kindling::exportVersion<kindling::Skip>)
CEREAL_CLASS_VERSION(kindling::RowRecord<kindling::Pause>, kindling::exportVersion<kindling::Pause>)
CEREAL_CLASS_VERSION(kindling::RowRecord<kindling::Goal>, kindling::exportVersion<kindling::Goal>)
CEREAL_CLASS_VERSION(kindling::RowRecord<kindling::QuestionMarkEntry>,
                     kindling::exportVersion<kindling::QuestionMarkEntry>)
CEREAL_CLASS_VERSION(kindling::RowRecord<kindling::ProgrammeStep>,
                     kindling::exportVersion<kindling::ProgrammeStep>)
CEREAL_CLASS_VERSION(kindling::RowRecord<kindling::KeptXp>,
                     kindling::exportVersion<kindling::KeptXp>)
CEREAL_CLASS_VERSION(kindling::ExportRecord, 1)

namespace kindling {

StoreExtras storeExtras(const Store& store) {
    return StoreExtras{store.shownCelebrations()};
}

std::string exportTimestamp(std::int64_t unixSeconds) {
    const auto when = static_cast<std::time_t>(unixSeconds);
    const std::tm utc = os::utcTime(when);
    char text[32] = {};
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string exportJson(const History& history, const ExportInfo& info, const StoreExtras& extras) {
    std::ostringstream out;
    {
        // Indented for a person reading the file; full double precision so
        // amounts and targets come back bit for bit. The archive writes its
        // closing braces when it is destroyed, hence the scope.
        cereal::JSONOutputArchive archive(
            out, cereal::JSONOutputArchive::Options(
                     324, cereal::JSONOutputArchive::Options::IndentChar::space, 1));
        archive(cereal::make_nvp("kindling_export", ExportRecord{history, info, extras}));
    }
    out << "\n";
    return out.str();
}

// --- CSV ---------------------------------------------------------------------

namespace {

void appendCsvField(std::string& out, std::string_view field) {
    const bool quote = field.find_first_of("\",\r\n") != std::string_view::npos;
    if (!quote) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string formatAmount(double amount) {
    // Shortest text that reads back as the same number, without an exponent
    // for the amounts people log.
    char text[64];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(text, sizeof text, "%.*g", precision, amount);
        if (std::strtod(text, nullptr) == amount) break;
    }
    return text;
}

} // namespace

std::string exportCsv(const History& history) {
    std::unordered_map<std::string_view, std::string_view> ritualNames;
    for (const Ritual& ritual : history.rituals)
        ritualNames.emplace(ritual.id, ritual.name);
    std::vector<const Log*> logs;
    logs.reserve(history.logs.size());
    for (const Log& log : history.logs)
        logs.push_back(&log);
    std::stable_sort(logs.begin(), logs.end(), [](const Log* a, const Log* b) {
        return a->day != b->day ? a->day < b->day : a->loggedAt < b->loggedAt;
    });

    std::string out = "\xEF\xBB\xBF"; // UTF-8 byte order mark: spreadsheets then read UTF-8
    out += "date,ritual,who,amount,note\r\n";
    for (const Log* log : logs) {
        appendCsvField(out, formatDay(log->day));
        out += ',';
        const auto name = ritualNames.find(log->ritualId);
        appendCsvField(out,
                       name == ritualNames.end() ? std::string_view(log->ritualId) : name->second);
        out += ',';
        switch (log->who) {
        case Who::Partner1:
            appendCsvField(out, history.couple.partners[0].name);
            break;
        case Who::Partner2:
            appendCsvField(out, history.couple.partners[1].name);
            break;
        case Who::Both:
            out += "both";
            break;
        }
        out += ',';
        if (log->amount) out += formatAmount(*log->amount);
        out += ',';
        appendCsvField(out, log->note);
        out += "\r\n";
    }
    return out;
}

// --- Reading -----------------------------------------------------------------

namespace {

using Value = rapidjson::Value;

const char* typeName(const Value& value) {
    if (value.IsNull()) return "null";
    if (value.IsBool()) return "true/false";
    if (value.IsNumber()) return "a number";
    if (value.IsString()) return "text";
    if (value.IsArray()) return "a list";
    return "an object";
}

std::pair<std::size_t, std::size_t> lineAndColumn(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const auto line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
    const std::size_t lineStart = before.rfind('\n');
    const std::size_t column =
        offset - (lineStart == std::string_view::npos ? 0 : lineStart + 1) + 1;
    return {line, column};
}

std::string atPosition(std::string_view text, std::size_t offset) {
    const auto [line, column] = lineAndColumn(text, offset);
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// rapidjson 1.1's exact number reader has undefined behaviour (clz of 0)
// for a zero with a far exponent such as 0e-300. The value is zero whatever
// the exponent, so the exponent's digits become zeros. Returns the end of the
// number that starts at `start`.
std::size_t neutralizeZeroExponent(std::string& buffer, std::size_t start) {
    std::size_t end = start;
    while (end < buffer.size() &&
           std::string_view("0123456789+-.eE").find(buffer[end]) != std::string_view::npos)
        ++end;
    const std::size_t exponent =
        std::string_view(buffer).substr(start, end - start).find_first_of("eE");
    if (exponent == std::string_view::npos) return std::max(end, start + 1);
    const std::size_t exponentAt = start + exponent;
    const bool zero = std::all_of(buffer.begin() + static_cast<std::ptrdiff_t>(start),
                                  buffer.begin() + static_cast<std::ptrdiff_t>(exponentAt),
                                  [](char c) { return c == '0' || c == '-' || c == '.'; });
    if (zero)
        for (std::size_t i = exponentAt + 1; i < end; ++i)
            if (buffer[i] >= '1' && buffer[i] <= '9') buffer[i] = '0';
    return std::max(end, start + 1);
}

// Before the parser builds anything: how deep the nesting goes and how many
// values there are, so a hostile file is refused before it costs memory.
void scanShape(std::string& buffer, const ImportLimits& limits) {
    const std::string_view text(buffer);
    std::size_t depth = 0, values = 1;
    bool inString = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > limits.maxDepth)
                throw ImportError("The file is nested more than " +
                                  std::to_string(limits.maxDepth) + " levels deep at " +
                                  atPosition(text, i) + "; a Kindling export never is.");
            break;
        case ']':
        case '}':
            if (depth > 0) --depth;
            break;
        case '-':
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
        case '8':
        case '9':
            i = neutralizeZeroExponent(buffer, i) - 1;
            break;
        case ',':
            if (++values > limits.maxJsonValues)
                throw ImportError("The file holds more than " +
                                  std::to_string(limits.maxJsonValues) + " values (at " +
                                  atPosition(text, i) + "), more than Kindling imports.");
            break;
        default:
            break;
        }
    }
}

bool hasControlCharacter(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7f;
    });
}

enum class TextKind : std::uint8_t {
    Name, // one line: no control characters
    Note, // may hold line breaks and tabs, never NUL or other controls
};

// Reads one JSON object, naming `path` in every error. Refuses unknown and
// repeated fields: a field this Kindling does not know would be lost.
class ObjectReader {
  public:
    // `newestVersion`: the highest cereal class version this reader understands.
    ObjectReader(const Value& value, std::string path, const std::vector<const char*>& fields,
                 std::uint32_t newestVersion = 1)
        : path_(std::move(path)) {
        if (!value.IsObject())
            fail(path_, std::string("should be an object, not ") + typeName(value));
        object_ = &value;
        // Known fields plus cereal's version tag: anything more is unknown or
        // repeated, and checking that first keeps a huge object from costing
        // quadratic time below.
        if (value.MemberCount() > fields.size() + 1) {
            for (auto member = value.MemberBegin(); member != value.MemberEnd(); ++member) {
                const std::string_view name(member->name.GetString(),
                                            member->name.GetStringLength());
                if (name != "cereal_class_version" &&
                    std::none_of(fields.begin(), fields.end(),
                                 [&](const char* field) { return name == field; }))
                    fail(at(name), unknownField);
            }
            fail(path_, "has " + std::to_string(value.MemberCount()) +
                            " fields; a Kindling export has at most " +
                            std::to_string(fields.size() + 1) + " here");
        }
        for (auto member = value.MemberBegin(); member != value.MemberEnd(); ++member) {
            const std::string_view name(member->name.GetString(), member->name.GetStringLength());
            for (auto other = value.MemberBegin(); other != member; ++other)
                if (name ==
                    std::string_view(other->name.GetString(), other->name.GetStringLength()))
                    fail(at(name), "appears twice");
            if (name == "cereal_class_version") {
                const Value& version = member->value;
                if (!version.IsUint())
                    fail(at(name),
                         std::string("should be a whole number, not ") + typeName(version));
                if (version.GetUint() > newestVersion)
                    fail(at(name), "is " + std::to_string(version.GetUint()) +
                                       ": this entry was written by a newer Kindling, which "
                                       "this one (record version " +
                                       std::to_string(newestVersion) + ") cannot read safely");
                continue;
            }
            const bool known = std::any_of(fields.begin(), fields.end(),
                                           [&](const char* field) { return name == field; });
            if (!known) fail(at(name), unknownField);
        }
    }

    static constexpr const char* unknownField =
        "unknown field; the file may come from a newer Kindling. Nothing was imported, so "
        "nothing of it is lost";

    const std::string& path() const { return path_; }
    std::string at(std::string_view field) const { return path_ + "." + std::string(field); }

    [[noreturn]] static void fail(const std::string& where, const std::string& problem) {
        throw ImportError(where + ": " + problem);
    }

    // nullptr when absent or null.
    const Value* optional(const char* field) const {
        const auto member = object_->FindMember(field);
        if (member == object_->MemberEnd() || member->value.IsNull()) return nullptr;
        return &member->value;
    }
    const Value& required(const char* field) const {
        const auto member = object_->FindMember(field);
        if (member == object_->MemberEnd()) fail(at(field), "is missing");
        return member->value;
    }

    std::string text(const char* field, std::size_t maxLength, TextKind kind, bool nonEmpty) const {
        return textOf(required(field), at(field), maxLength, kind, nonEmpty);
    }

    static std::string textOf(const Value& value, const std::string& where, std::size_t maxLength,
                              TextKind kind, bool nonEmpty) {
        if (!value.IsString()) fail(where, std::string("should be text, not ") + typeName(value));
        const std::string_view text(value.GetString(), value.GetStringLength());
        // The parser already refused invalid UTF-8; this counts code points.
        const auto length = utf8Length(text);
        if (!length) fail(where, "is not valid UTF-8 text");
        if (*length > maxLength)
            fail(where, "is " + std::to_string(*length) + " characters long; at most " +
                            std::to_string(maxLength) + " are kept");
        if (nonEmpty && text.find_first_not_of(" \t\r\n") == std::string_view::npos)
            fail(where, "is empty");
        if (kind == TextKind::Name && hasControlCharacter(text))
            fail(where, shownText(text) + " contains a control character");
        if (kind == TextKind::Note && std::any_of(text.begin(), text.end(), [](char c) {
                const auto byte = static_cast<unsigned char>(c);
                return (byte < 0x20 && c != '\n' && c != '\r' && c != '\t') || byte == 0x7f;
            }))
            fail(where, "contains a control character");
        return std::string(text);
    }

    std::int64_t integer(const char* field, std::int64_t min, std::int64_t max) const {
        const Value& value = required(field);
        if (!value.IsInt64())
            fail(at(field),
                 std::string("should be a whole number, not ") +
                     (value.IsNumber() ? "a fraction or a huge number" : typeName(value)));
        const std::int64_t number = value.GetInt64();
        if (number < min || number > max)
            fail(at(field), std::to_string(number) + " is outside " + std::to_string(min) + " to " +
                                std::to_string(max));
        return number;
    }
    int smallInteger(const char* field, int min, int max) const {
        return static_cast<int>(integer(field, min, max));
    }

    bool boolean(const char* field) const {
        const Value& value = required(field);
        if (!value.IsBool())
            fail(at(field), std::string("should be true or false, not ") + typeName(value));
        return value.GetBool();
    }

  private:
    std::string path_;
    const Value* object_ = nullptr;
};

const Value& listIn(const ObjectReader& envelope, const char* field, std::size_t maxCount) {
    const Value& list = envelope.required(field);
    if (!list.IsArray())
        ObjectReader::fail(field, std::string("should be a list, not ") + typeName(list));
    if (list.Size() > maxCount)
        ObjectReader::fail(field, "holds " + std::to_string(list.Size()) + " entries; at most " +
                                      std::to_string(maxCount) + " can be imported");
    return list;
}

std::string entryPath(const char* list, std::size_t index) {
    return std::string(list) + "[" + std::to_string(index) + "]";
}

// Progress for big files, at most about a hundred calls per stage.
class ProgressReporter {
  public:
    ProgressReporter(const ImportProgress& progress, bool enabled)
        : progress_(enabled ? &progress : nullptr) {
        if (progress_ && !*progress_) progress_ = nullptr;
    }
    void report(std::string_view stage, std::size_t done, std::size_t total) const {
        if (!progress_ || total == 0) return;
        const std::size_t step = std::max<std::size_t>(1, total / 100);
        if (done % step == 0 || done == total) (*progress_)(stage, done, total);
    }

  private:
    const ImportProgress* progress_;
};

// The export's name of the field a row's rule is about (core/rules.hpp), for
// the rules that look at several fields at once.
std::string_view exportNameOf(Field field) {
    switch (field) {
    case Field::RitualTimes:
        return "times";
    case Field::RitualPerDays:
        return "per_days";
    case Field::RitualWeekdays:
        return "weekdays";
    case Field::RitualTarget:
        return "measure.target";
    case Field::Ritual:
        return "ritual_id";
    case Field::PauseLast:
        return "last";
    case Field::GoalTo:
        return "end";
    default:
        return "";
    }
}

// The value of one field as its kind expects it, or a message naming `where`.
FieldValue fieldValueOf(const Value& value, ValueKind kind, const std::string& where) {
    switch (kind) {
    case ValueKind::Text:
        if (!value.IsString())
            ObjectReader::fail(where, std::string("should be text, not ") + typeName(value));
        return std::string(value.GetString(), value.GetStringLength());
    case ValueKind::Integer:
        if (!value.IsInt64())
            ObjectReader::fail(
                where, std::string("should be a whole number, not ") +
                           (value.IsNumber() ? "a fraction or a huge number" : typeName(value)));
        return value.GetInt64();
    case ValueKind::Number:
        if (!value.IsNumber())
            ObjectReader::fail(where, std::string("should be a number, not ") + typeName(value));
        return value.GetDouble();
    case ValueKind::Boolean:
        if (!value.IsBool())
            ObjectReader::fail(where,
                               std::string("should be true or false, not ") + typeName(value));
        return value.GetBool();
    case ValueKind::TextList: {
        if (!value.IsArray())
            ObjectReader::fail(where,
                               std::string("should be a list such as [\"mon\", \"thu\"], not ") +
                                   typeName(value));
        std::vector<std::string> items;
        for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
            if (!value[i].IsString())
                ObjectReader::fail(where + "[" + std::to_string(i) + "]",
                                   std::string("should be text, not ") + typeName(value[i]));
            items.emplace_back(value[i].GetString(), value[i].GetStringLength());
        }
        return items;
    }
    }
    return std::monostate{};
}

// Reads one row through its description (core/entity.hpp), naming `path` in
// every error, then checks the rules of the whole row (core/rules.hpp).
// `legacy`: names an older record may hold beside the fields.
template <class Row>
Row readRow(const Value& value, const std::string& path,
            std::initializer_list<const char*> legacy = {},
            const std::function<void(const ObjectReader&, Row&)>& upgrade = {}) {
    const auto& fields = entityOf<Row>().fields;
    // The object's own names: "measure.kind" is "kind" inside "measure".
    std::vector<std::string> names;
    for (const FieldDescription<Row>& field : fields) {
        const std::string top(field.name.substr(0, field.name.find('.')));
        if (std::find(names.begin(), names.end(), top) == names.end()) names.push_back(top);
    }
    names.insert(names.end(), legacy.begin(), legacy.end());
    std::vector<const char*> allowed;
    for (const std::string& name : names)
        allowed.push_back(name.c_str());
    const ObjectReader reader(value, path, allowed, exportVersion<Row>);
    Row row;
    std::optional<ObjectReader> nested;
    std::string nestedName;
    for (const FieldDescription<Row>& field : fields) {
        const auto dot = field.name.find('.');
        const ObjectReader* from = &reader;
        std::string name(field.name);
        if (dot != std::string_view::npos) {
            const std::string group(field.name.substr(0, dot));
            if (group != nestedName) {
                nestedName = group;
                nested.reset();
                if (const Value* object = reader.optional(group.c_str())) {
                    std::vector<const char*> inner;
                    std::vector<std::string> innerNames;
                    for (const FieldDescription<Row>& f : fields)
                        if (f.name.substr(0, f.name.find('.')) == group)
                            innerNames.emplace_back(f.name.substr(dot + 1));
                    for (const std::string& n : innerNames)
                        inner.push_back(n.c_str());
                    nested.emplace(*object, reader.at(group), inner);
                }
            }
            if (!nested) {
                if (auto problem = field.set(row, std::monostate{}))
                    ObjectReader::fail(reader.at(group), *problem);
                continue;
            }
            from = &*nested;
            name = std::string(field.name.substr(dot + 1));
        }
        const std::string where = from->at(name);
        FieldValue parsed = std::monostate{};
        if (!field.optional)
            parsed = fieldValueOf(from->required(name.c_str()), field.kind, where);
        else if (const Value* member = from->optional(name.c_str()))
            parsed = fieldValueOf(*member, field.kind, where);
        if (auto problem = field.set(row, parsed)) ObjectReader::fail(where, *problem);
    }
    if (upgrade) upgrade(reader, row);
    // A partner's rules are the couple's (both names together).
    if constexpr (requires { problemWith(row); }) {
        if (auto problem = problemWith(row)) {
            const std::string_view name = exportNameOf(problem->field);
            ObjectReader::fail(name.empty() ? path : path + "." + std::string(name),
                               problem->problem);
        }
    }
    return row;
}

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Reads a list, sorting each entry into added / updated / skipped against the
// current rows by id, and refusing an id used twice in the file.
template <class T, class Read>
ImportChanges<T> mergeList(const Value& list, const char* name, const std::vector<T>& current,
                           Read&& read, const ProgressReporter& progress,
                           const std::string& stage) {
    std::unordered_map<std::string_view, const T*> currentById;
    currentById.reserve(current.size());
    for (const T& row : current)
        currentById.emplace(row.id, &row);
    std::unordered_map<std::string, std::size_t> seen;
    seen.reserve(list.Size());

    ImportChanges<T> changes;
    const std::size_t count = list.Size();
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        T row = read(list[i], entryPath(name, i));
        const auto [previous, inserted] = seen.emplace(row.id, i);
        if (!inserted)
            ObjectReader::fail(entryPath(name, i) + ".id",
                               "the same id as " + entryPath(name, previous->second));
        const auto existing = currentById.find(row.id);
        if (existing == currentById.end())
            changes.added.push_back(std::move(row));
        else if (*existing->second == row)
            ++changes.skipped;
        else
            changes.updated.push_back(std::move(row));
        progress.report(stage, i + 1, count);
    }
    return changes;
}

// Where each row of a list came from in the file, for messages after reading.
std::unordered_map<std::string_view, std::size_t> indexById(const Value& list) {
    std::unordered_map<std::string_view, std::size_t> index;
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        const auto id = list[i].FindMember("id");
        if (id != list[i].MemberEnd() && id->value.IsString())
            index.emplace(std::string_view(id->value.GetString(), id->value.GetStringLength()), i);
    }
    return index;
}

} // namespace

bool ImportPlan::changesNothing() const {
    for (const ImportCounts& counts : importSummary(*this))
        if (counts.added + counts.updated > 0) return false;
    return true;
}

std::vector<ImportCounts> importSummary(const ImportPlan& plan) {
    auto counts = [](std::string_view kind, const auto& changes) {
        return ImportCounts{kind, changes.added.size(), changes.updated.size(), changes.skipped};
    };
    return {counts("couple", plan.couple),
            counts("settings", plan.settings),
            counts("rituals", plan.rituals),
            counts("logs", plan.logs),
            counts("skips", plan.skips),
            counts("pauses", plan.pauses),
            counts("goals", plan.goals),
            counts("celebrations", plan.celebrations),
            counts("question marks", plan.questionMarks),
            counts("programme steps", plan.programmeSteps),
            counts("kept XP", plan.keptXp)};
}

ImportPlan planImport(std::string_view json, const History& current,
                      const StoreExtras& currentExtras, const ImportProgress& progress,
                      const ImportLimits& limits) {
    if (json.size() > limits.maxFileBytes)
        throw ImportError("The file is " + std::to_string(json.size() / (1024 * 1024)) +
                          " MB; Kindling imports files of at most " +
                          std::to_string(limits.maxFileBytes / (1024 * 1024)) + " MB.");
    if (json.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw ImportError("The file is empty: it holds no Kindling export.");
    const ProgressReporter reporter(progress, json.size() > progressThresholdBytes);
    reporter.report("reading the file", 0, 1);

    // Parsed in place from a copy: no second copy of every string. Iterative
    // parsing uses no recursion, full precision reads doubles back exactly,
    // and invalid UTF-8 is refused.
    // A NUL would end in-place parsing early: a binary file, said so plainly.
    if (const auto nul = json.find('\0'); nul != std::string_view::npos)
        throw ImportError("The file is not valid JSON at " + atPosition(json, nul) +
                          ": it holds a NUL byte (is it a binary file?)");
    std::string buffer(json);
    // rapidjson 1.1's UTF-8 check reads up to three bytes past a truncated
    // sequence at the very end; the padding keeps those reads in the buffer.
    buffer.append(8, '\0');
    scanShape(buffer, limits);
    rapidjson::Document document;
    document.ParseInsitu<rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag |
                         rapidjson::kParseValidateEncodingFlag>(buffer.data());
    if (document.HasParseError())
        throw ImportError("The file is not valid JSON at " +
                          atPosition(json, document.GetErrorOffset()) + ": " +
                          rapidjson::GetParseError_En(document.GetParseError()) +
                          (document.GetErrorOffset() >= json.size() ? " (is it cut short?)" : ""));
    reporter.report("reading the file", 1, 1);

    if (!document.IsObject() || !document.HasMember("kindling_export"))
        throw ImportError("This is not a Kindling export: the file should be an object holding "
                          "\"kindling_export\".");
    const Value& root = document["kindling_export"];
    {
        // The version first, so a newer file is refused for the right reason.
        if (!root.IsObject())
            ObjectReader::fail("kindling_export",
                               std::string("should be an object, not ") + typeName(root));
        const auto version = root.FindMember("format_version");
        if (version == root.MemberEnd())
            ObjectReader::fail("kindling_export.format_version", "is missing");
        if (!version->value.IsInt())
            ObjectReader::fail("kindling_export.format_version",
                               std::string("should be a whole number, not ") +
                                   typeName(version->value));
        const int formatVersion = version->value.GetInt();
        if (formatVersion > exportFormatVersion)
            throw ImportError("This export is format version " + std::to_string(formatVersion) +
                              ", written by a newer Kindling; this Kindling reads format version " +
                              std::to_string(exportFormatVersion) +
                              ". Install the newer Kindling to import it.");
        if (formatVersion < 1)
            ObjectReader::fail("kindling_export.format_version",
                               std::to_string(formatVersion) + " is not a format version");
    }
    if (document.MemberCount() != 1)
        ObjectReader::fail("(top level)", "holds fields beside \"kindling_export\"");

    ObjectReader envelope(root, "kindling_export",
                          {"format_version", "exported_at", "app_version", "couple", "settings",
                           "rituals", "logs", "skips", "pauses", "goals", "shown_celebrations",
                           "question_marks", "programme_steps", "kept_xp"});
    ImportPlan plan;
    plan.formatVersion = envelope.smallInteger("format_version", 1, exportFormatVersion);
    plan.exportedAt = envelope.text("exported_at", 64, TextKind::Name, false);
    plan.appVersion = envelope.text("app_version", 64, TextKind::Name, false);

    // The couple and settings.
    {
        ObjectReader couple(envelope.required("couple"), "couple", {"partners"});
        const Value& partners = couple.required("partners");
        if (!partners.IsArray() || partners.Size() != 2)
            ObjectReader::fail("couple.partners", "should be a list of the two partners");
        Couple parsed;
        for (rapidjson::SizeType i = 0; i < 2; ++i)
            parsed.partners[i] =
                readRow<Partner>(partners[i], "couple.partners[" + std::to_string(i) + "]");
        if (auto problem = problemWith(parsed))
            ObjectReader::fail(std::string("couple.partners[") +
                                   (problem->field == Field::Partner2Name ? "1" : "0") + "].name",
                               problem->problem);
        if (parsed == current.couple)
            ++plan.couple.skipped;
        else
            plan.couple.updated.push_back(parsed);

        const Settings settings = readRow<Settings>(envelope.required("settings"), "settings");
        if (settings == current.settings)
            ++plan.settings.skipped;
        else
            plan.settings.updated.push_back(settings);
    }

    const Value& rituals = listIn(envelope, "rituals", limits.maxRituals);
    const Value& logs = listIn(envelope, "logs", limits.maxLogs);
    const Value& skips = listIn(envelope, "skips", limits.maxSkips);
    const Value& pauses = listIn(envelope, "pauses", limits.maxPauses);
    const Value& goals = listIn(envelope, "goals", limits.maxGoals);
    const Value& celebrations = listIn(envelope, "shown_celebrations", limits.maxCelebrations);
    const Value& questionMarks = listIn(envelope, "question_marks", limits.maxQuestionMarks);
    // Files from before the programme and kept XP have neither.
    static const Value none(rapidjson::kArrayType);
    const Value& programmeSteps =
        envelope.optional("programme_steps") != nullptr
            ? listIn(envelope, "programme_steps", limits.maxProgrammeSteps)
            : none;
    const Value& keptXp = envelope.optional("kept_xp") != nullptr
                              ? listIn(envelope, "kept_xp", limits.maxKeptXp)
                              : none;

    const auto read = [](const auto* kind) {
        using Row = std::remove_cv_t<std::remove_pointer_t<decltype(kind)>>;
        return [](const Value& row, const std::string& path) { return readRow<Row>(row, path); };
    };
    plan.rituals = mergeList(rituals, "rituals", current.rituals,
                             read(static_cast<Ritual*>(nullptr)), reporter, "checking rituals");
    plan.logs = mergeList(logs, "logs", current.logs, read(static_cast<Log*>(nullptr)), reporter,
                          "checking logs");
    plan.skips = mergeList(skips, "skips", current.skips, read(static_cast<Skip*>(nullptr)),
                           reporter, "checking skips");
    plan.pauses = mergeList(pauses, "pauses", current.pauses, read(static_cast<Pause*>(nullptr)),
                            reporter, "checking pauses");
    plan.programmeSteps =
        mergeList(programmeSteps, "programme_steps", current.programmeSteps,
                  read(static_cast<ProgrammeStep*>(nullptr)), reporter, "checking the programme");
    plan.keptXp = mergeList(keptXp, "kept_xp", current.keptXp, read(static_cast<KeptXp*>(nullptr)),
                            reporter, "checking kept XP");
    // A file that cannot say when it was written stops such a goal at its start.
    const Day exportDay =
        parseDay(std::string_view(plan.exportedAt).substr(0, 10)).value_or(earliestDay);
    plan.goals = mergeList(
        goals, "goals", current.goals,
        [exportDay](const Value& goal, const std::string& path) {
            // A version 1 record says only whether a goal was archived; until
            // the file was written it kept counting, so it stops there.
            return readRow<Goal>(goal, path, {"archived"},
                                 [exportDay](const ObjectReader& r, Goal& g) {
                                     if (r.optional("archived_on") == nullptr &&
                                         r.optional("archived") != nullptr && r.boolean("archived"))
                                         g.archivedOn = std::max(exportDay, g.start);
                                 });
        },
        reporter, "checking goals");

    // References: every ritual a row points at is in the file or already here.
    {
        std::unordered_set<std::string_view> known;
        for (const Ritual& ritual : current.rituals)
            known.insert(ritual.id);
        for (rapidjson::SizeType i = 0; i < rituals.Size(); ++i)
            known.insert(
                std::string_view(rituals[i]["id"].GetString(), rituals[i]["id"].GetStringLength()));
        auto checkList = [&](const Value& list, const char* name, const char* field) {
            for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
                // A goal of no ritual may leave its ritual_id out.
                const auto member = list[i].FindMember(field);
                if (member == list[i].MemberEnd()) continue;
                const Value& id = member->value;
                const std::string_view ritualId(id.GetString(), id.GetStringLength());
                if (!ritualId.empty() && known.count(ritualId) == 0)
                    ObjectReader::fail(entryPath(name, i) + "." + field,
                                       "refers to the ritual " + shownText(ritualId) +
                                           ", which is neither in the file nor here");
            }
        };
        checkList(logs, "logs", "ritual_id");
        checkList(skips, "skips", "ritual_id");
        checkList(goals, "goals", "ritual_id");
    }

    // Ritual names stay unique (case aside) once the file is merged: the
    // command line finds rituals by name.
    {
        std::unordered_map<std::string, std::string> nameById; // id -> lowered name
        for (const Ritual& ritual : current.rituals)
            nameById[ritual.id] = lowered(ritual.name);
        std::unordered_set<std::string_view> fromFile;
        for (rapidjson::SizeType i = 0; i < rituals.Size(); ++i) {
            const std::string_view id(rituals[i]["id"].GetString(),
                                      rituals[i]["id"].GetStringLength());
            fromFile.insert(id);
            nameById[std::string(id)] = lowered(rituals[i]["name"].GetString());
        }
        std::unordered_map<std::string_view, std::string_view> idByName;
        for (const auto& [id, name] : nameById) {
            const auto [other, inserted] = idByName.emplace(name, id);
            if (inserted) continue;
            // Name the entry from the file (at least one of the two is).
            const std::string_view fileId =
                fromFile.count(id) ? std::string_view(id) : other->second;
            const std::string_view otherId = fileId == id ? other->second : std::string_view(id);
            const auto index = indexById(rituals).at(fileId);
            ObjectReader::fail(
                entryPath("rituals", index) + ".name",
                shownText(rituals[static_cast<rapidjson::SizeType>(index)]["name"].GetString()) +
                    " is also the name of another ritual (id " + shownText(otherId) +
                    (fromFile.count(otherId) ? " in the file" : " already here") +
                    "). Rename one of them first.");
        }
    }

    // One skip per ritual and day. A new skip of a day that is already
    // skipped here adds nothing and is left out.
    {
        auto key = [](const Skip& skip) { return skip.ritualId + "|" + formatDay(skip.day); };
        std::unordered_map<std::string, std::string> idByDay; // final state
        std::unordered_set<std::string> updatedIds;
        for (const Skip& skip : plan.skips.updated)
            updatedIds.insert(skip.id);
        for (const Skip& skip : current.skips)
            if (!updatedIds.count(skip.id)) idByDay.emplace(key(skip), skip.id);
        const auto fileIndex = indexById(skips);
        for (const Skip& skip : plan.skips.updated) {
            const auto [other, inserted] = idByDay.emplace(key(skip), skip.id);
            if (!inserted)
                ObjectReader::fail(entryPath("skips", fileIndex.at(skip.id)),
                                   "skips a day (" + formatDay(skip.day) +
                                       ") that another skip (id " + shownText(other->second) +
                                       ") already skips for this ritual");
        }
        std::vector<Skip> added;
        std::unordered_set<std::string> currentIds;
        for (const Skip& skip : current.skips)
            currentIds.insert(skip.id);
        for (Skip& skip : plan.skips.added) {
            const auto [other, inserted] = idByDay.emplace(key(skip), skip.id);
            if (inserted) {
                added.push_back(std::move(skip));
            } else if (currentIds.count(other->second) && !updatedIds.count(other->second)) {
                ++plan.skips.skipped;
            } else {
                ObjectReader::fail(entryPath("skips", fileIndex.at(skip.id)),
                                   "skips the same ritual on the same day (" + formatDay(skip.day) +
                                       ") as " + entryPath("skips", fileIndex.at(other->second)));
            }
        }
        plan.skips.added = std::move(added);
    }

    // Celebrations: a set of keys; the file's are added when new.
    for (rapidjson::SizeType i = 0; i < celebrations.Size(); ++i) {
        std::string celebrationKey = ObjectReader::textOf(
            celebrations[i], entryPath("shown_celebrations", i), 200, TextKind::Name, true);
        if (currentExtras.shownCelebrations.count(celebrationKey) ||
            std::find(plan.celebrations.added.begin(), plan.celebrations.added.end(),
                      celebrationKey) != plan.celebrations.added.end())
            ++plan.celebrations.skipped;
        else
            plan.celebrations.added.push_back(std::move(celebrationKey));
    }

    // Question marks: one per question and kind of mark; the file's day wins.
    {
        auto key = [](const QuestionMarkEntry& entry) { return keyOf(entry); };
        std::unordered_map<std::string, Day> currentDays;
        for (const QuestionMarkEntry& entry : current.questionMarks)
            currentDays.emplace(key(entry), entry.day);
        std::unordered_map<std::string, std::size_t> seen;
        for (rapidjson::SizeType i = 0; i < questionMarks.Size(); ++i) {
            QuestionMarkEntry entry =
                readRow<QuestionMarkEntry>(questionMarks[i], entryPath("question_marks", i));
            const auto [previous, inserted] = seen.emplace(key(entry), i);
            if (!inserted)
                ObjectReader::fail(entryPath("question_marks", i),
                                   "the same question and mark as " +
                                       entryPath("question_marks", previous->second));
            const auto existing = currentDays.find(key(entry));
            if (existing == currentDays.end())
                plan.questionMarks.added.push_back(std::move(entry));
            else if (existing->second == entry.day)
                ++plan.questionMarks.skipped;
            else
                plan.questionMarks.updated.push_back(std::move(entry));
        }
    }
    return plan;
}

namespace {

// The rows of one kind the plan adds or updates, each with what is here now.
template <class Row>
void addChanges(ChangeSet& change, const ImportChanges<Row>& planned,
                const std::vector<Row>& current) {
    for (const Row& row : planned.added)
        change.add(row);
    if (planned.updated.empty()) return;
    std::unordered_map<std::string, const Row*> byKey;
    for (const Row& row : current)
        byKey.emplace(keyOf(row), &row);
    for (const Row& row : planned.updated)
        change.replace(*byKey.at(keyOf(row)), row);
}

} // namespace

ChangeSet importChange(const ImportPlan& plan, const History& current) {
    ChangeSet change;
    change.undoable = false;
    change.description = "the import";
    change.milestones = Milestones::CreditAllQuietly;
    for (const Couple& couple : plan.couple.updated)
        change.replace(current.couple, couple);
    for (const Settings& settings : plan.settings.updated)
        change.replace(current.settings, settings);
    addChanges(change, plan.rituals, current.rituals);
    addChanges(change, plan.logs, current.logs);
    addChanges(change, plan.skips, current.skips);
    addChanges(change, plan.pauses, current.pauses);
    addChanges(change, plan.goals, current.goals);
    addChanges(change, plan.questionMarks, current.questionMarks);
    addChanges(change, plan.programmeSteps, current.programmeSteps);
    addChanges(change, plan.keptXp, current.keptXp);
    for (const std::string& key : plan.celebrations.added)
        change.add(ShownCelebration{key});
    return change;
}

// --- Sync journals (store/journal_format.hpp) -----------------------------------

namespace {

template <class Row> struct VersionRecord {
    const RowVersion<Row>& version;
    template <class Archive> void save(Archive& ar, std::uint32_t /*version*/) const {
        ar(cereal::make_nvp("clocks",
                            encodeClocks(version.clocks, version.removed, version.removedClock)));
        RowRecord<Row>{version.row}.save(ar, exportVersion<Row>);
    }
};

struct JournalRecord {
    const SyncedRows& rows;
    const std::string& device;
    template <class Archive> void save(Archive& ar, std::uint32_t /*version*/) const {
        ar(cereal::make_nvp("format_version", journalFormatVersion),
           cereal::make_nvp("device", device));
        rows.forEach([&](const auto& versions) {
            using Version = typename std::decay_t<decltype(versions)>::value_type;
            using Row = decltype(Version::row);
            const std::string list(entityOf<Row>().list); // alive until startNode reads it
            ar.setNextName(list.c_str());
            ar.startNode();
            ar.makeArray();
            for (const Version& version : versions)
                ar(VersionRecord<Row>{version});
            ar.finishNode();
        });
    }
};

} // namespace

std::string encodeJournal(const SyncedRows& rows, const std::string& device) {
    std::ostringstream out;
    {
        cereal::JSONOutputArchive archive(
            out, cereal::JSONOutputArchive::Options(
                     324, cereal::JSONOutputArchive::Options::IndentChar::space, 0));
        archive(cereal::make_nvp("kindling_journal", JournalRecord{rows, device}));
    }
    return out.str();
}

SyncedRows decodeJournal(std::string_view json) {
    std::string buffer(json);
    buffer.append(8, '\0'); // rapidjson's UTF-8 check may read past a cut sequence
    rapidjson::Document document;
    document.ParseInsitu<rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag |
                         rapidjson::kParseValidateEncodingFlag>(buffer.data());
    if (document.HasParseError())
        throw JournalError(std::string("not valid JSON: ") +
                               rapidjson::GetParseError_En(document.GetParseError()),
                           false);
    if (!document.IsObject() || !document.HasMember("kindling_journal") ||
        !document["kindling_journal"].IsObject())
        throw JournalError("not a Kindling journal", false);
    const Value& root = document["kindling_journal"];
    const auto format = root.FindMember("format_version");
    if (format == root.MemberEnd() || !format->value.IsInt())
        throw JournalError("it says no format version", false);
    if (format->value.GetInt() > journalFormatVersion)
        throw JournalError("written by a newer Kindling (journal format " +
                               std::to_string(format->value.GetInt()) + ")",
                           true);
    try {
        std::vector<const char*> names{"format_version", "device"};
        SyncedRows rows;
        rows.forEach([&](auto& versions) {
            using Row = decltype(std::decay_t<decltype(versions)>::value_type::row);
            names.push_back(entityOf<Row>().list.data());
        });
        const ObjectReader envelope(root, "kindling_journal", names, 1);
        const int formatVersion = format->value.GetInt();
        rows.forEach([&](auto& versions) {
            using Version = typename std::decay_t<decltype(versions)>::value_type;
            using Row = decltype(Version::row);
            const char* list = entityOf<Row>().list.data();
            constexpr bool fromFormat2 =
                std::is_same_v<Row, ProgrammeStep> || std::is_same_v<Row, KeptXp>;
            if (fromFormat2 && formatVersion < 2 && !envelope.optional(list)) return;
            const Value& entries = envelope.required(list);
            if (!entries.IsArray()) ObjectReader::fail(list, "should be a list");
            for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
                Version version;
                const std::string path = entryPath(list, i);
                version.row =
                    readRow<Row>(entries[i], path, {"clocks"}, [&](const ObjectReader& r, Row&) {
                        const std::string text = r.text("clocks", 100'000, TextKind::Name, true);
                        auto clocks = decodeClocks(text, entityOf<Row>().fields.size());
                        if (!clocks) ObjectReader::fail(r.at("clocks"), "are not clocks");
                        version.clocks = clocks->clocks;
                        version.removed = clocks->removed;
                        version.removedClock = clocks->removedClock;
                    });
                versions.push_back(std::move(version));
            }
        });
        return rows;
    } catch (const ImportError& error) {
        throw JournalError(error.what(), false);
    }
}

std::string readImportFile(const std::filesystem::path& file, const ImportLimits& limits) {
    namespace fs = std::filesystem;
    // The file a link points to is read (a couple may keep exports anywhere);
    // os::readWholeFile itself takes no link.
    std::error_code error;
    const fs::path target = fs::canonical(file, error);
    if (error) throw ImportError(file.string() + ": " + error.message());
    auto read = os::readWholeFile(target, limits.maxFileBytes);
    if (const auto* problem = std::get_if<os::FileError>(&read)) {
        if (problem->failure == os::FileFailure::NotRegular)
            throw ImportError(file.string() + " is not a regular file");
        if (problem->failure == os::FileFailure::TooLarge)
            throw ImportError(file.string() + " is " +
                              std::to_string(fs::file_size(target, error) / (1024 * 1024)) +
                              " MB; Kindling imports files of at most " +
                              std::to_string(limits.maxFileBytes / (1024 * 1024)) + " MB.");
        throw ImportError(file.string() + ": " + problem->text);
    }
    const auto& bytes = std::get<std::vector<std::uint8_t>>(read);
    return {bytes.begin(), bytes.end()};
}

void writeFileSafely(const std::filesystem::path& file, std::string_view content, bool overwrite) {
    namespace fs = std::filesystem;
    using Kind = StoreError::Kind;
    std::error_code error;
    if (!overwrite && fs::exists(fs::symlink_status(file, error)))
        throw StoreError(Kind::Invalid, file,
                         file.string() + " already exists; Kindling does not replace it unless "
                                         "told to (--force)");
    // Appended to the path itself: file.string() is UTF-8 but a path made
    // from a std::string reads the ANSI code page on Windows.
    fs::path partial = file;
    partial += ".partial";
    fs::remove(partial, error);
    auto failWith = [&](const os::FileError& problem) {
        std::error_code ignored;
        fs::remove(partial, ignored);
        if (problem.failure == os::FileFailure::NoSpace)
            throw StoreError(Kind::Full, file,
                             "The disk holding " + file.string() +
                                 " is full; nothing was written "
                                 "under that name. Free some space and try again.");
        throw StoreError(Kind::Io, file, "Kindling cannot write " + file.string() + ": " + problem.text);
    };
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(content.data());
    if (auto problem = os::writeNewFile(partial, {bytes, content.size()})) failWith(*problem);
    if (auto problem = os::renameFile(partial, file, os::Replacing::Allowed)) failWith(*problem);
    const fs::path directory = file.has_parent_path() ? file.parent_path() : fs::path(".");
    if (auto problem = syncDirectory(directory))
        throw StoreError(Kind::Io, file,
                         "Kindling cannot save the folder " + directory.string() + ": " + *problem);
}

} // namespace kindling
