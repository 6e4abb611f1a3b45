#pragma once
// `kindling stats`: the JSON document (documented in the README) and the
// readable summary.

#include <string>

#include "app/session.hpp"

namespace kindling {

std::string statsJson(const Session& session);
std::string statsText(const Session& session);
std::string ritualListJson(const Session& session);
std::string ritualListText(const Session& session);

} // namespace kindling
