// zstd compression for latest packages, shaped like Anki's: one frame per member at the default
// level, without content size or checksum, written as a stream (Anki streams with
// `zstd::Encoder::new(w, 0)`). Single-threaded, so the same bytes always give the same frame.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/pieces.hpp"

namespace deckport::apkg {

// Throws std::runtime_error only when zstd itself fails (out of memory).
std::string zstd_compress(std::string_view bytes);

// The same frame for `size` bytes read a piece at a time: `read(offset, into)` fills `into` with
// the bytes from `offset`. Memory holds the compressed frame and one piece, never the whole
// input (a collection of 100,000 cards is 56 MB).
std::string zstd_compress_from(std::uint64_t size, const PieceReader& read);

}  // namespace deckport::apkg
