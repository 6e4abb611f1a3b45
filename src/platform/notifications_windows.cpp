// Desktop notifications on Windows: a balloon from an icon in the
// notification area (Shell_NotifyIconW with NIF_INFO), which Windows 10 and
// 11 show as a notification of their own. A balloon has no buttons: a click
// on it chooses the notification's first action (the reminder's "Open
// Kindling"), and then it is closed. The icon is there from the balloon
// until that click or the notifier's end (a check waits up to 15 minutes for
// an answer), so a balloon that faded into the notification centre can
// still be answered. Toasts with buttons would need WinRT, which the
// MinGW-w64 build cannot compile (README "The Windows build").
//
// A hidden window of the notifier's own thread receives the icon's messages,
// so answers arrive while the app's window sleeps in its own event loop.
#include "platform/notifications.hpp"
#include "platform/os/windows_text.hpp"

#include <algorithm>
#include <future>
#include <thread>

// clang-format off
#include <windows.h>
#include <shellapi.h>
// clang-format on

namespace kindling::platform {

namespace {

constexpr UINT iconMessage = WM_APP + 1;   // what the icon sends its window
constexpr UINT runMessage = WM_APP + 2;    // a task for the notifier's thread
constexpr UINT removeMessage = WM_APP + 3; // the icon goes, after the event that ended it
constexpr UINT iconId = 1;
constexpr const wchar_t* windowClass = L"KindlingNotifier";

// Copies UTF-8 `text` into a fixed NOTIFYICONDATAW field, cut to fit.
template <std::size_t N> void copyInto(wchar_t (&field)[N], const std::string& text) {
    std::wstring wide = os::widen(text);
    if (wide.size() >= N) wide = wide.substr(0, N - 2) + L"\u2026";
    wide.copy(field, N - 1);
    field[std::min(wide.size(), N - 1)] = L'\0';
}

class TrayNotifier final : public Notifier {
  public:
    TrayNotifier() {
        std::promise<HWND> made;
        std::future<HWND> window = made.get_future();
        worker_ = std::thread([this, &made] { run(made); });
        window_ = window.get();
    }

    ~TrayNotifier() override {
        if (window_ != nullptr) PostMessageW(window_, WM_CLOSE, 0, 0);
        worker_.join();
    }

    TrayNotifier(const TrayNotifier&) = delete;
    TrayNotifier& operator=(const TrayNotifier&) = delete;

    NotificationServer server() override {
        NotificationServer server;
        if (window_ == nullptr) {
            server.problem = "Kindling could not make its notification window";
        } else if (FindWindowW(L"Shell_TrayWnd", nullptr) == nullptr) {
            server.problem = "the Windows taskbar is not running, so nothing shows notifications";
        } else {
            server.available = true;
            server.name = "the Windows notification area";
        }
        return server;
    }

    SendResult send(const DesktopNotification& notification) override {
        SendResult result;
        const NotificationServer found = server();
        if (!found.available) {
            result.problem = found.problem;
            return result;
        }
        std::function<void()> task = [&] { show(notification, result); };
        SendMessageW(window_, runMessage, 0, reinterpret_cast<LPARAM>(&task));
        return result;
    }

    std::optional<NotificationEvent> nextEvent(std::chrono::milliseconds timeout) override {
        return events_.next(timeout);
    }

    void setWake(std::function<void()> wake) override { events_.setWake(std::move(wake)); }

  private:
    void run(std::promise<HWND>& made) {
        WNDCLASSW type{};
        type.lpfnWndProc = &TrayNotifier::procedure;
        type.hInstance = GetModuleHandleW(nullptr);
        type.lpszClassName = windowClass;
        RegisterClassW(&type); // fails harmlessly when a second notifier registered it
        // A top-level window that is never shown: the notification area
        // talks to windows, not to message-only ones.
        HWND window = CreateWindowExW(0, windowClass, L"Kindling", WS_OVERLAPPED, 0, 0, 0, 0,
                                      nullptr, nullptr, type.hInstance, this);
        made.set_value(window);
        if (window == nullptr) return;
        MSG message;
        while (GetMessageW(&message, nullptr, 0, 0) > 0) {
            TranslateMessage(&message);
            DispatchMessageW(&message);
        }
    }

