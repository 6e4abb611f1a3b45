#include "platform/os/process.hpp"

#include <system_error>
#include <unistd.h>

namespace kindling::os {

std::vector<std::string> utf8Arguments(int argc, char** argv) {
    return {argv, argv + argc};
}

void prepareConsole() {}

std::optional<std::filesystem::path> executablePath() {
    std::error_code error;
    auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) return std::nullopt;
    return self;
}

std::optional<std::filesystem::path> executableDirectory() {
    auto self = executablePath();
    if (!self) return std::nullopt;
    return self->parent_path();
}

unsigned long processId() {
    return static_cast<unsigned long>(::getpid());
}

bool aloneOnOwnConsole() {
    return false;
}

} // namespace kindling::os
