#include "core/model.hpp"

#include <algorithm>

namespace kindling {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::array<std::string_view, N>& names, std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name) return static_cast<Enum>(i);
    return std::nullopt;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
               return lower(x) == lower(y);
           });
}

} // namespace

std::string_view areaName(Area area) {
    return areaNames[static_cast<std::size_t>(area)];
}
std::optional<Area> areaFromName(std::string_view name) {
    return fromName<Area>(areaNames, name);
}
std::string_view modeName(RitualMode mode) {
    return modeNames[static_cast<std::size_t>(mode)];
}
std::optional<RitualMode> modeFromName(std::string_view name) {
    return fromName<RitualMode>(modeNames, name);
}
std::string_view whoName(Who who) {
    return whoNames[static_cast<std::size_t>(who)];
}
std::optional<Who> whoFromName(std::string_view name) {
    return fromName<Who>(whoNames, name);
}
std::string_view questionMarkName(QuestionMark mark) {
    return questionMarkNames[static_cast<std::size_t>(mark)];
}
std::optional<QuestionMark> questionMarkFromName(std::string_view name) {
    return fromName<QuestionMark>(questionMarkNames, name);
}

std::string_view programmeStepKindName(ProgrammeStepKind kind) {
    return programmeStepKindNames[static_cast<std::size_t>(kind)];
}
std::optional<ProgrammeStepKind> programmeStepKindFromName(std::string_view name) {
    return fromName<ProgrammeStepKind>(programmeStepKindNames, name);
}

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
