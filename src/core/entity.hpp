#pragma once
// Each kind of row the couple keeps, described once (docs/architecture.md
// "One description per entity"): its fields in order, their names in the
// export (and in sync) and in SQLite, what values they take and their limits.
// The store binds and loads rows from it (store/commands.cpp), the export
// writes and the import reads them from it (store/export_import.cpp), sync
// compares and merges them field by field, and the tests print rows with it.
// Adding a field to a row touches the model, a migration and the row's
// description here; nothing else.
//
// Values are neutral (FieldValue): no SQLite and no JSON here. A field that
// SQLite keeps in another shape than the export (a weekday mask against a
// list of day names) says so with its own column functions.

#include "core/change_set.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

namespace kindling {

using FieldValue =
    std::variant<std::monostate, bool, std::int64_t, double, std::string, std::vector<std::string>>;

// What a field's value is in the export: the import checks the type first.
enum class ValueKind : std::uint8_t { Text, Integer, Number, Boolean, TextList };
std::string_view valueKindText(ValueKind kind); // "text", "a whole number" …

template <class Row> struct FieldDescription {
    std::string_view name;   // in the export and in sync; "measure.kind" is kind inside measure
    std::string_view column; // in SQLite
    ValueKind kind = ValueKind::Text;
    bool optional = false; // may be absent (SQL NULL, left out of the export)
    FieldValue (*get)(const Row&) = nullptr;
    // Sets the field from a value of its kind, or says what is wrong with it.
    std::optional<std::string> (*set)(Row&, const FieldValue&) = nullptr;
    // SQLite's shape, where it differs (null: the same as get/set).
    FieldValue (*getColumn)(const Row&) = nullptr;
    std::optional<std::string> (*setColumn)(Row&, const FieldValue&) = nullptr;

    FieldValue columnValue(const Row& row) const { return getColumn ? getColumn(row) : get(row); }
    std::optional<std::string> setFromColumn(Row& row, const FieldValue& value) const {
        return setColumn ? setColumn(row, value) : set(row, value);
    }
};

template <class Row> struct EntityDescription {
    std::string_view table; // in SQLite
    std::string_view list;  // in the export
    std::span<const FieldDescription<Row>> fields;
};

// The version of a row's export record (its cereal class version): bumped when
// a field changes; a change an older Kindling could not read safely also bumps
// the export's format_version (store/export_import.hpp). Goal 2: "archived":
// true/false became "archived_on", left out when the goal is not archived.
template <class Row> inline constexpr std::uint32_t exportVersion = 1;
template <> inline constexpr std::uint32_t exportVersion<Goal> = 2;
// Ritual 2: "when_it_helps"; settings 2: "talking_about_us". A record of
// version 1 has neither (false).
template <> inline constexpr std::uint32_t exportVersion<Ritual> = 2;
template <> inline constexpr std::uint32_t exportVersion<Settings> = 2;

// The descriptions, one per kind of row (entity.cpp). Partner rows make up the
// couple; the couple's settings are one row of two fields; Couple is the
// couple as sync merges it, each partner's fields ("partner1.name" …).
using EntityDescriptions =
    std::tuple<EntityDescription<Partner>, EntityDescription<Couple>, EntityDescription<Settings>,
               EntityDescription<Ritual>, EntityDescription<Log>, EntityDescription<Skip>,
               EntityDescription<Pause>, EntityDescription<Goal>,
               EntityDescription<QuestionMarkEntry>, EntityDescription<ProgrammeStep>,
               EntityDescription<KeptXp>>;
extern const EntityDescriptions entityDescriptions;
template <class Row> const EntityDescription<Row>& entityOf() {
    return std::get<EntityDescription<Row>>(entityDescriptions);
}

// A text as a message shows it: quoted, control characters as '?', cut
// after 60 characters.
std::string shownText(std::string_view text);
bool isUuid(std::string_view id);
inline constexpr std::int64_t latestTimestamp = 7'289'654'399; // 2200-12-31T23:59:59Z

// One line per field, "name: value", for test failures and logs.
template <class Row> std::string describeRow(const Row& row) {
    std::string out;
    for (const FieldDescription<Row>& field : entityOf<Row>().fields) {
        out += std::string(field.name) + ": ";
        const FieldValue value = field.get(row);
        if (std::holds_alternative<std::monostate>(value))
            out += "(none)";
        else if (const bool* b = std::get_if<bool>(&value))
            out += *b ? "true" : "false";
        else if (const auto* i = std::get_if<std::int64_t>(&value))
            out += std::to_string(*i);
        else if (const double* d = std::get_if<double>(&value))
            out += std::to_string(*d);
        else if (const auto* s = std::get_if<std::string>(&value))
            out += shownText(*s);
        else
            for (const std::string& item : std::get<std::vector<std::string>>(value))
                out += item + " ";
        out += "\n";
    }
    return out;
}

} // namespace kindling
