#include "app/session.hpp"

#include "app/clock.hpp"
#include "app/content.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <set>

namespace kindling {

namespace {

std::string trimmed(std::string_view text) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

std::int64_t now() {
    return static_cast<std::int64_t>(std::time(nullptr));
}

void checkText(const std::string& argument, std::string_view text, std::size_t maxLength) {
    const auto length = utf8Length(text);
    if (!length) throw InputError(argument, argument + ": the text is not valid UTF-8");
    if (*length > maxLength)
        throw InputError(argument, argument + ": at most " + std::to_string(maxLength) +
                                       " characters, this has " + std::to_string(*length));
}

} // namespace

std::string validatedName(const std::string& argument, std::string_view name) {
    std::string clean = trimmed(name);
    if (clean.empty()) throw InputError(argument, argument + ": the name is empty");
    checkText(argument, clean, maxNameLength);
    for (unsigned char c : clean)
        if (c < 0x20 || c == 0x7f)
            throw InputError(argument, argument + ": the name contains a control character");
    return clean;
}

std::string validatedText(const std::string& argument, std::string_view text,
                          std::size_t maxLength) {
    std::string clean = trimmed(text);
    checkText(argument, clean, maxLength);
    return clean;
}

Session::Session(Store store, History history, Day asOf)
    : store_(std::move(store)), history_(std::move(history)), derived_(deriveAll(history_, asOf)),
      progress_(computeProgress(history_, derived_, shippedContent().levels,
                                shippedContent().achievements)),
      shown_(store_.shownCelebrations()) {}

void Session::progressChanged() {
    ProgressSnapshot after =
        computeProgress(history_, derived_, shippedContent().levels, shippedContent().achievements);
    for (Milestone& milestone : newCelebrations(progress_, after, shown_)) {
        const bool queued = std::any_of(pending_.begin(), pending_.end(),
                                        [&](const Milestone& m) { return m.key == milestone.key; });
        if (!queued) pending_.push_back(std::move(milestone));
    }
    // An undo can take a milestone back before it was shown.
    const auto reached = milestonesOf(after);
    std::erase_if(pending_, [&](const Milestone& m) {
        return std::none_of(reached.begin(), reached.end(),
                            [&](const Milestone& r) { return r.key == m.key; });
    });
    progress_ = std::move(after);
}

void Session::celebrated(std::string key) {
    // Off the queue first: when the file cannot take the note (a full disk),
    // the couple still moves on, and only a restart may show it once more.
    shown_.insert(key);
    std::erase_if(pending_, [&](const Milestone& m) { return m.key == key; });
    store_.markCelebrationsShown({key});
}

void Session::markAllReachedAsShown() {
    std::vector<std::string> keys;
    for (const Milestone& milestone : milestonesOf(progress_))
        if (!shown_.count(milestone.key)) keys.push_back(milestone.key);
    store_.markCelebrationsShown(keys);
    shown_.insert(keys.begin(), keys.end());
    pending_.clear();
}

Session Session::open(const DataLocation& location, std::optional<Day> asOf) {
    Store store = Store::open(location);
    History history = store.loadHistory();
    const Day today = localLogicalToday(history.settings.dayStartHour);
    std::vector<std::string> warnings;
    // An empty file has nothing to protect yet.
    if (!history.rituals.empty()) {
        try {
            store.automaticDailyBackup(today);
        } catch (const StoreError& e) {
            warnings.push_back(std::string("today's backup could not be made: ") + e.what());
        }
    }
    Session session(std::move(store), std::move(history), asOf.value_or(today));
    session.warnings_ = std::move(warnings);
    return session;
}

bool Session::isEmpty() const {
    return history_.rituals.empty() && history_.logs.empty() && history_.goals.empty() &&
           history_.pauses.empty();
}

std::string Session::preference(const std::string& key, const std::string& fallback) const {
    return store_.getSetting(key).value_or(fallback);
}

void Session::setPreference(const std::string& key, const std::string& value) {
    store_.setSetting(key, value);
}

void Session::setAsOf(Day day) {
    derived_ = deriveAll(history_, day);
    // A new day is not an achievement: nothing is queued for it.
    progress_ =
        computeProgress(history_, derived_, shippedContent().levels, shippedContent().achievements);
    ++revision_;
}

void Session::rederive() {
    derived_ = deriveAll(history_, derived_.asOf);
    progressChanged();
    ++revision_;
}

void Session::setPartnerNames(const std::optional<std::string>& partner1,
                              const std::optional<std::string>& partner2) {
    Couple couple = history_.couple;
    if (partner1) couple.partners[0].name = validatedName("--partner1", *partner1);
    if (partner2) couple.partners[1].name = validatedName("--partner2", *partner2);
    setCouple(couple);
}

const Ritual& Session::ritualNamed(const std::string& argument, std::string_view name) const {
    if (const Ritual* ritual = history_.findRitualByName(trimmed(name))) return *ritual;
    std::string known;
    for (const Ritual& ritual : history_.rituals)
        known += (known.empty() ? "" : ", ") + ritual.name;
    throw InputError(argument,
                     argument + ": no ritual called \"" + std::string(name) + "\"" +
                         (known.empty() ? " (there are none yet)" : "; the rituals are: " + known));
}

Who Session::partnerNamed(const std::string& argument, std::string_view name) const {
    const std::string clean = trimmed(name);
    if (equalsIgnoringCase(clean, "both")) return Who::Both;
    for (int i = 0; i < 2; ++i)
        if (equalsIgnoringCase(clean, history_.couple.partners[static_cast<std::size_t>(i)].name) ||
            equalsIgnoringCase(clean, i == 0 ? "partner1" : "partner2"))
            return i == 0 ? Who::Partner1 : Who::Partner2;
    throw InputError(argument, argument + ": \"" + clean + "\" is neither " +
                                   history_.couple.partners[0].name + ", " +
                                   history_.couple.partners[1].name + " nor both");
}

std::vector<Log> Session::log(const std::string& ritualName, const std::vector<Day>& dayList,
                              const std::optional<std::string>& by, std::optional<double> amount,
                              const std::string& note) {
    const Ritual& ritual = ritualNamed("NAME", ritualName);
    if (dayList.empty()) throw InputError("--date", "--date: give at least one day");
    Who who = Who::Both;
    if (by)
        who = partnerNamed("--by", *by);
    else if (ritual.mode == RitualMode::Each)
        throw InputError("--by", "--by: \"" + ritual.name +
                                     "\" is done by each of you; say who (a name or both)");
    if (amount && !ritual.measure)
        throw InputError("--amount", "--amount: \"" + ritual.name + "\" has no measure");
    if (amount && !std::isfinite(*amount))
        throw InputError("--amount", "--amount: too large a number to keep");
    if (amount && *amount < 0) throw InputError("--amount", "--amount: must be zero or more");
    if (ritual.measure && !amount)
        throw InputError("--amount", "--amount: \"" + ritual.name + "\" is measured in " +
                                         ritual.unit + "; say how much");
    checkText("--note", note, maxNoteLength);

    std::vector<Log> logs;
    for (Day day : dayList) {
        Log entry;
        entry.id = newUuid();
        entry.ritualId = ritual.id;
        entry.day = day;
        entry.who = who;
        entry.amount = amount;
        entry.note = note;
        entry.loggedAt = now();
        logs.push_back(std::move(entry));
    }
    store_.insertLogs(logs);
    history_.logs.insert(history_.logs.end(), logs.begin(), logs.end());
    logsChanged(logs, {});
    return logs;
}

int Session::unlog(const std::string& ritualName, Day day, const std::optional<std::string>& by) {
    const Ritual& ritual = ritualNamed("NAME", ritualName);
    const std::optional<Who> who =
        by ? std::optional<Who>(partnerNamed("--by", *by)) : std::nullopt;
    std::vector<Log> removed;
    for (const Log& entry : history_.logs)
        if (entry.ritualId == ritual.id && entry.day == day && (!who || entry.who == *who))
            removed.push_back(entry);
    if (removed.empty()) return 0;
    store_.transaction([&] {
        for (const Log& entry : removed)
            store_.deleteLog(entry.id);
    });
    std::set<std::string> ids;
    for (const Log& entry : removed)
        ids.insert(entry.id);
    std::erase_if(history_.logs, [&](const Log& entry) { return ids.count(entry.id) > 0; });
    logsChanged({}, removed);
    return static_cast<int>(removed.size());
}

void Session::skip(const std::string& ritualName, const std::vector<Day>& dayList) {
    const Ritual& ritual = ritualNamed("NAME", ritualName);
    if (dayList.empty()) throw InputError("--date", "--date: give at least one day");
    std::vector<Skip> skips;
    for (Day day : dayList) {
        const bool already =
            std::any_of(history_.skips.begin(), history_.skips.end(),
                        [&](const Skip& s) { return s.ritualId == ritual.id && s.day == day; });
        if (!already) skips.push_back(Skip{newUuid(), ritual.id, day});
    }
    store_.transaction([&] {
        for (const Skip& s : skips)
            store_.insertSkip(s);
    });
    history_.skips.insert(history_.skips.end(), skips.begin(), skips.end());
    changed(ritual.id);
}

void Session::changed(const std::string& ritualId) {
    updateRitual(derived_, history_, ritualId);
    progressChanged();
    ++revision_;
}

void Session::logsChanged(const std::vector<Log>& added, const std::vector<Log>& removed) {
    updateLogs(derived_, history_, added, removed);
    progressChanged();
    ++revision_;
}

void Session::logToday(const std::string& ritualId, Who who, std::optional<double> amount) {
    const Ritual* ritual = history_.findRitual(ritualId);
    if (ritual == nullptr) throw InputError("ritual", "that ritual no longer exists");
    if (ritual->measure && (!amount || !std::isfinite(*amount) || *amount < 0))
        throw InputError("amount", "say how much, zero or more");
    Log entry;
    entry.id = newUuid();
    entry.ritualId = ritualId;
    entry.day = derived_.asOf;
    entry.who = who;
    if (ritual->measure) entry.amount = amount;
    entry.loggedAt = now();
    store_.insertLogs({entry});
    history_.logs.push_back(entry);
    logsChanged({entry}, {});
    undoStack_.push_back({"Undo \"" + ritual->name + "\"", [this, entry] {
                              store_.deleteLog(entry.id);
                              std::erase_if(history_.logs,
                                            [&](const Log& l) { return l.id == entry.id; });
                              logsChanged({}, {entry});
                          }});
}

void Session::skipToday(const std::string& ritualId) {
    skipDay(ritualId, derived_.asOf);
}

bool Session::undo() {
    if (undoStack_.empty()) return false;
    UndoEntry entry = std::move(undoStack_.back());
    undoStack_.pop_back();
    entry.revert();
    return true;
}

const std::string& Session::undoDescription() const {
    static const std::string nothing;
    return undoStack_.empty() ? nothing : undoStack_.back().description;
}

void Session::importGenerated(const History& generated) {
    store_.transaction([&] {
        store_.saveCouple(generated.couple);
        store_.saveSettings(generated.settings);
        for (const Ritual& ritual : generated.rituals)
            store_.insertRitual(ritual);
        store_.insertLogs(generated.logs);
        for (const Skip& s : generated.skips)
            store_.insertSkip(s);
        for (const Pause& p : generated.pauses)
            store_.insertPause(p);
        for (const Goal& g : generated.goals)
            store_.insertGoal(g);
    });
    history_ = store_.loadHistory();
    rederive();
    markAllReachedAsShown();
}

std::string Session::exportJson(const std::string& appVersion) const {
    return kindling::exportJson(history_, ExportInfo{exportTimestampNow(), appVersion},
                                storeExtras(store_));
}

std::string Session::exportCsv() const {
    return kindling::exportCsv(history_);
}

ImportPlan Session::planImport(std::string_view json, const ImportProgress& progress) const {
    return kindling::planImport(json, history_, storeExtras(store_), progress);
}

void Session::applyImport(const ImportPlan& plan, const ImportProgress& progress) {
    kindling::applyImport(store_, plan, progress);
    history_ = store_.loadHistory();
    rederive();
    markAllReachedAsShown();
}

std::filesystem::path Session::backup() {
    return store_.backup();
}

std::filesystem::path Session::restore(const std::filesystem::path& file) {
    const auto previous = store_.restoreFrom(file);
    history_ = store_.loadHistory();
    shown_ = store_.shownCelebrations();
    rederive();
    markAllReachedAsShown();
    return previous;
}

} // namespace kindling
