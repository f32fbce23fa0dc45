#include "quizlet/writer.hpp"

#include "deckport/content.hpp"
#include "quizlet/card_writer.hpp"
#include "quizlet/cards.hpp"
#include "quizlet/separators.hpp"

namespace deckport::quizlet {
namespace {

// The text a reader sees: markup dropped, the text of code kept, one line per block.
std::string plain_text(const Content& field) {
    return to_text(field);
}

}  // namespace

void QuizletWriter::write(const Collection& collection, OutputSink& sink,
                          WriteContext& context) const {
    Options options = parse_options(context.options);
    std::vector<Card> cards =
        cards_from(collection, plain_text, context.diagnostics, context.output_name);
    sink.write(write_cards(cards, options, context.diagnostics, context.output_name));
}

}  // namespace deckport::quizlet
