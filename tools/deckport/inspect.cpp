// deckport inspect FILE [--json]: what a deck holds.
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "deckport/cloze_limit.hpp"

namespace deckport::cli {
namespace {

struct InspectOptions {
    std::string input;
    bool json = false;
    ReadOptions read;
};

nlohmann::ordered_json summarize(const Collection& c) {
    std::map<std::string, int> notes_per_deck;
    std::map<std::int64_t, int> notes_per_type;
    std::map<std::string, int> tag_counts;
    std::size_t cards = 0;
    for (const Note& note : c.notes) {
        ++notes_per_deck[note.deck];
        ++notes_per_type[note.note_type_id];
        for (const auto& tag : note.tags) ++tag_counts[tag];
        if (!note.cards.empty()) {
            cards += note.cards.size();
        } else if (const NoteType* nt = c.find_note_type(note.note_type_id)) {
            // What a package holds: Anki makes at most 500 cloze cards per note.
            cards += anki_card_ords(*nt, note).size();
        }
    }
    nlohmann::ordered_json out;
    out["file"] = c.meta.source_name;
    out["format"] = c.meta.source_format;
    out["notes"] = c.notes.size();
    out["cards"] = cards;
    out["media"] = c.media.size();
    out["decks"] = nlohmann::ordered_json::array();
    for (const Deck& deck : c.decks) {
        out["decks"].push_back({{"name", deck.name}, {"notes", notes_per_deck[deck.name]}});
    }
    out["note_types"] = nlohmann::ordered_json::array();
    for (const NoteType& nt : c.note_types) {
        out["note_types"].push_back({{"name", nt.name},
                                     {"kind", nt.kind == NoteTypeKind::cloze ? "cloze" : "standard"},
                                     {"fields", nt.fields},
                                     {"notes", notes_per_type[nt.id]}});
    }
    out["tags"] = nlohmann::ordered_json::object();
    for (const auto& [tag, count] : tag_counts) out["tags"][tag] = count;
    return out;
}

void print_text(const nlohmann::ordered_json& s) {
    std::cout << s["file"].get<std::string>() << " (" << s["format"].get<std::string>() << ")\n"
              << "  notes: " << s["notes"] << ", cards: " << s["cards"] << ", media: " << s["media"]
              << '\n';
    std::cout << "  decks:\n";
    for (const auto& d : s["decks"]) {
        std::cout << "    " << d["name"].get<std::string>() << " (" << d["notes"] << " notes)\n";
    }
    std::cout << "  note types:\n";
    for (const auto& nt : s["note_types"]) {
        std::cout << "    " << nt["name"].get<std::string>() << " [" << nt["kind"].get<std::string>()
                  << "] (" << nt["notes"] << " notes)\n";
    }
    if (!s["tags"].empty()) {
        std::cout << "  tags:";
        for (const auto& [tag, count] : s["tags"].items()) std::cout << ' ' << tag << " (" << count << ')';
        std::cout << '\n';
    }
}

ExitCode run(const InspectOptions& o, const GlobalOptions& global) {
    Diagnostics diagnostics;
    Collection collection = read_one(o.input, o.read, timestamp_for(o.read, {o.input}), diagnostics);
    print_diagnostics(diagnostics.all(), global);
    if (diagnostics.has_errors()) return ExitCode::invalid_input;
    auto summary = summarize(collection);
    if (o.json) {
        std::cout << summary.dump(2) << '\n';
    } else {
        print_text(summary);
    }
    return ExitCode::ok;
}

}  // namespace

void add_inspect_command(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto options = std::make_shared<InspectOptions>();
    CLI::App* command = app.add_subcommand(
        "inspect", "Show a deck's format, decks, note types, counts and tags");
    command->add_option("input", options->input, "Input file or folder, or - for stdin")->required();
    command->add_flag("--json", options->json, "Print JSON");
    add_read_options(*command, options->read);
    command->callback([options, &global, &action] {
        action = [options, &global] { return run(*options, global); };
    });
}

}  // namespace deckport::cli
