#include "platform/open_folder.hpp"

#include "platform/processes.hpp"

#include <cerrno>
#include <cstring>
#include <sys/wait.h>

namespace kindling::platform {

namespace {

// xdg-open's exit codes (xdg-utils): 2 the file does not exist, 3 no tool
// found to open it, 4 the tool failed.
std::string exitReason(int code, const std::filesystem::path& folder) {
    switch (code) {
    case 2:
        return folder.string() + " is not there any more";
    case 3:
        return "no file manager was found to show it";
    default:
        return "the file manager could not show it (xdg-open ended with " + std::to_string(code) +
               ")";
    }
}

} // namespace

std::optional<std::string> FolderOpener::open(const std::filesystem::path& folder, double now) {
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error))
        return folder.string() + " is not a folder on this computer";
    // Its chatter would only clutter the terminal Kindling was started from;
    // how it went is read from its exit code.
    const Started started = startQuietly({"xdg-open", folder.string()});
    if (started.error == ENOENT) return "xdg-open is not installed (it comes with xdg-utils)";
    if (started.error != 0)
        return std::string("xdg-open could not start: ") + std::strerror(started.error);
    const auto pid = static_cast<pid_t>(started.pid);
    children_.push_back({pid, now, folder});
    return std::nullopt;
}

std::optional<std::string> FolderOpener::finished(bool wait) {
    std::optional<std::string> problem;
    for (auto child = children_.begin(); child != children_.end();) {
        int status = 0;
        pid_t done = 0;
        do {
            done = ::waitpid(child->pid, &status, wait ? 0 : WNOHANG);
        } while (done < 0 && errno == EINTR);
        if (done == 0) {
            ++child; // still running
            continue;
        }
        if (done == child->pid && WIFEXITED(status) && WEXITSTATUS(status) != 0)
            problem = exitReason(WEXITSTATUS(status), child->folder);
        child = children_.erase(child);
    }
    return problem;
}

bool FolderOpener::watching(double now) const {
    for (const Child& child : children_)
        if (now - child.startedAt < watchSeconds) return true;
    return false;
}

} // namespace kindling::platform
