#pragma once
// The schema as numbered migration steps. PRAGMA user_version is the number
// of the last step applied; each step runs in its own transaction that also
// sets user_version, so a file is always exactly at one version.
//
// Steps are append-only: once released, a step never changes; a new need is a
// new step.

#include <string_view>
#include <vector>

namespace kindling {

struct Migration {
    int version;
    std::string_view summary;
    std::string_view sql; // DDL only; data moves with INSERT … SELECT
};

const std::vector<Migration>& schemaMigrations();

} // namespace kindling
