#pragma once
// Two computers, one couple (docs/sync.md): each computer writes the rows it
// changed as sealed segments in its own directory of a folder the couple's
// sync engine shares (src/sync), and merges what the other computer wrote,
// field by field (core/row_version.hpp), through Session::apply. The live
// data file never sits in that folder, and nothing leaves this computer but
// those sealed files.

#include "app/session.hpp"
#include "sync/problem.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kindling {

// Why sync could not do what it was asked, in words for the couple; `kind`
// is the sync folder's (sync/problem.hpp) or one of the engine's own.
struct SyncProblem {
    std::string kind; // "folder-missing", "another-couple", "has-history", "newer-format" …
    std::string message;
    std::filesystem::path file;
    bool operator==(const SyncProblem&) const = default;
};

class SyncRefused : public std::runtime_error {
  public:
    explicit SyncRefused(SyncProblem problem)
        : std::runtime_error(problem.message), problem_(std::move(problem)) {}
    const SyncProblem& problem() const { return problem_; }

  private:
    SyncProblem problem_;
};

struct SyncPeerStatus {
    std::string device;
    std::string name;
    std::uint64_t appliedThrough = 0;
    std::optional<std::int64_t> appliedAt; // when something of it was last applied
    std::uint64_t seenThrough = 0;         // its highest file number seen in the folder
};

struct SyncStatus {
    bool on = false;
    std::filesystem::path folder;
    std::string couple;
    std::string device;
    std::string deviceName;
    std::optional<std::int64_t> lastWrite; // when this computer last wrote a segment
    std::optional<std::int64_t> lastSync;  // when it last synced at all
    std::size_t pending = 0;               // rows changed here, not yet written
    std::vector<SyncPeerStatus> peers;
    std::vector<SyncProblem> problems; // of the last sync
};

struct SyncReport {
    std::size_t rowsWritten = 0;
    std::optional<std::uint64_t> segment; // the one written, if any
    std::size_t filesApplied = 0;
    std::size_t rowsApplied = 0;  // rows that changed here
    std::size_t filesWaiting = 0; // not applied yet: still arriving, or their rituals are
    std::vector<SyncProblem> problems;
};

// The first computer: chooses `folder` and makes the couple there (its
// pairing code from then on: pairingCode()). A folder that already holds a
// couple needs that couple's code (join). Throws SyncRefused.
void startSync(Session& session, const std::filesystem::path& folder);
// The second computer: `code` opens the couple in `folder`. An empty data
// file adopts the couple; one with its own history is refused (merging two
// histories on purpose is the import), as is a folder of another couple and
// a wrong code. Then syncs once. Throws SyncRefused.
SyncReport joinSync(Session& session, const std::filesystem::path& folder, std::string_view code);
// Moves an already paired data file to another folder of the same couple.
void moveSync(Session& session, const std::filesystem::path& folder);
// Stops syncing; the folder and the other computer are left as they are.
void stopSync(Session& session);
// The code the other computer types; nullopt when sync is off.
std::optional<std::string> pairingCode(Session& session);
// Writes what changed here, applies what arrived. Problems are in the report
// (and in status), never thrown: sync runs quietly in the background.
SyncReport syncNow(Session& session);
SyncStatus syncStatus(Session& session);
// Renames this computer as the other one sees it (the host name by default).
void setDeviceName(Session& session, const std::string& name);

} // namespace kindling
