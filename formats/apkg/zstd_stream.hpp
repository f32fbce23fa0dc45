// zstd decoding for latest packages, whose members carry no content size: a streaming decoder
// with a bound on the output, so a small hostile frame cannot inflate without limit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "deckport/diagnostics.hpp"

namespace deckport::apkg {

// True when `bytes` start with the zstd frame magic (28 B5 2F FD).
bool looks_like_zstd(std::string_view bytes);

// Decodes every frame in `compressed`. Throws InputError APKG008 when the data is not zstd or
// is truncated, APKG003 when the output would exceed `max_output` bytes.
std::string zstd_decompress(std::string_view compressed, std::uint64_t max_output,
                            const SourceLocation& at);

}  // namespace deckport::apkg
