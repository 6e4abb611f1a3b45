#include "store/schema.hpp"

namespace kindling {

// Conventions of every table:
//  - rows a couple creates have a UUID text primary key and created_at /
//    updated_at in unix seconds; deletable rows keep a tombstone (deleted_at);
//  - days are TEXT 'YYYY-MM-DD' (readable in sqlite3 and sorted correctly);
//  - enums are stored by name. CHECKs guard shapes that will never change
//    (day format, weekday masks, who, slots, booleans); vocabularies that may
//    grow (areas, modes, goal scopes …) are checked by the store in C++, so a
//    new area needs no table rebuild.
// Rituals are never deleted, only tombstoned (or archived), so the foreign
// keys from logs, skips and goals keep their default NO ACTION.
const std::vector<Migration>& schemaMigrations() {
    static const std::vector<Migration> steps{
        {1, "the couple, rituals, logs, skips, pauses, goals, celebrations", R"sql(
CREATE TABLE partners (
    id TEXT PRIMARY KEY NOT NULL,
    slot INTEGER NOT NULL UNIQUE CHECK (slot IN (1, 2)),
    name TEXT NOT NULL,
    colour INTEGER NOT NULL CHECK (colour BETWEEN 0 AND 16777215),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE rituals (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    icon TEXT NOT NULL,
    area TEXT NOT NULL,
    why TEXT NOT NULL,
    times INTEGER NOT NULL,
    per_days INTEGER NOT NULL,
    weekdays TEXT CHECK (weekdays IS NULL OR
                         (length(weekdays) = 7 AND weekdays NOT GLOB '*[^01]*')),
    mode TEXT NOT NULL,
    measure_kind TEXT,
    measure_target REAL,
    unit TEXT NOT NULL,
    archived INTEGER NOT NULL CHECK (archived IN (0, 1)),
    position INTEGER NOT NULL,
    catalog_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK ((measure_kind IS NULL) = (measure_target IS NULL))
);

CREATE TABLE logs (
    id TEXT PRIMARY KEY NOT NULL,
    ritual_id TEXT NOT NULL REFERENCES rituals (id),
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    who TEXT NOT NULL CHECK (who IN ('partner1', 'partner2', 'both')),
    amount REAL,
    note TEXT NOT NULL,
    logged_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
);
CREATE INDEX logs_by_ritual_day ON logs (ritual_id, day);

CREATE TABLE skips (
    id TEXT PRIMARY KEY NOT NULL,
    ritual_id TEXT NOT NULL REFERENCES rituals (id),
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
);
CREATE UNIQUE INDEX skips_one_live_per_ritual_day ON skips (ritual_id, day)
    WHERE deleted_at IS NULL;

CREATE TABLE pauses (
    id TEXT PRIMARY KEY NOT NULL,
    first_day TEXT NOT NULL CHECK (first_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    last_day TEXT NOT NULL CHECK (last_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    reason TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER,
    CHECK (first_day <= last_day)
);

CREATE TABLE goals (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    target INTEGER NOT NULL CHECK (target >= 1),
    scope TEXT NOT NULL,
    ritual_id TEXT REFERENCES rituals (id),
    area TEXT NOT NULL,
    period TEXT NOT NULL,
    start_day TEXT NOT NULL CHECK (start_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    end_day TEXT NOT NULL CHECK (end_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    reward TEXT NOT NULL,
    archived INTEGER NOT NULL CHECK (archived IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE celebrations_shown (
    key TEXT PRIMARY KEY NOT NULL,
    shown_at INTEGER NOT NULL
);
)sql"},
        // The question deck's memory: what the couple answered, kept as a
        // favourite or skipped. A separate step so the upgrade path from a
        // released file is exercised from the first release on.
        {2, "question marks (answered, favourite, skipped)", R"sql(
CREATE TABLE question_marks (
    id TEXT PRIMARY KEY NOT NULL,
    question_id TEXT NOT NULL,
    mark TEXT NOT NULL CHECK (mark IN ('answered', 'favourite', 'skipped')),
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (question_id, mark)
);
)sql"},
        // The day a goal was archived: an archived repeating goal stops there
        // (core/goals.hpp). Goals archived before this step take the day of
        // their last change, the closest this file knows.
        {3, "goals remember the day they were archived", R"sql(
ALTER TABLE goals ADD COLUMN archived_on TEXT
    CHECK (archived_on IS NULL OR
           archived_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
UPDATE goals SET archived_on = date(updated_at, 'unixepoch', 'localtime') WHERE archived = 1;
ALTER TABLE goals DROP COLUMN archived;
)sql"},
        // Every kind of row can be removed and brought back the same way
        // (core/change_set.hpp): rituals, goals and question marks keep a
        // tombstone like logs, skips and pauses.
        {4, "rituals, goals and question marks keep tombstones", R"sql(
ALTER TABLE rituals ADD COLUMN deleted_at INTEGER;
ALTER TABLE goals ADD COLUMN deleted_at INTEGER;
ALTER TABLE question_marks ADD COLUMN deleted_at INTEGER;
)sql"},
        // Two computers (docs/sync.md): each synced row's field clocks, this
        // computer's sync state and what it applied of each other computer.
        {5, "sync: row clocks, sync state, peers", R"sql(
CREATE TABLE sync_rows (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    clocks TEXT NOT NULL,
    changed_here TEXT,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE INDEX sync_rows_changed_here ON sync_rows (changed_here)
    WHERE changed_here IS NOT NULL;
CREATE TABLE sync_state (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE sync_peers (
    device TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    applied_through INTEGER NOT NULL CHECK (applied_through >= 0),
    applied_at INTEGER,
    seen_through INTEGER NOT NULL DEFAULT 0
);
)sql"},
        // A ritual may be done when it helps instead of on a schedule
        // (docs/scoring.md §3.7). Every ritual so far had a schedule.
        {6, "rituals done when it helps", R"sql(
ALTER TABLE rituals ADD COLUMN when_it_helps INTEGER NOT NULL DEFAULT 0
    CHECK (when_it_helps IN (0, 1));
)sql"},
        // The touch without pressure programme (core/programme.hpp): every
        // answer and choice is a step, read in `ord` order.
        {7, "the touch without pressure programme's steps", R"sql(
CREATE TABLE programme_steps (
    id TEXT PRIMARY KEY NOT NULL,
    ord INTEGER NOT NULL CHECK (ord >= 1),
    kind TEXT NOT NULL CHECK (kind IN ('join', 'ready', 'pause', 'stop', 'back')),
    who TEXT CHECK (who IS NULL OR who IN ('partner1', 'partner2')),
    yes INTEGER NOT NULL CHECK (yes IN (0, 1)),
    stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 3),
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
);
)sql"},
        // XP kept through edits of the past (docs/scoring.md §6.3): the
        // couple's rows, synced and exported like the rest of the history.
        {8, "XP kept through edits of the past", R"sql(
CREATE TABLE kept_xp (
    id TEXT PRIMARY KEY NOT NULL,
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    xp INTEGER NOT NULL CHECK (xp >= 1),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
);
)sql"},
    };
    return steps;
}

} // namespace kindling
