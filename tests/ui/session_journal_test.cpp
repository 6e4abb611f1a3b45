// The Journal's and the question deck's Session commands on their own: what
// they refuse (nothing written, nothing to undo) and what undo gives back.
#include "app/content.hpp"
#include "app/session.hpp"
#include "core/question_deck.hpp"
#include "session_steps.hpp"
#include "store/store_test_support.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace kindling;

namespace {

struct Fixture {
    test::TempDir dir;
    Day today = *parseDay("2026-11-22");
    Session session = Session::open(dir.location(), today);
    std::string coffeeLog, walkLog;

    Fixture() {
        steps::setPartnerNames(session, "Zoë", "Sam");
        RitualDraft coffee;
        coffee.name = "Coffee";
        steps::addRitual(session, coffee);
        RitualDraft walk;
        walk.name = "Walk";
        walk.measure = Measure{MeasureKind::AtLeast, 20};
        walk.unit = "minutes";
        steps::addRitual(session, walk);
        coffeeLog =
            steps::log(session, "Coffee", {today - days{1}}, std::nullopt, std::nullopt, "")[0].id;
        walkLog = steps::log(session, "Walk", {today - days{1}}, std::nullopt, 25.0, "")[0].id;
    }
};

std::optional<Log> storedLog(Session& session, const std::string& id) {
    for (const Log& log : session.store().loadHistory().logs)
        if (log.id == id) return log;
    return std::nullopt;
}

} // namespace

TEST_CASE("editLog refuses what a log cannot hold, and writes nothing") {
    Fixture c;
    const std::uint64_t revision = c.session.revision();
    const Day yesterday = c.today - days{1};
    CHECK_THROWS_AS(steps::editLog(c.session, "no-such-log", {yesterday, Who::Both, {}, ""}),
                    RuleViolation);
    CHECK_THROWS_AS(steps::editLog(c.session, c.coffeeLog, {c.today + days{1}, Who::Both, {}, ""}),
                    RuleViolation);
    CHECK_THROWS_AS(steps::editLog(c.session, c.coffeeLog, {yesterday, Who::Both, 3.0, ""}),
                    RuleViolation);
    CHECK_THROWS_AS(steps::editLog(c.session, c.walkLog, {yesterday, Who::Both, {}, ""}),
                    RuleViolation);
    CHECK_THROWS_AS(steps::editLog(c.session, c.walkLog, {yesterday, Who::Both, -1.0, ""}),
                    RuleViolation);
    CHECK_THROWS_AS(steps::editLog(c.session, c.coffeeLog,
                                   {yesterday, Who::Both, {}, std::string(maxNoteLength + 1, 'a')}),
                    RuleViolation);
    CHECK_THROWS_AS(steps::editLog(c.session, c.coffeeLog, {yesterday, Who::Both, {}, "\xFF"}),
                    RuleViolation);
    CHECK_THROWS_AS(steps::deleteLog(c.session, "no-such-log"), RuleViolation);
    CHECK(c.session.revision() == revision);
    CHECK_FALSE(c.session.canUndo());
    CHECK(storedLog(c.session, c.coffeeLog)->note.empty());

    // Saving what is already there changes nothing and leaves nothing to undo.
    steps::editLog(c.session, c.coffeeLog, {yesterday, Who::Both, {}, ""});
    CHECK_FALSE(c.session.canUndo());
}

TEST_CASE("edits and deletes undo in order, back to the first state") {
    Fixture c;
    const Day yesterday = c.today - days{1};
    steps::editLog(c.session, c.walkLog, {yesterday - days{1}, Who::Partner2, 40.0, "hills"});
    steps::deleteLog(c.session, c.coffeeLog);
    CHECK(c.session.undoDescription() == "Undo deleting \"Coffee\"");
    CHECK_FALSE(storedLog(c.session, c.coffeeLog));

    REQUIRE(c.session.undo());
    CHECK(storedLog(c.session, c.coffeeLog));
    CHECK(c.session.undoDescription() == "Undo editing \"Walk\"");
    REQUIRE(c.session.undo());
    const auto walk = storedLog(c.session, c.walkLog);
    REQUIRE(walk);
    CHECK(walk->day == yesterday);
    CHECK(walk->who == Who::Both);
    CHECK(*walk->amount == Approx(25));
    CHECK(walk->note.empty());
    CHECK(c.session.history().logs.size() == 2);
}

