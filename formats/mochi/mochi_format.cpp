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
                         .guids = true,
                         .media = true,
                         .scheduling = false,
                         .formatting = true,
                         .cloze = true,
                         .multiple_decks = true};
    return info;
}

Format make_mochi_format() {
    return Format{mochi_format_info(), make_mochi_reader(), make_mochi_writer()};
}

}  // namespace deckport
