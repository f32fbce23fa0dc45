// The canonical JSON of a Collection, section by section (keys in the order of
// docs/json-format.md, arrays in model order, optional keys left out when they hold their
// default), so that the writer can stream a document of any size one note at a time.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"

namespace deckport::json_format {

using ojson = nlohmann::ordered_json;

enum class MediaMode {
    inline_bytes,  // each file's bytes as base64 in "data"
    list,          // names, sizes and SHA-1 only
};

// "format", "version" and "meta": the members that open the document.
ojson document_header(const Collection& collection);
ojson note_type_json(const NoteType& note_type);
ojson deck_json(const Deck& deck);
// The note type a note is written with (null when the collection lacks it). Reports a note
// whose note type is missing or whose field count differs from it (an error: the file would not
// read back) with a locator relative to `output_name`.
const NoteType* note_type_for_writing(const Note& note, const Collection& collection,
                                      const std::string& output_name, Diagnostics& diagnostics);
ojson note_json(const Note& note, const NoteType* note_type);
// The same note as text, as note_json(...).dump(2) with lines indented to `depth`, written
// without a tree; nullopt when the tree is needed: text that is not UTF-8, or a value held as
// a tree. Safe to call from several threads at once.
std::optional<std::string> note_text(const Note& note, const NoteType* note_type, int depth);
ojson media_json(const MediaFile& file, MediaMode mode);
// The collection's "extras", the document's last member, when it has any.
std::optional<ojson> collection_extras(const Collection& collection);

}  // namespace deckport::json_format
