// zstd compression for latest packages, shaped like Anki's: one frame per member at the default
// level, without content size or checksum (Anki streams with `zstd::Encoder::new(w, 0)`).
// Single-threaded, so the same bytes always give the same frame.
#pragma once

#include <string>
#include <string_view>

namespace deckport::apkg {

// Throws std::runtime_error only when zstd itself fails (out of memory).
std::string zstd_compress(std::string_view bytes);

}  // namespace deckport::apkg
