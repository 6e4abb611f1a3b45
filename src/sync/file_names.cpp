#include "sync/file_names.hpp"

#include <cctype>

namespace kindling::sync {

namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

bool endsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool digitsAt(std::string_view text, std::size_t at, std::size_t count) {
    if (at + count > text.size()) return false;
    for (std::size_t i = at; i < at + count; ++i)
        if (text[i] < '0' || text[i] > '9') return false;
    return true;
}

bool containsConflict(std::string_view text) {
    constexpr std::string_view word = "conflict";
    if (text.size() < word.size()) return false;
    for (std::size_t i = 0; i + word.size() <= text.size(); ++i) {
        bool same = true;
        for (std::size_t j = 0; j < word.size() && same; ++j)
            same = std::tolower(static_cast<unsigned char>(text[i + j])) == word[j];
        if (same) return true;
    }
    return false;
}

// A trailing extension: empty, or a dot and letters/digits only.
bool isExtension(std::string_view rest) {
    if (rest.empty()) return true;
    if (rest[0] != '.') return false;
    for (std::size_t i = 1; i < rest.size(); ++i)
        if (!std::isalnum(static_cast<unsigned char>(rest[i]))) return false;
    return true;
}

// One layer of conflict marker removed, or nullopt.
std::optional<std::string> stripOneConflict(std::string_view name) {
    // Syncthing: <base>.sync-conflict-YYYYMMDD-HHMMSS-<7 of the device id><ext>
    constexpr std::string_view syncthing = ".sync-conflict-";
    if (const auto at = name.rfind(syncthing); at != std::string_view::npos) {
        const std::size_t stamp = at + syncthing.size();
        if (digitsAt(name, stamp, 8) && stamp + 8 < name.size() && name[stamp + 8] == '-' &&
            digitsAt(name, stamp + 9, 6) && stamp + 15 < name.size() && name[stamp + 15] == '-' &&
            stamp + 23 <= name.size()) {
            bool idOk = true;
            for (std::size_t i = stamp + 16; i < stamp + 23; ++i)
                idOk = idOk && std::isalnum(static_cast<unsigned char>(name[i]));
            const std::string_view rest = name.substr(stamp + 23);
            if (idOk && isExtension(rest))
                return std::string(name.substr(0, at)) + std::string(rest);
        }
    }
    // ownCloud: <base>_conflict-YYYYMMDD-HHMMSS<ext>
    constexpr std::string_view owncloud = "_conflict-";
    if (const auto at = name.rfind(owncloud); at != std::string_view::npos) {
        const std::size_t stamp = at + owncloud.size();
        if (digitsAt(name, stamp, 8) && stamp + 8 < name.size() && name[stamp + 8] == '-' &&
            digitsAt(name, stamp + 9, 6)) {
            const std::string_view rest = name.substr(stamp + 15);
            if (isExtension(rest)) return std::string(name.substr(0, at)) + std::string(rest);
        }
    }
    // Dropbox and Nextcloud: <base> (… conflicted copy …)<ext>, parentheses
    // possibly nested ("(Sam's conflicted copy 2026-12-02 (1))").
    const auto close = name.rfind(')');
    if (close != std::string_view::npos && isExtension(name.substr(close + 1))) {
        int depth = 0;
        for (std::size_t i = close + 1; i-- > 0;) {
            if (name[i] == ')') ++depth;
            if (name[i] == '(' && --depth == 0) {
                if (i == 0 || name[i - 1] != ' ') break;
                if (!containsConflict(name.substr(i, close - i))) break;
                return std::string(name.substr(0, i - 1)) + std::string(name.substr(close + 1));
            }
        }
    }
    return std::nullopt;
}

std::optional<std::uint64_t> sequenceOf(std::string_view stem) {
    if (stem.size() < 10 || stem.size() > 19 || !digitsAt(stem, 0, stem.size()))
        return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : stem)
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    if (value == 0) return std::nullopt;
    return value;
}

std::string numbered(std::uint64_t sequence, std::string_view extension) {
    std::string digits = std::to_string(sequence);
    if (digits.size() < 10) digits.insert(0, 10 - digits.size(), '0');
    return digits + std::string(extension);
}

ParsedName parseOwnName(std::string_view name) {
    ParsedName parsed;
    if (name == coupleCheckName) {
        parsed.role = NameRole::Ours;
        parsed.kind = FileKind::CoupleCheck;
        return parsed;
    }
    if (name == deviceRecordName) {
        parsed.role = NameRole::Ours;
        parsed.kind = FileKind::DeviceRecord;
        return parsed;
    }
    for (const auto& [extension, kind] : {std::pair{segmentExtension, FileKind::Segment},
                                          std::pair{snapshotExtension, FileKind::Snapshot}}) {
        if (!endsWith(name, extension)) continue;
        const auto sequence = sequenceOf(name.substr(0, name.size() - extension.size()));
        // One number, one name: 11 digits for a number that fits in 10 is not ours.
        if (!sequence || numbered(*sequence, extension) != name) return parsed;
        parsed.role = NameRole::Ours;
        parsed.kind = kind;
        parsed.sequence = *sequence;
        return parsed;
    }
    return parsed;
}

} // namespace

std::string segmentName(std::uint64_t sequence) {
    return numbered(sequence, segmentExtension);
}

std::string snapshotName(std::uint64_t sequence) {
    return numbered(sequence, snapshotExtension);
}

std::optional<std::string> conflictOriginal(std::string_view name) {
    std::optional<std::string> original;
    std::string current(name);
    // A conflict copy of a conflict copy carries two markers.
    for (int layer = 0; layer < 8; ++layer) {
        auto stripped = stripOneConflict(current);
        if (!stripped) break;
        current = *stripped;
        original = current;
    }
    return original;
}

ParsedName parseName(std::string_view name) {
    ParsedName parsed;
    if (name.empty()) return parsed;
    if (startsWith(name, ourTemporaryPrefix) && endsWith(name, ourTemporarySuffix)) {
        parsed.role = NameRole::OurTemporary;
        return parsed;
    }
    // Syncthing's `.syncthing.<name>.tmp` and `~syncthing~<name>.tmp`, every
    // hidden name (Nextcloud's downloads, macOS's `._` files), and the
    // in-progress names of other tools.
    if (name[0] == '.' || (name[0] == '~' && endsWith(name, ".tmp")) || endsWith(name, ".part") ||
        endsWith(name, ".filepart") || endsWith(name, ".partial")) {
        parsed.role = NameRole::PartialDownload;
        return parsed;
    }
    if (auto original = conflictOriginal(name)) {
        parsed = parseOwnName(*original);
        parsed.conflictCopy = parsed.role == NameRole::Ours;
        return parsed;
    }
    return parseOwnName(name);
}

} // namespace kindling::sync
