#include "store/files.hpp"

#include "platform/os/durable.hpp"
#include "app/clock.hpp"
#include "platform/os/private_files.hpp"

#include <cstdio>
#include <ctime>
#include <fstream>

namespace kindling {

std::optional<std::string> createPrivateFile(const std::filesystem::path& file) {
    return os::createPrivateFile(file);
}

std::optional<std::string> syncFile(const std::filesystem::path& file) {
    return os::syncFile(file);
}

std::optional<std::string> syncDirectory(const std::filesystem::path& directory) {
    return os::syncDirectory(directory);
}

std::optional<std::array<unsigned char, 100>> readSqliteHeader(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::array<unsigned char, 100> header{};
    in.read(reinterpret_cast<char*>(header.data()), static_cast<std::streamsize>(header.size()));
    if (in.gcount() != static_cast<std::streamsize>(header.size())) return std::nullopt;
    return header;
}

LocalNow localNow() {
    const LocalTime local = localTimeOf(unixNow()); // the one clock (app/clock.hpp)
    using namespace std::chrono;
    const Day day = year{local.year} / month{local.month} / std::chrono::day{local.day};
    char time[8] = {};
    std::snprintf(time, sizeof time, "%02d%02d%02d", local.hour, local.minute, local.second % 60);
    return {day, time};
}

} // namespace kindling
