#pragma once
// A small history builder shared by the progress, goals, achievements and
// celebrations tests, and the shipped assets they count with. Days are
// offsets from Monday 2026-03-02.

#include "core/achievements.hpp"
#include "core/assets.hpp"
#include "core/date.hpp"
#include "core/model.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace kindling::testing {

// A file of assets/, as shipped.
inline std::string assetText(const std::string& name) {
    std::ifstream in(std::string(KINDLING_SOURCE_DIR "/assets/") + name, std::ios::binary);
    REQUIRE(in.is_open());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The message of the AssetError `parse` throws; anything else fails the test.
template <class Parse> std::string assetErrorOf(Parse&& parse) {
    try {
        parse();
    } catch (const AssetError& error) {
        return error.what();
    }
    FAIL("expected an AssetError");
    return {};
}

inline const std::vector<Level>& shippedLevels() {
    static const std::vector<Level> levels = parseLevels(assetText("levels.json"));
    return levels;
}

inline const std::vector<AchievementDefinition>& shippedBadges() {
    static const std::vector<AchievementDefinition> badges =
        parseAchievements(assetText("achievements.json"));
    return badges;
}

inline const Day monday = *parseDay("2026-03-02");
inline Day at(int offset) {
    return monday + days{offset};
}

struct HistoryBuilder {
    History history;
    int nextLog = 0;

    HistoryBuilder& ritual(const std::string& id, RitualMode mode, Area area = Area::Connection,
                           const std::string& catalogId = "") {
        Ritual ritual;
        ritual.id = id;
        ritual.name = "Ritual " + id;
        ritual.mode = mode;
        ritual.area = area;
        ritual.catalogId = catalogId;
        history.rituals.push_back(ritual);
        return *this;
    }
    HistoryBuilder& log(const std::string& ritualId, int day, Who who = Who::Partner1) {
        Log entry;
        entry.id = "log-" + std::to_string(nextLog++);
        entry.ritualId = ritualId;
        entry.day = at(day);
        entry.who = who;
        history.logs.push_back(entry);
        return *this;
    }
    HistoryBuilder& logDays(const std::string& ritualId, int first, int last,
                            Who who = Who::Partner1) {
        for (int day = first; day <= last; ++day)
            log(ritualId, day, who);
        return *this;
    }
    HistoryBuilder& pause(int first, int last) {
        history.pauses.push_back(Pause{"pause-" + std::to_string(first), at(first), at(last), ""});
        return *this;
    }
    HistoryBuilder& goal(const std::string& id, GoalPeriod period, int target, int start,
                         int end = 0, GoalScope scope = GoalScope::Any,
                         const std::string& ritualId = "") {
        Goal goal;
        goal.id = id;
        goal.title = "Goal " + id;
        goal.period = period;
        goal.target = target;
        goal.start = at(start);
        goal.end = at(end);
        goal.scope = scope;
        goal.ritualId = ritualId;
        history.goals.push_back(goal);
        return *this;
    }
};

} // namespace kindling::testing
