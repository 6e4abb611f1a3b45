#pragma once
// Real files in a fresh folder per test, and the comparisons the store tests share.

#include "core/change_set.hpp"
#include "store/store.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace kindling::test {

class TempDir {
  public:
    TempDir()
        : path_(std::filesystem::temp_directory_path() / ("kindling-store-test-" + newUuid())) {
        std::filesystem::create_directories(path_);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    const std::filesystem::path& path() const { return path_; }
    // A data folder that does not exist yet, so the store creates it.
    DataLocation location(const std::string& name = "data") const { return {path_ / name}; }

  private:
    std::filesystem::path path_;
};

inline std::vector<char> readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeBytes(const std::filesystem::path& file, const std::vector<char>& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Rows written straight to a store, the way Session::apply writes them
// (Store::apply), without the checks an action makes first.
inline constexpr std::int64_t testNow = 1'700'000'000;
template <class Row> void storeAdd(Store& store, Row row) {
    ChangeSet change;
    change.add(std::move(row));
    store.apply(change.rows, testNow);
}
inline void storeAddLogs(Store& store, const std::vector<Log>& logs) {
    ChangeSet change;
    for (const Log& log : logs)
        change.add(log);
    store.apply(change.rows, testNow);
}
template <class Row> void storeUpdate(Store& store, const Row& row) {
    ChangeRows rows;
    rows.of<Row>().push_back({row, row});
    store.apply(rows, testNow);
}
template <class Row> void storeRemove(Store& store, Row row) {
    ChangeSet change;
    change.remove(std::move(row));
    store.apply(change.rows, testNow);
}
template <class Row> void storeRemoveId(Store& store, const std::string& id) {
    Row row;
    row.id = id;
    storeRemove(store, std::move(row));
}
inline void storeShown(Store& store, const std::vector<std::string>& keys) {
    ChangeSet change;
    for (const std::string& key : keys)
        change.add(ShownCelebration{key});
    store.apply(change.rows, testNow);
}
inline std::optional<std::string> storePreference(const Store& store, const std::string& key) {
    const auto all = store.preferences();
    const auto found = all.find(key);
    if (found == all.end()) return std::nullopt;
    return found->second;
}
// Every row of `history` in one change.
inline void storeSaveAll(Store& store, const History& history) {
    ChangeSet change;
    change.rows.of<Couple>().push_back({std::nullopt, history.couple});
    change.rows.of<Settings>().push_back({std::nullopt, history.settings});
    for (const Ritual& row : history.rituals)
        change.add(row);
    for (const Log& row : history.logs)
        change.add(row);
    for (const Skip& row : history.skips)
        change.add(row);
    for (const Pause& row : history.pauses)
        change.add(row);
    for (const Goal& row : history.goals)
        change.add(row);
    for (const QuestionMarkEntry& row : history.questionMarks)
        change.add(row);
    for (const ProgrammeStep& row : history.programmeSteps)
        change.add(row);
    store.apply(change.rows, testNow);
}

inline Day day(int y, unsigned m, unsigned d) {
    return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

inline Ritual sampleRitual(const std::string& name, int position = 0) {
    Ritual ritual;
    ritual.id = newUuid();
    ritual.name = name;
    ritual.position = position;
    return ritual;
}

inline Log sampleLog(const std::string& ritualId, Day logDay, Who who = Who::Both) {
    Log log;
    log.id = newUuid();
    log.ritualId = ritualId;
    log.day = logDay;
    log.who = who;
    log.loggedAt = 1'700'000'000;
    return log;
}

// Fails the test with the message when `action` does not throw StoreError of `kind`.
template <class F> std::string expectStoreError(StoreError::Kind kind, F&& action) {
    try {
        action();
    } catch (const StoreError& error) {
        INFO(error.what());
        CHECK(storeErrorKindName(error.kind()) == storeErrorKindName(kind));
        return error.what();
    }
    FAIL("expected a StoreError of kind " << storeErrorKindName(kind));
    return {};
}

inline void requireSameRitual(const Ritual& a, const Ritual& b) {
    CHECK(a.id == b.id);
    CHECK(a.name == b.name);
    CHECK(a.icon == b.icon);
    CHECK(a.area == b.area);
    CHECK(a.why == b.why);
    CHECK(a.frequency.times == b.frequency.times);
    CHECK(a.frequency.perDays == b.frequency.perDays);
    CHECK(a.weekdays == b.weekdays);
    CHECK(a.mode == b.mode);
    REQUIRE(a.measure.has_value() == b.measure.has_value());
    if (a.measure) {
        CHECK(a.measure->kind == b.measure->kind);
        CHECK(a.measure->target == b.measure->target);
    }
    CHECK(a.unit == b.unit);
    CHECK(a.archived == b.archived);
    CHECK(a.position == b.position);
    CHECK(a.catalogId == b.catalogId);
    CHECK(a.whenItHelps == b.whenItHelps);
}

inline void requireSameLog(const Log& a, const Log& b) {
    CHECK(a.id == b.id);
    CHECK(a.ritualId == b.ritualId);
    CHECK(a.day == b.day);
    CHECK(a.who == b.who);
    CHECK(a.amount == b.amount);
    CHECK(a.note == b.note);
    CHECK(a.loggedAt == b.loggedAt);
}

inline void requireSameGoal(const Goal& a, const Goal& b) {
    CHECK(a.id == b.id);
    CHECK(a.title == b.title);
    CHECK(a.target == b.target);
    CHECK(a.scope == b.scope);
    CHECK(a.ritualId == b.ritualId);
    CHECK(a.area == b.area);
    CHECK(a.period == b.period);
    CHECK(a.start == b.start);
    CHECK(a.end == b.end);
    CHECK(a.reward == b.reward);
    CHECK(a.archivedOn == b.archivedOn);
}

inline void requireSameHistory(const History& a, const History& b) {
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(a.couple.partners[i].name == b.couple.partners[i].name);
        CHECK(a.couple.partners[i].colour == b.couple.partners[i].colour);
    }
    CHECK(a.settings.dayStartHour == b.settings.dayStartHour);
    CHECK(a.settings.weekStart == b.settings.weekStart);
    CHECK(a.settings.talkingAboutUs == b.settings.talkingAboutUs);
    CHECK(a.programmeSteps == b.programmeSteps);
    REQUIRE(a.rituals.size() == b.rituals.size());
    for (std::size_t i = 0; i < a.rituals.size(); ++i)
        requireSameRitual(a.rituals[i], b.rituals[i]);
    REQUIRE(a.logs.size() == b.logs.size());
    for (std::size_t i = 0; i < a.logs.size(); ++i)
        requireSameLog(a.logs[i], b.logs[i]);
    REQUIRE(a.skips.size() == b.skips.size());
    for (std::size_t i = 0; i < a.skips.size(); ++i) {
        CHECK(a.skips[i].id == b.skips[i].id);
        CHECK(a.skips[i].ritualId == b.skips[i].ritualId);
        CHECK(a.skips[i].day == b.skips[i].day);
    }
    REQUIRE(a.pauses.size() == b.pauses.size());
    for (std::size_t i = 0; i < a.pauses.size(); ++i) {
        CHECK(a.pauses[i].id == b.pauses[i].id);
        CHECK(a.pauses[i].first == b.pauses[i].first);
        CHECK(a.pauses[i].last == b.pauses[i].last);
        CHECK(a.pauses[i].reason == b.pauses[i].reason);
    }
    REQUIRE(a.goals.size() == b.goals.size());
    for (std::size_t i = 0; i < a.goals.size(); ++i)
        requireSameGoal(a.goals[i], b.goals[i]);
}

} // namespace kindling::test
