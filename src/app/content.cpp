#include "app/content.hpp"

#include "app/resources.hpp"

namespace kindling {

namespace {

std::string_view resource(std::string_view name) {
    const auto text = embeddedResource(name);
    if (!text) throw AssetError(std::string(name) + " is missing from this build");
    return *text;
}

} // namespace

const Content& shippedContent() {
    static const Content content{parseQuestions(resource("assets/questions.json")),
                                 parseCatalog(resource("assets/catalog.json")),
                                 parseLevels(resource("assets/levels.json")),
                                 parseAchievements(resource("assets/achievements.json"))};
    return content;
}

} // namespace kindling
