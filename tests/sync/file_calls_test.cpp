// The sync folder's file calls (src/platform/os/file_calls.hpp), on every
// system the tests run on: Linux, and Windows under Wine.

#include "platform/os/file_calls.hpp"
#include "platform/os/user_folders.hpp"
#include "sync_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kindling;
using namespace kindling::sync::test;
using kindling::sync::Bytes;

namespace {

std::span<const std::uint8_t> span(const Bytes& bytes) {
    return {bytes.data(), bytes.size()};
}

os::FileFailure failureOf(const os::FileStatus& status) {
    REQUIRE(status);
    INFO(status->text);
    CHECK_FALSE(status->text.empty());
    return status->failure;
}

os::FileFailure failureOf(const std::variant<Bytes, os::FileError>& read) {
    REQUIRE(std::holds_alternative<os::FileError>(read));
    return std::get<os::FileError>(read).failure;
}

} // namespace

TEST_CASE("a new file is written whole and never over a name that is taken") {
    TempDir temp;
    const fs::path file = temp.path() / "segment";
    const Bytes bytes = bytesOf(std::string(100000, 'k') + "\r\n\x1a\n" + std::string(3, '\0'));
    REQUIRE_FALSE(os::writeNewFile(file, span(bytes)));
    CHECK(readBytes(file) == bytes); // binary: no "\n" turned into "\r\n", no stop at Ctrl-Z

    CHECK(failureOf(os::writeNewFile(file, span(bytesOf("other")))) == os::FileFailure::Exists);
    CHECK(readBytes(file) == bytes);

    const fs::path empty = temp.path() / "empty";
    REQUIRE_FALSE(os::writeNewFile(empty, {}));
    CHECK(fs::file_size(empty) == 0);

    CHECK(failureOf(os::writeNewFile(temp.path() / "gone" / "file", span(bytes))) ==
          os::FileFailure::NotFound);
    CHECK_FALSE(fs::exists(temp.path() / "gone"));
}

TEST_CASE("a rename that may not replace leaves both files, one that may replaces") {
    TempDir temp;
    const fs::path from = temp.path() / "new";
    const fs::path to = temp.path() / "taken";
    writeBytes(from, bytesOf("new bytes"));
    writeBytes(to, bytesOf("old bytes"));

    CHECK(failureOf(os::renameFile(from, to, os::Replacing::Never)) == os::FileFailure::Exists);
    CHECK(textOf(readBytes(from)) == "new bytes");
    CHECK(textOf(readBytes(to)) == "old bytes");

    REQUIRE_FALSE(os::renameFile(from, to, os::Replacing::Allowed));
    CHECK_FALSE(fs::exists(from));
    CHECK(textOf(readBytes(to)) == "new bytes");

    const fs::path free = temp.path() / "free";
    REQUIRE_FALSE(os::renameFile(to, free, os::Replacing::Never));
    CHECK_FALSE(fs::exists(to));
    CHECK(textOf(readBytes(free)) == "new bytes");

    CHECK(failureOf(os::renameFile(temp.path() / "nothing", to, os::Replacing::Never)) ==
          os::FileFailure::NotFound);
}

TEST_CASE("removing a file and making a folder say what is missing or taken") {
    TempDir temp;
    const fs::path file = temp.path() / "file";
    writeBytes(file, bytesOf("x"));
    REQUIRE_FALSE(os::removeFile(file));
    CHECK_FALSE(fs::exists(file));
    CHECK(failureOf(os::removeFile(file)) == os::FileFailure::NotFound);

    const fs::path folder = temp.path() / "folder";
    REQUIRE_FALSE(os::makeFolder(folder));
    CHECK(fs::is_directory(folder));
    CHECK(failureOf(os::makeFolder(folder)) == os::FileFailure::Exists);
    writeBytes(file, bytesOf("x"));
    CHECK(failureOf(os::makeFolder(file)) == os::FileFailure::Exists);
    // Never the parent: an unplugged stick's mount point must stay empty.
    CHECK(failureOf(os::makeFolder(temp.path() / "unplugged" / "folder")) ==
          os::FileFailure::NotFound);
    CHECK_FALSE(fs::exists(temp.path() / "unplugged"));
}

TEST_CASE("a whole file is read, a folder, a file too large or a missing one say so") {
    TempDir temp;
    const fs::path file = temp.path() / "file";
    const Bytes bytes = bytesOf("twelve bytes");
    writeBytes(file, bytes);
    auto read = os::readWholeFile(file, 12);
    REQUIRE(std::holds_alternative<Bytes>(read));
    CHECK(std::get<Bytes>(read) == bytes);

    CHECK(failureOf(os::readWholeFile(file, 11)) == os::FileFailure::TooLarge);
    CHECK(failureOf(os::readWholeFile(temp.path(), 100)) == os::FileFailure::NotRegular);
    CHECK(failureOf(os::readWholeFile(temp.path() / "missing", 100)) == os::FileFailure::NotFound);

    writeBytes(file, {});
    auto empty = os::readWholeFile(file, 0);
    REQUIRE(std::holds_alternative<Bytes>(empty));
    CHECK(std::get<Bytes>(empty).empty());
}

#ifndef _WIN32
// Making a link on Windows needs a privilege most users lack.
TEST_CASE("a link is never read as the file it points to") {
    TempDir temp;
    writeBytes(temp.path() / "target", bytesOf("secret"));
    fs::create_symlink(temp.path() / "target", temp.path() / "link");
    CHECK(failureOf(os::readWholeFile(temp.path() / "link", 100)) == os::FileFailure::IsLink);
}
#endif

TEST_CASE("names beyond Latin-1 reach the disk as they were typed") {
    TempDir temp;
    const std::string folderName = "Zoë и Łukasz ☕ 共有";
    const fs::path folder = temp.path() / os::pathFromUtf8(folderName);
    REQUIRE_FALSE(os::makeFolder(folder));
    const fs::path file = folder / os::pathFromUtf8("Наташа.tmp");
    REQUIRE_FALSE(os::writeNewFile(file, span(bytesOf("hello"))));
    const fs::path renamed = folder / os::pathFromUtf8("Ὀδυσσεύς.kseg");
    REQUIRE_FALSE(os::renameFile(file, renamed, os::Replacing::Never));
    auto read = os::readWholeFile(renamed, 100);
    REQUIRE(std::holds_alternative<Bytes>(read));
    CHECK(textOf(std::get<Bytes>(read)) == "hello");

    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(temp.path()))
        names.push_back(os::pathToUtf8(entry.path().filename()));
    CHECK(names == std::vector<std::string>{folderName});
    names.clear();
    for (const auto& entry : fs::directory_iterator(folder))
        names.push_back(os::pathToUtf8(entry.path().filename()));
    CHECK(names == std::vector<std::string>{"Ὀδυσσεύς.kseg"});
    REQUIRE_FALSE(os::removeFile(renamed));
    CHECK(fs::is_empty(folder));
}
