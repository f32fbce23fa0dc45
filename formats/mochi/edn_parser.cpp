// A small EDN reader (https://github.com/edn-format/edn) for Mochi's data.edn: recursive
// descent with the nesting bounded, positions tracked for every error.
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>

#include "deckport/error.hpp"
#include "mochi/decoders.hpp"

namespace deckport::mochi {
namespace {

bool is_whitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '\f';
}

bool is_delimiter(char c) {
    return is_whitespace(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' ||
           c == '}' || c == '"' || c == ';';
}

void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xc0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xe0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (code & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (code & 0x3f));
    }
}

class EdnParser {
  public:
    EdnParser(std::string_view text, std::string file, const Limits& limits)
        : text_(text), file_(std::move(file)), max_depth_(limits.max_nesting) {}

    Value parse_document() {
        skip_ignored();
        if (at_end()) fail("the file holds no value");
        Value value = parse_value();
        skip_ignored();
        if (!at_end()) fail("unexpected text after the top-level value");
        return value;
    }

  private:
    struct Position {
        int line;
        int column;
    };

    bool at_end() const { return pos_ >= text_.size(); }
    char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }
    Position here() const { return {line_, column_}; }

    char advance() {
        char c = text_[pos_++];
        if (c == '\n') {
            ++line_;
            column_ = 1;
        } else if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) {
            ++column_;
        }
        return c;
    }

    [[noreturn]] void fail(const std::string& message) const { fail_at(here(), message); }
    [[noreturn]] void fail_at(Position at, const std::string& message,
                              const std::string& code = "MOCHI012") const {
        throw InputError(code, SourceLocation{file_, at.line, at.column},
                         code == "MOCHI012" ? "EDN syntax: " + message : message);
    }

    void skip_ignored() {
        while (!at_end()) {
            char c = peek();
            if (is_whitespace(c)) {
                advance();
            } else if (c == ';') {
                while (!at_end() && peek() != '\n') advance();
            } else if (c == '#' && peek(1) == '_') {
                // `#_ value` discards the next value.
                Position at = here();
                advance();
                advance();
                enter(at);
                skip_ignored();
                if (at_end()) fail_at(at, "'#_' with nothing to discard");
                parse_value();
                leave();
            } else {
                return;
            }
        }
    }

    void enter(Position at) {
        if (++depth_ > max_depth_) {
            fail_at(at, "nesting deeper than " + std::to_string(max_depth_) + " levels",
                    "MOCHI013");
        }
    }
    void leave() { --depth_; }

    Value parse_value() {
        Position at = here();
        char c = peek();
        switch (c) {
            case '{':
                return parse_collection(Value::Kind::map, '}', 1);
            case '[':
                return parse_collection(Value::Kind::vector, ']', 1);
            case '(':
                return parse_collection(Value::Kind::list, ')', 1);
            case '"':
                return Value::make_string(Value::Kind::string, parse_string());
            case ':': {
                advance();
                std::string name = read_token();
                if (name.empty()) fail_at(at, "':' without a keyword name");
                return Value::make_string(Value::Kind::keyword, std::move(name));
            }
            case '\\':
                return parse_character();
            case '#':
                return parse_dispatch();
            case ')':
            case ']':
            case '}':
                fail(std::string("unexpected '") + c + "'");
            default:
                break;
        }
        std::string token = read_token();
        if (token.empty()) fail(std::string("unexpected character '") + c + "'");
        char first = token[0];
        bool numeric =
            (first >= '0' && first <= '9') || ((first == '+' || first == '-') && token.size() > 1 &&
                                               token[1] >= '0' && token[1] <= '9');
        if (numeric) return parse_number(token, at);
        if (token == "nil") return Value{};
        if (token == "true" || token == "false") {
            Value value;
            value.kind = Value::Kind::boolean;
            value.boolean = token == "true";
            return value;
        }
        return Value::make_string(Value::Kind::symbol, std::move(token));
    }

    std::string read_token() {
        std::size_t start = pos_;
        while (!at_end() && !is_delimiter(peek())) advance();
        return std::string(text_.substr(start, pos_ - start));
    }

    // `opener_length` characters open the collection (1 for `{`, 2 for `#{`).
    Value parse_collection(Value::Kind kind, char closer, int opener_length) {
        Position at = here();
        for (int i = 0; i < opener_length; ++i) advance();
        enter(at);
        Value value;
        value.kind = kind;
        while (true) {
            skip_ignored();
            if (at_end()) {
                fail_at(at, "unterminated " + describe(value).substr(2) + " (opened here)");
            }
            if (peek() == closer) {
                advance();
                break;
            }
            value.items.push_back(parse_value());
        }
        leave();
        if (kind == Value::Kind::map && value.items.size() % 2 != 0) {
            fail_at(at, "a map has a key without a value");
        }
        return value;
    }

    std::string parse_string() {
        Position at = here();
        advance();  // the opening quote
        std::string out;
        while (true) {
            if (at_end()) fail_at(at, "unterminated string (opened here)");
            Position escape_at = here();
            char c = advance();
            if (c == '"') return out;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (at_end()) fail_at(at, "unterminated string (opened here)");
            char e = advance();
            switch (e) {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case 'u':
                    append_utf8(out, read_unicode_escape(escape_at));
                    break;
                default:
                    fail_at(escape_at, std::string("unknown escape '\\") + e + "'");
            }
        }
    }

    static int hex_digit(char h) {
        return h >= '0' && h <= '9'   ? h - '0'
               : h >= 'a' && h <= 'f' ? h - 'a' + 10
               : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                      : -1;
    }

    // Four hexadecimal digits, or -1.
    static std::int32_t hex4(std::string_view digits) {
        if (digits.size() != 4) return -1;
        std::int32_t code = 0;
        for (char h : digits) {
            int digit = hex_digit(h);
            if (digit < 0) return -1;
            code = code * 16 + digit;
        }
        return code;
    }

    std::uint32_t read_hex4(Position at) {
        std::size_t available = std::min<std::size_t>(4, text_.size() - pos_);
        std::int32_t code = hex4(text_.substr(pos_, available));
        if (code < 0) fail_at(at, "'\\u' needs four hexadecimal digits");
        for (int i = 0; i < 4; ++i) advance();
        return static_cast<std::uint32_t>(code);
    }

    // After `\u`: one code unit, or a surrogate pair written as two escapes.
    std::uint32_t read_unicode_escape(Position at) {
        std::uint32_t code = read_hex4(at);
        if (code >= 0xd800 && code <= 0xdbff && peek() == '\\' && peek(1) == 'u') {
            advance();
            advance();
            std::uint32_t low = read_hex4(at);
            if (low >= 0xdc00 && low <= 0xdfff) {
                return 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
            }
            fail_at(at, "'\\u' escape with an unpaired surrogate");
        }
        if (code >= 0xd800 && code <= 0xdfff)
            fail_at(at, "'\\u' escape with an unpaired surrogate");
        return code;
    }

    Value parse_character() {
        Position at = here();
        advance();  // the backslash
        if (at_end()) fail_at(at, "'\\' without a character");
        std::string token(1, advance());
        while (!at_end() && !is_delimiter(peek())) token += advance();
        std::string out;
        if (token == "newline") {
            out = "\n";
        } else if (token == "space") {
            out = " ";
        } else if (token == "tab") {
            out = "\t";
        } else if (token == "return") {
            out = "\r";
        } else if (token == "formfeed") {
            out = "\f";
        } else if (token == "backspace") {
            out = "\b";
        } else if (token.size() == 5 && token[0] == 'u' && hex4(token.substr(1)) >= 0) {
            append_utf8(out, static_cast<std::uint32_t>(hex4(token.substr(1))));
        } else if (token.size() == 1 || (static_cast<unsigned char>(token[0]) >= 0x80)) {
            out = token;  // one character, possibly multi-byte
        } else {
            fail_at(at, "unknown character '\\" + token + "'");
        }
        return Value::make_string(Value::Kind::string, std::move(out));
    }

    Value parse_dispatch() {
        Position at = here();
        char next = peek(1);
        if (next == '{') return parse_collection(Value::Kind::set, '}', 2);
        if (next == '#') {
            advance();
            advance();
            std::string token = read_token();
            Value value;
            value.kind = Value::Kind::real;
            if (token == "Inf") {
                value.real = std::numeric_limits<double>::infinity();
            } else if (token == "-Inf") {
                value.real = -std::numeric_limits<double>::infinity();
            } else if (token == "NaN") {
                value.real = std::numeric_limits<double>::quiet_NaN();
            } else {
                fail_at(at, "unknown symbolic value '##" + token + "'");
            }
            return value;
        }
        if (next == '\0') fail_at(at, "'#' with nothing after it");
        bool alpha = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
        if (!alpha) fail_at(at, std::string("unknown dispatch '#") + next + "'");
        advance();
        std::string tag = read_token();
        enter(at);
        skip_ignored();
        if (at_end()) fail_at(at, "tag '#" + tag + "' without a value");
        Value tagged = parse_value();
        leave();
        return Value::make_tagged(std::move(tag), std::move(tagged));
    }

    Value parse_number(std::string token, Position at) {
        Value value;
        char suffix = token.back();
        if (suffix == 'N' || suffix == 'M') token.pop_back();
        if (suffix != 'M') {
            std::int64_t n = 0;
            const char* begin = token.data() + (token[0] == '+' ? 1 : 0);
            const char* end = token.data() + token.size();
            auto [ptr, ec] = std::from_chars(begin, end, n);
            if (ec == std::errc() && ptr == end) {
                value.kind = Value::Kind::integer;
                value.integer = n;
                return value;
            }
        }
        char* end = nullptr;
        double d = std::strtod(token.c_str(), &end);
        if (token.empty() || end != token.c_str() + token.size() ||
            token.find_first_of("xXpP") != std::string::npos) {
            fail_at(at, "bad number '" + token + "'");
        }
        value.kind = Value::Kind::real;
        value.real = d;
        return value;
    }

    std::string_view text_;
    std::string file_;
    std::uint32_t max_depth_;
    std::uint32_t depth_ = 0;
    std::size_t pos_ = 0;
    int line_ = 1;
    int column_ = 1;
};

}  // namespace

Value parse_edn(std::string_view text, const std::string& file, const Limits& limits) {
    EdnParser parser(text, file, limits);
    return parser.parse_document();
}

}  // namespace deckport::mochi
