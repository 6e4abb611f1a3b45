#include "store/store.hpp"
#include "store_test_support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <csignal>
#ifndef _WIN32
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace kindling;
using namespace kindling::test;

#ifndef _WIN32 // fork() and SIGKILL
TEST_CASE("every acknowledged log survives a SIGKILL of the process") {
    TempDir temp;
    const DataLocation location = temp.location();
    const Ritual ritual = sampleRitual("Hug");
    {
        Store store = Store::open(location);
        storeAdd(store, ritual);
    }

    int channel[2];
    REQUIRE(::pipe(channel) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child never returns into Catch2: it logs until it is killed.
        ::close(channel[0]);
        try {
            Store store = Store::open(location);
            for (int i = 0; i < 1'000'000; ++i) {
                Log log = sampleLog(ritual.id, day(2026, 1, 1) + std::chrono::days{i % 300});
                log.note = "burst " + std::to_string(i);
                storeAddLogs(store, {log});
                const std::string line = log.id + "\n"; // < PIPE_BUF: written whole
                if (::write(channel[1], line.data(), line.size()) !=
                    static_cast<ssize_t>(line.size()))
                    ::_exit(4);
            }
        } catch (...) {
            ::_exit(3);
        }
        ::_exit(0);
    }
    ::close(channel[1]);

    std::string received;
    std::vector<std::string> acknowledged;
    auto takeLines = [&] {
        std::size_t newline;
        while ((newline = received.find('\n')) != std::string::npos) {
            acknowledged.push_back(received.substr(0, newline));
            received.erase(0, newline + 1);
        }
    };
    char buffer[4096];
    bool killed = false;
    while (true) {
        const ssize_t n = ::read(channel[0], buffer, sizeof buffer);
        if (n <= 0) break;
        received.append(buffer, static_cast<std::size_t>(n));
        takeLines();
        if (!killed && acknowledged.size() >= 40) {
            ::kill(child, SIGKILL); // mid-burst: the child is inside insertLogs or about to be
            killed = true;
        }
    }
    ::close(channel[0]);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
    REQUIRE(acknowledged.size() >= 40);

    Store store = Store::open(location); // the lock died with the child
    std::set<std::string> present;
    for (const Log& log : store.loadHistory().logs)
        present.insert(log.id);
    for (const std::string& id : acknowledged) {
        INFO("acknowledged log " << id);
        CHECK(present.count(id) == 1);
    }
    SQLite::Database db(store.file(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
}
#endif

TEST_CASE("a full disk is reported and what was saved before stays intact") {
    TempDir temp;
    const DataLocation location = temp.location();
    Store store = Store::open(location);
    const Ritual ritual = sampleRitual("Walk");
    storeAdd(store, ritual);
    std::int64_t pages = 0;
    {
        SQLite::Database db(store.file(), SQLite::OPEN_READONLY);
        pages = db.execAndGet("PRAGMA page_count").getInt64();
    }
    store.limitPagesForTesting(pages + 4);

    std::vector<std::string> saved;
    std::string message;
    for (int i = 0; i < 200 && message.empty(); ++i) {
        Log log = sampleLog(ritual.id, day(2026, 1, 1) + std::chrono::days{i});
        log.note = std::string(3000, static_cast<char>('a' + i % 26));
        try {
            storeAddLogs(store, {log});
            saved.push_back(log.id);
        } catch (const StoreError& error) {
            CHECK(error.kind() == StoreError::Kind::Full);
            message = error.what();
        }
    }
    REQUIRE_FALSE(message.empty());
    CHECK_THAT(message, Catch::Contains("is full"));
    CHECK_THAT(message, Catch::Contains(store.file().string()));
    CHECK_FALSE(saved.empty());

    const History history = store.loadHistory();
    REQUIRE(history.logs.size() == saved.size());
    for (std::size_t i = 0; i < saved.size(); ++i)
        CHECK(history.logs[i].id == saved[i]);
    SQLite::Database db(store.file(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
}
