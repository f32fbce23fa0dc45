// A note as a row of the `notes` table: fields as HTML joined by U+001F, media references
// rewritten to the packaged names, the sort field and checksum by Anki's rules, tags as " a b ".
#pragma once

#include <string>
#include <vector>

#include "apkg/media_packaging.hpp"
#include "apkg/package_content.hpp"
#include "deckport/format.hpp"
#include "deckport/model.hpp"

namespace deckport::apkg {

// to_html of each of the note's fields, in order.
std::vector<std::string> field_html(const Note& note);

// The field values (HTML, normalised as Anki stores them, media references rewritten), exactly
// one per field of `note_type`, from `html` (field_html of the note). Reports APKG206 when the
// note has more values than fields.
std::vector<std::string> note_field_html(const Note& note, const std::vector<std::string>& html,
                                         const NoteType& note_type, const SourceLocation& origin,
                                         MediaPackager& media, WriteContext& context);

// Fills the text columns (flds, sfld, csum) from the field values.
void set_field_columns(NoteRow& row, const std::vector<std::string>& fields, int sort_field);

// " a b " for tags a and b ("" for none). Anki splits tags on white space, so white space
// inside a tag becomes '_' (reported as APKG210).
std::string tags_column(const std::vector<std::string>& tags, const SourceLocation& origin,
                        WriteContext& context);

}  // namespace deckport::apkg
