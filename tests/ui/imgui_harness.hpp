#pragma once
// Drives Dear ImGui without a window or GL: a context, a built font atlas, and
// mouse input through io.MousePos / io.MouseDown, frame by frame.

#include "ui/item_locator.hpp"

#include <functional>
#include <imgui.h>
#include <optional>
#include <stdexcept>
#include <string>

namespace kindling::testing {

class ImGuiHarness {
  public:
    explicit ImGuiHarness(ImVec2 displaySize = ImVec2(1280, 800)) {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = displaySize;
        io.DeltaTime = 1.0f / 60.0f;
        ui::installItemLocator(&locator_);
    }
    ~ImGuiHarness() {
        ui::installItemLocator(nullptr);
        ImGui::DestroyContext(context_);
    }
    ImGuiHarness(const ImGuiHarness&) = delete;
    ImGuiHarness& operator=(const ImGuiHarness&) = delete;

    // Call after fonts were added to io.Fonts.
    void buildFonts() {
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }

    void frame(const std::function<void()>& draw) {
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }

    // Moves the pointer onto the widget recorded under `key`, presses and
    // releases, with the frames a person's click would take.
    void click(const std::string& key, const std::function<void()>& draw) {
        const auto centre = locator_.centreOf(key);
        if (!centre) throw std::runtime_error("no widget '" + key + "' was drawn");
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = *centre;
        frame(draw);
        io.MouseDown[0] = true;
        frame(draw);
        io.MouseDown[0] = false;
        frame(draw);
    }

    bool wasDrawn(const std::string& key) const { return locator_.centreOf(key).has_value(); }
    std::optional<ImVec2> centreOf(const std::string& key) const { return locator_.centreOf(key); }
    void forgetItems() { locator_.clear(); }

  private:
    ImGuiContext* context_ = nullptr;
    ui::ItemLocator locator_;
};

} // namespace kindling::testing
