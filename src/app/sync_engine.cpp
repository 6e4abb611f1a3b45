#include "app/sync_engine.hpp"

#include "app/clock.hpp"
#include "platform/os/computer_name.hpp"
#include "platform/os/user_folders.hpp"
#include "store/journal_format.hpp"
#include "sync/folder.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <unordered_map>

namespace kindling {

namespace {

namespace fs = std::filesystem;
using State = std::map<std::string, std::string>;

// Segments a computer writes before it compacts them into one snapshot.
constexpr std::uint64_t segmentsBeforeSnapshot = 64;

std::string hostName() {
    return os::computerName().value_or("this computer");
}

std::string hex(std::span<const std::uint8_t> bytes) {
    static const char* digits = "0123456789abcdef";
    std::string text;
    for (std::uint8_t b : bytes) {
        text += digits[b >> 4];
        text += digits[b & 15];
    }
    return text;
}

template <std::size_t N> std::optional<std::array<std::uint8_t, N>> unhex(const std::string& text) {
    if (text.size() != 2 * N) return std::nullopt;
    std::array<std::uint8_t, N> bytes{};
    for (std::size_t i = 0; i < N; ++i) {
        const auto nibble = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return -1;
        };
        const int high = nibble(text[2 * i]), low = nibble(text[2 * i + 1]);
        if (high < 0 || low < 0) return std::nullopt;
        bytes[i] = static_cast<std::uint8_t>(high * 16 + low);
    }
    return bytes;
}

std::string valueOr(const State& state, const std::string& key, const std::string& fallback = {}) {
    const auto found = state.find(key);
    return found == state.end() ? fallback : found->second;
}

// Where this data file lives: a copy of it on another computer (or in
// another folder) is another device and gets its own id.
std::string homeOf(const Session& session) {
    std::error_code ignored;
    return hostName() + "\n" + fs::weakly_canonical(session.dataFile(), ignored).string();
}

SyncProblem problemOf(const sync::Problem& problem) {
    return SyncProblem{std::string(sync::problemKindName(problem.kind)), problem.message(),
                       problem.file};
}

[[noreturn]] void refuse(std::string kind, std::string message, fs::path file = {}) {
    throw SyncRefused(SyncProblem{std::move(kind), std::move(message), std::move(file)});
}

// What the data file keeps of the couple's sync: nullopt when sync is off.
struct Paired {
    fs::path folder;
    sync::CoupleId couple;
    sync::DeviceId device;
    sync::PairingSecret secret;
    sync::CoupleKey key;
};

std::optional<Paired> pairedOf(Session& session) {
    const State state = session.store().syncState();
    const std::string folder = valueOr(state, "folder");
    if (folder.empty()) return std::nullopt;
    auto couple = sync::CoupleId::parse(valueOr(state, "couple"));
    auto device = sync::DeviceId::parse(session.store().deviceId());
    auto secret = unhex<sync::PairingSecret::size>(valueOr(state, "secret"));
    auto key = unhex<sync::CoupleKey::size>(valueOr(state, "key"));
    if (!couple || !device || !secret || !key)
        refuse("damaged", "The data file's sync settings are damaged. Turn sync off and pair "
                          "this computer again (kindling sync --off).");
    return Paired{os::pathFromUtf8(folder), *couple, *device,
                  sync::PairingSecret::fromBytes(*secret), sync::CoupleKey::fromBytes(*key)};
}

sync::SyncFolder folderOf(const Paired& paired) {
    return sync::SyncFolder(paired.folder, paired.couple, paired.device, paired.key);
}

void requireFolder(const fs::path& folder) {
    std::error_code error;
    if (!fs::is_directory(folder, error))
        refuse("folder-missing",
               folder.string() + " is not a folder here. Choose the folder your sync engine "
                                 "(Syncthing, Nextcloud, Dropbox …) shares, or a USB stick.",
               folder);
}

void savePairing(Session& session, const fs::path& folder, const sync::CoupleId& couple,
                 const sync::PairingSecret& secret, const sync::CoupleKey& key) {
    std::error_code ignored;
    session.store().setSyncState(
        {{"folder", fs::absolute(folder, ignored).string()},
         {"couple", couple.text()},
         {"secret", hex(secret.bytes())},
         {"key", hex(key.bytes())},
         {"home", homeOf(session)},
         {"name", valueOr(session.store().syncState(), "name", hostName())}});
}

std::string deviceRecord(const std::string& name) {
    // A JSON object of one string; the name is the only thing in it.
    std::string escaped;
    for (char c : name) {
        if (c == '"' || c == '\\') escaped += '\\';
        if (static_cast<unsigned char>(c) >= 0x20) escaped += c;
    }
    return "{\"name\": \"" + escaped + "\"}";
}

std::string nameInRecord(const sync::Bytes& bytes) {
    const std::string text(bytes.begin(), bytes.end());
    const auto start = text.find("\"name\": \"");
    if (start == std::string::npos) return {};
    std::string name;
    for (std::size_t i = start + 9; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        name += text[i];
    }
    return name;
}

// A copy of the data file on another computer is another device: the one it
// was copied from becomes a peer whose changes it already holds.
void renewDeviceIfCopied(Session& session) {
    const State state = session.store().syncState();
    const std::string home = valueOr(state, "home");
    if (home.empty() || home == homeOf(session)) return;
    const std::string old = session.store().deviceId();
    Store::Peer previous;
    previous.device = old;
    previous.name = valueOr(state, "name", "the first computer");
    previous.appliedThrough = std::stoull(valueOr(state, "written", "0"));
    previous.seenThrough = previous.appliedThrough;
    session.store().savePeer(previous);
    const auto fresh = sync::DeviceId::random().text();
    session.store().setSyncState(
        {{"device", fresh}, {"home", homeOf(session)}, {"written", "0"}, {"name", hostName()}});
}

// ---- Merging what arrived -------------------------------------------------------

template <class Row> std::string keyText(const Row& row) {
    return std::string(keyOf(row));
}

template <class Row> const std::vector<Row>* historyRows(const History& history) {
    if constexpr (std::is_same_v<Row, Ritual>)
        return &history.rituals;
    else if constexpr (std::is_same_v<Row, Log>)
        return &history.logs;
    else if constexpr (std::is_same_v<Row, Skip>)
        return &history.skips;
    else if constexpr (std::is_same_v<Row, Pause>)
        return &history.pauses;
    else if constexpr (std::is_same_v<Row, Goal>)
        return &history.goals;
    else if constexpr (std::is_same_v<Row, QuestionMarkEntry>)
        return &history.questionMarks;
    else if constexpr (std::is_same_v<Row, ProgrammeStep>)
        return &history.programmeSteps;
    else if constexpr (std::is_same_v<Row, KeptXp>)
        return &history.keptXp;
    else
        return nullptr;
}

// The live row of that key in the history, if any.
template <class Row>
std::optional<Row> liveRow(const History& history, bool onboarded, const std::string& key,
                           std::unordered_map<std::string, const Row*>& index) {
    if constexpr (std::is_same_v<Row, Couple>) {
        if (!onboarded) return std::nullopt;
        return history.couple;
    } else if constexpr (std::is_same_v<Row, Settings>) {
        return history.settings;
    } else {
        if (index.empty())
            for (const Row& row : *historyRows<Row>(history))
                index.emplace(keyText(row), &row);
        const auto found = index.find(key);
        if (found == index.end()) return std::nullopt;
        return *found->second;
    }
}

// Merges `incoming` (several versions of a key merge first) with what the
// store holds, adding to `change` what becomes live, changes or goes, and
// to `merged` every version whose clocks move.
template <class Row>
void mergeKind(Session& session, const std::vector<RowVersion<Row>>& incoming,
               const std::vector<RowVersion<Row>>& local, ChangeSet& change, SyncedRows& merged) {
    if (incoming.empty()) return;
    std::unordered_map<std::string, RowVersion<Row>> byKey;
    std::vector<std::string> order;
    for (const RowVersion<Row>& version : incoming) {
        const std::string key = keyText(version.row);
        const auto [at, inserted] = byKey.emplace(key, version);
        if (inserted)
            order.push_back(key);
        else
            at->second = kindling::merged(at->second, version);
    }
    std::unordered_map<std::string, const RowVersion<Row>*> localByKey;
    for (const RowVersion<Row>& version : local)
        localByKey.emplace(keyText(version.row), &version);
    std::unordered_map<std::string, const Row*> index;
    for (const std::string& key : order) {
        const auto mine = localByKey.find(key);
        RowVersion<Row> result = byKey.at(key);
        if (mine != localByKey.end()) {
            result = kindling::merged(*mine->second, result);
            if (result == *mine->second) continue; // nothing new
        }
        const std::optional<Row> before =
            liveRow<Row>(session.history(), session.onboarded(), key, index);
        std::optional<Row> after;
        if (result.live()) after = result.row;
        if constexpr (std::is_same_v<Row, Couple> || std::is_same_v<Row, Settings>) {
            // One row each, always there: the history's is its "before".
            Row current;
            if constexpr (std::is_same_v<Row, Couple>)
                current = session.history().couple;
            else
                current = session.history().settings;
            if (!(result.row == current) || !before)
                change.rows.of<Row>().push_back({current, result.row});
        } else {
            if constexpr (std::is_same_v<Row, Skip>) {
                // Two computers that skip one ritual's day under two ids: the
                // smaller id is the day off, on both (docs/sync.md).
                if (after)
                    for (const Skip& other : session.history().skips)
                        if (other.id != after->id && other.ritualId == after->ritualId &&
                            other.day == after->day) {
                            if (after->id > other.id)
                                after.reset();
                            else
                                change.rows.of<Skip>().push_back({other, std::nullopt});
                        }
            }
            if (before != after) change.rows.of<Row>().push_back({before, after});
        }
        merged.of<Row>().push_back(std::move(result));
    }
}

// The rituals the rows of `rows` name that are neither here nor among `rows`.
std::set<std::string> missingRituals(const std::set<std::string>& known, const SyncedRows& rows) {
    std::set<std::string> missing;
    std::set<std::string> arriving = known;
    for (const auto& ritual : rows.of<Ritual>())
        arriving.insert(ritual.row.id);
    const auto need = [&](const std::string& id) {
        if (!id.empty() && !arriving.count(id)) missing.insert(id);
    };
    for (const auto& log : rows.of<Log>())
        need(log.row.ritualId);
    for (const auto& skip : rows.of<Skip>())
        need(skip.row.ritualId);
    for (const auto& goal : rows.of<Goal>())
        if (goal.row.scope == GoalScope::Ritual) need(goal.row.ritualId);
    return missing;
}

void appendRows(SyncedRows& into, const SyncedRows& more) {
    into.forEach([&](auto& versions) {
        using Version = typename std::decay_t<decltype(versions)>::value_type;
        using Row = decltype(Version::row);
        const auto& extra = more.of<Row>();
        versions.insert(versions.end(), extra.begin(), extra.end());
    });
}

// Applies every version in `rows` through Session::apply; returns the rows
// that changed here.
std::size_t applyMerged(Session& session, const SyncedRows& rows, Milestones milestones) {
    if (rows.size() == 0) return 0;
    SyncedRows merged;
    ChangeSet change;
    change.undoable = false;
    change.description = "what the other computer wrote";
    change.milestones = milestones;
    const SyncedRows local = session.store().versionsLike(rows);
    rows.forEach([&](const auto& versions) {
        using Version = typename std::decay_t<decltype(versions)>::value_type;
        using Row = decltype(Version::row);
        mergeKind<Row>(session, versions, local.of<Row>(), change, merged);
    });
    if (merged.size() == 0) return 0;
    std::size_t changed = 0;
    change.rows.forEach([&](const auto& list) { changed += list.size(); });
    change.merged = std::make_shared<const SyncedRows>(std::move(merged));
    session.apply(change);
    return changed;
}

// ---- Writing what changed here ---------------------------------------------------

void writeOwn(Session& session, sync::SyncFolder& folder, SyncReport& report) {
    const State state = session.store().syncState();
    const std::string shipped = valueOr(state, "shipped");
    const SyncedRows rows = session.store().versionsChangedHere(shipped);
    if (rows.size() == 0) return;
    std::string newest = shipped;
    rows.forEach([&](const auto& versions) {
        for (const auto& version : versions) {
            for (const Hlc& clock : version.clocks)
                if (clock.device == folder.self().text()) newest = std::max(newest, clock.text());
            if (version.removedClock.device == folder.self().text())
                newest = std::max(newest, version.removedClock.text());
        }
    });
    const std::string payload = encodeJournal(rows, folder.self().text());
    const std::uint64_t written = std::stoull(valueOr(state, "written", "0"));
    auto segment = folder.writeSegment(
        std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(payload.data()),
                                      payload.size()),
        written + 1);
    if (!segment) {
        report.problems.push_back(problemOf(segment.problem()));
        return;
    }
    report.rowsWritten = rows.size();
    report.segment = segment.value();
    session.store().setSyncState({{"shipped", newest},
                                  {"written", std::to_string(segment.value())},
                                  {"last_write", std::to_string(unixNow())}});
    // Now and then the segments become one snapshot of everything written here.
    if (segment.value() % segmentsBeforeSnapshot == 0) {
        const std::string all =
            encodeJournal(session.store().versionsChangedHere(""), folder.self().text());
        if (auto problem = folder.writeSnapshot(
                segment.value(),
                std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(all.data()),
                                              all.size())))
            report.problems.push_back(problemOf(*problem));
    }
}

