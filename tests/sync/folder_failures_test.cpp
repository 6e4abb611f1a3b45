// The folder under stress: read-only, full, a file size limit, a process
// killed in the middle of a write. Each time nothing half-written is visible
// and what was there before is still whole.

#include "sync/folder.hpp"
#include "sync_test_support.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace kindling::sync;
using namespace kindling::sync::test;

namespace {

// A small file system mounted for one test and unmounted after it.
class MountedDisk {
  public:
    MountedDisk(const fs::path& where, std::size_t bytes) : where_(where) {
        fs::create_directories(where_);
        mountSmallDisk(where_, bytes);
    }
    MountedDisk(const MountedDisk&) = delete;
    MountedDisk& operator=(const MountedDisk&) = delete;
    ~MountedDisk() { unmount(where_); }

  private:
    fs::path where_;
};

std::vector<std::string> temporariesIn(const fs::path& directory) {
    std::vector<std::string> names;
    std::error_code error;
    for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error))
        if (parseName(it->path().filename().string()).role == NameRole::OurTemporary)
            names.push_back(it->path().filename().string());
    return names;
}

// Every segment a reader can see opens whole: `payloadFor(number)`.
void everyVisibleSegmentIsWhole(const Couple& couple, const DeviceId& writer,
                                const std::function<std::string(std::uint64_t)>& payloadFor) {
    const SyncFolder reader = couple.device(DeviceId::random());
    auto listing = reader.listPeers();
    REQUIRE(listing.ok());
    const DeviceFiles* peer = peerIn(listing.value(), writer);
    if (!peer) return;
    for (const auto& segment : peer->segments) {
        auto opened = reader.read(segment);
        INFO(segment.path.string());
        REQUIRE(opened.ok());
        CHECK(textOf(opened.value()) == payloadFor(segment.sequence));
    }
}

std::string bigPayload(std::uint64_t number, std::size_t size) {
    std::string payload(size, static_cast<char>('a' + number % 26));
    payload.replace(0, std::to_string(number).size(), std::to_string(number));
    return payload;
}

} // namespace

TEST_CASE("a read-only folder is read, and writing there fails cleanly") {
    TempDir temp;
    const fs::path root = temp.path() / "readonly";
    MountedDisk disk(root, 1 << 20);
    const DeviceId sam = DeviceId::random();
    const DeviceId alex = DeviceId::random();
    const Couple couple = makeCouple(root, sam);
    SyncFolder samFolder = couple.device(sam);
    REQUIRE(samFolder.writeSegment(bytesOf("written before")).ok());
    remountReadOnly(root);
    const auto before = allFiles(root);

    SyncFolder alexFolder = couple.device(alex);
    CHECK_FALSE(alexFolder.check());
    auto listing = alexFolder.listPeers();
    REQUIRE(listing.ok());
    const DeviceFiles* peer = peerIn(listing.value(), sam);
    REQUIRE(peer);
    CHECK(payloadsFrom(alexFolder, *peer) == std::vector<std::string>{"written before"});

    auto alexWrite = alexFolder.writeSegment(bytesOf("new here"));
    REQUIRE_FALSE(alexWrite.ok());
    CHECK(alexWrite.problem().kind == ProblemKind::ReadOnly);
    CHECK(alexWrite.problem().file == alexFolder.ownDirectory());
    CHECK(alexWrite.problem().detail == "Read-only file system");

    auto samWrite = samFolder.writeSegment(bytesOf("more"));
    REQUIRE_FALSE(samWrite.ok());
    CHECK(samWrite.problem().kind == ProblemKind::ReadOnly);
    CHECK(samWrite.problem().file == samFolder.ownDirectory() / "0000000002.kseg");
    const Status record = samFolder.writeDeviceRecord(bytesOf("name"));
    REQUIRE(record);
    CHECK(record->kind == ProblemKind::ReadOnly);
    const Status snapshot = samFolder.writeSnapshot(1, bytesOf("all"));
    REQUIRE(snapshot);
    CHECK(snapshot->kind == ProblemKind::ReadOnly);
    const Status create = SyncFolder(root, CoupleId::random(), sam, randomKey()).createCouple();
    REQUIRE(create);
    CHECK(create->kind == ProblemKind::ReadOnly);

    CHECK(allFiles(root) == before);
}

TEST_CASE("a full disk fails the write cleanly, and the next write fits once there is room") {
    TempDir temp;
    const fs::path root = temp.path() / "full";
    MountedDisk disk(root, 128 * 1024);
    const DeviceId sam = DeviceId::random();
    const Couple couple = makeCouple(root, sam);
    SyncFolder samFolder = couple.device(sam);
    const auto before = allFiles(root);

    auto tooBig = samFolder.writeSegment(bytesOf(std::string(512 * 1024, 'x')));
    REQUIRE_FALSE(tooBig.ok());
    CHECK(tooBig.problem().kind == ProblemKind::NoSpace);
    CHECK(tooBig.problem().file == samFolder.ownDirectory() / "0000000001.kseg");
    CHECK(tooBig.problem().message().find("no room") != std::string::npos);
    CHECK(allFiles(root) == before);
    CHECK(temporariesIn(samFolder.ownDirectory()).empty());

    // Fill it with segments until one does not fit: each written one is whole.
    std::uint64_t written = 0;
    for (int i = 0; i < 100; ++i) {
        auto result = samFolder.writeSegment(bytesOf(bigPayload(written + 1, 20 * 1024)));
        if (!result.ok()) {
            CHECK(result.problem().kind == ProblemKind::NoSpace);
            break;
        }
        written = result.value();
    }
    CHECK(written >= 2);
    CHECK(written < 100);
    CHECK(temporariesIn(samFolder.ownDirectory()).empty());
    everyVisibleSegmentIsWhole(couple, sam,
                               [](std::uint64_t n) { return bigPayload(n, 20 * 1024); });
    auto own = samFolder.ownFiles();
    REQUIRE(own.ok());
    CHECK(own.value().segments.size() == written);

    // A snapshot that does not fit leaves the segments it would replace.
    const Status snapshot = samFolder.writeSnapshot(written, bytesOf(std::string(200 * 1024, 's')));
    REQUIRE(snapshot);
    CHECK(snapshot->kind == ProblemKind::NoSpace);
    CHECK(samFolder.ownFiles().value().segments.size() == written);
    // One that fits replaces them and frees the room.
    REQUIRE_FALSE(samFolder.writeSnapshot(written, bytesOf("compacted")));
    CHECK(samFolder.ownFiles().value().segments.empty());
    CHECK(samFolder.writeSegment(bytesOf(bigPayload(written + 1, 20 * 1024))).ok());
}

