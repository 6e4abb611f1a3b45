#include "sync/file_names.hpp"

#include <catch2/catch.hpp>

using namespace kindling::sync;

namespace {

void checkOurs(std::string_view name, FileKind kind, std::uint64_t sequence, bool conflict) {
    INFO(name);
    const ParsedName parsed = parseName(name);
    REQUIRE(parsed.role == NameRole::Ours);
    CHECK(parsed.kind == kind);
    CHECK(parsed.sequence == sequence);
    CHECK(parsed.conflictCopy == conflict);
}

void checkRole(std::string_view name, NameRole role) {
    INFO(name);
    CHECK(parseName(name).role == role);
}

} // namespace

TEST_CASE("segment and snapshot names hold only a number") {
    CHECK(segmentName(1) == "0000000001.kseg");
    CHECK(snapshotName(42) == "0000000042.ksnap");
    CHECK(segmentName(12345678901) == "12345678901.kseg");
    checkOurs("0000000001.kseg", FileKind::Segment, 1, false);
    checkOurs("0000000042.ksnap", FileKind::Snapshot, 42, false);
    checkOurs("12345678901.kseg", FileKind::Segment, 12345678901, false);
    checkOurs("device.kdev", FileKind::DeviceRecord, 0, false);
    checkOurs("couple.kcheck", FileKind::CoupleCheck, 0, false);
}

TEST_CASE("a number has one spelling: other spellings are strangers") {
    for (const char* name :
         {"0000000000.kseg", "000000001.kseg", "00000000001.kseg", "1.kseg", "000000000a.kseg",
          "0000000001.KSEG", "0000000001.kseg.bak", "0000000001", "notes.txt",
          "012345678901234567890.kseg", "device.kdev2", "Device.kdev"})
        checkRole(name, NameRole::Unknown);
}

TEST_CASE("partial downloads and our own temporary names are never ours") {
    checkRole(".syncthing.0000000003.kseg.tmp", NameRole::PartialDownload);
    checkRole("~syncthing~0000000003.kseg.tmp", NameRole::PartialDownload);
    checkRole(".0000000003.kseg.~1a2b", NameRole::PartialDownload); // Nextcloud
    checkRole("._0000000003.kseg", NameRole::PartialDownload);      // macOS on a FAT stick
    checkRole("0000000003.kseg.part", NameRole::PartialDownload);
    checkRole(".stfolder", NameRole::PartialDownload);
    checkRole("~kindling-0123456789abcdef.tmp", NameRole::OurTemporary);
}

TEST_CASE("conflict copies of every engine we know are read under their original name") {
    checkOurs("0000000042.sync-conflict-20261202-101500-ABCDEFG.kseg", FileKind::Segment, 42, true);
    checkOurs("0000000042.sync-conflict-20261202-101500-ABCDEFG.ksnap", FileKind::Snapshot, 42,
              true);
    checkOurs("device.sync-conflict-20261202-101500-7QXZ2AB.kdev", FileKind::DeviceRecord, 0, true);
    checkOurs("0000000042 (Sam's conflicted copy 2026-12-02).kseg", FileKind::Segment, 42, true);
    checkOurs("0000000042 (Sam's conflicted copy 2026-12-02 (1)).kseg", FileKind::Segment, 42,
              true);
    checkOurs("0000000042 (conflicted copy 2026-12-02 101500).kseg", FileKind::Segment, 42, true);
    checkOurs("0000000042 (Case Conflict).kseg", FileKind::Segment, 42, true);
    checkOurs("0000000042_conflict-20261202-101500.kseg", FileKind::Segment, 42, true);
    // A conflict copy of a conflict copy.
    checkOurs("0000000042.sync-conflict-20261202-101500-ABCDEFG.sync-conflict-20261203-080000-"
              "HJKMNPQ.kseg",
              FileKind::Segment, 42, true);

    CHECK(conflictOriginal("0000000042 (conflicted copy 2026-12-02 101500).kseg") ==
          std::optional<std::string>("0000000042.kseg"));
    CHECK_FALSE(conflictOriginal("0000000042.kseg").has_value());
    CHECK_FALSE(conflictOriginal("0000000042 (copy).kseg").has_value());
    CHECK_FALSE(conflictOriginal("0000000042.sync-conflict-2026-ABCDEFG.kseg").has_value());
}

TEST_CASE("a conflict copy of something that is not ours stays a stranger") {
    checkRole("notes.sync-conflict-20261202-101500-ABCDEFG.txt", NameRole::Unknown);
    checkRole("0000000042 (conflicted copy 2026-12-02).txt", NameRole::Unknown);
    checkRole(".syncthing.0000000042.sync-conflict-20261202-101500-ABCDEFG.kseg.tmp",
              NameRole::PartialDownload);
}
