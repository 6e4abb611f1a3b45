// The evening reminder's rules (core/reminder.hpp): every "only when it
// helps" condition, the back-off to once a week and back, and its words.
#include "core/reminder.hpp"

#include <catch2/catch.hpp>
#include <regex>
#include <set>

using namespace kindling;

namespace {

Day day(const char* text) {
    return *parseDay(text);
}

LocalMoment at(const char* date, int hour, int minute) {
    return {day(date), hour, minute};
}

History coupleWithAWalk() {
    History history;
    Ritual walk;
    walk.id = "walk";
    walk.name = "A walk";
    history.rituals.push_back(walk);
    return history;
}

void logOn(History& history, const char* date) {
    Log log;
    log.id = std::string("log-") + date;
    log.ritualId = "walk";
    log.day = day(date);
    history.logs.push_back(log);
}

ReminderSettings on() {
    ReminderSettings settings;
    settings.on = true;
    return settings;
}

// Checks at 20:45 on `date`, and when it is sent keeps it as sent.
ReminderDecision evening(const History& history, ReminderState& state, const char* date) {
    const ReminderDecision decision = decideReminder(history, on(), state, at(date, 20, 45));
    if (decision.send) state = stateAfterSending(decision, state);
    return decision;
}

} // namespace

TEST_CASE("reminder: due after its time when nothing is logged today") {
    const History history = coupleWithAWalk();
    const ReminderDecision decision = decideReminder(history, on(), {}, at("2026-12-02", 20, 30));
    CHECK(decision.send);
    CHECK(decision.reason == ReminderReason::Due);
    CHECK(decision.today == day("2026-12-02"));
    CHECK_FALSE(decision.weekly);
    CHECK_FALSE(decision.line.summary.empty());
    CHECK_FALSE(decision.line.body.empty());
}

TEST_CASE("reminder: never while reminders are off (the default)") {
    const ReminderDecision decision =
        decideReminder(coupleWithAWalk(), ReminderSettings{}, {}, at("2026-12-02", 21, 0));
    CHECK_FALSE(decision.send);
    CHECK(decision.reason == ReminderReason::Off);
}

TEST_CASE("reminder: not before the reminder time") {
    const ReminderDecision decision =
        decideReminder(coupleWithAWalk(), on(), {}, at("2026-12-02", 20, 29));
    CHECK_FALSE(decision.send);
    CHECK(decision.reason == ReminderReason::TooEarly);
    CHECK(explainDecision(decision, on()) ==
          "It will say hello at 20:30 if nothing is marked by then.");
}

TEST_CASE("reminder: not when anyone logged anything today") {
    History history = coupleWithAWalk();
    logOn(history, "2026-12-02");
    const ReminderDecision decision = decideReminder(history, on(), {}, at("2026-12-02", 21, 0));
    CHECK_FALSE(decision.send);
    CHECK(decision.reason == ReminderReason::LoggedToday);
    // A log of yesterday does not count for today.
    History yesterday = coupleWithAWalk();
    logOn(yesterday, "2026-12-01");
    CHECK(decideReminder(yesterday, on(), {}, at("2026-12-02", 21, 0)).send);
}

TEST_CASE("reminder: a skip today also means the couple has been here") {
    History history = coupleWithAWalk();
    history.skips.push_back({"skip", "walk", day("2026-12-02")});
    const ReminderDecision decision = decideReminder(history, on(), {}, at("2026-12-02", 21, 0));
    CHECK(decision.reason == ReminderReason::LoggedToday);
}

TEST_CASE("reminder: not during a pause") {
    History history = coupleWithAWalk();
    history.pauses.push_back({"p", day("2026-12-01"), day("2026-12-03"), "travel"});
    CHECK(decideReminder(history, on(), {}, at("2026-12-02", 21, 0)).reason ==
          ReminderReason::Paused);
    CHECK(decideReminder(history, on(), {}, at("2026-12-03", 21, 0)).reason ==
          ReminderReason::Paused);
    CHECK(decideReminder(history, on(), {}, at("2026-12-04", 21, 0)).send);
}

TEST_CASE("reminder: at most once a day") {
    const History history = coupleWithAWalk();
    ReminderState state;
    CHECK(evening(history, state, "2026-12-02").send);
    CHECK(state.lastSent == day("2026-12-02"));
    const ReminderDecision again = decideReminder(history, on(), state, at("2026-12-02", 22, 0));
    CHECK_FALSE(again.send);
    CHECK(again.reason == ReminderReason::AlreadySent);
    CHECK(decideReminder(history, on(), state, at("2026-12-03", 20, 45)).send);
}

