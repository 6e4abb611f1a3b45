// A small command over src/sync for shell tests (tests/sync/pair_folder_test.sh):
// make a couple, write a segment, join with a code, list what another device
// wrote. One line per fact on standard output; a problem exits 2 with its
// kind on standard error.
//
//   sync_probe create FOLDER                          couple=, code=, key=, device=
//   sync_probe new-device                             a fresh device id
//   sync_probe write FOLDER COUPLE KEY DEVICE TEXT [AT-LEAST]   the segment's number
//                                            (TEXT bytes:N: a payload of N bytes)
//   sync_probe join FOLDER CODE                       couple=, key=
//   sync_probe read FOLDER COUPLE KEY SELF            one line per file, see below
//
// `read` prints, for every other device and every file filesToApply gives:
//   file DEVICE KIND NUMBER original|conflict PAYLOAD (bytes:N when over 256 bytes)
//   problem DEVICE KIND NUMBER original|conflict PROBLEM-KIND
// and for every file it leaves alone: ignored ROLE NAME

#include "sync/folder.hpp"

#include <cstdio>
#include <iostream>
#include <sodium.h>
#include <string>
#include <vector>

using namespace kindling::sync;

namespace {

int usage() {
    std::cerr << "usage: sync_probe create|new-device|write|join|read ... (see sync_probe.cpp)\n";
    return 64;
}

int report(const Problem& problem) {
    std::cerr << problemKindName(problem.kind) << ": " << problem.message() << "\n";
    return 2;
}

std::string hexOf(const CoupleKey& key) {
    char hex[2 * CoupleKey::size + 1] = {};
    sodium_bin2hex(hex, sizeof hex, key.bytes().data(), key.bytes().size());
    return hex;
}

std::optional<CoupleKey> keyFrom(const std::string& hex) {
    CoupleKey::Bytes bytes{};
    std::size_t length = 0;
    if (sodium_hex2bin(bytes.data(), bytes.size(), hex.c_str(), hex.size(), nullptr, &length,
                       nullptr) != 0 ||
        length != bytes.size())
        return std::nullopt;
    return CoupleKey::fromBytes(bytes);
}

const char* kindName(FileKind kind) {
    switch (kind) {
    case FileKind::Segment:
        return "segment";
    case FileKind::Snapshot:
        return "snapshot";
    case FileKind::DeviceRecord:
        return "device";
    case FileKind::CoupleCheck:
        return "check";
    }
    return "unknown";
}

const char* roleName(NameRole role) {
    switch (role) {
    case NameRole::Ours:
        return "ours";
    case NameRole::OurTemporary:
        return "our-temporary";
    case NameRole::PartialDownload:
        return "partial-download";
    case NameRole::Unknown:
        return "unknown";
    }
    return "unknown";
}

struct Place {
    CoupleId couple;
    CoupleKey key;
};

std::optional<Place> placeFrom(const std::string& couple, const std::string& key) {
    auto id = CoupleId::parse(couple);
    auto bytes = keyFrom(key);
    if (!id || !bytes) return std::nullopt;
    return Place{*id, *bytes};
}

} // namespace

int main(int argc, char** argv) {
    if (sodium_init() < 0) return 3;
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage();
    const std::string& command = args[0];

    if (command == "new-device" && args.size() == 1) {
        std::cout << DeviceId::random().text() << "\n";
        return 0;
    }
    if (command == "create" && args.size() == 2) {
        const CoupleId couple = CoupleId::random();
        const PairingSecret secret = PairingSecret::random();
        auto key = CoupleKey::derive(secret, couple);
        if (!key) return report(key.problem());
        const DeviceId device = DeviceId::random();
        if (auto problem = SyncFolder(args[1], couple, device, key.value()).createCouple())
            return report(*problem);
        std::cout << "couple=" << couple.text() << "\ncode=" << secret.code()
                  << "\nkey=" << hexOf(key.value()) << "\ndevice=" << device.text() << "\n";
        return 0;
    }
    if (command == "write" && (args.size() == 6 || args.size() == 7)) {
        auto place = placeFrom(args[2], args[3]);
        auto device = DeviceId::parse(args[4]);
        if (!place || !device) return usage();
        SyncFolder folder(args[1], place->couple, *device, place->key);
        Bytes payload(args[5].begin(), args[5].end());
        if (args[5].rfind("bytes:", 0) == 0) payload.assign(std::stoull(args[5].substr(6)), 'k');
        auto written = folder.writeSegment(payload, args.size() == 7 ? std::stoull(args[6]) : 1);
        if (!written) return report(written.problem());
        std::cout << written.value() << "\n";
        return 0;
    }
    if (command == "join" && args.size() == 3) {
        auto joined = joinWithCode(args[1], args[2]);
        if (!joined) return report(joined.problem());
        std::cout << "couple=" << joined.value().couple.text()
                  << "\nkey=" << hexOf(joined.value().key) << "\n";
        return 0;
    }
    if (command == "read" && args.size() == 5) {
        auto place = placeFrom(args[2], args[3]);
        auto self = DeviceId::parse(args[4]);
        if (!place || !self) return usage();
        const SyncFolder folder(args[1], place->couple, *self, place->key);
        auto listing = folder.listPeers();
        if (!listing) return report(listing.problem());
        for (const auto& peer : listing.value().peers)
            for (const auto& file : filesToApply(peer, 0)) {
                auto opened = folder.read(file);
                std::cout << (opened ? "file " : "problem ") << file.device.text() << " "
                          << kindName(file.kind) << " " << file.sequence << " "
                          << (file.conflictCopy ? "conflict " : "original ");
                if (opened && opened.value().size() > 256)
                    std::cout << "bytes:" << opened.value().size();
                else if (opened)
                    std::cout << std::string(opened.value().begin(), opened.value().end());
                else
                    std::cout << problemKindName(opened.problem().kind);
                std::cout << "\n";
            }
        for (const auto& problem : listing.value().problems)
            std::cout << "listing-problem " << problemKindName(problem.kind) << " "
                      << problem.file.string() << "\n";
        for (const auto& ignored : listing.value().ignored)
            std::cout << "ignored " << roleName(ignored.role) << " "
                      << ignored.path.filename().string() << "\n";
        return 0;
    }
    return usage();
}
