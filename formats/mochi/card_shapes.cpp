#include "mochi/card_shapes.hpp"

#include <algorithm>

#include "deckport/identity.hpp"
#include "deckport/notetypes.hpp"
#include "mochi/mochi_markdown.hpp"

namespace deckport::mochi {
namespace {

std::string sides_name(std::size_t sides, bool cloze) {
    return "Mochi " + std::to_string(sides) + " sides" + (cloze ? " (cloze)" : "");
}

Content markdown(std::string text) {
    return Content{Markup::markdown, std::move(text)};
}

}  // namespace

NoteType sides_note_type(std::size_t sides, bool cloze) {
    NoteType nt;
    nt.name = sides_name(sides, cloze);
    nt.kind = cloze ? NoteTypeKind::cloze : NoteTypeKind::standard;
    // Anki makes cloze cards from the cloze fields of the question, so a cloze type shows every
    // side on both; a standard one reveals them in turn, as Mochi does.
    std::string front = cloze ? "{{cloze:Side 1}}" : "{{Side 1}}";
    std::string back = cloze ? front : "{{FrontSide}}";
    for (std::size_t i = 1; i <= sides; ++i) {
        std::string field = "Side " + std::to_string(i);
        nt.fields.push_back(field);
        if (i == 1) continue;
        if (cloze) {
            front += "\n\n<hr>\n\n{{cloze:" + field + "}}";
            back += "\n\n<hr>\n\n{{cloze:" + field + "}}";
        } else {
            back += (i == 2 ? "\n\n<hr id=answer>\n\n{{" : "\n\n<hr>\n\n{{") + field + "}}";
        }
    }
    nt.templates.push_back({cloze ? "Cloze" : "Card 1", front, back, {}});
    nt.css = kDefaultCss;
    std::string key = nt.name;
    for (const auto& field : nt.fields) key += "\x1f" + field;
    nt.id = derive_id("notetype", key);
    return nt;
}

bool is_sides_note_type(const NoteType& nt) {
    bool cloze = nt.kind == NoteTypeKind::cloze;
    if (nt.fields.size() < (cloze ? 2u : 3u)) return false;
    if (nt.name != sides_name(nt.fields.size(), cloze)) return false;
    for (std::size_t i = 0; i < nt.fields.size(); ++i) {
        if (nt.fields[i] != "Side " + std::to_string(i + 1)) return false;
    }
    return true;
}

CardNote note_for_content(const std::string& content) {
    std::vector<std::string> sides = split_sides(content);
    for (std::string& side : sides) side = unescape_side_rules(side);
    bool first_cloze = has_cloze(sides[0]);
    bool later_cloze = std::any_of(sides.begin() + 1, sides.end(),
                                   [](const std::string& side) { return has_cloze(side); });
    // Clozes become Anki's form before the escaped braces become braces, so that `{\{x}}` stays
    // text.
    int bare_group = bare_cloze_group(sides);
    CardNote note;
    if (sides.size() <= 2 && first_cloze && !later_cloze) {
        note.note_type = cloze_note_type();
        note.fields = {markdown(unescape_braces(cloze_to_anki(sides[0], bare_group))),
                       markdown(unescape_braces(sides.size() > 1 ? sides[1] : std::string{}))};
    } else if (first_cloze || later_cloze) {
        note.note_type = sides_note_type(sides.size(), true);
        for (const std::string& side : sides) {
            note.fields.push_back(markdown(unescape_braces(cloze_to_anki(side, bare_group))));
        }
    } else if (sides.size() <= 2) {
        note.note_type = basic_note_type();
        note.fields = {markdown(unescape_braces(sides[0])),
                       markdown(unescape_braces(sides.size() > 1 ? sides[1] : std::string{}))};
    } else {
        note.note_type = sides_note_type(sides.size());
        for (const std::string& side : sides)
            note.fields.push_back(markdown(unescape_braces(side)));
    }
    return note;
}

}  // namespace deckport::mochi
