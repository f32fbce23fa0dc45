// normalize_html_for_compare: one canonical serialization for HTML that renders the same in
// the ways that matter for a card. The rules are listed in content.hpp and docs/content.md.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "deckport/content.hpp"
#include "escape.hpp"
#include "html_normalize.hpp"
#include "html_serialize.hpp"
#include "html_tree.hpp"

namespace deckport {

namespace {

using namespace content;

// Deeper content is left out. HTML that the guard let through untouched (at most 500 tags)
// or tamed (at most kMaxHtmlDepth open elements) nests less, implied elements included.
constexpr int kMaxDepth = 1100;

struct Node {
    bool is_text = false;
    bool is_boundary = false;  // where an unwrapped block was: paragraphs do not join across
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    std::string name;                                             // element name, or the text
    std::vector<std::pair<std::string, std::string>> attributes;  // sorted by name
    std::vector<Node> children;
};

std::string canonical_name(const GumboNode& element) {
    switch (tag_of(element)) {
        case GUMBO_TAG_B:
            return "strong";
        case GUMBO_TAG_I:
            return "em";
        case GUMBO_TAG_S:
        case GUMBO_TAG_STRIKE:
            return "del";
        case GUMBO_TAG_FORM:
            return "div";  // as html_serialize writes it
        default:
            return tag_name(element);
    }
}

GumboTag canonical_tag(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_B:
            return GUMBO_TAG_STRONG;
        case GUMBO_TAG_I:
            return GUMBO_TAG_EM;
        case GUMBO_TAG_S:
        case GUMBO_TAG_STRIKE:
            return GUMBO_TAG_DEL;
        case GUMBO_TAG_FORM:
            return GUMBO_TAG_DIV;  // as html_serialize writes it
        default:
            return tag;
    }
}

// Emphasis-like elements: nesting one in another of the same kind changes nothing, and
// without content they show nothing.
bool is_plain_style(GumboTag tag) {
    return tag == GUMBO_TAG_STRONG || tag == GUMBO_TAG_EM || tag == GUMBO_TAG_DEL ||
           tag == GUMBO_TAG_U || tag == GUMBO_TAG_SUB || tag == GUMBO_TAG_SUP;
}

// Wrappers that add no meaning when they have no attributes.
bool is_transparent_without_attributes(GumboTag tag) {
    return tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SPAN || tag == GUMBO_TAG_FONT ||
           tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT;
}

// Blocks that hold paragraphs: loose inline content in them forms a paragraph.
bool is_flow_container(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_HTML:
            return true;
        default:
            return false;
    }
}

bool is_phrasing_block(GumboTag tag) {
    return tag == GUMBO_TAG_P || (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6);
}

bool is_block(const Node& node) {
    return !node.is_text && is_block_tag(node.tag);
}

class Builder {
  public:
    // Appends the normalized form of `node` (zero, one or several nodes) to `out`.
    void build(const GumboNode& node, int depth, std::vector<Node>& out) {
        if (is_text_like(node)) {
            std::string_view text = text_of(node);
            if (!out.empty() && out.back().is_text && !out.back().is_boundary) {
                out.back().name += text;
            } else {
                out.push_back(text_node(text));
            }
            return;
        }
        if (!is_element(node) || depth > kMaxDepth || is_hidden_tag(tag_of(node))) return;
        GumboTag tag = canonical_tag(tag_of(node));
        Node element;
        element.tag = tag;
        element.name = canonical_name(node);
        element.attributes = attributes_of(node, tag);

        bool same_style_open =
            is_plain_style(tag) && std::find(styles_.begin(), styles_.end(), tag) != styles_.end();
        // A tag name no HTML can write back (`pre\`` from `<pre\`>`) is unwrapped, as the
        // serializer keeps only its content.
        bool transparent = same_style_open || !is_valid_tag_name(element.name) ||
                           (is_transparent_without_attributes(tag) && element.attributes.empty());
        if (is_plain_style(tag)) styles_.push_back(tag);
        std::vector<Node>& target = transparent ? out : element.children;
        bool boundary = transparent && is_block_tag(tag);
        if (boundary) out.push_back(boundary_node());
        const GumboVector& children = children_of(node);
        for (unsigned i = 0; i < children.length; ++i)
            build(*static_cast<const GumboNode*>(children.data[i]), depth + 1, target);
        if (is_plain_style(tag)) styles_.pop_back();
        if (boundary) out.push_back(boundary_node());
        if (transparent) return;

        if (tag == GUMBO_TAG_PRE) merge_code_into_pre(element);
        if (is_plain_style(tag) && !has_visible_content(element)) {
            // Only white space inside: keep the space, drop the element.
            if (!element.children.empty()) out.push_back(text_node(" "));
            return;
        }
        out.push_back(std::move(element));
    }

