#pragma once
// How Kindling's notifications name it: the application id (generated from
// CMakeLists.txt's KINDLING_APP_ID into version.hpp), the icon of the same
// name (an icon theme looks it up; packaging installs it), and the name
// notification servers show beside a notification.

#include "version.hpp"

namespace kindling::platform {

inline constexpr const char* desktopAppId = appId;
inline constexpr const char* desktopIconName = appId;
inline constexpr const char* desktopAppName = "Kindling";

} // namespace kindling::platform
