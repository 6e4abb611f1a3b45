// Windows: toast notifications (Windows.UI.Notifications) belong here. A STUB
// until the Windows build exists: it says nothing can be shown, so the window
// shows the reminder as its banner and the command line says why nothing was
// sent. Built only for Windows (src/platform/CMakeLists.txt).
#include "platform/notifications.hpp"

namespace kindling::platform {

namespace {

class ToastNotifierStub final : public Notifier {
  public:
    NotificationServer server() override {
        NotificationServer server;
        server.problem = "desktop notifications are not built for Windows yet";
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
    return std::make_unique<ToastNotifierStub>();
}

} // namespace kindling::platform