TEST_CASE("a file size limit fails the write cleanly") {
    TempDir temp;
    const DeviceId sam = DeviceId::random();
    const Couple couple = makeCouple(temp.path(), sam);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child never returns into Catch2; its exit code is the verdict.
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{16 * 1024, 16 * 1024};
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(10);
        SyncFolder folder = couple.device(sam);
        auto result = folder.writeSegment(Bytes(64 * 1024, 'x'));
        if (result.ok()) ::_exit(11);
        if (result.problem().kind != ProblemKind::NoSpace) ::_exit(12);
        auto small = folder.writeSegment(Bytes(1024, 'y'));
        if (!small.ok() || small.value() != 1) ::_exit(13);
        ::_exit(0);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    const SyncFolder folder = couple.device(sam);
    auto own = folder.ownFiles();
    REQUIRE(own.ok());
    REQUIRE(own.value().segments.size() == 1);
    CHECK(folder.read(own.value().segments[0]).value() == Bytes(1024, 'y'));
    CHECK(temporariesIn(folder.ownDirectory()).empty());
}

TEST_CASE("SIGKILL in the middle of a write leaves no visible partial segment") {
    TempDir temp;
    const DeviceId sam = DeviceId::random();
    const Couple couple = makeCouple(temp.path(), sam);
    const fs::path ownDir = temp.path() / couple.id.text() / sam.text();
    constexpr std::size_t payloadSize = 8u << 20;
    auto payloadFor = [](std::uint64_t n) { return bigPayload(n, payloadSize); };

    int killedMidWrite = 0;
    for (int round = 0; round < 4; ++round) {
        int channel[2];
        REQUIRE(::pipe(channel) == 0);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            // The child never returns into Catch2: it writes until it is killed,
            // saying which number it is about to write.
            ::close(channel[0]);
            SyncFolder folder = couple.device(sam);
            for (int i = 0; i < 1000; ++i) {
                auto own = folder.ownFiles();
                if (!own.ok()) ::_exit(3);
                const std::uint64_t next = own.value().highestSequence() + 1;
                const std::string line = std::to_string(next) + "\n";
                if (::write(channel[1], line.data(), line.size()) !=
                    static_cast<ssize_t>(line.size()))
                    ::_exit(5);
                if (!folder.writeSegment(bytesOf(payloadFor(next)), next).ok()) ::_exit(4);
            }
            ::_exit(0);
        }
        ::close(channel[1]);
        // Let this round's child finish `round` segments, then kill it as soon
        // as its next write shows on disk: its temporary file with bytes in it,
        // or (should a write ever go straight to its final name) that name.
        std::string announced;
        int announcements = 0;
        std::uint64_t writing = 0;
        char c;
        while (announcements <= round && ::read(channel[0], &c, 1) == 1) {
            if (c != '\n') {
                announced += c;
                continue;
            }
            writing = std::stoull(announced);
            announced.clear();
            ++announcements;
        }
        REQUIRE(writing > 0);
        bool sawWrite = false;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!sawWrite && std::chrono::steady_clock::now() < deadline) {
            std::error_code error;
            sawWrite = fs::exists(ownDir / segmentName(writing), error);
            for (const auto& name : temporariesIn(ownDir)) {
                std::error_code sizeError;
                if (fs::file_size(ownDir / name, sizeError) > 0 && !sizeError) sawWrite = true;
            }
            if (!sawWrite) std::this_thread::sleep_for(std::chrono::microseconds(100));
        }
        ::kill(child, SIGKILL);
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        ::close(channel[0]);
        REQUIRE(sawWrite);
        CHECK(WIFSIGNALED(status));
        if (!temporariesIn(ownDir).empty()) ++killedMidWrite;

        // A reader sees only whole segments, and never the temporary file.
        everyVisibleSegmentIsWhole(couple, sam, payloadFor);
        const SyncFolder reader = couple.device(DeviceId::random());
        auto listing = reader.listPeers();
        REQUIRE(listing.ok());
        const DeviceFiles* peer = peerIn(listing.value(), sam);
        REQUIRE(peer);
        for (const auto& file : filesToApply(*peer, 0))
            CHECK(parseName(file.path.filename().string()).role == NameRole::Ours);
    }
    // At least one kill landed while a temporary file was being written.
    CHECK(killedMidWrite >= 1);

    // The next write resumes after the last whole segment and tidies up.
    SyncFolder folder = couple.device(sam);
    const std::uint64_t highest = folder.ownFiles().value().highestSequence();
    auto next = folder.writeSegment(bytesOf("after the crash"));
    REQUIRE(next.ok());
    CHECK(next.value() == highest + 1);
    CHECK(temporariesIn(ownDir).empty());
}
