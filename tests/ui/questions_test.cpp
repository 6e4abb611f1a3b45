// The question of the night, clicked through over a real data file: Today and
// the Questions screen agree on it, "Another question" moves both on, "We
// talked about it" marks it and logs the question ritual, and favourites and
// categories can be browsed.
#include "app/content.hpp"
#include "core/question_deck.hpp"
#include "session_fixture.hpp"
#include "session_steps.hpp"
#include "ui/ritual_text.hpp"
#include "ui/widgets.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

using namespace kindling;
using testing::SessionFixture;

namespace {

std::optional<QuestionMarkEntry> storedMark(Session& session, const std::string& questionId,
                                            QuestionMark mark) {
    for (const QuestionMarkEntry& entry : session.store().loadHistory().questionMarks)
        if (entry.questionId == questionId && entry.mark == mark) return entry;
    return std::nullopt;
}

std::vector<Log> storedLogsOf(Session& session, const std::string& ritualId) {
    std::vector<Log> logs;
    for (const Log& log : session.store().loadHistory().logs)
        if (log.ritualId == ritualId) logs.push_back(log);
    return logs;
}

const std::vector<Question>& deck() {
    return shippedContent().questions;
}

// Whether the question was drawn, wrapped over lines or not.
bool showsQuestion(const SessionFixture& ui, const Question& question) {
    std::string flat;
    for (char c : ui.drawn()) {
        const char shown = c == '\n' ? ' ' : c;
        if (shown == ' ' && !flat.empty() && flat.back() == ' ') continue;
        flat += shown;
    }
    return flat.find(question.text) != std::string::npos;
}

void setUpCouple(SessionFixture& ui, bool withQuestionRitual) {
    steps::setPartnerNames(ui.session(), "Zoë", "Sam");
    RitualDraft coffee;
    coffee.name = "Morning coffee";
    steps::addRitual(ui.session(), coffee);
    if (withQuestionRitual)
        steps::addRitualFromCatalog(ui.session(), std::string(questionRitualId));
    ui.state().screen = ui::Screen::Questions;
}

} // namespace

TEST_CASE("questions: Today and the deck show the same question, and next moves both on") {
    SessionFixture ui;
    setUpCouple(ui, false);
    const Question& first = questionForDay(deck(), ui.today());
    const Question& second = questionForDay(deck(), ui.today(), 1);
    ui.run(2);
    CHECK(showsQuestion(ui, first));

    ui.state().screen = ui::Screen::Today;
    ui.run(2);
    CHECK(showsQuestion(ui, first));

    ui.state().screen = ui::Screen::Questions;
    ui.run(2);
    ui.click("questions/next");
    ui.run();
    const auto skipped = storedMark(ui.session(), first.id, QuestionMark::Skipped);
    REQUIRE(skipped);
    CHECK(skipped->day == ui.today());
    CHECK(showsQuestion(ui, second));
    CHECK_FALSE(showsQuestion(ui, first));
    ui.state().screen = ui::Screen::Today;
    ui.run(2);
    CHECK(showsQuestion(ui, second));

    // After a restart the evening's choice holds.
    ui.reopen();
    ui.run(2);
    CHECK(showsQuestion(ui, second));
    ui.state().screen = ui::Screen::Questions;
    ui.run(2);
    CHECK(showsQuestion(ui, second));

    // Undo (a fresh session has none) is tested on the same session.
    ui.click("questions/next");
    ui.run();
    CHECK(showsQuestion(ui, questionForDay(deck(), ui.today(), 2)));
    ui.pressCtrl('Z');
    ui.run();
    CHECK(showsQuestion(ui, second));
    CHECK_FALSE(storedMark(ui.session(), second.id, QuestionMark::Skipped));
}

TEST_CASE("questions: we talked about it marks the question and logs the question ritual") {
    SessionFixture ui;
    setUpCouple(ui, true);
    const Ritual* ritual = steps::questionRitual(ui.session());
    REQUIRE(ritual != nullptr);
    const std::string ritualId = ritual->id;
    const Question& tonight = ui.session().questionOfTheNight();
    const std::string questionId = tonight.id;
    ui.run(2);
    CHECK(ui.shows("Talking about it logs \"Question of the night\" for both of you."));

    ui.click("questions/answer");
    ui.run();
    const auto answered = storedMark(ui.session(), questionId, QuestionMark::Answered);
    REQUIRE(answered);
    CHECK(answered->day == ui.today());
    auto logs = storedLogsOf(ui.session(), ritualId);
    REQUIRE(logs.size() == 1);
    CHECK(logs[0].day == ui.today());
    CHECK(logs[0].who == Who::Both);
    CHECK(logs[0].note == tonight.text);
    CHECK(ui.shows("You talked about this one tonight"));
    CHECK(ui.shows("1 question talked about together"));
    // It counts toward the question badges.
    const auto& badges = ui.session().progress().achievements;
    const auto curious = std::find_if(badges.begin(), badges.end(), [](const AchievementStatus& s) {
        return s.definition.id == "curious-hearts";
    });
    REQUIRE(curious != badges.end());
    CHECK(curious->progress == 1);

    // A second click does not log twice.
    ui.click("questions/answer");
    CHECK(storedLogsOf(ui.session(), ritualId).size() == 1);

    // Today's row shows the ritual done.
    ui.state().screen = ui::Screen::Today;
    ui.run(2);
    CHECK(showsQuestion(ui, tonight));
    CHECK(ui.rowOf("Question of the night").find("Done together today") != std::string::npos);

    ui.state().screen = ui::Screen::Questions;
    ui.run(2);
    ui.click("questions/undo");
    ui.run();
    CHECK_FALSE(storedMark(ui.session(), questionId, QuestionMark::Answered));
    CHECK(storedLogsOf(ui.session(), ritualId).empty());
    {
        SQLite::Database db(ui.session().dataFile(), SQLite::OPEN_READONLY);
        SQLite::Statement row(db,
                              "SELECT count(*) FROM logs WHERE id = ? AND deleted_at IS NOT NULL");
        row.bind(1, logs[0].id);
        REQUIRE(row.executeStep());
        CHECK(row.getColumn(0).getInt() == 1);
    }
    CHECK_FALSE(ui.shows("You talked about this one tonight"));

    ui.click("questions/answer");
    ui.reopen();
    ui.run(2);
    CHECK(storedMark(ui.session(), questionId, QuestionMark::Answered));
    CHECK(ui.session().history().logs.size() == 1);
    CHECK(ui.shows("You talked about this one tonight"));
}