  private:
    static Node text_node(std::string_view text) {
        Node node;
        node.is_text = true;
        node.name = text;
        return node;
    }

    static Node boundary_node() {
        Node node;
        node.is_boundary = true;
        return node;
    }

    static std::vector<std::pair<std::string, std::string>> attributes_of(const GumboNode& node,
                                                                          GumboTag tag) {
        std::vector<std::pair<std::string, std::string>> result;
        const GumboVector& attributes = node.v.element.attributes;
        for (unsigned i = 0; i < attributes.length; ++i) {
            const auto* attr = static_cast<const GumboAttribute*>(attributes.data[i]);
            std::string_view name = attr->name;
            std::string_view value = attr->value;
            // A name no HTML can write back (`<p` from `<p\n<p>`) is dropped, as the
            // serializer drops it.
            if (!is_valid_attribute_name(name)) continue;
            if (tag == GUMBO_TAG_IMG && name == "alt" && value.empty()) continue;
            if (tag == GUMBO_TAG_OL && name == "start" && value == "1") continue;
            result.emplace_back(name, value);
        }
        std::sort(result.begin(), result.end());
        return result;
    }

    // <pre><code class="x">…</code></pre> is the same block as <pre class="x">…</pre>.
    static void merge_code_into_pre(Node& pre) {
        if (pre.children.size() == 1 && !pre.children[0].is_text &&
            pre.children[0].tag == GUMBO_TAG_CODE) {
            Node code = std::move(pre.children[0]);
            pre.children = std::move(code.children);
            for (auto& attribute : code.attributes) pre.attributes.push_back(std::move(attribute));
            std::sort(pre.attributes.begin(), pre.attributes.end());
        }
        // One line break at the end of preformatted text shows nothing.
        if (!pre.children.empty() && pre.children.back().is_text) {
            std::string& text = pre.children.back().name;
            if (!text.empty() && text.back() == '\n') text.pop_back();
        }
    }

    static bool has_visible_content(const Node& node) {
        for (const Node& child : node.children) {
            if (child.is_boundary) continue;
            if (!child.is_text) return true;
            for (char c : child.name) {
                if (!is_ascii_space(c)) return true;
            }
        }
        return false;
    }

    std::vector<GumboTag> styles_;  // plain style elements open around the current node
};

// Inline content as tokens, so that white space can be put in one canonical place.
struct Token {
    enum Kind { open, close, space, word, atom } kind;
    const Node* node = nullptr;
    std::string text;  // word: the text; atom: its serialization
};

class Serializer {
  public:
    std::string run(const std::vector<Node>& top) {
        write_flow(top);
        return std::move(out_);
    }

  private:
    void write_flow(const std::vector<Node>& children, bool skip_blank_text = false) {
        std::vector<const Node*> run;
        auto flush = [&] {
            if (run.empty()) return;
            std::vector<Token> tokens = canonical_tokens(run);
            run.clear();
            if (tokens.empty()) return;
            out_ += "<p>";
            write_tokens(tokens);
            out_ += "</p>";
        };
        for (const Node& child : children) {
            if (skip_blank_text && child.is_text &&
                std::all_of(child.name.begin(), child.name.end(), is_ascii_space))
                continue;
            if (child.is_boundary) {
                flush();
            } else if (is_block(child)) {
                flush();
                write_block(child);
            } else {
                run.push_back(&child);
            }
        }
        flush();
    }

    void write_block(const Node& node) {
        if (is_phrasing_block(node.tag)) {
            std::vector<const Node*> run;
            for (const Node& child : node.children) run.push_back(&child);
            std::vector<Token> tokens = canonical_tokens(run);
            if (tokens.empty() && node.tag == GUMBO_TAG_P) return;  // an empty paragraph
            write_open(node);
            write_tokens(tokens);
            write_close(node);
            return;
        }
        write_open(node);
        if (is_void_tag(node.tag)) return;
        if (node.tag == GUMBO_TAG_PRE || node.tag == GUMBO_TAG_TEXTAREA) {
            write_verbatim(node.children);
        } else if (is_flow_container(node.tag)) {
            write_flow(node.children);
        } else {
            // Lists, tables, rows: white space between their parts means nothing.
            write_flow(node.children, true);
        }
        write_close(node);
    }

    void write_verbatim(const std::vector<Node>& children) {
        for (const Node& child : children) {
            if (child.is_boundary) continue;
            if (child.is_text) {
                append_text_escaped(out_, child.name);
                continue;
            }
            write_open(child);
            if (!is_void_tag(child.tag)) {
                write_verbatim(child.children);
                write_close(child);
            }
        }
    }

