#include "crowdanki/crowdanki_format.hpp"

namespace deckport {

FormatInfo crowdanki_format_info() {
    FormatInfo info;
    info.name = "crowdanki";
    info.aliases = {"crowd-anki"};
    info.description =
        "CrowdAnki folder (deck.json + media/): notes, note types, deck tree, tags, media";
    info.capabilities = {.note_types = true,
                         .deck_tree = true,
                         .tags = true,
                         .guids = true,
                         .media = true,
                         .scheduling = false,
                         .formatting = true,
                         .cloze = true,
                         .multiple_decks = true,
                         .media_files = true};
    // CA030: decks without a common parent go under one root deck; media/ is flat.
    info.normalises = {.root_deck = true, .media_names = true};
    info.directory = true;
    info.folder_entries = {"deck.json", "media/"};
    info.options = {
        {.name = "root",
         .direction = OptionDirection::write,
         .type = OptionType::text,
         .default_value = "the output folder's name",
         .description = "name of the root deck when the decks have no common parent (CA030)"},
    };
    return info;
}

Format make_crowdanki_format() {
    return Format{crowdanki_format_info(), make_crowdanki_reader(), make_crowdanki_writer()};
}

}  // namespace deckport
