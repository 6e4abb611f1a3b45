#include "platform/os/user_folders.hpp"
#include "sync/folder.hpp"
#include "sync_test_support.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace kindling::sync;
using namespace kindling::sync::test;

TEST_CASE("a segment written by one computer opens on the other") {
    TempDir temp;
    const DeviceId sam = DeviceId::random();
    const DeviceId alex = DeviceId::random();
    const Couple couple = makeCouple(temp.path(), sam);
    SyncFolder samFolder = couple.device(sam);
    const SyncFolder alexFolder = couple.device(alex);

    auto first = samFolder.writeSegment(bytesOf("first change set"));
    REQUIRE(first.ok());
    CHECK(first.value() == 1);
    auto second = samFolder.writeSegment(bytesOf("second change set"));
    REQUIRE(second.ok());
    CHECK(second.value() == 2);
    REQUIRE_FALSE(samFolder.writeDeviceRecord(bytesOf("Sam's laptop")));

    CHECK(fs::exists(temp.path() / couple.id.text() / sam.text() / "0000000001.kseg"));
    CHECK(fs::exists(temp.path() / couple.id.text() / sam.text() / "device.kdev"));

    auto listing = alexFolder.listPeers();
    REQUIRE(listing.ok());
    REQUIRE(listing.value().peers.size() == 1);
    const DeviceFiles& peer = listing.value().peers[0];
    CHECK(peer.device == sam);
    CHECK(listing.value().problems.empty());
    CHECK(listing.value().ignored.empty());
    CHECK(payloadsFrom(alexFolder, peer) ==
          std::vector<std::string>{"first change set", "second change set"});
    CHECK(payloadsFrom(alexFolder, peer, 1) == std::vector<std::string>{"second change set"});
    CHECK(payloadsFrom(alexFolder, peer, 2).empty());
    REQUIRE(peer.deviceRecords.size() == 1);
    auto record = alexFolder.read(peer.deviceRecords[0]);
    REQUIRE(record.ok());
    CHECK(textOf(record.value()) == "Sam's laptop");

    // Sam's own listing has no peers: a device never reads itself as a peer.
    auto own = samFolder.listPeers();
    REQUIRE(own.ok());
    CHECK(own.value().peers.empty());
    auto ownFiles = samFolder.ownFiles();
    REQUIRE(ownFiles.ok());
    CHECK(ownFiles.value().highestSequence() == 2);
}

TEST_CASE("segment numbers go up from what is there, never reuse a number") {
    TempDir temp;
    const DeviceId sam = DeviceId::random();
    const Couple couple = makeCouple(temp.path(), sam);
    SyncFolder folder = couple.device(sam);
    auto at = folder.writeSegment(bytesOf("a"), 40);
    REQUIRE(at.ok());
    CHECK(at.value() == 40);
    // A caller that remembers less than the folder holds still gets a new number.
    auto next = folder.writeSegment(bytesOf("b"), 3);
    REQUIRE(next.ok());
    CHECK(next.value() == 41);
    // A fresh object (the app restarted) continues too.
    SyncFolder again = couple.device(sam);
    auto later = again.writeSegment(bytesOf("c"));
    REQUIRE(later.ok());
    CHECK(later.value() == 42);
    CHECK(textOf(couple.device(sam)
                     .read({temp.path() / couple.id.text() / sam.text() / "0000000040.kseg", sam,
                            FileKind::Segment, 40, false})
                     .value()) == "a");
}

