// UTF-8 in one place for every format: validation, repair, code points and NFC. Anki's Rust
// reader refuses invalid UTF-8 and stores NFC; text files and markdown decks report the first
// invalid byte by its position.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace deckport::utf8 {

// Length of the valid UTF-8 sequence at `pos`, or 0 when it is not valid (overlong forms,
// surrogates and values above U+10FFFF are invalid).
std::size_t sequence_length(std::string_view text, std::size_t pos);

bool is_valid(std::string_view text);

// `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string repaired(std::string_view text);

// `text` (valid UTF-8) in Unicode normalisation form C.
std::string to_nfc(std::string_view text);

// Decodes the code point at `pos` and advances `pos` past it; an invalid byte decodes as
// U+FFFD and advances by one.
char32_t next_code_point(std::string_view text, std::size_t& pos);

// Appends the UTF-8 form of `code_point`; surrogates and values past U+10FFFF as U+FFFD.
void append(std::string& out, char32_t code_point);

}  // namespace deckport::utf8
