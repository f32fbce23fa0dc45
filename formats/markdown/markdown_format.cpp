#include "markdown/markdown_format.hpp"

#include "markdown/reader.hpp"
#include "markdown/writer.hpp"

namespace deckport {

Format make_markdown_format() {
    Format format;
    format.info.name = "markdown";
    format.info.aliases = {"md"};
    format.info.extensions = {".md", ".markdown"};
    format.info.description =
        "Markdown deck: `Flashcard Deck:` front matter, cards split by `. . .`, question and "
        "answer by `---` (docs/deck-format.md)";
    Capabilities& can = format.info.capabilities;
    can.deck_tree = true;
    can.tags = true;
    can.guids = true;
    can.media = true;
    can.formatting = true;
    can.cloze = true;
    can.multiple_decks = true;
    format.info.media_beside = true;
    format.reader = std::make_unique<markdown::MarkdownReader>();
    format.writer = std::make_unique<markdown::MarkdownWriter>();
    return format;
}

}  // namespace deckport
