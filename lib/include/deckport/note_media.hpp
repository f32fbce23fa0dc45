// The media a collection's notes refer to, checked once after reading, with the same codes in
// every command: MEDIA001 for a file that is missing (a warning, the note is kept as written;
// an error with --strict) and MEDIA002 for a path that the media root refuses (an error,
// nothing is read). A reference to a file the collection lacks is looked up in the media root
// (beside the deck, then in `<stem>.media/`) and what is found joins the collection: that is
// how markdown, CSV and Quizlet decks get their media, and how a bare `collection.anki2` finds
// Anki's `collection.media/`.
#pragma once

#include <string>
#include <vector>

#include "deckport/codes.hpp"
#include "deckport/diagnostics.hpp"
#include "deckport/io.hpp"
#include "deckport/media_root.hpp"
#include "deckport/model.hpp"

namespace deckport {

struct NoteMediaSettings {
    // The format's fields name files beside the deck (FormatInfo::media_beside): a path the
    // root refuses is an error (MEDIA002). For packages, whose media are inside them, such a
    // path is only missing: nothing is looked up for it.
    bool beside_deck = false;
    bool strict = false;  // a missing file is an error
};

// Checks every reference in the notes' fields (see deckport/media_refs.hpp). Positions are
// file:line:col when `input` is a text file whose notes know where they start, else the
// note's locator and field. Each missing or refused target is reported once, at its first
// reference.
void resolve_note_media(Collection& collection, const Input& input, const MediaRoot& root,
                        const NoteMediaSettings& settings, Diagnostics& diagnostics);

// The MEDIA codes, for `deckport explain` and docs/diagnostics.md.
std::vector<CodeInfo> media_codes();

}  // namespace deckport
