// Compares a collection read back after a round trip with the original, aspect by aspect: a
// difference in what the format carries is an error, in what it does not carry a loss by design.
#include <map>
#include <string_view>
#include <unordered_map>

#include "lint/lint_support.hpp"
#include "roundtrip/roundtrip_internal.hpp"

namespace deckport::roundtrip_detail {
namespace {

std::string note_label(const Note& note) {
    std::string question =
        note.fields.empty() ? std::string{} : lint_detail::plain_text(note.fields.front());
    return question.empty() ? "note " + note.guid
                            : "note '" + lint_detail::excerpt(question, 40) + "'";
}

std::string joined(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const std::string& item : items) out += (out.size() > 1 ? " " : "") + item;
    return out + "]";
}

std::size_t first_difference(std::string_view a, std::string_view b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    return i;
}

std::string first_field_key(const Note& note) {
    return note.fields.empty() ? std::string{} : comparable_text(note.fields.front());
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

using Pairs = std::vector<std::pair<const Note*, const Note*>>;

// Notes matched by GUID where the format keeps GUIDs, else by position when nothing was lost
// or added, else by the text of the first field.
Pairs match_notes(const Collection& original, const Collection& readback, bool by_guid,
                  std::vector<const Note*>& lost, std::vector<const Note*>& added) {
    Pairs pairs;
    std::vector<bool> taken(readback.notes.size(), false);
    if (!by_guid && original.notes.size() == readback.notes.size()) {
        for (std::size_t i = 0; i < original.notes.size(); ++i) {
            pairs.emplace_back(&original.notes[i], &readback.notes[i]);
        }
        return pairs;
    }
    std::unordered_map<std::string, std::size_t> by_id;
    std::multimap<std::string, std::size_t> by_text;
    for (std::size_t i = 0; i < readback.notes.size(); ++i) {
        by_id.emplace(readback.notes[i].guid, i);
        by_text.emplace(first_field_key(readback.notes[i]), i);
    }
    std::vector<const Note*> unmatched;
    if (by_guid) {
        for (const Note& note : original.notes) {
            auto it = by_id.find(note.guid);
            if (it != by_id.end() && !taken[it->second]) {
                taken[it->second] = true;
                pairs.emplace_back(&note, &readback.notes[it->second]);
            } else {
                unmatched.push_back(&note);
            }
        }
    } else {
        for (const Note& note : original.notes) unmatched.push_back(&note);
    }
    for (const Note* note : unmatched) {
        auto [begin, end] = by_text.equal_range(first_field_key(*note));
        bool found = false;
        for (auto it = begin; it != end && !found; ++it) {
            if (taken[it->second]) continue;
            taken[it->second] = true;
            pairs.emplace_back(note, &readback.notes[it->second]);
            found = true;
        }
        if (!found) lost.push_back(note);
    }
    for (std::size_t i = 0; i < readback.notes.size(); ++i) {
        if (!taken[i]) added.push_back(&readback.notes[i]);
    }
    return pairs;
}

std::string type_shape(const NoteType* type) {
    if (!type) return "(unknown note type)";
    std::string out = type->name + (type->kind == NoteTypeKind::cloze ? " [cloze]" : "") + " (";
    for (std::size_t i = 0; i < type->fields.size(); ++i) out += (i ? ", " : "") + type->fields[i];
    return out + ")";
}

// Compares the note types; false when the fields cannot be compared one by one (a cloze note
// that a format without clozes writes as a term and a definition).
bool compare_note_type(const Collection& original, const Collection& readback, const Note& o,
                       const Note& r, Comparison& c) {
    const NoteType* before = original.find_note_type(o.note_type_id);
    const NoteType* after = readback.find_note_type(r.note_type_id);
    if (type_shape(before) == type_shape(after)) return true;
    bool was_cloze = before && before->kind == NoteTypeKind::cloze;
    bool is_cloze = after && after->kind == NoteTypeKind::cloze;
    if (was_cloze && !is_cloze && !c.carries().cloze) {
        c.lost("cloze note types");
        return false;
    }
    if (!c.carries().note_types) {
        c.lost("note types");
    } else {
        c.unexpected("RT005", c.at(o),
                     note_label(o) + ": note type changed from " + type_shape(before) + " to " +
                         type_shape(after));
    }
    return true;
}

void compare_field(const Collection& original, const Note& o, const Note& r, std::size_t i,
                   Comparison& c) {
    const Content& before = o.fields[i];
    const Content& after = r.fields[i];
    std::string expected, actual;
    if (c.carries().formatting) {
        expected = comparable_markup(before, after.kind);
        actual = comparable_markup(after, before.kind);
    } else {
        expected = comparable_text(before);
        actual = comparable_text(after);
    }
    for (const auto& [from, to] : c.media_renames) replace_all(expected, from, to);
    bool same = expected == actual;
    if (!same && c.carries().formatting) {
        // Two markdown spellings of one thing (`---` and `----`, `*a*` and `_a_`) are equal.
        std::string rendered = comparable_rendering(before);
        for (const auto& [from, to] : c.media_renames) replace_all(rendered, from, to);
        same = rendered == comparable_rendering(after);
    }
    if (same) {
        if (!c.carries().formatting && has_formatting(before)) c.lost("formatting");
        return;
    }
    std::size_t from = first_difference(expected, actual);
    c.unexpected("RT004", c.at_field(o, i, lint_detail::first_line(before.source)),
                 note_label(o) + ": field " + lint_detail::field_name(original, o, i) +
                     " changed: expected " + quoted_excerpt(expected, from) + ", got " +
                     quoted_excerpt(actual, from));
}

// A format without note types that keeps fewer fields (Quizlet's term and definition) joins
// the later ones into its last: that field is the join of the original's, as text.
bool joins_later_fields(const Note& o, const Note& r, Comparison& c) {
    if (c.carries().note_types || r.fields.empty() || r.fields.size() >= o.fields.size())
        return false;
    std::size_t last = r.fields.size() - 1;
    bool beyond = false;
    for (std::size_t i = r.fields.size(); i < o.fields.size(); ++i)
        beyond = beyond || !comparable_text(o.fields[i]).empty();
    if (!beyond) return false;
    std::string joined;
    for (std::size_t i = last; i < o.fields.size(); ++i) {
        std::string text = comparable_text(o.fields[i]);
        if (text.empty()) continue;
        if (!joined.empty()) joined += '\n';
        joined += text;
    }
    return comparable_text({Markup::text, joined}) == comparable_text(r.fields[last]);
}

void compare_fields(const Collection& original, const Note& o, const Note& r, Comparison& c) {
    std::size_t common = std::min(o.fields.size(), r.fields.size());
    if (joins_later_fields(o, r, c)) {
        for (std::size_t i = 0; i + 1 < common; ++i) compare_field(original, o, r, i, c);
        if (!c.carries().formatting) {
            for (std::size_t i = common - 1; i < o.fields.size(); ++i) {
                if (has_formatting(o.fields[i])) c.lost("formatting");
            }
        }
        c.lost("fields beyond the note's first " + std::to_string(r.fields.size()));
        return;
    }
    for (std::size_t i = 0; i < common; ++i) compare_field(original, o, r, i, c);
    if (o.fields.size() == r.fields.size()) return;
    bool extra_content = false;
    for (std::size_t i = common; i < o.fields.size(); ++i) {
        if (!comparable_text(o.fields[i]).empty()) extra_content = true;
    }
    for (std::size_t i = common; i < r.fields.size(); ++i) {
        if (!comparable_text(r.fields[i]).empty()) extra_content = true;
    }
    if (!extra_content) return;
    if (!c.carries().note_types && r.fields.size() < o.fields.size()) {
        c.lost("fields beyond the note's first " + std::to_string(r.fields.size()));
        return;
    }
    c.unexpected("RT004", c.at(o),
                 note_label(o) + ": has " + std::to_string(r.fields.size()) +
                     " fields after the round trip, expected " + std::to_string(o.fields.size()));
}

void compare_attributes(const Note& o, const Note& r, Comparison& c) {
    const Capabilities& carries = c.carries();
    if (o.tags != r.tags) {
        if (carries.tags) {
            c.unexpected(
                "RT005", c.at(o),
                note_label(o) + ": tags changed from " + joined(o.tags) + " to " + joined(r.tags));
        } else {
            c.lost("tags");
        }
    }
    if (o.deck != r.deck) {
        bool nested = o.deck.find("::") != std::string::npos;
        if (carries.multiple_decks && (carries.deck_tree || !nested)) {
            c.unexpected(
                "RT005", c.at(o),
                note_label(o) + ": deck changed from '" + o.deck + "' to '" + r.deck + "'");
        } else {
            c.lost(carries.multiple_decks ? "deck hierarchy" : "decks");
        }
    }
    if (o.guid != r.guid) {
        if (carries.guids) {
            c.unexpected("RT005", c.at(o),
                         note_label(o) + ": id changed from '" + o.guid + "' to '" + r.guid + "'");
        } else {
            c.lost("note ids");
        }
    }
    if (!o.cards.empty() && o.cards != r.cards) {
        if (carries.scheduling) {
            c.unexpected("RT005", c.at(o), note_label(o) + ": cards or their scheduling changed");
        } else {
            c.lost("scheduling");
        }
    }
}

// The file's bytes (read once and cached by MediaFile), or nullptr when unreadable.
const std::string* media_bytes(const MediaFile& file) {
    try {
        return &file.bytes();
    } catch (const std::exception&) {
        return nullptr;
    }
}

// Read-back files under names the original does not use, by their bytes: where a renamed
// file is found. Built once per comparison, not once per original file.
std::unordered_map<std::string_view, const MediaFile*> renamed_candidates(
    const Collection& original, const Collection& readback) {
    std::unordered_map<std::string_view, const MediaFile*> by_bytes;
    for (const MediaFile& candidate : readback.media) {
        if (original.find_media(candidate.name)) continue;
        if (const std::string* bytes = media_bytes(candidate)) by_bytes.emplace(*bytes, &candidate);
    }
    return by_bytes;
}

void compare_media(const Collection& original, const Collection& readback, Comparison& c) {
    std::unordered_map<std::string_view, const MediaFile*> candidates;
    if (c.carries().media) candidates = renamed_candidates(original, readback);
    for (const MediaFile& file : original.media) {
        const MediaFile* after = readback.find_media(file.name);
        if (!c.carries().media) {
            if (!after) c.lost("media");
            continue;
        }
        SourceLocation where =
            file.origin.file.empty() ? SourceLocation{c.subject.file} : file.origin;
        if (!after) {
            const std::string* bytes = media_bytes(file);
            auto renamed = bytes ? candidates.find(*bytes) : candidates.end();
            if (renamed != candidates.end()) {
                c.lost("media file names (folders flattened, names sanitised)");
                c.media_renames.emplace_back(file.name, renamed->second->name);
                continue;
            }
            c.unexpected("RT008", where, "media file '" + file.name + "' is lost");
            continue;
        }
        const std::string* before = media_bytes(file);
        const std::string* now = media_bytes(*after);
        if (!before || !now || *before != *now) {
            c.unexpected("RT008", where, "media file '" + file.name + "' has other bytes");
        }
    }
}

}  // namespace

void Comparison::unexpected(const std::string& code, SourceLocation where, std::string message) {
    ++result.unexpected;
    result.diagnostics.push_back({Severity::error,
                                  code,
                                  format.info.name + ": " + std::move(message),
                                  std::move(where),
                                  {}});
}

SourceLocation Comparison::at(const Note& note, std::string_view needle) const {
    SourceLocation where = note.origin;
    if (where.file.empty()) where.file = subject.file;
    return index.find(where, needle, false).value_or(where);
}

SourceLocation Comparison::at_field(const Note& note, std::size_t field,
                                    std::string_view needle) const {
    SourceLocation where = note.origin;
    if (where.file.empty()) where.file = subject.file;
    if (auto found = index.find(where, needle, false)) return *found;
    if (field < note.field_origins.size() && note.field_origins[field].has_position()) {
        SourceLocation start = note.field_origins[field];
        if (start.file.empty()) start.file = subject.file;
        return start;
    }
    return where;
}

std::string quoted_excerpt(std::string_view text, std::size_t from) {
    std::size_t start = from > 40 ? from - 20 : 0;
    // Start on a character boundary.
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::string shown = lint_detail::excerpt(text.substr(start), 70);
    return std::string("\"") + (start > 0 ? "…" : "") + shown + "\"";
}

void compare_collections(const Collection& original, const Collection& readback, Comparison& c) {
    std::vector<const Note*> lost, added;
    Pairs pairs = match_notes(original, readback, c.carries().guids, lost, added);
    for (const Note* note : lost) {
        c.unexpected("RT002", c.at(*note), note_label(*note) + " is missing after the round trip");
    }
    for (const Note* note : added) {
        c.unexpected("RT003", SourceLocation{c.subject.file},
                     note_label(*note) + " appeared in the round trip but is not in the original");
    }
    compare_media(original, readback, c);  // first: field comparison applies media renames
    for (const auto& [o, r] : pairs) {
        if (compare_note_type(original, readback, *o, *r, c)) compare_fields(original, *o, *r, c);
        compare_attributes(*o, *r, c);
    }
}

}  // namespace deckport::roundtrip_detail
