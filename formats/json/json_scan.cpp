#include "json/json_scan.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <limits>

#include <nlohmann/json.hpp>

namespace deckport::json_format {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Walks text, keeping the line of the next byte; columns are counted only when asked for,
// from a checkpoint that moves forward, so that the walk stays linear on one-line files.
class Cursor {
  public:
    explicit Cursor(std::string_view text) : text_(text) {
        if (text_.starts_with(kBom)) index_ = line_start_ = column_index_ = kBom.size();
    }

    bool at_end() const { return index_ >= text_.size(); }
    char peek() const { return text_[index_]; }
    std::size_t index() const { return index_; }

    TextPosition position() {
        if (column_index_ < line_start_ || column_index_ > index_) {
            column_index_ = line_start_;
            column_ = 1;
        }
        for (; column_index_ < index_; ++column_index_) {
            // Continuation bytes belong to the character before them.
            if ((static_cast<unsigned char>(text_[column_index_]) & 0xC0) != 0x80) ++column_;
        }
        return {line_, column_};
    }

    void advance() {
        if (text_[index_] == '\n') {
            ++line_;
            line_start_ = index_ + 1;
        }
        ++index_;
    }

    // Moves to `offset` (at most the end), counting the lines passed.
    void advance_to(std::size_t offset) {
        offset = std::min(offset, text_.size());
        while (index_ < offset) {
            const void* newline = std::memchr(text_.data() + index_, '\n', offset - index_);
            if (!newline) {
                index_ = offset;
                break;
            }
            index_ = static_cast<std::size_t>(static_cast<const char*>(newline) - text_.data());
            advance();
        }
    }

    void skip_whitespace() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            advance();
        }
    }

    // Skips a string token starting at its opening quote; false when it is unterminated.
    bool skip_string() {
        std::size_t from = index_ + 1;
        while (true) {
            const void* found = std::memchr(text_.data() + from, '"', text_.size() - from);
            if (!found) {
                advance_to(text_.size());
                return false;
            }
            std::size_t quote =
                static_cast<std::size_t>(static_cast<const char*>(found) - text_.data());
            std::size_t backslashes = 0;
            while (text_[quote - 1 - backslashes] == '\\')
                ++backslashes;  // stops at the opening quote
            if (backslashes % 2 == 0) {
                advance_to(quote + 1);
                return true;
            }
            from = quote + 1;
        }
    }

    // Skips a number or literal; false when no such character is there.
    bool skip_scalar() {
        std::size_t start = index_;
        while (!at_end()) {
            char c = peek();
            bool scalar_char = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                               (c >= 'A' && c <= 'Z') || c == '+' || c == '-' || c == '.';
            if (!scalar_char) break;
            ++index_;
        }
        return index_ > start;
    }

  private:
    std::string_view text_;
    std::size_t index_ = 0;
    int line_ = 1;
    std::size_t line_start_ = 0;    // index of the current line's first byte
    std::size_t column_index_ = 0;  // checkpoint: column_ is the column of this index
    int column_ = 1;
};

struct Frame {
    bool object = false;
    std::size_t pointer_length = 0;  // length of this container's own pointer
    std::size_t next_index = 0;      // arrays: index of the next element
    // Objects, when tracking duplicates: keys seen so far; a hash set once there are many.
    std::vector<std::string> keys;
    std::unordered_set<std::string> many_keys;

    void open(bool is_object, std::size_t own_pointer_length) {
        object = is_object;
        pointer_length = own_pointer_length;
        next_index = 0;
        keys.clear();
        many_keys.clear();
    }

    // False when `key` was seen before in this object.
    bool insert_key(const std::string& key) {
        constexpr std::size_t kLinearLimit = 32;
        if (keys.size() < kLinearLimit) {
            if (std::find(keys.begin(), keys.end(), key) != keys.end()) return false;
            keys.push_back(key);
            if (keys.size() == kLinearLimit) many_keys.insert(keys.begin(), keys.end());
            return true;
        }
        return many_keys.insert(key).second;
    }
};

struct Hooks {
    // Called at the start of each value whose pointer has at most `max_node_depth` tokens
    // (members: at the key); false stops the walk.
    std::function<bool(const std::string& pointer, TextPosition at)> node;
    std::size_t max_node_depth = std::numeric_limits<std::size_t>::max();
    // Called when an object or array opens at `depth` (the root is depth 1); false stops.
    std::function<bool(std::size_t depth, TextPosition at)> open;
    // Called for a key seen before in the same object; null = don't track keys.
    std::function<void(const std::string& pointer, TextPosition at)> duplicate_key;
};

// The key's text without its quotes, unescaped; nullopt when the escapes are malformed.
std::optional<std::string> decode_key(std::string_view raw) {
    if (raw.find('\\') == std::string_view::npos) return std::string(raw);
    std::string token(1, '"');
    token.append(raw);
    token.push_back('"');
    auto parsed = nlohmann::json::parse(token, nullptr, false);
    if (!parsed.is_string()) return std::nullopt;
    return parsed.get<std::string>();
}

