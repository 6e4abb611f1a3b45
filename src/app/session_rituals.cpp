// The couple's rituals (docs/product.md §3.2): adding one, from scratch or from
// the suggested catalog, editing it, archiving it and ordering the list.
// Edits, archiving and order can be undone.
#include "app/content.hpp"
#include "app/session.hpp"
#include "core/catalog.hpp"
#include "core/icons.hpp"

#include <algorithm>
#include <cmath>

namespace kindling {

namespace {

inline constexpr std::size_t maxWhyLength = 200;

// Checks `draft` and writes it over `ritual`; its id, position, archived flag
// and catalog id stay as they are.
Ritual withDraft(const History& history, Ritual ritual, const RitualDraft& draft) {
    const std::string name = validatedName("NAME", draft.name);
    const Ritual* sameName = history.findRitualByName(name);
    if (sameName != nullptr && sameName->id != ritual.id)
        throw InputError("NAME", "NAME: there is already a ritual called \"" + name + "\"");
    const Frequency f = draft.frequency;
    if (f.times < 1) throw InputError("--times", "--times: must be at least 1");
    if (f.perDays < 1 || f.perDays > maxPerDays)
        throw InputError("--per", "--per: must be between 1 and " + std::to_string(maxPerDays));
    if (f.times > f.perDays)
        throw InputError("--times", "--times: " + std::to_string(f.times) + " times in " +
                                        std::to_string(f.perDays) +
                                        " days is more than once a day");
    if (draft.weekdays &&
        std::none_of(draft.weekdays->begin(), draft.weekdays->end(), [](bool on) { return on; }))
        throw InputError("--weekdays", "--weekdays: choose at least one day");
    if (draft.measure) {
        if (!std::isfinite(draft.measure->target) || draft.measure->target < 0)
            throw InputError("--target", "--target: must be zero or more");
        ritual.unit = validatedName("--measure", draft.unit);
    } else {
        ritual.unit.clear();
    }
    if (iconCodepoint(draft.icon) == 0)
        throw InputError("--icon", "--icon: \"" + draft.icon + "\" is not one of Kindling's icons");
    ritual.name = name;
    ritual.why = validatedText("--why", draft.why, maxWhyLength);
    ritual.frequency = f;
    ritual.weekdays = draft.weekdays;
    ritual.mode = draft.mode;
    ritual.measure = draft.measure;
    ritual.area = draft.area;
    ritual.icon = draft.icon;
    return ritual;
}

Ritual& ritualIn(std::vector<Ritual>& rituals, const std::string& id) {
    const auto found =
        std::find_if(rituals.begin(), rituals.end(), [&](const Ritual& r) { return r.id == id; });
    if (found == rituals.end()) throw InputError("ritual", "that ritual no longer exists");
    return *found;
}

std::vector<std::string> orderOf(const std::vector<Ritual>& rituals) {
    std::vector<std::string> ids;
    for (const Ritual& ritual : rituals)
        ids.push_back(ritual.id);
    return ids;
}

// Numbers the rituals 0, 1, 2 … in the order of `ids` (every ritual once), in
// the store in one transaction, then in `rituals`.
void writeOrder(Store& store, std::vector<Ritual>& rituals, const std::vector<std::string>& ids) {
    std::vector<Ritual> ordered;
    for (const std::string& id : ids)
        ordered.push_back(ritualIn(rituals, id));
    store.transaction([&] {
        for (std::size_t i = 0; i < ordered.size(); ++i) {
            if (ordered[i].position == static_cast<int>(i)) continue;
            ordered[i].position = static_cast<int>(i);
            store.updateRitual(ordered[i]);
        }
    });
    rituals = std::move(ordered);
}

} // namespace

RitualDraft draftOf(const Ritual& ritual) {
    RitualDraft draft;
    draft.name = ritual.name;
    draft.frequency = ritual.frequency;
    draft.weekdays = ritual.weekdays;
    draft.mode = ritual.mode;
    draft.measure = ritual.measure;
    draft.unit = ritual.unit;
    draft.area = ritual.area;
    draft.icon = ritual.icon;
    draft.why = ritual.why;
    draft.catalogId = ritual.catalogId;
    return draft;
}

Ritual Session::addRitual(const RitualDraft& draft) {
    Ritual ritual = withDraft(history_, Ritual{}, draft);
    ritual.catalogId = draft.catalogId;
    ritual.id = newUuid();
    // Last in the list, whatever numbers an import left behind.
    for (const Ritual& other : history_.rituals)
        ritual.position = std::max(ritual.position, other.position + 1);
    store_.insertRitual(ritual);
    history_.rituals.push_back(ritual);
    changed(ritual.id);
    return ritual;
}

Ritual Session::addRitualFromCatalog(const std::string& catalogId) {
    const CatalogRitual* entry = findCatalogRitual(shippedContent().catalog, catalogId);
    if (entry == nullptr)
        throw InputError("catalog", "there is no suggested ritual \"" + catalogId + "\"");
    return addRitual(draftOf(ritualFromCatalog(*entry)));
}

void Session::editRitual(const std::string& ritualId, const RitualDraft& draft) {
    const Ritual before = ritualIn(history_.rituals, ritualId);
    const Ritual after = withDraft(history_, before, draft);
    store_.updateRitual(after);
    ritualIn(history_.rituals, ritualId) = after;
    recounted(ritualId);
    undoStack_.push_back({"Undo editing \"" + after.name + "\"", [this, before] {
                              store_.updateRitual(before);
                              ritualIn(history_.rituals, before.id) = before;
                              recounted(before.id);
                          }});
}

void Session::setRitualArchived(const std::string& ritualId, bool archived) {
    Ritual ritual = ritualIn(history_.rituals, ritualId);
    if (ritual.archived == archived) return;
    ritual.archived = archived;
    store_.updateRitual(ritual);
    ritualIn(history_.rituals, ritualId) = ritual;
    // Archived rituals leave the couple's strength (docs/scoring.md §5); the
    // history and every streak stay as they were.
    changed(ritualId);
    undoStack_.push_back(
        {(archived ? "Undo archiving \"" : "Undo restoring \"") + ritual.name + "\"",
         [this, ritualId, archived] {
             Ritual back = ritualIn(history_.rituals, ritualId);
             back.archived = !archived;
             store_.updateRitual(back);
             ritualIn(history_.rituals, ritualId) = back;
             changed(ritualId);
         }});
}

void Session::reorderRituals(const std::vector<std::string>& orderedIds) {
    std::vector<std::string> sorted = orderedIds;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::string> known = orderOf(history_.rituals);
    std::sort(known.begin(), known.end());
    if (sorted != known)
        throw InputError("order", "the new order must name every ritual exactly once");
    const std::vector<std::string> before = orderOf(history_.rituals);
    if (before == orderedIds) return;
    writeOrder(store_, history_.rituals, orderedIds);
    ++revision_;
    undoStack_.push_back({"Undo the new order", [this, before] {
                              writeOrder(store_, history_.rituals, before);
                              ++revision_;
                          }});
}

void Session::recounted(const std::optional<std::string>& ritualId) {
    const std::vector<Milestone> before = pending_;
    if (ritualId) updateRitual(derived_, history_, *ritualId);
    progressChanged();
    ++revision_;
    std::vector<std::string> quiet;
    for (const Milestone& milestone : pending_) {
        const bool wasPending = std::any_of(before.begin(), before.end(), [&](const Milestone& m) {
            return m.key == milestone.key;
        });
        if (!wasPending && milestone.day < asOf()) quiet.push_back(milestone.key);
    }
    if (quiet.empty()) return;
    std::erase_if(pending_, [&](const Milestone& m) {
        return std::find(quiet.begin(), quiet.end(), m.key) != quiet.end();
    });
    shown_.insert(quiet.begin(), quiet.end());
    store_.markCelebrationsShown(quiet);
}

} // namespace kindling