TEST_CASE("reminder: \"Not tonight\" keeps it quiet until the next day") {
    const History history = coupleWithAWalk();
    ReminderState state;
    state.notTonight = day("2026-12-02");
    CHECK(decideReminder(history, on(), state, at("2026-12-02", 21, 0)).reason ==
          ReminderReason::NotTonight);
    CHECK(decideReminder(history, on(), state, at("2026-12-03", 21, 0)).send);
}

TEST_CASE("reminder: not in quiet hours, which last until the day starts") {
    const History history = coupleWithAWalk(); // the day starts at 04:00
    CHECK(decideReminder(history, on(), {}, at("2026-12-02", 22, 59)).send);
    const ReminderDecision late = decideReminder(history, on(), {}, at("2026-12-02", 23, 0));
    CHECK_FALSE(late.send);
    CHECK(late.reason == ReminderReason::QuietHours);
    // 01:30 on the 3rd is still the 2nd's evening, and still quiet.
    const ReminderDecision night = decideReminder(history, on(), {}, at("2026-12-03", 1, 30));
    CHECK(night.today == day("2026-12-02"));
    CHECK(night.reason == ReminderReason::QuietHours);
    // 04:00 begins the 3rd, which is too early for its reminder.
    CHECK(decideReminder(history, on(), {}, at("2026-12-03", 4, 0)).reason ==
          ReminderReason::TooEarly);
}

TEST_CASE("reminder: times are logical, so a reminder after midnight belongs to the evening") {
    const History history = coupleWithAWalk();
    ReminderSettings settings = on();
    settings.at = {0, 30};
    settings.quietFrom = {2, 0};
    const ReminderDecision decision =
        decideReminder(history, settings, {}, at("2026-12-03", 0, 45));
    CHECK(decision.send);
    CHECK(decision.today == day("2026-12-02"));
    // Earlier in the calendar day of the 2nd it is not time yet.
    CHECK(decideReminder(history, settings, {}, at("2026-12-02", 23, 0)).reason ==
          ReminderReason::TooEarly);
    CHECK(logicalMinute({0, 30}, 4) == 20 * 60 + 30);
    CHECK(logicalMinute({4, 0}, 4) == 0);
}

TEST_CASE("reminder: a reminder time inside quiet hours is never sent, and says so") {
    ReminderSettings settings = on();
    settings.at = {23, 30};
    const ReminderDecision decision =
        decideReminder(coupleWithAWalk(), settings, {}, at("2026-12-02", 23, 45));
    CHECK_FALSE(decision.send);
    CHECK(decision.reason == ReminderReason::TimeInQuietHours);
    CHECK_THAT(explainDecision(decision, settings), Catch::Contains("choose an earlier time"));
}

TEST_CASE("reminder: nothing to remind of before there is a ritual") {
    History history;
    CHECK(decideReminder(history, on(), {}, at("2026-12-02", 21, 0)).reason ==
          ReminderReason::NoRituals);
    Ritual archived;
    archived.id = "old";
    archived.archived = true;
    history.rituals.push_back(archived);
    CHECK(decideReminder(history, on(), {}, at("2026-12-02", 21, 0)).reason ==
          ReminderReason::NoRituals);
}

TEST_CASE("reminder: after three quiet hellos in a row it says hello once a week") {
    const History history = coupleWithAWalk();
    ReminderState state;
    CHECK(evening(history, state, "2026-12-01").send);
    CHECK(evening(history, state, "2026-12-02").send);
    CHECK(evening(history, state, "2026-12-03").send);
    const ReminderDecision resting = evening(history, state, "2026-12-04");
    CHECK_FALSE(resting.send);
    CHECK(resting.reason == ReminderReason::Resting);
    CHECK(resting.unansweredInARow == 3);
    CHECK(resting.restingUntil == day("2026-12-10"));
    CHECK_THAT(explainDecision(resting, on()), Catch::Contains("once a week"));
    for (const char* quiet : {"2026-12-05", "2026-12-06", "2026-12-07", "2026-12-08", "2026-12-09"})
        CHECK(evening(history, state, quiet).reason == ReminderReason::Resting);
    const ReminderDecision weekly = evening(history, state, "2026-12-10");
    CHECK(weekly.send);
    CHECK(weekly.weekly);
    // The weekly hello has lines of its own.
    const auto daily = reminderLine(day("2026-12-10"), false);
    CHECK(weekly.line.summary != daily.summary);
    CHECK(evening(history, state, "2026-12-11").reason == ReminderReason::Resting);
    CHECK(evening(history, state, "2026-12-17").send);
}

