#pragma once
// What a test does to a session, in a line: each step builds the action's
// change set (core/actions.hpp) and hands it to Session::apply, the one road
// the window and the command line take too. Names are resolved the way the
// command line resolves them.

#include "app/content.hpp"
#include "app/session.hpp"
#include "core/question_deck.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kindling::steps {

inline void setPartnerNames(Session& session, const std::optional<std::string>& partner1,
                            const std::optional<std::string>& partner2) {
    session.run(kindling::setPartnerNames, partner1, partner2);
}

inline void setCouple(Session& session, const Couple& couple) {
    session.run(kindling::setCouple, couple);
}

inline void setSettings(Session& session, const Settings& settings) {
    session.run(kindling::setSettings, settings);
}

inline Ritual addRitual(Session& session, const RitualDraft& draft) {
    return addedRitual(session.run(kindling::addRitual, draft));
}

inline Ritual addRitualFromCatalog(Session& session, const std::string& catalogId) {
    return addedRitual(
        session.run(kindling::addRitualFromCatalog, shippedContent().catalog, catalogId));
}

inline const Ritual& ritualNamed(const Session& session, const std::string& /*argument*/,
                                 std::string_view name) {
    return kindling::ritualNamed(session.history(), name);
}

// The command line's changes: it never undoes, so neither are these kept for undo.
template <class... Params, class... Args>
ChangeSet runOnce(Session& session,
                  ChangeSet (*action)(const History&, const ActionContext&, Params...),
                  Args&&... args) {
    ChangeSet change = action(session.history(), session.context(), std::forward<Args>(args)...);
    change.undoable = false;
    session.apply(change);
    return change;
}

inline std::optional<Who> whoNamed(const Session& session, const std::optional<std::string>& by) {
    if (!by) return std::nullopt;
    return partnerNamed(session.history(), *by);
}

inline std::vector<Log> log(Session& session, const std::string& ritualName,
                            const std::vector<Day>& days, const std::optional<std::string>& by,
                            std::optional<double> amount, const std::string& note) {
    const std::string id = kindling::ritualNamed(session.history(), ritualName).id;
    return runOnce(session, logDays, id, days, whoNamed(session, by), amount, note).afters<Log>();
}

inline int unlog(Session& session, const std::string& ritualName, Day day,
                 const std::optional<std::string>& by) {
    const std::string id = kindling::ritualNamed(session.history(), ritualName).id;
    return static_cast<int>(
        runOnce(session, kindling::unlog, id, day, whoNamed(session, by)).changes<Log>().size());
}

inline void skip(Session& session, const std::string& ritualName, const std::vector<Day>& days) {
    runOnce(session, skipDays, kindling::ritualNamed(session.history(), ritualName).id, days);
}

inline Pause pause(Session& session, Day from, Day to, const std::string& reason) {
    return session.run(startPause, from, to, reason).afters<Pause>().front();
}

inline Goal addGoal(Session& session, const GoalDraft& draft) {
    return session.run(kindling::addGoal, draft).afters<Goal>().front();
}

inline void logToday(Session& session, const std::string& ritualId, Who who,
                     std::optional<double> amount = {}) {
    session.run(kindling::logToday, ritualId, who, amount);
}

inline void skipToday(Session& session, const std::string& ritualId) {
    session.run(kindling::skipDay, ritualId, session.asOf());
}

inline void skipDay(Session& session, const std::string& ritualId, Day day) {
    session.run(kindling::skipDay, ritualId, day);
}

inline void unskipDay(Session& session, const std::string& ritualId, Day day) {
    session.run(kindling::unskipDay, ritualId, day);
}

inline void editRitual(Session& session, const std::string& ritualId, const RitualDraft& draft) {
    session.run(kindling::editRitual, ritualId, draft);
}

inline void setRitualArchived(Session& session, const std::string& ritualId, bool archived) {
    session.run(kindling::setRitualArchived, ritualId, archived);
}

inline void reorderRituals(Session& session, const std::vector<std::string>& orderedIds) {
    session.run(kindling::reorderRituals, orderedIds);
}

inline void editGoal(Session& session, const std::string& goalId, const GoalDraft& draft) {
    session.run(kindling::editGoal, goalId, draft);
}

inline void setGoalArchived(Session& session, const std::string& goalId, bool archived) {
    session.run(kindling::setGoalArchived, goalId, archived);
}

inline Log editLog(Session& session, const std::string& logId, const LogEdit& edit) {
    const auto afters = session.run(kindling::editLog, logId, edit).afters<Log>();
    if (!afters.empty()) return afters.front();
    for (const Log& entry : session.history().logs)
        if (entry.id == logId) return entry;
    return {};
}

inline void deleteLog(Session& session, const std::string& logId) {
    session.run(kindling::deleteLog, logId);
}

inline void answerQuestion(Session& session, const std::string& questionId) {
    const Question* question = findQuestion(shippedContent().questions, questionId);
    if (question == nullptr)
        throw RuleViolation(Field::Question, "that question is not in the deck");
    session.run(kindling::answerQuestion, *question);
}

inline void nextQuestion(Session& session) {
    session.run(skipQuestion, session.questionOfTheNight().id);
}

inline void setFavourite(Session& session, const std::string& questionId, bool favourite) {
    session.run(kindling::setFavourite, shippedContent().questions, questionId, favourite);
}

inline const Ritual* questionRitual(const Session& session) {
    return kindling::questionRitual(session.history());
}

inline const std::vector<QuestionMarkEntry>& questionMarks(const Session& session) {
    return session.history().questionMarks;
}

inline const Pause* currentPause(const Session& session) {
    return pauseCovering(session.history(), session.asOf());
}

inline const Pause* upcomingPause(const Session& session) {
    return pauseAfter(session.history(), session.asOf());
}

inline void endPause(Session& session) {
    session.run(kindling::endPause);
}

inline void removePause(Session& session, const std::string& pauseId) {
    session.run(kindling::removePause, pauseId);
}

} // namespace kindling::steps
