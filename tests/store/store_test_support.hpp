#pragma once
// Real files in a fresh folder per test, and the comparisons the store tests share.

#include "core/change_set.hpp"
#include "core/entity.hpp"
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
    for (const KeptXp& row : history.keptXp)
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

// Rows compare with their operator== and print through their description
// (core/entity.hpp), so a failure shows every field of both.
inline void requireSameRitual(const Ritual& a, const Ritual& b) {
    CHECK(a == b);
}
inline void requireSameLog(const Log& a, const Log& b) {
    CHECK(a == b);
}
inline void requireSameGoal(const Goal& a, const Goal& b) {
    CHECK(a == b);
}

inline void requireSameHistory(const History& a, const History& b) {
    CHECK(a.couple == b.couple);
    CHECK(a.settings == b.settings);
    CHECK(a.rituals == b.rituals);
    CHECK(a.logs == b.logs);
    CHECK(a.skips == b.skips);
    CHECK(a.pauses == b.pauses);
    CHECK(a.goals == b.goals);
    CHECK(a.programmeSteps == b.programmeSteps);
    CHECK(a.keptXp == b.keptXp);
}

} // namespace kindling::test

namespace kindling::test {
template <class Row> struct RowPrinter {
    static std::string convert(const Row& row) { return "\n" + kindling::describeRow(row); }
};
} // namespace kindling::test

namespace Catch {
template <> struct StringMaker<kindling::Ritual> : kindling::test::RowPrinter<kindling::Ritual> {};
template <> struct StringMaker<kindling::Log> : kindling::test::RowPrinter<kindling::Log> {};
template <> struct StringMaker<kindling::Skip> : kindling::test::RowPrinter<kindling::Skip> {};
template <> struct StringMaker<kindling::Pause> : kindling::test::RowPrinter<kindling::Pause> {};
template <> struct StringMaker<kindling::Goal> : kindling::test::RowPrinter<kindling::Goal> {};
template <>
struct StringMaker<kindling::Settings> : kindling::test::RowPrinter<kindling::Settings> {};
template <> struct StringMaker<kindling::Couple> {
    static std::string convert(const kindling::Couple& couple) {
        return "\n" + kindling::describeRow(couple.partners[0]) +
               kindling::describeRow(couple.partners[1]);
    }
};
} // namespace Catch
