// Quizlet's import/export text: term and definition per row, no quoting, no formatting.
#pragma once

#include "deckport/format.hpp"

namespace deckport {

Format make_quizlet_format();

// The code of the note that reports the separators chosen in safe mode (--quizlet-safe prints
// it even without -v).
inline constexpr const char* kQuizletSafeSeparatorsCode = "QZ020";

}  // namespace deckport
