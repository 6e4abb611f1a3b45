#include "core/assets.hpp"

#include <algorithm>
#include <cereal/archives/json.hpp>
#include <cmath>
#include <istream>
#include <iterator>
#include <map>
#include <rapidjson/error/en.h>
#include <sstream>
#include <type_traits>
#include <utility>

namespace kindling {

namespace {

constexpr int supportedVersion = 1;
constexpr std::size_t maxQuestionLength = 160; // characters; one card, no scrolling
constexpr int maxPerDays = 366;

template <class T> constexpr const char* expectedType() {
    if constexpr (std::is_same_v<T, std::string>)
        return "text";
    else if constexpr (std::is_floating_point_v<T>)
        return "a number";
    else
        return "a whole number";
}

std::string quoted(std::string_view text) {
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

bool isBlank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Ids end up in the database and in favourites, so keep them boring.
bool isSlug(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

std::size_t utf8Length(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// cereal's archive neither reports a syntax error nor where it is (it fails later
// on an internal assertion), so the text is checked with its rapidjson first.
// Encoding is validated too: the UI renders these strings as UTF-8.
void checkSyntax(const std::string& asset, std::string_view json, std::string_view listName) {
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
    AssetReader(std::string assetName, std::string_view json, std::string_view listName)
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
            fail(quoted(field) + " should be " + expectedType<T>());
        } catch (const cereal::Exception&) {
            fail(quoted(field) + " is missing");
        }
    }

    // Enters the object `field` and returns true, or returns false when it is absent.
    bool enterOptional(const char* field) {
        try {
            archive.setNextName(field);
            archive.startNode();
            return true;
        } catch (const cereal::RapidJSONException&) {
            fail(quoted(field) + " should be an object");
        } catch (const cereal::Exception&) {
            return false;
        }
    }
    void leave() { archive.finishNode(); }

    void identify(std::string_view id) { entry += " (id " + quoted(id) + ")"; }

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

std::string readAll(std::istream& in) {
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void validateQuestions(const std::vector<Question>& questions) {
    EntryProblems problems{"questions.json", "questions"};
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const Question& question = questions[i];
        problems.checkId(i, question.id);
        if (!isOneOf(question.category, questionCategories)) {
            problems.fail(i, question.id,
                          "unknown \"category\" " + quoted(question.category) +
                              "; expected one of " + listOf(questionCategories));
        }
        if (isBlank(question.text)) problems.fail(i, question.id, "\"text\" is empty");
        if (utf8Length(question.text) > maxQuestionLength) {
            problems.fail(i, question.id,
                          "\"text\" is longer than " + std::to_string(maxQuestionLength) +
                              " characters");
        }
    }
    if (questions.size() < minimumQuestionCount) {
        problems.fail("only " + std::to_string(questions.size()) +
                      " questions; the deck needs at least " +
                      std::to_string(minimumQuestionCount));
    }
    for (std::string_view category : questionCategories) {
        const bool present = std::any_of(questions.begin(), questions.end(),
                                         [&](const Question& q) { return q.category == category; });
        if (!present) problems.fail("no questions in category " + quoted(category));
    }
}

void validateCatalog(const std::vector<CatalogRitual>& rituals) {
    EntryProblems problems{"catalog.json", "rituals"};
    for (std::size_t i = 0; i < rituals.size(); ++i) {
        const CatalogRitual& ritual = rituals[i];
        const auto fail = [&](const std::string& problem) { problems.fail(i, ritual.id, problem); };
        problems.checkId(i, ritual.id);
        if (isBlank(ritual.name)) fail("\"name\" is empty");
        if (isBlank(ritual.icon)) fail("\"icon\" is empty");
        if (!isOneOf(ritual.area, ritualAreas)) {
            fail("unknown \"area\" " + quoted(ritual.area) + "; expected one of " +
                 listOf(ritualAreas));
        }
        if (isBlank(ritual.why)) fail("\"why\" is empty");
        if (ritual.times < 1) fail("\"times\" must be at least 1");
        if (ritual.perDays < 1 || ritual.perDays > maxPerDays) {
            fail("\"perDays\" must be between 1 and " + std::to_string(maxPerDays));
        }
        if (ritual.times > ritual.perDays) fail("\"times\" cannot be more than \"perDays\"");
        if (!isOneOf(ritual.mode, ritualModes)) {
            fail("unknown \"mode\" " + quoted(ritual.mode) + "; expected one of " +
                 listOf(ritualModes));
        }
        if (ritual.measure) {
            const CatalogMeasure& measure = *ritual.measure;
            if (isBlank(measure.unit)) fail("\"measure.unit\" is empty");
            if (!isOneOf(measure.kind, measureKinds)) {
                fail("unknown \"measure.kind\" " + quoted(measure.kind) + "; expected one of " +
                     listOf(measureKinds));
            }
            // "At most 0" is a meaningful limit (scoring.md); "at least 0" is not a goal.
            const bool positiveNeeded = measure.kind == "atLeast";
            if (!std::isfinite(measure.target) || measure.target < 0 ||
                (positiveNeeded && measure.target == 0)) {
                fail(positiveNeeded ? "\"measure.target\" must be more than 0"
                                    : "\"measure.target\" cannot be negative");
            }
        }
        if (isBlank(ritual.group)) fail("\"group\" is empty");
    }
    const bool hasQuestionRitual =
        std::any_of(rituals.begin(), rituals.end(),
                    [](const CatalogRitual& r) { return r.id == questionRitualId; });
    if (!hasQuestionRitual) {
        problems.fail("no ritual has id " + quoted(questionRitualId) +
                      "; answering the question of the night logs it");
    }
}

void validateLevels(const std::vector<Level>& levels) {
    EntryProblems problems{"levels.json", "levels"};
    if (levels.empty()) problems.fail("\"levels\" is empty");
    std::map<std::string, std::size_t, std::less<>> names;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const Level& level = levels[i];
        const auto fail = [&](const std::string& problem) { problems.fail(i, "", problem); };
        if (level.number != static_cast<int>(i) + 1) {
            fail("\"number\" is " + std::to_string(level.number) + ", expected " +
                 std::to_string(i + 1) + ": levels are listed in order from 1");
        }
        if (isBlank(level.name)) fail("\"name\" is empty");
        if (!names.emplace(level.name, i).second) fail("duplicate name " + quoted(level.name));
        if (isBlank(level.description)) fail("\"description\" is empty");
        if (i == 0 && level.xpRequired != 0) fail("level 1 must need 0 XP");
        if (i > 0 && level.xpRequired <= levels[i - 1].xpRequired) {
            fail("\"xpRequired\" must be more than the previous level's");
        }
    }
}

} // namespace

std::vector<Question> parseQuestions(std::string_view json) {
    AssetReader reader{"questions.json", json, "questions"};
    std::vector<Question> questions;
    reader.forEach("questions", [&] {
        Question question;
        reader.read("id", question.id);
        reader.identify(question.id);
        reader.read("category", question.category);
        reader.read("text", question.text);
        questions.push_back(std::move(question));
    });
    validateQuestions(questions);
    return questions;
}

std::vector<CatalogRitual> parseCatalog(std::string_view json) {
    AssetReader reader{"catalog.json", json, "rituals"};
    std::vector<CatalogRitual> rituals;
    reader.forEach("rituals", [&] {
        CatalogRitual ritual;
        reader.read("id", ritual.id);
        reader.identify(ritual.id);
        reader.read("name", ritual.name);
        reader.read("icon", ritual.icon);
        reader.read("area", ritual.area);
        reader.read("why", ritual.why);
        reader.read("times", ritual.times);
        reader.read("perDays", ritual.perDays);
        reader.read("mode", ritual.mode);
        if (reader.enterOptional("measure")) {
            CatalogMeasure measure;
            reader.read("unit", measure.unit);
            reader.read("target", measure.target);
            reader.read("kind", measure.kind);
            reader.leave();
            ritual.measure = std::move(measure);
        }
        reader.read("group", ritual.group);
        rituals.push_back(std::move(ritual));
    });
    validateCatalog(rituals);
    return rituals;
}

std::vector<Level> parseLevels(std::string_view json) {
    AssetReader reader{"levels.json", json, "levels"};
    std::vector<Level> levels;
    reader.forEach("levels", [&] {
        Level level;
        reader.read("number", level.number);
        reader.read("name", level.name);
        reader.read("xpRequired", level.xpRequired);
        reader.read("description", level.description);
        levels.push_back(std::move(level));
    });
    validateLevels(levels);
    return levels;
}

std::vector<Question> parseQuestions(std::istream& in) {
    return parseQuestions(readAll(in));
}
std::vector<CatalogRitual> parseCatalog(std::istream& in) {
    return parseCatalog(readAll(in));
}
std::vector<Level> parseLevels(std::istream& in) {
    return parseLevels(readAll(in));
}

} // namespace kindling
