// Note types <-> CrowdAnki NoteModel objects (Anki's notetype dict). Keys the model does not
// hold (latex, req, per-field options...) are kept in the note type's extras["crowdanki"] and
// written back unchanged; note types from elsewhere get the keys Anki itself writes.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "deckport/model.hpp"

namespace deckport::crowdanki {

// The note type of a NoteModel object, or nullopt (with `problem` set) when it is unusable.
std::optional<NoteType> note_type_from_json(const nlohmann::json& model, std::string& problem);

// The crowdanki_uuid a note type was read with, or one derived from its id.
std::string note_type_uuid(const NoteType& note_type);

nlohmann::json note_model_json(const NoteType& note_type);

// `object` without `keys`: what is left for a value's extras once the modelled keys are read.
nlohmann::json without(const nlohmann::json& object, std::initializer_list<const char*> keys);

}  // namespace deckport::crowdanki
