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

// Packages the media files the note's fields refer to (`html`: field_html of the note), as
// the fields name them once normalised as Anki stores them, and returns those normalised fields
// (one per field of `note_type`). Reports APKG206 when the note has more values than
// `note_type` has fields.
std::vector<std::string> package_field_media(const Note& note, const std::vector<std::string>& html,
                                             const NoteType& note_type,
                                             const SourceLocation& origin, MediaPackager& media,
                                             WriteContext& context);

// The text columns of a note from its normalised fields: media references rewritten to the
// names `media` packaged them under (package_field_media ran for every note before), the sort
// field (`sort_field`) and checksum by Anki's rules. Reports nothing; safe on several threads.
NoteText note_text_from_fields(std::vector<std::string> fields, int sort_field,
                               const MediaPackager& media);

// The same from the note itself, whose type has `field_count` fields: its fields rendered to
// HTML and normalised again.
NoteText note_text(const Note& note, int field_count, int sort_field, const MediaPackager& media);

// " a b " for tags a and b ("" for none). Anki splits tags on white space, so white space
// inside a tag becomes '_' (reported as APKG210).
std::string tags_column(const std::vector<std::string>& tags, const SourceLocation& origin,
                        WriteContext& context);

}  // namespace deckport::apkg
