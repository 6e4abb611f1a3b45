#include "cli/stats_report.hpp"

#include <fmt/format.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace kindling {

namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void key(Writer& w, const char* name) {
    w.Key(name);
}
void string(Writer& w, std::string_view text) {
    w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}
void day(Writer& w, Day d) {
    string(w, formatDay(d));
}

void frequency(Writer& w, const Ritual& ritual) {
    w.StartObject();
    key(w, "times");
    w.Int(ritual.weekdays ? 1 : ritual.frequency.times);
    key(w, "per_days");
    w.Int(ritual.weekdays ? 1 : ritual.frequency.perDays);
    if (ritual.weekdays) {
        key(w, "weekdays");
        w.StartArray();
        static const char* names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
        for (int i = 0; i < 7; ++i)
            if ((*ritual.weekdays)[static_cast<std::size_t>(i)]) w.String(names[i]);
        w.EndArray();
    }
    w.EndObject();
}

void measure(Writer& w, const Ritual& ritual) {
    if (!ritual.measure) {
        w.Null();
        return;
    }
    w.StartObject();
    key(w, "unit");
    string(w, ritual.unit);
    key(w, "target");
    w.Double(ritual.measure->target);
    key(w, "kind");
    w.String(ritual.measure->kind == MeasureKind::AtLeast ? "at_least" : "at_most");
    w.EndObject();
}

// A name for the text table's first column, 32 characters wide: a longer one
// is cut to 31 and "…".
std::string column(const std::string& name) {
    if (utf8Length(name).value_or(0) <= 32) return name;
    std::size_t characters = 0, end = 0;
    for (; end < name.size(); ++end)
        if ((static_cast<unsigned char>(name[end]) & 0xC0) != 0x80 && ++characters > 31) break;
    return name.substr(0, end) + "…";
}

// What `stats --json` and `ritual list --json` both say of a ritual.
void ritualFields(Writer& w, const Ritual& ritual) {
    key(w, "name");
    string(w, ritual.name);
    key(w, "mode");
    string(w, nameOf(ritual.mode));
    key(w, "area");
    string(w, nameOf(ritual.area));
    key(w, "frequency");
    frequency(w, ritual);
    key(w, "measure");
    measure(w, ritual);
    key(w, "archived");
    w.Bool(ritual.archived);
    key(w, "when_it_helps");
    w.Bool(ritual.whenItHelps);
}

void streakObject(Writer& w, const Streak& streak) {
    w.StartObject();
    key(w, "start");
    day(w, streak.start);
    key(w, "end");
    day(w, streak.end);
    key(w, "length");
    w.Int(streak.length);
    w.EndObject();
}

void optionalStreak(Writer& w, const std::optional<Streak>& streak) {
    if (streak)
        streakObject(w, *streak);
    else
        w.Null();
}

// The fields shared by a ritual's couple series and each partner's series.
void seriesFields(Writer& w, const SeriesResult& series, int totalLogs) {
    key(w, "total_logs");
    w.Int(totalLogs);
    key(w, "strength");
    w.Double(series.strength());
    key(w, "strengths");
    w.StartArray();
    if (series.firstDay) {
        Day d = *series.firstDay;
        for (double value : series.strengths) {
            w.StartObject();
            key(w, "date");
            day(w, d);
            key(w, "value");
            w.Double(value);
            w.EndObject();
            d += days{1};
        }
    }
    w.EndArray();
    key(w, "streaks");
    w.StartArray();
    for (const Streak& streak : series.streaks)
        streakObject(w, streak);
    w.EndArray();
    key(w, "best_streak");
    const auto best = bestStreaks(series.streaks, 1);
    optionalStreak(w, best.empty() ? std::nullopt : std::optional<Streak>(best.front()));
    key(w, "current_streak");
    optionalStreak(w, currentStreak(series));
}

int partnerLogCount(const History& history, const Ritual& ritual, Who partner) {
    int count = 0;
    for (const Log& log : history.logs)
        if (log.ritualId == ritual.id && (log.who == partner || log.who == Who::Both)) ++count;
    return count;
}

void connectionRun(Writer& w, const std::optional<ConnectionRun>& run) {
    if (!run) {
        w.Null();
        return;
    }
    w.StartObject();
    key(w, "start");
    day(w, run->start);
    key(w, "end");
    day(w, run->end);
    key(w, "length");
    w.Int(run->length);
    w.EndObject();
}

} // namespace

