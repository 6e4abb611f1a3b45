#include "cli_runner.hpp"
#include "store/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <filesystem>

using namespace kindling;
using testing::TempDataDir;
namespace fs = std::filesystem;

namespace {

void setUpHistory(const TempDataDir& dir) {
    REQUIRE(dir.run({"couple", "set", "--partner1", "Zoë 🌻", "--partner2", "Sam"}).exitCode == 0);
    REQUIRE(dir.run({"ritual", "add", "Morning coffee"}).exitCode == 0);
    REQUIRE(dir.run({"ritual", "add", "Walk", "--times", "3", "--per", "7", "--measure", "minutes",
                     "--target", "20", "--at-least"})
                .exitCode == 0);
    REQUIRE(dir.run({"log", "Morning coffee", "--date", "2026-11-20", "--date", "2026-11-21",
                     "--note", "Cold, \"strong\"\nand shared"})
                .exitCode == 0);
    REQUIRE(dir.run({"log", "Walk", "--date", "2026-11-21", "--amount", "35.5"}).exitCode == 0);
    REQUIRE(dir.run({"skip", "Walk", "--date", "2026-11-19"}).exitCode == 0);
    REQUIRE(dir.run({"pause", "--from", "2026-12-20", "--to", "2026-12-27", "--reason", "Trip"})
                .exitCode == 0);
}

std::string stats(const TempDataDir& dir) {
    const auto result = dir.run({"stats", "--json", "--as-of", "2026-11-21"});
    REQUIRE(result.exitCode == 0);
    return result.out;
}

fs::path dataFile(const TempDataDir& dir) {
    return dir.data() / "kindling.sqlite3";
}

} // namespace

TEST_CASE("export then import into an empty folder gives the same history, again changes nothing") {
    TempDataDir source, target;
    setUpHistory(source);
    const fs::path file = source.root() / "us.json";
    const auto exported = source.run({"export", file.string()});
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.out.find("3 logs") != std::string::npos);
    CHECK(!fs::exists(file.string() + ".partial"));
#ifndef _WIN32 // POSIX modes; on Windows the folder's ACL decides
    CHECK((fs::status(file).permissions() & fs::perms::group_read) == fs::perms::none);
#endif

    REQUIRE(target.run({"stats"}).exitCode == 0); // creates the empty data file
    const auto emptyBytes = testing::readFile(dataFile(target));
    const auto dryRun = target.run({"import", file.string(), "--dry-run"});
    CHECK(dryRun.exitCode == 0);
    CHECK(dryRun.out.find("logs:            3 added, 0 updated, 0 skipped") != std::string::npos);
    CHECK(dryRun.out.find("Dry run") != std::string::npos);
    CHECK(testing::readFile(dataFile(target)) == emptyBytes);

    const auto imported = target.run({"import", file.string()});
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.out.find("Imported.") != std::string::npos);
    CHECK(stats(target) == stats(source));

    const auto before = testing::readFile(dataFile(target));
    const auto again = target.run({"import", file.string()});
    CHECK(again.exitCode == 0);
    CHECK(again.out.find("logs:            0 added, 0 updated, 3 skipped") != std::string::npos);
    CHECK(again.out.find("Nothing to import") != std::string::npos);
    CHECK(testing::readFile(dataFile(target)) == before);
}

TEST_CASE("export refuses to replace a file unless --force, CSV opens in a spreadsheet") {
    TempDataDir dir;
    setUpHistory(dir);
    const fs::path file = dir.root() / "logs.csv";
    REQUIRE(dir.run({"export", file.string()}).exitCode == 0);
    const std::string csv = testing::readFile(file);
    CHECK(csv.find("date,ritual,who,amount,note\r\n") != std::string::npos);
    CHECK(csv.find("2026-11-21,Walk,both,35.5,\r\n") != std::string::npos);
    CHECK(csv.find("\"Cold, \"\"strong\"\"\nand shared\"") != std::string::npos);

    const auto refused = dir.run({"export", file.string(), "--format", "json"});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.find("--force") != std::string::npos);
    CHECK(testing::readFile(file) == csv);
    CHECK(dir.run({"export", file.string(), "--format", "json", "--force"}).exitCode == 0);
    CHECK(testing::readFile(file).find("\"kindling_export\"") != std::string::npos);
    CHECK(dir.run({"export", file.string(), "--format", "xml", "--force"}).exitCode == 2);
}

TEST_CASE("a bad import file exits 2, says where, and leaves the data file byte-identical") {
    TempDataDir source, target;
    setUpHistory(source);
    const fs::path good = source.root() / "good.json";
    REQUIRE(source.run({"export", good.string()}).exitCode == 0);
    const std::string json = testing::readFile(good);
    setUpHistory(target);
    const auto before = testing::readFile(dataFile(target));
    const std::string statsBefore = stats(target);

    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string text = json;
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        return text.replace(at, from.size(), to);
    };
    struct Case {
        std::string name, content, mentions;
    };
    const std::vector<Case> cases{
        {"empty", "", "empty"},
        {"truncated", json.substr(0, json.size() - 40), "not valid JSON at line"},
        {"binary", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11), "NUL byte"},
        {"nested", std::string(5000, '{'), "nested more than"},
        {"newer format", replaced("\"format_version\": 1", "\"format_version\": 2"),
         "format version 2"},
        {"unknown field", replaced("\"note\":", "\"mood\": 1, \"note\":"), "mood: unknown field"},
        {"bad date", replaced("\"day\": \"2026-11-20\"", "\"day\": \"2026-02-30\""),
         "\"2026-02-30\" is not a real date"},
        {"wrong type", replaced("\"logged_at\": ", "\"logged_at\": \"soon\", \"x\": "), "logs[0]"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const fs::path file = target.root() / (c.name + ".json");
        {
            std::ofstream out(file, std::ios::binary);
            out << c.content;
        }
        const auto result = target.run({"import", file.string()});
        CHECK(result.exitCode == 2);
        CHECK(result.err.find(c.mentions) != std::string::npos);
        CHECK(result.err.find("Nothing was changed") != std::string::npos);
        CHECK(testing::readFile(dataFile(target)) == before);
    }
    const auto missing = target.run({"import", (target.root() / "nope.json").string()});
    CHECK(missing.exitCode == 2);
    CHECK(stats(target) == statsBefore);
}

