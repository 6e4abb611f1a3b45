#include "ui/ritual_text.hpp"

#include "core/assets.hpp"

#include <array>
#include <fmt/format.h>
#include <vector>

namespace kindling::ui {

std::string areaLabel(Area area) {
    std::string name(nameOf(area));
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z')
        name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return name;
}

const char* weekdayShortName(int isoIndex) {
    static constexpr std::array<const char*, 7> names{"Mon", "Tue", "Wed", "Thu",
                                                      "Fri", "Sat", "Sun"};
    return names[static_cast<std::size_t>(isoIndex % 7)];
}

std::string scheduleText(Frequency frequency, const std::optional<Weekdays>& weekdays,
                         int weekStart) {
    if (weekdays) {
        const Weekdays& on = *weekdays;
        const Weekdays workdays{true, true, true, true, true, false, false};
        const Weekdays weekend{false, false, false, false, false, true, true};
        if (on == Weekdays{true, true, true, true, true, true, true}) return "every day";
        if (on == workdays) return "on weekdays";
        if (on == weekend) return "at weekends";
        std::vector<std::string> names;
        for (int i = 0; i < 7; ++i) {
            const int day = (weekStart + i) % 7;
            if (on[static_cast<std::size_t>(day)]) names.emplace_back(weekdayShortName(day));
        }
        std::string text = "on " + names.front();
        for (std::size_t i = 1; i < names.size(); ++i)
            text += (i + 1 == names.size() ? " and " : ", ") + names[i];
        return text;
    }
    const Frequency f = normalizedFrequency(frequency);
    const auto times = [](int n) {
        return n == 1 ? std::string("once") : n == 2 ? "twice" : fmt::format("{} times", n);
    };
    if (f.perDays == 1) return "daily";
    if (f.perDays == 7) return times(f.times) + " a week";
    if (f.perDays == 30 || f.perDays == 31) return times(f.times) + " a month";
    if (f.times == 1) return fmt::format("once every {} days", f.perDays);
    return fmt::format("{} in {} days", times(f.times), f.perDays);
}

std::string rhythmText(const Ritual& ritual) {
    if (ritual.weekdays) return "on its days";
    const Frequency f = normalizedFrequency(ritual.frequency);
    if (f.perDays == 1) return "daily";
    if (f.perDays == 7)
        return f.times == 1 ? "once a week" : fmt::format("{} times a week", f.times);
    if (f.perDays == 30 || f.perDays == 31)
        return f.times == 1 ? "once a month" : fmt::format("{} times a month", f.times);
    return fmt::format("{} times in {} days", f.times, f.perDays);
}

std::string modeText(RitualMode mode) {
    return mode == RitualMode::Together ? "together" : "each of you";
}

std::string measureText(const Measure& measure, const std::string& unit) {
    return fmt::format("{} {:g} {}", measure.kind == MeasureKind::AtLeast ? "at least" : "at most",
                       measure.target, unit);
}

std::string questionCategoryLabel(std::string_view category) {
    if (category == optInQuestionCategory) return "Talking about us";
    std::string name(category);
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z')
        name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return name;
}

} // namespace kindling::ui
