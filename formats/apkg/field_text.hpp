// Anki's own rules for the text it derives from a note's fields (rslib text.rs and notes):
// the sort field and the first-field checksum are computed from the HTML with tags removed,
// media file names kept and entities decoded. Implemented as scanners, not regular expressions,
// with the same results as Anki's patterns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace deckport::apkg::writing {

// Anki's `strip_html_preserving_media_filenames`: every <img|audio|video|object|source ...
// src=/data=NAME ...> becomes " NAME ", then comments, <style> and <script> blocks and every
// other tag are removed, then HTML 4 entities are decoded (all or nothing, as Anki's decoder
// gives up on the first malformed entity) with U+00A0 turned into a space.
std::string strip_html_preserving_media_filenames(std::string_view html);

// Removes comments, style/script blocks and tags (Anki's `strip_html_preserving_entities`).
std::string strip_html_tags(std::string_view html);

// Anki's entity decoding; nullopt when Anki's decoder would refuse the text.
std::optional<std::string> decode_html_entities(std::string_view text);

// The first four bytes of SHA-1(text), big-endian: Anki's `field_checksum` (notes.csum).
std::uint32_t field_checksum(std::string_view text);

// What Anki does to a field before storing it: invalid UTF-8 repaired, ASCII control
// characters other than tab and newline removed (U+001F separates fields), NFC.
std::string normalize_field(std::string_view field);

}  // namespace deckport::apkg::writing
