#include "app/session.hpp"

#include "app/clock.hpp"
#include "app/content.hpp"
#include "core/question_deck.hpp"
#include "store/uuid.hpp"

#include <algorithm>
#include <map>

namespace kindling {

Session::Session(Store store, History history, Day asOf)
    : store_(std::move(store)), history_(std::move(history)), derived_(deriveAll(history_, asOf)),
      preferences_(store_.preferences()), shown_(store_.shownCelebrations()),
      onboarded_(store_.hasCouple()) {
    progress_ = progressNow();
}

std::vector<XpGain> Session::keptXp() const {
    std::vector<XpGain> kept;
    kept.reserve(history_.keptXp.size());
    for (const KeptXp& row : history_.keptXp)
        kept.push_back({row.day, row.xp});
    return kept;
}

ProgressSnapshot Session::progressNow() const {
    return computeProgress(history_, derived_, shippedContent().levels,
                           shippedContent().achievements, keptXp());
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

void Session::setAsOf(Day day) {
    derived_ = deriveAll(history_, day);
    // A new day is not an achievement: nothing is queued for it.
    progress_ = progressNow();
    ++revision_;
}

ActionContext Session::context() const {
    return ActionContext{derived_.asOf, unixNow(), [] { return newUuid(); }};
}

// ---- The one road ------------------------------------------------------------------

void Session::apply(const ChangeSet& change, const Store::WriteProgress& progress) {
    if (change.empty() && !change.merged) return;
    // What the other computer wrote carries what it kept itself.
    std::optional<ChangeSet> written = write(change, progress, !change.merged);
    if (change.undoable) {
        undoStack_.push_back(written ? std::move(*written) : change);
        redoStack_.clear();
    }
}

bool Session::undo() {
    if (undoStack_.empty()) return false;
    ChangeSet change = std::move(undoStack_.back());
    undoStack_.pop_back();
    // The change is taken back whole: the XP it kept goes with it.
    write(change.inverse(), {}, false);
    redoStack_.push_back(std::move(change));
    return true;
}

bool Session::redo() {
    if (redoStack_.empty()) return false;
    ChangeSet change = std::move(redoStack_.back());
    redoStack_.pop_back();
    write(change, {}, false); // again with what it kept
    undoStack_.push_back(std::move(change));
    return true;
}

std::string Session::undoDescription() const {
    return undoStack_.empty() ? std::string() : "Undo " + undoStack_.back().description;
}

std::string Session::redoDescription() const {
    return redoStack_.empty() ? std::string() : "Redo " + redoStack_.back().description;
}

void Session::checkLocal(const ChangeSet& change) const {
    for (const RowChange<Preference>& row : change.changes<Preference>()) {
        const std::string& key = keyOf(row.before ? *row.before : *row.after);
        const auto found = preferences_.find(key);
        const bool matches = row.before
                                 ? found != preferences_.end() && found->second == row.before->value
                                 : found == preferences_.end();
        if (!matches)
            throw RuleViolation(Field::PreferenceKey,
                                "that preference has changed meanwhile; nothing was changed");
        if (row.after)
            if (auto problem = problemWith(*row.after)) throw RuleViolation(*problem);
    }
    for (const RowChange<ShownCelebration>& row : change.changes<ShownCelebration>()) {
        if (!row.after)
            throw RuleViolation(Field::Celebration, "a celebration once shown stays shown");
        if (auto problem = problemWith(*row.after)) throw RuleViolation(*problem);
    }
}

std::optional<ChangeSet> Session::write(const ChangeSet& change,
                                        const Store::WriteProgress& progress, bool keepXp) {
    checkChange(history_, change);
    checkLocal(change);

    bool historyChanges = false;
    change.rows.forEach([&](const auto& list) {
        using Row = typename std::decay_t<decltype(list)>::value_type;
        constexpr bool local = std::is_same_v<Row, RowChange<Preference>> ||
                               std::is_same_v<Row, RowChange<ShownCelebration>>;
        historyChanges = historyChanges || (!local && !list.empty());
    });

    // The history and its numbers move first, in memory, so that what the
    // change would take away from the XP already earned is known before the
    // transaction: the XP kept is a row of the change, written in the same
    // transaction (docs/scoring.md §6.3). A write that fails puts them back.
    std::optional<ChangeSet> withKept; // copied only then: an import may hold many rows
    std::optional<ProgressSnapshot> after;
    const std::vector<Milestone> pendingBefore = pending_;
    if (historyChanges) {
        applyToHistory(history_, change.rows);
        updateDerived(derived_, history_, change.rows);
        after = progressNow();
        const std::int64_t lost = keepXp ? xpLost(progress_.xp.breakdown, after->xp.breakdown) : 0;
        if (lost > 0) {
            ChangeSet kept;
            kept.add(KeptXp{newUuid(), asOf(), std::min(lost, maxKeptXp)});
            applyToHistory(history_, kept.rows);
            after = progressNow();
            withKept = change;
            withKept->append(kept);
        }
    }
    const ChangeSet& written = withKept ? *withKept : change;
    try {
        store_.apply(written.rows, unixNow(), progress, change.merged.get());
    } catch (...) {
        if (historyChanges) {
            const ChangeSet back = written.inverse();
            applyToHistory(history_, back.rows);
            updateDerived(derived_, history_, back.rows);
        }
        throw;
    }

    const ChangeRows& rows = written.rows;
    for (const RowChange<Preference>& row : rows.of<Preference>()) {
        if (row.after)
            preferences_[row.after->key] = row.after->value;
        else
            preferences_.erase(row.before->key);
    }
    for (const RowChange<ShownCelebration>& row : rows.of<ShownCelebration>())
        shown_.insert(row.after->key);
    if (!rows.of<Couple>().empty()) onboarded_ = true;

    if (historyChanges) updateMilestones(change, pendingBefore, std::move(*after));
    std::erase_if(pending_, [&](const Milestone& m) { return shown_.count(m.key) > 0; });
    ++revision_;
    return withKept;
}

void Session::updateMilestones(const ChangeSet& change, const std::vector<Milestone>& pendingBefore,
                               ProgressSnapshot after) {
    const Milestones policy = change.milestones;
    const std::vector<Log> arrived = change.merged ? change.afters<Log>() : std::vector<Log>{};
    for (Milestone& milestone : newCelebrations(progress_, after, shown_)) {
        const bool queued = std::any_of(pending_.begin(), pending_.end(),
                                        [&](const Milestone& m) { return m.key == milestone.key; });
        if (queued) continue;
        if (const std::string who = arrivedWith(milestone, arrived, history_.couple); !who.empty())
            milestone.detail += " " + who;
        pending_.push_back(std::move(milestone));
    }
    // An undo can take a milestone back before it was shown.
    const std::vector<Milestone>& reached = after.milestones;
    std::erase_if(pending_, [&](const Milestone& m) {
        return std::none_of(reached.begin(), reached.end(),
                            [&](const Milestone& r) { return r.key == m.key; });
    });
    progress_ = std::move(after);

    if (policy == Milestones::Celebrate) return;
    if (policy == Milestones::CreditAllQuietly) {
        markAllReachedAsShown();
        return;
    }
    // An edit credits what it newly makes reached before today without a
    // card: a celebration is for what the couple does now.
    ChangeSet quiet;
    quiet.undoable = false;
    for (const Milestone& milestone : pending_) {
        const bool wasPending =
            std::any_of(pendingBefore.begin(), pendingBefore.end(),
                        [&](const Milestone& m) { return m.key == milestone.key; });
        if (!wasPending && milestone.day < asOf()) quiet.add(ShownCelebration{milestone.key});
    }
    if (!quiet.empty()) write(quiet, {}, false);
}

void Session::markAllReachedAsShown() {
    ChangeSet shown;
    shown.undoable = false;
    for (const Milestone& milestone : progress_.milestones)
        if (!shown_.count(milestone.key)) shown.add(ShownCelebration{milestone.key});
    pending_.clear();
    if (!shown.empty()) write(shown, {}, false);
}

// ---- Celebrations and preferences ----------------------------------------------------

void Session::celebrated(std::string key) {
    // Off the queue first: when the file cannot take the note (a full disk),
    // the couple still moves on, and only a restart may show it once more.
    std::erase_if(pending_, [&](const Milestone& m) { return m.key == key; });
    if (shown_.count(key)) return;
    ChangeSet change;
    change.undoable = false;
    change.add(ShownCelebration{key});
    try {
        apply(change);
    } catch (...) {
        shown_.insert(key);
        ++revision_;
        throw;
    }
}

std::string Session::preference(const std::string& key, const std::string& fallback) const {
    const auto found = preferences_.find(key);
    return found == preferences_.end() ? fallback : found->second;
}

std::optional<std::string> Session::findPreference(const std::string& key) const {
    const auto found = preferences_.find(key);
    return found == preferences_.end() ? std::nullopt : std::optional<std::string>(found->second);
}

void Session::setPreference(const std::string& key, const std::optional<std::string>& value) {
    const auto found = preferences_.find(key);
    apply(kindling::setPreference(
        found == preferences_.end() ? std::nullopt : std::optional<std::string>(found->second), key,
        value));
}

const Question& Session::questionOfTheNight() const {
    if (questionCache_.revision != revision_ || questionCache_.tonight == nullptr) {
        std::map<std::string, Day, std::less<>> answered;
        int nextTonight = 0;
        for (const QuestionMarkEntry& entry : history_.questionMarks) {
            if (entry.mark == QuestionMark::Answered) answered[entry.questionId] = entry.day;
            if (entry.mark == QuestionMark::Skipped && entry.day == derived_.asOf) ++nextTonight;
        }
        // "Talking about us" joins the nights once the couple turned it on.
        questionCache_.tonight = &kindling::questionOfTheNight(
            shippedContent().questions, derived_.asOf, nextTonight, answered,
            history_.settings.talkingAboutUs ? OptInQuestions::Included : OptInQuestions::Excluded);
        questionCache_.revision = revision_;
    }
    return *questionCache_.tonight;
}

// ---- Export, import, backups -----------------------------------------------------------

std::string Session::exportJson(const std::string& appVersion) const {
    return kindling::exportJson(history_, ExportInfo{exportTimestamp(unixNow()), appVersion},
                                StoreExtras{shown_});
}

std::string Session::exportCsv() const {
    return kindling::exportCsv(history_);
}

ImportPlan Session::planImport(std::string_view json, const ImportProgress& progress) const {
    return kindling::planImport(json, history_, StoreExtras{shown_}, progress);
}

std::filesystem::path Session::applyImport(const ImportPlan& plan, const ImportProgress& progress) {
    std::filesystem::path safety = store_.backup();
    const ChangeSet change = importChange(plan, history_);
    std::size_t rows = 0;
    change.rows.forEach([&](const auto& list) { rows += list.size(); });
    // About 200 bytes of JSON a row: reports for the files that report reading.
    const bool report = progress && rows * 200 > progressThresholdBytes;
    apply(change, report ? Store::WriteProgress([&](std::size_t done, std::size_t total) {
              progress("saving", done, total);
          })
                         : Store::WriteProgress{});
    return safety;
}

void Session::importGenerated(const History& generated) {
    apply(addEverything(generated));
}

std::filesystem::path Session::backup() {
    return store_.backup();
}

std::filesystem::path Session::restore(const std::filesystem::path& file) {
    // A restore replaces the whole file, so it is not a change of rows: the
    // session reads everything again, and nothing before it can be undone.
    const auto previous = store_.restoreFrom(file);
    history_ = store_.loadHistory();
    preferences_ = store_.preferences();
    shown_ = store_.shownCelebrations();
    onboarded_ = store_.hasCouple();
    undoStack_.clear();
    redoStack_.clear();
    derived_ = deriveAll(history_, derived_.asOf);
    progress_ = progressNow();
    markAllReachedAsShown();
    ++revision_;
    return previous;
}

} // namespace kindling
