#include "mochi/card_shapes.hpp"

#include "deckport/identity.hpp"
#include "deckport/notetypes.hpp"
#include "mochi/mochi_markdown.hpp"

namespace deckport::mochi {
namespace {

std::string sides_name(std::size_t sides) {
    return "Mochi " + std::to_string(sides) + " sides";
}

Content markdown(std::string text) {
    return Content{Markup::markdown, std::move(text)};
}

}  // namespace

NoteType sides_note_type(std::size_t sides) {
    NoteType nt;
    nt.name = sides_name(sides);
    std::string back = "{{FrontSide}}";
    for (std::size_t i = 1; i <= sides; ++i) {
        std::string field = "Side " + std::to_string(i);
        nt.fields.push_back(field);
        if (i > 1) back += (i == 2 ? "\n\n<hr id=answer>\n\n{{" : "\n\n<hr>\n\n{{") + field + "}}";
    }
    nt.templates.push_back({"Card 1", "{{Side 1}}", back, {}});
    nt.css = kDefaultCss;
    std::string key = nt.name;
    for (const auto& field : nt.fields) key += "\x1f" + field;
    nt.id = derive_id("notetype", key);
    return nt;
}

bool is_sides_note_type(const NoteType& nt) {
    if (nt.kind != NoteTypeKind::standard || nt.fields.size() < 3) return false;
    if (nt.name != sides_name(nt.fields.size())) return false;
    for (std::size_t i = 0; i < nt.fields.size(); ++i) {
        if (nt.fields[i] != "Side " + std::to_string(i + 1)) return false;
    }
    return true;
}

CardNote note_for_content(const std::string& content) {
    std::vector<std::string> sides = split_sides(content);
    CardNote note;
    if (sides.size() <= 2 && has_cloze(sides[0])) {
        note.note_type = cloze_note_type();
        note.fields = {markdown(cloze_to_anki(sides[0])),
                       markdown(sides.size() > 1 ? sides[1] : std::string{})};
    } else if (sides.size() <= 2) {
        note.note_type = basic_note_type();
        note.fields = {markdown(sides[0]), markdown(sides.size() > 1 ? sides[1] : std::string{})};
    } else {
        note.note_type = sides_note_type(sides.size());
        for (std::string& side : sides) note.fields.push_back(markdown(std::move(side)));
    }
    return note;
}

}  // namespace deckport::mochi
