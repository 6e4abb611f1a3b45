#include "store/files.hpp"

#include "platform/os/durable.hpp"
#include "platform/os/local_time.hpp"
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
    const std::time_t now = std::time(nullptr);
    const std::tm local = os::localTime(now);
    using namespace std::chrono;
    const Day day = year{local.tm_year + 1900} / month{static_cast<unsigned>(local.tm_mon + 1)} /
                    std::chrono::day{static_cast<unsigned>(local.tm_mday)};
    char time[8] = {};
    std::snprintf(time, sizeof time, "%02d%02d%02d", local.tm_hour, local.tm_min,
                  local.tm_sec % 60);
    return {day, time};
}

} // namespace kindling
