// A note type definition in YAML (docs/deck-format.md §14): name, id, kind, fields, sort field,
// templates (name, front, back) and css. Reading reports what is wrong (MD024); writing keeps
// every byte of templates and CSS.
#pragma once

#include <functional>
#include <optional>

#include <yaml-cpp/yaml.h>

#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"

namespace deckport::markdown {

// Where a YAML position is in the deck (or in a note type file).
using YamlLocator = std::function<SourceLocation(const YAML::Mark&)>;

// Reads one definition (a mapping). A definition named like a built-in may leave out kind,
// fields and templates (all three), and css and sort field: they are the built-in's. Without
// `id`, the id is the built-in's, or derived from the name, fields and template names.
// Reports MD024 at the offending key or value and returns nullopt when the definition is not
// usable.
std::optional<NoteType> read_note_type_definition(const YAML::Node& node, const YamlLocator& locate,
                                                  Diagnostics& diagnostics);

// Writes the definition of `note_type`: only what differs from `builtin` (a built-in of the
// same name whose kind, fields and templates it has), else all of it.
void emit_note_type_definition(YAML::Emitter& out, const NoteType& note_type,
                               const NoteType* builtin);

// Whether `note_type` has `builtin`'s kind, fields and templates (names and text).
bool same_shape(const NoteType& note_type, const NoteType& builtin);

}  // namespace deckport::markdown
