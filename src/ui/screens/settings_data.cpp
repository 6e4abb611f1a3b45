// The Settings screen's data section: where the couple's file is, export,
// import with a preview, and backups with restore.
//
// ImGui has no file dialog, and Kindling adds no toolkit for one: a path is
// typed into a text field. Exports are offered a dated name in Documents
// (else the home folder); imports list the Kindling exports found in
// Documents, Downloads, the Desktop and the home folder, newest first, so one
// click picks the usual file. "~/" means the home folder, and a path without
// a folder is taken inside Documents.
#include "ui/screens/settings_data.hpp"

#include "app/session.hpp"
#include "ui/charts.hpp"
#include "ui/item_locator.hpp"
#include "ui/screens/form_widgets.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>

namespace kindling::ui {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t likelyFilesShown = 5;
constexpr std::size_t backupRowsBeforeScrolling = 6;

std::string trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return std::string(text);
}

fs::path homeDirectory() {
    const char* home = std::getenv("HOME");
    return home != nullptr && *home != '\0' ? fs::path(home) : fs::current_path();
}

fs::path exportFolder(const UiState& state) {
    return state.documentsDirectory.empty() ? homeDirectory() : state.documentsDirectory;
}

// What the couple typed, as a file: "~/" is the home folder, a bare name
// lives in the export folder.
fs::path resolvedPath(const UiState& state, const std::string& typed) {
    std::string text = trimmed(typed);
    if (text == "~" || text.starts_with("~/")) text = homeDirectory().string() + text.substr(1);
    fs::path path(text);
    if (path.is_relative()) path = exportFolder(state) / path;
    return path.lexically_normal();
}

std::string defaultExportPath(const UiState& state, bool csv) {
    return (exportFolder(state) /
            fmt::format("kindling-{}.{}", formatDay(state.today), csv ? "csv" : "json"))
        .string();
}

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", thousands(count), count == 1 ? one : many);
}

