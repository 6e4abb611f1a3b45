#include "core/demo.hpp"

#include "core/catalog.hpp"
#include "core/random.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace kindling {

namespace {

// The demo couple's rituals (catalog ids) and how readily each is done on a
// good day. Non-daily rituals are done about as often as they are scheduled.
struct DemoRitual {
    const char* catalogId;
    double baseChance;
};

constexpr std::array demoRituals{
    DemoRitual{"morning-coffee", 0.85},      DemoRitual{"goodbye-hug", 0.9},
    DemoRitual{"evening-check-in", 0.65},    DemoRitual{"walk-together", 0.5},
    DemoRitual{"hold-hands-watching", 0.45}, DemoRitual{"time-for-us", 0.16},
    DemoRitual{"cook-together", 0.17},       DemoRitual{"phones-in-bed", 0.75},
    DemoRitual{"notice-the-effort", 0.45},   DemoRitual{"question-of-the-night", 0.5},
    DemoRitual{"weekly-check-in", 0.14},     DemoRitual{"thank-you", 0.8},
};

constexpr std::array demoNotes{
    "Laughed about the burnt toast again.",
    "The river path was full of geese today.",
    "Thank you for picking me up in the rain.",
    "We finally finished that series.",
    "Talked about the summer trip.",
    "Quiet evening, just what we needed.",
    "You made my favourite soup \xF0\x9F\x8D\xB2", // emoji: odd text is normal text
    "Slow morning, no phones, real coffee.",
};

class IdSource {
  public:
    explicit IdSource(std::uint64_t seed) : random_(seed ^ 0x1D5EED) {}
    // Formatted like a v4 UUID so demo rows look like real ones.
    std::string next() {
        const std::uint64_t high = random_.next(), low = random_.next();
        char text[37];
        std::snprintf(
            text, sizeof text, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(high >> 32),
            static_cast<unsigned>((high >> 16) & 0xffff), static_cast<unsigned>(high & 0x0fff),
            static_cast<unsigned>(0x8000 | ((low >> 48) & 0x3fff)),
            static_cast<unsigned long long>(low & 0xffffffffffffULL));
        return text;
    }

  private:
    SplitMix64 random_;
};

std::int64_t eveningSeconds(Day day, SplitMix64& random) {
    const auto dayNumber = static_cast<std::int64_t>(day.time_since_epoch().count());
    return dayNumber * 86400 + 18 * 3600 + static_cast<std::int64_t>(random.below(5 * 3600));
}

} // namespace

