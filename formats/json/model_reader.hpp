// Builds the Collection from a parsed deckport JSON document, reporting every problem it finds
// (missing keys, wrong types, broken references, duplicates) and skipping what it cannot use.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

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

// Reads the elements of "notes" one by one, in order, into `model`: each note's type is looked up
// in `note_types`, and guids are checked for duplicates across the elements read.
class NoteReader {
  public:
    NoteReader(ModelFromJson& model, const Collection& note_types, Problems& problems);
    void read(const nlohmann::json& element);

  private:
    ModelFromJson& model_;
    const Collection& note_types_;
    Problems& problems_;
    std::size_t next_index_ = 0;
    std::unordered_map<std::string, std::string> guid_pointers_;  // guid -> first note's pointer
};

// The note types of the "note_types" array `array` (problems reported to `problems`).
Collection note_types_from_json(const nlohmann::json& array, Problems& problems);

// Notes read while the document was parsed (reader.cpp), with their problems: model_from_json
// takes them instead of reading "notes" from the tree.
struct StreamedNotes {
    explicit StreamedNotes(bool unknown_keys_are_warnings) : problems(unknown_keys_are_warnings) {}
    ModelFromJson notes;
    Problems problems;
};

// `root` is the top-level object whose "format" and "version" the caller has read. Media listed
// without "data" are read from the media root (beside the JSON file, or in `<stem>.media/`);
// `strict` makes a missing one an error.
ModelFromJson model_from_json(Members& root, const MediaRoot& media, bool strict,
                              Problems& problems, StreamedNotes* streamed = nullptr);

}  // namespace deckport::json_format
