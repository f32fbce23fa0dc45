// UTF-8 helpers for what goes into an Anki collection: Anki's Rust reader refuses invalid UTF-8
// and normalises text to NFC, so the writer does both first.
#pragma once

#include <string>
#include <string_view>

namespace deckport::apkg {

// `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view text);

// `text` (valid UTF-8) in Unicode normalisation form C.
std::string to_nfc(std::string_view text);

// Decodes the code point at `pos` of valid UTF-8 and advances `pos` past it.
char32_t next_code_point(std::string_view text, std::size_t& pos);

void append_utf8(std::string& out, char32_t code_point);

}  // namespace deckport::apkg