// Walks the structure of `text`; stops at the first thing that is not well-formed JSON.
void walk(std::string_view text, const Hooks& hooks) {
    enum class Expect { value, value_or_close, key, key_or_close, after_value };
    Cursor cursor(text);
    // Frames are reused (not destroyed) when containers close, to keep their allocations.
    std::vector<Frame> stack;
    std::size_t depth = 0;
    // The pointer of the current node; left unextended below max_node_depth when nobody needs it.
    std::string pointer;
    Expect expect = Expect::value;
    bool track_keys = static_cast<bool>(hooks.duplicate_key);

    auto close = [&] {
        cursor.advance();
        pointer.resize(stack[depth - 1].pointer_length);
        --depth;
        expect = Expect::after_value;
    };
    auto wanted = [&] { return depth <= hooks.max_node_depth; };

    while (true) {
        cursor.skip_whitespace();
        if (cursor.at_end()) return;
        char c = cursor.peek();
        switch (expect) {
            case Expect::value:
            case Expect::value_or_close: {
                if (expect == Expect::value_or_close && c == ']') {
                    close();
                    break;
                }
                // Array elements and the root start here; members started at their key.
                if (depth == 0 || !stack[depth - 1].object) {
                    if (depth > 0) {
                        Frame& array = stack[depth - 1];
                        std::size_t index = array.next_index++;
                        if (wanted()) {
                            pointer.resize(array.pointer_length);
                            pointer += '/';
                            pointer += std::to_string(index);
                        }
                    }
                    if (hooks.node && wanted() && !hooks.node(pointer, cursor.position())) return;
                }
                if (c == '{' || c == '[') {
                    if (hooks.open && !hooks.open(depth + 1, cursor.position())) return;
                    if (depth == stack.size()) stack.emplace_back();
                    stack[depth++].open(c == '{', pointer.size());
                    cursor.advance();
                    expect = c == '{' ? Expect::key_or_close : Expect::value_or_close;
                    break;
                }
                bool ok = c == '"' ? cursor.skip_string() : cursor.skip_scalar();
                if (!ok) return;
                expect = Expect::after_value;
                break;
            }
            case Expect::key:
            case Expect::key_or_close: {
                if (expect == Expect::key_or_close && c == '}') {
                    close();
                    break;
                }
                if (c != '"') return;
                std::size_t start = cursor.index();
                TextPosition at = cursor.position();
                if (!cursor.skip_string()) return;
                if (track_keys || wanted()) {
                    auto key = decode_key(text.substr(start + 1, cursor.index() - start - 2));
                    if (!key) return;
                    Frame& object = stack[depth - 1];
                    pointer.resize(object.pointer_length);
                    pointer += '/';
                    pointer += pointer_token(*key);
                    if (track_keys && !object.insert_key(*key)) hooks.duplicate_key(pointer, at);
                    if (hooks.node && wanted() && !hooks.node(pointer, at)) return;
                }
                cursor.skip_whitespace();
                if (cursor.at_end() || cursor.peek() != ':') return;
                cursor.advance();
                expect = Expect::value;
                break;
            }
            case Expect::after_value: {
                if (depth == 0) return;  // trailing text is the parser's to report
                if (c == ',') {
                    cursor.advance();
                    expect = stack[depth - 1].object ? Expect::key : Expect::value;
                } else if (c == (stack[depth - 1].object ? '}' : ']')) {
                    close();
                } else {
                    return;
                }
                break;
            }
        }
    }
}

}  // namespace

TextPosition position_of_offset(std::string_view text, std::size_t offset) {
    Cursor cursor(text);
    cursor.advance_to(offset);
    return cursor.position();
}

std::string pointer_token(std::string_view key) {
    std::string token;
    token.reserve(key.size());
    for (char c : key) {
        if (c == '~') {
            token += "~0";
        } else if (c == '/') {
            token += "~1";
        } else {
            token += c;
        }
    }
    return token;
}

PrescanResult prescan(std::string_view text, std::uint32_t max_depth) {
    PrescanResult result;
    Hooks hooks;
    hooks.open = [&](std::size_t depth, TextPosition at) {
        if (depth <= max_depth) return true;
        result.too_deep = at;
        return false;
    };
    hooks.duplicate_key = [&](const std::string& pointer, TextPosition at) {
        result.duplicate_keys.push_back({pointer, at});
    };
    walk(text, hooks);
    return result;
}

std::unordered_map<std::string, TextPosition> locate(
    std::string_view text, const std::unordered_set<std::string>& pointers) {
    std::unordered_map<std::string, TextPosition> found;
    if (pointers.empty()) return found;
    Hooks hooks;
    hooks.max_node_depth = 0;
    for (const std::string& pointer : pointers) {
        auto tokens = static_cast<std::size_t>(std::count(pointer.begin(), pointer.end(), '/'));
        hooks.max_node_depth = std::max(hooks.max_node_depth, tokens);
    }
    hooks.node = [&](const std::string& pointer, TextPosition at) {
        if (pointers.count(pointer)) found.emplace(pointer, at);
        return found.size() < pointers.size();
    };
    walk(text, hooks);
    return found;
}

}  // namespace deckport::json_format
