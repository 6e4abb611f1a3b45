#pragma once
// The names in the sync folder, and the names sync engines add next to them.
//
//   <couple-id>/couple.kcheck                 the couple check file
//   <couple-id>/<device-id>/0000000042.kseg   segment 42 of that device
//   <couple-id>/<device-id>/0000000042.ksnap  snapshot through segment 42
//   <couple-id>/<device-id>/device.kdev       the device record
//   ~kindling-<random>.tmp                    ours, being written (ignored)
//
// Sync engines add: partial downloads `.syncthing.<name>.tmp` and
// `~syncthing~<name>.tmp` (ignored, like every hidden name: Nextcloud's
// `.<name>.~<hex>`, macOS's `._<name>`), and conflict copies, read as extra
// input under the name they were copied from:
//   Syncthing  0000000042.sync-conflict-20261202-101500-ABCDEFG.kseg
//   Dropbox    0000000042 (Sam's conflicted copy 2026-12-02).kseg
//   Nextcloud  0000000042 (conflicted copy 2026-12-02 101500).kseg
//   ownCloud   0000000042_conflict-20261202-101500.kseg

#include "sync/sealed_file.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kindling::sync {

inline constexpr std::string_view coupleCheckName = "couple.kcheck";
inline constexpr std::string_view deviceRecordName = "device.kdev";
inline constexpr std::string_view segmentExtension = ".kseg";
inline constexpr std::string_view snapshotExtension = ".ksnap";
inline constexpr std::string_view ourTemporaryPrefix = "~kindling-";
inline constexpr std::string_view ourTemporarySuffix = ".tmp";

std::string segmentName(std::uint64_t sequence);  // "0000000042.kseg"
std::string snapshotName(std::uint64_t sequence); // "0000000042.ksnap"

enum class NameRole : std::uint8_t {
    Ours,            // a name Kindling writes (maybe under a conflict copy's name)
    OurTemporary,    // ~kindling-*.tmp: a write in progress or interrupted
    PartialDownload, // a sync engine's file in progress, or any hidden name
    Unknown,         // anything else: left alone
};

struct ParsedName {
    NameRole role = NameRole::Unknown;
    FileKind kind = FileKind::Segment; // when role is Ours
    std::uint64_t sequence = 0;        // segments and snapshots; 0 otherwise
    bool conflictCopy = false;         // a sync engine's copy of that name
};

// What one name in a device's or the couple's folder is.
ParsedName parseName(std::string_view name);

// The name a conflict copy was copied from, or nullopt when `name` is not a
// conflict copy of any engine we know.
std::optional<std::string> conflictOriginal(std::string_view name);

} // namespace kindling::sync
