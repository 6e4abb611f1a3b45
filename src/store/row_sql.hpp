#pragma once
// Rows in SQLite through their descriptions (core/entity.hpp): shared by
// store/commands.cpp (the history) and store/sync_rows.cpp (sync's versions).
// Internal to the store.

#include "core/entity.hpp"
#include "store/store_impl.hpp"

#include <charconv>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kindling {

// What SQLite needs beside a row's description: which columns a new version
// replaces on conflict and name a row (a question mark has no id of its own:
// keyOf in change_set.cpp), and the order rows are read in.
template <class Row> inline constexpr std::string_view conflictColumns = "id";
template <class Row> inline constexpr std::string_view keyColumn = "id";
template <>
inline constexpr std::string_view conflictColumns<QuestionMarkEntry> = "question_id, mark";
template <>
inline constexpr std::string_view keyColumn<QuestionMarkEntry> = "question_id || '/' || mark";

template <class Row> inline constexpr std::string_view readOrder = "";
template <> inline constexpr std::string_view readOrder<Ritual> = " ORDER BY position, id";
// Logs are sorted after reading (loadHistory): SQLite's sorter took a fifth
// of opening ten years of history.
template <> inline constexpr std::string_view readOrder<Skip> = " ORDER BY day, ritual_id, id";
template <>
inline constexpr std::string_view readOrder<Pause> = " ORDER BY first_day, last_day, id";
template <> inline constexpr std::string_view readOrder<Goal> = " ORDER BY start_day, id";
template <>
inline constexpr std::string_view readOrder<QuestionMarkEntry> = " ORDER BY day, question_id, mark";
template <> inline constexpr std::string_view readOrder<ProgrammeStep> = " ORDER BY ord, id";
template <> inline constexpr std::string_view readOrder<KeptXp> = " ORDER BY day, id";

inline void bindValue(SQLite::Statement& statement, int index, const FieldValue& value) {
    if (const auto* text = std::get_if<std::string>(&value))
        statement.bind(index, *text);
    else if (const auto* number = std::get_if<std::int64_t>(&value))
        statement.bind(index, *number);
    else if (const auto* real = std::get_if<double>(&value))
        statement.bind(index, *real);
    else if (const auto* flag = std::get_if<bool>(&value))
        statement.bind(index, *flag ? 1 : 0);
    else
        statement.bind(index); // NULL; a list always has a column shape of its own
}

// The column as the field's kind expects it, or none for NULL.
inline FieldValue valueOf(const SQLite::Column& column, ValueKind kind) {
    if (column.isNull()) return std::monostate{};
    switch (kind) {
    case ValueKind::Integer:
    case ValueKind::Boolean:
        return column.getInt64();
    case ValueKind::Number:
        return column.getDouble();
    case ValueKind::Text:
    case ValueKind::TextList:
        return column.getString();
    }
    return std::monostate{};
}

template <class Row> std::string columnList() {
    std::string columns;
    for (const FieldDescription<Row>& field : entityOf<Row>().fields)
        columns += (columns.empty() ? "" : ", ") + std::string(field.column);
    return columns;
}

// Fills `row` from the statement's columns from `first` on, in the order of
// the description; a value the description refuses is damage.
template <class Row>
void loadFields(const Store::Impl& impl, const SQLite::Statement& statement, int first, Row& row,
                const std::string& rowId) {
    const auto& entity = entityOf<Row>();
    int index = first;
    for (const FieldDescription<Row>& field : entity.fields) {
        const FieldValue value = valueOf(statement.getColumn(index++), field.kind);
        if (!field.optional && std::holds_alternative<std::monostate>(value))
            impl.damaged(entity.table, rowId, "has no " + std::string(field.column));
        if (auto problem = field.setFromColumn(row, value))
            impl.damaged(entity.table, rowId, std::string(field.column) + " " + *problem);
    }
}

// The rows `where` picks (live or removed), in the table's order.
template <class Row>
std::vector<Row> loadRowsWhere(const Store::Impl& impl, const std::string& where,
                               const std::function<void(SQLite::Statement&)>& bind = {}) {
    const auto& entity = entityOf<Row>();
    SQLite::Statement statement(impl.db, "SELECT " + columnList<Row>() + " FROM " +
                                             std::string(entity.table) + " WHERE " + where +
                                             std::string(readOrder<Row>));
    if (bind) bind(statement);
    std::vector<Row> rows;
    while (statement.executeStep()) {
        Row row;
        loadFields(impl, statement, 0, row, statement.getColumn(0).getString());
        rows.push_back(std::move(row));
    }
    return rows;
}

