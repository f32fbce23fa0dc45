// Base64 (RFC 4648, standard alphabet, padded, no line breaks) for media bytes in JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace deckport::json_format {

std::string base64_encode(std::string_view bytes);

// The decoded bytes, or nullopt unless `text` is padded base64 without whitespace.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace deckport::json_format
