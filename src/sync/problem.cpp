#include "sync/problem.hpp"

#include <array>

namespace kindling::sync {

namespace {

// Each kind's name (for the CLI's --json and logs) and its sentence, where
// "{}" stands for the file or folder; in the order of ProblemKind.
struct Wording {
    std::string_view name;
    std::string_view sentence;
};
constexpr std::array<Wording, 17> wordings{{
    {"folder-missing", "The sync folder {} is not there right now; if it is on a USB stick or a "
                       "network drive, connect it and Kindling will look again"},
    {"couple-missing", "The folder {} holds no journals of this couple yet"},
    {"another-couple", "The folder {} holds the journals of another couple; choose the folder "
                       "the two of you share"},
    {"wrong-code", "This pairing code does not open the journals in {}; compare it with the code "
                   "shown on the other computer"},
    {"code-mistyped",
     "This pairing code has a typo; compare it with the code shown on the other computer"},
    {"unreadable", "Kindling could not read {}"},
    {"read-only", "Kindling cannot write in {}: the folder is read-only here; nothing was changed"},
    {"no-space", "There is no room left to write in {}; nothing was changed, and Kindling will "
                 "write it once there is space"},
    {"write-failed", "Writing in {} did not work; nothing was changed"},
    {"already-written", "{} already exists, and journal files are never rewritten"},
    {"file-gone", "{} went away before it could be read; Kindling will look again"},
    {"truncated", "{} is not complete yet and may still be arriving; Kindling will try it again "
                  "later"},
    {"damaged", "{} is damaged or is not a Kindling journal; nothing of it was used"},
    {"unauthenticated", "{} did not pass its seal check: it was changed, or sealed for another "
                        "couple; nothing of it was used"},
    {"misplaced", "{} was sealed for another place in the folder; nothing of it was used"},
    {"newer-format", "{} was written by a newer Kindling; update Kindling here to read it"},
    {"system-failure", "Kindling could not seal or open the journals on this system"},
}};
static_assert(wordings.size() == static_cast<std::size_t>(ProblemKind::SystemFailure) + 1);

} // namespace

std::string Problem::message() const {
    const std::string name = file.empty() ? std::string("the sync folder") : file.string();
    const auto index = static_cast<std::size_t>(kind);
    std::string sentence = index < wordings.size() ? std::string(wordings[index].sentence)
                                                   : "Something went wrong with {}";
    if (const auto at = sentence.find("{}"); at != std::string::npos) sentence.replace(at, 2, name);
    if (!detail.empty()) sentence += " (" + detail + ")";
    return sentence + ".";
}

std::string_view problemKindName(ProblemKind kind) {
    const auto index = static_cast<std::size_t>(kind);
    return index < wordings.size() ? wordings[index].name : "unknown";
}

bool mayResolveByItself(ProblemKind kind) {
    switch (kind) {
    case ProblemKind::FolderMissing:
    case ProblemKind::CoupleMissing:
    case ProblemKind::Unreadable:
    case ProblemKind::NoSpace:
    case ProblemKind::FileGone:
    case ProblemKind::Truncated:
        return true;
    default:
        return false;
    }
}

} // namespace kindling::sync
