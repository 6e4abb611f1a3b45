#pragma once
// Export (JSON and CSV) and import of a couple's whole history.
//
// The JSON file is written with cereal (every type versioned with
// CEREAL_CLASS_VERSION) inside an envelope:
//   {"kindling_export": {"format_version": 1, "exported_at": …, "app_version": …,
//                        "couple", "settings", "rituals", "logs", "skips", "pauses",
//                        "goals", "shown_celebrations", "question_marks",
//                        "programme_steps", "kept_xp"}}
// Only live rows are exported: deleted logs, skips and pauses (tombstones) are
// not. UI preferences (theme, scale, PIN) belong to this computer and are not
// exported either.
//
// Import is two steps. planImport reads and checks the ENTIRE file, without
// writing anything, and says what would change; applyImport writes the plan in
// one transaction. Rows merge by id: a new id is added, a known id with other
// content is updated (the file wins), an identical row is skipped. So importing
// the same file twice changes nothing the second time.

#include "store/store.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kindling {

// The envelope's format_version this build writes and reads. A file with a
// higher number is refused: it may hold things this Kindling would drop.
inline constexpr int exportFormatVersion = 1;

// Limits that keep a hostile or broken file from exhausting memory. A real
// ten-year history is about 18,000 logs and 4 MB.
struct ImportLimits {
    std::size_t maxFileBytes = 256u * 1024u * 1024u;
    std::size_t maxJsonValues = 24'000'000; // every number, string, list and object
    std::size_t maxDepth = 32;
    std::size_t maxRituals = 10'000;
    std::size_t maxLogs = 2'000'000;
    std::size_t maxSkips = 2'000'000;
    std::size_t maxPauses = 100'000;
    std::size_t maxGoals = 100'000;
    std::size_t maxCelebrations = 100'000;
    std::size_t maxQuestionMarks = 100'000;
    std::size_t maxProgrammeSteps = 100'000;
    std::size_t maxKeptXp = 100'000;
};

// A file that cannot be imported. The message names the field (for example
// `logs[1532].day: "2026-02-30" is not a real date`) or the line and column.
class ImportError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// What the store keeps beside the History that is worth carrying over: which
// celebrations were already shown, so they are not shown again.
struct StoreExtras {
    std::set<std::string> shownCelebrations;
};
StoreExtras storeExtras(const Store& store);

struct ExportInfo {
    std::string exportedAt; // ISO 8601, e.g. "2026-11-21T20:15:03Z"
    std::string appVersion;
};
// `unixSeconds` in UTC, as ISO 8601.
std::string exportTimestamp(std::int64_t unixSeconds);

std::string exportJson(const History& history, const ExportInfo& info,
                       const StoreExtras& extras = {});

// One row per log: date, ritual, who (a partner's name or "both"), amount,
// note. RFC 4180: CRLF line ends, fields with a quote, comma or line break are
// quoted and quotes doubled. UTF-8 with a byte order mark so spreadsheets do
// not guess another encoding.
std::string exportCsv(const History& history);

// Called now and then while a big file is read or written: `stage` is what is
// being done ("checking logs"), `done` of `total` units.
using ImportProgress =
    std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;
// Files smaller than this report no progress: they take well under a second.
inline constexpr std::size_t progressThresholdBytes = 4u * 1024u * 1024u;

template <class T> struct ImportChanges {
    std::vector<T> added;
    std::vector<T> updated;  // same id, different content: the file's version
    std::size_t skipped = 0; // identical to what is there
};

struct ImportPlan {
    int formatVersion = 0;
    std::string exportedAt;
    std::string appVersion;

    ImportChanges<Couple> couple;     // at most one
    ImportChanges<Settings> settings; // at most one
    ImportChanges<Ritual> rituals;
    ImportChanges<Log> logs;
    ImportChanges<Skip> skips;
    ImportChanges<Pause> pauses;
    ImportChanges<Goal> goals;
    ImportChanges<std::string> celebrations;
    ImportChanges<QuestionMarkEntry> questionMarks;
    ImportChanges<ProgrammeStep> programmeSteps;
    ImportChanges<KeptXp> keptXp;

    bool changesNothing() const;
};

struct ImportCounts {
    std::string_view kind; // "rituals", "logs" …
    std::size_t added = 0, updated = 0, skipped = 0;
};
// Per kind, in a fixed order, for printing.
std::vector<ImportCounts> importSummary(const ImportPlan& plan);

// Reads and checks the whole file against `current` (what the store holds now).
// Throws ImportError; never writes.
ImportPlan planImport(std::string_view json, const History& current,
                      const StoreExtras& currentExtras = {}, const ImportProgress& progress = {},
                      const ImportLimits& limits = {});

// The plan as one change set (core/change_set.hpp) over `current`, the
// history it was planned against. Applied, deleted rows whose id comes back
// in the file return with the file's content.
ChangeSet importChange(const ImportPlan& plan, const History& current);

// The file's bytes, refusing (ImportError) a file larger than the limit before
// reading it.
std::string readImportFile(const std::filesystem::path& file, const ImportLimits& limits = {});

// Writes `content` to `file` through `file.partial` (mode 0600, fsynced, then
// renamed), so a full disk or a crash never leaves half a file under the real
// name. Refuses an existing `file` unless `overwrite`. Throws StoreError
// (Invalid when the file exists, Full, Io).
void writeFileSafely(const std::filesystem::path& file, std::string_view content, bool overwrite);

} // namespace kindling
