// Sync's bookkeeping in the data file (docs/sync.md): every synced row's
// field clocks (sync_rows), this computer's sync state (sync_state) and what
// it applied of every other computer (sync_peers). None of it is exported,
// and the couple's rows themselves stay where they are.

#include "store/row_sql.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

#include <random>

namespace kindling {

namespace {

// The kind's name in sync_rows.
template <class Row> std::string kindOf() {
    return std::string(entityOf<Row>().table);
}

// Names a computer, not a secret.
std::string randomDeviceId() {
    std::random_device entropy;
    static const char* hex = "0123456789abcdef";
    std::string id;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20) id += '-';
        id += hex[entropy() & 15u];
    }
    return id; // the UUID form the sync folder names devices by
}

std::optional<std::string> stateValue(const Store::Impl& impl, const std::string& key) {
    SQLite::Statement statement(impl.db, "SELECT value FROM sync_state WHERE key = ?");
    statement.bind(1, key);
    if (!statement.executeStep()) return std::nullopt;
    return statement.getColumn(0).getString();
}

void setStateValue(Store::Impl& impl, const std::string& key, const std::string& value) {
    SQLite::Statement statement(impl.db, "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    statement.bind(1, key);
    statement.bind(2, value);
    statement.exec();
}

void loadStamps(Store::Impl& impl) {
    if (!impl.device.empty()) return;
    if (auto device = stateValue(impl, "device")) {
        impl.device = *device;
    } else {
        impl.device = randomDeviceId();
        setStateValue(impl, "device", impl.device);
    }
    impl.clock = Hlc{};
    if (auto text = stateValue(impl, "clock"))
        if (auto clock = Hlc::parse(*text)) impl.clock = *clock;
}

std::optional<std::string> clocksOf(const Store::Impl& impl, const std::string& kind,
                                    const std::string& key) {
    SQLite::Statement statement(impl.db, "SELECT clocks FROM sync_rows WHERE kind = ? AND key = ?");
    statement.bind(1, kind);
    statement.bind(2, key);
    if (!statement.executeStep()) return std::nullopt;
    return statement.getColumn(0).getString();
}

template <class Row> std::size_t fieldCount() {
    return entityOf<Row>().fields.size();
}

// A version from a row and its stored clocks.
template <class Row>
std::optional<RowVersion<Row>> versionFrom(const Store::Impl& impl, Row row,
                                           const std::string& clocks) {
    const auto decoded = decodeClocks(clocks, fieldCount<Row>());
    if (!decoded) impl.damaged("sync_rows", keyOf(row), "holds impossible clocks");
    return RowVersion<Row>{std::move(row), decoded->clocks, decoded->removed,
                           decoded->removedClock};
}

// One row by key, live or removed.
template <class Row> std::optional<Row> rowByKey(const Store::Impl& impl, const std::string& key) {
    if constexpr (std::is_same_v<Row, Couple>) {
        return loadCouple(impl);
    } else if constexpr (std::is_same_v<Row, Settings>) {
        return loadSettings(impl);
    } else {
        auto rows = loadRowsWhere<Row>(impl, std::string(keyColumn<Row>) + " = ?",
                                       [&](SQLite::Statement& s) { s.bind(1, key); });
        if (rows.empty()) return std::nullopt;
        return std::move(rows.front());
    }
}

void upsertClocks(SQLite::Statement& statement, const std::string& kind, const std::string& key,
                  const std::string& clocks, const std::optional<std::string>& changedHere) {
    statement.reset();
    statement.bind(1, kind);
    statement.bind(2, key);
    statement.bind(3, clocks);
    if (changedHere)
        statement.bind(4, *changedHere);
    else
        statement.bind(4);
    statement.exec();
}

} // namespace

