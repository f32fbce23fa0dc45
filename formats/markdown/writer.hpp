// Writes a Collection as a markdown deck (docs/deck-format.md), so that reading it back gives
// the same notes; reports what markdown cannot carry.
#pragma once

#include "deckport/format.hpp"

namespace deckport::markdown {

class MarkdownWriter : public Writer {
  public:
    void write(const Collection& collection, OutputSink& sink,
               WriteContext& context) const override;
};

}  // namespace deckport::markdown