// ---- Reading what arrived --------------------------------------------------------

void readPeers(Session& session, sync::SyncFolder& folder, SyncReport& report,
               Milestones milestones) {
    auto listing = folder.listPeers();
    if (!listing) {
        report.problems.push_back(problemOf(listing.problem()));
        return;
    }
    for (const sync::Problem& problem : listing.value().problems)
        report.problems.push_back(problemOf(problem));
    std::map<std::string, Store::Peer> peers;
    for (Store::Peer& peer : session.store().syncPeers())
        peers[peer.device] = peer;

    std::set<std::string> known = session.store().ritualIds();
    SyncedRows batch;
    std::vector<std::pair<std::string, std::uint64_t>> advances; // peer, applied through
    for (const sync::DeviceFiles& files : listing.value().peers) {
        Store::Peer& peer = peers[files.device.text()];
        peer.device = files.device.text();
        if (peer.name.empty()) peer.name = "the other computer";
        for (const sync::FolderFile& record : files.deviceRecords)
            if (auto bytes = folder.read(record)) {
                const std::string name = nameInRecord(bytes.value());
                if (!name.empty()) peer.name = name;
                break;
            }
        peer.seenThrough = std::max(peer.seenThrough, files.highestSequence());
        std::uint64_t through = peer.appliedThrough;
        bool contiguous = true;
        for (const sync::FolderFile& file : sync::filesToApply(files, peer.appliedThrough)) {
            auto bytes = folder.read(file);
            if (!bytes) {
                // Truncated, damaged, another couple's …: skipped and said;
                // tried again next time.
                report.problems.push_back(problemOf(bytes.problem()));
                ++report.filesWaiting;
                contiguous = false;
                continue;
            }
            SyncedRows rows;
            try {
                rows = decodeJournal(std::string_view(
                    reinterpret_cast<const char*>(bytes.value().data()), bytes.value().size()));
            } catch (const JournalError& error) {
                report.problems.push_back(SyncProblem{
                    error.newer() ? "newer-format" : "damaged",
                    error.newer() ? file.path.string() + " was written by a newer Kindling on " +
                                        peer.name + ". Update Kindling here to see those changes."
                                  : file.path.string() + " cannot be read (" + error.what() + ").",
                    file.path});
                ++report.filesWaiting;
                contiguous = false;
                continue;
            }
            if (!missingRituals(known, rows).empty()) {
                // A log of a ritual whose own file has not arrived yet.
                ++report.filesWaiting;
                contiguous = false;
                continue;
            }
            for (const auto& ritual : rows.of<Ritual>())
                known.insert(ritual.row.id);
            appendRows(batch, rows);
            ++report.filesApplied;
            if (contiguous) {
                if (file.kind == sync::FileKind::Snapshot)
                    through = std::max(through, file.sequence);
                else if (file.sequence <= through + 1)
                    through = std::max(through, file.sequence);
                else
                    contiguous = false;
            }
        }
        if (through != peer.appliedThrough || report.filesApplied > 0)
            advances.emplace_back(peer.device, through);
    }
    report.rowsApplied = applyMerged(session, batch, milestones);
    const std::int64_t now = unixNow();
    for (auto& [device, peer] : peers) {
        for (const auto& [advanced, through] : advances)
            if (advanced == device) {
                peer.appliedThrough = through;
                peer.appliedAt = now;
            }
        session.store().savePeer(peer);
    }
}

