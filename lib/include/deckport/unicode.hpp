// Unicode normalisation for everything that compares or stores text (utf8proc).
#pragma once

#include <string>
#include <string_view>

namespace deckport {

// `text` (valid UTF-8) in Unicode normalisation form C; invalid UTF-8 comes back unchanged.
// Anki stores NFC; two canonically equivalent texts (`é` as one or two code points) have the
// same NFC.
std::string to_nfc(std::string_view text);

}  // namespace deckport
