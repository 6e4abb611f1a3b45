#pragma once
// What the X server knows about windows, read through Xlib for the GL tests.
// Apart from the tests' sources because Xlib's macros (None, Status, Bool)
// clash with ordinary C++ names.

#include <optional>
#include <string>
#include <vector>

namespace kindling::testing {

struct XWindowFacts {
    std::string instance, windowClass; // WM_CLASS
    bool hasIcon = false;              // _NET_WM_ICON is set
};

// A connection of its own to $DISPLAY.
class XProbe {
  public:
    XProbe();
    ~XProbe();
    XProbe(const XProbe&) = delete;
    XProbe& operator=(const XProbe&) = delete;
    bool connected() const { return display_ != nullptr; }

    // The process (_NET_WM_PID) whose window has the input focus.
    std::optional<long> focusedProcess() const;
    // Waits up to `milliseconds` for a window of `pid` to have the focus.
    bool focusReaches(long pid, int milliseconds) const;
    // The top-level windows of process `pid`.
    std::vector<XWindowFacts> windowsOf(long pid) const;

  private:
    void* display_;
};

} // namespace kindling::testing
