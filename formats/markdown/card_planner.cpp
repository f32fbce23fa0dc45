#include "markdown/card_planner.hpp"

#include "deckport/content.hpp"
#include "deckport/notetypes.hpp"
#include "markdown/card_text.hpp"
#include "markdown/syntax.hpp"

namespace deckport::markdown {
namespace {

std::string note_locator(const Note& note) {
    return "notes[guid=" + note.guid + "]";
}

std::string as_markdown(const Content& content) {
    return normalize_side(content.kind == Markup::markdown ? content.source : to_markdown(content));
}

std::string field_markdown(const Note& note, std::size_t index) {
    return index < note.fields.size() ? as_markdown(note.fields[index]) : std::string{};
}

// The built-in that stands for `note_type` in markdown; reports the loss for other types.
const NoteType* markdown_note_type(const NoteType* note_type, LossReport& losses) {
    if (note_type && is_builtin_note_type(*note_type)) {
        if (const NoteType* builtin = builtin_note_type_named(note_type->name)) return builtin;
    }
    if (!note_type) {
        losses.once("unknown-note-type", "MD101", "notes",
                    "a note refers to a note type the collection does not hold; it is written as "
                    "Basic");
        return &builtin_note_type(Builtin::basic);
    }
    bool cloze = note_type->kind == NoteTypeKind::cloze;
    std::string written = cloze ? "Cloze" : "Basic";
    std::string rest = note_type->fields.size() > 2
                           ? "its fields after the first are joined into the " +
                                 std::string(cloze ? "Back Extra" : "answer") + ", "
                           : std::string{};
    losses.once("note-type:" + note_type->name, "MD101", "note_types[" + note_type->name + "]",
                "note type '" + note_type->name + "' is not built in: its notes are written as " +
                    written + "; " + rest + "its card templates and styling are dropped",
                "markdown decks hold Basic, Basic (and reversed card) and Cloze notes");
    return &builtin_note_type(cloze ? Builtin::cloze : Builtin::basic);
}

// The second side: the second field, or every further non-empty field of a custom note type.
std::string answer_markdown(const Note& note, const NoteType* note_type, bool builtin) {
    std::size_t field_count = note_type ? note_type->fields.size() : note.fields.size();
    if (builtin) field_count = 2;
    std::string answer;
    for (std::size_t i = 1; i < field_count; ++i) {
        std::string field = field_markdown(note, i);
        if (field.empty()) continue;
        if (!answer.empty()) answer += "\n\n";
        answer += field;
    }
    return answer;
}

std::string writable_deck(const Note& note, LossReport& losses) {
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
    if (!clean) {
        losses.once(
            "deck-name", "MD108", "decks[" + note.deck + "]",
            "deck names are written normalised, such as '" + note.deck + "' as '" + parts + "'",
            "deck names in markdown have no empty parts, runs of spaces, `-->` or card "
            "keys");
        std::string repaired;
        for (std::string_view word : split_whitespace(parts)) {
            if (!repaired.empty()) repaired += ' ';
            repaired += card_key(word) ? std::string(word.substr(0, word.size() - 1)) : word;
        }
        std::size_t arrow;
        while ((arrow = repaired.find("-->")) != std::string::npos)
            repaired.replace(arrow, 3, "->");
        return repaired;
    }
    return parts;
}

std::vector<std::string> writable_tags(const Note& note, LossReport& losses) {
    std::vector<std::string> tags;
    for (const std::string& tag : note.tags) {
        std::string written;
        for (std::string_view piece : split_whitespace(tag)) {
            if (!written.empty()) written += '_';
            written += piece;
        }
        if (written.find("-->") != std::string::npos || card_key(written)) written.clear();
        if (written.empty()) {
            losses.once(
                "tag-dropped", "MD106", note_locator(note),
                "tags spelled like a card key or holding `-->` are dropped, such as '" + tag + "'");
        } else if (written != tag) {
            losses.once("tag-rewritten", "MD106", note_locator(note),
                        "tags with spaces are written with `_`, such as '" + tag + "' as '" +
                            written + "'");
        }
        if (!written.empty()) tags.push_back(written);
    }
    return tags;
}

}  // namespace

const CardPlanner::TypeMapping& CardPlanner::mapping(std::int64_t note_type_id) {
    auto found = mappings_.find(note_type_id);
    if (found != mappings_.end()) return found->second;
    TypeMapping mapping;
    mapping.source = collection_.find_note_type(note_type_id);
    mapping.written = markdown_note_type(mapping.source, losses_);
    mapping.builtin = mapping.source && is_builtin_note_type(*mapping.source);
    return mappings_.emplace(note_type_id, mapping).first->second;
}

PlannedCard CardPlanner::plan(const Note& note) {
    LossReport& losses = losses_;
    const TypeMapping& type = mapping(note.note_type_id);
    PlannedCard card;
    card.note_type = type.written;
    card.question = escape_side(field_markdown(note, 0), true);
    card.answer = escape_side(answer_markdown(note, type.source, type.builtin), false);
    card.deck = writable_deck(note, losses);
    card.tags = writable_tags(note, losses);
    if (!note.guid.empty()) {
        std::string problem = id_problem(note.guid);
        if (problem.empty()) {
            card.id = note.guid;
        } else {
            card.id_changes = true;
            losses.once("unwritable-id", "MD107", note_locator(note),
                        "id '" + note.guid + "' cannot be written (" + problem +
                            "); notes whose ids cannot be written get new ids when read back");
        }
    }
    if (card.question.empty()) {
        losses.once("empty-question", "MD109", note_locator(note),
                    "a note with an empty first field is written with an empty question, which "
                    "the markdown reader rejects");
    }
    return card;
}

}  // namespace deckport::markdown
