#pragma once
// The sync folder a couple shares through a file-sync engine (Syncthing,
// Nextcloud, Dropbox, a USB stick). Payloads are opaque bytes here: what a
// segment holds is the sync engine's business (src/app). docs/sync.md
// describes the layout:
//
//   <root>/<couple-id>/couple.kcheck           written once, by the first computer
//   <root>/<couple-id>/<device-id>/            written only by that device:
//       0000000001.kseg ...                    segments, immutable
//       0000000040.ksnap                       a snapshot through segment 40
//       device.kdev                            the device record
//
// One writer per directory: each device writes only its own directory (and
// the first computer the couple check file), so a sync engine never sees two
// computers change one file. Callers make sure only one process per device
// writes (the data file's lock does). Nothing here creates <root> itself: a
// folder that vanished (an unplugged stick) stays vanished, and nothing is
// written to the empty mount point it leaves.

#include "sync/atomic_file.hpp"
#include "sync/file_names.hpp"
#include "sync/pairing.hpp"
#include "sync/problem.hpp"
#include "sync/sealed_file.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kindling::sync {

// One of our files found in the folder.
struct FolderFile {
    std::filesystem::path path;
    DeviceId device;
    FileKind kind = FileKind::Segment;
    std::uint64_t sequence = 0; // segments and snapshots
    bool conflictCopy = false;  // a sync engine's copy: extra input, same number
};

// Everything one device has written, as found.
struct DeviceFiles {
    DeviceId device;
    std::vector<FolderFile> segments;      // by number; conflict copies after their original
    std::vector<FolderFile> snapshots;     // by number; conflict copies after their original
    std::vector<FolderFile> deviceRecords; // the record first, then conflict copies of it

    // The highest segment or snapshot number present (conflict copies
    // included), 0 when there is none.
    std::uint64_t highestSequence() const;
};

struct IgnoredFile {
    std::filesystem::path path;
    NameRole role = NameRole::Unknown; // OurTemporary, PartialDownload or Unknown
};

struct FolderListing {
    std::vector<DeviceFiles> peers;   // every device but this one, by id
    std::vector<Problem> problems;    // device folders that could not be listed
    std::vector<IgnoredFile> ignored; // never read: partial downloads, temporaries, strangers
};

// The files a reader should open for `peer`, in order, when it has applied
// everything through segment `appliedThrough`: the newest snapshot when one
// covers numbers whose segments are gone (compacted away), then every segment
// after what is covered, each followed by its conflict copies. A gap (segment
// 5 missing while 6 is there: still arriving) does not stop the list; a
// reader that remembers one number per peer must advance it only through
// numbers it holds without a gap.
std::vector<FolderFile> filesToApply(const DeviceFiles& peer, std::uint64_t appliedThrough);

// The couples a folder holds (every <couple-id>/ directory), sorted.
// FolderMissing or Unreadable for the folder itself.
Result<std::vector<CoupleId>> couplesIn(const std::filesystem::path& root);

struct JoinedCouple {
    CoupleId couple;
    PairingSecret secret; // kept by the data file, to show the code again
    CoupleKey key;
};

// The second computer, with the typed code: which couple of the folder the
// code opens. CodeMistyped (a typo), FolderMissing, CoupleMissing (nothing
// sealed has arrived yet), WrongCode (a code of someone, or something, else).
Result<JoinedCouple> joinWithCode(const std::filesystem::path& root, std::string_view code);

class SyncFolder {
  public:
    SyncFolder(std::filesystem::path root, CoupleId couple, DeviceId self, CoupleKey key);

    const std::filesystem::path& root() const noexcept { return root_; }
    std::filesystem::path coupleDirectory() const;
    std::filesystem::path ownDirectory() const;
    std::filesystem::path deviceDirectory(const DeviceId& device) const;
    const CoupleId& couple() const noexcept { return couple_; }
    const DeviceId& self() const noexcept { return self_; }

    // The first computer: makes <root>/<couple-id>/ and its couple check
    // file. Again on the same folder with the same key: nothing to do.
    // WrongCode when a check file is there that this key does not open.
    Status createCouple() const;

    // Whether this folder holds this couple and the key opens it:
    // FolderMissing, AnotherCouple (other couples, not this one),
    // CoupleMissing (nothing of it), WrongCode, or nullopt when all is well.
    // A damaged check file is forgiven when another file of the couple opens.
    Status check() const;

    // Writes a new segment numbered max(atLeast, highest own number + 1) and
    // returns the number. Nothing is visible unless all of it is on disk.
    Result<std::uint64_t> writeSegment(std::span<const std::uint8_t> payload,
                                       std::uint64_t atLeast = 1);
    // Writes a snapshot of everything this device wrote through segment
    // `through`, then removes this device's segments through that number and
    // its older snapshots (conflict copies stay: removeOwn() takes those once
    // merged). Removal failures are left for the next snapshot to retry.
    Status writeSnapshot(std::uint64_t through, std::span<const std::uint8_t> payload);
    // Writes (or replaces) this device's record.
    Status writeDeviceRecord(std::span<const std::uint8_t> payload);
    // Removes one of this device's own files (a conflict copy it has merged).
    Status removeOwn(const FolderFile& file);

    // This device's own directory, as found (a missing one is empty).
    Result<DeviceFiles> ownFiles() const;
    // Every other device's files.
    Result<FolderListing> listPeers() const;
    // The payload of a listed file, or why it cannot be used; a problem never
    // comes with any of the payload.
    Result<Bytes> read(const FolderFile& file) const;

  private:
    Status prepareOwnDirectory();
    Result<DeviceFiles> listDevice(const DeviceId& device, std::vector<IgnoredFile>* ignored) const;
    Status writeSealed(FileKind kind, std::uint64_t sequence, const std::string& name,
                       std::span<const std::uint8_t> payload, Replace replace);

    std::filesystem::path root_;
    CoupleId couple_;
    DeviceId self_;
    CoupleKey key_;
    bool ownDirectoryReady_ = false;
};

} // namespace kindling::sync
