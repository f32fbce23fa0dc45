// The sections of a deckport JSON document, each read by its own function (model_reader.cpp,
// note_reader.cpp, media_reader.cpp). `array` is the section's value, or null when absent.
#pragma once

#include <nlohmann/json.hpp>

#include "json/model_reader.hpp"

namespace deckport::json_format {

void read_note_types(const nlohmann::json* array, Collection& collection, Problems& problems);
void read_decks(const nlohmann::json* array, Collection& collection, Problems& problems);
void read_notes(const nlohmann::json* array, ModelFromJson& model, Problems& problems);
void read_media(const nlohmann::json* array, const MediaRoot& media, bool strict,
                ModelFromJson& model, Problems& problems);

// The object `extras` of `members`, or an empty object when absent or wrong.
nlohmann::json read_extras(Members& members);

// Sets an element of the parsed document to null when the reader is done with it, so that the
// tree of 100,000 notes and the notes made from it are not both whole in memory. The document is
// the reader's own, non-const object (reader.cpp); the sections see it through const pointers.
class ReleaseWhenRead {
  public:
    explicit ReleaseWhenRead(const nlohmann::json& element)
        : element_(const_cast<nlohmann::json&>(element)) {}
    ReleaseWhenRead(const ReleaseWhenRead&) = delete;
    ReleaseWhenRead& operator=(const ReleaseWhenRead&) = delete;
    ~ReleaseWhenRead() { element_ = nullptr; }

  private:
    nlohmann::json& element_;
};

}  // namespace deckport::json_format
