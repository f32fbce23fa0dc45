#include "json/json_scan.hpp"

#include <functional>

#include <nlohmann/json.hpp>

namespace deckport::json_format {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Walks text byte by byte, keeping the line and column of the next character.
class Cursor {
  public:
    explicit Cursor(std::string_view text) : text_(text) {
        if (text_.starts_with(kBom)) index_ = kBom.size();
    }

    bool at_end() const { return index_ >= text_.size(); }
    char peek() const { return text_[index_]; }
    std::size_t index() const { return index_; }
    TextPosition position() const { return {line_, column_}; }

    void advance() {
        unsigned char byte = static_cast<unsigned char>(text_[index_++]);
        if (byte == '\n') {
            ++line_;
            column_ = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++column_;  // continuation bytes belong to the character before them
        }
    }

    void advance_to(std::size_t offset) {
        while (index_ < offset && !at_end()) advance();
    }

    void skip_whitespace() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            advance();
        }
    }

    // Skips a string token starting at its opening quote; false when it is unterminated.
    bool skip_string() {
        advance();
        while (!at_end()) {
            char c = peek();
            advance();
            if (c == '"') return true;
            if (c == '\\') {
                if (at_end()) return false;
                advance();
            }
        }
        return false;
    }

    // Skips a number or literal; false when no such character is there.
    bool skip_scalar() {
        std::size_t start = index_;
        while (!at_end()) {
            char c = peek();
            bool scalar_char = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                               (c >= 'A' && c <= 'Z') || c == '+' || c == '-' || c == '.';
            if (!scalar_char) break;
            advance();
        }
        return index_ > start;
    }

  private:
    std::string_view text_;
    std::size_t index_ = 0;
    int line_ = 1;
    int column_ = 1;
};

struct Frame {
    bool object = false;
    std::size_t pointer_length = 0;        // length of this container's own pointer
    std::size_t next_index = 0;            // arrays: index of the next element
    std::unordered_set<std::string> keys;  // objects, when tracking duplicates
};

struct Hooks {
    // Called at each value's start (members: at the key); false stops the walk.
    std::function<bool(const std::string& pointer, TextPosition at)> node;
    // Called when an object or array opens at `depth` (the root is depth 1); false stops.
    std::function<bool(std::size_t depth, TextPosition at)> open;
    // Called for a key seen before in the same object; null = don't track keys.
    std::function<void(const std::string& pointer, TextPosition at)> duplicate_key;
};

// The key's text without its quotes, unescaped; nullopt when the escapes are malformed.
std::optional<std::string> decode_key(std::string_view raw) {
    if (raw.find('\\') == std::string_view::npos) return std::string(raw);
    auto parsed = nlohmann::json::parse("\"" + std::string(raw) + "\"", nullptr, false);
    if (!parsed.is_string()) return std::nullopt;
    return parsed.get<std::string>();
}

// Walks the structure of `text`; stops at the first thing that is not well-formed JSON.
void walk(std::string_view text, const Hooks& hooks) {
    enum class Expect { value, value_or_close, key, key_or_close, after_value };
    Cursor cursor(text);
    std::vector<Frame> stack;
    std::string pointer;
    Expect expect = Expect::value;

    auto close = [&] {
        cursor.advance();
        pointer.resize(stack.back().pointer_length);
        stack.pop_back();
        expect = Expect::after_value;
    };

    while (true) {
        cursor.skip_whitespace();
        if (cursor.at_end()) return;
        char c = cursor.peek();
        TextPosition at = cursor.position();
        switch (expect) {
            case Expect::value:
            case Expect::value_or_close: {
                if (expect == Expect::value_or_close && c == ']') {
                    close();
                    break;
                }
                // Array elements and the root start here; members started at their key.
                if (stack.empty() || !stack.back().object) {
                    if (!stack.empty()) {
                        Frame& array = stack.back();
                        pointer.resize(array.pointer_length);
                        pointer += '/';
                        pointer += std::to_string(array.next_index++);
                    }
                    if (hooks.node && !hooks.node(pointer, at)) return;
                }
                if (c == '{' || c == '[') {
                    if (hooks.open && !hooks.open(stack.size() + 1, at)) return;
                    stack.push_back(Frame{c == '{', pointer.size(), 0, {}});
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
                if (!cursor.skip_string()) return;
                auto key = decode_key(text.substr(start + 1, cursor.index() - start - 2));
                if (!key) return;
                Frame& object = stack.back();
                pointer.resize(object.pointer_length);
                pointer += '/';
                pointer += pointer_token(*key);
                if (hooks.duplicate_key && !object.keys.insert(*key).second) {
                    hooks.duplicate_key(pointer, at);
                }
                if (hooks.node && !hooks.node(pointer, at)) return;
                cursor.skip_whitespace();
                if (cursor.at_end() || cursor.peek() != ':') return;
                cursor.advance();
                expect = Expect::value;
                break;
            }
            case Expect::after_value: {
                if (stack.empty()) return;  // trailing text is the parser's to report
                if (c == ',') {
                    cursor.advance();
                    expect = stack.back().object ? Expect::key : Expect::value;
                } else if (c == (stack.back().object ? '}' : ']')) {
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
    hooks.node = [&](const std::string& pointer, TextPosition at) {
        if (pointers.count(pointer)) found.emplace(pointer, at);
        return found.size() < pointers.size();
    };
    walk(text, hooks);
    return found;
}

}  // namespace deckport::json_format
