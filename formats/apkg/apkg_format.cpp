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
    // Set by every write (README "Writing"): usn -1, filtered cards back home, media names
    // sanitised as Anki requires, custom note types named like built-ins renamed (APKG209).
    info.normalises = {.card_keys = {"usn"},
                       .filtered_cards_go_home = true,
                       .media_names = true,
                       .custom_note_type_names = true};
    info.options = {
        {.name = "variant",
         .direction = OptionDirection::write,
         .type = OptionType::choice,
         .values = {"legacy", "legacy2"},
         .default_value = "legacy",
         .description = "package variant: legacy (collection.anki2, every client) or legacy2"},
    };
    return info;
}

Format make_apkg_format() {
    return Format{apkg_format_info(), make_apkg_reader(), make_apkg_writer()};
}

}  // namespace deckport
