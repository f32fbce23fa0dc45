// Anki's rules for the derived note columns, for `deckport check`: notes.sfld is the sort field
// and notes.csum the checksum of the first field, both after "strip HTML but keep media file
// names" (rslib text.rs: media tags -> ` name `, then comments, <style>, <script> and tags
// removed, then entities decoded with U+00A0 as a space).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace deckport::apkg {

// The stripped text, or nullopt when `html` holds an entity this implementation does not
// decode exactly as Anki would (then the caller cannot compare).
std::optional<std::string> strip_html_preserving_media_filenames(std::string_view html);

// The first four bytes of SHA-1(text), big-endian: notes.csum.
std::uint32_t field_checksum(std::string_view text);

}  // namespace deckport::apkg
