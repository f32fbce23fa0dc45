// Writes a Collection as a markdown deck (docs/deck-format.md), so that reading it back gives
// the same notes; reports what markdown cannot carry.
#pragma once

#include "deckport/format.hpp"

namespace deckport::markdown {

class MarkdownWriter : public Writer {
  public:
    Output write(const Collection& collection, WriteContext& context) const override;
};

}  // namespace deckport::markdown
