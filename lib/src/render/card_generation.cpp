// Which cards a note gets when it is added to Anki (rslib notetype/cardgen.rs).
#include <algorithm>
#include <set>

#include "cloze.hpp"
#include "deckport/content.hpp"
#include "deckport/render.hpp"
#include "render_support.hpp"

namespace deckport {

using namespace render_detail;

namespace {

constexpr int kMaxClozeOrd = 499;

}  // namespace

std::vector<int> anki_card_ords(const NoteType& note_type, const Note& note) {
    std::vector<std::string> field_html;
    field_html.reserve(note.fields.size());
    for (const Content& field : note.fields) field_html.push_back(to_html(field));
    return anki_card_ords(note_type, note, field_html);
}

std::vector<int> anki_card_ords(const NoteType& note_type, const Note& note,
                                const std::vector<std::string>& field_html) {
    std::vector<int> ords;
    if (note_type.kind == NoteTypeKind::cloze) {
        std::set<int> numbers;
        for (const std::string& html : field_html) add_cloze_numbers(html, numbers);
        std::set<int> unique;
        for (int n : numbers) unique.insert(std::min(n - 1, kMaxClozeOrd));
        ords.assign(unique.begin(), unique.end());
    } else {
        NonEmptyFields nonempty;
        for (std::size_t i = 0; i < note_type.fields.size() && i < field_html.size(); ++i) {
            if (!field_is_empty(field_html[i])) nonempty.insert(note_type.fields[i]);
        }
        if (!note.tags.empty()) nonempty.insert("Tags");
        for (std::size_t i = 0; i < note_type.templates.size(); ++i) {
            ParsedTemplate parsed = parse_template(note_type.templates[i].front);
            // A template that does not parse makes no card.
            if (!parsed.error && renders_with(parsed.nodes, nonempty))
                ords.push_back(static_cast<int>(i));
        }
    }
    if (ords.empty()) ords.push_back(0);  // every note keeps at least one card
    return ords;
}

}  // namespace deckport