void writeClocks(Store::Impl& impl, const ChangeRows& change, std::int64_t now,
                 const SyncedRows* merged) {
    loadStamps(impl);
    // Merged clocks keep what this computer stamped itself (changed_here).
    SQLite::Statement upsert(impl.db,
                             "INSERT INTO sync_rows (kind, key, clocks, changed_here) VALUES "
                             "(?1, ?2, ?3, ?4) ON CONFLICT (kind, key) DO UPDATE SET "
                             "clocks = excluded.clocks, changed_here = "
                             "coalesce(excluded.changed_here, sync_rows.changed_here)");
    Hlc clock = *impl.clock;
    if (merged != nullptr) {
        merged->forEach([&](const auto& versions) {
            using Version = typename std::decay_t<decltype(versions)>::value_type;
            using Row = decltype(Version::row);
            for (const Version& version : versions) {
                for (const Hlc& seen : version.clocks)
                    clock = observed(clock, seen);
                clock = observed(clock, version.removedClock);
                upsertClocks(upsert, kindOf<Row>(), std::string(keyOf(version.row)),
                             encodeClocks(version.clocks, version.removed, version.removedClock),
                             std::nullopt);
                // A removed row never seen here is kept as a tombstone, so a
                // later edit of one field finds the others.
                if constexpr (!std::is_same_v<Row, Couple> && !std::is_same_v<Row, Settings>) {
                    if (!version.live() && !rowByKey<Row>(impl, std::string(keyOf(version.row)))) {
                        ChangeSet bury;
                        bury.add(version.row);
                        writeRows(impl.db, bury.rows.of<Row>(), now, [] {});
                        bury.rows = {};
                        bury.remove(version.row);
                        writeRows(impl.db, bury.rows.of<Row>(), now, [] {});
                    }
                }
            }
        });
    } else {
        const Hlc stamp = nextStamp(clock, now * 1000, impl.device);
        bool stampedAny = false;
        change.forEach([&](const auto& list) {
            using Change = typename std::decay_t<decltype(list)>::value_type;
            using Row = typename decltype(Change::after)::value_type;
            if constexpr (isSynced<Row>) {
                for (const Change& row : list) {
                    const std::string key(keyOf(row.before ? *row.before : *row.after));
                    std::optional<RowVersion<Row>> before;
                    if (row.before)
                        if (auto clocks = clocksOf(impl, kindOf<Row>(), key))
                            before = versionFrom(impl, *row.before, *clocks);
                    const RowVersion<Row> version = stamped(before, row.after, stamp);
                    upsertClocks(
                        upsert, kindOf<Row>(), key,
                        encodeClocks(version.clocks, version.removed, version.removedClock),
                        stamp.text());
                    stampedAny = true;
                }
            }
        });
        if (stampedAny) clock = stamp;
    }
    if (clock != *impl.clock) {
        setStateValue(impl, "clock", clock.text());
        impl.clock = clock;
    }
}

std::map<std::string, std::string> Store::syncState() const {
    std::map<std::string, std::string> values;
    try {
        SQLite::Statement statement(impl_->db, "SELECT key, value FROM sync_state");
        while (statement.executeStep())
            values.emplace(statement.getColumn(0).getString(), statement.getColumn(1).getString());
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_->location, "read the sync state");
    }
    return values;
}

void Store::setSyncState(const std::map<std::string, std::optional<std::string>>& values) {
    write("save the sync state", [&] {
        SQLite::Statement erase(impl_->db, "DELETE FROM sync_state WHERE key = ?");
        for (const auto& [key, value] : values) {
            if (value) {
                setStateValue(*impl_, key, *value);
            } else {
                erase.reset();
                erase.bind(1, key);
                erase.exec();
            }
            if (key == "device") impl_->device = value.value_or("");
        }
    });
}

void Store::forgetCoupleClocks() {
    write("take on the couple's names", [&] {
        SQLite::Statement forget(impl_->db, "DELETE FROM sync_rows WHERE kind IN (?, ?)");
        forget.bind(1, kindOf<Couple>());
        forget.bind(2, kindOf<Settings>());
        forget.exec();
    });
}

std::string Store::deviceId() {
    write("make this computer's device id", [&] { loadStamps(*impl_); });
    return impl_->device;
}

Hlc Store::lastClock() {
    write("read the sync clock", [&] { loadStamps(*impl_); });
    return *impl_->clock;
}

namespace {

template <class Row>
void addVersions(const Store::Impl& impl, std::vector<RowVersion<Row>>& out,
                 const std::string& where, const std::function<void(SQLite::Statement&)>& bind) {
    SQLite::Statement statement(impl.db, "SELECT key, clocks FROM sync_rows WHERE kind = '" +
                                             kindOf<Row>() + "' AND " + where);
    if (bind) bind(statement);
    while (statement.executeStep()) {
        const std::string key = statement.getColumn(0).getString();
        auto row = rowByKey<Row>(impl, key);
        if (!row) continue; // its row is gone (never the case for a row sync wrote)
        if (auto version = versionFrom(impl, std::move(*row), statement.getColumn(1).getString()))
            out.push_back(std::move(*version));
    }
}

} // namespace