std::string statsJson(const Session& session) {
    const History& history = session.history();
    const DerivedState& derived = session.derived();
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.SetIndent(' ', 2);
    w.StartObject();
    key(w, "as_of");
    day(w, derived.asOf);

    key(w, "couple");
    w.StartObject();
    key(w, "partners");
    w.StartArray();
    for (const Partner& partner : history.couple.partners)
        string(w, partner.name);
    w.EndArray();
    key(w, "connection_streak");
    w.StartObject();
    key(w, "current");
    w.Int(derived.connection.current ? derived.connection.current->length : 0);
    key(w, "best");
    w.Int(derived.connection.best ? derived.connection.best->length : 0);
    key(w, "current_run");
    connectionRun(w, derived.connection.current);
    key(w, "best_run");
    connectionRun(w, derived.connection.best);
    w.EndObject();
    key(w, "freezes_banked");
    w.Int(derived.connection.freezesBanked);
    key(w, "strength");
    w.Double(derived.coupleStrength);
    const ProgressSnapshot& progress = session.progress();
    key(w, "xp");
    w.Int64(progress.level.xp);
    key(w, "level");
    w.Int(progress.level.number);
    key(w, "level_name");
    string(w, progress.level.name);
    key(w, "xp_into_level");
    w.Int64(progress.level.xpIntoLevel);
    key(w, "xp_for_next_level");
    w.Int64(progress.level.xpForNextLevel);
    w.EndObject();

    key(w, "goals");
    w.StartArray();
    for (const GoalProgress& goal : progress.goals) {
        w.StartObject();
        key(w, "title");
        string(w, goal.title);
        key(w, "target");
        w.Int(goal.target);
        key(w, "progress");
        w.Int(goal.progress);
        key(w, "start");
        day(w, goal.start);
        key(w, "end");
        day(w, goal.end);
        key(w, "completed");
        w.Bool(goal.completed);
        key(w, "completed_on");
        if (goal.completedOn)
            day(w, *goal.completedOn);
        else
            w.Null();
        w.EndObject();
    }
    w.EndArray();

    key(w, "achievements");
    w.StartArray();
    for (const AchievementStatus& achievement : progress.achievements) {
        w.StartObject();
        key(w, "id");
        string(w, achievement.definition.id);
        key(w, "name");
        string(w, achievement.definition.name);
        key(w, "unlocked");
        if (achievement.unlockedOn)
            day(w, *achievement.unlockedOn);
        else
            w.Null();
        key(w, "progress");
        w.Int(achievement.progress);
        key(w, "target");
        w.Int(achievement.target);
        w.EndObject();
    }
    w.EndArray();

    key(w, "rituals");
    w.StartArray();
    for (const Ritual& ritual : history.rituals) {
        const auto found = derived.rituals.find(ritual.id);
        if (found == derived.rituals.end()) continue;
        const RitualStats& stats = found->second;
        w.StartObject();
        ritualFields(w, ritual);
        key(w, "never_due");
        w.Bool(isNeverDue(ritual));
        seriesFields(w, stats.couple, stats.totalLogs);
        if (stats.partners) {
            key(w, "partners");
            w.StartObject();
            for (std::size_t i = 0; i < 2; ++i) {
                key(w, history.couple.partners[i].name.c_str());
                w.StartObject();
                seriesFields(
                    w, (*stats.partners)[i],
                    partnerLogCount(history, ritual, i == 0 ? Who::Partner1 : Who::Partner2));
                w.EndObject();
            }
            w.EndObject();
        }
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string statsText(const Session& session) {
    const History& history = session.history();
    const DerivedState& derived = session.derived();
    std::string out =
        fmt::format("Kindling for {} and {}, as of {}\n\n", history.couple.partners[0].name,
                    history.couple.partners[1].name, formatLongDay(derived.asOf));
    const int current = derived.connection.current ? derived.connection.current->length : 0;
    const int best = derived.connection.best ? derived.connection.best->length : 0;
    out += fmt::format("Connection streak: {} day{} (best {})", current, current == 1 ? "" : "s",
                       best);
    if (derived.connection.freezesBanked > 0)
        out += fmt::format(", {} freeze{} banked", derived.connection.freezesBanked,
                           derived.connection.freezesBanked == 1 ? "" : "s");
    out += fmt::format("\nHow settled your rituals are: {:.0f}%\n", derived.coupleStrength * 100);
    const ProgressSnapshot& progress = session.progress();
    out += fmt::format("Level {} ({}), {} XP", progress.level.number, progress.level.name,
                       progress.level.xp);
    if (!progress.level.topLevel)
        out += fmt::format(", {} to the next level",
                           progress.level.xpForNextLevel - progress.level.xpIntoLevel);
    int unlocked = 0;
    for (const AchievementStatus& achievement : progress.achievements)
        unlocked += achievement.unlocked;
    out += fmt::format("\nBadges: {} of {}\n\n", unlocked, progress.achievements.size());
    if (history.rituals.empty()) {
        out += "No rituals yet. Add one with: kindling ritual add NAME\n";
        return out;
    }
    for (const Ritual& ritual : history.rituals) {
        const auto found = derived.rituals.find(ritual.id);
        if (found == derived.rituals.end()) continue;
        const SeriesResult& series = found->second.couple;
        const auto streak = currentStreak(series);
        if (isNeverDue(ritual)) {
            // docs/scoring.md §3.7: logged when it happens, no streak to show.
            out += fmt::format("  {:<32} {:<17}  logs {:>5}{}\n", column(ritual.name),
                               ritual.whenItHelps ? "when it helps" : "as it happens",
                               found->second.totalLogs, ritual.archived ? "  (archived)" : "");
            continue;
        }
        out += fmt::format("  {:<32} {:>4.0f}%  streak {:>3}  logs {:>5}{}\n", column(ritual.name),
                           series.strength() * 100, streak ? streak->length : 0,
                           found->second.totalLogs, ritual.archived ? "  (archived)" : "");
    }
    return out;
}

std::string ritualListJson(const Session& session) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.SetIndent(' ', 2);
    w.StartArray();
    for (const Ritual& ritual : session.history().rituals) {
        w.StartObject();
        ritualFields(w, ritual);
        w.EndObject();
    }
    w.EndArray();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string ritualListText(const Session& session) {
    std::string out;
    for (const Ritual& ritual : session.history().rituals) {
        std::string schedule =
            ritual.weekdays ? "on chosen weekdays"
            : ritual.frequency.times == ritual.frequency.perDays
                ? "daily"
                : fmt::format("{} per {} days", ritual.frequency.times, ritual.frequency.perDays);
        if (ritual.whenItHelps)
            schedule = "when it helps";
        else if (ritual.area == Area::Touch)
            schedule = "whenever it feels right";
        out += fmt::format("{}  ({}, {}{})\n", ritual.name, schedule, nameOf(ritual.mode),
                           ritual.measure ? ", measured in " + ritual.unit : "");
    }
    if (out.empty()) out = "No rituals yet. Add one with: kindling ritual add NAME\n";
    return out;
}

} // namespace kindling
