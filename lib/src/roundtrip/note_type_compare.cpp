// Note types after a round trip, once per note type (not once per note): their fields, card
// templates and styling, for the note types the matched notes use.
#include <map>

#include "roundtrip/roundtrip_internal.hpp"

namespace deckport::roundtrip_detail {
namespace {

std::string field_list(const std::vector<std::string>& fields) {
    std::string out;
    for (const std::string& field : fields) out += (out.empty() ? "" : ", ") + field;
    return "(" + out + ")";
}

// What differs between two note types, in words; empty when they are the same.
std::vector<std::string> differences(const NoteType& before, const NoteType& after) {
    std::vector<std::string> out;
    if (before.name != after.name) out.push_back("renamed to '" + after.name + "'");
    if (before.kind != after.kind) {
        out.push_back(std::string("became a ") +
                      (after.kind == NoteTypeKind::cloze ? "cloze" : "standard") + " note type");
    }
    if (before.fields != after.fields) {
        out.push_back("fields changed from " + field_list(before.fields) + " to " +
                      field_list(after.fields));
    }
    if (before.templates.size() != after.templates.size()) {
        out.push_back("has " + std::to_string(after.templates.size()) + " card templates, had " +
                      std::to_string(before.templates.size()));
    } else {
        for (std::size_t i = 0; i < before.templates.size(); ++i) {
            const CardTemplate& a = before.templates[i];
            const CardTemplate& b = after.templates[i];
            std::string which = "card template '" + a.name + "'";
            if (a.name != b.name) out.push_back(which + " renamed to '" + b.name + "'");
            if (a.front != b.front) {
                out.push_back(which + " front changed: " + before_after(a.front, b.front));
            }
            if (a.back != b.back) {
                out.push_back(which + " back changed: " + before_after(a.back, b.back));
            }
        }
    }
    if (before.css != after.css)
        out.push_back("styling changed: " + before_after(before.css, after.css));
    return out;
}

bool same_templates_and_styling(const NoteType& before, const NoteType& after) {
    if (before.css != after.css || before.templates.size() != after.templates.size()) return false;
    for (std::size_t i = 0; i < before.templates.size(); ++i) {
        const CardTemplate& a = before.templates[i];
        const CardTemplate& b = after.templates[i];
        if (a.name != b.name || a.front != b.front || a.back != b.back) return false;
    }
    return true;
}

}  // namespace

void compare_note_types(const Collection& original, const Collection& readback,
                        const NoteMatches& matches, Comparison& c) {
    // Each original note type with the read-back type of its first matched note.
    std::map<std::int64_t, std::int64_t> read_back_type;
    std::vector<std::int64_t> order;
    for (const auto& [o, r] : matches.pairs) {
        if (read_back_type.emplace(o->note_type_id, r->note_type_id).second) {
            order.push_back(o->note_type_id);
        }
    }
    for (std::int64_t id : order) {
        const NoteType* before = original.find_note_type(id);
        const NoteType* after = readback.find_note_type(read_back_type[id]);
        if (!before || !after) continue;
        if (!c.carries().note_types) {
            if (!same_templates_and_styling(*before, *after)) {
                c.lost("card templates and styling", "note types");
            }
            continue;
        }
        for (const std::string& difference : differences(*before, *after)) {
            c.unexpected("RT005", SourceLocation{c.subject.file},
                         "note type '" + before->name + "': " + difference);
        }
    }
}

}  // namespace deckport::roundtrip_detail
