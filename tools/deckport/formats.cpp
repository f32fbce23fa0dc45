// deckport formats [--json]: every format, its extensions and what it can carry.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli.hpp"

namespace deckport::cli {
namespace {

nlohmann::ordered_json describe(const Format& f) {
    const Capabilities& c = f.info.capabilities;
    nlohmann::ordered_json out;
    out["name"] = f.info.name;
    out["aliases"] = f.info.aliases;
    out["extensions"] = f.info.extensions;
    out["description"] = f.info.description;
    out["read"] = f.reader != nullptr;
    out["write"] = f.writer != nullptr;
    out["directory"] = f.info.directory;
    out["carries"] = {{"note_types", c.note_types}, {"deck_tree", c.deck_tree},
                      {"multiple_decks", c.multiple_decks}, {"tags", c.tags},
                      {"guids", c.guids},           {"media", c.media},
                      {"scheduling", c.scheduling}, {"formatting", c.formatting},
                      {"cloze", c.cloze}};
    out["options"] = nlohmann::ordered_json::array();
    for (const OptionInfo& option : f.info.options) {
        out["options"].push_back({{"name", option.name},
                                  {"default", option.default_value},
                                  {"description", option.description}});
    }
    return out;
}

ExitCode run(bool json) {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const Format* f : builtin_formats().all()) all.push_back(describe(*f));
    if (json) {
        std::cout << all.dump(2) << '\n';
        return ExitCode::ok;
    }
    for (const auto& f : all) {
        std::string modes = std::string(f["read"].get<bool>() ? "read" : "") +
                            (f["read"].get<bool>() && f["write"].get<bool>() ? "+" : "") +
                            (f["write"].get<bool>() ? "write" : "");
        std::cout << f["name"].get<std::string>() << " (" << modes << ")";
        for (const auto& ext : f["extensions"]) std::cout << ' ' << ext.get<std::string>();
        std::cout << "\n  " << f["description"].get<std::string>() << "\n  carries:";
        for (const auto& [what, yes] : f["carries"].items()) {
            if (yes.get<bool>()) std::cout << ' ' << what;
        }
        std::cout << '\n';
        for (const auto& option : f["options"]) {
            std::cout << "  -O " << option["name"].get<std::string>() << '='
                      << option["default"].get<std::string>() << "  "
                      << option["description"].get<std::string>() << '\n';
        }
    }
    return ExitCode::ok;
}

}  // namespace

void add_formats_command(CLI::App& app, const GlobalOptions&, Action& action) {
    auto json = std::make_shared<bool>(false);
    CLI::App* command = app.add_subcommand("formats", "List every format and what it can carry");
    command->add_flag("--json", *json, "Print JSON");
    command->callback([json, &action] { action = [json] { return run(*json); }; });
}

}  // namespace deckport::cli
