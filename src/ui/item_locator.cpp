#include "ui/item_locator.hpp"

namespace kindling::ui {

namespace {
ItemLocator* activeLocator = nullptr;
}

void ItemLocator::record(std::string_view key, ImVec2 min, ImVec2 max) {
    rects_.insert_or_assign(std::string(key), Rect{min, max});
}

std::optional<ImVec2> ItemLocator::centreOf(std::string_view key) const {
    const auto found = rects_.find(key);
    if (found == rects_.end()) return std::nullopt;
    return ImVec2((found->second.min.x + found->second.max.x) * 0.5f,
                  (found->second.min.y + found->second.max.y) * 0.5f);
}

void installItemLocator(ItemLocator* locator) { activeLocator = locator; }

bool locating() { return activeLocator != nullptr; }

void locateRect(std::string_view key, ImVec2 min, ImVec2 max) {
    if (activeLocator != nullptr) activeLocator->record(key, min, max);
}

void locateLastItem(std::string_view key) {
    if (activeLocator != nullptr)
        activeLocator->record(key, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

} // namespace kindling::ui
