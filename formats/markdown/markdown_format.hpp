// The markdown deck format: the project's reference source format (docs/deck-format.md).
#pragma once

#include "deckport/format.hpp"

namespace deckport {

Format make_markdown_format();

}  // namespace deckport
