// The Journal's and the question deck's Session commands on their own: what
// they refuse (nothing written, nothing to undo) and what undo gives back.
#include "app/content.hpp"
#include "app/session.hpp"
#include "core/question_deck.hpp"
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
        session.setPartnerNames("Zoë", "Sam");
        RitualDraft coffee;
        coffee.name = "Coffee";
        session.addRitual(coffee);
        RitualDraft walk;
        walk.name = "Walk";
        walk.measure = Measure{MeasureKind::AtLeast, 20};
        walk.unit = "minutes";
        session.addRitual(walk);
        coffeeLog = session.log("Coffee", {today - days{1}}, std::nullopt, std::nullopt, "")[0].id;
        walkLog = session.log("Walk", {today - days{1}}, std::nullopt, 25.0, "")[0].id;
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
    CHECK_THROWS_AS(c.session.editLog("no-such-log", {yesterday, Who::Both, {}, ""}), InputError);
    CHECK_THROWS_AS(c.session.editLog(c.coffeeLog, {c.today + days{1}, Who::Both, {}, ""}),
                    InputError);
    CHECK_THROWS_AS(c.session.editLog(c.coffeeLog, {yesterday, Who::Both, 3.0, ""}), InputError);
    CHECK_THROWS_AS(c.session.editLog(c.walkLog, {yesterday, Who::Both, {}, ""}), InputError);
    CHECK_THROWS_AS(c.session.editLog(c.walkLog, {yesterday, Who::Both, -1.0, ""}), InputError);
    CHECK_THROWS_AS(
        c.session.editLog(c.coffeeLog,
                          {yesterday, Who::Both, {}, std::string(maxNoteLength + 1, 'a')}),
        InputError);
    CHECK_THROWS_AS(c.session.editLog(c.coffeeLog, {yesterday, Who::Both, {}, "\xFF"}), InputError);
    CHECK_THROWS_AS(c.session.deleteLog("no-such-log"), InputError);
    CHECK(c.session.revision() == revision);
    CHECK_FALSE(c.session.canUndo());
    CHECK(storedLog(c.session, c.coffeeLog)->note.empty());

    // Saving what is already there changes nothing and leaves nothing to undo.
    c.session.editLog(c.coffeeLog, {yesterday, Who::Both, {}, ""});
    CHECK_FALSE(c.session.canUndo());
}

TEST_CASE("edits and deletes undo in order, back to the first state") {
    Fixture c;
    const Day yesterday = c.today - days{1};
    c.session.editLog(c.walkLog, {yesterday - days{1}, Who::Partner2, 40.0, "hills"});
    c.session.deleteLog(c.coffeeLog);
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
    CHECK(c.session.questionRitual() == nullptr);
    // A ritual of our own with the same name is not the catalog's.
    RitualDraft own;
    own.name = "Our questions";
    c.session.addRitual(own);
    CHECK(c.session.questionRitual() == nullptr);
    const Ritual added = c.session.addRitualFromCatalog(std::string(questionRitualId));
    REQUIRE(c.session.questionRitual() != nullptr);
    CHECK(c.session.questionRitual()->id == added.id);
}

TEST_CASE("question marks: answers, next and favourites undo exactly") {
    Fixture c;
    const std::string first = c.session.questionOfTheNight().id;
    CHECK(first == questionForDay(shippedContent().questions, c.today).id);
    CHECK_THROWS_AS(c.session.answerQuestion("no-such-question"), InputError);
    CHECK_THROWS_AS(c.session.setFavourite("no-such-question", true), InputError);
    // Taking a favourite back works for a question no longer in the deck.
    c.session.setFavourite("no-such-question", false);
    CHECK_FALSE(c.session.canUndo());

    c.session.nextQuestion();
    const std::string second = c.session.questionOfTheNight().id;
    CHECK(second == questionForDay(shippedContent().questions, c.today, 1).id);
    c.session.nextQuestion();
    CHECK(c.session.questionOfTheNight().id ==
          questionForDay(shippedContent().questions, c.today, 2).id);

    // The next evening starts at its own question again.
    c.session.setAsOf(c.today + days{1});
    CHECK(c.session.questionOfTheNight().id ==
          questionForDay(shippedContent().questions, c.today + days{1}).id);
    c.session.setAsOf(c.today);

    c.session.setFavourite(second, true);
    c.session.setFavourite(second, true); // already: nothing more to undo
    CHECK(c.session.undoDescription() == "Undo adding to favourites");
    REQUIRE(c.session.undo());
    REQUIRE(c.session.undo());
    REQUIRE(c.session.undo());
    CHECK(c.session.questionOfTheNight().id == first);
    CHECK(c.session.questionMarks().empty());
    CHECK(c.session.store().questionMarks().empty());
}

TEST_CASE("a question talked about through next does not come back on its own night") {
    Fixture c;
    const auto& deck = shippedContent().questions;
    // Tonight, "next" shows the question due furthest ahead in this cycle.
    c.session.nextQuestion();
    const std::string talked = c.session.questionOfTheNight().id;
    c.session.answerQuestion(talked);
    // Find the night that question is due on, later in this cycle.
    const long size = static_cast<long>(deck.size());
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
