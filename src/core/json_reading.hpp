#pragma once
// Reading Kindling's JSON assets: a rapidjson syntax check first (cereal reports
// neither a syntax error nor where it is), then cereal name lookups that keep
// track of the entry and field being read, so every AssetError says which file,
// which entry and which field is wrong. Shared by assets.cpp and achievements.cpp.

#include "core/assets.hpp"

#include <algorithm>
#include <array>
#include <cereal/archives/json.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <istream>
#include <iterator>
#include <map>
#include <rapidjson/error/en.h>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace kindling::json_reading {

template <class T> constexpr const char* expectedType() {
    if constexpr (std::is_same_v<T, std::string>)
        return "text";
    else if constexpr (std::is_same_v<T, std::vector<std::string>>)
        return "a list of text";
    else if constexpr (std::is_same_v<T, bool>)
        return "true or false";
    else if constexpr (std::is_floating_point_v<T>)
        return "a number";
    else
        return "a whole number";
}

inline std::string quoted(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

template <std::size_t N> std::string listOf(const std::array<std::string_view, N>& names) {
    std::string out;
    for (std::string_view name : names) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

template <std::size_t N>
bool isOneOf(std::string_view value, const std::array<std::string_view, N>& names) {
    return std::find(names.begin(), names.end(), value) != names.end();
}

inline bool isBlank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Ids end up in the database and in favourites, so keep them boring.
inline bool isSlug(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

// Characters as the couple counts them, for length limits; the text is already
// known to be valid UTF-8 (checkSyntax).
inline std::size_t codePointCount(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

inline std::string readAll(std::istream& in) {
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// cereal's archive neither reports a syntax error nor where it is (it fails later
// on an internal assertion), so the text is checked with its rapidjson first.
// Encoding is validated too: the UI renders these strings as UTF-8.
inline void checkSyntax(const std::string& asset, std::string_view json,
                        std::string_view listName) {
    if (isBlank(json)) throw AssetError(asset + " is empty");
    rapidjson::Document document;
    document.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
    if (document.HasParseError()) {
        const std::size_t offset = std::min(document.GetErrorOffset(), json.size());
        const std::string_view before = json.substr(0, offset);
        const auto line = std::count(before.begin(), before.end(), '\n') + 1;
        const std::size_t lineStart = before.rfind('\n');
        const std::size_t column =
            offset - (lineStart == std::string_view::npos ? 0 : lineStart + 1) + 1;
        throw AssetError(asset + " is not valid JSON at line " + std::to_string(line) +
                         ", column " + std::to_string(column) + ": " +
                         rapidjson::GetParseError_En(document.GetParseError()));
    }
    if (!document.IsObject()) {
        throw AssetError(asset + ": the top level must be an object holding " + quoted(listName) +
                         " and \"version\"");
    }
}

// Reads one asset through cereal's name-value lookups, keeping track of where
// it is so every error can say which entry and which field is wrong.
class AssetReader {
  public:
    AssetReader(std::string assetName, std::string_view json, std::string_view listName,
                int supportedVersion = 1)
        : asset(std::move(assetName)), text(checked(asset, json, listName)), archive(text) {
        int version = 0;
        read("version", version);
        if (version < 1 || version > supportedVersion) {
            fail("\"version\" is " + std::to_string(version) +
                 ", but this Kindling reads version " + std::to_string(supportedVersion));
        }
    }

    // Calls `readEntry` once per element of the top-level array `listName`.
    template <class ReadEntry> void forEach(const char* listName, ReadEntry&& readEntry) {
        cereal::size_type count = 0;
        try {
            archive.setNextName(listName);
            archive.startNode();
            archive.loadSize(count);
        } catch (const cereal::RapidJSONException&) {
            fail(quoted(listName) + " should be a list");
        } catch (const cereal::Exception&) {
            fail(quoted(listName) + " is missing");
        }
        for (cereal::size_type index = 0; index < count; ++index) {
            entry = std::string(listName) + "[" + std::to_string(index) + "]";
            try {
                archive.startNode();
            } catch (const cereal::Exception&) {
                fail("should be an object with named fields");
            }
            readEntry();
            archive.finishNode();
        }
        entry.clear();
        archive.finishNode();
    }

    template <class T> void read(const char* field, T& value) {
        try {
            archive(cereal::make_nvp(field, value));
        } catch (const cereal::RapidJSONException&) {
            fail(quoted(path + field) + " should be " + expectedType<T>());
        } catch (const cereal::Exception&) {
            fail(quoted(path + field) + " is missing");
        }
    }

    // Reads `field` and returns true, or leaves `value` alone and returns false
    // when the field is absent.
    template <class T> bool readOptional(const char* field, T& value) {
        try {
            archive(cereal::make_nvp(field, value));
            return true;
        } catch (const cereal::RapidJSONException&) {
            fail(quoted(path + field) + " should be " + expectedType<T>());
        } catch (const cereal::Exception&) {
            return false;
        }
    }

    // Enters the object `field` and returns true, or returns false when it is
    // absent. Fields read inside are named "field.inner" in errors.
    bool enterOptional(const char* field) {
        try {
            archive.setNextName(field);
            archive.startNode();
        } catch (const cereal::RapidJSONException&) {
            fail(quoted(path + field) + " should be an object");
        } catch (const cereal::Exception&) {
            return false;
        }
        outerPaths.push_back(path);
        path += std::string(field) + ".";
        return true;
    }
    void leave() {
        archive.finishNode();
        path = outerPaths.back();
        outerPaths.pop_back();
    }

    void identify(std::string_view id) { entry += " (id " + quoted(id) + ")"; }
    // Reads the entry's "id", which then names the entry in errors.
    void readId(std::string& id) {
        read("id", id);
        identify(id);
    }

    [[noreturn]] void fail(const std::string& problem) const {
        throw AssetError(asset + (entry.empty() ? ": " : ", " + entry + ": ") + problem);
    }

  private:
    static std::string checked(const std::string& assetName, std::string_view json,
                               std::string_view listName) {
        checkSyntax(assetName, json, listName);
        return std::string(json);
    }

    std::string asset;
    std::string entry;
    std::string path; // "measure." inside the object "measure"
    std::vector<std::string> outerPaths;
    std::istringstream text;
    cereal::JSONInputArchive archive;
};

// Validation failures found after reading name the entry the same way reading does.
class EntryProblems {
  public:
    EntryProblems(std::string assetName, std::string list)
        : asset(std::move(assetName)), listName(std::move(list)) {}

    [[noreturn]] void fail(std::size_t index, std::string_view id,
                           const std::string& problem) const {
        throw AssetError(asset + ", " + listName + "[" + std::to_string(index) + "]" +
                         (id.empty() ? "" : " (id " + quoted(id) + ")") + ": " + problem);
    }
    [[noreturn]] void fail(const std::string& problem) const {
        throw AssetError(asset + ": " + problem);
    }

    // Ids must be stable slugs and unique within their asset.
    void checkId(std::size_t index, const std::string& id) {
        if (id.empty()) fail(index, id, "\"id\" is empty");
        if (!isSlug(id)) {
            fail(index, id, "\"id\" may only use lowercase letters, digits and '-'");
        }
        const auto [previous, inserted] = firstUse.emplace(id, index);
        if (!inserted) {
            fail(index, id,
                 "duplicate id, already used by " + listName + "[" +
                     std::to_string(previous->second) + "]");
        }
    }

  private:
    std::string asset;
    std::string listName;
    std::map<std::string, std::size_t, std::less<>> firstUse;
};

// An asset that is one list: `readEntry(reader, entry)` reads each entry.
template <class Entry, class ReadEntry>
std::vector<Entry> readAssetList(std::string assetName, std::string_view json, const char* listName,
                                 ReadEntry&& readEntry) {
    AssetReader reader{std::move(assetName), json, listName};
    std::vector<Entry> entries;
    reader.forEach(listName, [&] {
        Entry entry;
        readEntry(reader, entry);
        entries.push_back(std::move(entry));
    });
    return entries;
}

} // namespace kindling::json_reading