SyncReport syncOnce(Session& session, Milestones milestones);

void rememberProblems(Session& session, const std::vector<SyncProblem>& problems) {
    std::string text;
    for (const SyncProblem& problem : problems)
        text += problem.kind + "\t" + problem.message + "\t" + problem.file.string() + "\n";
    // A quiet look at the folder every few seconds writes nothing: the data
    // file changes only when the problems do, or once a minute for "last synced".
    const State state = session.store().syncState();
    const std::string last = valueOr(state, "last_sync");
    const std::int64_t now = unixNow();
    if (valueOr(state, "problems") == text && !last.empty() && now - std::stoll(last) < 60) return;
    session.store().setSyncState({{"problems", text}, {"last_sync", std::to_string(now)}});
}

} // namespace

void startSync(Session& session, const fs::path& folder) {
    requireFolder(folder);
    if (auto paired = pairedOf(session)) {
        moveSync(session, folder);
        return;
    }
    auto couples = sync::couplesIn(folder);
    if (!couples) throw SyncRefused(problemOf(couples.problem()));
    if (!couples.value().empty())
        refuse("needs-code",
               folder.string() + " already holds a couple's journals. To join them, type the "
                                 "pairing code shown on the other computer (Settings, or "
                                 "kindling sync code there).",
               folder);
    const auto couple = sync::CoupleId::random();
    const auto secret = sync::PairingSecret::random();
    auto key = sync::CoupleKey::derive(secret, couple);
    if (!key) throw SyncRefused(problemOf(key.problem()));
    auto device = sync::DeviceId::parse(session.store().deviceId());
    sync::SyncFolder shared(folder, couple, *device, key.value());
    if (auto problem = shared.createCouple()) throw SyncRefused(problemOf(*problem));
    session.store().stampUnstamped(unixNow());
    savePairing(session, folder, couple, secret, key.value());
    const std::string name = valueOr(session.store().syncState(), "name", hostName());
    const std::string record = deviceRecord(name);
    shared.writeDeviceRecord(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(record.data()), record.size()));
    syncNow(session);
}

