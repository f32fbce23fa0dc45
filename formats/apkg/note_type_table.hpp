// The note types a package carries, under the names Anki will show.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "deckport/format.hpp"
#include "deckport/model.hpp"

namespace deckport::apkg {

struct ExportedNoteType {
    NoteType note_type;   // as written: templates named, name changed when reserved
    bool usable = true;   // Anki can import it (fields, templates, names)
    std::string problem;  // why it is not usable
    bool used = false;
    std::int64_t deck_id = 0;  // the deck of the first note that uses it (0: Default)
};

class NoteTypeTable {
  public:
    // Checks every note type of the collection and renames custom ones that carry the name of
    // a built-in (Anki matches note types by id, but users tell them apart by name), except
    // those of an Anki input, which are the user's own.
    NoteTypeTable(const Collection& collection, WriteContext& context);

    // The note type a note uses; reports APKG201 or APKG207 and returns null when it cannot
    // be written.
    ExportedNoteType* for_note(const Note& note, const SourceLocation& origin,
                               WriteContext& context);

    // The `models` JSON: every usable note type; `modified` is the default `mod`. Reports the
    // unusable ones that no note needs, which are left out (APKG208).
    nlohmann::json models_json(std::int64_t modified, WriteContext& context) const;
    // The id of the first note type written (the collection's current one), or 0.
    std::int64_t first_id() const;

  private:
    std::vector<ExportedNoteType> types_;
    std::unordered_map<std::int64_t, std::size_t> index_by_id_;
    std::string source_name_;
};

}  // namespace deckport::apkg
