#include "core/assets.hpp"

#include "core/json_reading.hpp"

#include <algorithm>
#include <cmath>
#include <istream>
#include <map>
#include <utility>

namespace kindling {

namespace {

using namespace json_reading;

// Characters; one card, no scrolling.
constexpr std::size_t maxQuestionLength = 160;
constexpr std::size_t maxGuideSteps = 8;
constexpr std::size_t maxGuideStepLength = 160;
constexpr int maxPerDays = 366;

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
        if (codePointCount(question.text) > maxQuestionLength) {
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
            // A suggestion names a minimum; the couple may still choose 0 (docs/scoring.md §2).
            const bool positiveNeeded = measure.kind == "atLeast";
            if (!std::isfinite(measure.target) || measure.target < 0 ||
                (positiveNeeded && measure.target == 0)) {
                fail(positiveNeeded ? "\"measure.target\" must be more than 0"
                                    : "\"measure.target\" cannot be negative");
            }
        }
        if (isBlank(ritual.group)) fail("\"group\" is empty");
        if (ritual.guide.size() > maxGuideSteps) {
            fail("\"guide\" has " + std::to_string(ritual.guide.size()) + " steps; at most " +
                 std::to_string(maxGuideSteps));
        }
        for (std::size_t step = 0; step < ritual.guide.size(); ++step) {
            const std::string where = "\"guide\" step " + std::to_string(step + 1);
            if (isBlank(ritual.guide[step])) fail(where + " is empty");
            if (codePointCount(ritual.guide[step]) > maxGuideStepLength) {
                fail(where + " is longer than " + std::to_string(maxGuideStepLength) +
                     " characters");
            }
        }
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
    std::vector<Question> questions = readAssetList<Question>(
        "questions.json", json, "questions", [](AssetReader& reader, Question& question) {
            reader.readId(question.id);
            reader.read("category", question.category);
            reader.read("text", question.text);
        });
    validateQuestions(questions);
    return questions;
}

std::vector<CatalogRitual> parseCatalog(std::string_view json) {
    std::vector<CatalogRitual> rituals = readAssetList<CatalogRitual>(
        "catalog.json", json, "rituals", [](AssetReader& reader, CatalogRitual& ritual) {
            reader.readId(ritual.id);
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
            reader.readOptional("guide", ritual.guide);
            reader.readOptional("whenItHelps", ritual.whenItHelps);
        });
    validateCatalog(rituals);
    return rituals;
}

std::vector<Level> parseLevels(std::string_view json) {
    std::vector<Level> levels =
        readAssetList<Level>("levels.json", json, "levels", [](AssetReader& reader, Level& level) {
            reader.read("number", level.number);
            reader.read("name", level.name);
            reader.read("xpRequired", level.xpRequired);
            reader.read("description", level.description);
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
