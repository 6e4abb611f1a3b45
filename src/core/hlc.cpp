#include "core/hlc.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace kindling {

std::string Hlc::text() const {
    char head[32];
    std::snprintf(head, sizeof head, "%016lld.%05u.", static_cast<long long>(wallMs), counter);
    return head + device;
}

std::optional<Hlc> Hlc::parse(std::string_view text) {
    if (text.size() < 23 || text[16] != '.' || text[22] != '.') return std::nullopt;
    Hlc clock;
    const auto wall = std::from_chars(text.data(), text.data() + 16, clock.wallMs);
    const auto counter = std::from_chars(text.data() + 17, text.data() + 22, clock.counter);
    if (wall.ec != std::errc() || wall.ptr != text.data() + 16 || counter.ec != std::errc() ||
        counter.ptr != text.data() + 22 || clock.wallMs < 0)
        return std::nullopt;
    clock.device = std::string(text.substr(23));
    if (clock.device.size() > 64 ||
        clock.device.find_first_not_of("0123456789abcdef-") != std::string::npos)
        return std::nullopt;
    return clock;
}

Hlc nextStamp(const Hlc& last, std::int64_t nowMs, const std::string& device) {
    Hlc next;
    next.device = device;
    if (nowMs > last.wallMs) {
        next.wallMs = nowMs;
        next.counter = 0;
    } else {
        // The wall clock is behind what this device has seen: the stamp stays
        // after it anyway.
        next.wallMs = last.wallMs;
        next.counter = last.counter + 1;
        if (next.counter > 99'999) {
            next.wallMs += 1;
            next.counter = 0;
        }
    }
    return next;
}

Hlc observed(const Hlc& last, const Hlc& seen) {
    return std::max(last, seen);
}

} // namespace kindling
