// macOS: UserNotifications (UNUserNotificationCenter) belongs here. A STUB
// until the macOS build exists: it says nothing can be shown, so the window
// shows the reminder as its banner and the command line says why nothing was
// sent. Built only for macOS (src/platform/CMakeLists.txt).
#include "platform/notifications.hpp"

namespace kindling::platform {

namespace {

class UserNotificationsStub final : public Notifier {
  public:
    NotificationServer server() override {
        NotificationServer server;
        server.problem = "desktop notifications are not built for macOS yet";
        return server;
    }
    SendResult send(const DesktopNotification&) override {
        SendResult result;
        result.problem = server().problem;
        return result;
    }
    std::optional<NotificationEvent> nextEvent(std::chrono::milliseconds) override {
        return std::nullopt;
    }
    void setWake(std::function<void()>) override {}
};

} // namespace

std::unique_ptr<Notifier> makeDesktopNotifier() {
    return std::make_unique<UserNotificationsStub>();
}

} // namespace kindling::platform
