// The field map of one card (rslib notetype/render.rs: add_special_fields) and rendering a
// note's card with its note type.
#include "deckport/content.hpp"
#include "deckport/render.hpp"

namespace deckport {
namespace {

const CardTemplate* template_for(const NoteType& note_type, int ord) {
    if (note_type.templates.empty()) return nullptr;
    if (note_type.kind == NoteTypeKind::cloze) return &note_type.templates.front();
    if (ord < 0 || static_cast<std::size_t>(ord) >= note_type.templates.size()) return nullptr;
    return &note_type.templates[static_cast<std::size_t>(ord)];
}

std::string join_tags(const std::vector<std::string>& tags) {
    std::string out;
    for (const std::string& tag : tags) {
        if (!out.empty()) out += ' ';
        out += tag;
    }
    return out;
}

}  // namespace

FieldMap card_field_map(const NoteType& note_type, const Note& note, const CardInfo& card) {
    FieldMap fields;
    for (std::size_t i = 0; i < note_type.fields.size(); ++i) {
        fields.emplace(note_type.fields[i], i < note.fields.size() ? to_html(note.fields[i]) : "");
    }
    // Note fields win over special fields of the same name.
    std::string deck = !card.deck.empty() ? card.deck : note.deck.empty() ? "(Deck)" : note.deck;
    std::size_t last = deck.rfind("::");
    std::string subdeck = last == std::string::npos ? deck : deck.substr(last + 2);
    const CardTemplate* card_template = template_for(note_type, card.ord);
    fields.emplace("Tags", join_tags(note.tags));
    fields.emplace("Type", note_type.name);
    fields.emplace("Deck", deck);
    fields.emplace("Subdeck", subdeck);
    fields.emplace("CardFlag", "flag" + std::to_string(card.flags));
    fields.emplace("Card", card_template ? card_template->name : std::string());
    fields.emplace("CardID", std::to_string(card.id));
    fields.emplace("c" + std::to_string(card.ord + 1), "1");
    return fields;
}

RenderedCard render_note_card(const NoteType& note_type, const Note& note, const CardInfo& card) {
    const CardTemplate* card_template = template_for(note_type, card.ord);
    if (!card_template) {
        // Anki refuses to show such a card; say why in the same shape as its messages.
        RenderedCard missing;
        missing.question = missing.answer = "<div>Card " + std::to_string(card.ord + 1) +
                                            " has no template in note type '" + note_type.name +
                                            "'.</div>";
        missing.is_empty = true;
        return missing;
    }
    return render_card(card_template->front, card_template->back,
                       card_field_map(note_type, note, card), card.ord,
                       note_type.kind == NoteTypeKind::cloze);
}

}  // namespace deckport
