// A rendered side made safe to stand next to others in one page: parsed as a browser parses
// a card (gumbo) and written back balanced, so that an unclosed tag or comment in one card
// cannot swallow the next; media references resolved; <style> scoped to the note type;
// <script> inert unless asked; ids of hint blocks made unique per card and side.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "media_links.hpp"

namespace deckport::preview_detail {

struct SideHtmlOptions {
    std::string_view scope;      // the note type's scope selector, for <style> in the card
    std::string_view id_suffix;  // appended to hint ids: "-c12q"
    bool run_scripts = false;
};

std::string side_html(std::string_view html, MediaLinks& media, const SideHtmlOptions& options,
                      std::vector<std::string>& dropped_css);

}  // namespace deckport::preview_detail
