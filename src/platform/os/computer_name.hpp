#pragma once
// The name this computer goes by on its network (gethostname; on Windows
// GetComputerNameExW), which a couple recognises: the sync card says which
// computer wrote what (docs/sync.md).

#include <optional>
#include <string>

namespace kindling::os {

// In UTF-8; nullopt when the system gives none.
std::optional<std::string> computerName();

} // namespace kindling::os
