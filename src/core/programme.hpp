#pragma once
// Where the "touch without pressure" programme stands (docs/product.md §3.13),
// read from its steps (model.hpp ProgrammeStep) in their order. The rules the
// programme keeps, not only states:
// - It is off until both partners have said yes, each on their own.
// - Either partner can pause or stop it at any time, without a reason; the
//   step keeps no name. Going on after a pause asks both again; after a stop
//   it begins again at the first stage.
// - The next stage opens only when both have said they are ready, each on
//   their own. Until both have answered, nobody sees what the other said:
//   ProgrammeState tells only that an answer is in, never which.
// - Going back a stage is one step and always possible while it runs.
// - Nothing here is a streak, a due date, a score or XP: the steps are not
//   logs, and nothing in the programme is celebrated beyond a quiet word.

#include "core/model.hpp"

#include <array>
#include <cstdint>
#include <optional>

namespace kindling {

enum class ProgrammeStatus : std::uint8_t {
    Off,    // never begun, or stopped: both say yes to begin
    Active, // running, at `stage`
    Paused, // resting at `stage`: both say yes to go on
};

// What the last round of answers came to, once both had answered; cleared by
// the next step. Nothing in it says who answered what.
enum class ProgrammeOutcome : std::uint8_t {
    None,
    Began,     // both said yes: stage 1 is open
    GoingOn,   // both said yes after a pause
    NotNow,    // at least one of them said "not now"
    MovedOn,   // both were ready: the next stage is open
    StayAwhile // at least one of them would like more time with this stage
};

struct ProgrammeState {
    ProgrammeStatus status = ProgrammeStatus::Off;
    int stage = 1; // Active: the stage they are in; Paused: the one they come back to
    // The round of answers now open (to begin or go on while Off or Paused, to
    // move on while Active): whether each partner has answered. What they
    // answered stays out of here until both have.
    std::array<bool, 2> answered{false, false};
    ProgrammeOutcome outcome = ProgrammeOutcome::None;
    std::int64_t lastOrder = 0; // the highest step order so far (a new step takes the next)
    bool operator==(const ProgrammeState&) const = default;
};

ProgrammeState programmeState(const History& history);

// The index (0 or 1) of a partner who answers; nullopt for Both.
std::optional<std::size_t> partnerIndex(Who who);

} // namespace kindling
