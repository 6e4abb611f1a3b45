#pragma once
// Files from assets/ and shaders/, embedded into the binary at build time so an
// installed kindling needs no source tree.

#include <optional>
#include <string_view>
#include <vector>

namespace kindling {

// `name` is the path below the source root, e.g. "shaders/background.frag".
std::optional<std::string_view> embeddedResource(std::string_view name);
std::vector<std::string_view> embeddedResourceNames();

} // namespace kindling
