// Desktop notifications on Linux: libnotify, which speaks the freedesktop.org
// notification protocol to whichever server owns org.freedesktop.Notifications
// on the session bus (GNOME Shell, KDE Plasma, dunst, mako …).
//
// Every GLib call runs on one thread of the notifier's own, inside a GLib
// main loop on its own context: libnotify delivers a server's answers (a
// button chosen, a notification closed) as D-Bus signals to the context that
// was current when it first spoke to the server, and they must be dispatched
// there while the window sleeps in its own event loop.
#include "platform/app_id.hpp"
#include "platform/notifications.hpp"

#include <algorithm>
#include <future>
#include <gio/gio.h>
#include <libnotify/notify.h>
#include <thread>

namespace kindling::platform {

namespace {

constexpr const char* busName = "org.freedesktop.Notifications";
constexpr const char* objectPath = "/org/freedesktop/Notifications";
constexpr int callTimeoutMs = 10'000;

std::string messageOf(GError* error) {
    if (error == nullptr) return "no reason was given";
    g_dbus_error_strip_remote_error(error);
    std::string text = error->message;
    g_error_free(error);
    return text;
}

// libnotify reports some failures as GLib warnings too; they are ours to
// word (SendResult, NotificationServer), not stderr's.
void quietLog(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

class LibnotifyNotifier final : public Notifier {
  public:
    LibnotifyNotifier()
        : context_(g_main_context_new()), loop_(g_main_loop_new(context_, FALSE)),
          worker_([this] { run(); }) {}

    ~LibnotifyNotifier() override {
        onWorker([this] {
            for (NotifyNotification* n : shown_)
                g_object_unref(n);
            shown_.clear();
            if (notify_is_initted()) notify_uninit();
            g_main_loop_quit(loop_);
            return 0;
        });
        worker_.join();
        g_main_loop_unref(loop_);
        g_main_context_unref(context_);
    }

    LibnotifyNotifier(const LibnotifyNotifier&) = delete;
    LibnotifyNotifier& operator=(const LibnotifyNotifier&) = delete;

    NotificationServer server() override {
        return onWorker([this] { return askServer(); });
    }

    SendResult send(const DesktopNotification& notification) override {
        return onWorker([this, &notification] { return show(notification); });
    }

    std::optional<NotificationEvent> nextEvent(std::chrono::milliseconds timeout) override {
        return events_.next(timeout);
    }

    void setWake(std::function<void()> wake) override { events_.setWake(std::move(wake)); }

  private:
    void run() {
        g_main_context_push_thread_default(context_);
        g_main_loop_run(loop_);
        while (g_main_context_iteration(context_, FALSE)) {
        }
        g_main_context_pop_thread_default(context_);
    }

    // Runs `task` on the notifier's thread and waits for its result.
    template <class Task> auto onWorker(Task task) -> decltype(task()) {
        using Result = decltype(task());
        auto* job = new std::packaged_task<Result()>(std::move(task));
        std::future<Result> result = job->get_future();
        g_main_context_invoke_full(
            context_, G_PRIORITY_DEFAULT,
            [](gpointer data) -> gboolean {
                (*static_cast<std::packaged_task<Result()>*>(data))();
                return G_SOURCE_REMOVE;
            },
            job, [](gpointer data) { delete static_cast<std::packaged_task<Result()>*>(data); });
        return result.get();
    }

    void initialise() {
        if (notify_is_initted()) return;
        g_log_set_handler("libnotify",
                          static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE),
                          quietLog, nullptr);
        notify_init(desktopAppName);
    }

    // GetCapabilities and GetServerInformation, asked directly so a missing
    // server gives its reason instead of a warning on stderr.
    NotificationServer askServer() {
        initialise();
        NotificationServer server;
        GError* error = nullptr;
        GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &error);
        if (bus == nullptr) {
            server.problem = "there is no desktop session bus (" + messageOf(error) + ")";
            return server;
        }
        GVariant* caps = g_dbus_connection_call_sync(
            bus, busName, objectPath, busName, "GetCapabilities", nullptr, G_VARIANT_TYPE("(as)"),
            G_DBUS_CALL_FLAGS_NONE, callTimeoutMs, nullptr, &error);
        if (caps == nullptr) {
            server.problem = "no notification service answered (" + messageOf(error) + ")";
            g_object_unref(bus);
            return server;
        }
        server.available = true;
        GVariantIter* list = nullptr;
        g_variant_get(caps, "(as)", &list);
        const gchar* capability = nullptr;
        while (g_variant_iter_loop(list, "&s", &capability))
            if (g_strcmp0(capability, "actions") == 0) server.actions = true;
        g_variant_iter_free(list);
        g_variant_unref(caps);

        GVariant* info = g_dbus_connection_call_sync(
            bus, busName, objectPath, busName, "GetServerInformation", nullptr,
            G_VARIANT_TYPE("(ssss)"), G_DBUS_CALL_FLAGS_NONE, callTimeoutMs, nullptr, &error);
        if (info != nullptr) {
            const gchar* name = nullptr;
            g_variant_get(info, "(&s&s&s&s)", &name, nullptr, nullptr, nullptr);
            server.name = name != nullptr ? name : "";
            g_variant_unref(info);
        } else {
            g_clear_error(&error);
        }
        g_object_unref(bus);
        return server;
    }

    SendResult show(const DesktopNotification& notification) {
        SendResult result;
        const NotificationServer found = askServer();
        if (!found.available) {
            result.problem = found.problem;
            return result;
        }
        NotifyNotification* shown = notify_notification_new(
            notification.summary.c_str(), notification.body.c_str(), desktopIconName);
        notify_notification_set_app_name(shown, desktopAppName);
        notify_notification_set_hint_string(shown, "desktop-entry", desktopAppId);
        if (found.actions && !notification.actions.empty()) {
            for (const NotificationAction& action : notification.actions)
                notify_notification_add_action(shown, action.id.c_str(), action.label.c_str(),
                                               &LibnotifyNotifier::actionChosen, this, nullptr);
            result.withActions = true;
        }
        g_signal_connect(shown, "closed", G_CALLBACK(&LibnotifyNotifier::closed), this);
        GError* error = nullptr;
        if (!notify_notification_show(shown, &error)) {
            result.problem = "the notification service did not take it (" + messageOf(error) + ")";
            result.withActions = false;
            g_object_unref(shown);
            return result;
        }
        shown_.push_back(shown);
        result.sent = true;
        return result;
    }

    void arrive(NotificationEvent event) { events_.push(std::move(event)); }

    static void actionChosen(NotifyNotification*, char* action, gpointer self) {
        static_cast<LibnotifyNotifier*>(self)->arrive(
            {NotificationEvent::Kind::Action, action != nullptr ? action : ""});
    }

    static void closed(NotifyNotification* notification, gpointer data) {
        auto* self = static_cast<LibnotifyNotifier*>(data);
        auto& shown = self->shown_;
        const auto found = std::find(shown.begin(), shown.end(), notification);
        if (found != shown.end()) {
            shown.erase(found);
            // libnotify holds its own reference while it emits "closed".
            g_object_unref(notification);
        }
        self->arrive({NotificationEvent::Kind::Closed, {}});
    }

    GMainContext* context_;
    GMainLoop* loop_;
    std::vector<NotifyNotification*> shown_; // the notifier's thread only
    NotificationEvents events_;
    std::thread worker_; // last: it starts once everything above is ready
};

} // namespace

std::unique_ptr<Notifier> makeDesktopNotifier() {
    return std::make_unique<LibnotifyNotifier>();
}

} // namespace kindling::platform
