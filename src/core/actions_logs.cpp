// Logs, skips and pauses (docs/product.md "Log", "Skip / pause"): what the
// Today screen, the Journal, the Dashboard's calendar and the command line do
// with days.
#include "core/actions.hpp"

#include <algorithm>
#include <cmath>

namespace kindling {

namespace {

std::string quoted(const std::string& name) {
    return "\"" + name + "\"";
}

std::string ritualLabel(const History& history, const std::string& ritualId) {
    const Ritual* ritual = history.findRitual(ritualId);
    return ritual == nullptr ? std::string("a log") : quoted(ritual->name);
}

// An amount exactly when the ritual is measured, zero or more.
std::optional<double> checkedAmount(const Ritual& ritual, std::optional<double> amount) {
    if (amount && !ritual.measure)
        throw RuleViolation(Field::LogAmount, quoted(ritual.name) + " has no measure");
    if (amount && !std::isfinite(*amount))
        throw RuleViolation(Field::LogAmount, "too large a number to keep");
    if (amount && *amount < 0) throw RuleViolation(Field::LogAmount, "must be zero or more");
    if (ritual.measure && !amount)
        throw RuleViolation(Field::LogAmount, quoted(ritual.name) + " is measured in " +
                                                  ritual.unit + "; say how much");
    return amount;
}

// A day off has one id per ritual and day, the same on every computer: two
// computers that skip one day make one skip, not two (docs/sync.md).
std::string skipIdFor(const std::string& ritualId, Day day) {
    const std::string text = ritualId + "/" + formatDay(day);
    const auto fnv = [&](std::uint64_t hash) {
        for (unsigned char c : text) {
            hash ^= c;
            hash *= 0x100000001b3ull;
        }
        return hash;
    };
    const std::uint64_t parts[2] = {fnv(0xcbf29ce484222325ull), fnv(0x84222325cbf29ce4ull)};
    static const char* hex = "0123456789abcdef";
    std::string id;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20) id += '-';
        id += hex[(parts[i / 16] >> (4 * (15 - i % 16))) & 15u];
    }
    return id;
}

bool covers(const Pause& pause, Day day) {
    return pause.first <= day && day <= pause.last;
}

const Log* findLog(const History& history, const std::string& logId) {
    const auto found = std::find_if(history.logs.begin(), history.logs.end(),
                                    [&](const Log& entry) { return entry.id == logId; });
    return found == history.logs.end() ? nullptr : &*found;
}

} // namespace

const Ritual& ritualWithId(const History& history, std::string_view id) {
    if (const Ritual* ritual = history.findRitual(id)) return *ritual;
    throw RuleViolation(Field::Ritual, "that ritual no longer exists");
}

const Ritual& ritualNamed(const History& history, std::string_view name, Field field) {
    if (const Ritual* ritual = history.findRitualByName(trimmed(name))) return *ritual;
    std::string known;
    for (const Ritual& ritual : history.rituals)
        known += (known.empty() ? "" : ", ") + ritual.name;
    throw RuleViolation(
        field, "no ritual called \"" + std::string(name) + "\"" +
                   (known.empty() ? " (there are none yet)" : "; the rituals are: " + known));
}

Who partnerNamed(const History& history, std::string_view name, Field field) {
    const std::string clean = trimmed(name);
    if (equalsIgnoringAsciiCase(clean, "both")) return Who::Both;
    for (std::size_t i = 0; i < 2; ++i)
        if (equalsIgnoringAsciiCase(clean, history.couple.partners[i].name) ||
            equalsIgnoringAsciiCase(clean, i == 0 ? "partner1" : "partner2"))
            return i == 0 ? Who::Partner1 : Who::Partner2;
    throw RuleViolation(field, "\"" + clean + "\" is neither " + history.couple.partners[0].name +
                                   ", " + history.couple.partners[1].name + " nor both");
}

// ---- Logs ----------------------------------------------------------------------

