// Mochi's additions to markdown, both ways: card sides split on `---` lines, cloze numbering
// without Anki's `c`, and attachments referenced as `@media/NAME`. Code (fenced blocks and code
// spans) is never touched.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace deckport::mochi {

// Splits card content at every line that is exactly `---` (outside fenced code). The sides keep
// their text exactly: joining them with "\n---\n" gives the content back.
std::vector<std::string> split_sides(std::string_view content);
// Joins sides with "\n---\n" after turning every bare `---` line inside a side (outside fenced
// code) into `----`, which markdown renders the same but Mochi does not split on.
std::string join_sides(const std::vector<std::string>& sides);

// True when the text holds a cloze: `{{text}}`, `{{1::text}}` or Anki's `{{c1::text}}`.
bool has_cloze(std::string_view text);
// Mochi -> Anki: `{{1::x}}` -> `{{c1::x}}`; bare `{{x}}` (all hidden together) -> `{{cN::x}}`
// with N one past the highest numbered group (1 when there is none).
std::string cloze_to_anki(std::string_view text);
// Anki -> Mochi: `{{c1::x}}` -> `{{1::x}}`.
std::string cloze_to_mochi(std::string_view text);

// Mochi -> model: `](@media/NAME)` -> `](NAME)`; adds every NAME to `referenced`.
std::string media_links_from_mochi(std::string_view text, std::set<std::string>& referenced);
// Model -> Mochi: `](NAME)` -> `](@media/NAME)` for every NAME in `media_names`.
std::string media_links_to_mochi(std::string_view text, const std::set<std::string>& media_names);

}  // namespace deckport::mochi
