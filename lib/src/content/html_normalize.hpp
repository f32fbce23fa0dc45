// normalize_html_for_compare for an already parsed fragment.
#pragma once

#include <string>

#include "html_tree.hpp"

namespace deckport::content {

std::string normalize_fragment(const GumboNode& root);

}  // namespace deckport::content
