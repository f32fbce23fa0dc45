#include "apkg/apkg_format.hpp"

namespace deckport {

FormatInfo apkg_format_info() {
    FormatInfo info;
    info.name = "apkg";
    info.aliases = {"anki", "colpkg", "anki2"};
    info.extensions = {".apkg", ".colpkg", ".anki2", ".anki21"};
    info.description = "Anki package: notes, note types, decks, tags, media and scheduling";
    info.capabilities = {.note_types = true,
                         .deck_tree = true,
                         .tags = true,
                         .guids = true,
                         .media = true,
                         .scheduling = true,
                         .formatting = true,
                         .cloze = true,
                         .multiple_decks = true,
                         .media_files = true};
    // Set by every write (README "Writing"): filtered cards back home, media names sanitised as
    // Anki requires. `usn` and note type names are kept.
    info.normalises = {.filtered_cards_go_home = true,
                       .media_names = true};
    info.options = {
        {.name = "variant",
         .direction = OptionDirection::write,
         .type = OptionType::choice,
         .values = {"legacy", "legacy2", "latest"},
         .default_value = "legacy",
         .description = "package variant: legacy (collection.anki2, every Anki), legacy2 (Anki "
                        "2.1+) or latest (zstd, schema 18: Anki 2.1.55+; the default for .colpkg)"},
        {.name = "package",
         .direction = OptionDirection::write,
         .type = OptionType::choice,
         .values = {"apkg", "colpkg"},
         .default_value = "apkg",
         .description = "apkg (a deck package) or colpkg (a whole collection, which Anki imports "
                        "in place of the user's); the output's extension decides when not given"},
    };
    return info;
}

Format make_apkg_format() {
    return Format{apkg_format_info(), make_apkg_reader(), make_apkg_writer()};
}

}  // namespace deckport