std::string sizeText(std::uintmax_t bytes) {
    if (bytes < 1024) return plural(static_cast<std::size_t>(bytes), "byte", "bytes");
    if (bytes < 1024 * 1024) return fmt::format("{} KB", (bytes + 512) / 1024);
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

// Kindling exports (kindling*.json) in the usual folders, newest first.
std::vector<fs::path> findLikelyFiles(const UiState& state) {
    const fs::path home = homeDirectory();
    std::vector<fs::path> folders{exportFolder(state), home / "Downloads", home / "Desktop", home};
    std::vector<std::pair<fs::file_time_type, fs::path>> found;
    std::vector<fs::path> seen;
    for (const fs::path& folder : folders) {
        std::error_code error;
        const fs::path canonical = fs::weakly_canonical(folder, error);
        if (error || std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
        seen.push_back(canonical);
        for (fs::directory_iterator it(folder, error), end; !error && it != end;
             it.increment(error)) {
            const fs::path& path = it->path();
            if (path.extension() != ".json" || !path.filename().string().starts_with("kindling"))
                continue;
            std::error_code fileError;
            if (!it->is_regular_file(fileError)) continue;
            const auto time = it->last_write_time(fileError);
            if (!fileError) found.emplace_back(time, path);
        }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<fs::path> files;
    for (const auto& entry : found) {
        if (files.size() == likelyFilesShown) break;
        files.push_back(entry.second);
    }
    return files;
}

void refreshBackups(UiState& state) {
    DataSection& data = state.data;
    data.backups.clear();
    for (BackupFile& file : state.session->backups()) {
        std::error_code error;
        const std::uintmax_t bytes = fs::file_size(file.path, error);
        data.backups.push_back({std::move(file), error ? 0 : bytes});
    }
    data.backupsStale = false;
}

// "Sun 22 Nov 2026, 20:15" for a backup taken by hand, else the day.
std::string backupWhen(const BackupFile& file) {
    std::string when = shortDay(file.day, true);
    if (file.time.size() == 6) when += ", " + file.time.substr(0, 2) + ":" + file.time.substr(2, 2);
    return when;
}

std::string backupKind(const BackupFile& file) {
    switch (file.kind) {
    case BackupKind::Daily:
        return "Daily";
    case BackupKind::Manual:
        return "Made by you";
    case BackupKind::BeforeMigration:
        return "Before an update";
    }
    return {};
}

// Continues the line at `x` (window coordinates, as GetCursorPosX): table columns.
void column(float x) {
    ImGui::SameLine(0, 0);
    ImGui::SetCursorPosX(x);
}

// A text field as wide as the card leaves beside a button of `buttonLabel`.
bool pathField(const char* id, std::string& path, const char* hint, float inner,
               const char* buttonLabel) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetNextItemWidth(std::max(120.0f, inner - buttonWidth(buttonLabel) - gap));
    return inputText(id, path, hint);
}

// ---- Where the file is -------------------------------------------------------

void drawLocation(UiState& state, const Palette& p, float width, float inner) {
    DataSection& data = state.data;
    beginCard(p, width, state.scale);
    cardTitle(state, p, icons::folderOpen, "Where your data lives");
    // With sync on (settings_sync.cpp), changes also travel, sealed, through the shared folder.
    const bool syncing = state.sync.status && state.sync.status->on;
    wrappedTextColored(p.textMuted,
                       syncing ? "Your data file stays on this computer, in one file that only "
                                 "you can read. Your changes also travel, sealed, through the "
                                 "folder you share: no one else can read them there."
                               : "Everything stays on this computer, in one file that only you "
                                 "can read.");
    const fs::path file = state.session->dataFile();
    std::string shown = file.string();
    const char* openLabel = "Open its folder";
    // Read-only: the whole path can be selected and copied.
    ImGui::SetNextItemWidth(
        std::max(120.0f, inner - buttonWidth(openLabel) - ImGui::GetStyle().ItemSpacing.x));
    inputText("##data-file", shown, "", ImGuiInputTextFlags_ReadOnly);
    locateLastItem("data/file");
    ImGui::SameLine();
    if (ImGui::Button(openLabel)) {
        if (!state.openFolder) {
            data.folderNotice = {"this build cannot open folders; the file is in " +
                                     file.parent_path().string(),
                                 true};
        } else if (auto problem = state.openFolder(file.parent_path())) {
            data.folderNotice = {"the folder did not open: " + *problem, true};
        } else {
            data.folderNotice = {
                "Opening " + file.parent_path().string() + " in your file manager.", false};
        }
    }
    locateLastItem("data/open-folder");
    showNotice(p, data.folderNotice);
    endCard();
}

// ---- Export ------------------------------------------------------------------

void exportNow(UiState& state, bool replace) {
    DataSection& data = state.data;
    Session& session = *state.session;
    data.exportNotice = {};
    if (trimmed(data.exportPath).empty()) {
        data.exportNotice = {"type where the file should go, for example " +
                                 defaultExportPath(state, data.csv),
                             true};
        return;
    }
    const fs::path file = resolvedPath(state, data.exportPath);
    std::error_code error;
    if (fs::is_directory(file, error)) {
        data.exportNotice = {
            file.string() + " is a folder; add a file name at the end, like " +
                (file / fs::path(defaultExportPath(state, data.csv)).filename()).string(),
            true};
        return;
    }
    if (!fs::is_directory(file.parent_path(), error)) {
        data.exportNotice = {"there is no folder " + file.parent_path().string() +
                                 "; check the path, or create the folder first",
                             true};
        return;
    }
    if (!replace && fs::exists(fs::symlink_status(file, error))) {
        data.confirmReplace = true;
        return;
    }
    data.confirmReplace = false;
    attempt(data.exportNotice, [&] {
        const std::string content =
            data.csv ? session.exportCsv() : session.exportJson(state.appVersion);
        writeFileSafely(file, content, replace);
        const History& history = session.history();
        data.exportNotice = {fmt::format("Saved {} and {} to {}.",
                                         plural(history.rituals.size(), "ritual", "rituals"),
                                         plural(history.logs.size(), "log", "logs"), file.string()),
                             false};
        data.likelyFiles = findLikelyFiles(state);
    });
}

void drawExport(UiState& state, const Palette& p, float width, float inner) {
    DataSection& data = state.data;
    beginCard(p, width, state.scale);
    cardTitle(state, p, icons::download, "Export");
    wrappedTextColored(p.textMuted,
                       "Keep a copy of everything, or move it to another computer. A JSON file "
                       "holds it all and can be imported again; a CSV file lists every log for a "
                       "spreadsheet.");
    bool formatChanged = false;
    if (ImGui::RadioButton("Everything (JSON)", !data.csv)) {
        formatChanged = data.csv;
        data.csv = false;
    }
    locateLastItem("data/format-json");
    ImGui::SameLine(0, 18 * state.scale);
    if (ImGui::RadioButton("Logs for a spreadsheet (CSV)", data.csv)) {
        formatChanged = !data.csv;
        data.csv = true;
    }
    locateLastItem("data/format-csv");
    if (formatChanged) {
        // The file name follows the format when it still has the other one's ending.
        const std::string from = data.csv ? ".json" : ".csv";
        if (data.exportPath.ends_with(from))
            data.exportPath = data.exportPath.substr(0, data.exportPath.size() - from.size()) +
                              (data.csv ? ".csv" : ".json");
        data.confirmReplace = false;
    }

    const std::string exportLabel = std::string(icons::download) + "  Export";
    if (pathField("##export-path", data.exportPath, "Where to save it", inner, exportLabel.c_str()))
        data.confirmReplace = false;
    locateLastItem("data/export-path");
    ImGui::SameLine();
    if (ImGui::Button(exportLabel.c_str())) exportNow(state, false);
    locateLastItem("data/export");

    if (data.confirmReplace) {
        wrappedText("There is already a file called " +
                    resolvedPath(state, data.exportPath).filename().string() +
                    " there. Replace it with this export?");
        if (pillButton("Replace it", p.accent, true, ImVec2(0, ImGui::GetFrameHeight())))
            exportNow(state, true);
        locateLastItem("data/replace");
        ImGui::SameLine();
        if (ImGui::Button("Keep it")) {
            data.confirmReplace = false;
            data.exportNotice = {"The file was left as it was. Choose another name to export.",
                                 false};
        }
        locateLastItem("data/keep");
    }
    showNotice(p, data.exportNotice);
    endCard();
}

// ---- Import ------------------------------------------------------------------

void checkImport(UiState& state) {
    DataSection& data = state.data;
    data.plan.reset();
    data.importNotice = {};
    if (trimmed(data.importPath).empty()) {
        data.importNotice = {"type the path of a Kindling export (a .json file), or pick one below",
                             true};
        return;
    }
    const fs::path file = resolvedPath(state, data.importPath);
    std::error_code error;
    if (!fs::exists(file, error)) {
        data.importNotice = {"there is no file at " + file.string(), true};
        return;
    }
    if (file.extension() == ".csv") {
        data.importNotice = {"a CSV file is for spreadsheets; Kindling imports the JSON files it "
                             "exports",
                             true};
        return;
    }
    try {
        data.plan = state.session->planImport(readImportFile(file));
        data.planPath = file.string();
        data.planRevision = state.session->revision();
    } catch (const ImportError& e) {
        data.importNotice = {"this file cannot be imported. " + std::string(e.what()), true};
    } catch (const std::exception& e) {
        data.importNotice = {e.what(), true};
    }
}

std::string kindLabel(std::string_view kind) {
    if (kind == "couple") return "Your names and colours";
    if (kind == "settings") return "Day start and week start";
    if (kind == "rituals") return "Rituals";
    if (kind == "logs") return "Logs";
    if (kind == "skips") return "Days off";
    if (kind == "pauses") return "Breaks";
    if (kind == "goals") return "Goals";
    if (kind == "celebrations") return "Celebrations seen";
    if (kind == "question marks") return "Questions marked";
    return std::string(kind);
}

// "Logs: 12 new; Rituals: 1 new, 2 changed": what an import added and changed.
std::string changesText(const ImportPlan& plan) {
    std::string text;
    for (const ImportCounts& counts : importSummary(plan)) {
        if (counts.added + counts.updated == 0) continue;
        text += (text.empty() ? "" : "; ") + kindLabel(counts.kind) + ": ";
        if (counts.added > 0) text += thousands(counts.added) + " new";
        if (counts.added > 0 && counts.updated > 0) text += ", ";
        if (counts.updated > 0) text += thousands(counts.updated) + " changed";
    }
    return text;
}

void importNow(UiState& state) {
    DataSection& data = state.data;
    Session& session = *state.session;
    // The data changed since the file was checked: check it again, so the
    // plan applied is the plan shown.
    if (data.planRevision != session.revision()) {
        data.importPath = data.planPath;
        checkImport(state);
        if (data.plan)
            data.importNotice = {"Your data changed since the file was checked; here is what "
                                 "importing would change now.",
                                 false};
        return;
    }
    attempt(data.importNotice, [&] {
        const fs::path before = session.applyImport(*data.plan);
        data.importNotice = {"Imported (" + changesText(*data.plan) +
                                 "). Your data as it was before is kept in the backup " +
                                 before.filename().string() + ".",
                             false};
        data.plan.reset();
        data.backupsStale = true;
    });
}

void drawPlan(UiState& state, const Palette& p, float inner) {
    DataSection& data = state.data;
    const ImportPlan& plan = *data.plan;
    ImGui::Dummy(ImVec2(0, 4 * state.scale));
    std::string from = "A Kindling export";
    if (!plan.exportedAt.empty()) from += " made on " + plan.exportedAt.substr(0, 10);
    if (!plan.appVersion.empty()) from += " by Kindling " + plan.appVersion;
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    elidedText(from + ":", inner);
    ImGui::PopStyleColor();

    if (plan.changesNothing()) {
        wrappedText("Everything in this file is already here: importing it would change nothing.");
    } else {
        // A small table: what, then new / changed / already here.
        const float columns[] = {0.0f, inner * 0.46f, inner * 0.62f, inner * 0.80f};
        const char* headers[] = {"", "New", "Changed", "Already here"};
        const float left = ImGui::GetCursorPosX();
        ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight()));
        for (int c = 1; c < 4; ++c) {
            column(left + columns[c]);
            ImGui::TextColored(p.textMuted, "%s", headers[c]);
        }
        for (const ImportCounts& counts : importSummary(plan)) {
            if (counts.added + counts.updated + counts.skipped == 0) continue;
            ImGui::TextUnformatted(kindLabel(counts.kind).c_str());
            const std::size_t values[] = {counts.added, counts.updated, counts.skipped};
            for (int c = 1; c < 4; ++c) {
                column(left + columns[c]);
                const std::size_t value = values[c - 1];
                if (value == 0)
                    ImGui::TextColored(p.textMuted, "-");
                else
                    ImGui::TextUnformatted(thousands(value).c_str());
            }
        }
        ImGui::Dummy(ImVec2(0, 2 * state.scale));
        wrappedTextColored(p.textMuted,
                           "Where the file and your data differ, the file's version is kept. A "
                           "backup of your data is made first.");
    }
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
    if (!plan.changesNothing()) {
        if (pillButton("Import", p.accent, true, ImVec2(0, ImGui::GetFrameHeight())))
            importNow(state);
        locateLastItem("data/import");
        ImGui::SameLine();
    }
    if (ImGui::Button(plan.changesNothing() ? "Close" : "Not now")) data.plan.reset();
    locateLastItem("data/import-cancel");
}

