#pragma once
// A tiny, fully specified random generator for everything Kindling shuffles or
// simulates (the question deck, the demo history): the same seed gives the
// same sequence on every platform and standard library, unlike std::mt19937
// with std::uniform_int_distribution.

#include <cstdint>
#include <limits>

namespace kindling {

// SplitMix64 (Steele, Lea and Flood, 2014): fully specified, so the deck's
// order is identical on every platform and standard library.
class SplitMix64 {
  public:
    explicit SplitMix64(std::uint64_t seed) : state(seed) {}

    std::uint64_t next() {
        state += 0x9E3779B97F4A7C15;
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    // Uniform in [0, bound): rejecting the short tail keeps every shuffle
    // equally likely instead of favouring low indices.
    std::uint64_t below(std::uint64_t bound) {
        constexpr std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
        const std::uint64_t limit = max - max % bound;
        std::uint64_t value = next();
        while (value >= limit)
            value = next();
        return value % bound;
    }

    // Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double probability) { return unit() < probability; }

  private:
    std::uint64_t state;
};

} // namespace kindling
