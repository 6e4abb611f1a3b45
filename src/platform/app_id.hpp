#pragma once
// The desktop's name for Kindling: the application id its notifications, its
// icon and its desktop entries go by. Kept here, in one place, until the
// installable app's generated constant replaces it.

namespace kindling::platform {

inline constexpr const char* desktopAppId = "app.kindling.Kindling";
// The icon has the application id's name (an icon theme looks it up).
inline constexpr const char* desktopIconName = desktopAppId;
// The name notification servers show beside a notification.
inline constexpr const char* desktopAppName = "Kindling";

} // namespace kindling::platform