template <class Row> std::vector<Row> loadRows(const Store::Impl& impl) {
    return loadRowsWhere<Row>(impl, "deleted_at IS NULL");
}

// One kind of row's changes: a new or changed version is an upsert (an
// insert that brings a tombstone back, or replaces the row with that key),
// a removed row a tombstone. Table and column names come from the
// descriptions, never from input.
template <class Row>
void writeRows(SQLite::Database& db, const std::vector<RowChange<Row>>& changes, std::int64_t now,
               const std::function<void()>& step) {
    if (changes.empty()) return;
    const auto& entity = entityOf<Row>();
    const std::string table(entity.table);
    const std::string conflict(conflictColumns<Row>);
    const bool ownId = conflict != "id"; // the row's id column is not one of its fields
    std::string names = ownId ? "id" : "", values = ownId ? "?" : "", updates;
    int count = ownId ? 1 : 0;
    for (const FieldDescription<Row>& field : entity.fields) {
        const std::string column(field.column);
        names += (names.empty() ? "" : ", ") + column;
        values += (values.empty() ? "?" : ", ?");
        ++count;
        if (column != "id" && conflict.find(column) == std::string::npos)
            updates += column + " = excluded." + column + ", ";
    }
    const int nowIndex = count + 1;
    SQLite::Statement upsert(db, "INSERT INTO " + table + " (" + names +
                                     ", created_at, updated_at) VALUES (" + values + ", ?" +
                                     std::to_string(nowIndex) + ", ?" + std::to_string(nowIndex) +
                                     ") ON CONFLICT (" + conflict + ") DO UPDATE SET " + updates +
                                     "updated_at = excluded.updated_at, deleted_at = NULL");
    // The key's columns, in the description's order, name the tombstone.
    std::string where;
    std::vector<std::size_t> keyFields;
    for (std::size_t i = 0; i < entity.fields.size(); ++i) {
        const std::string column(entity.fields[i].column);
        const bool inKey = ownId ? conflict.find(column) != std::string::npos : column == "id";
        if (!inKey) continue;
        where +=
            (where.empty() ? "" : " AND ") + column + " = ?" + std::to_string(keyFields.size() + 2);
        keyFields.push_back(i);
    }
    SQLite::Statement tombstone(db, "UPDATE " + table +
                                        " SET deleted_at = ?1, updated_at = ?1 WHERE " + where +
                                        " AND deleted_at IS NULL");
    for (const RowChange<Row>& change : changes) {
        if (change.after) {
            upsert.reset();
            int index = 1;
            if (ownId) upsert.bind(index++, newUuid());
            for (const FieldDescription<Row>& field : entity.fields)
                bindValue(upsert, index++, field.columnValue(*change.after));
            upsert.bind(nowIndex, now);
            upsert.exec();
        } else {
            tombstone.reset();
            tombstone.bind(1, now);
            int index = 2;
            for (std::size_t i : keyFields)
                bindValue(tombstone, index++, entity.fields[i].columnValue(*change.before));
            tombstone.exec();
        }
        step();
    }
}

inline Couple loadCouple(const Store::Impl& impl) {
    Couple couple;
    SQLite::Statement partners(impl.db, "SELECT slot, " + columnList<Partner>() + " FROM partners");
    while (partners.executeStep()) {
        const int slot = partners.getColumn(0).getInt();
        if (slot != 1 && slot != 2) impl.damaged("partners", std::to_string(slot), "is no slot");
        loadFields(impl, partners, 1, couple.partners[static_cast<std::size_t>(slot - 1)],
                   "slot " + std::to_string(slot));
    }

    return couple;
}

// The couple's settings are rows of the settings table, one per field,
// beside this computer's preferences.
inline Settings loadSettings(const Store::Impl& impl) {
    Settings settings;
    for (const FieldDescription<Settings>& field : entityOf<Settings>().fields) {
        SQLite::Statement setting(impl.db, "SELECT value FROM settings WHERE key = ?");
        setting.bind(1, std::string(field.column));
        if (!setting.executeStep()) continue;
        const std::string text = setting.getColumn(0).getString();
        std::int64_t number = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (error != std::errc() || end != text.data() + text.size())
            impl.damaged("settings", std::string(field.column), "holds '" + text + "'");
        if (auto problem = field.setFromColumn(settings, number))
            impl.damaged("settings", std::string(field.column), *problem);
    }

    return settings;
}

} // namespace kindling
