// The scanners behind find_media_refs, one per syntax. Each appends references (external ones
// too) to `out`, in any order; find_media_refs sorts them and removes overlaps.
#pragma once

#include <string_view>
#include <vector>

#include "deckport/media_refs.hpp"

namespace deckport::media_detail {

inline constexpr std::size_t npos = std::string_view::npos;

// <img|audio|video|source|object src|data> in HTML from `begin` to `end` of `text` (offsets
// are into `text`). Comments, <!...>, <?...> and raw-text elements (script, style...) skipped.
void scan_html_tags(std::string_view text, std::size_t begin, std::size_t end,
                    std::vector<MediaRef>& out);

// [sound:NAME] anywhere in `text` whose opening bracket is not inside one of `skipped` (sorted,
// non-overlapping [begin, end) ranges: markdown code and math). In markdown, backslash escapes
// are part of the text (`\[sound:a\[b.mp3\]` renders as `[sound:a[b.mp3]`): the target is
// read without them.
void scan_sound_tags(std::string_view text,
                     const std::vector<std::pair<std::size_t, std::size_t>>& skipped,
                     std::vector<MediaRef>& out, bool markdown_escapes = false);

// Markdown images (and links when asked), raw HTML tags and [sound:] outside code.
void scan_markdown(std::string_view text, bool links, std::vector<MediaRef>& out);

// url(...) in CSS.
void scan_css(std::string_view css, std::vector<MediaRef>& out);

}  // namespace deckport::media_detail
