// Content conversion, all in one place: markdown -> HTML/text with md4c, HTML -> markdown/text
// with an HTML parser (gumbo). Writers ask for the form they need. The rules users see are in
// docs/content.md. Every function accepts any bytes and is safe to call from several threads.
#pragma once

#include <string>
#include <string_view>

#include "deckport/model.hpp"

namespace deckport {

// CommonMark plus tables and strikethrough; math `$…$` and `\(…\)` -> `\(…\)`, `$$…$$` and
// `\[…\]` -> `\[…\]` (MathJax, as Anki renders it), TeX byte for byte; code blocks byte for
// byte (tabs kept); raw HTML passes through; cloze markers `{{c1::…}}` are left intact. A
// document of one paragraph is not wrapped in <p> (as Anki's editor writes a field), and an
// image without alt text gets no alt attribute.
std::string markdown_to_html(std::string_view markdown);
// The text a reader sees: markup dropped, code text kept, one line per block (no blank line
// between paragraphs), hard breaks as line breaks, list items as "- item" / "1. item", table
// cells joined by " | ", images as their alt text, links as their text, math as `\(TeX\)` or
// `\[TeX\]` (what the HTML's text shows); trimmed.
std::string markdown_to_text(std::string_view markdown);
// The same text rules for HTML: block elements are lines, `<br>` a line break, entities
// decoded, <script>/<style> and comments dropped, white space collapsed as a browser does.
std::string html_to_text(std::string_view html);
// Markdown that renders back (markdown_to_html) to the same HTML after
// normalize_html_for_compare: markdown syntax where markdown has it, raw HTML for the rest
// (<u>, <span>, attributes...), MathJax \(…\) as $…$. Checked by rendering it back; blocks
// that would not come back the same are written as raw HTML.
std::string html_to_markdown(std::string_view html);
// Escapes `<`, `>`, `&` and `"` and turns line breaks into `<br>`.
std::string text_to_html(std::string_view text);
// Escapes characters that markdown would interpret, so the text renders as itself; line breaks
// become hard breaks (a `\` at the end of the line).
std::string text_to_markdown(std::string_view text);

// A canonical serialization of HTML, for tests that compare HTML after a round trip. Two
// fields that render alike in the ways that matter for a card serialize alike:
// - parsed with an HTML parser: entities decoded, attributes sorted, void tags without `/`,
//   attributes with names that cannot be written (`<p`) dropped, such elements unwrapped;
// - comments, <script>, <style> dropped; b/i/s/strike read as strong/em/del/del;
// - <div>, <span>, <font>, <thead>, <tbody>, <tfoot> without attributes are unwrapped; a style
//   element inside one of its own kind (em in em) is unwrapped; empty ones are dropped;
// - loose inline content in a block container (top level, div, blockquote, li, td...) is
//   wrapped in <p>, and empty paragraphs are dropped (so `a<br>b`, `<div>a<br>b</div>` and
//   `<p>a<br>b</p>` compare equal);
// - white space outside <pre> collapses to one space, is dropped at the start and end of a
//   paragraph and next to <br>, and sits outside inline tags (`<b>a </b>b` = `<b>a</b> b`);
// - <pre><code X>…</code></pre> is <pre X>…</pre>; one line break at the end of <pre> text
//   is dropped; `alt=""` on <img> and `start="1"` on <ol> are dropped.
std::string normalize_html_for_compare(std::string_view html);

// Converts a field to the wanted markup.
std::string to_html(const Content& content);
std::string to_text(const Content& content);
std::string to_markdown(const Content& content);
Content convert(const Content& content, Markup wanted);

}  // namespace deckport
