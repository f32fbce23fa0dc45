#include "markdown/front_matter.hpp"

#include <map>

#include "deckport/error.hpp"
#include "deckport/io.hpp"
#include "markdown/note_type_yaml.hpp"
#include "markdown/syntax.hpp"
#include "markdown/yaml_text.hpp"

namespace deckport::markdown {
namespace {

namespace fs = std::filesystem;

constexpr const char* kKnownKeys =
    "known keys: Flashcard Deck, Deck, Tags, Note Type, Description, Note Types";
constexpr std::uint64_t kMaxNoteTypeFileBytes = 16u << 20;

// An older deck's front matter line: `Key: value`, the key made of letters, digits, spaces,
// `-` and `_`, starting with a letter.
struct KeyValue {
    std::string key;  // lower case, inner blanks collapsed to one space
    std::string_view value;
    std::size_t value_offset = 0;
};

std::optional<KeyValue> split_key_value(std::string_view line) {
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    std::string key = normalized_key(line.substr(0, colon));
    // A question such as `What is a `Mutex`: …` is not a key.
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

// What can be a line of the front matter, for finding where an unclosed one ends.
bool looks_like_front_matter(std::string_view line) {
    return is_blank(line) || split_key_value(line) || line.starts_with(' ') ||
           line.starts_with('\t') || line.starts_with("- ");
}

// One `Key: value` of the front matter.
struct Entry {
    std::string key;       // normalized_key
    std::string key_text;  // as written
    YAML::Node value;      // a scalar for an older deck's line
    SourceLocation key_at;
    SourceLocation value_at;
    std::size_t line = 0;  // index of the key's line
};

class FrontMatterReader {
  public:
    FrontMatterReader(const SourceText& source, const fs::path& deck_dir, Diagnostics& diagnostics,
                      FrontMatter& out)
        : source_(source), deck_dir_(deck_dir), diagnostics_(diagnostics), out_(out) {}

    void read(std::size_t begin, std::size_t end) {
        begin_ = begin;
        std::string text;
        for (std::size_t i = begin; i < end; ++i) {
            if (i > begin) text += '\n';
            text += source_.line(i);
        }
        YamlError error;
        std::vector<Entry> entries;
        if (auto document = parse_yaml(text, error)) {
            if (!collect_yaml(*document, entries)) return;
        } else if (every_line_is_key_value(begin, end)) {
            // An older deck, such as `deck: Languages :: Spanish`, where YAML stops at `: `.
            collect_key_value_lines(begin, end, entries);
        } else {
            diagnostics_.error("MD004",
                               source_.location(begin + static_cast<std::size_t>(error.line),
                                                static_cast<std::size_t>(error.column)),
                               "front matter is not valid YAML: " + error.message,
                               "quote values that hold `: ` or start with `#`, `[`, `{`, `*`, "
                               "`&`, `!`, `|`, `>`, `%`, `@` or a quote");
            return;
        }
        for (const Entry& entry : entries) read_entry(entry);
        define_note_types();
        resolve_note_type();
    }

  private:
    SourceLocation at_mark(const YAML::Mark& mark, const SourceLocation& fallback) const {
        if (mark.line < 0 || mark.column < 0) return fallback;
        return source_.location(begin_ + static_cast<std::size_t>(mark.line),
                                static_cast<std::size_t>(mark.column));
    }

    bool every_line_is_key_value(std::size_t begin, std::size_t end) const {
        for (std::size_t i = begin; i < end; ++i) {
            if (!is_blank(source_.line(i)) && !split_key_value(source_.line(i))) return false;
        }
        return true;
    }

    void collect_key_value_lines(std::size_t begin, std::size_t end, std::vector<Entry>& out) {
        for (std::size_t i = begin; i < end; ++i) {
            std::string_view line = source_.line(i);
            auto kv = split_key_value(line);
            if (!kv) continue;
            Entry entry;
            entry.key = kv->key;
            entry.key_text = std::string(trim(line.substr(0, line.find(':'))));
            entry.value = YAML::Node(std::string(kv->value));
            entry.key_at = source_.location(i);
            entry.value_at = source_.location(i, kv->value_offset);
            entry.line = i;
            out.push_back(std::move(entry));
        }
    }

    bool collect_yaml(const YAML::Node& document, std::vector<Entry>& out) {
        SourceLocation start = source_.location(begin_);
        if (document.IsNull()) return true;
        if (!document.IsMap()) {
            diagnostics_.error("MD004", at_mark(document.Mark(), start),
                               "front matter is not `Key: value` lines",
                               "write one `Key: value` per line (" + std::string(kKnownKeys) + ")");
            return false;
        }
        for (auto it = document.begin(); it != document.end(); ++it) {
            SourceLocation key_at = at_mark(it->first.Mark(), start);
            if (!it->first.IsScalar()) {
                diagnostics_.error("MD004", key_at, "a front matter key must be text");
                continue;
            }
            Entry entry;
            entry.key = normalized_key(it->first.Scalar());
            entry.key_text = it->first.Scalar();
            entry.value = it->second;
            entry.key_at = key_at;
            entry.line = begin_ + static_cast<std::size_t>(std::max(it->first.Mark().line, 0));
            // A line without `:` is a key without value to YAML: to us it is not `Key: value`.
            std::string_view line = source_.line(entry.line);
            std::size_t key_offset = static_cast<std::size_t>(std::max(it->first.Mark().column, 0));
            std::size_t colon = line.find(':', key_offset);
            if (colon == std::string_view::npos) {
                diagnostics_.error("MD004", source_.location(entry.line),
                                   "front matter line is not `Key: value`",
                                   "write `Key: value` (" + std::string(kKnownKeys) + ")");
                continue;
            }
            std::size_t value_offset = colon + 1;
            while (value_offset < line.size() &&
                   (line[value_offset] == ' ' || line[value_offset] == '\t'))
                ++value_offset;
            entry.value_at = source_.location(entry.line, value_offset);
            if (!it->second.IsNull()) entry.value_at = at_mark(it->second.Mark(), entry.value_at);
            out.push_back(std::move(entry));
        }
        return true;
    }

    void read_entry(const Entry& entry) {
        if (entry.key == "flashcard deck") out_.names_flashcard_deck = true;
        if (entry.key == "flashcard deck" || entry.key == "deck") {
            if (!first_time(seen_deck_, entry, "the deck name")) return;
            if (auto value = text(entry, "a deck name")) read_deck(*value, entry.value_at);
        } else if (entry.key == "tags") {
            if (!first_time(seen_tags_, entry, "`Tags:`")) return;
            read_tags(entry);
        } else if (entry.key == "note type") {
            if (!first_time(seen_note_type_, entry, "`Note Type:`")) return;
            if (auto value = text(entry, "a note type name")) {
                note_type_name_ = *value;
                note_type_at_ = entry.value_at;
            }
        } else if (entry.key == "description") {
            if (!first_time(seen_description_, entry, "`Description:`")) return;
            if (auto value = text(entry, "text")) out_.description = *value;
        } else if (entry.key == "note types") {
            if (!first_time(seen_note_types_, entry, "`Note Types:`")) return;
            if (entry.value.IsSequence()) {
                for (const YAML::Node& item : entry.value) note_type_entries_.push_back(item);
            } else if (!entry.value.IsNull()) {
                note_type_entries_.push_back(entry.value);
            }
        } else {
            diagnostics_.warning("MD005", entry.key_at,
                                 "unknown front-matter key '" + entry.key_text + "' is ignored",
                                 kKnownKeys);
        }
    }

    bool first_time(std::optional<std::size_t>& seen, const Entry& entry, const std::string& what) {
        if (seen) {
            diagnostics_.error("MD006", entry.key_at,
                               "front matter gives " + what + " twice (first on line " +
                                   std::to_string(source_.line_number(*seen)) + ")",
                               "keep one of them");
            return false;
        }
        seen = entry.line;
        return true;
    }

    // The value as text (null is empty); MD004 for a list or mapping.
    std::optional<std::string> text(const Entry& entry, const std::string& what) {
        if (entry.value.IsNull()) return std::string{};
        if (entry.value.IsScalar()) return entry.value.Scalar();
        diagnostics_.error("MD004", entry.value_at,
                           "`" + entry.key_text + ":` must be " + what + ", not a list or mapping");
        return std::nullopt;
    }

    void read_tags(const Entry& entry) {
        auto add = [&](const YAML::Node& node) {
            if (!node.IsScalar()) {
                diagnostics_.error("MD004", at_mark(node.Mark(), entry.value_at),
                                   "a tag must be text");
                return;
            }
            for (std::string_view tag : split_whitespace(node.Scalar()))
                out_.tags.emplace_back(tag);
        };
        if (entry.value.IsSequence()) {
            for (const YAML::Node& item : entry.value) add(item);
        } else if (!entry.value.IsNull()) {
            add(entry.value);
        }
    }

    void read_deck(std::string_view value, const SourceLocation& at) {
        value = trim(value);
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

    void define_note_types() {
        for (const YAML::Node& item : note_type_entries_) {
            SourceLocation at = at_mark(item.Mark(), source_.location(begin_));
            if (item.IsScalar()) {
                define_from_file(item.Scalar(), at);
                continue;
            }
            if (!item.IsMap()) {
                diagnostics_.error("MD024", at,
                                   "`Note Types:` lists note type definitions or the paths of "
                                   "files that hold one");
                continue;
            }
            YamlLocator locate = [&](const YAML::Mark& mark) { return at_mark(mark, at); };
            if (auto note_type = read_note_type_definition(item, locate, diagnostics_))
                define(std::move(*note_type), at);
        }
    }

    void define(NoteType note_type, const SourceLocation& at) {
        std::string name = note_type.name;
        if (!out_.note_types.define(std::move(note_type))) {
            diagnostics_.error("MD024", at, "note type '" + name + "' is defined twice",
                               "give each note type its own name");
        }
    }

    void define_from_file(const std::string& relative, const SourceLocation& at) {
        fs::path path(relative);
        std::string problem;
        if (relative.empty()) {
            diagnostics_.error("MD025", at, "a note type file path is empty");
            return;
        }
        fs::path normal = path.lexically_normal();
        bool outside = path.is_absolute() || path.has_root_name() ||
                       (!normal.empty() && *normal.begin() == "..");
        fs::path full = deck_dir_ / normal;
        std::error_code error;
        if (!outside && fs::exists(full, error)) {
            // A link inside the folder may point out of it.
            fs::path root =
                fs::weakly_canonical(deck_dir_.empty() ? fs::path(".") : deck_dir_, error);
            fs::path target = fs::weakly_canonical(full, error);
            auto [root_end, target_it] =
                std::mismatch(root.begin(), root.end(), target.begin(), target.end());
            outside = root_end != root.end();
        }
        if (outside) {
            diagnostics_.error("MD025", at,
                               "note type file '" + relative + "' is outside the deck's folder",
                               "keep note type files in the deck's folder or below it");
            return;
        }
        if (!fs::is_regular_file(full, error)) {
            diagnostics_.error("MD025", at, "note type file '" + relative + "' does not exist",
                               "looked for " + full.string());
            return;
        }
        std::string bytes;
        try {
            bytes = read_file(full, kMaxNoteTypeFileBytes);
        } catch (const Error& e) {
            diagnostics_.error("MD025", at,
                               "note type file '" + relative + "' cannot be read: " + e.what());
            return;
        }
        if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
        std::string display = (fs::path(source_.file()).parent_path() / normal).generic_string();
        std::vector<std::string_view> lines = text_lines(bytes);
        if (lines.empty()) lines.emplace_back();
        auto file_location = [&](const YAML::Mark& mark) {
            // The end of the file (where YAML reports what it missed) is its last line.
            std::size_t wanted = static_cast<std::size_t>(std::max(mark.line, 0));
            std::size_t index = std::min(wanted, lines.size() - 1);
            std::size_t column =
                index == wanted ? static_cast<std::size_t>(std::max(mark.column, 0)) : 0;
            std::string_view line = lines[index];
            return SourceLocation{display,
                                  static_cast<int>(index) + 1,
                                  column_at(line, std::min(column, line.size())),
                                  {}};
        };
        YamlError yaml_error;
        auto document = parse_yaml(bytes, yaml_error);
        if (!document) {
            YAML::Mark mark;
            mark.line = yaml_error.line;
            mark.column = yaml_error.column;
            diagnostics_.error("MD025", file_location(mark),
                               "note type file is not valid YAML: " + yaml_error.message);
            return;
        }
        YamlLocator locate = file_location;
        if (auto note_type = read_note_type_definition(*document, locate, diagnostics_))
            define(std::move(*note_type), at);
    }

    void resolve_note_type() {
        if (!note_type_name_) return;
        const NoteType* note_type = out_.note_types.find(*note_type_name_);
        if (!note_type) {
            diagnostics_.error(
                "MD008", note_type_at_, "unknown note type '" + *note_type_name_ + "'",
                "use a built-in (" + builtin_names() + ") or define it under `Note Types:`");
            return;
        }
        out_.note_type = note_type;
    }

    const SourceText& source_;
    const fs::path& deck_dir_;
    Diagnostics& diagnostics_;
    FrontMatter& out_;
    std::size_t begin_ = 0;
    std::optional<std::size_t> seen_deck_, seen_tags_, seen_note_type_, seen_description_,
        seen_note_types_;
    std::optional<std::string> note_type_name_;
    SourceLocation note_type_at_;
    std::vector<YAML::Node> note_type_entries_;
};

}  // namespace

FrontMatter read_front_matter(const SourceText& source, const fs::path& deck_dir,
                              Diagnostics& diagnostics) {
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
        while (end < source.line_count() && looks_like_front_matter(source.line(end))) ++end;
    }

    FrontMatterReader(source, deck_dir, diagnostics, front).read(1, end);
    front.body_start = closed ? end + 1 : end;
    return front;
}

}  // namespace deckport::markdown
