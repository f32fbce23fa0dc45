#include "mochi/mochi_format.hpp"

namespace deckport {

FormatInfo mochi_format_info() {
    FormatInfo info;
    info.name = "mochi";
    info.extensions = {".mochi"};
    info.description = "Mochi package: decks and sub-decks, markdown cards, tags, cloze, media";
    info.capabilities = {.note_types = false,
                         .deck_tree = true,
                         .tags = true,
                         // Only GUIDs that are already Mochi ids come back as they were.
                         .guids = false,
                         .media = true,
                         .scheduling = false,
                         .formatting = true,
                         .cloze = true,
                         .multiple_decks = true,
                         .media_files = true};
    // Card ids derived from GUIDs that are no Mochi ids; attachments at the archive root.
    info.normalises = {.derived_note_ids = true, .media_names = true};
    return info;
}

Format make_mochi_format() {
    return Format{mochi_format_info(), make_mochi_reader(), make_mochi_writer()};
}

}  // namespace deckport