TEST_CASE("a snapshot replaces the segments it covers, and a late reader takes the snapshot") {
    TempDir temp;
    const DeviceId sam = DeviceId::random();
    const DeviceId alex = DeviceId::random();
    const Couple couple = makeCouple(temp.path(), sam);
    SyncFolder samFolder = couple.device(sam);
    for (int i = 1; i <= 5; ++i)
        REQUIRE(samFolder.writeSegment(bytesOf("change " + std::to_string(i))).ok());
    REQUIRE_FALSE(samFolder.writeSnapshot(4, bytesOf("everything through 4")));

    auto own = samFolder.ownFiles();
    REQUIRE(own.ok());
    REQUIRE(own.value().segments.size() == 1);
    CHECK(own.value().segments[0].sequence == 5);
    REQUIRE(own.value().snapshots.size() == 1);
    CHECK(own.value().snapshots[0].sequence == 4);

    const SyncFolder alexFolder = couple.device(alex);
    auto listing = alexFolder.listPeers();
    REQUIRE(listing.ok());
    const DeviceFiles* peer = peerIn(listing.value(), sam);
    REQUIRE(peer);
    // Nothing applied yet: the snapshot, then what came after it.
    CHECK(payloadsFrom(alexFolder, *peer, 0) ==
          std::vector<std::string>{"everything through 4", "change 5"});
    // Everything through 4 applied already: only segment 5.
    CHECK(payloadsFrom(alexFolder, *peer, 4) == std::vector<std::string>{"change 5"});

    // A second snapshot removes the first one and the segments up to it.
    REQUIRE(samFolder.writeSegment(bytesOf("change 6")).ok());
    REQUIRE_FALSE(samFolder.writeSnapshot(6, bytesOf("everything through 6")));
    auto after = samFolder.ownFiles();
    REQUIRE(after.ok());
    CHECK(after.value().segments.empty());
    REQUIRE(after.value().snapshots.size() == 1);
    CHECK(after.value().snapshots[0].sequence == 6);
    auto next = samFolder.writeSegment(bytesOf("change 7"));
    REQUIRE(next.ok());
    CHECK(next.value() == 7);

    // The same snapshot number twice is refused: files are never rewritten.
    const Status again = samFolder.writeSnapshot(6, bytesOf("other"));
    REQUIRE(again);
    CHECK(again->kind == ProblemKind::AlreadyWritten);
}

TEST_CASE("files to apply: segments suffice when none is gone, the snapshot when some are") {
    DeviceFiles peer;
    peer.device = DeviceId::random();
    auto segment = [&](std::uint64_t n, bool copy = false) {
        return FolderFile{"s" + std::to_string(n) + (copy ? "c" : ""), peer.device,
                          FileKind::Segment, n, copy};
    };
    peer.snapshots = {FolderFile{"snap4", peer.device, FileKind::Snapshot, 4, false}};
    // The snapshot is written but the old segments have not been removed yet.
    peer.segments = {segment(3), segment(4), segment(5), segment(5, true)};
    auto names = [](const std::vector<FolderFile>& files) {
        std::vector<std::string> out;
        for (const auto& f : files)
            out.push_back(f.path.string());
        return out;
    };
    CHECK(names(filesToApply(peer, 2)) == std::vector<std::string>{"s3", "s4", "s5", "s5c"});
    CHECK(names(filesToApply(peer, 1)) == std::vector<std::string>{"snap4", "s5", "s5c"});
    CHECK(names(filesToApply(peer, 4)) == std::vector<std::string>{"s5", "s5c"});
    CHECK(names(filesToApply(peer, 9)).empty());
    // A gap after the snapshot does not hide what is there.
    peer.segments = {segment(5), segment(7)};
    CHECK(names(filesToApply(peer, 0)) == std::vector<std::string>{"snap4", "s5", "s7"});
}