ChangeSet logDays(const History& history, const ActionContext& context, const std::string& ritualId,
                  const std::vector<Day>& dayList, std::optional<Who> who,
                  std::optional<double> amount, const std::string& note) {
    const Ritual& ritual = ritualWithId(history, ritualId);
    if (dayList.empty()) throw RuleViolation(Field::LogDay, "give at least one day");
    for (auto day = dayList.begin(); day != dayList.end(); ++day)
        if (std::find(dayList.begin(), day, *day) != day)
            throw RuleViolation(Field::LogDay, formatDay(*day) + " is given twice");
    if (!who && ritual.mode == RitualMode::Each)
        throw RuleViolation(Field::LogWho, quoted(ritual.name) +
                                               " is done by each of you; say who (a name or both)");
    const std::optional<double> checked = checkedAmount(ritual, amount);
    const std::string cleanNote = checkedText(Field::LogNote, note, maxNoteLength, true);

    ChangeSet change;
    change.description = quoted(ritual.name);
    for (Day day : dayList) {
        Log entry;
        entry.id = context.newId();
        entry.ritualId = ritual.id;
        entry.day = day;
        entry.who = who.value_or(Who::Both);
        entry.amount = checked;
        entry.note = cleanNote;
        entry.loggedAt = context.now;
        change.add(std::move(entry));
    }
    return change;
}

ChangeSet logToday(const History& history, const ActionContext& context,
                   const std::string& ritualId, Who who, std::optional<double> amount) {
    const Ritual& ritual = ritualWithId(history, ritualId);
    if (ritual.measure && (!amount || !std::isfinite(*amount) || *amount < 0))
        throw RuleViolation(Field::LogAmount, "say how much, zero or more");
    return logDays(history, context, ritualId, {context.today}, who,
                   ritual.measure ? amount : std::nullopt, {});
}

ChangeSet unlog(const History& history, const ActionContext& /*context*/,
                const std::string& ritualId, Day day, std::optional<Who> who) {
    const Ritual& ritual = ritualWithId(history, ritualId);
    ChangeSet change;
    change.description = "removing " + quoted(ritual.name);
    for (const Log& entry : history.logs)
        if (entry.ritualId == ritualId && entry.day == day && (!who || entry.who == *who))
            change.remove(entry);
    return change;
}

ChangeSet editLog(const History& history, const ActionContext& context, const std::string& logId,
                  const LogEdit& edit) {
    const Log* found = findLog(history, logId);
    if (found == nullptr) throw RuleViolation(Field::Log, "that log is no longer here");
    const Ritual* ritual = history.findRitual(found->ritualId);
    if (edit.day > context.today)
        throw RuleViolation(Field::LogDay,
                            "that day is still ahead; choose today or an earlier day");
    if (!isKeptDay(edit.day))
        throw RuleViolation(Field::LogDay, formatDay(edit.day) +
                                               " is outside the dates Kindling keeps (" +
                                               std::string(keptDaysText) + ")");
    const bool measured = ritual != nullptr && ritual->measure;
    if (measured && (!edit.amount || !std::isfinite(*edit.amount) || *edit.amount < 0))
        throw RuleViolation(Field::LogAmount, "say how much, zero or more");
    if (!measured && edit.amount)
        throw RuleViolation(Field::LogAmount, "this ritual has no amount");
    Log after = *found;
    after.day = edit.day;
    after.who = edit.who;
    after.amount = edit.amount;
    after.note = checkedText(Field::LogNote, edit.note, maxNoteLength, true);
    ChangeSet change;
    change.description = "editing " + ritualLabel(history, found->ritualId);
    change.replace(*found, std::move(after));
    return change;
}

ChangeSet deleteLog(const History& history, const ActionContext& /*context*/,
                    const std::string& logId) {
    const Log* found = findLog(history, logId);
    if (found == nullptr) throw RuleViolation(Field::Log, "that log is no longer here");
    ChangeSet change;
    change.description = "deleting " + ritualLabel(history, found->ritualId);
    change.remove(*found);
    return change;
}

// ---- Skips ---------------------------------------------------------------------

namespace {

const Skip* findSkip(const History& history, const std::string& ritualId, Day day) {
    const auto found = std::find_if(history.skips.begin(), history.skips.end(), [&](const Skip& s) {
        return s.ritualId == ritualId && s.day == day;
    });
    return found == history.skips.end() ? nullptr : &*found;
}

} // namespace

