#include "cli/cli.hpp"

#include "app/content.hpp"
#include "app/session.hpp"
#include "app/sync_engine.hpp"
#include "cli/data_commands.hpp"
#include "cli/reminder_commands.hpp"
#include "cli/stats_report.hpp"
#include "cli/sync_commands.hpp"
#include "core/demo.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <functional>
#include <ostream>
#include <regex>
#include <thread>

namespace kindling {

namespace {

using ArgumentError = CommandLineError;

// The flag or argument a field is given with (core/rules.hpp): the command
// line words a RuleViolation with it.
std::string flagOf(Field field) {
    switch (field) {
    case Field::RitualName:
    case Field::Ritual:
        return "NAME";
    case Field::RitualIcon:
        return "--icon";
    case Field::RitualWhy:
        return "--why";
    case Field::RitualTimes:
        return "--times";
    case Field::RitualPerDays:
        return "--per";
    case Field::RitualWeekdays:
        return "--weekdays";
    case Field::RitualTarget:
        return "--target";
    case Field::RitualUnit:
        return "--measure";
    case Field::LogDay:
    case Field::SkipDay:
        return "--date";
    case Field::LogWho:
        return "--by";
    case Field::LogAmount:
        return "--amount";
    case Field::LogNote:
        return "--note";
    case Field::PauseFirst:
        return "--from";
    case Field::PauseLast:
        return "--to";
    case Field::PauseReason:
        return "--reason";
    case Field::GoalTitle:
        return "TITLE";
    case Field::GoalTarget:
        return "--target";
    case Field::GoalFrom:
        return "--from and --to";
    case Field::GoalTo:
        return "--to";
    case Field::GoalReward:
        return "--reward";
    case Field::Partner1Name:
        return "--partner1";
    case Field::Partner2Name:
        return "--partner2";
    default:
        return std::string(fieldName(field));
    }
}

// A reminder check (platform/reminder_desktop.hpp) holds the data file for a
// moment now and then: wait for it as long as that takes. A window keeps it
// for as long as it is open, so after that the command says so.
Session openWhenFree(const DataLocation& location) {
    for (int attempt = 0;; ++attempt) {
        try {
            return Session::open(location);
        } catch (const StoreError& e) {
            if (e.kind() != StoreError::Kind::Locked || attempt >= 10) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
        }
    }
}

bool parseWindowSize(const std::string& text, int& width, int& height) {
    static const std::regex pattern(R"((\d{2,5})x(\d{2,5}))");
    std::smatch match;
    if (!std::regex_match(text, match, pattern)) return false;
    width = std::stoi(match[1]);
    height = std::stoi(match[2]);
    return width >= 320 && height >= 240 && width <= 8192 && height <= 8192;
}

Day dayArgument(const std::string& argument, const std::string& text) {
    const auto day = parseDay(text);
    if (!day)
        throw ArgumentError(argument, "\"" + text + "\" is not a real date written YYYY-MM-DD");
    if (!isKeptDay(*day))
        throw ArgumentError(argument, text + " is outside the dates Kindling keeps (" +
                                          std::string(keptDaysText) + ")");
    return *day;
}

std::vector<Day> dayArguments(const std::string& argument, const std::vector<std::string>& texts) {
    std::vector<Day> result;
    for (const std::string& text : texts) {
        const Day day = dayArgument(argument, text);
        if (std::find(result.begin(), result.end(), day) != result.end())
            throw ArgumentError(argument, text + " is given twice");
        result.push_back(day);
    }
    return result;
}

Weekdays weekdaysArgument(const std::string& text) {
    static const char* names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    Weekdays weekdays{};
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string name = text.substr(start, comma - start);
        bool known = false;
        for (std::size_t i = 0; i < 7; ++i)
            if (name == names[i]) weekdays[i] = known = true;
        if (!known)
            throw ArgumentError("--weekdays",
                                "\"" + name + "\" is not one of mon,tue,wed,thu,fri,sat,sun");
        start = comma + 1;
    }
    return weekdays;
}

Area areaArgument(const std::string& argument, const std::string& text) {
    if (const auto area = fromName<Area>(text)) return *area;
    throw ArgumentError(argument, "\"" + text +
                                      "\" is not an area (connection, appreciation, touch, talk, "
                                      "repair, fun)");
}

// Everything the subcommands read, filled by CLI11.
struct Arguments {
    std::optional<std::string> partner1, partner2;
    std::string name;
    std::optional<int> times, per;
    std::optional<std::string> weekdays;
    std::string mode = "together";
    std::optional<std::string> measureUnit;
    std::optional<double> measureTarget;
    bool atLeast = false, atMost = false;
    bool whenItHelps = false;
    std::string area = "connection";
    std::string icon = "heart";
    std::string why;
    bool json = false;
    std::vector<std::string> dates;
    std::optional<std::string> by;
    std::optional<double> amount;
    std::string note;
    std::string from, to, reason;
    int goalTarget = 0;
    std::optional<std::string> goalRitual, goalArea;
    bool goalAny = false, week = false, month = false, everyWeek = false, everyMonth = false;
    std::string reward;
    std::optional<std::string> asOf;
    int years = 1;
    std::uint64_t seed = 1;
    bool dense = false;
};

using Command = std::function<int(Session&, std::ostream&)>;

int addRitual(const Arguments& a, Session& session, std::ostream& out) {
    RitualDraft draft;
    draft.name = a.name;
    if (a.times) draft.frequency = {*a.times, *a.per};
    if (a.weekdays) draft.weekdays = weekdaysArgument(*a.weekdays);
    draft.mode = fromName<RitualMode>(a.mode).value_or(RitualMode::Together);
    if (a.measureUnit) {
        draft.unit = *a.measureUnit;
        draft.measure = Measure{a.atMost ? MeasureKind::AtMost : MeasureKind::AtLeast,
                                a.measureTarget.value_or(0)};
    }
    draft.area = areaArgument("--area", a.area);
    draft.icon = a.icon;
    draft.why = a.why;
    draft.whenItHelps = a.whenItHelps;
    const ChangeSet change = session.run(kindling::addRitual, draft);
    out << "Added \"" << addedRitual(change).name << "\".\n";
    return 0;
}

int addGoal(const Arguments& a, Session& session, std::ostream& out) {
    GoalDraft draft;
    draft.title = a.name;
    draft.target = a.goalTarget;
    if (a.goalRitual) {
        draft.scope = GoalScope::Ritual;
        draft.ritualName = *a.goalRitual;
    } else if (a.goalArea) {
        draft.scope = GoalScope::Area;
        draft.area = areaArgument("--area", *a.goalArea);
    } else {
        draft.scope = GoalScope::Any;
    }
    if (a.month)
        draft.period = GoalPeriod::Month;
    else if (a.everyWeek)
        draft.period = GoalPeriod::EveryWeek;
    else if (a.everyMonth)
        draft.period = GoalPeriod::EveryMonth;
    else if (!a.from.empty() || !a.to.empty()) {
        draft.period = GoalPeriod::Custom;
        if (a.from.empty() || a.to.empty())
            throw ArgumentError("--from and --to", "a custom goal needs both days");
        draft.from = dayArgument("--from", a.from);
        draft.to = dayArgument("--to", a.to);
    } else
        draft.period = GoalPeriod::Week;
    draft.reward = a.reward;
    try {
        session.run(kindling::addGoal, draft);
    } catch (const RuleViolation& e) {
        if (e.field() == Field::Ritual) throw ArgumentError("--ritual", e.problem());
        throw;
    }
    out << "Set the goal \"" << session.history().goals.back().title << "\".\n";
    return 0;
}

} // namespace

