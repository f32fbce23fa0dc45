#include "mochi/card_content.hpp"

#include <algorithm>
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

// The fields a cloze note type's templates show through a cloze filter (`{{cloze:Text}}`,
// `{{cloze:furigana:Text}}`, `{{type:cloze:Text}}`); the first field when none is found.
std::vector<bool> cloze_fields(const NoteType& nt) {
    std::vector<bool> cloze(nt.fields.size(), false);
    for (const CardTemplate& tmpl : nt.templates) {
        for (const std::string* side : {&tmpl.front, &tmpl.back}) {
            for (std::size_t open = side->find("{{"); open != std::string::npos;
                 open = side->find("{{", open + 2)) {
                std::size_t close = side->find("}}", open + 2);
                if (close == std::string::npos) break;
                std::string tag = side->substr(open + 2, close - open - 2);
                std::size_t colon = tag.rfind(':');
                if (colon == std::string::npos) continue;
                std::string filters = ":" + tag.substr(0, colon + 1);
                if (filters.find(":cloze:") == std::string::npos) continue;
                auto field = std::find(nt.fields.begin(), nt.fields.end(), tag.substr(colon + 1));
                if (field != nt.fields.end()) cloze[field - nt.fields.begin()] = true;
            }
        }
    }
    if (!cloze.empty() && std::find(cloze.begin(), cloze.end(), true) == cloze.end()) {
        cloze[0] = true;
    }
    return cloze;
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

CardContent card_content(const Note& note, const NoteType* nt,
                         const std::map<std::string, std::string>& flat_names) {
    CardContent out;
    std::vector<std::string> sides;
    for (const Content& field : note.fields) sides.push_back(as_markdown(field));
    std::vector<bool> cloze(sides.size(), false);
    if (nt && nt->kind == NoteTypeKind::cloze && nt->fields.size() == sides.size()) {
        cloze = cloze_fields(*nt);
        bool visible = false, in_code = false;
        for (std::size_t i = 0; i < sides.size(); ++i) {
            if (!cloze[i]) continue;
            visible |= has_cloze(escape_braces(sides[i], true));
            in_code |= has_clozes_only_in_code(sides[i]);
        }
        if (!visible && in_code) {
            // Mochi would show these clozes as text: write the note as a card without any.
            out.clozes_in_code_only = true;
            std::fill(cloze.begin(), cloze.end(), false);
        }
    }
    bool cloze_card = std::find(cloze.begin(), cloze.end(), true) != cloze.end();
    if (sides.empty()) {
        sides.emplace_back();
        cloze.push_back(false);
    }
    if (cloze_card && !is_sides_note_type(*nt)) {
        // The first field, then every other non-empty one as a further side.
        std::vector<std::string> kept{std::move(sides[0])};
        std::vector<bool> kept_cloze{cloze[0]};
        for (std::size_t i = 1; i < sides.size(); ++i) {
            if (sides[i].empty()) continue;
            kept.push_back(std::move(sides[i]));
            kept_cloze.push_back(cloze[i]);
        }
        sides = std::move(kept);
        cloze = std::move(kept_cloze);
    } else if (!nt || !(is_builtin_basic(*nt) || is_sides_note_type(*nt))) {
        // Fields of other note types become sides; empty trailing ones (beyond a back) go.
        while (sides.size() > 2 && sides.back().empty()) sides.pop_back();
    }
    for (std::size_t i = 0; i < sides.size(); ++i) {
        std::string side = media_links_to_mochi(sides[i], flat_names);
        sides[i] =
            cloze[i] ? cloze_to_mochi(escape_braces(side, true)) : escape_braces(side, false);
    }
    out.text = join_sides(sides);
    return out;
}

}  // namespace deckport::mochi
