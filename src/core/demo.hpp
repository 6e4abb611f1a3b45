#pragma once
// A realistic, reproducible history for trying Kindling out and for
// benchmarks: two partners with their own habits, rituals of every kind,
// good and busy seasons, skips, pauses and goals, ending on `today`.
//
// Two paces (our decision): realistic by default, about five logs a day (ten
// years: about 18,000 logs), what a couple really gives the screens; and
// dense, the stress case the performance targets are stated for: each partner
// logs every ritual on their own nearly every day, some twice, about 24 logs
// a day (ten years: about 90,000 logs). Both keep the pauses, skips and goals.

#include <cstdint>
#include <vector>

#include "core/assets.hpp"
#include "core/model.hpp"

namespace kindling {

struct DemoOptions {
    int years = 1;          // 0 gives the rituals and goals but no history
    std::uint64_t seed = 1; // same seed, years and today: the same history
    Day today;
    bool dense = false; // the stress pace above instead of the realistic one
};

History generateDemoHistory(const std::vector<CatalogRitual>& catalog, const DemoOptions& options);

} // namespace kindling