TEST_CASE("reminder: the first log brings it back to every evening") {
    History history = coupleWithAWalk();
    ReminderState state;
    for (const char* date : {"2026-12-01", "2026-12-02", "2026-12-03"})
        CHECK(evening(history, state, date).send);
    CHECK(evening(history, state, "2026-12-04").reason == ReminderReason::Resting);
    logOn(history, "2026-12-05"); // whoever, whichever ritual
    CHECK(evening(history, state, "2026-12-05").reason == ReminderReason::LoggedToday);
    const ReminderDecision back = evening(history, state, "2026-12-06");
    CHECK(back.send);
    CHECK_FALSE(back.weekly);
    CHECK(back.unansweredInARow == 0);
    CHECK(evening(history, state, "2026-12-07").send);
}

TEST_CASE("reminder: a log on a reminded day (even added the next morning) answers it") {
    History history = coupleWithAWalk();
    ReminderState state;
    CHECK(evening(history, state, "2026-12-01").send);
    CHECK(evening(history, state, "2026-12-02").send);
    logOn(history, "2026-12-02"); // after the hello, for that day
    CHECK(unansweredInARow(history, state, day("2026-12-03")) == 0);
    CHECK(evening(history, state, "2026-12-03").send);
    CHECK(evening(history, state, "2026-12-04").send);
    CHECK(evening(history, state, "2026-12-05").send);
    CHECK(evening(history, state, "2026-12-06").reason == ReminderReason::Resting);
}

TEST_CASE("reminder: days without a hello (a pause, a log) do not count as ignored ones") {
    History history = coupleWithAWalk();
    history.pauses.push_back({"p", day("2026-12-03"), day("2026-12-05"), "travel"});
    ReminderState state;
    CHECK(evening(history, state, "2026-12-01").send);
    CHECK(evening(history, state, "2026-12-02").send);
    CHECK(evening(history, state, "2026-12-04").reason == ReminderReason::Paused);
    // Two quiet hellos so far: the third still comes.
    const ReminderDecision third = evening(history, state, "2026-12-06");
    CHECK(third.send);
    CHECK(third.unansweredInARow == 2);
    CHECK(evening(history, state, "2026-12-07").reason == ReminderReason::Resting);
}

TEST_CASE("reminder: the line is the same all day and varies from day to day") {
    std::set<std::string> seen;
    for (int i = 0; i < 12; ++i) {
        const Day d = day("2026-12-01") + days{i};
        CHECK(reminderLine(d, false).summary == reminderLine(d, false).summary);
        seen.insert(reminderLine(d, false).body);
    }
    CHECK(seen.size() >= 4);
    CHECK(reminderLine(day("2026-12-01"), false).body !=
          reminderLine(day("2026-12-02"), false).body);
}

TEST_CASE("reminder: its words are kind: no streak at risk, no loss, no guilt") {
    const std::regex unkind(
        R"(\b(streak|lose|losing|lost|break|broke|missed|miss|forgot|forget|don't|failed|before it's too late|hurry|last chance|our home|your home|married|husband|wife|kids|children)\b)",
        std::regex::icase);
    const auto lines = allReminderLines();
    REQUIRE(lines.size() >= 6);
    for (const ReminderLine& line : lines) {
        INFO(line.summary << " / " << line.body);
        CHECK_FALSE(std::regex_search(line.summary, unkind));
        CHECK_FALSE(std::regex_search(line.body, unkind));
        CHECK(line.summary.find('!') == std::string::npos);
        CHECK(line.body.find('!') == std::string::npos);
        CHECK(line.summary.size() <= 40); // fits a notification's title
    }
}

TEST_CASE("reminder: times are read and written as HH:MM") {
    CHECK(parseTimeOfDay("20:30") == TimeOfDay{20, 30});
    CHECK(parseTimeOfDay("9:05") == TimeOfDay{9, 5});
    CHECK(parseTimeOfDay("00:00") == TimeOfDay{0, 0});
    for (const char* bad :
         {"24:00", "20:60", "20.30", "20:3", "", ":30", "123:00", "2030", "ab:cd", "20:30 "})
        CHECK_FALSE(parseTimeOfDay(bad).has_value());
    CHECK(formatTimeOfDay({9, 5}) == "09:05");
}

TEST_CASE("reminder: every reason has a name and a sentence") {
    std::set<std::string> names;
    for (int r = 0; r <= static_cast<int>(ReminderReason::Resting); ++r) {
        ReminderDecision decision;
        decision.reason = static_cast<ReminderReason>(r);
        decision.today = day("2026-12-02");
        names.insert(std::string(reasonName(decision.reason)));
        CHECK_FALSE(explainDecision(decision, on()).empty());
    }
    CHECK(names.size() == static_cast<std::size_t>(ReminderReason::Resting) + 1);
}
