// Mochi's additions to markdown, both ways: card sides split on `---` lines, cloze numbering
// without Anki's `c`, and attachments referenced as `@media/NAME`. Code (fenced blocks and code
// spans) is never touched.
#pragma once

#include <map>
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

// The reverse of join_sides' escape, for a side read from Mochi: every `----` line (outside
// fenced code) becomes `---`. Markdown renders both the same, so a Mochi card keeps its look and
// a side written by join_sides comes back as it was.
std::string unescape_side_rules(std::string_view side);

// True when the text holds a cloze: `{{text}}`, `{{1::text}}` or Anki's `{{c1::text}}`.
bool has_cloze(std::string_view text);
// Mochi -> Anki: `{{1::x}}` -> `{{c1::x}}`; bare `{{x}}` (all hidden together) -> `{{cN::x}}`
// with N one past the highest numbered group (1 when there is none).
std::string cloze_to_anki(std::string_view text);
// The same with the bare clozes' group given: a card's sides share one (bare_cloze_group).
std::string cloze_to_anki(std::string_view text, int bare_group);
// One past the highest numbered cloze group in `sides` (1 when there is none).
int bare_cloze_group(const std::vector<std::string>& sides);
// Anki -> Mochi: `{{c1::x}}` -> `{{1::x}}`.
std::string cloze_to_mochi(std::string_view text);

// Mochi reads every `{{` outside code as the start of a cloze. Model -> Mochi: a backslash goes
// between two `{` outside code (`{{ .Name }}` -> `{\{ .Name }}`, which markdown shows as
// `{{ .Name }}`), except, when `keep_clozes`, in the `{{` that opens an Anki cloze `{{cN::...}}`.
std::string escape_braces(std::string_view text, bool keep_clozes);
// Mochi -> model: the reverse, a backslash between two `{` outside code is dropped.
std::string unescape_braces(std::string_view text);
// True when the text holds Anki's `{{cN::...}}` only inside code, where Mochi shows text.
bool has_clozes_only_in_code(std::string_view text);

// Mochi -> model: link and image destinations `@media/NAME` -> `NAME` (inline or in a link
// reference definition).
std::string media_links_from_mochi(std::string_view text);
// Model -> Mochi: a link or image destination NAME -> `@media/FLAT` for every NAME that
// `flat_names` maps to FLAT (NAME as written, or with its %XX escapes decoded), written as a
// valid destination (`<@media/blue dot.png>`); reference-style images through their definition.
std::string media_links_to_mochi(std::string_view text,
                                 const std::map<std::string, std::string>& flat_names);

}  // namespace deckport::mochi
