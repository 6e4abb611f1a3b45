// The Settings screen's data section, clicked through: export (JSON and CSV,
// never replacing a file unasked), import with its preview into a wiped data
// folder, backups and restore, the button that opens the data's folder, and
// the Two computers card (settings_sync.cpp) beside them.
// Every check reads the files written or the data file itself.
#include "app/sync_engine.hpp"
#include "session_fixture.hpp"
#include "session_steps.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace kindling;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using testing::SessionFixture;

namespace fs = std::filesystem;

namespace {

// Zoë and Sam with two rituals and five logs.
void setUpCouple(SessionFixture& ui) {
    Session& session = ui.session();
    steps::setPartnerNames(session, "Zoë", "Sam");
    for (const char* name : {"Morning coffee", "Evening walk"}) {
        RitualDraft draft;
        draft.name = name;
        steps::addRitual(session, draft);
    }
    const Day today = ui.today();
    steps::log(session, "Morning coffee", {today - days{3}, today - days{2}, today - days{1}},
               std::nullopt, std::nullopt, "");
    steps::log(session, "Evening walk", {today - days{2}, today - days{1}}, std::nullopt,
               std::nullopt, "the long way round");
    ui.celebrateAll();
}

// The Settings screen, tall enough that the data cards are on screen, with
// exports going to `documents`.
void openSettings(SessionFixture& ui, const fs::path& documents) {
    fs::create_directories(documents);
    ImGui::GetIO().DisplaySize = ImVec2(1280, 3200);
    ui.state().documentsDirectory = documents;
    ui.state().appVersion = "test";
    ui.state().screen = ui::Screen::Settings;
    ui.run(2);
}

std::string contentOf(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("data: export writes JSON and CSV where asked, and replaces a file only when told") {
    SessionFixture ui;
    setUpCouple(ui);
    const fs::path documents = ui.dir().path() / "Documents";
    openSettings(ui, documents);
    const fs::path json = documents / "kindling-2026-11-22.json";
    CHECK_THAT(ui.drawn(), Contains(json.string()));

    ui.act("data/export");
    REQUIRE(fs::exists(json));
    CHECK_THAT(ui.drawn(), Contains("Saved 2 rituals and 5 logs to " + json.string()));
    // The file is a whole export: importing it here changes nothing.
    CHECK(ui.session().planImport(readImportFile(json)).changesNothing());
    CHECK((fs::status(json).permissions() & fs::perms::group_read) == fs::perms::none);

    // The same name again: asked first, and "Keep it" keeps it.
    std::ofstream(json, std::ios::trunc) << "our own notes";
    ui.act("data/export");
    CHECK_THAT(ui.drawn(), Contains("There is already a file called kindling-2026-11-22.json"));
    CHECK(contentOf(json) == "our own notes");
    ui.act("data/keep");
    CHECK(contentOf(json) == "our own notes");
    CHECK_FALSE(ui.shows("Replace it with this export?"));

    ui.act("data/export");
    ui.act("data/replace");
    CHECK_THAT(contentOf(json), Contains("kindling_export"));

    // CSV: the name follows the format; one row per log, for a spreadsheet.
    ui.act("data/format-csv");
    CHECK(ui.state().data.exportPath == (documents / "kindling-2026-11-22.csv").string());
    ui.act("data/export");
    const std::string csv = contentOf(documents / "kindling-2026-11-22.csv");
    CHECK_THAT(csv, StartsWith("\xEF\xBB\xBF"));
    CHECK_THAT(csv, Contains("the long way round"));

    // A folder that is not there is named, and nothing is written.
    ui.state().data.exportPath = (documents / "missing" / "export.json").string();
    ui.act("data/export");
    CHECK_THAT(ui.drawn(), Contains("there is no folder " + (documents / "missing").string()));
    CHECK_FALSE(fs::exists(documents / "missing"));
}

TEST_CASE("data: an export imported into a wiped data folder brings everything back") {
    const test::TempDir shared;
    const fs::path documents = shared.path() / "Documents";
    History before;
    {
        SessionFixture ui;
        setUpCouple(ui);
        openSettings(ui, documents);
        ui.act("data/export");
        before = ui.session().store().loadHistory();
    }

    SessionFixture ui; // a new, empty data folder
    openSettings(ui, documents);
    // The export is offered; choosing it shows what would change, nothing yet written.
    ui.act("data/likely/kindling-2026-11-22.json");
    CHECK_THAT(ui.drawn(), Contains("A Kindling export made on"));
    CHECK_THAT(ui.drawn(), Contains("Already here"));
    CHECK(ui.session().history().logs.empty());

    ui.act("data/import");
    CHECK_THAT(ui.drawn(), Contains("Rituals: 2 new; Logs: 5 new"));
    ui.reopen();
    const History after = ui.session().store().loadHistory();
    CHECK(after.couple.partners[0].name == "Zoë");
    REQUIRE(after.rituals.size() == before.rituals.size());
    REQUIRE(after.logs.size() == before.logs.size());
    for (const Log& log : before.logs) {
        const auto same = std::find_if(after.logs.begin(), after.logs.end(),
                                       [&](const Log& l) { return l.id == log.id; });
        REQUIRE(same != after.logs.end());
        CHECK(same->day == log.day);
        CHECK(same->note == log.note);
    }
    // The empty data as it was is kept as a backup first.
    CHECK(ui.session().backups().size() >= 1);

    // The same file again: nothing to change, and no Import button.
    ui.state().data.plan.reset();
    ui.state().data.importPath = (documents / "kindling-2026-11-22.json").string();
    ui.runFresh();
    ui.act("data/check");
    CHECK_THAT(ui.drawn(), Contains("Everything in this file is already here"));
    CHECK_FALSE(ui.wasDrawn("data/import"));
}

TEST_CASE("data: a file that cannot be imported says why and writes nothing") {
    SessionFixture ui;
    setUpCouple(ui);
    const fs::path documents = ui.dir().path() / "Documents";
    openSettings(ui, documents);
    const std::size_t logs = ui.session().history().logs.size();

    ui.act("data/check");
    CHECK_THAT(ui.drawn(), Contains("type the path of a Kindling export"));

    ui.state().data.importPath = (documents / "nothing-here.json").string();
    ui.act("data/check");
    CHECK_THAT(ui.drawn(), Contains("there is no file at"));

    std::ofstream(documents / "broken.json") << R"({"kindling_export": {"format_version": 1,)";
    ui.state().data.importPath = "broken.json"; // a bare name is looked for in Documents
    ui.act("data/check");
    CHECK_THAT(ui.drawn(), Contains("That did not work: this file cannot be imported."));
    CHECK_FALSE(ui.state().data.plan.has_value());

    std::ofstream(documents / "logs.csv") << "date,ritual\r\n";
    ui.state().data.importPath = (documents / "logs.csv").string();
    ui.act("data/check");
    CHECK_THAT(ui.drawn(), Contains("a CSV file is for spreadsheets"));
    CHECK(ui.session().store().loadHistory().logs.size() == logs);
}

TEST_CASE("data: a backup made now can be restored, after a yes, keeping today's data too") {
    SessionFixture ui;
    setUpCouple(ui);
    openSettings(ui, ui.dir().path() / "Documents");
    CHECK_THAT(ui.drawn(), Contains("No backups yet."));

    ui.act("data/backup-now");
    const auto backups = ui.session().backups();
    REQUIRE(backups.size() == 1);
    const std::string name = backups[0].path.filename().string();
    CHECK_THAT(ui.drawn(), Contains("Backed up to " + name));
    CHECK_THAT(ui.drawn(), Contains("Made by you"));

    // Later that evening, one more log.
    steps::log(ui.session(), "Morning coffee", {ui.today()}, std::nullopt, std::nullopt, "");
    REQUIRE(ui.session().history().logs.size() == 6);

    ui.act("data/restore/" + name);
    CHECK_THAT(ui.drawn(), Contains("What you have now is kept as a backup first"));
    ui.act("data/restore-cancel");
    CHECK(ui.session().store().loadHistory().logs.size() == 6);

    ui.act("data/restore/" + name);
    ui.act("data/restore-yes");
    CHECK(ui.session().store().loadHistory().logs.size() == 5);
    CHECK_THAT(ui.drawn(), Contains("Restored " + name));
    REQUIRE(ui.session().backups().size() == 2); // today's six logs, kept

    ui.reopen();
    CHECK(ui.session().history().logs.size() == 5);
}

TEST_CASE("data: the data's folder opens in the file manager, or the screen says why not") {
    SessionFixture ui;
    setUpCouple(ui);
    openSettings(ui, ui.dir().path() / "Documents");
    const fs::path folder = ui.session().dataFile().parent_path();
    CHECK_THAT(ui.drawn(), Contains(ui.session().dataFile().string()));

    ui.act("data/open-folder");
    CHECK_THAT(ui.drawn(),
               Contains("this build cannot open folders; the file is in " + folder.string()));

    fs::path opened;
    ui.state().openFolder = [&](const fs::path& path) -> std::optional<std::string> {
        opened = path;
        return std::nullopt;
    };
    ui.act("data/open-folder");
    CHECK(opened == folder);
    CHECK_THAT(ui.drawn(), Contains("Opening " + folder.string()));

    ui.state().openFolder = [](const fs::path&) -> std::optional<std::string> {
        return "xdg-open is not installed";
    };
    ui.act("data/open-folder");
    CHECK_THAT(ui.drawn(),
               Contains("That did not work: the folder did not open: xdg-open is not installed"));
}

TEST_CASE(
    "sync: started from Settings, the card shows the code, and the data card says what travels") {
    SessionFixture ui;
    setUpCouple(ui);
    openSettings(ui, ui.dir().path() / "Documents");
    CHECK(ui.shows("Everything stays on this computer"));
    const fs::path shared = ui.dir().path() / "Shared";
    fs::create_directories(shared);

    ui.retype("sync/folder", shared.string());
    ui.act("sync/start");
    ui.run(2);
    CHECK(ui.shows("Syncing through " + shared.string()));
    CHECK(ui.shows("type the pairing code shown here"));
    const std::optional<std::string> code = pairingCode(ui.session());
    REQUIRE(code.has_value());
    CHECK(ui.shows(*code));
    CHECK(ui.shows("Your changes also travel, sealed, through the folder you share"));
    CHECK_FALSE(ui.shows("Everything stays on this computer"));
    CHECK_FALSE(fs::is_empty(shared)); // the first journal is written at once

    ui.act("sync/stop");
    ui.act("sync/stop-yes");
    ui.run(2);
    CHECK(ui.shows("Sync is off on this computer."));
    CHECK_FALSE(pairingCode(ui.session()).has_value());
    CHECK_FALSE(fs::is_empty(shared)); // the folder is left as it was
    CHECK(ui.shows("Everything stays on this computer"));
}
