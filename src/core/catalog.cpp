#include "core/catalog.hpp"

namespace kindling {

Ritual ritualFromCatalog(const CatalogRitual& entry) {
    Ritual ritual;
    ritual.name = entry.name;
    ritual.icon = entry.icon;
    // parseCatalog validated area, mode and measure kind.
    ritual.area = fromName<Area>(entry.area).value_or(Area::Connection);
    ritual.mode = fromName<RitualMode>(entry.mode).value_or(RitualMode::Together);
    ritual.why = entry.why;
    ritual.frequency = {entry.times, entry.perDays};
    if (entry.measure) {
        ritual.measure =
            Measure{entry.measure->kind == "atMost" ? MeasureKind::AtMost : MeasureKind::AtLeast,
                    entry.measure->target};
        ritual.unit = entry.measure->unit;
    }
    ritual.catalogId = entry.id;
    ritual.whenItHelps = entry.whenItHelps;
    return ritual;
}

const CatalogRitual* findCatalogRitual(const std::vector<CatalogRitual>& catalog,
                                       std::string_view id) {
    for (const CatalogRitual& entry : catalog)
        if (entry.id == id) return &entry;
    return nullptr;
}

} // namespace kindling
