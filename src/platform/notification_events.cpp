#include "platform/notifications.hpp"

namespace kindling::platform {

void NotificationEvents::push(NotificationEvent event) {
    std::function<void()> wake;
    {
        std::lock_guard lock(mutex_);
        events_.push_back(std::move(event));
        wake = wake_;
    }
    arrived_.notify_all();
    if (wake) wake();
}

std::optional<NotificationEvent> NotificationEvents::next(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    arrived_.wait_for(lock, timeout, [this] { return !events_.empty(); });
    if (events_.empty()) return std::nullopt;
    NotificationEvent event = std::move(events_.front());
    events_.pop_front();
    return event;
}

void NotificationEvents::setWake(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

} // namespace kindling::platform
