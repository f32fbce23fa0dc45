// Text helpers with the exact behaviour of the Rust pieces Anki's renderer uses: the
// htmlescape crate (strict entity decoding, minimal and attribute encoding) and text.rs's
// strip_html. Used by the template filters and the cloze renderer.
#pragma once

#include <string>
#include <string_view>

namespace deckport::render_detail {

// htmlescape::encode_minimal: " & ' < > as &quot; &amp; &#x27; &lt; &gt;.
std::string encode_minimal(std::string_view text);
// htmlescape::encode_attribute: encode_minimal's five, and every other character below U+0100
// that is not an ASCII letter or digit as &#xHH;. Characters from U+0100 up are copied.
std::string encode_attribute(std::string_view text);

// Removes comments, <style>…</style>, <script>…</script> and tags, as the regex
// (?si)(<!--.*?-->)|(<style.*?>.*?</style>)|(<script.*?>.*?</script>)|(<.*?>) does.
std::string strip_html_preserving_entities(std::string_view html);
// strip_html_preserving_entities, then entities decoded (all or nothing: one malformed entity
// and none is decoded) and U+00A0 turned into a space.
std::string strip_html(std::string_view html);
// htmlescape::decode_html: false (and `out` unspecified) on any unknown or malformed entity.
bool decode_html_strict(std::string_view text, std::string& out);

// Whether `s` has `lower_prefix` (lower-case ASCII) at `at`, ignoring ASCII case.
bool starts_with_ignoring_case(std::string_view s, std::size_t at, std::string_view lower_prefix);

// Rust's str::trim: Unicode White_Space at both ends.
std::string_view trim_unicode(std::string_view text);
std::string_view trim_unicode_start(std::string_view text);

// Finds a needle at or after positions that never decrease, in linear time overall: a search
// that found nothing, or found a place still ahead, is not repeated. Hostile text (thousands of
// `<!--` without `-->`) would otherwise make scanners quadratic.
class ForwardFinder {
  public:
    ForwardFinder(std::string_view text, std::string_view needle, bool ignore_case = false)
        : text_(text), needle_(needle), ignore_case_(ignore_case) {}
    std::size_t find(std::size_t from);

  private:
    std::string_view text_, needle_;
    bool ignore_case_;
    bool searched_ = false;
    std::size_t searched_from_ = 0;
    std::size_t found_ = std::string_view::npos;
};

// 1-based line and code-point column of byte `offset` in `text`.
void line_and_column(std::string_view text, std::size_t offset, int& line, int& column);

}  // namespace deckport::render_detail
