#include "markdown/card_planner.hpp"

#include "deckport/content.hpp"
#include "deckport/notetypes.hpp"
#include "markdown/card_text.hpp"
#include "markdown/syntax.hpp"
#include "markdown/yaml_text.hpp"

namespace deckport::markdown {
namespace {

std::string note_locator(const Note& note) {
    return "notes[guid=" + note.guid + "]";
}

std::string as_markdown(const Content& content) {
    return normalize_side(content.kind == Markup::markdown ? content.source : to_markdown(content));
}

std::string field_markdown(const std::vector<std::string>& markdown, std::size_t index) {
    return index < markdown.size() ? markdown[index] : std::string{};
}

// The deck's name as markdown writes it; `normalised` is set when that differs from the name.
std::string writable_deck(const Note& note, std::string& normalised) {
    if (note.deck.empty()) return std::string(kDefaultDeck);
    std::string parts;
    for (const std::string& part : split_deck_path(note.deck)) {
        std::string word;
        for (std::string_view piece : split_whitespace(part)) {
            if (!word.empty()) word += ' ';
            word += piece;
        }
        if (word.empty()) continue;
        if (!parts.empty()) parts += "::";
        parts += word;
    }
    if (parts.empty()) parts = kDefaultDeck;
    bool clean = parts == note.deck && parts.find("-->") == std::string::npos;
    for (std::string_view word : split_whitespace(parts)) clean = clean && !card_key(word);
    if (clean) return parts;
    normalised = parts;
    std::string repaired;
    for (std::string_view word : split_whitespace(parts)) {
        if (!repaired.empty()) repaired += ' ';
        repaired += card_key(word) ? std::string(word.substr(0, word.size() - 1)) : word;
    }
    std::size_t arrow;
    while ((arrow = repaired.find("-->")) != std::string::npos) repaired.replace(arrow, 3, "->");
    return repaired;
}

std::vector<std::string> writable_tags(const Note& note,
                                       std::vector<MetadataChanges::TagChange>& changes) {
    std::vector<std::string> tags;
    for (std::size_t i = 0; i < note.tags.size(); ++i) {
        const std::string& tag = note.tags[i];
        std::string written;
        for (std::string_view piece : split_whitespace(tag)) {
            if (!written.empty()) written += '_';
            written += piece;
        }
        if (written.find("-->") != std::string::npos || card_key(written)) written.clear();
        if (written.empty() || written != tag) changes.push_back({i, written});
        if (!written.empty()) tags.push_back(written);
    }
    return tags;
}

}  // namespace

const NoteType* CardPlanner::note_type_of(const Note& note) {
    auto found = types_.find(note.note_type_id);
    if (found != types_.end()) return found->second;
    const NoteType* note_type = collection_.find_note_type(note.note_type_id);
    if (!note_type) {
        losses_.once("unknown-note-type", "MD101", "notes",
                     "a note refers to a note type the collection does not hold; it is written as "
                     "Basic, or Cloze when it holds a cloze deletion");
    } else {
        // Names are unique in a deck (Anki's are): a second type of the same name cannot be
        // written, its notes take the first one's.
        for (const auto& [id, other] : types_) {
            if (other && normalized_key(other->name) == normalized_key(note_type->name)) {
                losses_.once("note-type-name:" + note_type->name, "MD101",
                             "note_types[" + note_type->name + "]",
                             "two note types are named '" + note_type->name +
                                 "': notes of the second are written with the first",
                             "give each note type its own name");
                note_type = other;
                break;
            }
        }
    }
    return types_.emplace(note.note_type_id, note_type).first->second;
}

std::vector<std::string> fields_as_markdown(const Note& note) {
    std::vector<std::string> markdown;
    markdown.reserve(note.fields.size());
    for (const Content& field : note.fields) markdown.push_back(as_markdown(field));
    return markdown;
}

PlannedCard CardPlanner::describe(const Note& note, std::unique_ptr<MetadataChanges>& changes) {
    PlannedCard card;
    MetadataChanges found;
    card.deck = writable_deck(note, found.normalised_deck);
    card.tags = writable_tags(note, found.tag_changes);
    if (!note.guid.empty()) {
        found.id_problem = id_problem(note.guid);
        if (found.id_problem.empty()) {
            card.id = note.guid;
        } else {
            card.id_changes = true;
        }
    }
    if (!found.normalised_deck.empty() || !found.tag_changes.empty() || card.id_changes) {
        changes = std::make_unique<MetadataChanges>(std::move(found));
    }
    return card;
}

void CardPlanner::plan(PlannedCard& card, const Note& note, const MetadataChanges* changes) {
    LossReport& losses = losses_;
    card.note_type = note_type_of(note);
    if (!card.note_type) {
        std::string question = note.fields.empty() ? std::string{} : as_markdown(note.fields[0]);
        StockKind stand_in = cloze_numbers(question).empty() ? StockKind::basic : StockKind::cloze;
        card.note_type = &stock_note_types()[static_cast<std::size_t>(stand_in)];
    }
    if (note.fields.size() > card.note_type->fields.size()) {
        losses.once("extra-fields", "MD110", note_locator(note),
                    "a note has more fields than its note type; the extra fields are dropped");
    }
    if (!changes) return;
    if (!changes->normalised_deck.empty()) {
        losses.once("deck-name", "MD108", "decks[" + note.deck + "]",
                    "deck names are written normalised, such as '" + note.deck + "' as '" +
                        changes->normalised_deck + "'",
                    "deck names in markdown have no empty parts, runs of spaces, `-->` or card "
                    "keys");
    }
    for (const MetadataChanges::TagChange& change : changes->tag_changes) {
        const std::string& tag = note.tags[change.tag];
        if (change.written.empty()) {
            losses.once(
                "tag-dropped", "MD106", note_locator(note),
                "tags spelled like a card key or holding `-->` are dropped, such as '" + tag + "'");
        } else {
            losses.once("tag-rewritten", "MD106", note_locator(note),
                        "tags with spaces are written with `_`, such as '" + tag + "' as '" +
                            change.written + "'");
        }
    }
    if (card.id_changes) {
        losses.once("unwritable-id", "MD107", note_locator(note),
                    "id '" + note.guid + "' cannot be written (" + changes->id_problem +
                        "); notes whose ids cannot be written get new ids when read back");
    }
}

std::vector<std::string> written_fields(const PlannedCard& card,
                                        const std::vector<std::string>& markdown) {
    std::vector<std::string> fields;
    fields.reserve(card.note_type->fields.size());
    for (std::size_t i = 0; i < card.note_type->fields.size(); ++i)
        fields.push_back(escape_side(field_markdown(markdown, i), i == 0));
    if (fields.empty()) fields.emplace_back();  // a note type without fields: an empty question
    return fields;
}

void CardPlanner::report_empty_question(const Note& note) {
    losses_.once("empty-question", "MD109", note_locator(note),
                 "a note with an empty first field is written with an empty question, which the "
                 "markdown reader rejects");
}

}  // namespace deckport::markdown
