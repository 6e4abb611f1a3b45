#pragma once
// Desktop notifications behind one small interface, so the reminder neither
// knows nor cares which desktop shows them. Linux: libnotify over the session
// bus's org.freedesktop.Notifications (notifications_linux.cpp). Windows: a
// balloon from the notification area (notifications_windows.cpp). macOS
// (UserNotifications) is a stub for now (notifications_stub.cpp): it says
// that nothing can be shown, and the window shows its banner instead.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kindling::platform {

struct NotificationAction {
    std::string id;    // what comes back when it is chosen ("not-tonight")
    std::string label; // what the button says ("Not tonight")
};

struct DesktopNotification {
    std::string summary;
    std::string body;
    // Offered only where the server shows actions (GetCapabilities "actions").
    std::vector<NotificationAction> actions;
};

// Who shows notifications on this desktop, if anyone.
struct NotificationServer {
    bool available = false;
    bool actions = false; // it can show buttons
    std::string name;     // "dunst", as the server calls itself
    std::string problem;  // why nobody answered
};

struct SendResult {
    bool sent = false;
    // Answers will come: the buttons were offered, or (Windows' balloon) a
    // click on it chooses the first action.
    bool withActions = false;
    std::string problem; // why it was not sent
};

// What happened to a notification that was sent.
struct NotificationEvent {
    enum class Kind { Action, Closed };
    Kind kind = Kind::Closed;
    std::string action; // Kind::Action: the chosen action's id
};

class Notifier {
  public:
    virtual ~Notifier() = default;
    // Asks the desktop who shows notifications and what they can do.
    virtual NotificationServer server() = 0;
    virtual SendResult send(const DesktopNotification& notification) = 0;
    // The next thing that happened to a sent notification, waiting at most
    // `timeout` for it (zero: only look).
    virtual std::optional<NotificationEvent> nextEvent(std::chrono::milliseconds timeout) = 0;
    // Called from the notifier's own thread when an event arrives, so a
    // window asleep in its event loop can wake up and collect it.
    virtual void setWake(std::function<void()> wake) = 0;
};

// What a notifier's own thread hands over: a queue the caller waits on, and
// a wake for a window asleep in its event loop (notification_events.cpp).
class NotificationEvents {
  public:
    void push(NotificationEvent event);
    std::optional<NotificationEvent> next(std::chrono::milliseconds timeout);
    void setWake(std::function<void()> wake);

  private:
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::deque<NotificationEvent> events_;
    std::function<void()> wake_;
};

// This platform's notifier.
std::unique_ptr<Notifier> makeDesktopNotifier();

} // namespace kindling::platform
