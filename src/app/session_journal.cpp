// The Journal's commands (editing and deleting a log) and the question of the
// night's (answer, next, favourite). Every command here can be undone.
#include "app/content.hpp"
#include "app/session.hpp"
#include "core/question_deck.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>

namespace kindling {

namespace {

std::optional<Day> markedOn(const std::vector<QuestionMarkEntry>& marks,
                            const std::string& questionId, QuestionMark mark) {
    for (const QuestionMarkEntry& entry : marks)
        if (entry.questionId == questionId && entry.mark == mark) return entry.day;
    return std::nullopt;
}

// Puts a mark back as it was before a command: on its old day, or gone.
void restoreMark(Store& store, const std::string& questionId, QuestionMark mark,
                 std::optional<Day> previous) {
    if (previous)
        store.markQuestion(questionId, mark, *previous);
    else
        store.unmarkQuestion(questionId, mark);
}

std::string ritualLabel(const History& history, const std::string& ritualId) {
    const Ritual* ritual = history.findRitual(ritualId);
    return ritual == nullptr ? std::string("a log") : "\"" + ritual->name + "\"";
}

} // namespace

// ---- The journal --------------------------------------------------------------

Log Session::editLog(const std::string& logId, const LogEdit& edit) {
    const auto found = std::find_if(history_.logs.begin(), history_.logs.end(),
                                    [&](const Log& entry) { return entry.id == logId; });
    if (found == history_.logs.end()) throw InputError("log", "that log is no longer here");
    const Log before = *found;
    const Ritual* ritual = history_.findRitual(before.ritualId);
    if (edit.day > derived_.asOf)
        throw InputError("day", "that day is still ahead; choose today or an earlier day");
    const bool measured = ritual != nullptr && ritual->measure;
    if (measured && (!edit.amount || !std::isfinite(*edit.amount) || *edit.amount < 0))
        throw InputError("amount", "say how much, zero or more");
    if (!measured && edit.amount) throw InputError("amount", "this ritual has no amount");
    const auto noteLength = utf8Length(edit.note);
    if (!noteLength) throw InputError("note", "the note is not valid text");
    if (*noteLength > maxNoteLength)
        throw InputError("note", "a note is at most " + std::to_string(maxNoteLength) +
                                     " characters; this one has " + std::to_string(*noteLength));

    Log after = before;
    after.day = edit.day;
    after.who = edit.who;
    after.amount = edit.amount;
    after.note = edit.note;
    if (after.day == before.day && after.who == before.who && after.amount == before.amount &&
        after.note == before.note)
        return before;

    // Leaves history_.logs as logsChanged expects: the old gone, the new appended.
    const auto replace = [this](const Log& out, const Log& in) {
        std::erase_if(history_.logs, [&](const Log& entry) { return entry.id == out.id; });
        history_.logs.push_back(in);
        logsChanged({in}, {out});
    };
    store_.updateLog(after);
    replace(before, after);
    undoStack_.push_back(
        {"Undo editing " + ritualLabel(history_, before.ritualId), [this, before, after, replace] {
             store_.updateLog(before);
             replace(after, before);
         }});
    return after;
}

void Session::deleteLog(const std::string& logId) {
    const auto found = std::find_if(history_.logs.begin(), history_.logs.end(),
                                    [&](const Log& entry) { return entry.id == logId; });
    if (found == history_.logs.end()) throw InputError("log", "that log is no longer here");
    const Log removed = *found;
    store_.deleteLog(removed.id);
    history_.logs.erase(found);
    logsChanged({}, {removed});
    undoStack_.push_back(
        {"Undo deleting " + ritualLabel(history_, removed.ritualId), [this, removed] {
             store_.restoreLog(removed.id);
             history_.logs.push_back(removed);
             logsChanged({removed}, {});
         }});
}

// ---- The question of the night -------------------------------------------------

const Session::QuestionCache& Session::questionCache() const {
    if (questionCache_.revision != revision_) {
        std::vector<QuestionMarkEntry> marks = store_.questionMarks();
        std::map<std::string, Day, std::less<>> answered;
        int nextTonight = 0;
        for (const QuestionMarkEntry& entry : marks) {
            if (entry.mark == QuestionMark::Answered) answered[entry.questionId] = entry.day;
            if (entry.mark == QuestionMark::Skipped && entry.day == derived_.asOf) ++nextTonight;
        }
        questionCache_.tonight = &kindling::questionOfTheNight(
            shippedContent().questions, derived_.asOf, nextTonight, answered);
        questionCache_.marks = std::move(marks);
        questionCache_.revision = revision_;
    }
    return questionCache_;
}

const std::vector<QuestionMarkEntry>& Session::questionMarks() const {
    return questionCache().marks;
}

const Question& Session::questionOfTheNight() const {
    return *questionCache().tonight;
}

const Ritual* Session::questionRitual() const {
    for (const Ritual& ritual : history_.rituals)
        if (ritual.catalogId == questionRitualId && !ritual.archived && !ritual.measure)
            return &ritual;
    return nullptr;
}

void Session::answerQuestion(const std::string& questionId) {
    const Question* question = findQuestion(shippedContent().questions, questionId);
    if (question == nullptr) throw InputError("question", "that question is not in the deck");
    const std::optional<Day> previous =
        markedOn(questionMarks(), questionId, QuestionMark::Answered);
    if (previous == derived_.asOf) return;

    std::optional<Log> entry;
    if (const Ritual* ritual = questionRitual()) {
        entry.emplace();
        entry->id = newUuid();
        entry->ritualId = ritual->id;
        entry->day = derived_.asOf;
        entry->who = Who::Both;
        entry->note = question->text;
        entry->loggedAt = static_cast<std::int64_t>(std::time(nullptr));
    }
    store_.transaction([&] {
        store_.markQuestion(questionId, QuestionMark::Answered, derived_.asOf);
        if (entry) store_.insertLogs({*entry});
    });
    if (entry) {
        history_.logs.push_back(*entry);
        logsChanged({*entry}, {});
    } else {
        ++revision_;
    }
    undoStack_.push_back({"Undo \"We talked about it\"", [this, questionId, previous, entry] {
                              store_.transaction([&] {
                                  restoreMark(store_, questionId, QuestionMark::Answered, previous);
                                  if (entry) store_.deleteLog(entry->id);
                              });
                              if (entry) {
                                  std::erase_if(history_.logs,
                                                [&](const Log& l) { return l.id == entry->id; });
                                  logsChanged({}, {*entry});
                              } else {
                                  ++revision_;
                              }
                          }});
}

void Session::nextQuestion() {
    const std::string questionId = questionOfTheNight().id;
    const std::optional<Day> previous =
        markedOn(questionMarks(), questionId, QuestionMark::Skipped);
    store_.markQuestion(questionId, QuestionMark::Skipped, derived_.asOf);
    ++revision_;
    undoStack_.push_back({"Undo \"Next question\"", [this, questionId, previous] {
                              restoreMark(store_, questionId, QuestionMark::Skipped, previous);
                              ++revision_;
                          }});
}

void Session::setFavourite(const std::string& questionId, bool favourite) {
    if (favourite && findQuestion(shippedContent().questions, questionId) == nullptr)
        throw InputError("question", "that question is not in the deck");
    const std::optional<Day> previous =
        markedOn(questionMarks(), questionId, QuestionMark::Favourite);
    if (previous.has_value() == favourite) return;
    if (favourite)
        store_.markQuestion(questionId, QuestionMark::Favourite, derived_.asOf);
    else
        store_.unmarkQuestion(questionId, QuestionMark::Favourite);
    ++revision_;
    undoStack_.push_back({favourite ? "Undo adding to favourites" : "Undo removing the favourite",
                          [this, questionId, previous] {
                              restoreMark(store_, questionId, QuestionMark::Favourite, previous);
                              ++revision_;
                          }});
}

} // namespace kindling
