#include "sync/folder.hpp"

#include "platform/os/file_calls.hpp"
#include "sync/atomic_file.hpp"

#include <algorithm>

namespace kindling::sync {

namespace {

namespace fs = std::filesystem;

// What the couple check file seals. Its content matters less than the seal:
// opening it proves the key.
constexpr std::string_view coupleCheckPayload = "kindling couple check 1";

// How many other files check() tries when the check file cannot decide.
constexpr int checkFallbackAttempts = 16;

// The folder itself must be a folder that is there (a link to one is fine:
// the couple chose it).
Status folderPresent(const fs::path& folder) {
    std::error_code error;
    const fs::file_status status = fs::status(folder, error);
    if (status.type() == fs::file_type::not_found)
        return Problem{ProblemKind::FolderMissing, folder, ""};
    if (error) {
        if (error == std::errc::no_such_device || error == std::errc::no_such_device_or_address)
            return Problem{ProblemKind::FolderMissing, folder, ""};
        return Problem{ProblemKind::Unreadable, folder, error.message()};
    }
    if (status.type() != fs::file_type::directory)
        return Problem{ProblemKind::FolderMissing, folder, "not a folder"};
    return std::nullopt;
}

bool isDirectory(const fs::path& path) {
    std::error_code error;
    return fs::is_directory(path, error);
}

bool isRegularFile(const fs::directory_entry& entry) {
    std::error_code error;
    return entry.symlink_status(error).type() == fs::file_type::regular;
}

// The folder is there and holds this couple's directory: FolderMissing,
// AnotherCouple (other couples are there) or CoupleMissing if not.
Status coupleFolderPresent(const fs::path& root, const CoupleId& couple);

void sortFiles(std::vector<FolderFile>& files) {
    std::sort(files.begin(), files.end(), [](const FolderFile& a, const FolderFile& b) {
        if (a.sequence != b.sequence) return a.sequence < b.sequence;
        if (a.conflictCopy != b.conflictCopy) return !a.conflictCopy;
        return a.path < b.path;
    });
}

} // namespace

std::uint64_t DeviceFiles::highestSequence() const {
    std::uint64_t highest = 0;
    for (const auto& file : segments)
        highest = std::max(highest, file.sequence);
    for (const auto& file : snapshots)
        highest = std::max(highest, file.sequence);
    return highest;
}

std::vector<FolderFile> filesToApply(const DeviceFiles& peer, std::uint64_t appliedThrough) {
    std::vector<FolderFile> plan;
    std::uint64_t covered = appliedThrough;

    std::uint64_t newestSnapshot = 0;
    for (const auto& snapshot : peer.snapshots)
        newestSnapshot = std::max(newestSnapshot, snapshot.sequence);
    if (newestSnapshot > appliedThrough) {
        // The snapshot is needed only when some segment it covers is gone.
        std::vector<std::uint64_t> numbers;
        for (const auto& segment : peer.segments)
            if (segment.sequence > appliedThrough && segment.sequence <= newestSnapshot)
                numbers.push_back(segment.sequence);
        numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
        if (numbers.size() != newestSnapshot - appliedThrough) {
            for (const auto& snapshot : peer.snapshots)
                if (snapshot.sequence == newestSnapshot) plan.push_back(snapshot);
            covered = newestSnapshot;
        }
    }
    for (const auto& segment : peer.segments)
        if (segment.sequence > covered) plan.push_back(segment);
    return plan;
}

Result<std::vector<CoupleId>> couplesIn(const fs::path& root) {
    if (auto problem = folderPresent(root)) return *problem;
    std::vector<CoupleId> couples;
    std::error_code error;
    for (fs::directory_iterator it(root, error), end; !error && it != end; it.increment(error)) {
        const auto id = CoupleId::parse(it->path().filename().string());
        if (id && isDirectory(it->path())) couples.push_back(*id);
    }
    if (error) return Problem{ProblemKind::Unreadable, root, error.message()};
    std::sort(couples.begin(), couples.end());
    return couples;
}

namespace {

Status coupleFolderPresent(const fs::path& root, const CoupleId& couple) {
    if (auto problem = folderPresent(root)) return problem;
    if (isDirectory(root / couple.text())) return std::nullopt;
    auto couples = couplesIn(root);
    if (couples && !couples.value().empty()) return Problem{ProblemKind::AnotherCouple, root, ""};
    return Problem{ProblemKind::CoupleMissing, root, ""};
}

} // namespace

Result<JoinedCouple> joinWithCode(const fs::path& root, std::string_view code) {
    auto secret = PairingSecret::fromCode(code);
    if (!secret) return secret.problem();
    auto couples = couplesIn(root);
    if (!couples) return couples.problem();
    if (couples.value().empty()) return Problem{ProblemKind::CoupleMissing, root, ""};

    bool somethingRefused = false;
    for (const auto& couple : couples.value()) {
        auto key = CoupleKey::derive(secret.value(), couple);
        if (!key) return key.problem();
        const SyncFolder folder(root, couple, DeviceId{}, key.value());
        const Status status = folder.check();
        if (!status) return JoinedCouple{couple, secret.value(), key.value()};
        if (status->kind == ProblemKind::Unreadable || status->kind == ProblemKind::NewerFormat)
            return *status;
        if (status->kind != ProblemKind::CoupleMissing) somethingRefused = true;
    }
    if (!somethingRefused) return Problem{ProblemKind::CoupleMissing, root, "nothing sealed yet"};
    return Problem{ProblemKind::WrongCode, root, ""};
}

SyncFolder::SyncFolder(fs::path root, CoupleId couple, DeviceId self, CoupleKey key)
    : root_(std::move(root)), couple_(couple), self_(self), key_(std::move(key)) {}

fs::path SyncFolder::coupleDirectory() const {
    return root_ / couple_.text();
}

fs::path SyncFolder::ownDirectory() const {
    return deviceDirectory(self_);
}

fs::path SyncFolder::deviceDirectory(const DeviceId& device) const {
    return coupleDirectory() / device.text();
}

Status SyncFolder::createCouple() const {
    if (auto problem = folderPresent(root_)) return problem;
    if (auto problem = makeDirectory(coupleDirectory())) return problem;
    std::error_code error;
    if (fs::exists(fs::symlink_status(coupleDirectory() / coupleCheckName, error))) return check();

    removeOurTemporaries(coupleDirectory());
    const auto payload = std::span(reinterpret_cast<const std::uint8_t*>(coupleCheckPayload.data()),
                                   coupleCheckPayload.size());
    auto sealed =
        seal(key_, {sealedFormatVersion, FileKind::CoupleCheck, couple_, self_, 0, 0}, payload);
    if (!sealed) return sealed.problem();
    Status written = writeFileAtomically(coupleDirectory(), std::string(coupleCheckName),
                                         sealed.value(), Replace::Never);
    if (written && written->kind == ProblemKind::AlreadyWritten) return check();
    return written;
}

Status SyncFolder::check() const {
    if (auto problem = coupleFolderPresent(root_, couple_)) return problem;

    bool refused = false;
    const fs::path checkFile = coupleDirectory() / coupleCheckName;
    auto bytes = readWholeFile(checkFile, sealedMaxFileSize);
    if (bytes) {
        auto opened = unseal(key_, bytes.value(), {FileKind::CoupleCheck, couple_, std::nullopt, 0},
                             checkFile);
        if (opened) return std::nullopt;
        const ProblemKind kind = opened.problem().kind;
        if (kind == ProblemKind::NewerFormat) return opened.problem();
        refused = kind == ProblemKind::Unauthenticated;
    } else if (bytes.problem().kind == ProblemKind::Unreadable) {
        return bytes.problem();
    }

    // The check file is missing (not arrived yet), incomplete or damaged: any
    // other file of the couple that opens proves the key as well.
    int attempts = 0;
    std::error_code error;
    for (fs::directory_iterator it(coupleDirectory(), error), end;
         !error && it != end && attempts < checkFallbackAttempts; it.increment(error)) {
        const auto device = DeviceId::parse(it->path().filename().string());
        if (!device) continue;
        auto files = listDevice(*device, nullptr);
        if (!files) continue;
        std::vector<FolderFile> candidates = files.value().deviceRecords;
        candidates.insert(candidates.end(), files.value().segments.begin(),
                          files.value().segments.end());
        for (const auto& file : candidates) {
            if (attempts++ >= checkFallbackAttempts) break;
            auto opened = read(file);
            if (opened) return std::nullopt;
            if (opened.problem().kind == ProblemKind::Unauthenticated) refused = true;
        }
    }
    if (refused) return Problem{ProblemKind::WrongCode, coupleDirectory(), ""};
    return Problem{ProblemKind::CoupleMissing, coupleDirectory(), "nothing sealed has arrived yet"};
}

Status SyncFolder::prepareOwnDirectory() {
    if (auto problem = folderPresent(root_)) return problem;
    // The couple's folder is never made here: without it this is not (or no
    // longer) the couple's folder, perhaps the empty mount point of a stick.
    if (!isDirectory(coupleDirectory()))
        return Problem{ProblemKind::CoupleMissing, coupleDirectory(), ""};
    if (auto problem = makeDirectory(ownDirectory())) return problem;
    if (!ownDirectoryReady_) {
        removeOurTemporaries(ownDirectory());
        ownDirectoryReady_ = true;
    }
    return std::nullopt;
}

Status SyncFolder::writeSealed(FileKind kind, std::uint64_t sequence, const std::string& name,
                               std::span<const std::uint8_t> payload, Replace replace) {
    auto sealed = seal(key_, {sealedFormatVersion, kind, couple_, self_, sequence, 0}, payload);
    if (!sealed) {
        Problem problem = sealed.problem();
        problem.file = ownDirectory() / name;
        return problem;
    }
    return writeFileAtomically(ownDirectory(), name, sealed.value(), replace);
}

Result<std::uint64_t> SyncFolder::writeSegment(std::span<const std::uint8_t> payload,
                                               std::uint64_t atLeast) {
    if (auto problem = prepareOwnDirectory()) return *problem;
    auto own = ownFiles();
    if (!own) return own.problem();
    std::uint64_t sequence =
        std::max<std::uint64_t>({atLeast, 1, own.value().highestSequence() + 1});
    // Only this device writes here, so a taken number means a file this
    // listing missed; the next number is free.
    for (int attempt = 0; attempt < 3; ++attempt, ++sequence) {
        Status written = writeSealed(FileKind::Segment, sequence, segmentName(sequence), payload,
                                     Replace::Never);
        if (!written) return sequence;
        if (written->kind != ProblemKind::AlreadyWritten) return *written;
    }
    return Problem{ProblemKind::AlreadyWritten, ownDirectory() / segmentName(sequence), ""};
}

Status SyncFolder::writeSnapshot(std::uint64_t through, std::span<const std::uint8_t> payload) {
    if (through == 0)
        return Problem{ProblemKind::WriteFailed, ownDirectory(),
                       "a snapshot needs a number above 0"};
    if (auto problem = prepareOwnDirectory()) return problem;
    if (auto problem = writeSealed(FileKind::Snapshot, through, snapshotName(through), payload,
                                   Replace::Never))
        return problem;
    auto own = ownFiles();
    if (!own) return std::nullopt; // the snapshot is written; removal waits for the next one
    for (const auto& segment : own.value().segments)
        if (!segment.conflictCopy && segment.sequence <= through)
            (void)os::removeFile(segment.path);
    for (const auto& snapshot : own.value().snapshots)
        if (!snapshot.conflictCopy && snapshot.sequence < through)
            (void)os::removeFile(snapshot.path);
    return std::nullopt;
}

Status SyncFolder::writeDeviceRecord(std::span<const std::uint8_t> payload) {
    if (auto problem = prepareOwnDirectory()) return problem;
    return writeSealed(FileKind::DeviceRecord, 0, std::string(deviceRecordName), payload,
                       Replace::Allowed);
}

Status SyncFolder::removeOwn(const FolderFile& file) {
    if (file.device != self_ || file.path.parent_path() != ownDirectory())
        return Problem{ProblemKind::WriteFailed, file.path, "not one of this device's files"};
    const os::FileStatus removed = os::removeFile(file.path);
    if (removed && removed->failure != os::FileFailure::NotFound)
        return writeProblem(*removed, file.path);
    return std::nullopt;
}

Result<DeviceFiles> SyncFolder::listDevice(const DeviceId& device,
                                           std::vector<IgnoredFile>* ignored) const {
    DeviceFiles files;
    files.device = device;
    const fs::path directory = deviceDirectory(device);
    std::error_code error;
    fs::directory_iterator it(directory, error);
    if (error) {
        if (error == std::errc::no_such_file_or_directory) return files;
        return Problem{ProblemKind::Unreadable, directory, error.message()};
    }
    for (fs::directory_iterator end; it != end; it.increment(error)) {
        if (error) break;
        const std::string name = it->path().filename().string();
        const ParsedName parsed = parseName(name);
        const bool ours = parsed.role == NameRole::Ours && isRegularFile(*it) &&
                          parsed.kind != FileKind::CoupleCheck;
        if (!ours) {
            if (ignored)
                ignored->push_back(
                    {it->path(), parsed.role == NameRole::Ours ? NameRole::Unknown : parsed.role});
            continue;
        }
        FolderFile file{it->path(), device, parsed.kind, parsed.sequence, parsed.conflictCopy};
        switch (parsed.kind) {
        case FileKind::Segment:
            files.segments.push_back(file);
            break;
        case FileKind::Snapshot:
            files.snapshots.push_back(file);
            break;
        case FileKind::DeviceRecord:
            files.deviceRecords.push_back(file);
            break;
        case FileKind::CoupleCheck:
            break;
        }
    }
    if (error) return Problem{ProblemKind::Unreadable, directory, error.message()};
    sortFiles(files.segments);
    sortFiles(files.snapshots);
    sortFiles(files.deviceRecords);
    return files;
}

Result<DeviceFiles> SyncFolder::ownFiles() const {
    if (auto problem = folderPresent(root_)) return *problem;
    return listDevice(self_, nullptr);
}

Result<FolderListing> SyncFolder::listPeers() const {
    // Whether the key is right is check()'s question: listing needs only the
    // couple's folder, and every read proves its own file.
    if (auto problem = coupleFolderPresent(root_, couple_)) return *problem;
    FolderListing listing;
    std::error_code error;
    for (fs::directory_iterator it(coupleDirectory(), error), end; !error && it != end;
         it.increment(error)) {
        const std::string name = it->path().filename().string();
        const auto device = DeviceId::parse(name);
        if (device && isDirectory(it->path())) {
            if (*device == self_) continue;
            auto files = listDevice(*device, &listing.ignored);
            if (files)
                listing.peers.push_back(std::move(files.value()));
            else
                listing.problems.push_back(files.problem());
            continue;
        }
        const ParsedName parsed = parseName(name);
        if (parsed.role == NameRole::Ours && parsed.kind == FileKind::CoupleCheck) continue;
        listing.ignored.push_back(
            {it->path(), parsed.role == NameRole::Ours ? NameRole::Unknown : parsed.role});
    }
    if (error) return Problem{ProblemKind::Unreadable, coupleDirectory(), error.message()};
    std::sort(listing.peers.begin(), listing.peers.end(),
              [](const DeviceFiles& a, const DeviceFiles& b) { return a.device < b.device; });
    return listing;
}

Result<Bytes> SyncFolder::read(const FolderFile& file) const {
    auto bytes = readWholeFile(file.path, sealedMaxFileSize);
    if (!bytes) return bytes.problem();
    return unseal(key_, bytes.value(), {file.kind, couple_, file.device, file.sequence}, file.path);
}

} // namespace kindling::sync
