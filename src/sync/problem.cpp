#include "sync/problem.hpp"

namespace kindling::sync {

namespace {

std::string withDetail(std::string sentence, const std::string& detail) {
    if (!detail.empty()) sentence += " (" + detail + ")";
    return sentence + ".";
}

} // namespace

std::string Problem::message() const {
    const std::string name = file.empty() ? std::string("the sync folder") : file.string();
    switch (kind) {
    case ProblemKind::FolderMissing:
        return withDetail("The sync folder " + name +
                              " is not there right now; if it is on a USB stick or a network "
                              "drive, connect it and Kindling will look again",
                          detail);
    case ProblemKind::CoupleMissing:
        return withDetail("The folder " + name + " holds no journals of this couple yet", detail);
    case ProblemKind::AnotherCouple:
        return withDetail("The folder " + name +
                              " holds the journals of another couple; choose the folder the "
                              "two of you share",
                          detail);
    case ProblemKind::WrongCode:
        return withDetail("This pairing code does not open the journals in " + name +
                              "; compare it with the code shown on the other computer",
                          detail);
    case ProblemKind::CodeMistyped:
        return withDetail("This pairing code has a typo; compare it with the code shown on the "
                          "other computer",
                          detail);
    case ProblemKind::Unreadable:
        return withDetail("Kindling could not read " + name, detail);
    case ProblemKind::ReadOnly:
        return withDetail("Kindling cannot write in " + name +
                              ": the folder is read-only here; nothing was changed",
                          detail);
    case ProblemKind::NoSpace:
        return withDetail("There is no room left to write in " + name +
                              "; nothing was changed, and Kindling will write it once there is "
                              "space",
                          detail);
    case ProblemKind::WriteFailed:
        return withDetail("Writing in " + name + " did not work; nothing was changed", detail);
    case ProblemKind::AlreadyWritten:
        return withDetail(name + " already exists, and journal files are never rewritten", detail);
    case ProblemKind::FileGone:
        return withDetail(name + " went away before it could be read; Kindling will look again",
                          detail);
    case ProblemKind::Truncated:
        return withDetail(name + " is not complete yet and may still be arriving; Kindling will "
                                 "try it again later",
                          detail);
    case ProblemKind::Damaged:
        return withDetail(name + " is damaged or is not a Kindling journal; nothing of it was used",
                          detail);
    case ProblemKind::Unauthenticated:
        return withDetail(name + " did not pass its seal check: it was changed, or sealed for "
                                 "another couple; nothing of it was used",
                          detail);
    case ProblemKind::Misplaced:
        return withDetail(name + " was sealed for another place in the folder; nothing of it "
                                 "was used",
                          detail);
    case ProblemKind::NewerFormat:
        return withDetail(name + " was written by a newer Kindling; update Kindling here to "
                                 "read it",
                          detail);
    case ProblemKind::SystemFailure:
        return withDetail("Kindling could not seal or open the journals on this system", detail);
    }
    return withDetail("Something went wrong with " + name, detail);
}

std::string_view problemKindName(ProblemKind kind) {
    switch (kind) {
    case ProblemKind::FolderMissing:
        return "folder-missing";
    case ProblemKind::CoupleMissing:
        return "couple-missing";
    case ProblemKind::AnotherCouple:
        return "another-couple";
    case ProblemKind::WrongCode:
        return "wrong-code";
    case ProblemKind::CodeMistyped:
        return "code-mistyped";
    case ProblemKind::Unreadable:
        return "unreadable";
    case ProblemKind::ReadOnly:
        return "read-only";
    case ProblemKind::NoSpace:
        return "no-space";
    case ProblemKind::WriteFailed:
        return "write-failed";
    case ProblemKind::AlreadyWritten:
        return "already-written";
    case ProblemKind::FileGone:
        return "file-gone";
    case ProblemKind::Truncated:
        return "truncated";
    case ProblemKind::Damaged:
        return "damaged";
    case ProblemKind::Unauthenticated:
        return "unauthenticated";
    case ProblemKind::Misplaced:
        return "misplaced";
    case ProblemKind::NewerFormat:
        return "newer-format";
    case ProblemKind::SystemFailure:
        return "system-failure";
    }
    return "unknown";
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