SyncReport joinSync(Session& session, const fs::path& folder, std::string_view code) {
    requireFolder(folder);
    auto joined = sync::joinWithCode(folder, code);
    if (!joined) throw SyncRefused(problemOf(joined.problem()));
    if (auto paired = pairedOf(session)) {
        if (paired->couple == joined.value().couple) {
            moveSync(session, folder);
            return syncNow(session);
        }
        refuse("another-couple",
               "This computer already syncs with another couple's folder. Turn sync off first "
               "(kindling sync --off); nothing was changed.",
               folder);
    }
    if (!session.isEmpty())
        refuse("has-history",
               "This data file already holds a history of its own, so it cannot take on the "
               "couple in " +
                   folder.string() +
                   ": nothing was merged. To bring two histories together on purpose, export one "
                   "and import it into the other (Settings → Your data).",
               folder);
    // The couple's names and settings come from the folder, even when this
    // computer's welcome was skipped after the other computer set them.
    session.store().forgetCoupleClocks();
    savePairing(session, folder, joined.value().couple, joined.value().secret, joined.value().key);
    auto paired = pairedOf(session);
    sync::SyncFolder shared = folderOf(*paired);
    const std::string record =
        deviceRecord(valueOr(session.store().syncState(), "name", hostName()));
    shared.writeDeviceRecord(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(record.data()), record.size()));
    // The couple's years arrive at once: what they reached is theirs already,
    // not a flood of cards.
    return syncOnce(session, Milestones::CreditAllQuietly);
}