CliOutcome runCommandLine(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                          const std::string& version) {
    CLI::App app{"Kindling: small daily rituals for two.\n"
                 "Without a subcommand, opens the window."};
    app.set_version_flag("--version", "kindling " + version);
    app.require_subcommand(0, 1);
    app.fallthrough();

    std::optional<std::string> dataDir;
    app.add_option("--data-dir", dataDir,
                   "Folder of the data file (default: $KINDLING_DATA_DIR, else "
                   "$XDG_DATA_HOME/kindling, else ~/.local/share/kindling)");
    std::optional<std::string> screenshot;
    std::string screen; // empty: the welcome steps on the first run, else Today
    std::string windowSize = "1280x800";
    std::optional<std::string> theme;
    app.add_option("--screenshot", screenshot,
                   "Render the window hidden for a few frames, save it as this PNG file, exit");
    app.add_option("--screen", screen,
                   "Screen to show first (today, dashboard, settings, onboarding …; default: "
                   "the welcome steps on the first run, else today)");
    app.add_option("--window-size", windowSize, "Window size as WIDTHxHEIGHT")
        ->capture_default_str();
    app.add_option("--theme", theme,
                   "light or dark for this run (default: the one chosen in the app)")
        ->check(CLI::IsMember({"light", "dark"}));
    bool reduceMotion = false;
    app.add_flag("--reduce-motion", reduceMotion,
                 "Calm, still celebrations for this run (also a setting in the app)");
    bool reportFirstFrame = false;
    app.add_flag("--report-first-frame", reportFirstFrame,
                 "Print when the first frame is on screen (for benchmarks)")
        ->group(""); // not in --help: a tool for measuring, not for the couple

    Arguments a;
    Command command;
    auto set = [&](CLI::App* sub, Command c) { sub->callback([&command, c] { command = c; }); };

    CLI::App* couple = app.add_subcommand("couple", "The two of you");
    couple->require_subcommand(1);
    CLI::App* coupleSet = couple->add_subcommand("set", "Set your names");
    coupleSet->add_option("--partner1", a.partner1, "First partner's name");
    coupleSet->add_option("--partner2", a.partner2, "Second partner's name");
    set(coupleSet, [&](Session& s, std::ostream& o) {
        s.run(setPartnerNames, a.partner1, a.partner2);
        o << "Hello, " << s.history().couple.partners[0].name << " and "
          << s.history().couple.partners[1].name << ".\n";
        return 0;
    });

    CLI::App* ritual = app.add_subcommand("ritual", "Add and list rituals");
    ritual->require_subcommand(1);
    CLI::App* ritualAdd = ritual->add_subcommand("add", "Add a ritual");
    ritualAdd->add_option("NAME", a.name, "Its name")->required();
    auto* times = ritualAdd->add_option("--times", a.times, "N times …");
    auto* per = ritualAdd->add_option("--per", a.per, "… per D days (default: daily)");
    times->needs(per);
    per->needs(times);
    auto* weekdays =
        ritualAdd->add_option("--weekdays", a.weekdays, "Specific weekdays, e.g. mon,wed,fri");
    weekdays->excludes(times)->excludes(per);
    ritualAdd
        ->add_flag("--when-it-helps", a.whenItHelps,
                   "No schedule: done when it helps, never due, no streak")
        ->excludes(weekdays);
    ritualAdd->add_option("--mode", a.mode, "together (one log for both) or each")
        ->check(CLI::IsMember({"together", "each"}))
        ->capture_default_str();
    auto* unit = ritualAdd->add_option("--measure", a.measureUnit, "Unit of a measured ritual");
    auto* target = ritualAdd->add_option("--target", a.measureTarget, "Target per period");
    auto* atLeast = ritualAdd->add_flag("--at-least", a.atLeast, "The target is a minimum");
    auto* atMost = ritualAdd->add_flag("--at-most", a.atMost, "The target is a maximum");
    atLeast->excludes(atMost);
    unit->needs(target);
    target->needs(unit);
    atLeast->needs(unit);
    atMost->needs(unit);
    ritualAdd->add_option("--area", a.area, "connection, appreciation, touch, talk, repair, fun")
        ->capture_default_str();
    ritualAdd->add_option("--icon", a.icon, "Font Awesome 4 icon name")->capture_default_str();
    ritualAdd->add_option("--why", a.why, "One line: why this helps");
    set(ritualAdd, [&](Session& s, std::ostream& o) { return addRitual(a, s, o); });
    CLI::App* ritualList = ritual->add_subcommand("list", "List the rituals");
    ritualList->add_flag("--json", a.json, "As JSON");
    set(ritualList, [&](Session& s, std::ostream& o) {
        o << (a.json ? ritualListJson(s) : ritualListText(s));
        return 0;
    });

    CLI::App* logCommand = app.add_subcommand("log", "Log a ritual");
    logCommand->add_option("NAME", a.name, "The ritual")->required();
    logCommand->add_option("--date", a.dates, "Day, YYYY-MM-DD (repeat for several)")
        ->required()
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    logCommand->add_option("--by", a.by, "A partner's name, or both");
    logCommand->add_option("--amount", a.amount, "Amount, for measured rituals");
    logCommand->add_option("--note", a.note, "A private note");
    set(logCommand, [&](Session& s, std::ostream& o) {
        const Ritual& chosen = ritualNamed(s.history(), a.name);
        const std::vector<Day> dayList = dayArguments("--date", a.dates);
        const std::optional<Who> who =
            a.by ? std::optional<Who>(partnerNamed(s.history(), *a.by)) : std::nullopt;
        const std::string name = chosen.name;
        s.run(logDays, chosen.id, dayList, who, a.amount, a.note);
        o << "Logged \"" << name << "\" on " << dayList.size()
          << (dayList.size() == 1 ? " day" : " days") << ".\n";
        return 0;
    });

    CLI::App* unlog = app.add_subcommand("unlog", "Remove a ritual's logs of one day");
    unlog->add_option("NAME", a.name, "The ritual")->required();
    unlog->add_option("--date", a.dates, "Day, YYYY-MM-DD")->required()->expected(1);
    unlog->add_option("--by", a.by, "Only this partner's (or both's) logs");
    set(unlog, [&](Session& s, std::ostream& o) {
        const std::string ritualId = ritualNamed(s.history(), a.name).id;
        const std::optional<Who> who =
            a.by ? std::optional<Who>(partnerNamed(s.history(), *a.by)) : std::nullopt;
        const auto removed =
            s.run(kindling::unlog, ritualId, dayArgument("--date", a.dates.front()), who)
                .changes<Log>()
                .size();
        o << (removed == 0 ? "Nothing was logged there.\n"
                           : fmt::format("Removed {} log{}.\n", removed, removed == 1 ? "" : "s"));
        return 0;
    });

    CLI::App* skip = app.add_subcommand("skip", "Skip a ritual on days it does not apply");
    skip->add_option("NAME", a.name, "The ritual")->required();
    skip->add_option("--date", a.dates, "Day, YYYY-MM-DD (repeat for several)")
        ->required()
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    set(skip, [&](Session& s, std::ostream& o) {
        s.run(skipDays, ritualNamed(s.history(), a.name).id, dayArguments("--date", a.dates));
        o << "Skipped. Streaks stay as they are.\n";
        return 0;
    });

    CLI::App* pause = app.add_subcommand("pause", "Pause every ritual for a while");
    pause->add_option("--from", a.from, "First day, YYYY-MM-DD")->required();
    pause->add_option("--to", a.to, "Last day, YYYY-MM-DD")->required();
    pause->add_option("--reason", a.reason, "Travel, illness, a new baby …")->required();
    set(pause, [&](Session& s, std::ostream& o) {
        s.run(startPause, dayArgument("--from", a.from), dayArgument("--to", a.to), a.reason);
        o << "Paused. Take care of each other; your streaks will wait.\n";
        return 0;
    });

    CLI::App* goal = app.add_subcommand("goal", "Shared goals");
    goal->require_subcommand(1);
    CLI::App* goalAdd = goal->add_subcommand("add", "Set a shared goal");
    goalAdd->add_option("TITLE", a.name, "What you aim for")->required();
    goalAdd->add_option("--target", a.goalTarget, "How many logs")->required();
    auto* goalRitual = goalAdd->add_option("--ritual", a.goalRitual, "Count one ritual");
    auto* goalArea = goalAdd->add_option("--area", a.goalArea, "Count one area");
    auto* goalAny = goalAdd->add_flag("--any", a.goalAny, "Count every ritual");
    goalRitual->excludes(goalArea)->excludes(goalAny);
    goalArea->excludes(goalAny);
    auto* week = goalAdd->add_flag("--week", a.week, "This week");
    auto* month = goalAdd->add_flag("--month", a.month, "This month");
    auto* everyWeek = goalAdd->add_flag("--every-week", a.everyWeek, "Every week");
    auto* everyMonth = goalAdd->add_flag("--every-month", a.everyMonth, "Every month");
    auto* from = goalAdd->add_option("--from", a.from, "Custom range: first day");
    auto* to = goalAdd->add_option("--to", a.to, "Custom range: last day");
    for (auto* first : {week, month, everyWeek, everyMonth, from})
        for (auto* second : {week, month, everyWeek, everyMonth, from})
            if (first != second && !(first == from && second == to)) first->excludes(second);
    to->needs(from);
    from->needs(to);
    goalAdd->add_option("--reward", a.reward, "What you promise yourselves");
    set(goalAdd, [&](Session& s, std::ostream& o) {
        if (!a.goalRitual && !a.goalArea && !a.goalAny)
            throw ArgumentError("--any", "say what counts: --ritual NAME, --area AREA or --any");
        return addGoal(a, s, o);
    });

    CLI::App* stats = app.add_subcommand("stats", "Streaks, strength and progress");
    stats->add_flag("--json", a.json, "As one JSON document (see README)");
    stats->add_option("--as-of", a.asOf, "As of this day (default: today)");
    set(stats, [&](Session& s, std::ostream& o) {
        if (a.asOf) s.setAsOf(dayArgument("--as-of", *a.asOf));
        o << (a.json ? statsJson(s) : statsText(s));
        return 0;
    });

    CLI::App* demo = app.add_subcommand("demo", "Fill an empty data folder with a sample history");
    demo->add_option("--years", a.years, "Years of history")
        ->capture_default_str()
        ->check(CLI::Range(0, 50));
    demo->add_option("--seed", a.seed, "Random seed")->capture_default_str();
    demo->add_flag("--dense", a.dense,
                   "Stress pace for benchmarks: each of you logs every ritual nearly every day "
                   "(ten years: about 90,000 logs instead of 18,000)");
    set(demo, [&](Session& s, std::ostream& o) {
        if (!s.isEmpty())
            throw ArgumentError("demo", "this data folder already holds a history; use an empty "
                                        "one (--data-dir DIR)");
        History sample =
            generateDemoHistory(shippedContent().catalog, {a.years, a.seed, s.asOf(), a.dense});
        if (s.onboarded()) sample.couple = s.history().couple; // names given before stay
        s.importGenerated(std::move(sample));
        o << "Created " << s.history().logs.size() << " logs over " << a.years
          << (a.years == 1 ? " year" : " years") << " for " << s.history().couple.partners[0].name
          << " and " << s.history().couple.partners[1].name << ".\n";
        return 0;
    });

    CLI::App* forgetPin =
        app.add_subcommand("forget-pin", "Turn the PIN lock off when the PIN is forgotten");
    set(forgetPin, [](Session& s, std::ostream& o) {
        if (!s.hasPin()) {
            o << "There is no PIN lock to turn off.\n";
            return 0;
        }
        s.forgetPin();
        o << "The PIN lock is off. You can set a new PIN in Settings.\n";
        return 0;
    });

    DataArguments dataArguments;
    addDataCommands(app, dataArguments, set, err, version);
    SyncArguments syncArguments;
    addSyncCommands(app, syncArguments, set);
    ReminderArguments reminderArguments;
    LocationCommand locationCommand;
    const auto setLocation = [&locationCommand](CLI::App* sub, LocationCommand c) {
        sub->callback([&locationCommand, c] { locationCommand = c; });
    };
    addReminderCommands(app, reminderArguments, set, setLocation);

    CliOutcome outcome;
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        outcome.exitCode = 0;
        return outcome;
    } catch (const CLI::CallForAllHelp&) {
        out << app.help("", CLI::AppFormatMode::All);
        outcome.exitCode = 0;
        return outcome;
    } catch (const CLI::CallForVersion& e) {
        out << e.what() << "\n";
        outcome.exitCode = 0;
        return outcome;
    } catch (const CLI::ParseError& e) {
        // The command as far as it was given ("kindling couple"), so the
        // advice names the help that fits.
        std::string givenCommand = "kindling";
        const CLI::App* given = &app;
        while (!given->get_subcommands().empty()) {
            given = given->get_subcommands().front();
            givenCommand += " " + given->get_name();
        }
        if (dynamic_cast<const CLI::RequiredError*>(&e) && given != &app &&
            given->get_require_subcommand_min() > 0) {
            std::string choices;
            for (const CLI::App* sub : given->get_subcommands([](const CLI::App*) { return true; }))
                choices += (choices.empty() ? "" : ", ") + sub->get_name();
            err << "kindling: " << givenCommand << " needs one of: " << choices << ".\n";
        } else {
            err << "kindling: " << e.what() << "\n";
        }
        err << "Run '" << givenCommand << " --help' for the options.\n";
        outcome.exitCode = 2;
        return outcome;
    }

    DataLocation location;
    try {
        location = resolveDataLocation(dataDir);
    } catch (const std::exception& e) {
        err << "kindling: " << e.what() << "\n";
        outcome.exitCode = 1;
        return outcome;
    }

    if (locationCommand) {
        try {
            outcome.exitCode = locationCommand(location, out);
        } catch (const std::exception& e) {
            err << "kindling: " << e.what() << "\n";
            outcome.exitCode = 1;
        }
        return outcome;
    }
    if (command) {
        try {
            Session session = openWhenFree(location);
            for (const std::string& warning : session.warnings())
                err << "kindling: warning: " << warning << "\n";
            outcome.exitCode = command(session, out);
            // What this command reached, said once; the window will not repeat it.
            const std::vector<Milestone> reached = session.pendingCelebrations();
            for (const Milestone& milestone : reached) {
                out << "* " << milestone.headline << ": " << milestone.detail << "\n";
                session.celebrated(milestone.key);
            }
        } catch (const RuleViolation& e) {
            err << "kindling: " << flagOf(e.field()) << ": " << e.problem()
                << "\nNothing was changed.\n";
            outcome.exitCode = 2;
        } catch (const SyncRefused& e) {
            err << "kindling: " << e.what() << "\nNothing was changed.\n";
            outcome.exitCode = 2;
        } catch (const ArgumentError& e) {
            err << "kindling: " << e.what() << "\nNothing was changed.\n";
            outcome.exitCode = 2;
        } catch (const StoreError& e) {
            err << "kindling: " << e.what() << "\n";
            outcome.exitCode = e.kind() == StoreError::Kind::Invalid ? 2 : 1;
        } catch (const std::exception& e) {
            err << "kindling: " << e.what() << "\n";
            outcome.exitCode = 1;
        }
        return outcome;
    }

    WindowRequest& window = outcome.window;
    if (!parseWindowSize(windowSize, window.width, window.height)) {
        err << "kindling: --window-size: '" << windowSize
            << "' is not WIDTHxHEIGHT between 320x240 and 8192x8192 (for example 1280x800)\n";
        outcome.exitCode = 2;
        return outcome;
    }
    window.data = location;
    window.screenshotFile = screenshot;
    window.screen = screen;
    window.theme = theme.value_or("");
    window.reduceMotion = reduceMotion;
    window.reportFirstFrame = reportFirstFrame;
    window.appVersion = version;
    return outcome;
}

} // namespace kindling
