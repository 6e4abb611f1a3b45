#pragma once
// The content shipped inside the binary (assets/*.json), parsed once.

#include <vector>

#include "core/achievements.hpp"
#include "core/assets.hpp"

namespace kindling {

struct Content {
    std::vector<Question> questions;
    std::vector<CatalogRitual> catalog;
    std::vector<Level> levels;
    std::vector<AchievementDefinition> achievements;
};

// Throws AssetError if an embedded file is broken (the tests make sure none is).
const Content& shippedContent();

} // namespace kindling
