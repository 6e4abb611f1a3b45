#include "platform/os/random_bytes.hpp"

#include <fcntl.h>
#include <unistd.h>

namespace kindling::os {

bool systemRandomBytes(std::uint8_t* bytes, std::size_t size) {
    const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::read(fd, bytes + got, size - got);
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return got == size;
}

} // namespace kindling::os
