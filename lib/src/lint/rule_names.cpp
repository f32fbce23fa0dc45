// LINT008 invalid deck names and LINT009 tags that Anki splits or changes.
#include <set>

#include "lint/lint_support.hpp"

namespace deckport::lint_detail {
namespace {

// White space as C's isspace() sees it (a vertical tab too), around deck name parts.
bool is_c_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Why the deck name is invalid, or empty when it is valid.
std::string deck_name_problem(const std::string& name) {
    for (const std::string& part : split_deck_path(name)) {
        if (part.empty()) return "has an empty part between '::'";
        if (is_c_space(part.front()) || is_c_space(part.back())) {
            return "has a part with leading or trailing spaces ('" + part + "')";
        }
    }
    return {};
}

const Note* first_note_in(const Collection& collection, const std::string& deck) {
    for (const Note& note : collection.notes) {
        if (note.deck == deck) return &note;
    }
    return nullptr;
}

// Why Anki would not keep the tag as written, or empty when it would.
std::string tag_problem(std::string_view tag) {
    for (std::size_t i = 0; i < tag.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(tag[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            return "contains whitespace: Anki splits it into several tags";
        }
        if (tag.substr(i, 3) == "\u3000")
            return "contains U+3000 (ideographic space): Anki splits it";
        if (c < 0x20 || c == 0x7f) return "contains a control character: Anki removes it";
        if (c == '"') return "contains '\"': Anki removes it";
    }
    for (const std::string& part : split_deck_path(tag)) {
        if (part.empty()) return "has an empty '::' part: Anki drops it";
    }
    return {};
}

}  // namespace

void invalid_deck_names(const LintSubject& subject, const LintSettings&, LintReport& report) {
    std::set<std::string> bad;
    for (const Deck& deck : subject.collection.decks) {
        if (!deck_name_problem(deck.name).empty()) bad.insert(deck.name);
    }
    for (const Note& note : subject.collection.notes) {
        if (!note.deck.empty() && !deck_name_problem(note.deck).empty()) bad.insert(note.deck);
    }
    for (const std::string& name : bad) {
        // `A::::B` also puts `A::` in the tree: report the full name only.
        bool ancestor_of_another = false;
        for (const std::string& other : bad) {
            if (other != name && other.starts_with(name + "::")) ancestor_of_another = true;
        }
        if (ancestor_of_another) continue;
        std::string message = "deck name '" + name + "' " + deck_name_problem(name);
        if (const Note* note = first_note_in(subject.collection, name)) {
            report.at(note->origin, message, name);
        } else {
            report.at(SourceLocation{subject.file}, message, name);
        }
    }
}

void tags_anki_splits(const LintSubject& subject, const LintSettings&, LintReport& report) {
    std::set<std::string> reported;
    for (const Note& note : subject.collection.notes) {
        for (const std::string& tag : note.tags) {
            std::string problem = tag_problem(tag);
            if (problem.empty() || !reported.insert(tag).second) continue;
            report.on_note(note, "tag '" + tag + "' " + problem, tag);
        }
    }
}

}  // namespace deckport::lint_detail
