#include "json/json_format.hpp"

#include "json/reader.hpp"
#include "json/writer.hpp"

namespace deckport {

Format make_json_format() {
    Format format;
    format.info.name = "json";
    format.info.aliases = {"deckport-json"};
    format.info.extensions = {".json"};
    format.info.description =
        "deckport's canonical JSON: every note type, deck, note, card and media file, lossless "
        "and versioned (docs/json-format.md)";
    Capabilities& can = format.info.capabilities;
    can.note_types = can.deck_tree = can.tags = can.guids = can.media = can.scheduling = true;
    can.formatting = can.cloze = can.multiple_decks = can.media_files = true;
    format.info.options = {
        {.name = "media",
         .direction = OptionDirection::write,
         .type = OptionType::choice,
         .values = {"inline", "list"},
         .default_value = "inline",
         .description = "inline: media bytes as base64 in the file; list: names, sizes and SHA-1 "
                        "only (convert writes the files to <stem>.media/ beside the JSON; the "
                        "reader takes them from the JSON file's folder or that folder)"}};
    format.info.media_beside_option = "media=list";
    format.reader = std::make_unique<json_format::JsonReader>();
    format.writer = std::make_unique<json_format::JsonWriter>();
    return format;
}

}  // namespace deckport
