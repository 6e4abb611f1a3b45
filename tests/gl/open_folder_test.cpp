// "Open its folder" (Settings): xdg-open is started without waiting, and what
// goes wrong (no xdg-open, no file manager, no folder) comes back as a
// sentence. A stand-in xdg-open on PATH plays the desktop. (Here because
// test_gl is the test that links the platform library; no GL is used.)
#include "platform/open_folder.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using kindling::platform::FolderOpener;

namespace {

// A fresh folder, and PATH pointing only at it while the object lives.
class FakeDesktop {
  public:
    FakeDesktop()
        : root_(fs::temp_directory_path() / ("kindling-open-folder-" + std::to_string(::getpid()) +
                                             "-" + std::to_string(++made_))) {
        fs::create_directories(root_ / "bin");
        fs::create_directories(root_ / "data");
        if (const char* path = std::getenv("PATH")) oldPath_ = path;
        setenv("PATH", (root_ / "bin").c_str(), 1);
    }
    ~FakeDesktop() {
        setenv("PATH", oldPath_.c_str(), 1);
        std::error_code ignored;
        fs::remove_all(root_, ignored);
    }
    FakeDesktop(const FakeDesktop&) = delete;
    FakeDesktop& operator=(const FakeDesktop&) = delete;

    // An xdg-open that writes the folder it was asked for, then exits with `code`.
    void installXdgOpen(int code) {
        const fs::path script = root_ / "bin" / "xdg-open";
        std::ofstream(script) << "#!/bin/sh\nprintf '%s' \"$1\" > '" << opened().string()
                              << "'\nexit " << code << "\n";
        fs::permissions(script, fs::perms::owner_all);
    }
    fs::path data() const { return root_ / "data"; }
    fs::path opened() const { return root_ / "opened"; }

  private:
    static inline int made_ = 0;
    fs::path root_;
    std::string oldPath_;
};

std::string contentOf(const fs::path& file) {
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

TEST_CASE("open folder: xdg-open is asked for the folder and nothing is reported when it works") {
    FakeDesktop desktop;
    desktop.installXdgOpen(0);
    FolderOpener opener;
    CHECK_FALSE(opener.open(desktop.data(), 100.0));
    CHECK(opener.watching(101.0));
    CHECK_FALSE(opener.watching(100.0 + FolderOpener::watchSeconds + 1.0));
    CHECK_FALSE(opener.finished(true));
    CHECK(contentOf(desktop.opened()) == desktop.data().string());
    CHECK_FALSE(opener.watching(101.0)); // collected
}

TEST_CASE("open folder: a desktop without a file manager is said plainly") {
    FakeDesktop desktop;
    desktop.installXdgOpen(3);
    FolderOpener opener;
    REQUIRE_FALSE(opener.open(desktop.data(), 0.0));
    const auto problem = opener.finished(true);
    REQUIRE(problem);
    CHECK(*problem == "no file manager was found to show it");
}

TEST_CASE("open folder: no xdg-open, or no folder, is reported at once") {
    FakeDesktop desktop; // PATH holds no xdg-open
    FolderOpener opener;
    const auto missing = opener.open(desktop.data(), 0.0);
    REQUIRE(missing);
    CHECK(*missing == "xdg-open is not installed (it comes with xdg-utils)");

    desktop.installXdgOpen(0);
    const auto gone = opener.open(desktop.data() / "gone", 0.0);
    REQUIRE(gone);
    CHECK(*gone == (desktop.data() / "gone").string() + " is not a folder on this computer");
    CHECK_FALSE(opener.watching(0.0));
}