SyncedRows Store::versionsChangedHere(const std::string& since) const {
    SyncedRows rows;
    try {
        rows.forEach([&](auto& versions) {
            using Row = decltype(std::decay_t<decltype(versions)>::value_type::row);
            addVersions<Row>(*impl_, versions, "changed_here > ?",
                             [&](SQLite::Statement& s) { s.bind(1, since); });
        });
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_->location, "read the changes to send");
    }
    return rows;
}

SyncedRows Store::versionsLike(const SyncedRows& incoming) const {
    SyncedRows rows;
    try {
        rows.forEach([&](auto& versions) {
            using Version = typename std::decay_t<decltype(versions)>::value_type;
            using Row = decltype(Version::row);
            for (const Version& other : incoming.of<Row>()) {
                const std::string key(keyOf(other.row));
                addVersions<Row>(*impl_, versions, "key = ?",
                                 [&](SQLite::Statement& s) { s.bind(1, key); });
            }
        });
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_->location, "read the rows to merge");
    }
    return rows;
}

void Store::stampUnstamped(std::int64_t now) {
    // Every live row without clocks, as if it had just been added here.
    const History history = loadHistory();
    ChangeRows rows;
    bool any = false;
    const auto unstamped = [&](const std::string& kind, const std::string& key) {
        return !clocksOf(*impl_, kind, key);
    };
    try {
        if (hasCouple() && unstamped(kindOf<Couple>(), keyOf(history.couple))) {
            rows.of<Couple>().push_back({std::nullopt, history.couple});
            any = true;
        }
        if (unstamped(kindOf<Settings>(), keyOf(history.settings))) {
            rows.of<Settings>().push_back({std::nullopt, history.settings});
            any = true;
        }
        const auto collect = [&](const auto& list) {
            using Row = typename std::decay_t<decltype(list)>::value_type;
            for (const Row& row : list)
                if (unstamped(kindOf<Row>(), std::string(keyOf(row)))) {
                    rows.of<Row>().push_back({std::nullopt, row});
                    any = true;
                }
        };
        collect(history.rituals);
        collect(history.logs);
        collect(history.skips);
        collect(history.pauses);
        collect(history.goals);
        collect(history.questionMarks);
        collect(history.programmeSteps);
        collect(history.keptXp);
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_->location, "read the rows to stamp");
    }
    if (!any) return;
    write("stamp the history for sync", [&] { writeClocks(*impl_, rows, now, nullptr); });
}

std::set<std::string> Store::ritualIds() const {
    std::set<std::string> ids;
    try {
        SQLite::Statement statement(impl_->db, "SELECT id FROM rituals");
        while (statement.executeStep())
            ids.insert(statement.getColumn(0).getString());
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_->location, "read the rituals");
    }
    return ids;
}

std::vector<Store::Peer> Store::syncPeers() const {
    std::vector<Peer> peers;
    try {
        SQLite::Statement statement(impl_->db, "SELECT device, name, applied_through, applied_at, "
                                               "seen_through FROM sync_peers ORDER BY device");
        while (statement.executeStep()) {
            Peer peer;
            peer.device = statement.getColumn(0).getString();
            peer.name = statement.getColumn(1).getString();
            peer.appliedThrough = static_cast<std::uint64_t>(statement.getColumn(2).getInt64());
            if (!statement.getColumn(3).isNull())
                peer.appliedAt = statement.getColumn(3).getInt64();
            peer.seenThrough = static_cast<std::uint64_t>(statement.getColumn(4).getInt64());
            peers.push_back(std::move(peer));
        }
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_->location, "read the other computers");
    }
    return peers;
}

void Store::savePeer(const Peer& peer) {
    write("remember the other computer", [&] {
        SQLite::Statement statement(
            impl_->db, "INSERT INTO sync_peers (device, name, applied_through, applied_at, "
                       "seen_through) VALUES (?, ?, ?, ?, ?) ON CONFLICT (device) DO UPDATE SET "
                       "name = excluded.name, applied_through = excluded.applied_through, "
                       "applied_at = excluded.applied_at, seen_through = excluded.seen_through");
        statement.bind(1, peer.device);
        statement.bind(2, peer.name);
        statement.bind(3, static_cast<std::int64_t>(peer.appliedThrough));
        if (peer.appliedAt)
            statement.bind(4, *peer.appliedAt);
        else
            statement.bind(4);
        statement.bind(5, static_cast<std::int64_t>(peer.seenThrough));
        statement.exec();
    });
}

} // namespace kindling
