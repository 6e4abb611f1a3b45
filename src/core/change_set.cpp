#include "core/change_set.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace kindling {

std::string keyOf(const QuestionMarkEntry& row) {
    return row.questionId + "/" + std::string(nameOf(row.mark));
}

const std::string& keyOf(const Couple& /*row*/) {
    static const std::string key = "couple";
    return key;
}

const std::string& keyOf(const Settings& /*row*/) {
    static const std::string key = "settings";
    return key;
}

bool ChangeSet::empty() const {
    bool none = true;
    rows.forEach([&](const auto& list) { none = none && list.empty(); });
    return none;
}

ChangeSet ChangeSet::inverse() const {
    ChangeSet back;
    back.description = description;
    back.milestones = milestones;
    back.rows = rows;
    back.rows.forEach([](auto& list) {
        for (auto& change : list)
            std::swap(change.before, change.after);
    });
    return back;
}

void ChangeSet::append(const ChangeSet& other) {
    rows.forEach([&](auto& list) {
        using Change = typename std::decay_t<decltype(list)>::value_type;
        const auto& more = std::get<std::vector<Change>>(other.rows.lists);
        list.insert(list.end(), more.begin(), more.end());
    });
}

namespace {

// Replaces, erases or appends the rows of one kind kept in a vector.
template <class Row>
void patchList(std::vector<Row>& rows, const std::vector<RowChange<Row>>& changes) {
    if (changes.empty()) return;
    // One pass over the rows, however many change.
    std::unordered_map<std::string, const RowChange<Row>*> byKey;
    byKey.reserve(changes.size());
    for (const RowChange<Row>& change : changes)
        byKey.emplace(keyOf(change.before ? *change.before : *change.after), &change);
    std::unordered_set<std::string> done;
    std::erase_if(rows, [&](Row& row) {
        const auto found = byKey.find(keyOf(row));
        if (found == byKey.end()) return false;
        done.insert(found->first);
        if (!found->second->after) return true;
        row = *found->second->after;
        return false;
    });
    for (const RowChange<Row>& change : changes)
        if (change.after && !done.count(keyOf(*change.after))) rows.push_back(*change.after);
}

// Logs: the old versions leave and the new ones join at the end, the order
// the derived state's incremental update expects (derived.hpp updateLogs).
void patchLogs(std::vector<Log>& logs, const std::vector<RowChange<Log>>& changes) {
    if (changes.empty()) return;
    std::unordered_set<std::string_view> leaving;
    for (const RowChange<Log>& change : changes)
        if (change.before) leaving.insert(change.before->id);
    if (!leaving.empty())
        std::erase_if(logs, [&](const Log& log) { return leaving.count(log.id) > 0; });
    for (const RowChange<Log>& change : changes)
        if (change.after) logs.push_back(*change.after);
}

template <class Row> void patchSingle(Row& row, const std::vector<RowChange<Row>>& changes) {
    for (const RowChange<Row>& change : changes)
        row = change.after ? *change.after : Row{};
}

} // namespace

void applyToHistory(History& history, const ChangeRows& change) {
    patchSingle(history.couple, change.of<Couple>());
    patchSingle(history.settings, change.of<Settings>());
    // Rituals, pauses and goals keep one order on every computer, the order
    // the store reads them in (store/row_sql.hpp).
    if (!change.of<Ritual>().empty()) {
        patchList(history.rituals, change.of<Ritual>());
        std::sort(history.rituals.begin(), history.rituals.end(),
                  [](const Ritual& a, const Ritual& b) {
                      return a.position != b.position ? a.position < b.position : a.id < b.id;
                  });
    }
    patchLogs(history.logs, change.of<Log>());
    patchList(history.skips, change.of<Skip>());
    if (!change.of<Pause>().empty()) {
        patchList(history.pauses, change.of<Pause>());
        std::sort(history.pauses.begin(), history.pauses.end(), [](const Pause& a, const Pause& b) {
            return std::tie(a.first, a.last, a.id) < std::tie(b.first, b.last, b.id);
        });
    }
    if (!change.of<Goal>().empty()) {
        patchList(history.goals, change.of<Goal>());
        std::sort(history.goals.begin(), history.goals.end(), [](const Goal& a, const Goal& b) {
            return std::tie(a.start, a.id) < std::tie(b.start, b.id);
        });
    }
    patchList(history.questionMarks, change.of<QuestionMarkEntry>());
    patchList(history.programmeSteps, change.of<ProgrammeStep>());
    if (!change.of<KeptXp>().empty()) {
        patchList(history.keptXp, change.of<KeptXp>());
        std::sort(history.keptXp.begin(), history.keptXp.end(),
                  [](const KeptXp& a, const KeptXp& b) {
                      return a.day != b.day ? a.day < b.day : a.id < b.id;
                  });
    }
}

} // namespace kindling
