#pragma once
// Windows only: UTF-8 <-> UTF-16 at the boundary with the wide (W) APIs, and
// the system's words for an error code. Kindling keeps text as UTF-8 inside.

#include <string>
#include <string_view>

namespace kindling::os {

std::wstring widen(std::string_view utf8);
std::string narrow(std::wstring_view utf16);
// FormatMessageW's text for a GetLastError() code, in UTF-8, without the final newline.
std::string errorText(unsigned long code);
std::string lastErrorText();

} // namespace kindling::os