ChangeSet skipDays(const History& history, const ActionContext& /*context*/,
                   const std::string& ritualId, const std::vector<Day>& dayList) {
    const Ritual& ritual = ritualWithId(history, ritualId);
    if (dayList.empty()) throw RuleViolation(Field::SkipDay, "give at least one day");
    ChangeSet change;
    change.description = "skipping " + quoted(ritual.name);
    std::vector<Day> added;
    for (Day day : dayList) {
        if (findSkip(history, ritualId, day) != nullptr ||
            std::find(added.begin(), added.end(), day) != added.end())
            continue;
        added.push_back(day);
        change.add(Skip{skipIdFor(ritualId, day), ritualId, day});
    }
    return change;
}

ChangeSet skipDay(const History& history, const ActionContext& context, const std::string& ritualId,
                  Day day) {
    const Ritual& ritual = ritualWithId(history, ritualId);
    if (std::any_of(history.logs.begin(), history.logs.end(),
                    [&](const Log& l) { return l.ritualId == ritualId && l.day == day; }))
        throw RuleViolation(Field::SkipDay,
                            quoted(ritual.name) + " was logged that day: it stays logged");
    if (findSkip(history, ritualId, day) != nullptr)
        throw RuleViolation(Field::SkipDay,
                            "that day is already a day off for " + quoted(ritual.name));
    ChangeSet change;
    change.description = "skipping " + quoted(ritual.name) +
                         (day == context.today ? std::string() : " on " + formatLongDay(day));
    change.add(Skip{skipIdFor(ritualId, day), ritualId, day});
    return change;
}

ChangeSet unskipDay(const History& history, const ActionContext& /*context*/,
                    const std::string& ritualId, Day day) {
    const Ritual& ritual = ritualWithId(history, ritualId);
    const Skip* found = findSkip(history, ritualId, day);
    if (found == nullptr)
        throw RuleViolation(Field::SkipDay, "that day is not a day off for " + quoted(ritual.name));
    ChangeSet change;
    change.description = "bringing back " + quoted(ritual.name) + " on " + formatLongDay(day);
    change.remove(*found);
    return change;
}

// ---- Pauses --------------------------------------------------------------------

ChangeSet startPause(const History& /*history*/, const ActionContext& context, Day from, Day to,
                     const std::string& reason) {
    if (to < from) throw RuleViolation(Field::PauseLast, "the pause ends before it starts");
    if (to - from > days{366})
        throw RuleViolation(Field::PauseLast, "a pause is at most a year long");
    if (trimmed(reason).empty())
        throw RuleViolation(Field::PauseReason,
                            "say what the break is for (travel, illness, a new baby …)");
    ChangeSet change;
    change.description = "the break";
    change.add(Pause{context.newId(), from, to, checkedName(Field::PauseReason, reason)});
    return change;
}

const Pause* pauseCovering(const History& history, Day day) {
    const Pause* current = nullptr;
    for (const Pause& pause : history.pauses)
        if (covers(pause, day) && (current == nullptr || pause.last > current->last))
            current = &pause;
    return current;
}

const Pause* pauseAfter(const History& history, Day day) {
    const Pause* next = nullptr;
    for (const Pause& pause : history.pauses)
        if (pause.first > day && (next == nullptr || pause.first < next->first)) next = &pause;
    return next;
}

ChangeSet endPause(const History& history, const ActionContext& context) {
    const Day today = context.today;
    ChangeSet change;
    change.description = "ending the break";
    for (const Pause& pause : history.pauses) {
        if (!covers(pause, today)) continue;
        if (pause.first < today) {
            Pause ended = pause;
            ended.last = today - days{1};
            change.replace(pause, ended);
        } else {
            change.remove(pause);
        }
    }
    if (change.empty()) throw RuleViolation(Field::Pause, "there is no break going on today");
    return change;
}

ChangeSet removePause(const History& history, const ActionContext& /*context*/,
                      const std::string& pauseId) {
    const auto found = std::find_if(history.pauses.begin(), history.pauses.end(),
                                    [&](const Pause& p) { return p.id == pauseId; });
    if (found == history.pauses.end())
        throw RuleViolation(Field::Pause, "that break no longer exists");
    ChangeSet change;
    change.description = "cancelling the break";
    change.remove(*found);
    return change;
}

} // namespace kindling
