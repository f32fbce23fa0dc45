#include "mochi/card_content.hpp"

#include <vector>

#include "deckport/content.hpp"
#include "deckport/notetypes.hpp"
#include "mochi/card_shapes.hpp"
#include "mochi/mochi_markdown.hpp"

namespace deckport::mochi {
namespace {

std::string as_markdown(const Content& field) {
    return field.kind == Markup::markdown ? field.source : to_markdown(field);
}

bool is_builtin_basic(const NoteType& nt) {
    return nt.kind == NoteTypeKind::standard && is_builtin_note_type(nt);
}

}  // namespace

std::string note_type_loss(const NoteType& nt) {
    if (is_sides_note_type(nt)) return {};
    if (is_builtin_note_type(nt)) {
        if (nt.templates.size() > 1) {
            return "Mochi has no reverse cards; only the first card of each note is kept";
        }
        return {};
    }
    return "its card templates and styling are not carried; its fields become card sides";
}

std::string card_content(const Note& note, const NoteType* nt,
                         const std::set<std::string>& media_names) {
    std::vector<std::string> sides;
    for (const Content& field : note.fields) sides.push_back(as_markdown(field));
    if (sides.empty()) sides.emplace_back();
    if (nt && nt->kind == NoteTypeKind::cloze) {
        // The cloze text, then every other non-empty field as a further side.
        std::vector<std::string> kept{cloze_to_mochi(sides[0])};
        for (std::size_t i = 1; i < sides.size(); ++i) {
            if (!sides[i].empty()) kept.push_back(std::move(sides[i]));
        }
        sides = std::move(kept);
    } else if (!nt || !(is_builtin_basic(*nt) || is_sides_note_type(*nt))) {
        // Fields of other note types become sides; empty trailing ones (beyond a back) go.
        while (sides.size() > 2 && sides.back().empty()) sides.pop_back();
    }
    for (std::string& side : sides) side = media_links_to_mochi(side, media_names);
    return join_sides(sides);
}

}  // namespace deckport::mochi
