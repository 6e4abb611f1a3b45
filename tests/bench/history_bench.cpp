// How long the core takes with years of history (issues 3 and 7, README
// "Performance"). Not a test: built only with KINDLING_BUILD_BENCHMARKS=ON and
// run by tests/bench/run.sh, never by ctest.
//
// The histories are `kindling demo --years N [--dense]`'s, generated in
// memory with the same generator, ending on a fixed day so every run measures
// the same data.

#include "app/content.hpp"
#include "app/session.hpp"
#include "core/celebrations.hpp"
#include "core/demo.hpp"
#include "core/derived.hpp"
#include "session_steps.hpp"

#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace kindling;

namespace {

const Day benchToday = *parseDay("2026-11-22");

struct DataSet {
    int years = 0;
    bool dense = false;
    std::string label() const {
        return std::string(dense ? "dense" : "realistic") + "/" + std::to_string(years) + "y";
    }
};

// Generated once per data set and shared by every benchmark of it.
const History& historyOf(const DataSet& data) {
    static std::map<std::pair<int, bool>, History> cache;
    const auto key = std::pair{data.years, data.dense};
    auto found = cache.find(key);
    if (found == cache.end())
        found = cache
                    .emplace(key, generateDemoHistory(shippedContent().catalog,
                                                      {data.years, 1, benchToday, data.dense}))
                    .first;
    return found->second;
}

void describe(benchmark::State& state, const History& history) {
    state.counters["rituals"] = static_cast<double>(history.rituals.size());
    state.counters["logs"] = static_cast<double>(history.logs.size());
}

ProgressSnapshot progressOf(const History& history, const DerivedState& derived) {
    const Content& content = shippedContent();
    return computeProgress(history, derived, content.levels, content.achievements);
}

// The ritual the one-log benchmarks log: an `each` ritual, the costliest kind
// (three series: the couple's and each partner's).
const Ritual& eachRitual(const History& history) {
    for (const Ritual& ritual : history.rituals)
        if (ritual.mode == RitualMode::Each) return ritual;
    std::cerr << "kindling_bench: the demo has no `each` ritual\n";
    std::exit(1);
}

Log logOnBenchDay(const Ritual& ritual) {
    Log entry;
    entry.id = "bench-log";
    entry.ritualId = ritual.id;
    entry.day = benchToday;
    entry.who = Who::Partner1;
    return entry;
}

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Every ritual's strength and streaks, the connection streak, couple strength.
void deriveAllBench(benchmark::State& state, DataSet data) {
    const History& history = historyOf(data);
    for (auto _ : state) {
        DerivedState derived = deriveAll(history, benchToday);
        benchmark::DoNotOptimize(derived);
    }
    describe(state, history);
}

// XP, levels, goals, achievements, ritual streak milestones, welcome-backs.
void progressBench(benchmark::State& state, DataSet data) {
    const History& history = historyOf(data);
    const DerivedState derived = deriveAll(history, benchToday);
    for (auto _ : state) {
        ProgressSnapshot progress = progressOf(history, derived);
        benchmark::DoNotOptimize(progress);
    }
    describe(state, history);
}

// What opening the data file or changing the day costs: everything the couple
// sees, from scratch.
void fullRecomputeBench(benchmark::State& state, DataSet data) {
    const History& history = historyOf(data);
    for (auto _ : state) {
        DerivedState derived = deriveAll(history, benchToday);
        ProgressSnapshot progress = progressOf(history, derived);
        benchmark::DoNotOptimize(derived);
        benchmark::DoNotOptimize(progress);
    }
    describe(state, history);
}

enum class OneLogPath {
    UpdateRitual,           // re-reads the history for the ritual's logs
    UpdateLogs,             // what Session does: only the changed log is read
    UpdateLogsWithProgress, // ... then progress and new celebrations, as Session does
};

// One log's update: the log is appended to the history and the derived state
// brought up to date; the next iteration takes it away again the same way, so
// every iteration is one log's change.
void oneLogBench(benchmark::State& state, DataSet data, OneLogPath path) {
    History history = historyOf(data);
    const Ritual& ritual = eachRitual(history);
    const std::string ritualId = ritual.id;
    const Log entry = logOnBenchDay(ritual);
    DerivedState derived = deriveAll(history, benchToday);
    ProgressSnapshot progress = progressOf(history, derived);
    const std::set<std::string> shown;
    const int logsBefore = derived.rituals.at(ritualId).totalLogs;

    bool added = false;
    for (auto _ : state) {
        if (added)
            history.logs.pop_back();
        else
            history.logs.push_back(entry);
        added = !added;
        if (path == OneLogPath::UpdateRitual) {
            updateRitual(derived, history, ritualId);
        } else {
            updateLogs(derived, history, added ? std::vector{entry} : std::vector<Log>{},
                       added ? std::vector<Log>{} : std::vector{entry});
        }
        if (path == OneLogPath::UpdateLogsWithProgress) {
            ProgressSnapshot after = progressOf(history, derived);
            std::vector<Milestone> fresh = newCelebrations(progress, after, shown);
            benchmark::DoNotOptimize(fresh);
            progress = std::move(after);
        }
        if (derived.rituals.at(ritualId).totalLogs != logsBefore + (added ? 1 : 0)) {
            state.SkipWithError("the log did not reach the derived state");
            break;
        }
    }
    describe(state, historyOf(data)); // as it was before the benchmark's log
}

// The whole Today-screen command on a real data file: validate, write one
// SQLite transaction (WAL, synchronous=FULL: on disk when it returns), update
// the derived state and progress. Undone, untimed, after each iteration.
void logTodayBench(benchmark::State& state, DataSet data) {
    const History& generated = historyOf(data);
    const std::filesystem::path directory =
        std::filesystem::temp_directory_path() /
        ("kindling-bench-" + std::to_string(::getpid()) + "-" + std::to_string(data.years) +
         (data.dense ? "-dense" : ""));
    std::filesystem::remove_all(directory);
    {
        Session session = Session::open(DataLocation{directory}, benchToday);
        session.importGenerated(generated);
        const std::string ritualId = eachRitual(session.history()).id;
        const int logsBefore = session.derived().rituals.at(ritualId).totalLogs;
        const std::size_t storedBefore = session.store().loadHistory().logs.size();

        bool checked = false;
        for (auto _ : state) {
            const auto start = Clock::now();
            steps::logToday(session, ritualId, Who::Partner1);
            state.SetIterationTime(secondsSince(start));
            if (!checked) {
                // Committed to the file and counted, once (loading is slow).
                checked = true;
                if (session.store().loadHistory().logs.size() != storedBefore + 1 ||
                    session.derived().rituals.at(ritualId).totalLogs != logsBefore + 1) {
                    state.SkipWithError("the log was not stored or not counted");
                    break;
                }
            }
            session.undo();
        }
        describe(state, session.history());
    }
    std::filesystem::remove_all(directory);
}

// A folder for one benchmark's data file, gone when the benchmark ends.
struct BenchFolder {
    explicit BenchFolder(const std::string& name)
        : path(std::filesystem::temp_directory_path() /
               ("kindling-bench-" + std::to_string(::getpid()) + "-" + name)) {
        std::filesystem::remove_all(path);
    }
    ~BenchFolder() { std::filesystem::remove_all(path); }
    std::filesystem::path path;
};

// Export as JSON (or CSV) from an open data file: what Settings' Export and
// `kindling export` do, less the write to disk. Bytes per second are the
// throughput of the export's text.
void exportBench(benchmark::State& state, DataSet data, bool csv) {
    BenchFolder folder("export-" + std::to_string(data.years) + (data.dense ? "-dense" : ""));
    Session session = Session::open(DataLocation{folder.path}, benchToday);
    session.importGenerated(historyOf(data));
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string text = csv ? session.exportCsv() : session.exportJson("bench");
        bytes = text.size();
        benchmark::DoNotOptimize(text.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
    state.SetItemsProcessed(static_cast<std::int64_t>(historyOf(data).logs.size()) *
                            state.iterations());
    describe(state, historyOf(data));
}

// Import of that export into an empty data file: the whole check, then the
// write (one transaction, on disk). A fresh file per iteration, made untimed.
void importBench(benchmark::State& state, DataSet data) {
    std::string json;
    {
        BenchFolder source("import-source");
        Session session = Session::open(DataLocation{source.path}, benchToday);
        session.importGenerated(historyOf(data));
        json = session.exportJson("bench");
    }
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto folder = std::make_unique<BenchFolder>("import-" + std::to_string(round++));
        Session session = Session::open(DataLocation{folder->path}, benchToday);
        state.ResumeTiming();
        const ImportPlan plan = session.planImport(json);
        session.applyImport(plan);
        state.PauseTiming();
        if (session.history().logs.size() != historyOf(data).logs.size()) {
            state.SkipWithError("the import lost logs");
            break;
        }
        state.ResumeTiming();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(json.size()) * state.iterations());
    state.SetItemsProcessed(static_cast<std::int64_t>(historyOf(data).logs.size()) *
                            state.iterations());
    describe(state, historyOf(data));
}

// Opening the data file as the window and every command do: the checks on
// open, reading the whole history, deriving everything.
void openBench(benchmark::State& state, DataSet data) {
    BenchFolder folder("open-" + std::to_string(data.years) + (data.dense ? "-dense" : ""));
    {
        Session session = Session::open(DataLocation{folder.path}, benchToday);
        session.importGenerated(historyOf(data));
    }
    for (auto _ : state) {
        Session session = Session::open(DataLocation{folder.path}, benchToday);
        benchmark::DoNotOptimize(session.derived());
    }
    describe(state, historyOf(data));
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<DataSet> sizes{{0, false}, {1, false}, {10, false}, {30, false}, {10, true}};
    for (const DataSet& data : sizes) {
        const std::string label = data.label();
        benchmark::RegisterBenchmark(("deriveAll/" + label).c_str(), deriveAllBench, data)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("computeProgress/" + label).c_str(), progressBench, data)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("fullRecompute/" + label).c_str(), fullRecomputeBench, data)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("oneLog/updateRitual/" + label).c_str(), oneLogBench, data,
                                     OneLogPath::UpdateRitual)
            ->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark(("oneLog/updateLogs/" + label).c_str(), oneLogBench, data,
                                     OneLogPath::UpdateLogs)
            ->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark(("oneLog/withProgress/" + label).c_str(), oneLogBench, data,
                                     OneLogPath::UpdateLogsWithProgress)
            ->Unit(benchmark::kMicrosecond);
    }
    for (const DataSet& data : {DataSet{10, false}, DataSet{10, true}})
        benchmark::RegisterBenchmark(("session/logToday/" + data.label()).c_str(), logTodayBench,
                                     data)
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond);

    for (const DataSet& data : sizes)
        benchmark::RegisterBenchmark(("session/open/" + data.label()).c_str(), openBench, data)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
    for (const DataSet& data : {DataSet{10, false}, DataSet{10, true}}) {
        benchmark::RegisterBenchmark(("export/json/" + data.label()).c_str(), exportBench, data,
                                     false)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("export/csv/" + data.label()).c_str(), exportBench, data,
                                     true)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("import/json/" + data.label()).c_str(), importBench, data)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
    }

    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
