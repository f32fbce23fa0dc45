// zstd decoding for latest packages, whose members carry no content size: a streaming decoder
// whose output is counted against the package's InflateBudget as it comes out, so a small
// hostile frame cannot inflate without limit, whatever size its header declares.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/zip_archive.hpp"
#include "deckport/diagnostics.hpp"

namespace deckport::apkg {

// True when `bytes` start with the zstd frame magic (28 B5 2F FD).
bool looks_like_zstd(std::string_view bytes);

// Decodes every frame in `compressed`. Throws InputError APKG008 when the data is not zstd or
// is truncated, APKG003 when the output passes a bound of `budget` (or a frame declares more
// than one member may hold: refused before decoding, never allocated).
std::string zstd_decompress(std::string_view compressed, InflateBudget& budget,
                            const SourceLocation& at);

}  // namespace deckport::apkg
