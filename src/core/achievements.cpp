#include "core/achievements.hpp"

#include "core/icons.hpp"
#include "core/json_reading.hpp"

#include <algorithm>
#include <map>
#include <span>
#include <utility>

namespace kindling {

namespace {

using namespace json_reading;

constexpr std::size_t maxBadgeNameLength = 40;    // one badge caption
constexpr std::size_t maxDescriptionLength = 160; // one card, no scrolling

void validateAchievements(const std::vector<AchievementDefinition>& definitions) {
    EntryProblems problems{"achievements.json", "achievements"};
    if (definitions.empty()) problems.fail("\"achievements\" is empty");
    for (std::size_t i = 0; i < definitions.size(); ++i) {
        const AchievementDefinition& definition = definitions[i];
        const auto fail = [&](const std::string& problem) {
            problems.fail(i, definition.id, problem);
        };
        problems.checkId(i, definition.id);
        if (isBlank(definition.name)) fail("\"name\" is empty");
        if (codePointCount(definition.name) > maxBadgeNameLength) {
            fail("\"name\" is longer than " + std::to_string(maxBadgeNameLength) + " characters");
        }
        for (const auto& [field, text] : {std::pair{"description", &definition.description},
                                          std::pair{"hint", &definition.hint}}) {
            if (isBlank(*text)) fail(quoted(field) + " is empty");
            if (codePointCount(*text) > maxDescriptionLength) {
                fail(quoted(field) + " is longer than " + std::to_string(maxDescriptionLength) +
                     " characters");
            }
        }
        if (iconCodepoint(definition.icon) == 0) {
            fail("unknown \"icon\" " + quoted(definition.icon) +
                 "; use a Font Awesome 4.7 name listed in core/icons.hpp");
        }
    }
}

// The day on which the running count of the tally's days reached n.
template <class CountOf>
std::optional<Day> dayReaching(const ByDay<DayCount>& tally, int n, CountOf countOf) {
    int running = 0;
    for (const auto& [day, count] : tally) {
        running += countOf(count);
        if (running >= n) return day;
    }
    return std::nullopt;
}

template <class CountOf> int totalOf(const ByDay<DayCount>& tally, CountOf countOf) {
    int total = 0;
    for (const auto& entry : tally)
        total += countOf(entry.second);
    return total;
}

std::optional<Day> nthDay(std::vector<Day> dayList, int n) {
    if (n < 1 || static_cast<std::size_t>(n) > dayList.size()) return std::nullopt;
    const auto nth = dayList.begin() + (n - 1);
    std::nth_element(dayList.begin(), nth, dayList.end());
    return *nth;
}

} // namespace

std::string_view achievementKindName(AchievementKind kind) {
    return achievementKindNames[static_cast<std::size_t>(kind)];
}

std::optional<AchievementKind> achievementKindFromName(std::string_view name) {
    for (std::size_t i = 0; i < achievementKindNames.size(); ++i)
        if (achievementKindNames[i] == name) return static_cast<AchievementKind>(i);
    return std::nullopt;
}

bool achievementKindTakesCount(AchievementKind kind) {
    return kind != AchievementKind::FirstLog && kind != AchievementKind::AllAreas &&
           kind != AchievementKind::WelcomeBack;
}

std::vector<AchievementDefinition> parseAchievements(std::string_view json) {
    std::vector<AchievementDefinition> definitions = readAssetList<AchievementDefinition>(
        "achievements.json", json, "achievements",
        [](AssetReader& reader, AchievementDefinition& definition) {
            reader.readId(definition.id);
            reader.read("name", definition.name);
            reader.read("description", definition.description);
            reader.read("icon", definition.icon);
            reader.read("hint", definition.hint);
            if (!reader.enterOptional("rule")) reader.fail("\"rule\" is missing");
            std::string kindName;
            reader.read("kind", kindName);
            const std::optional<AchievementKind> kind = achievementKindFromName(kindName);
            if (!kind) {
                reader.fail("unknown \"rule.kind\" " + quoted(kindName) + "; expected one of " +
                            listOf(achievementKindNames));
            }
            definition.rule.kind = *kind;
            if (achievementKindTakesCount(*kind)) {
                if (!reader.readOptional("n", definition.rule.n)) {
                    reader.fail("\"rule.n\" is missing; " + quoted(kindName) + " needs a count");
                }
                if (definition.rule.n < 1) reader.fail("\"rule.n\" must be at least 1");
            }
            reader.leave();
        });
    validateAchievements(definitions);
    return definitions;
}

std::vector<AchievementDefinition> parseAchievements(std::istream& in) {
    return parseAchievements(readAll(in));
}

std::vector<Day> welcomeBackDays(const History& history, Day asOf) {
    return welcomeBackDays(history, deriveAll(history, asOf).tally);
}

std::vector<Day> welcomeBackDays(const History& history, const ProgressTally& tally) {
    std::vector<std::pair<Day, Day>> pauses; // merged, ascending
    for (const Pause& pause : history.pauses)
        pauses.emplace_back(pause.first, pause.last);
    std::sort(pauses.begin(), pauses.end());
    std::vector<std::pair<Day, Day>> merged;
    for (const auto& [first, last] : pauses) {
        if (!merged.empty() && first <= merged.back().second + days{1}) {
            merged.back().second = std::max(merged.back().second, last);
        } else {
            merged.emplace_back(first, last);
        }
    }

    std::vector<Day> returns;
    bool seenLog = false;
    Day previous = tally.asOf;
    for (const auto& [day, count] : tally.perDay) {
        if (seenLog && daysBetween(previous, day) - 1 >= welcomeBackBreakDays) {
            const Day gapFirst = previous + days{1};
            const Day gapLast = day - days{1};
            long uncovered = daysBetween(gapFirst, gapLast) + 1;
            for (const auto& [first, last] : merged) {
                const Day overlapFirst = std::max(first, gapFirst);
                const Day overlapLast = std::min(last, gapLast);
                if (overlapFirst <= overlapLast)
                    uncovered -= daysBetween(overlapFirst, overlapLast) + 1;
            }
            if (uncovered >= welcomeBackBreakDays) returns.push_back(day);
        }
        seenLog = true;
        previous = day;
    }
    return returns;
}

std::vector<AchievementStatus>
evaluateAchievements(const std::vector<AchievementDefinition>& definitions, const History& history,
                     const DerivedState& derived, const std::vector<GoalProgress>& goals,
                     const XpLedger& xp, const std::vector<Level>& levels) {
    const Day asOf = derived.asOf;
    const ByDay<DayCount>& logDays = derived.tally.perDay;
    const auto logsOf = [](const DayCount& count) { return count.logs; };
    const auto questionsOf = [](const DayCount& count) { return count.questions; };
    const Day from = logDays.empty() ? asOf : logDays.front().first;

    // Each ritual's logs as of asOf, ascending by day; a log of a ritual no
    // longer in the history counts toward totals only, and a log counts for
    // the first ritual of its id.
    std::vector<std::span<const LoggedDay>> byRitual(history.rituals.size());
    for (std::size_t i = 0; i < history.rituals.size(); ++i) {
        const Ritual& ritual = history.rituals[i];
        const auto logs = derived.logsByRitual.find(ritual.id);
        if (logs == derived.logsByRitual.end() || history.findRitual(ritual.id) != &ritual)
            continue;
        const auto end =
            std::upper_bound(logs->second.begin(), logs->second.end(), asOf,
                             [](Day day, const LoggedDay& log) { return day < log.day; });
        byRitual[i] = {logs->second.begin(), end};
    }
    const auto nthLogOf = [&byRitual](std::size_t ritual, int n) -> std::optional<Day> {
        if (n < 1 || static_cast<std::size_t>(n) > byRitual[ritual].size()) return std::nullopt;
        return byRitual[ritual][static_cast<std::size_t>(n - 1)].day;
    };

    // The first day each area had a log: a ritual's first log, earliest per area.
    std::array<std::optional<Day>, allAreas.size()> areaFirst{};
    for (std::size_t i = 0; i < history.rituals.size(); ++i) {
        const std::optional<Day> first = nthLogOf(i, 1);
        std::optional<Day>& slot = areaFirst[static_cast<std::size_t>(history.rituals[i].area)];
        if (first && (!slot || *first < *slot)) slot = first;
    }

    const std::vector<ConnectionRun>& runs = derived.connection.runs;
    std::vector<Day> goalDays;
    for (const GoalProgress& goal : goals)
        if (goal.completed && goal.completedOn && *goal.completedOn <= asOf)
            goalDays.push_back(*goal.completedOn);
    const std::vector<Day> returns = welcomeBackDays(history, derived.tally);

    std::vector<AchievementStatus> statuses;
    statuses.reserve(definitions.size());
    for (const AchievementDefinition& definition : definitions) {
        AchievementStatus status;
        status.definition = definition;
        const int n = std::max(1, definition.rule.n);
        status.target = achievementKindTakesCount(definition.rule.kind) ? n : 1;
        std::optional<Day> unlockedOn;
        int progress = 0;
        switch (definition.rule.kind) {
        case AchievementKind::FirstLog:
            unlockedOn = dayReaching(logDays, 1, logsOf);
            progress = totalOf(logDays, logsOf);
            break;
        case AchievementKind::ConnectionStreak:
            for (const ConnectionRun& run : runs) {
                progress = std::max(progress, run.length);
                const Day reached = run.start + days{n - 1};
                if (!unlockedOn && run.length >= n && reached <= asOf) unlockedOn = reached;
            }
            break;
        case AchievementKind::RitualLogs:
            for (std::size_t i = 0; i < byRitual.size(); ++i) {
                progress = std::max(progress, static_cast<int>(byRitual[i].size()));
                const std::optional<Day> reached = nthLogOf(i, n);
                if (reached && (!unlockedOn || *reached < *unlockedOn)) unlockedOn = reached;
            }
            break;
        case AchievementKind::TotalLogs:
            unlockedOn = dayReaching(logDays, n, logsOf);
            progress = totalOf(logDays, logsOf);
            break;
        case AchievementKind::AllAreas: {
            status.target = static_cast<int>(allAreas.size());
            bool everyArea = true;
            Day last = from;
            for (const std::optional<Day>& first : areaFirst) {
                if (!first) {
                    everyArea = false;
                    continue;
                }
                ++progress;
                last = std::max(last, *first);
            }
            if (everyArea) unlockedOn = last;
            break;
        }
        case AchievementKind::BothSameDay:
            progress = static_cast<int>(xp.bothLoggedDays.size());
            if (progress >= n) unlockedOn = xp.bothLoggedDays[static_cast<std::size_t>(n - 1)];
            break;
        case AchievementKind::GoalsCompleted:
            progress = static_cast<int>(goalDays.size());
            unlockedOn = nthDay(goalDays, n);
            break;
        case AchievementKind::WelcomeBack:
            progress = returns.empty() ? 0 : 1;
            if (!returns.empty()) unlockedOn = returns.front();
            break;
        case AchievementKind::QuestionsAnswered:
            unlockedOn = dayReaching(logDays, n, questionsOf);
            progress = totalOf(logDays, questionsOf);
            break;
        case AchievementKind::Level:
            progress = levelFor(xp.breakdown.total(), levels).number;
            if (static_cast<std::size_t>(n) <= levels.size())
                unlockedOn = dayXpReached(xp, levels[static_cast<std::size_t>(n - 1)].xpRequired);
            break;
        }
        status.progress = std::min(progress, status.target);
        status.unlocked = unlockedOn.has_value();
        status.unlockedOn = unlockedOn;
        if (status.unlocked) status.progress = status.target;
        statuses.push_back(std::move(status));
    }
    return statuses;
}

} // namespace kindling
