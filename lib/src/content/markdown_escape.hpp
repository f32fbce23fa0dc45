// Escaping text so that markdown renders it literally.
#pragma once

#include <string>
#include <string_view>

namespace deckport::content {

// Appends `text` (no line breaks in it) so that markdown shows it as is: `\`, `` ` ``, `*`,
// `_` (except inside a word), `[`, `<`, `$`, `~`, `|` and an `&` that starts a character
// reference get a backslash; at the start of a line also `#`, `>`, `-`, `+`, `=` and the
// `.`/`)` of an ordered-list number. Anki's `[sound:…]` references stay as they are. `]` stays
// (a backslash would make `\[…\]` math), except `in_brackets` (link text, image alt), where
// it is written `&#93;`. `line_start` tells whether `text` begins a line of the output.
void append_markdown_escaped(std::string& out, std::string_view text, bool line_start,
                             bool in_brackets = false);

}  // namespace deckport::content
