// Media file names as Anki accepts them (rslib media/files.rs `normalize_filename`).
#pragma once

#include <string>
#include <string_view>

namespace deckport::apkg {

// Anki's longest media file name, in UTF-8 bytes.
inline constexpr std::size_t kMaxMediaNameBytes = 120;

// The name Anki would store `name` under: NFC; `[]<>:"/?*^\|`, control and unassigned
// characters removed; U+00A0 as a space; Windows device names (CON, NUL, COM1...) followed by
// `_`; `_` appended after a trailing space or dot; stem and extension cut to 120 bytes.
std::string anki_media_name(std::string_view name);

// `stem-<sha1 hex>.ext`, within 120 bytes: the name Anki gives a file whose name is taken.
std::string media_name_with_hash(std::string_view name, std::string_view sha1_hex);

}  // namespace deckport::apkg
