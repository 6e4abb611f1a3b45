#pragma once
// Remembers where named widgets were drawn in the last frame, so headless
// tests can move the mouse onto them and click, as a person would.
// Inactive (a null check per widget) unless a test installs one.

#include <imgui.h>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kindling::ui {

class ItemLocator {
  public:
    void record(std::string_view key, ImVec2 min, ImVec2 max);
    std::optional<ImVec2> centreOf(std::string_view key) const;
    void clear() { rects_.clear(); }

  private:
    struct Rect {
        ImVec2 min, max;
    };
    std::map<std::string, Rect, std::less<>> rects_;
};

void installItemLocator(ItemLocator* locator);
// Records the rectangle of the item just submitted under `key`.
void locateLastItem(std::string_view key);
// Records a rectangle that is not an item (a calendar day drawn by hand).
// `locating()` says whether a test listens, so keys are only built for one.
bool locating();
void locateRect(std::string_view key, ImVec2 min, ImVec2 max);

} // namespace kindling::ui