TEST_CASE("backup prints its path, restore brings it back and keeps the data before") {
    TempDataDir dir;
    setUpHistory(dir);
    const std::string statsThen = stats(dir);
    const auto backup = dir.run({"backup"});
    REQUIRE(backup.exitCode == 0);
    const fs::path file = backup.out.substr(0, backup.out.find('\n'));
    CHECK(fs::exists(file));
    CHECK(file.parent_path() == dir.data() / "backups");

    REQUIRE(dir.run({"log", "Walk", "--date", "2026-11-20", "--amount", "10"}).exitCode == 0);
    const std::string statsLater = stats(dir);
    REQUIRE(statsLater != statsThen);

    const auto restored = dir.run({"restore", file.string()});
    REQUIRE(restored.exitCode == 0);
    CHECK(stats(dir) == statsThen);
    const auto keptAt = restored.out.find("kept in ");
    REQUIRE(keptAt != std::string::npos);
    const std::string previous =
        restored.out.substr(keptAt + 8, restored.out.rfind('.') - keptAt - 8);
    INFO(previous);
    REQUIRE(fs::exists(previous));

    // The data before the restore is a full Kindling file: restoring it goes back.
    REQUIRE(dir.run({"restore", previous}).exitCode == 0);
    CHECK(stats(dir) == statsLater);
}

TEST_CASE("restore refuses what is not a good Kindling file and changes nothing") {
    TempDataDir dir;
    setUpHistory(dir);
    const auto good = dir.run({"backup"});
    REQUIRE(good.exitCode == 0);
    const fs::path backupFile = good.out.substr(0, good.out.find('\n'));

    const fs::path text = dir.root() / "notes.txt";
    std::ofstream(text) << "not a database";
    const fs::path foreign = dir.root() / "other.sqlite3";
    {
        SQLite::Database db(foreign, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    }
    const fs::path newer = dir.root() / "newer.sqlite3";
    fs::copy_file(backupFile, newer);
    {
        SQLite::Database db(newer, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 99");
    }
    const fs::path damaged = dir.root() / "damaged.sqlite3";
    fs::copy_file(backupFile, damaged);
    {
        std::fstream out(damaged, std::ios::in | std::ios::out | std::ios::binary);
        // All of page 2, header included: a b-tree page the check must read.
        out.seekp(4096);
        out << std::string(4096, '\xA5');
    }

    const auto before = testing::readFile(dataFile(dir));
    const auto backupsBefore =
        std::distance(fs::directory_iterator(dir.data() / "backups"), fs::directory_iterator());
    for (const auto& [file, mentions] :
         std::vector<std::pair<fs::path, std::string>>{{text, "not an SQLite file"},
                                                       {foreign, "another application"},
                                                       {newer, "newer Kindling"},
                                                       {damaged, "damaged"},
                                                       {dir.root() / "nope", "nope"}}) {
        INFO(file);
        const auto result = dir.run({"restore", file.string()});
        CHECK(result.exitCode == 2);
        CHECK(result.err.find(mentions) != std::string::npos);
        CHECK(result.err.find("not changed") != std::string::npos);
        CHECK(testing::readFile(dataFile(dir)) == before);
    }
    CHECK(std::distance(fs::directory_iterator(dir.data() / "backups"), fs::directory_iterator()) ==
          backupsBefore);
}

TEST_CASE("restore holds the lock: a second Kindling cannot restore under another") {
    TempDataDir dir;
    setUpHistory(dir);
    const auto good = dir.run({"backup"});
    const fs::path backupFile = good.out.substr(0, good.out.find('\n'));
    const Store holder = Store::open(DataLocation{dir.data()});
    const auto result = dir.run({"restore", backupFile.string()});
    CHECK(result.exitCode == 1);
    CHECK(result.err.find("already open") != std::string::npos);
}

TEST_CASE("a big import says how far it is on stderr, a small one stays quiet") {
    TempDataDir source, target;
    // Four dense years: an export of several MB.
    REQUIRE(source.run({"demo", "--years", "4", "--dense"}).exitCode == 0);
    const fs::path big = source.root() / "big.json";
    REQUIRE(source.run({"export", big.string()}).exitCode == 0);
    REQUIRE(fs::file_size(big) > 4 * 1024 * 1024);

    const auto imported = target.run({"import", big.string()});
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.out.find("Imported.") != std::string::npos);
    CHECK(imported.err.find("kindling: checking logs: 50%") != std::string::npos);
    CHECK(imported.err.find("kindling: checking logs: 100%") != std::string::npos);
    // Progress goes to stderr only, so the summary on stdout stays readable.
    CHECK(imported.out.find('%') == std::string::npos);

    TempDataDir smallSource, smallTarget;
    setUpHistory(smallSource);
    const fs::path small = smallSource.root() / "small.json";
    REQUIRE(smallSource.run({"export", small.string()}).exitCode == 0);
    const auto quiet = smallTarget.run({"import", small.string()});
    REQUIRE(quiet.exitCode == 0);
    CHECK(quiet.err.empty());
}
