#pragma once
// A realistic, reproducible history for trying Kindling out and for
// benchmarks: two partners with their own habits, rituals of every kind,
// good and busy seasons, skips, pauses and goals, ending on `today`.

#include <cstdint>
#include <vector>

#include "core/assets.hpp"
#include "core/model.hpp"

namespace kindling {

struct DemoOptions {
    int years = 1;          // 0 gives the rituals and goals but no history
    std::uint64_t seed = 1; // same seed, years and today: the same history
    Day today;
};

History generateDemoHistory(const std::vector<CatalogRitual>& catalog, const DemoOptions& options);

} // namespace kindling
