#pragma once
// A hybrid logical clock (docs/sync.md "Merging"): wall time in milliseconds
// that never runs backwards past anything this device has seen, a counter
// for changes within one millisecond, and the device id to break ties. Two
// computers' edits of one field are ordered by it, so a computer whose clock
// is wrong cannot make an old edit win forever: once it has seen a newer
// stamp, its own stamps come after it.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kindling {

struct Hlc {
    std::int64_t wallMs = 0;
    std::uint32_t counter = 0;
    std::string device; // the device id (a lowercase UUID); "" for no stamp

    friend auto operator<=>(const Hlc&, const Hlc&) = default;
    bool isZero() const { return wallMs == 0 && counter == 0 && device.empty(); }

    // "0001733150000123.00000.<device>": ordered as text as the clock orders.
    std::string text() const;
    static std::optional<Hlc> parse(std::string_view text);
};

// The next stamp of `device` after `last` (its newest stamp, own or seen), at
// wall time `nowMs`.
Hlc nextStamp(const Hlc& last, std::int64_t nowMs, const std::string& device);
// What `last` becomes after seeing `seen`.
Hlc observed(const Hlc& last, const Hlc& seen);

} // namespace kindling