void drawImport(UiState& state, const Palette& p, float width, float inner) {
    DataSection& data = state.data;
    beginCard(p, width, state.scale);
    cardTitle(state, p, icons::upload, "Import");
    wrappedTextColored(p.textMuted,
                       "Bring back an export, from here or another computer. You will see what "
                       "changes before anything is written.");
    const char* checkLabel = "Check this file";
    if (pathField("##import-path", data.importPath, "The path of a Kindling export (.json)", inner,
                  checkLabel))
        data.plan.reset();
    locateLastItem("data/import-path");
    ImGui::SameLine();
    if (ImGui::Button(checkLabel)) checkImport(state);
    locateLastItem("data/check");

    if (!data.plan && !data.likelyFiles.empty()) {
        ImGui::TextColored(p.textMuted, "Found on this computer:");
        for (std::size_t i = 0; i < data.likelyFiles.size(); ++i) {
            const fs::path& file = data.likelyFiles[i];
            ImGui::PushID(static_cast<int>(i));
            const std::string label =
                elideToWidth(file.filename().string() + "   (" + file.parent_path().string() + ")",
                             inner - 2 * ImGui::GetStyle().FramePadding.x);
            if (ImGui::Selectable(label.c_str(), file.string() == data.importPath)) {
                data.importPath = file.string();
                checkImport(state);
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", file.string().c_str());
            locateLastItem("data/likely/" + file.filename().string());
            ImGui::PopID();
        }
    }
    if (data.plan) drawPlan(state, p, inner);
    showNotice(p, data.importNotice);
    endCard();
}

// ---- Backups -----------------------------------------------------------------

void restoreNow(UiState& state, const fs::path& file) {
    DataSection& data = state.data;
    data.restoreCandidate.reset();
    attempt(data.backupNotice, [&] {
        const fs::path previous = state.session->restore(file);
        data.backupNotice = {"Restored " + file.filename().string() +
                                 ". Your data as it was just before is kept in the backup " +
                                 previous.filename().string() + ".",
                             false};
    });
    data.backupsStale = true;
}

void drawBackupRow(UiState& state, const Palette& p, const DataSection::Backup& backup,
                   float inner) {
    DataSection& data = state.data;
    const std::string name = backup.file.path.filename().string();
    ImGui::PushID(name.c_str());
    const float left = ImGui::GetCursorPosX();
    const char* restoreLabel = "Restore…";
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(backupWhen(backup.file).c_str());
    column(left + inner * 0.42f);
    ImGui::TextColored(p.textMuted, "%s", backupKind(backup.file).c_str());
    column(left + inner * 0.66f);
    ImGui::TextColored(p.textMuted, "%s", sizeText(backup.bytes).c_str());
    column(left + inner - buttonWidth(restoreLabel));
    if (ImGui::Button(restoreLabel)) data.restoreCandidate = backup.file.path;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name.c_str());
    locateLastItem("data/restore/" + name);

    if (data.restoreCandidate == backup.file.path) {
        wrappedText("Go back to your data as it was on " + backupWhen(backup.file) +
                    "? What you have now is kept as a backup first, so you can come back to it.");
        if (pillButton("Restore", p.accent, true, ImVec2(0, ImGui::GetFrameHeight())))
            restoreNow(state, backup.file.path);
        locateLastItem("data/restore-yes");
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) data.restoreCandidate.reset();
        locateLastItem("data/restore-cancel");
        ImGui::Dummy(ImVec2(0, 4 * state.scale));
    }
    ImGui::PopID();
}

