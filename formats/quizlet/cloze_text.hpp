// Anki cloze markers in plain text, for a term/definition format: `{{c1::answer::hint}}`
// becomes `[hint]` (or `[...]`) in the term and `answer` in the definition.
#pragma once

#include <string>
#include <string_view>

namespace deckport::quizlet {

std::string blank_clozes(std::string_view text);
std::string reveal_clozes(std::string_view text);

}  // namespace deckport::quizlet
