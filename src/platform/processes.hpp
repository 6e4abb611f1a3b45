#pragma once
// Starting other programs from the reminder: systemctl, and Kindling itself
// (the watcher, the window) in a session of its own that outlives this one.
// processes_posix.cpp (posix_spawn, a double fork) and processes_windows.cpp
// (CreateProcessW).

#include <optional>
#include <string>
#include <vector>

namespace kindling::platform {

#ifndef _WIN32
// Starts `arguments` (the program found on PATH) with no input and its output
// discarded, without waiting: its pid, or 0 and the errno of why not.
struct Started {
    long pid = 0;
    int error = 0;
};
Started startQuietly(const std::vector<std::string>& arguments);
#endif

// Runs `arguments` (the program found on PATH) with no input and its output
// discarded, and waits for it; returns its exit code, or -1 when it could not
// start.
int runQuietly(const std::vector<std::string>& arguments);

// Starts `arguments` detached: a new session, no terminal, no input or
// output, and never a zombie of ours. Returns why it could not start.
std::optional<std::string> startDetached(const std::vector<std::string>& arguments);

#ifdef _WIN32
// `arguments` as one Windows command line that CommandLineToArgvW (and the C
// runtime) split back into the same words, in UTF-8.
std::string windowsCommandLine(const std::vector<std::string>& arguments);
#endif

// Asks process `pid` to end (POSIX: SIGTERM; Windows: it is ended). Returns
// why it could not be asked.
std::optional<std::string> stopProcess(long pid);

} // namespace kindling::platform
