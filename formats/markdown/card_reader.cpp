#include "markdown/card_reader.hpp"

#include <algorithm>

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
    std::size_t size = 0;
    for (std::size_t i = begin; i < end; ++i) size += source.line(i).size() + 1;
    side.text.reserve(size);
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

std::string field_list(const NoteType& note_type) {
    std::string out;
    for (const std::string& field : note_type.fields) out += (out.empty() ? "" : ", ") + field;
    return out;
}

// A field's lines: from `begin` (after its separator) to `end`.
struct Segment {
    std::size_t field = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::optional<std::size_t> separator;  // the line that opened it
};

class CardReader {
  public:
    CardReader(const RawCard& raw, const DeckSource& deck, Diagnostics& diagnostics)
        : raw_(raw), deck_(deck), source_(deck.source), diagnostics_(diagnostics) {}

    std::optional<ReadCard> read() {
        std::size_t first = raw_.begin;
        while (first < raw_.end && is_blank(source_.line(first))) ++first;
        if (first == raw_.end) return std::nullopt;

        std::size_t content_begin = first;
        std::string_view first_text = source_.line(first);
        if (!deck_.body.in_fence[first] && !is_side_separator(first_text) &&
            !field_separator_name(first_text)) {
            metadata_ = read_card_metadata(source_, first, deck_.front.note_types, diagnostics_);
            if (metadata_) {
                content_begin = first + 1;
            } else if (auto meant = misspelt_card_key(first_text)) {
                diagnostics_.warning("MD017", source_.location(first),
                                     "this comment starts with an unknown card key, so it is "
                                     "kept as content",
                                     "did you mean `" + *meant + "`?");
            }
        }
        warn_about_misplaced_metadata(content_begin);

        std::vector<std::size_t> separators = separator_lines(content_begin);
        std::size_t question_end = separators.empty() ? raw_.end : separators.front();
        Side question = side_text(source_, content_begin, question_end);
        const NoteType& note_type = choose_note_type(question);
        std::vector<Segment> segments = assign_fields(note_type, content_begin, separators);

        ReadCard card;
        card.note_type = &note_type;
        Note& note = card.note;
        note.note_type_id = note_type.id;
        note.fields.assign(note_type.fields.size(), Content{Markup::markdown, {}});
        note.field_origins.assign(note_type.fields.size(), source_.position(first));
        for (const Segment& segment : segments) {
            Side side = side_text(source_, segment.begin, segment.end);
            // An empty field is placed at the separator that opens it, not at the next card.
            std::size_t at =
                side.text.empty() && segment.separator ? *segment.separator : side.first_line;
            if (segment.field == 0 && side.text.empty()) at = first;
            note.fields[segment.field] = Content{Markup::markdown, std::move(side.text)};
            note.field_origins[segment.field] = source_.position(at);
        }
        note.origin = source_.location(first);  // before the checks: field origins need its file
        check_fields(note_type, note, first, separators, segments);

        note.deck = deck_name();
        std::vector<std::string> tags = deck_.front.tags;
        if (metadata_) tags.insert(tags.end(), metadata_->tags.begin(), metadata_->tags.end());
        note.set_tags(std::move(tags));
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

    // `---` and `--- Name` lines from `from` on, in order.
    std::vector<std::size_t> separator_lines(std::size_t from) const {
        std::vector<std::size_t> lines = raw_.later_rules;
        if (raw_.side_separator) lines.push_back(*raw_.side_separator);
        lines.insert(lines.end(), raw_.field_separators.begin(), raw_.field_separators.end());
        std::sort(lines.begin(), lines.end());
        lines.erase(std::remove_if(lines.begin(), lines.end(),
                                   [&](std::size_t line) { return line < from; }),
                    lines.end());
        return lines;
    }

    const NoteType& choose_note_type(const Side& question) {
        if (metadata_ && metadata_->type) return *metadata_->type;
        return deck_.front.note_types.default_type(deck_.front.note_type,
                                                   !cloze_numbers(question.text).empty());
    }

    // The first field runs to the first separator; `---` then starts the second field (only
    // there: later ones are content), `--- Name` the field it names.
    std::vector<Segment> assign_fields(const NoteType& note_type, std::size_t begin,
                                       const std::vector<std::size_t>& separators) {
        std::vector<Segment> segments{{0, begin, raw_.end, std::nullopt}};
        std::vector<bool> given(note_type.fields.size(), false);
        given[0] = true;
        for (std::size_t line : separators) {
            std::string_view text = source_.line(line);
            std::optional<std::size_t> field;
            if (auto name = field_separator_name(text)) {
                field = named_field(note_type, *name, line, given);
            } else if (segments.back().field == 0 && note_type.fields.size() >= 2 && !given[1]) {
                field = 1;
            }
            if (!field) continue;  // content of the current field
            given[*field] = true;
            segments.back().end = line;
            segments.push_back({*field, line + 1, raw_.end, line});
        }
        return segments;
    }

    std::optional<std::size_t> named_field(const NoteType& note_type, std::string_view name,
                                           std::size_t line, const std::vector<bool>& given) {
        auto it = std::find(note_type.fields.begin(), note_type.fields.end(), name);
        SourceLocation at = source_.location(line, 4);
        std::string quoted = "'" + std::string(name) + "'";
        if (it == note_type.fields.end()) {
            diagnostics_.warning(
                "MD026", at,
                "`--- " + std::string(name) + "` names no field of note type '" + note_type.name +
                    "'; the line is kept as content",
                "its fields are " + field_list(note_type) + " (names are case-sensitive)");
            return std::nullopt;
        }
        std::size_t field = static_cast<std::size_t>(it - note_type.fields.begin());
        if (field == 0) {
            diagnostics_.error("MD027", at,
                               "field " + quoted +
                                   " is the card's first field: it is the text before the first "
                                   "separator",
                               "remove this line");
            return std::nullopt;
        }
        if (given[field]) {
            diagnostics_.error("MD027", at, "field " + quoted + " is given twice in this card",
                               "keep one `--- " + std::string(name) + "` line");
            return std::nullopt;
        }
        return field;
    }

    void check_fields(const NoteType& note_type, const Note& note, std::size_t first,
                      const std::vector<std::size_t>& separators,
                      const std::vector<Segment>& segments) {
        const std::string& question = note.fields[0].source;
        if (question.empty()) {
            diagnostics_.error(
                "MD012", source_.location(separators.empty() ? first : separators.front()),
                "card has an empty question", "write the question before the card's `---` line");
        }
        bool question_has_cloze = !cloze_numbers(question).empty();
        if (note_type.kind == NoteTypeKind::cloze) {
            if (!question_has_cloze && !question.empty()) {
                diagnostics_.warning("MD013", source_.location(first),
                                     "cloze card has no cloze deletion `{{c1::…}}`",
                                     "Anki shows such a card empty; add a deletion such as "
                                     "`{{c1::answer}}`");
            }
            return;
        }
        if (segments.size() == 1 && note_type.fields.size() >= 2) {
            if (!question.empty()) {
                diagnostics_.error("MD011", source_.location(first),
                                   "card has no answer: no `---` line separates question and "
                                   "answer",
                                   "put a line `---` between question and answer, or make the "
                                   "card a cloze with `{{c1::…}}`; cards are separated by `. . .`");
            }
            return;
        }
        if (metadata_ && metadata_->type) return;
        for (std::size_t i = 1; i < note.fields.size(); ++i) {
            const std::string& text = note.fields[i].source;
            if (cloze_numbers(text).empty()) continue;
            diagnostics_.warning(
                "MD014", position_in_text(text, first_cloze_offset(text), note.field_origin(i)),
                "cloze deletion in the answer of a " + note_type.name + " card is shown as written",
                "a card is a cloze when its question (the text before `---`) "
                "holds `{{c1::…}}`");
            break;
        }
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
