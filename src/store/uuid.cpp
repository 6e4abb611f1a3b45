#include "store/uuid.hpp"

#include <array>
#include <cstdint>
#include <fcntl.h>
#include <random>
#include <unistd.h>

namespace kindling {

namespace {

std::array<std::uint8_t, 16> randomBytes() {
    std::array<std::uint8_t, 16> bytes{};
    const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        std::size_t got = 0;
        while (got < bytes.size()) {
            const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        ::close(fd);
        if (got == bytes.size()) return bytes;
    }
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
