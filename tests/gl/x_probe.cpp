#include "x_probe.hpp"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <chrono>
#include <thread>

namespace kindling::testing {

namespace {

Display* as(void* display) {
    return static_cast<Display*>(display);
}

std::optional<long> pidOf(Display* display, Window window) {
    const Atom pidAtom = XInternAtom(display, "_NET_WM_PID", True);
    if (pidAtom == None || window == None || window == PointerRoot) return std::nullopt;
    Atom type = None;
    int format = 0;
    unsigned long count = 0, after = 0;
    unsigned char* data = nullptr;
    std::optional<long> pid;
    if (XGetWindowProperty(display, window, pidAtom, 0, 1, False, XA_CARDINAL, &type, &format,
                           &count, &after, &data) == Success &&
        data != nullptr && count == 1)
        pid = static_cast<long>(*reinterpret_cast<unsigned long*>(data));
    if (data != nullptr) XFree(data);
    return pid;
}

} // namespace

XProbe::XProbe() : display_(XOpenDisplay(nullptr)) {}

XProbe::~XProbe() {
    if (display_ != nullptr) XCloseDisplay(as(display_));
}

std::optional<long> XProbe::focusedProcess() const {
    Window window = None;
    int revert = 0;
    XSync(as(display_), False);
    XGetInputFocus(as(display_), &window, &revert);
    return pidOf(as(display_), window);
}

bool XProbe::focusReaches(long pid, int milliseconds) const {
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
    do {
        if (focusedProcess() == pid) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } while (std::chrono::steady_clock::now() < deadline);
    return false;
}

std::vector<XWindowFacts> XProbe::windowsOf(long pid) const {
    Display* display = as(display_);
    std::vector<XWindowFacts> facts;
    Window root = DefaultRootWindow(display), parent = None, *children = nullptr;
    unsigned int count = 0;
    if (XQueryTree(display, root, &root, &parent, &children, &count) == 0) return facts;
    const Atom iconAtom = XInternAtom(display, "_NET_WM_ICON", False);
    for (unsigned int i = 0; i < count; ++i) {
        if (pidOf(display, children[i]) != pid) continue;
        XWindowFacts window;
        XClassHint hint{};
        if (XGetClassHint(display, children[i], &hint) != 0) {
            window.instance = hint.res_name;
            window.windowClass = hint.res_class;
            XFree(hint.res_name);
            XFree(hint.res_class);
        }
        Atom type = None;
        int format = 0;
        unsigned long items = 0, after = 0;
        unsigned char* icon = nullptr;
        if (XGetWindowProperty(display, children[i], iconAtom, 0, 2, False, XA_CARDINAL, &type,
                               &format, &items, &after, &icon) == Success)
            window.hasIcon = items == 2; // the first icon's width and height
        if (icon != nullptr) XFree(icon);
        facts.push_back(window);
    }
    if (children != nullptr) XFree(children);
    return facts;
}

} // namespace kindling::testing
