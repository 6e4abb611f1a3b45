#pragma once
// How a ritual's choices read in a sentence, the same on every screen that
// describes one: "3 times a week", "on Mon, Wed and Fri", "at least 20 minutes";
// and the question deck's category names.

#include "core/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kindling::ui {

// "Connection", "Appreciation" …
std::string areaLabel(Area area);
// "Mon" … "Sun" for an ISO weekday index (0 = Monday).
const char* weekdayShortName(int isoIndex);
// "daily", "once a week", "3 times a week", "once a month", "2 times in 10
// days"; with weekdays "every day", "on weekdays", "at weekends" or "on Mon,
// Wed and Fri", named from the couple's first day of the week.
std::string scheduleText(Frequency frequency, const std::optional<Weekdays>& weekdays,
                         int weekStart);
// A ritual's rhythm in a few words: "daily", "once a week", "3 times a week",
// "once a month", "2 times in 10 days"; "on its days" when it keeps weekdays.
std::string rhythmText(const Ritual& ritual);
// "together" or "each of you".
std::string modeText(RitualMode mode);
// "at least 20 minutes", "at most 15 minutes".
std::string measureText(const Measure& measure, const std::string& unit);
// A question category as the couple reads it: "Light", "Memories" …,
// "Talking about us" for the opt-in one (core/assets.hpp).
std::string questionCategoryLabel(std::string_view category);

} // namespace kindling::ui
