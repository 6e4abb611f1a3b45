#include "platform/effects.hpp"

namespace kindling::platform {

Effects::Effects()
    : background_("shaders/background.frag"), celebration_("shaders/celebration.frag") {}

std::vector<std::string> Effects::errors() const {
    std::vector<std::string> errors;
    for (const FullscreenEffect* effect : {&background_, &celebration_})
        if (!effect->error().empty()) errors.push_back(effect->error());
    return errors;
}

void Effects::drawBackground(const ui::Palette& palette, int width, int height, float seconds,
                             bool glow) {
    const ImVec4& base = palette.background;
    glViewport(0, 0, width, height);
    glClearColor(base.x, base.y, base.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!glow || !background_.begin(width, height)) return;
    background_.set("time", seconds);
    background_.set("baseColor", base.x, base.y, base.z);
    background_.set("glowColor", palette.glow.x, palette.glow.y, palette.glow.z);
    background_.set("glowStrength", 0.55f);
    background_.end(false);
}

void Effects::drawCelebration(const ui::Sparks& sparks, int width, int height) {
    if (!celebration_.begin(width, height)) return;
    celebration_.set("time", sparks.seconds);
    celebration_.set("duration", sparks.duration);
    const char* names[] = {"colourA", "colourB", "colourC"};
    for (size_t i = 0; i < sparks.colours.size(); ++i)
        celebration_.set(names[i], sparks.colours[i].x, sparks.colours[i].y, sparks.colours[i].z);
    celebration_.end(true);
}

} // namespace kindling::platform
