// Breaks for all rituals and days off for one (docs/product.md §3.4):
// starting, ending and cancelling a pause, skipping a day and taking the skip
// back. Every command here can be undone.
#include "app/session.hpp"

#include <algorithm>
#include <cctype>

namespace kindling {

namespace {

bool covers(const Pause& pause, Day day) {
    return pause.first <= day && day <= pause.last;
}

// Puts `pause` back into `pauses` as it was: replaces the entry with its id,
// or adds it when it was removed.
void putBack(std::vector<Pause>& pauses, const Pause& pause) {
    const auto found = std::find_if(pauses.begin(), pauses.end(),
                                    [&](const Pause& p) { return p.id == pause.id; });
    if (found != pauses.end())
        *found = pause;
    else
        pauses.push_back(pause);
}

void erasePause(std::vector<Pause>& pauses, const std::string& id) {
    std::erase_if(pauses, [&](const Pause& p) { return p.id == id; });
}

} // namespace

Pause Session::pause(Day from, Day to, const std::string& reason) {
    if (to < from) throw InputError("--to", "--to: the pause ends before it starts");
    if (to - from > days{366}) throw InputError("--to", "--to: a pause is at most a year long");
    if (std::all_of(reason.begin(), reason.end(),
                    [](unsigned char c) { return std::isspace(c) != 0; }))
        throw InputError("--reason", "--reason: say what the break is for (travel, illness, a "
                                     "new baby …)");
    const std::string cleanReason = validatedName("--reason", reason);
    Pause pauseEntry{newUuid(), from, to, cleanReason};
    store_.insertPause(pauseEntry);
    history_.pauses.push_back(pauseEntry);
    rederive(); // a pause touches every ritual
    undoStack_.push_back({"Undo the break", [this, pauseEntry] {
                              store_.deletePause(pauseEntry.id);
                              erasePause(history_.pauses, pauseEntry.id);
                              rederive();
                          }});
    return pauseEntry;
}

const Pause* Session::currentPause() const {
    const Pause* current = nullptr;
    for (const Pause& pause : history_.pauses)
        if (covers(pause, derived_.asOf) && (current == nullptr || pause.last > current->last))
            current = &pause;
    return current;
}

const Pause* Session::upcomingPause() const {
    const Pause* next = nullptr;
    for (const Pause& pause : history_.pauses)
        if (pause.first > derived_.asOf && (next == nullptr || pause.first < next->first))
            next = &pause;
    return next;
}

void Session::endPause() {
    const Day today = derived_.asOf;
    std::vector<Pause> before;
    for (const Pause& pause : history_.pauses)
        if (covers(pause, today)) before.push_back(pause);
    if (before.empty()) throw InputError("pause", "there is no break going on today");
    store_.transaction([&] {
        for (const Pause& pause : before) {
            if (pause.first < today) {
                Pause ended = pause;
                ended.last = today - days{1};
                store_.updatePause(ended);
            } else {
                store_.deletePause(pause.id);
            }
        }
    });
    for (const Pause& pause : before) {
        if (pause.first < today) {
            Pause ended = pause;
            ended.last = today - days{1};
            putBack(history_.pauses, ended);
        } else {
            erasePause(history_.pauses, pause.id);
        }
    }
    rederive();
    undoStack_.push_back({"Undo ending the break", [this, before, today] {
                              store_.transaction([&] {
                                  for (const Pause& pause : before) {
                                      if (pause.first < today)
                                          store_.updatePause(pause);
                                      else
                                          store_.restorePause(pause.id);
                                  }
                              });
                              for (const Pause& pause : before)
                                  putBack(history_.pauses, pause);
                              rederive();
                          }});
}

void Session::removePause(const std::string& pauseId) {
    const auto found = std::find_if(history_.pauses.begin(), history_.pauses.end(),
                                    [&](const Pause& p) { return p.id == pauseId; });
    if (found == history_.pauses.end()) throw InputError("pause", "that break no longer exists");
    const Pause removed = *found;
    store_.deletePause(removed.id);
    erasePause(history_.pauses, removed.id);
    rederive();
    undoStack_.push_back({"Undo cancelling the break", [this, removed] {
                              store_.restorePause(removed.id);
                              putBack(history_.pauses, removed);
                              rederive();
                          }});
}

void Session::skipDay(const std::string& ritualId, Day day) {
    const Ritual* ritual = history_.findRitual(ritualId);
    if (ritual == nullptr) throw InputError("ritual", "that ritual no longer exists");
    const auto sameDay = [&](const auto& entry) {
        return entry.ritualId == ritualId && entry.day == day;
    };
    if (std::any_of(history_.logs.begin(), history_.logs.end(), sameDay))
        throw InputError("day", "\"" + ritual->name + "\" was logged that day: it stays logged");
    if (std::any_of(history_.skips.begin(), history_.skips.end(), sameDay))
        throw InputError("day", "that day is already a day off for \"" + ritual->name + "\"");
    const Skip skipEntry{newUuid(), ritualId, day};
    store_.insertSkip(skipEntry);
    history_.skips.push_back(skipEntry);
    changed(ritualId);
    const std::string description =
        "Undo skipping \"" + ritual->name + "\"" +
        (day == derived_.asOf ? std::string() : " on " + formatLongDay(day));
    undoStack_.push_back({description, [this, skipEntry] {
                              store_.deleteSkip(skipEntry.id);
                              std::erase_if(history_.skips,
                                            [&](const Skip& k) { return k.id == skipEntry.id; });
                              changed(skipEntry.ritualId);
                          }});
}

void Session::unskipDay(const std::string& ritualId, Day day) {
    const Ritual* ritual = history_.findRitual(ritualId);
    if (ritual == nullptr) throw InputError("ritual", "that ritual no longer exists");
    const auto found =
        std::find_if(history_.skips.begin(), history_.skips.end(),
                     [&](const Skip& s) { return s.ritualId == ritualId && s.day == day; });
    if (found == history_.skips.end())
        throw InputError("day", "that day is not a day off for \"" + ritual->name + "\"");
    const Skip removed = *found;
    store_.deleteSkip(removed.id);
    history_.skips.erase(found);
    changed(ritualId);
    undoStack_.push_back(
        {"Undo bringing back \"" + ritual->name + "\" on " + formatLongDay(day), [this, removed] {
             store_.restoreSkip(removed.id);
             history_.skips.push_back(removed);
             changed(removed.ritualId);
         }});
}

} // namespace kindling
