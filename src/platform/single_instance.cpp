// What both sides of platform/single_instance.hpp share: requests handed to
// the frame loop and answered from it (single_instance_posix.cpp: a Unix
// socket; single_instance_windows.cpp: a named pipe).
#include "platform/single_instance.hpp"

namespace kindling::platform {

namespace {

// How long the listener waits for the frame loop to raise the window.
constexpr auto loopTimeout = std::chrono::seconds(2);

} // namespace

bool RaiseListener::takeRequest() {
    const std::lock_guard lock(mutex_);
    if (taken_ == requested_) return false;
    taken_ = requested_;
    return true;
}

void RaiseListener::answer() {
    {
        const std::lock_guard lock(mutex_);
        answered_ = taken_;
    }
    answeredSignal_.notify_all();
}

bool RaiseListener::passOn() {
    std::unique_lock lock(mutex_);
    const std::uint64_t ticket = ++requested_;
    lock.unlock();
    wake_();
    lock.lock();
    return answeredSignal_.wait_for(lock, loopTimeout, [&] { return answered_ >= ticket; });
}

} // namespace kindling::platform