History generateDemoHistory(const std::vector<CatalogRitual>& catalog, const DemoOptions& options) {
    History history;
    history.couple.partners[0].name = "Alex";
    history.couple.partners[1].name = "Sam";
    SplitMix64 random(options.seed);
    IdSource ids(options.seed);

    std::vector<double> chances;
    for (const DemoRitual& demo : demoRituals) {
        const CatalogRitual* entry = findCatalogRitual(catalog, demo.catalogId);
        if (entry == nullptr) continue;
        Ritual ritual = ritualFromCatalog(*entry);
        ritual.id = ids.next();
        ritual.position = static_cast<int>(history.rituals.size());
        history.rituals.push_back(std::move(ritual));
        chances.push_back(demo.baseChance);
    }

    const Day first = options.today - days{365 * std::max(options.years, 0)};
    // Engagement drifts between busy and good seasons; a lull is a week or so
    // of little logging, the kind of break "welcome back" is made for.
    double engagement = 0.8;
    int lullDaysLeft = 0;
    int pauseDaysLeft = 0;
    Day pauseStart{};
    for (Day day = first + days{1}; options.years > 0 && day <= options.today; day += days{1}) {
        engagement = std::clamp(engagement + (random.unit() - 0.5) * 0.06, 0.45, 0.98);
        if (pauseDaysLeft == 0 && lullDaysLeft == 0 && random.chance(1.0 / 240)) {
            pauseDaysLeft = 5 + static_cast<int>(random.below(10));
            pauseStart = day;
            const bool travel = random.chance(0.6);
            history.pauses.push_back(Pause{ids.next(), day, day + days{pauseDaysLeft - 1},
                                           travel ? "Travel" : "Illness"});
        }
        if (pauseDaysLeft == 0 && lullDaysLeft == 0 && random.chance(1.0 / 150))
            lullDaysLeft = 7 + static_cast<int>(random.below(8));
        const bool paused = pauseDaysLeft > 0;
        const double mood = paused ? 0.05 : lullDaysLeft > 0 ? 0.0 : engagement;
        if (pauseDaysLeft > 0) --pauseDaysLeft;
        if (lullDaysLeft > 0) --lullDaysLeft;
        if (day == options.today) continue; // today is still open: the couple logs it

        for (std::size_t r = 0; r < history.rituals.size(); ++r) {
            const Ritual& ritual = history.rituals[r];
            const bool weekly = ritual.frequency.perDays >= 7 && ritual.frequency.times == 1;
            if (!paused && weekly && random.chance(0.01)) {
                history.skips.push_back(Skip{ids.next(), ritual.id, day});
                continue;
            }
            auto makeLog = [&](Who who) {
                Log log;
                log.id = ids.next();
                log.ritualId = ritual.id;
                log.day = day;
                log.who = who;
                log.loggedAt = eveningSeconds(day, random);
                if (ritual.measure) {
                    log.amount = ritual.measure->kind == MeasureKind::AtLeast
                                     ? static_cast<double>(15 + random.below(46))
                                     : static_cast<double>(random.below(26));
                }
                if (random.chance(0.04)) log.note = demoNotes[random.below(demoNotes.size())];
                history.logs.push_back(std::move(log));
            };
            if (options.dense) {
                // Each partner taps their own button, whatever the mode or schedule.
                for (const Who who : {Who::Partner1, Who::Partner2}) {
                    if (!random.chance(paused ? 0.05 : 0.97)) continue;
                    makeLog(who);
                    if (random.chance(0.08)) makeLog(who);
                }
            } else if (ritual.mode == RitualMode::Each) {
                // Sam is the more regular one with thank-yous, Alex with noticing.
                const double p1 = chances[r] * mood * (r % 2 == 0 ? 0.9 : 1.0);
                const double p2 = chances[r] * mood * (r % 2 == 0 ? 1.0 : 0.85);
                const bool one = random.chance(p1), two = random.chance(p2);
                if (one && two && random.chance(0.3))
                    makeLog(Who::Both);
                else {
                    if (one) makeLog(Who::Partner1);
                    if (two) makeLog(Who::Partner2);
                }
            } else if (random.chance(chances[r] * mood)) {
                const double who = random.unit();
                makeLog(who < 0.75 ? Who::Both : who < 0.88 ? Who::Partner1 : Who::Partner2);
            }
        }
    }

    auto findByCatalog = [&](std::string_view catalogId) -> const Ritual* {
        for (const Ritual& ritual : history.rituals)
            if (ritual.catalogId == catalogId) return &ritual;
        return nullptr;
    };
    auto addGoal = [&](std::string title, int target, const Ritual* ritual, GoalPeriod period,
                       Day start, std::string reward) {
        Goal goal;
        goal.id = ids.next();
        goal.title = std::move(title);
        goal.target = target;
        goal.scope = ritual ? GoalScope::Ritual : GoalScope::Any;
        if (ritual) goal.ritualId = ritual->id;
        goal.period = period;
        goal.start = start;
        goal.reward = std::move(reward);
        history.goals.push_back(std::move(goal));
    };
    if (const Ritual* walk = findByCatalog("walk-together"))
        addGoal("Twelve walks a month", 12, walk, GoalPeriod::EveryMonth, first,
                "Breakfast out on the first Sunday");
    if (const Ritual* thanks = findByCatalog("thank-you"))
        addGoal("A thank-you from each of us, every day this week", 14, thanks, GoalPeriod::Week,
                options.today, "");
    addGoal("Any 120 rituals this month", 120, nullptr, GoalPeriod::Month, options.today,
            "Dinner at our favourite place");
    return history;
}

} // namespace kindling