    std::vector<Token> canonical_tokens(const std::vector<const Node*>& run) {
        std::vector<Token> raw;
        for (const Node* node : run) tokenize(*node, raw);
        // Between two visible tokens there are end tags, then start tags (a walk up the tree,
        // then down), and maybe white space: write it once, between the end and start tags.
        std::vector<Token> result;
        std::size_t i = 0;
        bool at_start = true;
        while (i < raw.size()) {
            std::vector<Token> closes;
            std::vector<Token> opens;
            bool space = false;
            while (i < raw.size() && (raw[i].kind == Token::open || raw[i].kind == Token::close ||
                                      raw[i].kind == Token::space)) {
                if (raw[i].kind == Token::open)
                    opens.push_back(raw[i]);
                else if (raw[i].kind == Token::close)
                    closes.push_back(raw[i]);
                else
                    space = true;
                ++i;
            }
            bool at_end = i == raw.size();
            for (Token& token : closes) result.push_back(std::move(token));
            if (space && !at_start && !at_end && !is_break(result) &&
                !(i < raw.size() && is_break_token(raw[i])))
                result.push_back({Token::space, nullptr, " "});
            for (Token& token : opens) result.push_back(std::move(token));
            if (i < raw.size()) {
                result.push_back(std::move(raw[i]));
                ++i;
                at_start = false;
            }
        }
        return result;
    }

    // A <br>, or a block inside inline content (`<u><p>a</p> <ul>…</ul></u>`): white space
    // next to it is not shown.
    static bool is_break_token(const Token& token) {
        return token.kind == Token::atom && token.node != nullptr &&
               (token.node->tag == GUMBO_TAG_BR || is_block(*token.node));
    }
    // Whether the last visible token written is a break (spaces next to it are not shown).
    static bool is_break(const std::vector<Token>& tokens) {
        for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) {
            if (it->kind == Token::close) continue;
            return is_break_token(*it);
        }
        return false;
    }

    void tokenize(const Node& node, std::vector<Token>& tokens) {
        if (node.is_boundary) return;
        if (node.is_text) {
            std::size_t start = 0;
            const std::string& text = node.name;
            for (std::size_t k = 0; k <= text.size(); ++k) {
                if (k < text.size() && !is_ascii_space(text[k])) continue;
                if (k > start)
                    tokens.push_back({Token::word, nullptr, text.substr(start, k - start)});
                if (k < text.size()) tokens.push_back({Token::space, nullptr, " "});
                start = k + 1;
            }
            return;
        }
        if (is_void_tag(node.tag) || is_block(node)) {
            Serializer inner;
            if (is_block(node)) {
                inner.write_block(node);
            } else {
                inner.write_open(node);
            }
            tokens.push_back({Token::atom, &node, std::move(inner.out_)});
            return;
        }
        std::size_t first = tokens.size();
        tokens.push_back({Token::open, &node, {}});
        for (const Node& child : node.children) tokenize(child, tokens);
        bool visible = false;
        for (std::size_t k = first + 1; k < tokens.size() && !visible; ++k)
            visible = tokens[k].kind == Token::word || tokens[k].kind == Token::atom;
        if (visible) {
            tokens.push_back({Token::close, &node, {}});
            return;
        }
        // No visible content: the element is one unit (moving white space into it or out of
        // it would not be a canonical form).
        bool had_space = tokens.size() > first + 1;
        tokens.resize(first);
        Serializer inner;
        inner.write_open(node);
        inner.write_close(node);
        tokens.push_back({Token::atom, &node, std::move(inner.out_)});
        if (had_space) tokens.push_back({Token::space, nullptr, " "});
    }

    void write_tokens(const std::vector<Token>& tokens) {
        for (const Token& token : tokens) {
            switch (token.kind) {
                case Token::open:
                    write_open(*token.node);
                    break;
                case Token::close:
                    write_close(*token.node);
                    break;
                case Token::space:
                    out_ += ' ';
                    break;
                case Token::word:
                    append_text_escaped(out_, token.text);
                    break;
                case Token::atom:
                    out_ += token.text;
                    break;
            }
        }
    }

    void write_open(const Node& node) {
        out_ += '<';
        out_ += node.name;
        for (const auto& [name, value] : node.attributes) {
            out_ += ' ';
            out_ += name;
            out_ += "=\"";
            append_attribute_escaped(out_, value);
            out_ += '"';
        }
        out_ += '>';
    }

    void write_close(const Node& node) {
        out_ += "</";
        out_ += node.name;
        out_ += '>';
    }

    std::string out_;
};

}  // namespace

namespace content {

std::string normalize_fragment(const GumboNode& root) {
    std::vector<Node> top;
    Builder builder;
    const GumboVector& children = children_of(root);
    for (unsigned i = 0; i < children.length; ++i)
        builder.build(*static_cast<const GumboNode*>(children.data[i]), 1, top);
    return Serializer().run(top);
}

}  // namespace content

std::string normalize_html_for_compare(std::string_view html) {
    content::HtmlFragment fragment(html);
    return content::normalize_fragment(fragment.root());
}

}  // namespace deckport
