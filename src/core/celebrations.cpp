#include "core/celebrations.hpp"

#include <algorithm>
#include <array>
#include <tuple>
#include <utility>

namespace kindling {

namespace {

// Smaller moments first, the biggest last (see the header).
int rankOf(Milestone::Kind kind) {
    switch (kind) {
    case Milestone::Kind::WelcomeBack:
        return 0;
    case Milestone::Kind::Achievement:
        return 1;
    case Milestone::Kind::RitualStreakMilestone:
        return 2;
    case Milestone::Kind::GoalCompleted:
        return 3;
    case Milestone::Kind::StreakMilestone:
        return 4;
    case Milestone::Kind::LevelUp:
        return 5;
    }
    return 0;
}

void sortForCelebration(std::vector<Milestone>& milestones) {
    std::stable_sort(milestones.begin(), milestones.end(),
                     [](const Milestone& a, const Milestone& b) {
                         if (a.day != b.day) return a.day < b.day;
                         return rankOf(a.kind) < rankOf(b.kind);
                     });
}

std::string connectionDetail(int length, Day start) {
    std::string words;
    switch (length) {
    case 7:
        words = "A whole week of showing up for each other, one small moment at a time.";
        break;
    case 30:
        words = "A month of small moments, day after day. This is what closeness is made of.";
        break;
    case 100:
        words = "A hundred days of making room for each other. Take a moment to feel proud.";
        break;
    default:
        words = "Day after day, you kept choosing each other in small ways.";
        break;
    }
    return words + " It all began on " + formatLongDay(start) + ".";
}

std::string connectionHeadline(int length) {
    if (length == 365) return "A whole year of connection";
    return std::to_string(length) + " days of connection";
}

// The ritual's own name first, so any name reads naturally: "A hug before
// leaving: 30 days", never "30 days of A hug before leaving".
std::string ritualStreakHeadline(const std::string& ritualName, int length) {
    if (length == 365) return ritualName + ": a whole year";
    return ritualName + ": " + std::to_string(length) + " days";
}

RitualStreakInfo ritualStreakInfo(const Ritual& ritual, const RitualStats& stats) {
    RitualStreakInfo info;
    info.ritualId = ritual.id;
    info.ritualName = ritual.name;
    const std::optional<Streak> current = currentStreak(stats.couple);
    info.currentLength = current ? current->length : 0;
    // computeSeries lists streaks newest first.
    for (auto it = stats.couple.streaks.rbegin(); it != stats.couple.streaks.rend(); ++it) {
        info.bestLength = std::max(info.bestLength, it->length);
        if (it->length >= ritualStreakMilestones[0]) info.longStreaks.push_back(*it);
    }
    return info;
}

} // namespace

ProgressSnapshot computeProgress(const History& history, const DerivedState& derived,
                                 const std::vector<Level>& levels,
                                 const std::vector<AchievementDefinition>& achievements,
                                 const std::vector<XpGain>& keptXp) {
    ProgressSnapshot snapshot;
    snapshot.asOf = derived.asOf;
    snapshot.goals = computeGoalProgress(history, derived.tally);
    snapshot.connectionRuns = derived.connection.runs;
    snapshot.xp = computeXp(derived.tally, snapshot.connectionRuns, snapshot.goals);
    addKeptXp(snapshot.xp, keptXp, derived.asOf);
    snapshot.level = levelFor(snapshot.xp.breakdown.total(), levels);
    snapshot.levelsReached = levelsReached(snapshot.xp, levels);
    snapshot.achievements =
        evaluateAchievements(achievements, history, derived, snapshot.goals, snapshot.xp, levels);
    for (const Ritual& ritual : history.rituals) {
        const auto stats = derived.rituals.find(ritual.id);
        if (stats != derived.rituals.end())
            snapshot.ritualStreaks.push_back(ritualStreakInfo(ritual, stats->second));
    }
    snapshot.welcomeBacks = welcomeBackDays(history, derived.tally);
    snapshot.milestones = milestonesOf(snapshot);
    return snapshot;
}

std::vector<Milestone> milestonesOf(const ProgressSnapshot& snapshot) {
    std::vector<Milestone> milestones;
    const auto add = [&milestones](std::string key, Milestone::Kind kind, std::string headline,
                                   std::string detail, Day day,
                                   std::optional<std::pair<Day, Day>> span = std::nullopt) {
        milestones.push_back(
            Milestone{std::move(key), kind, std::move(headline), std::move(detail), day, span});
    };

    for (const Day day : snapshot.welcomeBacks) {
        add("welcome-back:" + formatDay(day), Milestone::Kind::WelcomeBack, "Welcome back",
            "It's lovely to see you two here again. Start wherever feels right: every small "
            "moment counts.",
            day);
    }
    for (const AchievementStatus& status : snapshot.achievements) {
        if (!status.unlocked || !status.unlockedOn) continue;
        add("achievement:" + status.definition.id, Milestone::Kind::Achievement,
            "New badge: " + status.definition.name, status.definition.description,
            *status.unlockedOn);
    }
    for (const RitualStreakInfo& info : snapshot.ritualStreaks) {
        for (const Streak& streak : info.longStreaks) {
            for (const int length : ritualStreakMilestones) {
                if (streak.length < length) continue;
                add("ritual-streak:" + info.ritualId + ":" + std::to_string(length) + ":" +
                        formatDay(streak.start),
                    Milestone::Kind::RitualStreakMilestone,
                    ritualStreakHeadline(info.ritualName, length),
                    "Kept up since " + formatLongDay(streak.start) +
                        ". Little by little, it has become part of your days together.",
                    streak.start + days{length - 1}, std::pair{streak.start, streak.end});
            }
        }
    }
    for (const GoalProgress& goal : snapshot.goals) {
        if (!goal.completed || !goal.completedOn) continue;
        add("goal:" + goal.goalId + ":" + formatDay(goal.start), Milestone::Kind::GoalCompleted,
            goal.title.empty() ? "Goal reached" : "Goal reached: " + goal.title,
            "You aimed for " + std::to_string(goal.target) + " and got there together.",
            *goal.completedOn);
    }
    for (const ConnectionRun& run : snapshot.connectionRuns) {
        for (const StreakMilestone& milestone : connectionStreakMilestones) {
            if (run.length < milestone.days) continue;
            add("streak:" + std::to_string(milestone.days) + ":" + formatDay(run.start),
                Milestone::Kind::StreakMilestone, connectionHeadline(milestone.days),
                connectionDetail(milestone.days, run.start), run.start + days{milestone.days - 1},
                std::pair{run.start, run.end});
        }
    }
    for (const LevelReached& level : snapshot.levelsReached) {
        add("level:" + std::to_string(level.number), Milestone::Kind::LevelUp,
            "You reached " + level.name,
            "Level " + std::to_string(level.number) + ". " + level.description, level.day);
    }
    sortForCelebration(milestones);
    return milestones;
}

std::vector<Milestone> newCelebrations(const ProgressSnapshot& before,
                                       const ProgressSnapshot& after,
                                       const std::set<std::string>& alreadyShown) {
    std::set<std::string> known = alreadyShown;
    for (const Milestone& milestone : before.milestones)
        known.insert(milestone.key);
    // A streak key is "<kind>:…:<n>:<start>"; the same milestone of the same
    // streak may be known under an earlier or later start inside its span.
    const auto knownInSpan = [&known](const Milestone& milestone) {
        if (!milestone.span) return false;
        const std::string prefix = milestone.key.substr(0, milestone.key.rfind(':') + 1);
        for (auto it = known.lower_bound(prefix); it != known.end() && it->starts_with(prefix);
             ++it) {
            const auto start = parseDay(std::string_view(*it).substr(prefix.size()));
            if (start && milestone.span->first <= *start && *start <= milestone.span->second)
                return true;
        }
        return false;
    };
    std::vector<Milestone> fresh;
    for (const Milestone& milestone : after.milestones)
        if (known.count(milestone.key) == 0 && !knownInSpan(milestone)) fresh.push_back(milestone);
    return fresh; // already in celebration order
}

std::string arrivedWith(const Milestone& milestone, const std::vector<Log>& arrived,
                        const Couple& couple) {
    const auto namesFrom = [&](bool onlyThatDay) {
        std::array<bool, 2> named{};
        bool together = false;
        for (const Log& log : arrived) {
            if (onlyThatDay && log.day != milestone.day) continue;
            if (log.who == Who::Both)
                together = true;
            else
                named[log.who == Who::Partner1 ? 0 : 1] = true;
        }
        return std::pair{named, together};
    };
    auto [named, together] = namesFrom(true);
    if (!together && !named[0] && !named[1]) std::tie(named, together) = namesFrom(false);
    const std::string& first = couple.partners[0].name;
    const std::string& second = couple.partners[1].name;
    if (together) return first + " and " + second + " logged this together on the other computer.";
    if (named[0] && named[1])
        return first + " and " + second + " logged this on the other computer.";
    if (named[0]) return first + " logged this on the other computer.";
    if (named[1]) return second + " logged this on the other computer.";
    return {};
}

} // namespace kindling
