// Semantic diff: notes matched by GUID, then by first-field text; note types by name; decks
// by full path.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "deckport/diff.hpp"
#include "lint/lint_support.hpp"
#include "roundtrip/roundtrip_internal.hpp"

namespace deckport {
namespace {

std::string type_name(const Collection& c, const Note& note) {
    const NoteType* type = c.find_note_type(note.note_type_id);
    return type ? type->name : std::string{};
}

NoteSummary summarize(const Collection& c, const Note& note) {
    std::string question =
        note.fields.empty() ? std::string{} : lint_detail::plain_text(note.fields[0]);
    SourceLocation origin = note.origin;
    if (origin.file.empty()) origin.file = c.meta.source_name;
    return {note.guid, lint_detail::excerpt(question, 60), type_name(c, note), note.deck, origin};
}

bool same_field(const Content& a, const Content& b) {
    return roundtrip_detail::comparable_markup(a, b.kind) ==
           roundtrip_detail::comparable_markup(b, a.kind);
}

std::string first_field_key(const Note& note) {
    return note.fields.empty() ? std::string{} : roundtrip_detail::comparable_text(note.fields[0]);
}

NoteChange compare_notes(const Collection& a, const Note& x, const Collection& b, const Note& y) {
    NoteChange change{summarize(a, x), summarize(b, y), {}, {}, {}, false, false, false};
    std::size_t count = std::max(x.fields.size(), y.fields.size());
    for (std::size_t i = 0; i < count; ++i) {
        Content before = i < x.fields.size() ? x.fields[i] : Content{};
        Content after = i < y.fields.size() ? y.fields[i] : Content{};
        if (same_field(before, after)) continue;
        std::string name = i < x.fields.size() ? lint_detail::field_name(a, x, i)
                                               : lint_detail::field_name(b, y, i);
        change.fields.push_back({name, before, after});
    }
    std::set_difference(y.tags.begin(), y.tags.end(), x.tags.begin(), x.tags.end(),
                        std::back_inserter(change.tags_added));
    std::set_difference(x.tags.begin(), x.tags.end(), y.tags.begin(), y.tags.end(),
                        std::back_inserter(change.tags_removed));
    change.note_type_changed = change.before.note_type != change.after.note_type;
    change.deck_changed = x.deck != y.deck;
    change.guid_changed = x.guid != y.guid;
    return change;
}

bool has_changes(const NoteChange& change) {
    return !change.fields.empty() || !change.tags_added.empty() || !change.tags_removed.empty() ||
           change.note_type_changed || change.deck_changed || change.guid_changed;
}

void diff_notes(const Collection& a, const Collection& b, CollectionDiff& out) {
    std::vector<bool> taken(b.notes.size(), false);
    std::unordered_map<std::string, std::size_t> by_guid;
    std::multimap<std::string, std::size_t> by_text;
    for (std::size_t i = 0; i < b.notes.size(); ++i) {
        by_guid.emplace(b.notes[i].guid, i);
        by_text.emplace(first_field_key(b.notes[i]), i);
    }
    std::vector<std::pair<const Note*, std::size_t>> pairs;
    std::vector<const Note*> unmatched;
    for (const Note& note : a.notes) {
        auto it = by_guid.find(note.guid);
        if (it != by_guid.end() && !taken[it->second]) {
            taken[it->second] = true;
            pairs.emplace_back(&note, it->second);
        } else {
            unmatched.push_back(&note);
        }
    }
    for (const Note* note : unmatched) {
        auto [begin, end] = by_text.equal_range(first_field_key(*note));
        auto it = std::find_if(begin, end, [&](const auto& entry) { return !taken[entry.second]; });
        if (it == end) {
            out.removed.push_back(summarize(a, *note));
            continue;
        }
        taken[it->second] = true;
        pairs.emplace_back(note, it->second);
    }
    // Report changes in A's order, which is the order a reviewer reads the old deck in.
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const auto& l, const auto& r) { return l.first < r.first; });
    for (const auto& [note, index] : pairs) {
        NoteChange change = compare_notes(a, *note, b, b.notes[index]);
        if (has_changes(change)) out.changed.push_back(std::move(change));
    }
    for (std::size_t i = 0; i < b.notes.size(); ++i) {
        if (!taken[i]) out.added.push_back(summarize(b, b.notes[i]));
    }
}

bool same_templates(const NoteType& x, const NoteType& y) {
    if (x.templates.size() != y.templates.size()) return false;
    for (std::size_t i = 0; i < x.templates.size(); ++i) {
        if (x.templates[i].name != y.templates[i].name ||
            x.templates[i].front != y.templates[i].front ||
            x.templates[i].back != y.templates[i].back) {
            return false;
        }
    }
    return true;
}

void diff_note_types(const Collection& a, const Collection& b, CollectionDiff& out) {
    for (const NoteType& x : a.note_types) {
        const NoteType* y = b.find_note_type(std::string_view(x.name));
        if (!y) {
            out.note_types_removed.push_back(x.name);
            continue;
        }
        NoteTypeChange change{
            x.name,         x.fields, y->fields, x.kind != y->kind, !same_templates(x, *y),
            x.css != y->css};
        if (x.fields != y->fields || change.kind_changed || change.templates_changed ||
            change.css_changed) {
            out.note_types_changed.push_back(std::move(change));
        }
    }
    for (const NoteType& y : b.note_types) {
        if (!a.find_note_type(std::string_view(y.name))) out.note_types_added.push_back(y.name);
    }
}

void diff_decks(const Collection& a, const Collection& b, CollectionDiff& out) {
    for (const Deck& deck : a.decks) {
        if (!b.find_deck(deck.name)) out.decks_removed.push_back(deck.name);
    }
    for (const Deck& deck : b.decks) {
        if (!a.find_deck(deck.name)) out.decks_added.push_back(deck.name);
    }
}

}  // namespace

bool CollectionDiff::empty() const {
    return added.empty() && removed.empty() && changed.empty() && note_types_added.empty() &&
           note_types_removed.empty() && note_types_changed.empty() && decks_added.empty() &&
           decks_removed.empty();
}

CollectionDiff diff_collections(const Collection& a, const Collection& b) {
    CollectionDiff out;
    diff_notes(a, b, out);
    diff_note_types(a, b, out);
    diff_decks(a, b, out);
    return out;
}

}  // namespace deckport