void moveSync(Session& session, const fs::path& folder) {
    requireFolder(folder);
    auto paired = pairedOf(session);
    if (!paired) refuse("off", "Sync is off: choose a folder first.");
    paired->folder = folder;
    const sync::SyncFolder shared = folderOf(*paired);
    if (auto problem = shared.check()) {
        if (problem->kind != sync::ProblemKind::CoupleMissing)
            throw SyncRefused(problemOf(*problem));
        if (auto created = shared.createCouple()) throw SyncRefused(problemOf(*created));
    }
    std::error_code ignored;
    session.store().setSyncState({{"folder", fs::absolute(folder, ignored).string()}});
}

void stopSync(Session& session) {
    session.store().setSyncState({{"folder", std::nullopt},
                                  {"couple", std::nullopt},
                                  {"secret", std::nullopt},
                                  {"key", std::nullopt},
                                  {"problems", std::nullopt}});
}

std::optional<std::string> pairingCode(Session& session) {
    auto paired = pairedOf(session);
    if (!paired) return std::nullopt;
    return paired->secret.code();
}

namespace {

SyncReport syncOnce(Session& session, Milestones milestones) {
    SyncReport report;
    auto paired = pairedOf(session);
    if (!paired) return report;
    renewDeviceIfCopied(session);
    paired = pairedOf(session);
    sync::SyncFolder shared = folderOf(*paired);
    if (auto problem = shared.check()) {
        report.problems.push_back(problemOf(*problem));
        rememberProblems(session, report.problems);
        return report;
    }
    writeOwn(session, shared, report);
    readPeers(session, shared, report, milestones);
    rememberProblems(session, report.problems);
    return report;
}

} // namespace

