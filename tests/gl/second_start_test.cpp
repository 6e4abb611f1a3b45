// A second start of Kindling on the same data brings the first window forward
// (platform/single_instance.hpp), and the desktop-facing details of the
// window: its icon, its class, fonts without fontconfig.
#include <catch2/catch.hpp>

#define GLFW_INCLUDE_NONE
#include "app/session.hpp"
#include "platform/single_instance.hpp"
#include "platform/window_icon.hpp"
#include "ui/already_open.hpp"
#include "x_probe.hpp"

#include <GLFW/glfw3.h>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <spawn.h>
#include <sstream>
#include <stb_image.h>
#include <string>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using kindling::platform::windowSocketPath;

namespace {

fs::path freshDirectory(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("kindling-second-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// A kindling running in the background, ended (and waited for) at the end.
class Running {
  public:
    explicit Running(const std::vector<std::string>& arguments, const fs::path& log) {
        std::vector<std::string> words{KINDLING_BINARY};
        words.insert(words.end(), arguments.begin(), arguments.end());
        std::vector<char*> argv;
        for (std::string& word : words)
            argv.push_back(word.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0600);
        REQUIRE(posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) == 0);
        posix_spawn_file_actions_destroy(&actions);
    }
    ~Running() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    Running(const Running&) = delete;
    Running& operator=(const Running&) = delete;
    pid_t pid() const { return pid_; }
    bool alive() const { return ::waitpid(pid_, nullptr, WNOHANG) == 0; }

  private:
    pid_t pid_ = -1;
};

// Waits until `socket` answers a connection: the window is up and listening.
bool listening(const fs::path& socket, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::snprintf(address.sun_path, sizeof address.sun_path, "%s", socket.c_str());
        const bool connected =
            ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
        ::close(fd);
        if (connected) return true;
        std::this_thread::sleep_for(50ms);
    }
    return false;
}

int run(const std::string& arguments) {
    const std::string command = std::string(KINDLING_BINARY) + " " + arguments;
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string readFile(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

struct Glfw {
    Glfw() { REQUIRE(glfwInit() == GLFW_TRUE); }
    ~Glfw() { glfwTerminate(); }
    Glfw(const Glfw&) = delete;
    Glfw& operator=(const Glfw&) = delete;
};

} // namespace

TEST_CASE("a second start brings the first window forward and exits 0 at once") {
    const fs::path dir = freshDirectory("raise");
    const fs::path data = dir / "data";
    const fs::path socket = windowSocketPath(data);
    REQUIRE_FALSE(socket.empty());
    // A socket left behind by a Kindling that is gone does not stop the next.
    fs::create_directories(socket.parent_path());
    fs::permissions(socket.parent_path(), fs::perms::owner_all, fs::perm_options::replace);
    {
        const int stale = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::snprintf(address.sun_path, sizeof address.sun_path, "%s", socket.c_str());
        REQUIRE(::bind(stale, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
        ::close(stale);
    }

    Running first({"--data-dir", data.string(), "--window-size", "800x600"}, dir / "first.err");
    REQUIRE(listening(socket, 30s));
    // Only its owner may reach it.
    struct stat info {};
    REQUIRE(::stat(socket.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    REQUIRE(::stat(socket.parent_path().c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0700);

    // A folder others can write to gets no socket: a start there does not listen.
    {
        const fs::path open = dir / "open";
        fs::create_directories(open);
        fs::permissions(open, fs::perms::all, fs::perm_options::replace);
        kindling::platform::RaiseListener refused(open / "window.socket", [] {});
        CHECK_FALSE(refused.problem().empty());
        CHECK_FALSE(fs::exists(open / "window.socket"));
    }

    // Another window takes the focus from it (no window manager: GLFW sets
    // the X input focus itself).
    Glfw glfw;
    glfwWindowHint(GLFW_VISIBLE, GLFW_TRUE);
    GLFWwindow* other = glfwCreateWindow(300, 200, "someone else", nullptr, nullptr);
    REQUIRE(other != nullptr);
    const kindling::testing::XProbe x;
    REQUIRE(x.connected());
    glfwFocusWindow(other);
    REQUIRE(x.focusReaches(::getpid(), 3000));
    REQUIRE(x.focusedProcess() != first.pid());

    const auto started = std::chrono::steady_clock::now();
    CHECK(run("--data-dir " + data.string()) == 0);
    const auto took = std::chrono::steady_clock::now() - started;
    CHECK(took < 2s);
    // The first one received the request: its window has the focus again,
    // and it is still running.
    CHECK(x.focusReaches(first.pid(), 3000));
    CHECK(first.alive());
    // It said nothing about it; the second start printed nothing either.
    CHECK(readFile(dir / "first.err").empty());

    // A command on the same data keeps its message and exit code.
    CHECK(run("--data-dir " + data.string() + " stats > /dev/null 2> " +
              (dir / "cli.err").string()) == 1);
    CHECK(readFile(dir / "cli.err").find("already open") != std::string::npos);
    glfwDestroyWindow(other);
    fs::remove_all(dir);
}

TEST_CASE("a second start that cannot reach the first says Kindling is already open") {
    const fs::path dir = freshDirectory("already");
    kindling::DataLocation location{dir / "data"};
    // This process holds the data file, as a Kindling that does not listen
    // (busy with a long import from the terminal) would.
    kindling::Session holder = kindling::Session::open(location);
    const fs::path png = dir / "already.png";
    CHECK(run("--data-dir " + location.directory.string() + " --screenshot " + png.string() +
              " > /dev/null 2> " + (dir / "err").string()) == 0);
    CHECK(readFile(dir / "err").find("already open") != std::string::npos);
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &width, &height, &channels, 3);
    REQUIRE(pixels != nullptr);
    stbi_image_free(pixels);
    // The small window, not the app's.
    CHECK(width == kindling::ui::alreadyOpenWidth);
    CHECK(height == kindling::ui::alreadyOpenHeight);
    fs::remove_all(dir);
}

TEST_CASE("the window's icon is the flame at every size, and its class is the application id") {
    const auto icons = kindling::platform::windowIconPngs();
    REQUIRE(icons.size() >= 4);
    for (const auto& icon : icons) {
        INFO(icon.size);
        int width = 0, height = 0, channels = 0;
        unsigned char* pixels =
            stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(icon.png.data()),
                                  static_cast<int>(icon.png.size()), &width, &height, &channels, 4);
        REQUIRE(pixels != nullptr);
        CHECK(width == icon.size);
        CHECK(height == icon.size);
        const auto at = [&](int x, int y) { return pixels + 4 * (y * width + x); };
        CHECK(at(0, 0)[3] == 0);                                   // transparent corner
        const unsigned char* core = at(width / 2, height * 3 / 4); // the heart: warm and opaque
        CHECK(core[3] > 200);
        CHECK(core[0] > core[2] + 80); // red well above blue
        stbi_image_free(pixels);
    }

    // The app's own window, as X sees it: WM_CLASS and an icon.
    const fs::path dir = freshDirectory("class");
    const fs::path data = dir / "data";
    Running app({"--data-dir", data.string()}, dir / "err");
    REQUIRE(listening(windowSocketPath(data), 30s));
    const kindling::testing::XProbe x;
    REQUIRE(x.connected());
    const auto windows = x.windowsOf(app.pid());
    REQUIRE(windows.size() == 1);
    CHECK(windows[0].windowClass == "app.kindling.Kindling");
    CHECK(windows[0].instance == "kindling");
    CHECK(windows[0].hasIcon);
    fs::remove_all(dir);
}

TEST_CASE("with a fontconfig that knows no font, the window still draws and says nothing") {
    const fs::path dir = freshDirectory("fonts");
    std::ofstream(dir / "fonts.conf") << "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n";
    const fs::path png = dir / "today.png";
    const std::string command = "FONTCONFIG_FILE=" + (dir / "fonts.conf").string() + " " +
                                KINDLING_BINARY + " --data-dir " + (dir / "data").string() +
                                " --screenshot " + png.string() + " > " + (dir / "out").string() +
                                " 2> " + (dir / "err").string();
    CHECK(std::system(command.c_str()) == 0);
    CHECK(readFile(dir / "err").empty());
    CHECK(readFile(dir / "out").find("saved") != std::string::npos);
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &width, &height, &channels, 3);
    REQUIRE(pixels != nullptr);
    // Text and cards were drawn: far more than a few colours.
    std::vector<bool> seen(1 << 15);
    int colours = 0;
    for (int i = 0; i < width * height; ++i) {
        const unsigned char* p = pixels + 3 * i;
        const int key = (p[0] >> 3) << 10 | (p[1] >> 3) << 5 | (p[2] >> 3);
        if (!seen[key]) seen[key] = true, ++colours;
    }
    stbi_image_free(pixels);
    CHECK(colours > 50);
    fs::remove_all(dir);
}
