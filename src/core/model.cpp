#include "core/model.hpp"

#include <algorithm>

namespace kindling {

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
               return lower(x) == lower(y);
           });
}

} // namespace

bool isNeverDue(const Ritual& ritual) {
    return ritual.whenItHelps || ritual.area == Area::Touch;
}

const Ritual* History::findRitual(std::string_view id) const {
    for (const Ritual& ritual : rituals)
        if (ritual.id == id) return &ritual;
    return nullptr;
}

const Ritual* History::findRitualByName(std::string_view name) const {
    for (const Ritual& ritual : rituals)
        if (equalsIgnoringCase(ritual.name, name)) return &ritual;
    return nullptr;
}

std::optional<std::size_t> utf8Length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        if (byte < 0x80)
            length = 1;
        else if ((byte >> 5) == 0x6)
            length = 2;
        else if ((byte >> 4) == 0xE)
            length = 3;
        else if ((byte >> 3) == 0x1E)
            length = 4;
        else
            return std::nullopt;
        if (i + length > text.size()) return std::nullopt;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return std::nullopt;
        i += length;
        ++count;
    }
    return count;
}

} // namespace kindling