    // The notifier's thread.
    void show(const DesktopNotification& notification, SendResult& result) {
        NOTIFYICONDATAW icon = iconData();
        icon.uFlags = NIF_ICON | NIF_TIP | NIF_MESSAGE | NIF_INFO;
        icon.uCallbackMessage = iconMessage;
        icon.hIcon = LoadIconW(GetModuleHandleW(nullptr), MAKEINTRESOURCEW(1));
        if (icon.hIcon == nullptr)
            icon.hIcon = LoadIconW(nullptr, MAKEINTRESOURCEW(32512)); // IDI_APPLICATION
        copyInto(icon.szTip, "Kindling");
        copyInto(icon.szInfoTitle, notification.summary);
        copyInto(icon.szInfo, notification.body);
        icon.dwInfoFlags = NIIF_USER | NIIF_LARGE_ICON;
        ending_ = false;
        const bool added = shown_ ? Shell_NotifyIconW(NIM_MODIFY, &icon) != FALSE
                                  : Shell_NotifyIconW(NIM_ADD, &icon) != FALSE;
        if (!added) {
            result.problem =
                "the Windows notification area did not take it (" + os::lastErrorText() + ")";
            return;
        }
        if (!shown_) {
            icon.uVersion = NOTIFYICON_VERSION_4;
            Shell_NotifyIconW(NIM_SETVERSION, &icon);
        }
        shown_ = true;
        firstAction_ = notification.actions.empty() ? "" : notification.actions.front().id;
        result.sent = true;
        result.withActions = !firstAction_.empty(); // a click answers (notifications.hpp)
    }

    NOTIFYICONDATAW iconData() const {
        NOTIFYICONDATAW icon{};
        icon.cbSize = sizeof icon;
        icon.hWnd = window_;
        icon.uID = iconId;
        return icon;
    }

    void removeIcon() {
        if (!shown_) return;
        NOTIFYICONDATAW icon = iconData();
        Shell_NotifyIconW(NIM_DELETE, &icon);
        shown_ = false;
        ending_ = false;
    }

    // What the icon said (NOTIFYICON_VERSION_4: the event in LOWORD). The
    // icon is removed once this message is answered: the notification area
    // may be waiting for that answer.
    void iconEvent(UINT event) {
        if (!shown_ || ending_) return; // what was still on its way after the end
        switch (event) {
        case NIN_BALLOONUSERCLICK:
        case NIN_SELECT: // a click on the icon (after its WM_LBUTTONUP)
        case NIN_KEYSELECT:
            if (!firstAction_.empty()) arrive({NotificationEvent::Kind::Action, firstAction_});
            break;
        default:
            // A balloon that fades (NIN_BALLOONTIMEOUT) waits in the
            // notification centre, and a click there still comes: the icon
            // stays until then, or until the notifier ends.
            return;
        }
        arrive({NotificationEvent::Kind::Closed, {}});
        ending_ = true;
        PostMessageW(window_, removeMessage, 0, 0);
    }

    void arrive(NotificationEvent event) { events_.push(std::move(event)); }

    static LRESULT CALLBACK procedure(HWND window, UINT message, WPARAM wParam, LPARAM lParam) {
        if (message == WM_NCCREATE) {
            const auto* create = reinterpret_cast<const CREATESTRUCTW*>(lParam);
            SetWindowLongPtrW(window, GWLP_USERDATA,
                              reinterpret_cast<LONG_PTR>(create->lpCreateParams));
        }
        auto* self = reinterpret_cast<TrayNotifier*>(GetWindowLongPtrW(window, GWLP_USERDATA));
        switch (message) {
        case runMessage:
            (*reinterpret_cast<std::function<void()>*>(lParam))();
            return 0;
        case iconMessage:
            if (self != nullptr) self->iconEvent(LOWORD(lParam));
            return 0;
        case removeMessage:
            if (self != nullptr) self->removeIcon();
            return 0;
        case WM_CLOSE:
            if (self != nullptr) self->removeIcon();
            DestroyWindow(window);
            return 0;
        case WM_DESTROY:
            PostQuitMessage(0);
            return 0;
        default:
            return DefWindowProcW(window, message, wParam, lParam);
        }
    }

    HWND window_ = nullptr;
    bool shown_ = false;      // the notifier's thread only
    bool ending_ = false;     // likewise: the icon goes with the next message
    std::string firstAction_; // likewise: what a click on the balloon chooses
    NotificationEvents events_;
    std::thread worker_;
};

} // namespace

std::unique_ptr<Notifier> makeDesktopNotifier() {
    return std::make_unique<TrayNotifier>();
}

} // namespace kindling::platform
