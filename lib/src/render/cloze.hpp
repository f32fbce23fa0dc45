// Anki's cloze deletions (rslib cloze.rs): `{{cN::text}}` and `{{cN::text::hint}}`, nested up to
// ten deep, as the `cloze:` and `cloze-only:` filters, the type-in-answer text and card
// generation see them.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace deckport::render_detail {

// The `cloze:` filter for cloze number `ord` (card ord + 1): the active deletions as
// `[...]`/`[hint]` on the question side and revealed on the answer side, the others inactive;
// "" when the field has no deletion numbered `ord`. HTML inside MathJax `\(…\)`/`\[…\]` is
// stripped afterwards, as Anki does.
std::string reveal_cloze(std::string_view text, int ord, bool question);
// The `cloze-only:` filter: the hints (question) or texts (answer) of deletion `ord`, joined
// with ", ".
std::string reveal_cloze_text_only(std::string_view text, int ord, bool question);
// What `{{type:cloze:F}}` expects: the texts of deletion `ord`, one copy when all are equal.
std::string cloze_text_for_typing(std::string_view text, int ord);
// Every cloze number ≥ 1 in `text`, not counting those inside a c0 deletion.
void add_cloze_numbers(std::string_view text, std::set<int>& numbers);

}  // namespace deckport::render_detail
