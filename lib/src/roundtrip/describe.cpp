// Round-trip messages in a deck author's words: which note, which card, what it was and what
// it became.
#include <string_view>

#include "lint/lint_support.hpp"
#include "roundtrip/roundtrip_internal.hpp"

namespace deckport::roundtrip_detail {
namespace {

std::size_t first_difference(std::string_view a, std::string_view b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    // Start on a character boundary.
    while (i > 0 && i < a.size() && (static_cast<unsigned char>(a[i]) & 0xC0) == 0x80) --i;
    return i;
}

struct KeyWords {
    std::string_view key;
    std::string_view words;
};

// Anki's card columns, as its browser names them.
constexpr KeyWords kSchedulingWords[] = {
    {"type", "card type"},
    {"queue", "queue"},
    {"due", "due"},
    {"ivl", "interval"},
    {"factor", "ease"},
    {"reps", "review count"},
    {"lapses", "lapse count"},
    {"left", "learning steps left"},
    {"odue", "original due"},
    {"odid", "original deck (filtered)"},
    {"flags", "flag"},
    {"data", "custom data"},
    {"id", "card id"},
    {"mod", "modification time"},
    {"usn", "sync number (usn)"},
};

std::string card_type_words(const std::string& value) {
    if (value == "0") return "new";
    if (value == "1") return "learning";
    if (value == "2") return "review";
    if (value == "3") return "relearning";
    return value;
}

std::string queue_words(const std::string& value) {
    if (value == "-3") return "buried (by you)";
    if (value == "-2") return "buried (by the scheduler)";
    if (value == "-1") return "suspended";
    if (value == "0") return "new";
    if (value == "1") return "learning";
    if (value == "2") return "review";
    if (value == "3") return "day learning";
    if (value == "4") return "preview";
    return value;
}

// A value with its unit: 250% ease, 3 days.
std::string value_words(const std::string& key, const std::string& value) {
    if (key == "type") return card_type_words(value);
    if (key == "queue") return queue_words(value);
    if (key == "factor" && value.size() > 1 && value.size() < 10 &&
        value.find_first_not_of("0123456789") == std::string::npos) {
        return std::to_string(std::stoll(value) / 10) + "%";
    }
    if (key == "ivl" && value.find_first_not_of("0123456789") == std::string::npos) {
        return value + (value == "1" ? " day" : " days");
    }
    return value.size() > 40 ? lint_detail::excerpt(value, 40) : value;
}

}  // namespace

std::string note_label(const Note& note) {
    std::string question =
        note.fields.empty() ? std::string{} : lint_detail::plain_text(note.fields.front());
    if (question.empty()) return "note (guid " + note.guid + ")";
    return "note '" + lint_detail::excerpt(question, 40) + "' (guid " + note.guid + ")";
}

std::string card_label(const NoteType* note_type, int ord) {
    std::string label = "card " + std::to_string(ord + 1);
    if (!note_type) return label;
    if (note_type->kind == NoteTypeKind::cloze)
        return label + " (cloze " + std::to_string(ord + 1) + ")";
    if (ord >= 0 && static_cast<std::size_t>(ord) < note_type->templates.size()) {
        return label + " (\"" + note_type->templates[static_cast<std::size_t>(ord)].name + "\")";
    }
    return label;
}

std::string quoted_excerpt(std::string_view text, std::size_t from) {
    std::size_t start = from > 40 ? from - 20 : 0;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::string shown = lint_detail::excerpt(text.substr(start), 70);
    return std::string("\"") + (start > 0 ? "…" : "") + shown + "\"";
}

std::string before_after(std::string_view before, std::string_view after) {
    std::size_t from = first_difference(before, after);
    return quoted_excerpt(before, from) + " → " + quoted_excerpt(after, from);
}

std::string scheduling_change(const std::string& key, const std::string& before,
                              const std::string& after) {
    std::string words = key;
    for (const KeyWords& known : kSchedulingWords) {
        if (known.key == key) words = std::string(known.words);
    }
    auto shown = [&](const std::string& value) {
        return value.empty() ? std::string("(none)") : value_words(key, value);
    };
    return words + " changed from " + shown(before) + " to " + shown(after);
}

std::string listed_tags(const std::vector<std::string>& tags) {
    std::string out = "[";
    for (const std::string& tag : tags) out += (out.size() > 1 ? " " : "") + tag;
    return out + "]";
}

}  // namespace deckport::roundtrip_detail
