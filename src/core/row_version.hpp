#pragma once
// A row as two computers merge it (docs/sync.md "Merging"): its fields, the
// clock of each field's last change (core/hlc.hpp), and whether it is
// removed, with the clock of that. Merging takes each field from the side
// whose clock is later and the removal likewise, so both computers end with
// the same row whatever order, and however often, versions arrive: merging
// is commutative, associative and idempotent. A row that was removed comes
// back when one of its fields changed after the removal (an edit later than
// a delete wins, and a delete later than every edit wins).

#include "core/entity.hpp"
#include "core/hlc.hpp"

#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace kindling {

template <class Row> struct RowVersion {
    Row row;
    std::vector<Hlc> clocks; // one per field of entityOf<Row>()
    bool removed = false;
    Hlc removedClock;

    bool live() const {
        if (!removed) return true;
        for (const Hlc& clock : clocks)
            if (clock > removedClock) return true;
        return false;
    }
    bool operator==(const RowVersion&) const = default;
};

// The clocks as the store keeps them: one stamp when every field shares it,
// else one per field, then the removal: "<clock>[,<clock>…]|+<clock>" (live)
// or "|-<clock>" (removed). Clocks written before a field was added lack
// its clock: decoding gives it the zero clock.
std::string encodeClocks(const std::vector<Hlc>& clocks, bool removed, const Hlc& removedClock);
struct DecodedClocks {
    std::vector<Hlc> clocks;
    bool removed = false;
    Hlc removedClock;
};
std::optional<DecodedClocks> decodeClocks(std::string_view text, std::size_t fieldCount);

// `a` and `b` name the same row (one key).
template <class Row> RowVersion<Row> merged(const RowVersion<Row>& a, const RowVersion<Row>& b) {
    const auto& fields = entityOf<Row>().fields;
    RowVersion<Row> out = a;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const Hlc& mine = a.clocks[i];
        const Hlc& theirs = b.clocks[i];
        // Equal clocks are one change; a tie of another kind (never made by
        // one device) goes to the larger value, the same on both sides.
        const bool take =
            theirs > mine || (theirs == mine && fields[i].get(b.row) > fields[i].get(a.row));
        if (!take) continue;
        fields[i].set(out.row, fields[i].get(b.row));
        out.clocks[i] = theirs;
    }
    if (b.removedClock > a.removedClock ||
        (b.removedClock == a.removedClock && b.removed && !a.removed)) {
        out.removed = b.removed;
        out.removedClock = b.removedClock;
    }
    return out;
}

// A change made here, stamped at `now`: every field that differs from
// `before` (all of them for a new row) gets the stamp; a removal stamps the
// removal. `before`: the row's version as it was (none when it is new here).
template <class Row>
RowVersion<Row> stamped(const std::optional<RowVersion<Row>>& before,
                        const std::optional<Row>& after, const Hlc& now) {
    const auto& fields = entityOf<Row>().fields;
    RowVersion<Row> out;
    if (before)
        out = *before;
    else
        out.clocks.assign(fields.size(), Hlc{});
    if (!after) {
        out.removed = true;
        out.removedClock = now;
        return out;
    }
    const bool wasLive = before && before->live();
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (!wasLive || fields[i].get(out.row) != fields[i].get(*after)) out.clocks[i] = now;
    out.row = *after;
    if (out.removed) {
        out.removed = false;
        out.removedClock = now;
    }
    return out;
}

// Every kind of row both computers keep, in the order they are applied (a
// log after its ritual).
template <class... Rows> struct VersionLists {
    std::tuple<std::vector<RowVersion<Rows>>...> lists;
    template <class Row> std::vector<RowVersion<Row>>& of() {
        return std::get<std::vector<RowVersion<Row>>>(lists);
    }
    template <class Row> const std::vector<RowVersion<Row>>& of() const {
        return std::get<std::vector<RowVersion<Row>>>(lists);
    }
    template <class Visit> void forEach(Visit&& visit) const {
        std::apply([&](const auto&... list) { (visit(list), ...); }, lists);
    }
    template <class Visit> void forEach(Visit&& visit) {
        std::apply([&](auto&... list) { (visit(list), ...); }, lists);
    }
    std::size_t size() const {
        std::size_t count = 0;
        forEach([&](const auto& list) { count += list.size(); });
        return count;
    }
};

// Whether a kind of row travels to the other computer: preferences and shown
// celebrations are this computer's own.
template <class Row> inline constexpr bool isSynced = true;
template <> inline constexpr bool isSynced<Preference> = false;
template <> inline constexpr bool isSynced<ShownCelebration> = false;

} // namespace kindling
