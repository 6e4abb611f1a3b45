#include "store/uuid.hpp"

#include "platform/os/random_bytes.hpp"

#include <array>
#include <cstdint>
#include <random>

namespace kindling {

namespace {

std::array<std::uint8_t, 16> randomBytes() {
    std::array<std::uint8_t, 16> bytes{};
    if (os::systemRandomBytes(bytes.data(), bytes.size())) return bytes;
    std::random_device device;
    for (auto& byte : bytes)
        byte = static_cast<std::uint8_t>(device() & 0xFFu);
    return bytes;
}

} // namespace

std::string newUuid() {
    auto bytes = randomBytes();
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0Fu) | 0x40u); // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3Fu) | 0x80u); // RFC 4122 variant
    constexpr char hex[] = "0123456789abcdef";
    std::string text;
    text.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
        text += hex[bytes[i] >> 4];
        text += hex[bytes[i] & 0x0Fu];
    }
    return text;
}

} // namespace kindling