TEST_CASE("questions: without the question ritual, an answer is only remembered") {
    SessionFixture ui;
    setUpCouple(ui, false);
    const std::string questionId = ui.session().questionOfTheNight().id;
    ui.run(2);
    CHECK(ui.shows("Add \"Question of the night\" from the rituals catalog"));
    ui.click("questions/answer");
    ui.run();
    CHECK(storedMark(ui.session(), questionId, QuestionMark::Answered));
    CHECK(ui.session().store().loadHistory().logs.empty());
    CHECK(ui.shows("You talked about this one tonight"));
}

TEST_CASE("questions: favourites are starred, kept and browsed with the categories") {
    SessionFixture ui;
    setUpCouple(ui, false);
    const Question& tonight = ui.session().questionOfTheNight();
    const std::string tonightId = tonight.id;
    ui.run(2);
    CHECK(ui.shows("Give a question you love a star"));

    ui.click("questions/favourite");
    ui.run();
    CHECK(storedMark(ui.session(), tonightId, QuestionMark::Favourite));
    CHECK(ui.shows("[ " + std::string(ui::icons::star) + "  A favourite ]"));
    // The favourites list (shown first) holds it; the question also shows above.
    CHECK(ui.wasDrawn("questions/star/" + tonightId));

    // A light question from the browser.
    ui.click("questions/browse/light");
    ui.run();
    const Question* light = questionsInCategory(deck(), "light").front();
    CHECK(showsQuestion(ui, *light));
    ui.click("questions/star/" + light->id);
    CHECK(storedMark(ui.session(), light->id, QuestionMark::Favourite));

    ui.reopen();
    ui.state().screens.questions.browsing = "favourites";
    ui.runFresh();
    ui.run();
    CHECK(ui.wasDrawn("questions/star/" + light->id));
    CHECK(ui.wasDrawn("questions/star/" + tonightId));
    CHECK(showsQuestion(ui, *light));

    // Unstarred, it leaves the favourites.
    ui.click("questions/star/" + light->id);
    ui.runFresh();
    CHECK_FALSE(storedMark(ui.session(), light->id, QuestionMark::Favourite));
    CHECK_FALSE(ui.wasDrawn("questions/star/" + light->id));
}

TEST_CASE("questions: talking about us can be browsed, and says what it is") {
    SessionFixture ui;
    setUpCouple(ui, false);
    ui.run(2);
    // Off unless the couple turns it on: tonight's question is an everyday one.
    CHECK_FALSE(isOptInQuestion(ui.session().questionOfTheNight()));
    CHECK_FALSE(ui.shows("Each one is an offer"));

    ui.click("questions/browse/" + std::string(optInQuestionCategory));
    ui.run();
    CHECK(ui.shows("Questions about closeness itself"));
    CHECK(ui.shows("Each one is an offer: take it, change it, or leave it for another time."));
    const std::vector<const Question*> aboutUs = questionsInCategory(deck(), optInQuestionCategory);
    REQUIRE_FALSE(aboutUs.empty());
    CHECK(showsQuestion(ui, *aboutUs.front()));
    CHECK(showsQuestion(ui, *aboutUs.back()));
}

TEST_CASE("questions: categories read as words, on Today too") {
    CHECK(ui::questionCategoryLabel("light") == "Light");
    CHECK(ui::questionCategoryLabel("closeness") == "Closeness");
    CHECK(ui::questionCategoryLabel(optInQuestionCategory) == "Talking about us");

    SessionFixture ui;
    setUpCouple(ui, false);
    ui.state().screen = ui::Screen::Today;
    ui.run(2);
    const Question& tonight = ui.session().questionOfTheNight();
    CHECK(ui.shows("Question of the night  \xC2\xB7  " +
                   ui::questionCategoryLabel(tonight.category)));
}
