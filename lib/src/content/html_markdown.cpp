// HTML -> markdown, first version: the field's text, escaped so that markdown shows it as is.
#include "deckport/content.hpp"

namespace deckport {

std::string html_to_markdown(std::string_view html) {
    return text_to_markdown(html_to_text(html));
}

}  // namespace deckport
