// Builds the Collection from a parsed deckport JSON document, reporting every problem it finds
// (missing keys, wrong types, broken references, duplicates) and skipping what it cannot use.
#pragma once

#include <string>
#include <vector>

#include "deckport/io.hpp"
#include "deckport/media_root.hpp"
#include "deckport/model.hpp"
#include "json/problems.hpp"

namespace deckport::json_format {

struct ModelFromJson {
    Collection collection;
    std::vector<std::string> note_pointers;  // `/notes/N` of each collection.notes entry
    // For each note, where each field's text is: `/notes/N/fields/M/source`.
    std::vector<std::vector<std::string>> field_pointers;
    std::vector<std::string> media_pointers;  // `/media/N` of each collection.media entry
};

// `root` is the top-level object whose "format" and "version" the caller has read. Media listed
// without "data" are read from the media root (beside the JSON file, or in `<stem>.media/`);
// `strict` makes a missing one an error.
ModelFromJson model_from_json(Members& root, const MediaRoot& media, bool strict,
                              Problems& problems);

}  // namespace deckport::json_format
