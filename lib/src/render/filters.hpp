// Anki's field filters (rslib template_filters.rs): text, furigana/kanji/kana, type, hint,
// cloze, cloze-only, tts; unknown filters leave the text as it is.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckport::render_detail {

struct FilterContext {
    int card_ord = 0;      // 0-based
    bool question = true;  // rendering the question (FrontSide not yet known)
};

// Applies `filters` (in application order) to a field's value; `field_name` is the key as
// written, which `type:` and `hint:` print.
std::string apply_filters(std::string text, const std::vector<std::string>& filters,
                          std::string_view field_name, const FilterContext& context);

// The id of a `{{hint:F}}` block: 16 hex digits from the field's text and name. Anki uses
// BLAKE3 here; deckport uses SHA-1, which is stable too (ids differ from Anki's).
std::string hint_id(std::string_view text, std::string_view field_name);

}  // namespace deckport::render_detail
