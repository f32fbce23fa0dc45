// Writes a Collection as the canonical deckport JSON document (docs/json-format.md).
#pragma once

#include "deckport/format.hpp"

namespace deckport::json_format {

class JsonWriter : public Writer {
  public:
    // Option `media`: "inline" (default, bytes as base64) or "list" (names, sizes, SHA-1).
    void write(const Collection& collection, OutputSink& sink,
               WriteContext& context) const override;
};

}  // namespace deckport::json_format
