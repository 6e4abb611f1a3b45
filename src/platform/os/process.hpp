#pragma once
// The running program: its command line in UTF-8, a console that shows
// UTF-8, the folder it was started from, and its id.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kindling::os {

// The arguments as UTF-8. POSIX: argv as given. Windows: the wide command line
// (GetCommandLineW), since argv holds them in the ANSI code page, which
// cannot say every name.
std::vector<std::string> utf8Arguments(int argc, char** argv);
// Lets the console show UTF-8 output (Windows: its code page, and "\n" line
// ends on stdout and stderr); a no-op elsewhere.
void prepareConsole();
// The executable itself, and the folder holding it; nullopt when the system
// cannot say.
std::optional<std::filesystem::path> executablePath();
std::optional<std::filesystem::path> executableDirectory();
// This process's id (getpid; GetCurrentProcessId).
unsigned long processId();
// Windows: this process is alone on a console window that was made for it
// (started from the Run key or a shortcut, not from a terminal). Elsewhere
// always false.
bool aloneOnOwnConsole();

} // namespace kindling::os
