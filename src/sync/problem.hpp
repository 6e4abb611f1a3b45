#pragma once
// What can go wrong in the sync folder, as values: the CLI and the UI choose
// their own words from `kind` (and say which file from `file`); message() is
// only the default English sentence. `detail` is the system's reason (an
// errno text) or a technical fact, for logs and `sync status --json`.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace kindling::sync {

enum class ProblemKind : std::uint8_t {
    FolderMissing,   // the chosen folder is not there (a USB stick unplugged, a renamed folder)
    CoupleMissing,   // the folder is there but holds nothing of this couple (yet)
    AnotherCouple,   // the folder holds another couple's journals and not this couple's
    WrongCode,       // a well-formed pairing code that does not open this folder's couple
    CodeMistyped,    // the code fails its check character, its length or its alphabet
    Unreadable,      // the system refused to list or read (permissions, an I/O error)
    ReadOnly,        // the system refused to write: a read-only folder, no permission
    NoSpace,         // the disk, the quota or the file size limit is full
    WriteFailed,     // any other refused write (an I/O error)
    AlreadyWritten,  // a segment or snapshot with this number exists: files are never rewritten
    FileGone,        // listed, then gone before it was read (the other side compacted)
    Truncated,       // shorter than its header says: probably still arriving
    Damaged,         // not a sealed Kindling file, or its header is impossible
    Unauthenticated, // fails authentication: altered, or sealed with another couple's key
    Misplaced,       // authentic, but sealed for another device, kind or number than its place
    NewerFormat,     // written by a newer Kindling: this one must be updated to read it
    SystemFailure,   // libsodium could not start, or memory ran out
};

struct Problem {
    ProblemKind kind = ProblemKind::Damaged;
    std::filesystem::path file; // the file or folder concerned (may be empty for a code)
    std::string detail;         // errno text or technical detail, English, may be empty

    // A default English sentence naming the file, e.g. for the CLI.
    std::string message() const;
};

// A stable lowercase name for each kind ("folder-missing", "truncated" ...),
// for JSON and logs.
std::string_view problemKindName(ProblemKind kind);

// Problems that can go away by themselves if the same file is read again
// later (a sync engine still delivering, a stick plugged back in).
bool mayResolveByItself(ProblemKind kind);

// Either a value or the Problem that prevented it.
template <class T> class Result {
  public:
    Result(T value) : state_(std::move(value)) {}
    Result(Problem problem) : state_(std::move(problem)) {}

    bool ok() const noexcept { return state_.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    const Problem& problem() const { return std::get<1>(state_); }

  private:
    std::variant<T, Problem> state_;
};

// For operations that return nothing: nullopt when it worked.
using Status = std::optional<Problem>;

} // namespace kindling::sync
