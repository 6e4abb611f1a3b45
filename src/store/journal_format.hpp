#pragma once
// What a sync segment or snapshot holds once opened (docs/sync.md
// "Payload"): the versions of the rows one computer changed, each with its
// field clocks, as versioned cereal JSON. Written and read with the same
// row descriptions as the export (core/entity.hpp).

#include "core/row_version.hpp"

#include <stdexcept>
#include <string>
#include <string_view>

namespace kindling {

// The payload's format_version this build writes and reads. 2: the
// programme's steps, kept XP and a ritual's "when_it_helps"; a version 1
// payload has none of them (no steps, nothing kept, every ritual on a
// schedule).
inline constexpr int journalFormatVersion = 2;

class JournalError : public std::runtime_error {
  public:
    JournalError(const std::string& message, bool newer)
        : std::runtime_error(message), newer_(newer) {}
    // Written by a newer Kindling: not damage; this one must be updated.
    bool newer() const { return newer_; }

  private:
    bool newer_;
};

std::string encodeJournal(const SyncedRows& rows, const std::string& device);
// Every row checked like an import's; throws JournalError.
SyncedRows decodeJournal(std::string_view json);

} // namespace kindling
