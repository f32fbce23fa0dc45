#include "template_parser.hpp"

#include "anki_text.hpp"

namespace deckport::render_detail {
namespace {

constexpr std::string_view kAltSyntax = "{{=<% %>=}}";

struct Token {
    enum class Kind { text, comment, replacement, open, open_inverted, close };
    Kind kind = Kind::text;
    std::string value;  // text, comment body, or the handlebar's name
    std::size_t offset = 0;
    std::size_t length = 0;
};

// classify_handle: braces and white space trimmed, then the first character decides.
Token classify(std::string_view content) {
    std::size_t braces = content.find_first_not_of('{');
    content = trim_unicode(braces == std::string_view::npos ? std::string_view{}
                                                            : content.substr(braces));
    Token token;
    token.kind = Token::Kind::replacement;
    if (content.size() >= 2) {
        switch (content[0]) {
            case '#':
                token.kind = Token::Kind::open;
                break;
            case '/':
                token.kind = Token::Kind::close;
                break;
            case '^':
                token.kind = Token::Kind::open_inverted;
                break;
            default:
                break;
        }
        if (token.kind != Token::Kind::replacement) content = trim_unicode_start(content.substr(1));
    }
    token.value = std::string(content);
    return token;
}

// At every position: a handlebar (opener, the shortest run up to the closer), else a complete
// comment, else text. Offsets are in `text`.
std::vector<Token> tokenize(std::string_view text) {
    std::string_view open = "{{", close = "}}";
    std::size_t base = 0;
    std::string_view trimmed = trim_unicode_start(text);
    if (trimmed.substr(0, kAltSyntax.size()) == kAltSyntax) {
        base = text.size() - trimmed.size() + kAltSyntax.size();
        open = "<%";
        close = "%>";
    }
    std::vector<Token> tokens;
    std::size_t text_start = base;
    auto flush_text = [&](std::size_t end) {
        if (end > text_start) {
            tokens.push_back({Token::Kind::text,
                              std::string(text.substr(text_start, end - text_start)), text_start,
                              end - text_start});
        }
    };
    ForwardFinder closer(text, close), comment_end(text, "-->");
    std::size_t i = base;
    while (i < text.size()) {
        if (text.compare(i, open.size(), open) == 0) {
            std::size_t end = closer.find(i + open.size());
            if (end != std::string_view::npos) {
                flush_text(i);
                Token token = classify(text.substr(i + open.size(), end - i - open.size()));
                token.offset = i;
                token.length = end + close.size() - i;
                tokens.push_back(std::move(token));
                i = end + close.size();
                text_start = i;
                continue;
            }
        }
        if (text.compare(i, 4, "<!--") == 0) {
            std::size_t end = comment_end.find(i + 4);
            if (end != std::string_view::npos) {
                flush_text(i);
                tokens.push_back({Token::Kind::comment,
                                  std::string(text.substr(i + 4, end - i - 4)), i, end + 3 - i});
                i = end + 3;
                text_start = i;
                continue;
            }
        }
        ++i;
    }
    flush_text(text.size());
    return tokens;
}

// Splits `a:b:Key` at every colon: the key is the last part (untrimmed), the filters the
// others, right to left.
void split_replacement(const std::string& value, TemplateNode& node) {
    std::size_t end = value.size();
    std::size_t colon = value.rfind(':');
    if (colon == std::string::npos) {
        node.key = value;
        return;
    }
    node.key = value.substr(colon + 1);
    end = colon;
    while (true) {
        std::size_t prev = end == 0 ? std::string::npos : value.rfind(':', end - 1);
        std::size_t start = prev == std::string::npos ? 0 : prev + 1;
        node.filters.push_back(value.substr(start, end - start));
        if (prev == std::string::npos) break;
        end = prev;
    }
}

// Real templates nest sections a few levels; the parser and the renderer recurse per level.
constexpr int kMaxSectionDepth = 100;

struct Parser {
    std::string_view text;
    const std::vector<Token>& tokens;
    std::size_t next = 0;
    std::optional<TemplateError> error;
    int depth = 0;

    // Parses nodes up to the close of `open` (nullptr at top level).
    std::vector<TemplateNode> parse(const Token* open) {
        std::vector<TemplateNode> nodes;
        while (next < tokens.size() && !error) {
            const Token& token = tokens[next++];
            TemplateNode node;
            node.offset = token.offset;
            node.length = token.length;
            switch (token.kind) {
                case Token::Kind::text:
                    node.kind = TemplateNode::Kind::text;
                    node.text = token.value;
                    break;
                case Token::Kind::comment:
                    node.kind = TemplateNode::Kind::comment;
                    node.text = token.value;
                    break;
                case Token::Kind::replacement:
                    node.kind = TemplateNode::Kind::replacement;
                    split_replacement(token.value, node);
                    break;
                case Token::Kind::open:
                case Token::Kind::open_inverted:
                    node.kind = token.kind == Token::Kind::open ? TemplateNode::Kind::section
                                                                : TemplateNode::Kind::inverted;
                    node.key = token.value;
                    if (++depth > kMaxSectionDepth) {
                        error = make_template_error(
                            text, TemplateErrorKind::too_deep,
                            "Sections are nested more than " + std::to_string(kMaxSectionDepth) +
                                " deep at '{{" + (token.kind == Token::Kind::open ? "#" : "^") +
                                token.value + "}}'",
                            token.offset, token.length);
                        return nodes;
                    }
                    node.children = parse(&token);
                    --depth;
                    break;
                case Token::Kind::close:
                    if (open && open->value == token.value) return nodes;
                    error = make_template_error(
                        text, TemplateErrorKind::conditional_not_open,
                        open ? "Found '{{/" + token.value + "}}', but expected '{{/" + open->value +
                                   "}}'"
                             : "Found '{{/" + token.value + "}}', but missing '{{#" + token.value +
                                   "}}' or '{{^" + token.value + "}}'",
                        token.offset, token.length);
                    return nodes;
            }
            nodes.push_back(std::move(node));
        }
        if (open && !error) {
            error = make_template_error(text, TemplateErrorKind::conditional_not_closed,
                                        "Missing '{{/" + open->value + "}}'", open->offset,
                                        open->length);
        }
        return nodes;
    }
};

}  // namespace

TemplateError make_template_error(std::string_view text, TemplateErrorKind kind,
                                  std::string message, std::size_t offset, std::size_t length) {
    TemplateError error;
    error.kind = kind;
    error.message = std::move(message);
    error.offset = offset;
    error.length = length;
    line_and_column(text, offset, error.line, error.column);
    return error;
}

std::string replacement_as_written(const TemplateNode& node) {
    std::string written = "{{";
    for (auto it = node.filters.rbegin(); it != node.filters.rend(); ++it) written += *it + ":";
    return written + node.key + "}}";
}

ParsedTemplate parse_template(std::string_view text) {
    std::vector<Token> tokens = tokenize(text);
    Parser parser{text, tokens, 0, std::nullopt, 0};
    ParsedTemplate parsed;
    parsed.nodes = parser.parse(nullptr);
    if (parser.error) {
        parsed.nodes.clear();
        parsed.error = std::move(parser.error);
    }
    return parsed;
}

}  // namespace deckport::render_detail
