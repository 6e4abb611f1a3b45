// macOS: UserNotifications (UNUserNotificationCenter) belong here. A STUB
// until they are built: it says nothing can be shown, so the window shows the
// reminder as its banner and the command line says why nothing was sent.
// Built only for macOS (src/platform/CMakeLists.txt); Linux has libnotify
// (notifications_linux.cpp), Windows the notification area
// (notifications_windows.cpp).
#include "platform/notifications.hpp"

namespace kindling::platform {

namespace {

constexpr const char* notBuilt = "desktop notifications are not built for macOS yet";

class NotifierStub final : public Notifier {
  public:
    NotificationServer server() override {
        NotificationServer server;
        server.problem = notBuilt;
        return server;
    }
    SendResult send(const DesktopNotification&) override {
        SendResult result;
        result.problem = notBuilt;
        return result;
    }
    std::optional<NotificationEvent> nextEvent(std::chrono::milliseconds) override {
        return std::nullopt;
    }
    void setWake(std::function<void()>) override {}
};

} // namespace

std::unique_ptr<Notifier> makeDesktopNotifier() {
    return std::make_unique<NotifierStub>();
}

} // namespace kindling::platform
