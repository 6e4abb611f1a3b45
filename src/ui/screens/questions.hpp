#pragma once
// What the Questions screen (questions.cpp) keeps between frames.

#include <string>

namespace kindling::ui {

struct QuestionsState {
    std::string browsing =
        "favourites"; // the list under tonight's question: "favourites" or a category
};

} // namespace kindling::ui
