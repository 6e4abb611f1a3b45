// How long one frame of each screen takes to build (issues 5 and 7, README
// "Performance"): the ImGui work of the real shell over a real data file,
// layout and draw lists included, the GPU and the swap excluded. Not a test:
// built only with KINDLING_BUILD_BENCHMARKS=ON and run by tests/bench/run.sh.
//
// The data is `kindling demo --years N`'s, generated in memory ending on a
// fixed day and imported into a data file in a temporary folder.

#include "app/content.hpp"
#include "app/session.hpp"
#include "core/demo.hpp"
#include "imgui_harness.hpp"
#include "session_steps.hpp"
#include "ui/fonts.hpp"
#include "ui/shell.hpp"
#include "ui/theme.hpp"

#include <benchmark/benchmark.h>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

using namespace kindling;
namespace fs = std::filesystem;

namespace {

const Day benchToday = *parseDay("2026-11-22");

// One ImGui context with the app's fonts and theme, as the window has, and a
// data file per history size, opened once and shared by every benchmark.
class Bench {
  public:
    static Bench& get() {
        static Bench bench;
        return bench;
    }

    ui::UiState& state() { return state_; }
    testing::ImGuiHarness& harness() { return harness_; }

    Session& session(int years) {
        auto found = sessions_.find(years);
        if (found != sessions_.end()) return *found->second;
        const fs::path directory = root_ / std::to_string(years);
        auto session =
            std::make_unique<Session>(Session::open(DataLocation{directory}, benchToday));
        steps::setPartnerNames(*session, "Alex", "Sam");
        if (years > 0)
            session->importGenerated(
                generateDemoHistory(shippedContent().catalog, {years, 1, benchToday, false}));
        // Their milestones were celebrated long ago: no card covers the screens.
        while (!session->pendingCelebrations().empty()) {
            const std::string key = session->pendingCelebrations().front().key;
            session->celebrated(key);
        }
        return *sessions_.emplace(years, std::move(session)).first->second;
    }

    void frame() {
        harness_.frame([this] { ui::drawShell(state_); });
    }

  private:
    Bench()
        : root_(fs::temp_directory_path() /
                ("kindling-frame-bench-" + std::to_string(::getpid()))) {
        fs::remove_all(root_);
        state_.today = benchToday;
        state_.fonts = ui::loadFonts(ImGui::GetIO(), 1.0f);
        harness_.buildFonts();
        ui::applyTheme(state_.theme, 1.0f);
    }
    ~Bench() {
        sessions_.clear(); // close the files before their folder goes
        fs::remove_all(root_);
    }

    fs::path root_;
    testing::ImGuiHarness harness_{ImVec2(1280, 800)};
    ui::UiState state_;
    std::map<int, std::unique_ptr<Session>> sessions_;
};

// Shows `screen` over the history of `years`, with a few frames to settle
// (caches built, windows sized), as the couple would see it after a click.
void showScreen(int years, ui::Screen screen) {
    Bench& bench = Bench::get();
    ui::UiState& state = bench.state();
    state.session = &bench.session(years);
    state.screen = screen;
    for (int i = 0; i < 4; ++i)
        bench.frame();
}

// One frame of a screen nobody touches: what every redraw costs.
void screenFrameBench(benchmark::State& run, int years, ui::Screen screen) {
    showScreen(years, screen);
    Bench& bench = Bench::get();
    for (auto _ : run)
        bench.frame();
    run.counters["logs"] = static_cast<double>(bench.state().session->history().logs.size());
}

// A log from the Today screen, end to end: the command (validated, one SQLite
// transaction on disk, the derived state and progress updated) and the next
// frame of `screen`, which shows every number changed. Wall time, the fsync
// included; the undo after each one is not timed.
void logAndFrameBench(benchmark::State& run, int years, ui::Screen screen) {
    showScreen(years, screen);
    Bench& bench = Bench::get();
    Session& session = *bench.state().session;
    const std::string ritualId = session.history().rituals.front().id;
    const int before = session.derived().rituals.at(ritualId).totalLogs;
    for (auto _ : run) {
        const auto start = std::chrono::steady_clock::now();
        steps::logToday(session, ritualId, Who::Both);
        bench.frame();
        run.SetIterationTime(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        if (session.derived().rituals.at(ritualId).totalLogs != before + 1) {
            run.SkipWithError("the log was not counted");
            break;
        }
        while (!session.pendingCelebrations().empty()) {
            const std::string key = session.pendingCelebrations().front().key;
            session.celebrated(key);
        }
        session.undo();
        bench.frame();
    }
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> screens{"today",   "dashboard",  "journal",      "rituals",
                                           "goals",   "questions",  "achievements", "settings",
                                           "support", "onboarding", "celebration"};
    for (int years : {0, 10}) {
        for (const std::string& name : screens)
            benchmark::RegisterBenchmark(
                ("frame/" + name + "/" + std::to_string(years) + "y").c_str(), screenFrameBench,
                years, *ui::screenFromName(name))
                ->Unit(benchmark::kMillisecond);
    }
    // Logging needs a ritual: the demo's first, a together one.
    for (const char* name : {"today", "dashboard"})
        benchmark::RegisterBenchmark((std::string("logAndFrame/") + name + "/10y").c_str(),
                                     logAndFrameBench, 10, *ui::screenFromName(name))
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond);

    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
