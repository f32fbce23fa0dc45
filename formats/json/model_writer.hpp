// Builds the canonical JSON value of a Collection: keys in the order of docs/json-format.md,
// arrays in model order, optional keys left out when they hold their default.
#pragma once

#include <nlohmann/json.hpp>

#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"

namespace deckport::json_format {

enum class MediaMode {
    inline_bytes,  // each file's bytes as base64 in "data"
    list,          // names, sizes and SHA-1 only
};

// Reports notes whose note type is missing or whose field count differs from it (errors: the
// file would not read back) with locators relative to `output_name`.
nlohmann::ordered_json collection_to_json(const Collection& collection, MediaMode media,
                                          const std::string& output_name, Diagnostics& diagnostics);

}  // namespace deckport::json_format
