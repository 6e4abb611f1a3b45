#pragma once
// A change to what the couple keeps, as a value (docs/architecture.md "The one
// road"): the rows it adds, replaces and removes, each with the row as it was
// before. Every action builds one (core/actions.hpp); Session::apply checks it
// against the history, writes it in one transaction, patches the history in
// memory and the derived numbers, and keeps its inverse for undo. Undo and
// redo are inverses through the same apply; an import and sync bring change
// sets too.

#include "core/model.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace kindling {

// What only this computer keeps: never part of the history, never exported
// nor synced (theme, text size, the PIN's hash …).
struct Preference {
    std::string key;
    std::string value;
    bool operator==(const Preference&) const = default;
};

// A milestone this computer has celebrated (celebrations.hpp): shown once.
struct ShownCelebration {
    std::string key;
    bool operator==(const ShownCelebration&) const = default;
};

// The key that names one row across its versions: the id where the row has
// one; the couple and the settings are one row each.
inline const std::string& keyOf(const Ritual& row) {
    return row.id;
}
inline const std::string& keyOf(const Log& row) {
    return row.id;
}
inline const std::string& keyOf(const Skip& row) {
    return row.id;
}
inline const std::string& keyOf(const Pause& row) {
    return row.id;
}
inline const std::string& keyOf(const Goal& row) {
    return row.id;
}
inline const std::string& keyOf(const ProgrammeStep& row) {
    return row.id;
}
inline const std::string& keyOf(const KeptXp& row) {
    return row.id;
}
inline const std::string& keyOf(const Preference& row) {
    return row.key;
}
inline const std::string& keyOf(const ShownCelebration& row) {
    return row.key;
}
std::string keyOf(const QuestionMarkEntry& row); // "<question id>/<mark>"
const std::string& keyOf(const Couple& row);
const std::string& keyOf(const Settings& row);

// One row's change. No `before`: the row is new (or comes back from its
// tombstone). No `after`: the row is removed (the store keeps a tombstone).
template <class Row> struct RowChange {
    std::optional<Row> before;
    std::optional<Row> after;
    bool operator==(const RowChange&) const = default;
};

template <class... Rows> struct RowChangeLists {
    std::tuple<std::vector<RowChange<Rows>>...> lists;

    template <class Row> std::vector<RowChange<Row>>& of() {
        return std::get<std::vector<RowChange<Row>>>(lists);
    }
    template <class Row> const std::vector<RowChange<Row>>& of() const {
        return std::get<std::vector<RowChange<Row>>>(lists);
    }
    // Calls `visit(list)` for every kind of row, in this order: a row is
    // written after the rows it refers to (a log after its ritual).
    template <class Visit> void forEach(Visit&& visit) const {
        std::apply([&](const auto&... list) { (visit(list), ...); }, lists);
    }
    template <class Visit> void forEach(Visit&& visit) {
        std::apply([&](auto&... list) { (visit(list), ...); }, lists);
    }
    bool operator==(const RowChangeLists&) const = default;
};

using ChangeRows =
    RowChangeLists<Couple, Settings, Ritual, Log, Skip, Pause, Goal, QuestionMarkEntry,
                   ProgrammeStep, KeptXp, Preference, ShownCelebration>;

// The other computer's rows as sync merges them (core/row_version.hpp).
template <class... Rows> struct VersionLists;
using SyncedRows = VersionLists<Couple, Settings, Ritual, Log, Skip, Pause, Goal, QuestionMarkEntry,
                                ProgrammeStep, KeptXp>;

// What a change that reaches a milestone does with it (celebrations.hpp).
enum class Milestones : std::uint8_t {
    Celebrate,         // what the couple does now is celebrated
    CreditPastQuietly, // an edit: what it makes reached before today is credited, not shown
    CreditAllQuietly,  // an import or a demo: years arrive without a flood of cards
};

struct ChangeSet {
    // What it does, to finish "Undo …" and "Redo …": "logging \"A walk\"".
    std::string description;
    ChangeRows rows;
    Milestones milestones = Milestones::Celebrate;
    // Kept for undo. Settings and preferences are changed back the way they
    // were changed, from the same screen.
    bool undoable = true;
    // Set: the change merges what the other computer wrote (app/sync_engine.cpp);
    // the store keeps these versions' clocks instead of stamping its own.
    std::shared_ptr<const SyncedRows> merged;

    template <class Row> void add(Row after) {
        rows.of<Row>().push_back({std::nullopt, std::move(after)});
    }
    // Nothing is recorded when the row stays as it was.
    template <class Row> void replace(Row before, Row after) {
        if (before == after) return;
        rows.of<Row>().push_back({std::move(before), std::move(after)});
    }
    template <class Row> void remove(Row before) {
        rows.of<Row>().push_back({std::move(before), std::nullopt});
    }
    template <class Row> const std::vector<RowChange<Row>>& changes() const {
        return rows.of<Row>();
    }
    // The rows of that kind the change leaves in place (added or replaced).
    template <class Row> std::vector<Row> afters() const {
        std::vector<Row> result;
        for (const RowChange<Row>& change : rows.of<Row>())
            if (change.after) result.push_back(*change.after);
        return result;
    }

    bool empty() const;
    // Every row back as it was: before and after swapped.
    ChangeSet inverse() const;
    // Adds `other`'s rows after these (a key must still appear once).
    void append(const ChangeSet& other);
    bool operator==(const ChangeSet&) const = default;
};

// Makes `history` what `change` leaves: replaced rows in place (rituals then
// in position order), removed rows erased; for logs, the old versions are
// erased and the new ones appended at the end (what updateLogs expects).
void applyToHistory(History& history, const ChangeRows& change);

} // namespace kindling