TEST_CASE("the question ritual is the active, unmeasured one from the catalog") {
    Fixture c;
    CHECK(steps::questionRitual(c.session) == nullptr);
    // A ritual of our own with the same name is not the catalog's.
    RitualDraft own;
    own.name = "Our questions";
    steps::addRitual(c.session, own);
    CHECK(steps::questionRitual(c.session) == nullptr);
    const Ritual added = steps::addRitualFromCatalog(c.session, std::string(questionRitualId));
    REQUIRE(steps::questionRitual(c.session) != nullptr);
    CHECK(steps::questionRitual(c.session)->id == added.id);
}

TEST_CASE("question marks: answers, next and favourites undo exactly") {
    Fixture c;
    const std::string first = c.session.questionOfTheNight().id;
    CHECK(first == questionForDay(shippedContent().questions, c.today).id);
    CHECK_THROWS_AS(steps::answerQuestion(c.session, "no-such-question"), RuleViolation);
    CHECK_THROWS_AS(steps::setFavourite(c.session, "no-such-question", true), RuleViolation);
    // Taking a favourite back works for a question no longer in the deck.
    steps::setFavourite(c.session, "no-such-question", false);
    CHECK_FALSE(c.session.canUndo());

    steps::nextQuestion(c.session);
    const std::string second = c.session.questionOfTheNight().id;
    CHECK(second == questionForDay(shippedContent().questions, c.today, 1).id);
    steps::nextQuestion(c.session);
    CHECK(c.session.questionOfTheNight().id ==
          questionForDay(shippedContent().questions, c.today, 2).id);

    // The next evening starts at its own question again.
    c.session.setAsOf(c.today + days{1});
    CHECK(c.session.questionOfTheNight().id ==
          questionForDay(shippedContent().questions, c.today + days{1}).id);
    c.session.setAsOf(c.today);

    steps::setFavourite(c.session, second, true);
    steps::setFavourite(c.session, second, true); // already: nothing more to undo
    CHECK(c.session.undoDescription() == "Undo adding to favourites");
    REQUIRE(c.session.undo());
    REQUIRE(c.session.undo());
    REQUIRE(c.session.undo());
    CHECK(c.session.questionOfTheNight().id == first);
    CHECK(steps::questionMarks(c.session).empty());
    CHECK(c.session.store().loadHistory().questionMarks.empty());
}

TEST_CASE("a question talked about through next does not come back on its own night") {
    Fixture c;
    const auto& deck = shippedContent().questions;
    // Tonight, "next" shows the question due furthest ahead in this cycle.
    steps::nextQuestion(c.session);
    const std::string talked = c.session.questionOfTheNight().id;
    steps::answerQuestion(c.session, talked);
    // Find the night that question is due on, later in this cycle.
    const long size = static_cast<long>(questionsForTheNight(deck).size());
    const long nightsLeft = size - 1 - daysBetween(questionDeckEpoch, c.today) % size;
    REQUIRE(nightsLeft > 0);
    std::optional<Day> ownNight;
    for (long ahead = 1; ahead <= nightsLeft && !ownNight; ++ahead)
        if (questionForDay(deck, c.today + days{ahead}).id == talked)
            ownNight = c.today + days{ahead};
    REQUIRE(ownNight);
    c.session.setAsOf(*ownNight);
    CHECK(c.session.questionOfTheNight().id != talked);
    CHECK(c.session.questionOfTheNight().id == questionForDay(deck, *ownNight, 1).id);
}
