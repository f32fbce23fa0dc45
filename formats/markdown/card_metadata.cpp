#include "markdown/card_metadata.hpp"

#include <map>

#include "markdown/syntax.hpp"

namespace deckport::markdown {
namespace {

struct Token {
    std::string_view text;
    std::size_t offset = 0;  // in the line
};

// The words between `<!--` and `-->` when the whole line is one comment; nullopt otherwise.
std::optional<std::vector<Token>> comment_words(std::string_view line) {
    std::size_t begin = 0;
    while (begin < line.size() && (line[begin] == ' ' || line[begin] == '\t')) ++begin;
    std::string_view comment = trim_end(line.substr(begin));
    if (comment.size() < 7 || !comment.starts_with("<!--") || !comment.ends_with("-->")) {
        return std::nullopt;
    }
    std::string_view inner = comment.substr(4, comment.size() - 7);
    if (inner.find("-->") != std::string_view::npos) return std::nullopt;
    std::vector<Token> tokens;
    std::size_t base = begin + 4;
    for (std::string_view word : split_whitespace(inner)) {
        tokens.push_back({word, base + static_cast<std::size_t>(word.data() - inner.data())});
    }
    return tokens;
}

std::string join(const std::vector<Token>& tokens) {
    std::string out;
    for (const Token& token : tokens) {
        if (!out.empty()) out += ' ';
        out += token.text;
    }
    return out;
}

class MetadataReader {
  public:
    MetadataReader(const SourceText& source, std::size_t index, const NoteTypeCatalog& note_types,
                   Diagnostics& diagnostics)
        : source_(source), index_(index), note_types_(note_types), diagnostics_(diagnostics) {}

    CardMetadata read(const std::vector<Token>& tokens) {
        std::optional<CardKey> key;
        Token key_token;
        std::vector<Token> values;
        for (const Token& token : tokens) {
            if (auto next = card_key(token.text)) {
                if (key) finish(*key, key_token, values);
                key = next;
                key_token = token;
                values.clear();
            } else {
                values.push_back(token);
            }
        }
        if (key) finish(*key, key_token, values);
        return std::move(metadata_);
    }

  private:
    SourceLocation at(const Token& token) const { return source_.location(index_, token.offset); }

    void finish(CardKey key, const Token& key_token, const std::vector<Token>& values) {
        std::string name = card_key_name(key);
        if (!seen_.emplace(key, key_token).second) {
            diagnostics_.error("MD018", at(key_token),
                               "`" + name + ":` is given twice on this card", "keep one of them");
            return;
        }
        if (values.empty() && key != CardKey::tags) {
            diagnostics_.error("MD018", at(key_token), "`" + name + ":` has no value");
            return;
        }
        switch (key) {
            case CardKey::id:
                read_id(values);
                break;
            case CardKey::type:
                read_type(values);
                break;
            case CardKey::deck:
                read_deck(values);
                break;
            case CardKey::tags:
                for (const Token& token : values) metadata_.tags.emplace_back(token.text);
                break;
        }
    }

    void read_id(const std::vector<Token>& values) {
        std::string id = join(values);
        std::string problem = values.size() > 1
                                  ? "it may hold only printable ASCII characters without spaces"
                                  : id_problem(id);
        if (!problem.empty()) {
            diagnostics_.error("MD015", at(values.front()), "invalid id '" + id + "': " + problem,
                               "an id is one word of printable ASCII, like an Anki GUID");
            return;
        }
        metadata_.id = id;
        metadata_.id_at = at(values.front());
    }

    void read_type(const std::vector<Token>& values) {
        std::string name = join(values);
        const NoteType* note_type = note_types_.find(name);
        if (!note_type) {
            diagnostics_.error(
                "MD008", at(values.front()), "unknown note type '" + name + "'",
                "use a built-in (" + builtin_names() + ") or define it under `Note Types:`");
            return;
        }
        metadata_.type = note_type;
    }

    void read_deck(const std::vector<Token>& values) {
        std::string name = join(values);
        auto deck = normalize_deck_name(name);
        if (!deck) {
            diagnostics_.error("MD007", at(values.front()),
                               "deck name '" + name + "' has an empty part",
                               "`::` separates sub-decks: write `Parent::Child`");
            return;
        }
        metadata_.deck = *deck;
    }

    const SourceText& source_;
    std::size_t index_;
    const NoteTypeCatalog& note_types_;
    Diagnostics& diagnostics_;
    CardMetadata metadata_;
    std::map<CardKey, Token> seen_;
};

}  // namespace

bool is_metadata_comment(std::string_view line) {
    auto tokens = comment_words(line);
    return tokens && !tokens->empty() && card_key(tokens->front().text).has_value();
}

std::optional<CardMetadata> read_card_metadata(const SourceText& source, std::size_t index,
                                               const NoteTypeCatalog& note_types,
                                               Diagnostics& diagnostics) {
    auto tokens = comment_words(source.line(index));
    if (!tokens || tokens->empty() || !card_key(tokens->front().text)) return std::nullopt;
    return MetadataReader(source, index, note_types, diagnostics).read(*tokens);
}

std::optional<std::string> misspelt_card_key(std::string_view line) {
    static const std::map<std::string, std::string> kMeant = {
        {"tag:", "tags:"},      {"guid:", "id:"},   {"uid:", "id:"},     {"ids:", "id:"},
        {"notetype:", "type:"}, {"kind:", "type:"}, {"decks:", "deck:"}, {"subdeck:", "deck:"},
    };
    auto tokens = comment_words(line);
    if (!tokens || tokens->empty() || !looks_like_key(tokens->front().text)) return std::nullopt;
    auto it = kMeant.find(ascii_lower(tokens->front().text));
    if (it == kMeant.end()) return std::nullopt;
    return it->second;
}

}  // namespace deckport::markdown