// A milestone the other computer's logs reach is celebrated here too, once.
SyncReport syncNow(Session& session) {
    return syncOnce(session, Milestones::Celebrate);
}

SyncStatus syncStatus(Session& session) {
    SyncStatus status;
    const State state = session.store().syncState();
    status.device = session.store().deviceId();
    status.deviceName = valueOr(state, "name", hostName());
    const std::string folder = valueOr(state, "folder");
    status.on = !folder.empty();
    if (!status.on) return status;
    status.folder = os::pathFromUtf8(folder);
    status.couple = valueOr(state, "couple");
    if (auto text = valueOr(state, "last_write"); !text.empty())
        status.lastWrite = std::stoll(text);
    if (auto text = valueOr(state, "last_sync"); !text.empty()) status.lastSync = std::stoll(text);
    status.pending = session.store().versionsChangedHere(valueOr(state, "shipped")).size();
    for (const Store::Peer& peer : session.store().syncPeers())
        status.peers.push_back(
            {peer.device, peer.name, peer.appliedThrough, peer.appliedAt, peer.seenThrough});
    const std::string problems = valueOr(state, "problems");
    std::size_t start = 0;
    while (start < problems.size()) {
        const auto end = problems.find('\n', start);
        const std::string line = problems.substr(start, end - start);
        const auto tab = line.find('\t');
        const auto tab2 = line.find('\t', tab + 1);
        if (tab != std::string::npos && tab2 != std::string::npos)
            status.problems.push_back(SyncProblem{
                line.substr(0, tab), line.substr(tab + 1, tab2 - tab - 1), line.substr(tab2 + 1)});
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return status;
}

void setDeviceName(Session& session, const std::string& name) {
    const std::string clean = checkedName(Field::None, name);
    session.store().setSyncState({{"name", clean}});
    if (auto paired = pairedOf(session)) {
        sync::SyncFolder shared = folderOf(*paired);
        const std::string record = deviceRecord(clean);
        shared.writeDeviceRecord(std::span<const std::uint8_t>(
            reinterpret_cast<const std::uint8_t*>(record.data()), record.size()));
    }
}

} // namespace kindling