void drawBackups(UiState& state, const Palette& p, float width, float inner) {
    DataSection& data = state.data;
    if (data.backupsStale) refreshBackups(state);
    beginCard(p, width, state.scale);
    cardTitle(state, p, icons::history, "Backups");
    wrappedTextColored(p.textMuted,
                       "Kindling makes a backup on each day you open it, and keeps the last week "
                       "and one a week for a month. Restoring one keeps what you have now as a "
                       "backup first.");
    const std::string backupLabel = std::string(icons::history) + "  Back up now";
    if (ImGui::Button(backupLabel.c_str())) {
        attempt(data.backupNotice, [&] {
            const fs::path file = state.session->backup();
            data.backupNotice = {"Backed up to " + file.filename().string() + ".", false};
        });
        data.backupsStale = true;
    }
    locateLastItem("data/backup-now");
    showNotice(p, data.backupNotice);
    ImGui::Dummy(ImVec2(0, 4 * state.scale));

    if (data.backups.empty()) {
        wrappedTextColored(p.textMuted, "No backups yet. The first is made tomorrow when you "
                                        "open Kindling, or now with the button above.");
    } else {
        const float rowHeight = ImGui::GetFrameHeightWithSpacing();
        const bool scrolls = data.backups.size() > backupRowsBeforeScrolling;
        if (scrolls)
            ImGui::BeginChild(
                "##backups",
                ImVec2(inner, rowHeight * static_cast<float>(backupRowsBeforeScrolling) +
                                  rowHeight * 0.5f),
                false, ImGuiWindowFlags_NavFlattened);
        const float rowWidth = scrolls ? inner - ImGui::GetStyle().ScrollbarSize : inner;
        for (const DataSection::Backup& backup : data.backups)
            drawBackupRow(state, p, backup, rowWidth);
        if (scrolls) ImGui::EndChild();
    }
    endCard();
}

} // namespace

void drawSettingsDataSection(UiState& state) {
    if (state.session == nullptr) return;
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    const float width = ImGui::GetContentRegionAvail().x;
    const float inner = width - 2 * 18.0f * s; // inside a card's padding
    DataSection& data = state.data;
    if (!data.ready) {
        data.exportPath = defaultExportPath(state, data.csv);
        data.ready = true;
    }
    // Coming back to the screen: the folders may have changed meanwhile.
    if (ImGui::GetFrameCount() != data.drawnInFrame + 1) {
        data.likelyFiles = findLikelyFiles(state);
        data.backupsStale = true;
    }
    data.drawnInFrame = ImGui::GetFrameCount();

    ImGui::PushID("data");
    drawLocation(state, p, width, inner);
    ImGui::Dummy(ImVec2(0, 8 * s));
    drawExport(state, p, width, inner);
    ImGui::Dummy(ImVec2(0, 8 * s));
    drawImport(state, p, width, inner);
    ImGui::Dummy(ImVec2(0, 8 * s));
    drawBackups(state, p, width, inner);
    ImGui::PopID();
}

} // namespace kindling::ui
