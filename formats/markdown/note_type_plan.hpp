// What the markdown writer does with a note type: write it as a built-in (just its name),
// define it in the front matter, and what of it markdown cannot carry.
#pragma once

#include <optional>
#include <string>

#include "deckport/model.hpp"

namespace deckport::markdown {

// False when `note_type` is exactly a built-in of the same name (name, kind, fields,
// templates, CSS, sort field and id): the reader knows it without a definition.
bool needs_definition(const NoteType& note_type);

// An option of `note_type` that a definition cannot hold and that differs from Anki's default
// (per-field font, size, right-to-left...; a template's browser appearance or deck; the LaTeX
// header), described for a warning; nullopt when there is none.
std::optional<std::string> dropped_option(const NoteType& note_type);

}  // namespace deckport::markdown
