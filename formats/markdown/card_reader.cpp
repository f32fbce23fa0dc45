#include "markdown/card_reader.hpp"

#include "deckport/notetypes.hpp"
#include "markdown/card_metadata.hpp"
#include "markdown/syntax.hpp"

namespace deckport::markdown {
namespace {

struct Side {
    std::string text;
    std::size_t first_line = 0;  // where the text starts (or would start, when empty)
};

// Lines [begin, end) without their leading and trailing blank lines, joined with LF.
Side side_text(const SourceText& source, std::size_t begin, std::size_t end) {
    while (begin < end && is_blank(source.line(begin))) ++begin;
    while (end > begin && is_blank(source.line(end - 1))) --end;
    Side side{{}, begin};
    for (std::size_t i = begin; i < end; ++i) {
        if (i > begin) side.text += '\n';
        side.text += source.line(i);
    }
    return side;
}

// Where the first `{{cN::` marker starts (the text is known to hold one).
std::size_t first_cloze_offset(std::string_view text) {
    for (std::size_t at = text.find("{{c"); at != std::string_view::npos;
         at = text.find("{{c", at + 1)) {
        std::size_t digits_end = at + 3;
        while (digits_end < text.size() && text[digits_end] >= '0' && text[digits_end] <= '9') {
            ++digits_end;
        }
        if (!cloze_numbers(text.substr(at, digits_end + 2 - at)).empty()) return at;
    }
    return 0;
}

class CardReader {
  public:
    CardReader(const RawCard& raw, const DeckSource& deck, Diagnostics& diagnostics)
        : raw_(raw), deck_(deck), source_(deck.source), diagnostics_(diagnostics) {}

    std::optional<ReadCard> read() {
        std::size_t first = raw_.begin;
        while (first < raw_.end && is_blank(source_.line(first))) ++first;
        if (first == raw_.end) return std::nullopt;

        std::size_t content_begin = first;
        if (!deck_.body.in_fence[first] && raw_.side_separator != first) {
            metadata_ = read_card_metadata(source_, first, diagnostics_);
            if (metadata_) {
                content_begin = first + 1;
            } else if (auto meant = misspelt_card_key(source_.line(first))) {
                diagnostics_.warning("MD017", source_.location(first),
                                     "this comment starts with an unknown card key, so it is "
                                     "kept as content",
                                     "did you mean `" + *meant + "`?");
            }
        }
        warn_about_misplaced_metadata(content_begin);

        std::size_t question_end = raw_.side_separator.value_or(raw_.end);
        Side question = side_text(source_, content_begin, question_end);
        Side answer = raw_.side_separator ? side_text(source_, *raw_.side_separator + 1, raw_.end)
                                          : Side{{}, question_end};
        if (question.text.empty()) {
            diagnostics_.error("MD012", source_.location(raw_.side_separator.value_or(first)),
                               "card has an empty question",
                               "write the question before the card's `---` line");
        }

        ReadCard card;
        card.note_type = choose_note_type(question, answer, first);
        card.first_field_line = question.text.empty() ? first : question.first_line;
        card.second_field_line = answer.first_line;
        Note& note = card.note;
        note.note_type_id = card.note_type->id;
        note.fields = {Content{Markup::markdown, std::move(question.text)},
                       Content{Markup::markdown, std::move(answer.text)}};
        note.deck = deck_name();
        std::vector<std::string> tags = deck_.front.tags;
        if (metadata_) tags.insert(tags.end(), metadata_->tags.begin(), metadata_->tags.end());
        note.set_tags(std::move(tags));
        note.origin = source_.location(first);
        note.field_origins = {source_.location(card.first_field_line),
                              source_.location(card.second_field_line)};
        if (metadata_ && metadata_->id) {
            card.explicit_id = metadata_->id;
            card.id_at = metadata_->id_at;
        }
        return card;
    }

  private:
    void warn_about_misplaced_metadata(std::size_t from) {
        for (std::size_t i = from; i < raw_.end; ++i) {
            if (deck_.body.in_fence[i] || !is_metadata_comment(source_.line(i))) continue;
            diagnostics_.warning("MD022", source_.location(i),
                                 "card metadata is read only on a card's first line; this "
                                 "comment is kept as content",
                                 "move it to the first line of the card");
        }
    }

    const NoteType* choose_note_type(const Side& question, const Side& answer, std::size_t first) {
        bool question_has_cloze = !cloze_numbers(question.text).empty();
        const NoteType* note_type = &builtin_note_type(Builtin::basic);
        if (metadata_ && metadata_->type) {
            note_type = metadata_->type;
        } else if (question_has_cloze) {
            note_type = &builtin_note_type(Builtin::cloze);
        } else if (deck_.front.note_type) {
            note_type = deck_.front.note_type;
        }

        if (note_type->kind == NoteTypeKind::cloze) {
            if (!question_has_cloze && !question.text.empty()) {
                diagnostics_.warning("MD013", source_.location(first),
                                     "cloze card has no cloze deletion `{{c1::…}}`",
                                     "Anki shows such a card empty; add a deletion such as "
                                     "`{{c1::answer}}`");
            }
            return note_type;
        }
        if (!raw_.side_separator) {
            if (!question.text.empty()) {
                diagnostics_.error("MD011", source_.location(first),
                                   "card has no answer: no `---` line separates question and "
                                   "answer",
                                   "put a line `---` between question and answer, or make the "
                                   "card a cloze with `{{c1::…}}`; cards are separated by `. . .`");
            }
        } else if (!(metadata_ && metadata_->type) && !cloze_numbers(answer.text).empty()) {
            diagnostics_.warning("MD014",
                                 position_in_text(answer.text, first_cloze_offset(answer.text),
                                                  source_.location(answer.first_line)),
                                 "cloze deletion in the answer of a " + note_type->name +
                                     " card is shown as written",
                                 "a card is a cloze when its question (the text before `---`) "
                                 "holds `{{c1::…}}`");
        }
        return note_type;
    }

    std::string deck_name() const {
        if (metadata_ && metadata_->deck) return *metadata_->deck;
        if (deck_.front.deck) return *deck_.front.deck;
        return std::string(kDefaultDeck);
    }

    const RawCard& raw_;
    const DeckSource& deck_;
    const SourceText& source_;
    Diagnostics& diagnostics_;
    std::optional<CardMetadata> metadata_;
};

}  // namespace

std::optional<ReadCard> read_card(const RawCard& raw, const DeckSource& deck,
                                  Diagnostics& diagnostics) {
    return CardReader(raw, deck, diagnostics).read();
}

}  // namespace deckport::markdown