TEST_CASE("conflict copies are read as extra input, partial downloads and temporaries are not") {
    TempDir temp;
    const DeviceId sam = DeviceId::random();
    const DeviceId alex = DeviceId::random();
    const Couple couple = makeCouple(temp.path(), sam);
    SyncFolder samFolder = couple.device(sam);
    REQUIRE(samFolder.writeSegment(bytesOf("kept")).ok());
    const fs::path samDir = samFolder.ownDirectory();
    const Bytes original = readBytes(samDir / "0000000001.kseg");

    // Another sealing of segment 1 (the same device id on two computers, say),
    // under each engine's conflict name.
    TempDir other;
    const Couple scratch{couple.id, couple.key, other.path()};
    REQUIRE_FALSE(scratch.device(sam).createCouple());
    SyncFolder scratchSam = scratch.device(sam);
    REQUIRE(scratchSam.writeSegment(bytesOf("from the twin")).ok());
    const Bytes twinBytes = readBytes(scratchSam.ownDirectory() / "0000000001.kseg");
    const std::vector<std::string> conflictNames = {
        "0000000001.sync-conflict-20261202-101500-ABCDEFG.kseg",
        "0000000001 (Alex's conflicted copy 2026-12-02).kseg",
        "0000000001 (conflicted copy 2026-12-02 101500).kseg",
    };
    for (const auto& name : conflictNames)
        writeBytes(samDir / name, twinBytes);

    // What sync engines and interrupted writes leave behind.
    const std::vector<std::string> ignoredNames = {
        ".syncthing.0000000002.kseg.tmp",
        "~syncthing~0000000002.kseg.tmp",
        "~kindling-0011223344556677.tmp",
        ".0000000002.kseg.~3f2a",
        "desktop.ini",
    };
    for (const auto& name : ignoredNames)
        writeBytes(samDir / name, original);

    const SyncFolder alexFolder = couple.device(alex);
    auto listing = alexFolder.listPeers();
    REQUIRE(listing.ok());
    const DeviceFiles* peer = peerIn(listing.value(), sam);
    REQUIRE(peer);
    REQUIRE(peer->segments.size() == 4);
    CHECK_FALSE(peer->segments[0].conflictCopy);
    for (std::size_t i = 1; i < 4; ++i) {
        CHECK(peer->segments[i].conflictCopy);
        CHECK(peer->segments[i].sequence == 1);
    }
    const auto payloads = payloadsFrom(alexFolder, *peer);
    CHECK(payloads ==
          std::vector<std::string>{"kept", "from the twin", "from the twin", "from the twin"});

    std::set<std::string> ignored;
    for (const auto& file : listing.value().ignored)
        ignored.insert(file.path.filename().string());
    CHECK(ignored == std::set<std::string>(ignoredNames.begin(), ignoredNames.end()));
    for (const auto& file : listing.value().ignored)
        if (file.path.filename() == "~kindling-0011223344556677.tmp")
            CHECK(file.role == NameRole::OurTemporary);

    // Sam's next write clears its interrupted temporary file, nobody else's.
    SyncFolder samAgain = couple.device(sam);
    REQUIRE(samAgain.writeSegment(bytesOf("later")).ok());
    CHECK_FALSE(fs::exists(samDir / "~kindling-0011223344556677.tmp"));
    CHECK(fs::exists(samDir / ".syncthing.0000000002.kseg.tmp"));
}

TEST_CASE("a damaged, truncated or foreign file in the folder is reported and never returned") {
    TempDir temp;
    const DeviceId sam = DeviceId::random();
    const DeviceId alex = DeviceId::random();
    const Couple couple = makeCouple(temp.path(), sam);
    SyncFolder samFolder = couple.device(sam);
    for (int i = 0; i < 4; ++i)
        REQUIRE(samFolder.writeSegment(bytesOf("change")).ok());
    const fs::path dir = samFolder.ownDirectory();

    Bytes flipped = readBytes(dir / "0000000001.kseg");
    flipped[flipped.size() / 2] ^= 0x10;
    writeBytes(dir / "0000000001.kseg", flipped);
    Bytes cut = readBytes(dir / "0000000002.kseg");
    cut.resize(cut.size() - 10);
    writeBytes(dir / "0000000002.kseg", cut);
    writeBytes(dir / "0000000003.kseg", bytesOf("{\"note\": \"not sealed at all\"}"));

    const SyncFolder alexFolder = couple.device(alex);
    auto listing = alexFolder.listPeers();
    REQUIRE(listing.ok());
    const DeviceFiles* peer = peerIn(listing.value(), sam);
    REQUIRE(peer);
    REQUIRE(peer->segments.size() == 4);
    const std::vector<ProblemKind> expected = {ProblemKind::Unauthenticated, ProblemKind::Truncated,
                                               ProblemKind::Damaged};
    for (std::size_t i = 0; i < 3; ++i) {
        auto opened = alexFolder.read(peer->segments[i]);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.problem().kind == expected[i]);
        CHECK(opened.problem().file == peer->segments[i].path);
        CHECK(opened.problem().message().find(peer->segments[i].path.string()) !=
              std::string::npos);
    }
    CHECK(alexFolder.read(peer->segments[3]).ok());

    // Gone between listing and reading (the other side compacted).
    fs::remove(peer->segments[3].path);
    auto gone = alexFolder.read(peer->segments[3]);
    REQUIRE_FALSE(gone.ok());
    CHECK(gone.problem().kind == ProblemKind::FileGone);
}

