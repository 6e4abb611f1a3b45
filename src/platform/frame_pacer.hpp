#pragma once
// Decides when the window draws. An immediate-mode UI redraws every frame by
// default; Kindling sits open all evening, so it draws only after input (plus
// a few settling frames for popups and hover states), while an animation runs,
// or when a timer says the day may have changed. Otherwise it blocks.

namespace kindling::platform {

class FramePacer {
  public:
    static constexpr int settleFrames = 3;
    // Longest sleep between checks of the clock (day rollover).
    static constexpr double idleTimeoutSeconds = 30.0;

    void noteInput() { framesLeft_ = settleFrames; }
    void noteAnimating(bool animating) { animating_ = animating; }
    // True when the next loop iteration may block waiting for events.
    bool canSleep() const { return framesLeft_ <= 0 && !animating_; }
    void frameDrawn() {
        if (framesLeft_ > 0) --framesLeft_;
    }

  private:
    int framesLeft_ = settleFrames;
    bool animating_ = false;
};

} // namespace kindling::platform
