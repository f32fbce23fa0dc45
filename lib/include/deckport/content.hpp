// Content conversion, all in one place: markdown -> HTML/text with md4c, HTML -> markdown/text
// with an HTML parser (gumbo). Writers ask for the form they need.
#pragma once

#include <string>
#include <string_view>

#include "deckport/model.hpp"

namespace deckport {

// CommonMark plus tables and strikethrough; `$…$` -> `\(…\)` and `$$…$$` -> `\[…\]` (MathJax,
// as Anki renders it); raw HTML passes through; cloze markers `{{c1::…}}` are left intact.
std::string markdown_to_html(std::string_view markdown);
// The text a reader sees: markup dropped, code text kept, one line per block.
std::string markdown_to_text(std::string_view markdown);
// Block structure as lines, `<br>` as a line break, entities decoded, tags dropped.
std::string html_to_text(std::string_view html);
// Markdown that renders to the same HTML, as far as markdown can express it.
std::string html_to_markdown(std::string_view html);
// Escapes `<`, `>`, `&` (and quotes) and turns line breaks into `<br>`.
std::string text_to_html(std::string_view text);
// Escapes characters that markdown would interpret, so the text renders as itself.
std::string text_to_markdown(std::string_view text);

// Converts a field to the wanted markup.
std::string to_html(const Content& content);
std::string to_text(const Content& content);
std::string to_markdown(const Content& content);
Content convert(const Content& content, Markup wanted);

}  // namespace deckport