TEST_CASE("a file moved into another device's folder, or renumbered, is refused") {
    TempDir temp;
    const DeviceId sam = DeviceId::random();
    const DeviceId alex = DeviceId::random();
    const DeviceId reader = DeviceId::random();
    const Couple couple = makeCouple(temp.path(), sam);
    SyncFolder samFolder = couple.device(sam);
    SyncFolder alexFolder = couple.device(alex);
    REQUIRE(samFolder.writeSegment(bytesOf("sam's")).ok());
    REQUIRE(alexFolder.writeSegment(bytesOf("alex's"), 5).ok());
    fs::copy_file(samFolder.ownDirectory() / "0000000001.kseg",
                  alexFolder.ownDirectory() / "0000000001.kseg");
    fs::copy_file(samFolder.ownDirectory() / "0000000001.kseg",
                  samFolder.ownDirectory() / "0000000009.kseg");
    fs::copy_file(samFolder.ownDirectory() / "0000000001.kseg",
                  samFolder.ownDirectory() / "0000000009.ksnap");

    const SyncFolder readerFolder = couple.device(reader);
    auto listing = readerFolder.listPeers();
    REQUIRE(listing.ok());
    const DeviceFiles* alexFiles = peerIn(listing.value(), alex);
    REQUIRE(alexFiles);
    REQUIRE(alexFiles->segments.size() == 2);
    auto moved = readerFolder.read(alexFiles->segments[0]);
    REQUIRE_FALSE(moved.ok());
    CHECK(moved.problem().kind == ProblemKind::Misplaced);
    CHECK(readerFolder.read(alexFiles->segments[1]).ok());

    const DeviceFiles* samFiles = peerIn(listing.value(), sam);
    REQUIRE(samFiles);
    REQUIRE(samFiles->segments.size() == 2);
    auto renumbered = readerFolder.read(samFiles->segments[1]);
    REQUIRE_FALSE(renumbered.ok());
    CHECK(renumbered.problem().kind == ProblemKind::Misplaced);
    REQUIRE(samFiles->snapshots.size() == 1);
    auto asSnapshot = readerFolder.read(samFiles->snapshots[0]);
    REQUIRE_FALSE(asSnapshot.ok());
    CHECK(asSnapshot.problem().kind == ProblemKind::Misplaced);
}

TEST_CASE("a file moved from another couple's folder fails authentication") {
    TempDir temp;
    const DeviceId sam = DeviceId::random();
    const Couple ours = makeCouple(temp.path(), sam);
    const Couple theirs = makeCouple(temp.path());
    const DeviceId stranger = DeviceId::random();
    SyncFolder strangerFolder = theirs.device(stranger);
    REQUIRE(strangerFolder.writeSegment(bytesOf("their private note")).ok());
    // Copied under the same device id into our couple.
    const fs::path into = temp.path() / ours.id.text() / stranger.text();
    fs::create_directories(into);
    fs::copy_file(strangerFolder.ownDirectory() / "0000000001.kseg", into / "0000000001.kseg");

    auto listing = ours.device(sam).listPeers();
    REQUIRE(listing.ok());
    const DeviceFiles* peer = peerIn(listing.value(), stranger);
    REQUIRE(peer);
    REQUIRE(peer->segments.size() == 1);
    auto opened = ours.device(sam).read(peer->segments[0]);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.problem().kind == ProblemKind::Unauthenticated);
}

TEST_CASE("a file from a newer Kindling is reported as such, not as damage") {
    TempDir temp;
    const DeviceId sam = DeviceId::random();
    const Couple couple = makeCouple(temp.path(), sam);
    SyncFolder samFolder = couple.device(sam);
    REQUIRE(samFolder.writeSegment(bytesOf("now")).ok());
    const fs::path file = samFolder.ownDirectory() / "0000000002.kseg";
    auto sealed = seal(couple.key, {2, FileKind::Segment, couple.id, sam, 2, 0}, bytesOf("future"));
    REQUIRE(sealed.ok());
    writeBytes(file, sealed.value());

    const SyncFolder reader = couple.device(DeviceId::random());
    auto listing = reader.listPeers();
    REQUIRE(listing.ok());
    const DeviceFiles* peer = peerIn(listing.value(), sam);
    REQUIRE(peer);
    REQUIRE(peer->segments.size() == 2);
    auto opened = reader.read(peer->segments[1]);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.problem().kind == ProblemKind::NewerFormat);
    CHECK(opened.problem().message().find("newer Kindling") != std::string::npos);
}

