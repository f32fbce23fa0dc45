// Reads the canonical deckport JSON document (docs/json-format.md) into a Collection.
#pragma once

#include "deckport/format.hpp"

namespace deckport::json_format {

class JsonReader : public Reader {
  public:
    // 100 for the canonical opening `{"format": "deckport"`, 90 for an object whose "format" is
    // "deckport" elsewhere, 1 for any other JSON object (so that a .json file that is not ours
    // gets a clear error), 0 otherwise.
    int probe(const Input& input) const override;
    Collection read(const Input& input, ReadContext& context) const override;
};

}  // namespace deckport::json_format
