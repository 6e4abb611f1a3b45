#pragma once
// Turning a suggested ritual from assets/catalog.json into the couple's own.

#include "core/assets.hpp"
#include "core/model.hpp"

namespace kindling {

// The id is left empty: the caller gives it a fresh UUID.
Ritual ritualFromCatalog(const CatalogRitual& entry);

const CatalogRitual* findCatalogRitual(const std::vector<CatalogRitual>& catalog,
                                       std::string_view id);

} // namespace kindling