TEST_CASE("the folder holds no readable name, note or date, names hold only ids and numbers") {
    TempDir temp;
    const DeviceId sam = DeviceId::random();
    const Couple couple = makeCouple(temp.path(), sam);
    SyncFolder samFolder = couple.device(sam);
    const std::string secrets = "Sam Alex 'Morning hug' note: the soup you made 2026-12-02";
    REQUIRE(samFolder.writeSegment(bytesOf(secrets)).ok());
    REQUIRE(samFolder.writeSegment(bytesOf(secrets)).ok());
    REQUIRE_FALSE(samFolder.writeSnapshot(2, bytesOf(secrets)));
    REQUIRE_FALSE(samFolder.writeDeviceRecord(bytesOf("Sam's laptop")));

    const std::vector<std::string> files = allFiles(temp.path());
    REQUIRE(files.size() == 3);
    for (const auto& relative : files) {
        INFO(relative);
        const std::string raw = textOf(readBytes(temp.path() / relative));
        for (const char* word : {"Sam", "Alex", "hug", "soup", "2026", "laptop"})
            CHECK(raw.find(word) == std::string::npos);
        // <couple-id>/couple.kcheck or <couple-id>/<device-id>/<one of our names>
        std::vector<std::string> parts;
        for (const auto& part : fs::path(relative))
            parts.push_back(part.string());
        REQUIRE((parts.size() == 2 || parts.size() == 3));
        CHECK(CoupleId::parse(parts[0]).has_value());
        if (parts.size() == 2) CHECK(parts[1] == "couple.kcheck");
        if (parts.size() == 3) {
            CHECK(DeviceId::parse(parts[1]).has_value());
            CHECK(parseName(parts[2]).role == NameRole::Ours);
        }
    }
    const std::string samDir = couple.id.text() + "/" + sam.text() + "/";
    CHECK(std::set<std::string>(files.begin(), files.end()) ==
          std::set<std::string>{samDir + "0000000002.ksnap", samDir + "device.kdev",
                                couple.id.text() + "/couple.kcheck"});
}

TEST_CASE("the couple check tells the right key, a wrong one and another couple's folder apart") {
    TempDir temp;
    const DeviceId sam = DeviceId::random();
    const Couple couple = makeCouple(temp.path(), sam);
    CHECK_FALSE(couple.device(DeviceId::random()).check());
    // Creating it again with the same key changes nothing.
    const Bytes before = readBytes(temp.path() / couple.id.text() / "couple.kcheck");
    CHECK_FALSE(couple.device(sam).createCouple());
    CHECK(readBytes(temp.path() / couple.id.text() / "couple.kcheck") == before);

    const SyncFolder wrongKey(temp.path(), couple.id, DeviceId::random(), randomKey());
    const Status wrong = wrongKey.check();
    REQUIRE(wrong);
    CHECK(wrong->kind == ProblemKind::WrongCode);
    const Status wrongCreate = wrongKey.createCouple();
    REQUIRE(wrongCreate);
    CHECK(wrongCreate->kind == ProblemKind::WrongCode);

    const SyncFolder otherCouple(temp.path(), CoupleId::random(), DeviceId::random(), randomKey());
    const Status another = otherCouple.check();
    REQUIRE(another);
    CHECK(another->kind == ProblemKind::AnotherCouple);
    auto anotherListing = otherCouple.listPeers();
    REQUIRE_FALSE(anotherListing.ok());
    CHECK(anotherListing.problem().kind == ProblemKind::AnotherCouple);
    CHECK(fs::directory_iterator(temp.path()) != fs::directory_iterator());

    TempDir empty;
    const Status nothing = SyncFolder(empty.path(), couple.id, sam, couple.key).check();
    REQUIRE(nothing);
    CHECK(nothing->kind == ProblemKind::CoupleMissing);

    auto couples = couplesIn(temp.path());
    REQUIRE(couples.ok());
    CHECK(couples.value() == std::vector<CoupleId>{couple.id});
}

