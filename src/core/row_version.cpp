#include "core/row_version.hpp"

#include <algorithm>

namespace kindling {

std::string encodeClocks(const std::vector<Hlc>& clocks, bool removed, const Hlc& removedClock) {
    std::string text;
    const bool shared =
        !clocks.empty() && std::all_of(clocks.begin(), clocks.end(),
                                       [&](const Hlc& c) { return c == clocks.front(); });
    if (shared) {
        text = clocks.front().text();
    } else {
        for (const Hlc& clock : clocks) {
            if (!text.empty()) text += ',';
            text += clock.text();
        }
    }
    text += removed ? "|-" : "|+";
    if (!removedClock.isZero()) text += removedClock.text();
    return text;
}

std::optional<DecodedClocks> decodeClocks(std::string_view text, std::size_t fieldCount) {
    const auto bar = text.rfind('|');
    if (bar == std::string_view::npos || bar + 1 >= text.size()) return std::nullopt;
    DecodedClocks decoded;
    const char sign = text[bar + 1];
    if (sign != '+' && sign != '-') return std::nullopt;
    decoded.removed = sign == '-';
    const std::string_view removal = text.substr(bar + 2);
    if (!removal.empty()) {
        auto clock = Hlc::parse(removal);
        if (!clock) return std::nullopt;
        decoded.removedClock = *clock;
    }
    std::string_view fields = text.substr(0, bar);
    while (!fields.empty()) {
        const auto comma = fields.find(',');
        const std::string_view one = fields.substr(0, comma);
        auto clock = Hlc::parse(one);
        if (!clock) return std::nullopt;
        decoded.clocks.push_back(*clock);
        if (comma == std::string_view::npos) break;
        fields.remove_prefix(comma + 1);
    }
    if (decoded.clocks.size() == 1 && fieldCount > 1)
        decoded.clocks.assign(fieldCount, decoded.clocks.front());
    // Fields a later Kindling added (they come last): never set, so any
    // value of theirs that arrives wins.
    if (decoded.clocks.size() > fieldCount) return std::nullopt;
    decoded.clocks.resize(fieldCount);
    return decoded;
}

} // namespace kindling
