// A problem and a success never look alike: not the same colour, not the same
// icon, in either theme, on every screen that shows them.
#include "session_fixture.hpp"
#include "session_steps.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <set>
#include <string>

using namespace kindling;
using testing::SessionFixture;

namespace {

// Every vertex colour one frame drew inside a plain window.
std::set<ImU32> coloursDrawn(testing::UiFixture& ui, const std::function<void()>& draw) {
    ui.harness.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(600, 200));
        ImGui::Begin("messages");
        draw();
        ImGui::End();
    });
    std::set<ImU32> colours;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int list = 0; list < data->CmdListsCount; ++list)
        for (const ImDrawVert& vertex : data->CmdLists[list]->VtxBuffer)
            colours.insert(vertex.col);
    return colours;
}

} // namespace

TEST_CASE("messages: a problem and a success differ in colour, in both themes") {
    for (const ui::ThemeVariant theme : {ui::ThemeVariant::Light, ui::ThemeVariant::Dark}) {
        const ui::Palette& p = ui::palette(theme);
        INFO((theme == ui::ThemeVariant::Dark ? "dark" : "light"));
        CHECK(ui::toU32(p.problem) != ui::toU32(p.accent));
        CHECK(ui::toU32(p.problem) != ui::toU32(p.text));
        CHECK(ui::toU32(p.problem) != ui::toU32(p.textMuted));

        testing::UiFixture ui;
        ui::applyTheme(theme, 1.0f);
        const std::set<ImU32> problem =
            coloursDrawn(ui, [&] { ui::problemText(p, "That did not work: the disk is full"); });
        const std::set<ImU32> done =
            coloursDrawn(ui, [&] { ui::doneText(p, "Your names are saved."); });
        CHECK(problem.count(ui::toU32(p.problem)) == 1);
        CHECK(problem.count(ui::toU32(p.accent)) == 0);
        CHECK(done.count(ui::toU32(p.accent)) == 1);
        CHECK(done.count(ui::toU32(p.problem)) == 0);
    }
}

TEST_CASE("messages: a problem and a success carry different icons on the screens") {
    SessionFixture f(ImVec2(1280, 3200));
    steps::setPartnerNames(f.session(), "Zoë", "Sam");
    f.state().screen = ui::Screen::Settings;
    f.run(2);
    // A success: a new colour is saved.
    f.act("settings/colour/2/9");
    const std::string saved = f.drawn();
    const auto at = saved.find("The colour is saved.");
    REQUIRE(at != std::string::npos);
    const std::string savedLine =
        saved.substr(saved.rfind('\n', at) + 1, at - saved.rfind('\n', at) - 1);
    CHECK(savedLine.find(ui::icons::check) != std::string::npos);
    CHECK(savedLine.find(ui::icons::exclamationCircle) == std::string::npos);

    // A problem: a command that failed.
    f.state().screen = ui::Screen::Today;
    f.state().lastError = "the file could not be written";
    f.run(2);
    const std::string problem = f.drawn();
    const auto where = problem.find("That did not work: the file could not be written");
    REQUIRE(where != std::string::npos);
    const std::string problemLine =
        problem.substr(problem.rfind('\n', where) + 1, where - problem.rfind('\n', where) - 1);
    CHECK(problemLine.find(ui::icons::exclamationCircle) != std::string::npos);
    CHECK(problemLine.find(ui::icons::check) == std::string::npos);
}