TEST_CASE("a damaged or missing check file is forgiven when another file proves the key") {
    TempDir temp;
    const DeviceId sam = DeviceId::random();
    const Couple couple = makeCouple(temp.path(), sam);
    SyncFolder samFolder = couple.device(sam);
    REQUIRE(samFolder.writeDeviceRecord(bytesOf("laptop")) == std::nullopt);
    const fs::path checkFile = temp.path() / couple.id.text() / "couple.kcheck";

    Bytes damaged = readBytes(checkFile);
    damaged[100] ^= 1;
    writeBytes(checkFile, damaged);
    CHECK_FALSE(couple.device(DeviceId::random()).check());
    const Status wrong = SyncFolder(temp.path(), couple.id, sam, randomKey()).check();
    REQUIRE(wrong);
    CHECK(wrong->kind == ProblemKind::WrongCode);

    // Not arrived yet (the sync engine delivers in any order).
    fs::remove(checkFile);
    CHECK_FALSE(couple.device(DeviceId::random()).check());
    fs::remove(samFolder.ownDirectory() / "device.kdev");
    const Status nothingYet = couple.device(DeviceId::random()).check();
    REQUIRE(nothingYet);
    CHECK(nothingYet->kind == ProblemKind::CoupleMissing);
}

TEST_CASE("joining with the code finds the couple, a typo, a wrong code, an empty folder say so") {
    TempDir temp;
    const PairingSecret secret = PairingSecret::random();
    const CoupleId coupleId = CoupleId::random();
    auto key = CoupleKey::derive(secret, coupleId);
    REQUIRE(key.ok());
    const DeviceId sam = DeviceId::random();
    REQUIRE_FALSE(SyncFolder(temp.path(), coupleId, sam, key.value()).createCouple());
    // Another couple shares the same cloud folder.
    makeCouple(temp.path());

    auto joined = joinWithCode(temp.path(), secret.code());
    REQUIRE(joined.ok());
    CHECK(joined.value().couple == coupleId);
    CHECK(joined.value().key == key.value());
    CHECK(joined.value().secret == secret);

    std::string typo = secret.code();
    typo[3] = typo[3] == 'A' ? 'B' : 'A';
    auto mistyped = joinWithCode(temp.path(), typo);
    REQUIRE_FALSE(mistyped.ok());
    CHECK(mistyped.problem().kind == ProblemKind::CodeMistyped);

    auto wrong = joinWithCode(temp.path(), PairingSecret::random().code());
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.problem().kind == ProblemKind::WrongCode);
    CHECK(wrong.problem().file == temp.path());

    TempDir empty;
    auto nothing = joinWithCode(empty.path(), secret.code());
    REQUIRE_FALSE(nothing.ok());
    CHECK(nothing.problem().kind == ProblemKind::CoupleMissing);

    auto missing = joinWithCode(empty.path() / "unplugged", secret.code());
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.problem().kind == ProblemKind::FolderMissing);
}

TEST_CASE("a folder that vanishes is missing, and nothing is written where it was") {
    TempDir temp;
    const fs::path root = temp.path() / "stick";
    fs::create_directories(root);
    const DeviceId sam = DeviceId::random();
    const Couple couple = makeCouple(root, sam);
    SyncFolder samFolder = couple.device(sam);
    REQUIRE(samFolder.writeSegment(bytesOf("before")).ok());

    // Unplugged, the mount point still there but empty.
    fs::remove_all(root / couple.id.text());
    auto write = samFolder.writeSegment(bytesOf("while unplugged"));
    REQUIRE_FALSE(write.ok());
    CHECK(write.problem().kind == ProblemKind::CoupleMissing);
    const Status record = samFolder.writeDeviceRecord(bytesOf("x"));
    REQUIRE(record);
    CHECK(record->kind == ProblemKind::CoupleMissing);
    CHECK(fs::is_empty(root));
    auto listing = samFolder.listPeers();
    REQUIRE_FALSE(listing.ok());
    CHECK(listing.problem().kind == ProblemKind::CoupleMissing);

    // The mount point gone too.
    fs::remove_all(root);
    auto gone = samFolder.writeSegment(bytesOf("still unplugged"));
    REQUIRE_FALSE(gone.ok());
    CHECK(gone.problem().kind == ProblemKind::FolderMissing);
    CHECK(gone.problem().file == root);
    CHECK_FALSE(fs::exists(root));
    auto noListing = samFolder.listPeers();
    REQUIRE_FALSE(noListing.ok());
    CHECK(noListing.problem().kind == ProblemKind::FolderMissing);
    const Status noCheck = samFolder.check();
    REQUIRE(noCheck);
    CHECK(noCheck->kind == ProblemKind::FolderMissing);
    auto noCouples = couplesIn(root);
    REQUIRE_FALSE(noCouples.ok());
    CHECK(noCouples.problem().kind == ProblemKind::FolderMissing);
    const Status noCreate = samFolder.createCouple();
    REQUIRE(noCreate);
    CHECK(noCreate->kind == ProblemKind::FolderMissing);
    CHECK_FALSE(fs::exists(root));
}

