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
    out["carries"] = {{"note_types", c.note_types},
                      {"deck_tree", c.deck_tree},
                      {"multiple_decks", c.multiple_decks},
                      {"tags", c.tags},
                      {"guids", c.guids},
                      {"media", c.media},
                      {"scheduling", c.scheduling},
                      {"formatting", c.formatting},
                      {"cloze", c.cloze},
                      {"media_files", c.media_files}};
    const Normalisations& n = f.info.normalises;
    out["normalises"] = {{"card_keys", n.card_keys},
                         {"filtered_cards_go_home", n.filtered_cards_go_home},
                         {"derived_note_ids", n.derived_note_ids},
                         {"root_deck", n.root_deck},
                         {"media_names", n.media_names}};
    out["options"] = nlohmann::ordered_json::array();
    for (const OptionInfo& option : f.info.options) {
        out["options"].push_back({{"name", option.name},
                                  {"direction", option_direction_name(option.direction)},
                                  {"type", option_type_name(option.type)},
                                  {"values", option.values},
                                  {"default", option.default_value},
                                  {"description", option.description},
                                  {"flag", option.flag}});
    }
    return out;
}

// What the format's writer changes by rule, in words (a round trip does not count it).
std::string normalisation_words(const nlohmann::ordered_json& n) {
    std::vector<std::string> rules;
    for (const auto& key : n["card_keys"]) rules.push_back("card " + key.get<std::string>());
    if (n["filtered_cards_go_home"].get<bool>()) rules.push_back("filtered cards sent home");
    if (n["derived_note_ids"].get<bool>()) rules.push_back("note ids derived from GUIDs");
    if (n["root_deck"].get<bool>()) rules.push_back("a root deck over decks without a parent");
    if (n["media_names"].get<bool>()) rules.push_back("flat, sanitised media names");
    std::string out;
    for (const std::string& rule : rules) out += (out.empty() ? "" : ", ") + rule;
    return out;
}

// `  -O separator (read+write, character: tab, comma, ... or one character)`, then the
// default and the description on their own lines.
void print_option(const nlohmann::ordered_json& option) {
    std::string type = option["type"].get<std::string>();
    std::string values;
    for (const auto& value : option["values"]) {
        values += (values.empty() ? "" : ", ") + value.get<std::string>();
    }
    if (!values.empty()) {
        if (type == "character") values += " or one character";
        if (type == "text") values += " or any text";
        type += ": " + values;
    }
    std::cout << "  -O " << option["name"].get<std::string>() << " ("
              << option["direction"].get<std::string>() << ", " << type << ")";
    if (!option["flag"].get<std::string>().empty()) {
        std::cout << " [" << option["flag"].get<std::string>() << "]";
    }
    std::cout << "\n      default: " << option["default"].get<std::string>() << "\n      "
              << option["description"].get<std::string>() << '\n';
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
        std::string rules = normalisation_words(f["normalises"]);
        if (!rules.empty()) std::cout << "  normalises by rule: " << rules << '\n';
        for (const auto& option : f["options"]) print_option(option);
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
