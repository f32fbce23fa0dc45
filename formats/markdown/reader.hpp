// Reads a markdown deck (docs/deck-format.md) into a Collection.
#pragma once

#include "deckport/format.hpp"

namespace deckport::markdown {

class MarkdownReader : public Reader {
  public:
    // 95 for `Flashcard Deck:` front matter, 80 for a `. . .` line, 10 for other UTF-8 text
    // named *.md or *.markdown, 0 otherwise. Looks at the first MiB only.
    int probe(const Input& input) const override;
    // A file without front matter naming a deck and without a `. . .` line (a README).
    std::string why_not_a_deck(const Input& input) const override;
    Collection read(const Input& input, ReadContext& context) const override;
};

}  // namespace deckport::markdown