#ifndef _WIN32
// File modes are POSIX's: on Windows a file takes the ACL of its folder
// (src/platform/os/file_calls.hpp), which this test cannot see.
TEST_CASE("files are private to their owner") {
    TempDir temp;
    const DeviceId sam = DeviceId::random();
    const Couple couple = makeCouple(temp.path(), sam);
    SyncFolder samFolder = couple.device(sam);
    REQUIRE(samFolder.writeSegment(bytesOf("x")).ok());
    const auto perms = fs::status(samFolder.ownDirectory() / "0000000001.kseg").permissions();
    CHECK((perms & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    const auto dirPerms = fs::status(samFolder.ownDirectory()).permissions();
    CHECK((dirPerms & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
}
#endif

TEST_CASE("a device removes its own merged conflict copies, never another device's files") {
    TempDir temp;
    const DeviceId sam = DeviceId::random();
    const DeviceId alex = DeviceId::random();
    const Couple couple = makeCouple(temp.path(), sam);
    SyncFolder samFolder = couple.device(sam);
    SyncFolder alexFolder = couple.device(alex);
    REQUIRE(samFolder.writeSegment(bytesOf("x")).ok());
    REQUIRE(alexFolder.writeSegment(bytesOf("y")).ok());
    fs::copy_file(samFolder.ownDirectory() / "0000000001.kseg",
                  samFolder.ownDirectory() /
                      "0000000001.sync-conflict-20261202-101500-ABCDEFG.kseg");
    auto own = samFolder.ownFiles();
    REQUIRE(own.ok());
    REQUIRE(own.value().segments.size() == 2);
    REQUIRE(own.value().segments[1].conflictCopy);
    REQUIRE_FALSE(samFolder.removeOwn(own.value().segments[1]));
    CHECK(samFolder.ownFiles().value().segments.size() == 1);

    auto alexFiles = alexFolder.ownFiles();
    REQUIRE(alexFiles.ok());
    const Status refused = samFolder.removeOwn(alexFiles.value().segments[0]);
    REQUIRE(refused);
    CHECK(fs::exists(alexFiles.value().segments[0].path));
}

TEST_CASE("a sync folder under a name beyond Latin-1 works like any other") {
    TempDir temp;
    const fs::path root = temp.path() / kindling::os::pathFromUtf8("Dropbox (Zoë и Łukasz) ☕");
    fs::create_directories(root);
    const DeviceId sam = DeviceId::random();
    const DeviceId alex = DeviceId::random();
    const Couple couple = makeCouple(root, sam);
    SyncFolder samFolder = couple.device(sam);
    REQUIRE(samFolder.writeSegment(bytesOf("a walk together")).ok());
    REQUIRE_FALSE(samFolder.writeDeviceRecord(bytesOf("Zoë's laptop")));
    REQUIRE_FALSE(samFolder.writeDeviceRecord(bytesOf("Zoë's computer")));

    const SyncFolder alexFolder = couple.device(alex);
    CHECK_FALSE(alexFolder.check());
    auto listing = alexFolder.listPeers();
    REQUIRE(listing.ok());
    const DeviceFiles* peer = peerIn(listing.value(), sam);
    REQUIRE(peer);
    CHECK(payloadsFrom(alexFolder, *peer) == std::vector<std::string>{"a walk together"});
    REQUIRE(peer->deviceRecords.size() == 1);
    CHECK(textOf(alexFolder.read(peer->deviceRecords[0]).value()) == "Zoë's computer");
    auto joined = couplesIn(root);
    REQUIRE(joined.ok());
    CHECK(joined.value() == std::vector<CoupleId>{couple.id});
}
