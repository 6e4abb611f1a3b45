#pragma once
// The desktop window: GLFW + OpenGL 3.3 + Dear ImGui, and the frame loop.

#include "cli/cli.hpp"

namespace kindling {

// Opens the window (or renders it hidden for --screenshot) and runs until it
// closes. Returns the process exit code.
int runWindowApp(const WindowRequest& request);

} // namespace kindling
