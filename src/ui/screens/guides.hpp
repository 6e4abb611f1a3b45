#pragma once
// What the guided practices (guides.cpp) keep between frames.

#include <array>
#include <string>

namespace kindling::ui {

// The repair talk's guide: the plan being written.
struct RepairState {
    std::string plan;
    std::string notice; // what keeping the plan did
    std::string error;
};

// The programme's page: which partner is changing an answer already given.
struct ProgrammePageState {
    std::array<bool, 2> changing{false, false};
    std::string error;
};

} // namespace kindling::ui
