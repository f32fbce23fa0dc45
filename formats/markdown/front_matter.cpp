#include "markdown/front_matter.hpp"

#include "markdown/syntax.hpp"

namespace deckport::markdown {
namespace {

struct KeyValue {
    std::string key;  // lower case, inner blanks collapsed to one space
    std::string_view value;
    std::size_t value_offset = 0;
};

std::optional<KeyValue> split_key_value(std::string_view line) {
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    std::string key;
    for (std::string_view word : split_whitespace(line.substr(0, colon))) {
        if (!key.empty()) key += ' ';
        key += ascii_lower(word);
    }
    // Keys are words of letters, digits, `-` and `_`: a question such as `What is a `Mutex`: …`
    // is not a key.
    if (key.empty() || !(key[0] >= 'a' && key[0] <= 'z')) return std::nullopt;
    for (char c : key) {
        bool ok =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '_';
        if (!ok) return std::nullopt;
    }
    std::size_t value_offset = colon + 1;
    while (value_offset < line.size() &&
           (line[value_offset] == ' ' || line[value_offset] == '\t')) {
        ++value_offset;
    }
    return KeyValue{key, trim_end(line.substr(value_offset)), value_offset};
}

std::string not_key_value_hint(std::string_view line) {
    std::string_view content = trim(line);
    if (content.starts_with("- ") || content == "-") {
        return "YAML lists are not read: write the tags on one line, `Tags: a b`";
    }
    return "write `Key: value` (known keys: Flashcard Deck, Deck, Tags, Note Type)";
}

class FrontMatterReader {
  public:
    FrontMatterReader(const SourceText& source, Diagnostics& diagnostics, FrontMatter& out)
        : source_(source), diagnostics_(diagnostics), out_(out) {}

    void read_line(std::size_t index) {
        std::string_view line = source_.line(index);
        if (is_blank(line)) return;
        auto entry = split_key_value(line);
        if (!entry) {
            diagnostics_.error("MD004", source_.location(index),
                               "front matter line is not `Key: value`", not_key_value_hint(line));
            return;
        }
        SourceLocation value_at = source_.location(index, entry->value_offset);
        if (entry->key == "flashcard deck") out_.names_flashcard_deck = true;
        if (entry->key == "flashcard deck" || entry->key == "deck") {
            if (!first_time(seen_deck_, index, "the deck name")) return;
            read_deck(entry->value, value_at);
        } else if (entry->key == "tags") {
            if (!first_time(seen_tags_, index, "`Tags:`")) return;
            for (std::string_view tag : split_whitespace(entry->value)) out_.tags.emplace_back(tag);
        } else if (entry->key == "note type") {
            if (!first_time(seen_note_type_, index, "`Note Type:`")) return;
            read_note_type(entry->value, value_at);
        } else {
            diagnostics_.warning("MD005", source_.location(index),
                                 "unknown front-matter key '" +
                                     std::string(trim(line.substr(0, line.find(':')))) +
                                     "' is ignored",
                                 "known keys: Flashcard Deck, Deck, Tags, Note Type");
        }
    }

  private:
    bool first_time(std::optional<std::size_t>& seen, std::size_t index, const std::string& what) {
        if (seen) {
            diagnostics_.error("MD006", source_.location(index),
                               "front matter gives " + what + " twice (first on line " +
                                   std::to_string(source_.line_number(*seen)) + ")",
                               "keep one of them");
            return false;
        }
        seen = index;
        return true;
    }

    void read_deck(std::string_view value, const SourceLocation& at) {
        if (value.empty()) {
            diagnostics_.error("MD007", at, "the deck name is empty",
                               "write `Flashcard Deck: NAME`, or leave the key out");
            return;
        }
        auto name = normalize_deck_name(value);
        if (!name) {
            diagnostics_.error("MD007", at,
                               "deck name '" + std::string(value) + "' has an empty part",
                               "`::` separates sub-decks: write `Parent::Child`");
            return;
        }
        out_.deck = *name;
    }

    void read_note_type(std::string_view value, const SourceLocation& at) {
        auto note_type = builtin_note_type_named(value);
        if (!note_type) {
            diagnostics_.error("MD008", at, "unknown note type '" + std::string(value) + "'",
                               "use Basic, Basic (and reversed card) or Cloze");
            return;
        }
        out_.note_type = note_type;
    }

    const SourceText& source_;
    Diagnostics& diagnostics_;
    FrontMatter& out_;
    std::optional<std::size_t> seen_deck_, seen_tags_, seen_note_type_;
};

}  // namespace

FrontMatter read_front_matter(const SourceText& source, Diagnostics& diagnostics) {
    FrontMatter front;
    if (source.line_count() == 0 || !is_side_separator(source.line(0))) return front;
    front.present = true;

    std::size_t end = 1;
    while (end < source.line_count() && !is_side_separator(source.line(end))) ++end;
    bool closed = end < source.line_count();
    if (!closed) {
        diagnostics.error("MD003", source.location(0),
                          "front matter is not closed: no `---` line ends it",
                          "end the front matter with a line `---`");
        end = 1;
        while (end < source.line_count() &&
               (is_blank(source.line(end)) || split_key_value(source.line(end)))) {
            ++end;
        }
    }

    FrontMatterReader reader(source, diagnostics, front);
    for (std::size_t index = 1; index < end; ++index) reader.read_line(index);
    front.body_start = closed ? end + 1 : end;
    return front;
}

}  // namespace deckport::markdown
