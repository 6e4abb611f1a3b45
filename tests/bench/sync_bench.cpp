// How long two computers take to share what they did, and how much the
// shared folder holds (issue 16, README "Performance", docs/sync.md). Not a
// test: built only with KINDLING_BUILD_BENCHMARKS=ON and run by
// tests/bench/run.sh, never by ctest.
//
// Both computers use one folder here, as a sync engine that has delivered
// everything would leave it; what is timed is the receiving computer's
// syncNow: reading the sealed files, opening them, checking every row,
// merging field by field and one transaction on disk.

#include "app/content.hpp"
#include "app/sync_engine.hpp"
#include "core/demo.hpp"
#include "session_steps.hpp"

#include <benchmark/benchmark.h>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unistd.h>

using namespace kindling;
namespace fs = std::filesystem;

namespace {

const Day benchToday = *parseDay("2026-11-22");

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// `kindling demo --years 1`'s history: what one partner's computer holds
// after a year.
const History& yearOfHistory() {
    static const History history =
        generateDemoHistory(shippedContent().catalog, {1, 1, benchToday, false});
    return history;
}

// The couple and their rituals, without a single log, skip or pause yet.
History withoutDays(History history) {
    history.logs.clear();
    history.skips.clear();
    history.pauses.clear();
    history.goals.clear();
    return history;
}

// The year's days as one change: the logs, skips, pauses and goals.
ChangeSet theYearsDays() {
    const History& year = yearOfHistory();
    ChangeSet change;
    change.undoable = false;
    change.milestones = Milestones::CreditAllQuietly;
    for (const Log& row : year.logs)
        change.add(row);
    for (const Skip& row : year.skips)
        change.add(row);
    for (const Pause& row : year.pauses)
        change.add(row);
    for (const Goal& row : year.goals)
        change.add(row);
    return change;
}

std::uintmax_t bytesIn(const fs::path& folder, std::size_t* files = nullptr) {
    std::uintmax_t bytes = 0;
    std::size_t count = 0;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file()) {
            bytes += entry.file_size();
            ++count;
        }
    if (files) *files = count;
    return bytes;
}

// Two computers of one couple sharing `root`/folder: the first has the
// rituals; the second joined (the couple's key derived once, as on pairing).
struct Pair {
    explicit Pair(const std::string& name)
        : root(fs::temp_directory_path() /
               ("kindling-sync-bench-" + std::to_string(::getpid()) + "-" + name)) {
        fs::remove_all(root);
        fs::create_directories(root / "folder");
        first.emplace(Session::open(DataLocation{root / "first"}, benchToday));
        first->importGenerated(withoutDays(yearOfHistory()));
        startSync(*first, root / "folder");
        second.emplace(Session::open(DataLocation{root / "second"}, benchToday));
        joinSync(*second, root / "folder", *pairingCode(*first));
    }
    ~Pair() {
        first.reset();
        second.reset();
        fs::remove_all(root);
    }
    fs::path root;
    std::optional<Session> first, second;
};

// A partner's year arriving at once (the first sync after a long time
// apart): about 1,950 logs, their skips and pauses, in the segment the first
// computer wrote. A fresh pair per iteration, made untimed.
void applyYearBench(benchmark::State& state) {
    const ChangeSet year = theYearsDays();
    std::size_t rows = 0;
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto pair = std::make_unique<Pair>("year-" + std::to_string(round++));
        pair->first->apply(year);
        syncNow(*pair->first);
        state.ResumeTiming();
        const SyncReport report = syncNow(*pair->second);
        state.PauseTiming();
        rows = report.rowsApplied;
        if (pair->second->history().logs.size() != yearOfHistory().logs.size()) {
            state.SkipWithError("the year did not arrive whole");
            break;
        }
        pair.reset();
        state.ResumeTiming();
    }
    state.counters["rows"] = static_cast<double>(rows);
    state.SetItemsProcessed(static_cast<std::int64_t>(rows) * state.iterations());
}

// One log made on the first computer, arriving on the second that holds the
// same year: what an open window does every few seconds while both use it.
// `writer`: time the first computer's write instead (stamping and sealing).
void oneLogBench(benchmark::State& state, bool writer) {
    Pair pair(writer ? "write-one" : "apply-one");
    pair.first->apply(theYearsDays());
    syncNow(*pair.first);
    syncNow(*pair.second);
    const std::string ritualId = pair.first->history().rituals.front().id;
    for (auto _ : state) {
        steps::logToday(*pair.first, ritualId, Who::Both);
        auto start = Clock::now();
        const SyncReport wrote = syncNow(*pair.first);
        if (writer) state.SetIterationTime(secondsSince(start));
        start = Clock::now();
        const SyncReport applied = syncNow(*pair.second);
        if (!writer) state.SetIterationTime(secondsSince(start));
        if (wrote.rowsWritten == 0 || applied.rowsApplied == 0) {
            state.SkipWithError("the log did not travel");
            break;
        }
        // Taken back on both, untimed, so every round starts from the year.
        pair.first->undo();
        syncNow(*pair.first);
        syncNow(*pair.second);
    }
    state.counters["logs"] = static_cast<double>(pair.second->history().logs.size());
}

// The folder over a year of daily use: the first computer syncs once a day
// with that day's logs (a segment each; every 64th write a snapshot replaces
// the segments it covers). Reported as counters, once: what was written in
// all, and what the folder holds at the end, after those compactions.
void journalSizeBench(benchmark::State& state) {
    for (auto _ : state) {
        Pair pair("journal");
        const fs::path own = pair.root / "folder";
        const std::uintmax_t before = bytesIn(own);
        std::map<Day, ChangeSet> days;
        for (const Log& log : yearOfHistory().logs)
            days[log.day].add(log);
        std::uintmax_t written = 0;
        std::size_t segments = 0;
        std::set<fs::path> seen; // every file written, once (a file is never rewritten)
        for (const auto& entry : fs::recursive_directory_iterator(own))
            seen.insert(entry.path());
        for (auto& [day, change] : days) {
            change.undoable = false;
            pair.first->apply(change);
            const SyncReport report = syncNow(*pair.first);
            if (report.segment) ++segments;
            for (const auto& entry : fs::recursive_directory_iterator(own))
                if (entry.is_regular_file() && seen.insert(entry.path()).second)
                    written += entry.file_size();
        }
        std::size_t files = 0;
        const std::uintmax_t atEnd = bytesIn(own, &files);
        syncNow(*pair.second);
        if (pair.second->history().logs.size() != yearOfHistory().logs.size())
            state.SkipWithError("the year did not arrive whole");
        state.counters["days"] = static_cast<double>(days.size());
        state.counters["segments"] = static_cast<double>(segments);
        state.counters["written_kB"] = static_cast<double>(written) / 1024.0;
        state.counters["folder_kB_at_end"] = static_cast<double>(atEnd - before) / 1024.0;
        state.counters["files_at_end"] = static_cast<double>(files);
    }
}

} // namespace

int main(int argc, char** argv) {
    benchmark::RegisterBenchmark("sync/applyYear/realistic/1y", applyYearBench)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(5)
        ->UseRealTime();
    benchmark::RegisterBenchmark("sync/applyOneLog/realistic/1y", oneLogBench, false)
        ->Unit(benchmark::kMillisecond)
        ->UseManualTime();
    benchmark::RegisterBenchmark("sync/writeOneLog/realistic/1y", oneLogBench, true)
        ->Unit(benchmark::kMillisecond)
        ->UseManualTime();
    benchmark::RegisterBenchmark("sync/journalSize/realistic/1y", journalSizeBench)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(1);

    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
