// Which screen the window opens on without --screen: the welcome steps on the
// first run, Today afterwards, the PIN lock whenever a PIN is set. Each is
// checked by rendering the window both ways and comparing the pixels.
#include "app/session.hpp"
#include "session_steps.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <stb_image.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

fs::path freshDirectory(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("kindling-first-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// Renders the window for `dataDir` with the extra arguments and returns its pixels.
std::vector<unsigned char> render(const fs::path& dataDir, const fs::path& png,
                                  const std::string& arguments) {
    const std::string command = std::string(KINDLING_BINARY) + " --data-dir " + dataDir.string() +
                                " --screenshot " + png.string() + " --window-size 900x600 " +
                                arguments + " > /dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &width, &height, &channels, 3);
    REQUIRE(pixels != nullptr);
    std::vector<unsigned char> copy(pixels, pixels + static_cast<std::size_t>(width * height * 3));
    stbi_image_free(pixels);
    return copy;
}

} // namespace

TEST_CASE("without --screen the window opens on the welcome steps, then on Today, or on the lock") {
    const fs::path dir = freshDirectory("screen");
    const fs::path data = dir / "data";

    const auto firstRun = render(data, dir / "first.png", "");
    CHECK(firstRun == render(data, dir / "welcome.png", "--screen onboarding"));
    CHECK(firstRun != render(data, dir / "today.png", "--screen today"));

    {
        kindling::Session session = kindling::Session::open(kindling::DataLocation{data});
        kindling::steps::setPartnerNames(session, "Zoë", "Sam");
    }
    const auto later = render(data, dir / "later.png", "");
    CHECK(later == render(data, dir / "today-again.png", "--screen today"));

    {
        kindling::Session session = kindling::Session::open(kindling::DataLocation{data});
        session.setPin("", "2468");
    }
    // Locked, every screen looks the same: only the PIN field.
    const auto locked = render(data, dir / "locked.png", "");
    CHECK(locked == render(data, dir / "locked-settings.png", "--screen settings"));
    CHECK(locked != later);
    fs::remove_all(dir);
}
