#include "platform/processes.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace kindling::platform {

namespace {

std::vector<char*> argvOf(std::vector<std::string>& arguments) {
    std::vector<char*> argv;
    for (std::string& argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    return argv;
}

} // namespace

Started startQuietly(const std::vector<std::string>& arguments) {
    if (arguments.empty()) return {0, EINVAL};
    std::vector<std::string> copy = arguments;
    std::vector<char*> argv = argvOf(copy);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int error = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return error == 0 ? Started{pid, 0} : Started{0, error};
}

int runQuietly(const std::vector<std::string>& arguments) {
    const Started started = startQuietly(arguments);
    if (started.error != 0) return -1;
    const auto pid = static_cast<pid_t>(started.pid);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Twice forked: the middle process starts the program in a new session and
// ends at once, so the program belongs to init, not to us. Between fork and
// exec only async-signal-safe calls are made (the window has threads).
std::optional<std::string> startDetached(const std::vector<std::string>& arguments) {
    if (arguments.empty()) return "nothing to start";
    std::vector<std::string> copy = arguments;
    std::vector<char*> argv = argvOf(copy);
    int pipeEnds[2] = {-1, -1}; // the errno of a failed exec comes back through it
    if (::pipe2(pipeEnds, O_CLOEXEC) != 0) return std::strerror(errno);
    const pid_t middle = ::fork();
    if (middle < 0) {
        const int error = errno;
        ::close(pipeEnds[0]);
        ::close(pipeEnds[1]);
        return std::strerror(error);
    }
    if (middle == 0) {
        ::setsid();
        const pid_t program = ::fork();
        if (program == 0) {
            const int null = ::open("/dev/null", O_RDWR);
            if (null >= 0) {
                ::dup2(null, 0);
                ::dup2(null, 1);
                ::dup2(null, 2);
            }
            ::execv(argv[0], argv.data());
            const int error = errno;
            [[maybe_unused]] const ssize_t written = ::write(pipeEnds[1], &error, sizeof error);
            ::_exit(127);
        }
        ::_exit(program < 0 ? 1 : 0);
    }
    ::close(pipeEnds[1]);
    int status = 0;
    while (::waitpid(middle, &status, 0) < 0 && errno == EINTR) {
    }
    int error = 0;
    ssize_t got = 0;
    do {
        got = ::read(pipeEnds[0], &error, sizeof error);
    } while (got < 0 && errno == EINTR);
    ::close(pipeEnds[0]);
    if (got == static_cast<ssize_t>(sizeof error))
        return arguments.front() + " could not start: " + std::strerror(error);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "it could not be started";
    return std::nullopt;
}

std::optional<std::string> stopProcess(long pid) {
    if (pid <= 1) return "there is no such process";
    if (::kill(static_cast<pid_t>(pid), SIGTERM) != 0) return std::strerror(errno);
    return std::nullopt;
}

} // namespace kindling::platform
