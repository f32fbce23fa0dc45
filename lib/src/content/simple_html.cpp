#include "simple_html.hpp"

#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <utf8proc.h>

#include "escape.hpp"
#include "html_guard.hpp"

namespace deckport::content {
namespace {

// How the standard's "in body" insertion mode treats each tag this parser accepts.
enum class Role {
    unsupported,
    formatting,    // <b>, <i>...: an active formatting element
    anchor,        // <a>: an active formatting element that an open <a> would close
    phrase,        // "any other start tag": inserted where it is
    block,         // closes an open <p>
    heading,       // closes an open <p>, and a heading that is the current node
    preformatted,  // closes an open <p>; a line feed right after it is dropped
    list_item,     // closes an open <p>, and an open <li> of the same list
    void_phrase,   // no content and no end tag
    void_block,    // <hr>: no content, closes an open <p>
};

Role role_of(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_B:
        case GUMBO_TAG_BIG:
        case GUMBO_TAG_CODE:
        case GUMBO_TAG_EM:
        case GUMBO_TAG_FONT:
        case GUMBO_TAG_I:
        case GUMBO_TAG_S:
        case GUMBO_TAG_SMALL:
        case GUMBO_TAG_STRIKE:
        case GUMBO_TAG_STRONG:
        case GUMBO_TAG_TT:
        case GUMBO_TAG_U:
            return Role::formatting;
        case GUMBO_TAG_A:
            return Role::anchor;
        case GUMBO_TAG_SPAN:
        case GUMBO_TAG_SUB:
        case GUMBO_TAG_SUP:
        case GUMBO_TAG_ABBR:
        case GUMBO_TAG_CITE:
        case GUMBO_TAG_DFN:
        case GUMBO_TAG_KBD:
        case GUMBO_TAG_Q:
        case GUMBO_TAG_SAMP:
        case GUMBO_TAG_VAR:
        case GUMBO_TAG_DEL:
        case GUMBO_TAG_INS:
        case GUMBO_TAG_MARK:
            return Role::phrase;
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_P:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_UL:
            return Role::block;
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
            return Role::heading;
        case GUMBO_TAG_PRE:
            return Role::preformatted;
        case GUMBO_TAG_LI:
            return Role::list_item;
        case GUMBO_TAG_BR:
        case GUMBO_TAG_IMG:
        case GUMBO_TAG_WBR:
            return Role::void_phrase;
        case GUMBO_TAG_HR:
            return Role::void_block;
        default:
            return Role::unsupported;
    }
}

constexpr std::size_t kMaxAttributes = 32;  // per element; more are left to gumbo

bool closes_paragraph(Role role) {
    return role == Role::block || role == Role::heading || role == Role::preformatted ||
           role == Role::list_item || role == Role::void_block;
}

bool is_tag_space(char c) {  // \f and \r are declined before they get here
    return c == ' ' || c == '\t' || c == '\n';
}

// A code point that the tokenizer passes on without remark: not a control, surrogate or
// noncharacter. gumbo reports or replaces the others, so they are declined.
bool is_plain_code_point(char32_t c) {
    if (c < 0x20) return c == '\t' || c == '\n';
    if (c >= 0x7F && c < 0xA0) return false;
    if (c >= 0xD800 && c < 0xE000) return false;
    if (c >= 0xFDD0 && c <= 0xFDEF) return false;
    if ((c & 0xFFFE) == 0xFFFE) return false;
    if (c == 0xFEFF) return false;  // a byte order mark: leave its handling to gumbo
    return c <= 0x10FFFF;
}

// The length of the character at s[i] when the tokenizer passes it on without remark, as
// is_plain_code_point says; 0 for any other character and for invalid UTF-8 (utf8proc decodes
// strictly, as gumbo's replacements require).
std::size_t plain_character_length(std::string_view s, std::size_t i) {
    auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) return is_plain_code_point(byte) ? 1 : 0;
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t length =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                         static_cast<utf8proc_ssize_t>(s.size() - i), &code_point);
    if (length <= 0 || !is_plain_code_point(static_cast<char32_t>(code_point))) return 0;
    return static_cast<std::size_t>(length);
}

// The character reference at html[pos] == '&', decoded onto `out`; false when gumbo's more
// general handling is needed. A `&` that starts no reference is itself.
bool decode_reference(std::string_view html, std::size_t& pos, std::string& out) {
    std::size_t at = pos + 1;
    if (at < html.size() && html[at] == '#') {
        ++at;
        bool hex = at < html.size() && (html[at] == 'x' || html[at] == 'X');
        if (hex) ++at;
        char32_t value = 0;
        std::size_t digits = 0;
        for (; at < html.size() && digits < 8; ++at, ++digits) {
            char c = html[at];
            int digit = (c >= '0' && c <= '9')          ? c - '0'
                        : hex && (c >= 'a' && c <= 'f') ? c - 'a' + 10
                        : hex && (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                        : -1;
            if (digit < 0) break;
            value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
        }
        // Whitespace from a reference: gumbo's text node kind would depend on it.
        if (digits == 0 || at >= html.size() || html[at] != ';' || value <= 0x20 ||
            !is_plain_code_point(value)) {
            return false;
        }
        append_utf8(out, value);
        pos = at + 1;
        return true;
    }
    if (at >= html.size() || !is_ascii_alnum(html[at])) {
        out += '&';
        pos = at;
        return true;
    }
    std::size_t end = html.find(';', at);
    if (end == std::string_view::npos || end - at > 4) return false;
    std::string_view name = html.substr(at, end - at);
    if (name == "amp") {
        out += '&';
    } else if (name == "lt") {
        out += '<';
    } else if (name == "gt") {
        out += '>';
    } else if (name == "quot") {
        out += '"';
    } else if (name == "nbsp") {
        out += "\xC2\xA0";
    } else {
        return false;
    }
    pos = end + 1;
    return true;
}

class SimpleParser {
  public:
    SimpleParser(std::string_view html, GumboArena& arena) : html_(html), arena_(arena) {}

    GumboNode* parse() {
        GumboNode* root = new_node(GUMBO_NODE_ELEMENT);
        root->parse_flags = GUMBO_INSERTION_BY_PARSER;
        root->v.element.tag = GUMBO_TAG_HTML;
        root->v.element.tag_namespace = GUMBO_NAMESPACE_HTML;
        open_.push_back(root);
        while (pos_ < html_.size()) {
            char c = html_[pos_];
            bool ok = true;
            if (c == '<') {
                char next = pos_ + 1 < html_.size() ? html_[pos_ + 1] : '\0';
                if (is_ascii_letter(next)) {
                    ok = start_tag();
                } else if (next == '/') {
                    ok = end_tag();
                } else if (next == '!' || next == '?') {
                    ok = false;  // comments, doctypes, CDATA, processing instructions
                } else {
                    begin_text();
                    text_ += '<';
                    all_space_ = false;
                    ++pos_;
                }
            } else if (c == '&') {
                begin_text();
                ok = decode_reference(html_, pos_, text_);
                all_space_ = false;
            } else {
                ok = text_run();
            }
            if (!ok) return nullptr;
        }
        flush_text(html_.size());
        return root;
    }

  private:
    GumboNode* new_node(GumboNodeType type) {
        auto* node = static_cast<GumboNode*>(arena_.allocate(sizeof(GumboNode)));
        std::memset(node, 0, sizeof(GumboNode));
        node->type = type;
        return node;
    }

    const char* copy(std::string_view text) {
        auto* out = static_cast<char*>(arena_.allocate(text.size() + 1));
        std::memcpy(out, text.data(), text.size());
        out[text.size()] = '\0';
        return out;
    }

    void append_child(GumboNode* node) {
        GumboNode* parent = open_.back();
        GumboVector& children = parent->v.element.children;
        if (children.length == children.capacity) {
            unsigned capacity = children.capacity == 0 ? 4 : children.capacity * 2;
            auto* data = static_cast<void**>(arena_.allocate(capacity * sizeof(void*)));
            if (children.length > 0) {
                std::memcpy(data, children.data, children.length * sizeof(void*));
            }
            children.data = data;
            children.capacity = capacity;
        }
        node->parent = parent;
        node->index_within_parent = children.length;
        children.data[children.length++] = node;
    }

    void begin_text() {
        if (text_.empty()) text_start_ = pos_;
    }

    // Characters up to the next `<` or `&`, checked as gumbo's tokenizer would pass them.
    bool text_run() {
        begin_text();
        std::size_t start = pos_;
        while (pos_ < html_.size()) {
            char c = html_[pos_];
            if (c == '<' || c == '&') break;
            std::size_t length = plain_character_length(html_, pos_);
            if (length == 0) return false;
            if (c != ' ' && c != '\t' && c != '\n') all_space_ = false;
            pos_ += length;
        }
        text_.append(html_, start, pos_ - start);
        return true;
    }

    // The characters since the last tag become one text node (whitespace when they all are).
    void flush_text(std::size_t end) {
        if (text_.empty()) return;
        GumboNode* node = new_node(all_space_ ? GUMBO_NODE_WHITESPACE : GUMBO_NODE_TEXT);
        node->v.text.text = copy(text_);
        node->v.text.original_text = {html_.data() + text_start_, end - text_start_};
        append_child(node);
        text_.clear();
        all_space_ = true;
    }

    void skip_tag_space() {
        while (pos_ < html_.size() && is_tag_space(html_[pos_])) ++pos_;
    }

    bool at_end() const { return pos_ >= html_.size(); }

    // A tag name's lower-case form and gumbo's tag for it (GUMBO_TAG_UNKNOWN if none).
    GumboTag read_tag_name() {
        char name[16];
        std::size_t length = 0;
        while (!at_end() && !is_tag_space(html_[pos_]) && html_[pos_] != '/' &&
               html_[pos_] != '>') {
            if (length == sizeof name) return GUMBO_TAG_UNKNOWN;
            name[length++] = ascii_lower(html_[pos_++]);
        }
        return gumbo_tagn_enum(name, static_cast<unsigned>(length));
    }

    bool attribute(std::vector<GumboAttribute*>& attributes) {
        std::size_t name_start = pos_;
        std::string name;
        while (!at_end() && !is_tag_space(html_[pos_]) && html_[pos_] != '/' &&
               html_[pos_] != '>' && html_[pos_] != '=') {
            char c = html_[pos_];
            auto byte = static_cast<unsigned char>(c);
            // gumbo turns bytes past ASCII it deems invalid into U+FFFD: names are plain ASCII.
            if (c == '"' || c == '\'' || c == '<' || byte < 0x20 || byte >= 0x7F) return false;
            name += ascii_lower(c);
            ++pos_;
        }
        if (name.empty()) return false;  // `=` where a name should start
        // Fields have a few; many are hostile, and finding duplicates among them is quadratic.
        if (attributes.size() >= kMaxAttributes) return false;
        for (const GumboAttribute* other : attributes) {
            if (name == other->name) return false;  // gumbo keeps the first, with an error
        }
        auto* attr = static_cast<GumboAttribute*>(arena_.allocate(sizeof(GumboAttribute)));
        std::memset(attr, 0, sizeof(GumboAttribute));
        attr->attr_namespace = GUMBO_ATTR_NAMESPACE_NONE;
        attr->original_name = {html_.data() + name_start, pos_ - name_start};
        attr->name = copy(name);
        attr->value = "";
        attr->original_value = attr->original_name;  // what gumbo gives an attribute without one
        skip_tag_space();
        if (at_end()) return false;
        if (html_[pos_] == '=') {
            ++pos_;
            skip_tag_space();
            if (at_end()) return false;
            std::size_t value_start = pos_;
            std::size_t raw_start = pos_;
            std::size_t raw_end = 0;
            char quote = html_[pos_];
            if (quote == '"' || quote == '\'') {
                raw_start = pos_ + 1;
                raw_end = html_.find(quote, raw_start);
                if (raw_end == std::string_view::npos) return false;
                pos_ = raw_end + 1;
                // The next attribute must be set apart by white space.
                if (at_end() ||
                    !(is_tag_space(html_[pos_]) || html_[pos_] == '/' || html_[pos_] == '>'))
                    return false;
            } else {
                if (quote == '>') return false;  // an empty unquoted value
                while (!at_end() && !is_tag_space(html_[pos_]) && html_[pos_] != '>') {
                    char c = html_[pos_];
                    if (c == '"' || c == '\'' || c == '<' || c == '=' || c == '`') return false;
                    ++pos_;
                }
                if (at_end()) return false;
                raw_end = pos_;
            }
            std::string value;
            std::string_view raw = html_.substr(0, raw_end);  // references end with the value
            for (std::size_t i = raw_start; i < raw_end;) {
                if (raw[i] == '&') {
                    if (!decode_reference(raw, i, value)) return false;
                    continue;
                }
                std::size_t length = plain_character_length(raw, i);
                if (length == 0) return false;
                value.append(raw, i, length);
                i += length;
            }
            attr->value = copy(value);
            attr->original_value = {html_.data() + value_start, pos_ - value_start};
        }
        attributes.push_back(attr);
        return true;
    }

    bool is_open(GumboTag tag) const {
        for (const GumboNode* node : open_) {
            if (node->v.element.tag == tag) return true;
        }
        return false;
    }

    // An <li> closes the open <li> of its list; stops at the list, conservatively: gumbo stops
    // at more elements, and an <li> found before one of those is declined though gumbo keeps it.
    bool closes_list_item() const {
        for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
            GumboTag tag = (*it)->v.element.tag;
            if (tag == GUMBO_TAG_LI) return true;
            if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) return false;
        }
        return false;
    }

    bool start_tag() {
        std::size_t start = pos_;
        ++pos_;  // '<'
        GumboTag tag = read_tag_name();
        Role role = role_of(tag);
        if (role == Role::unsupported) return false;
        std::vector<GumboAttribute*> attributes;
        bool self_closing = false;
        while (true) {
            skip_tag_space();
            if (at_end()) return false;  // gumbo drops a tag cut off by the end
            if (html_[pos_] == '>') {
                ++pos_;
                break;
            }
            if (html_[pos_] == '/') {
                if (pos_ + 1 >= html_.size() || html_[pos_ + 1] != '>') return false;
                self_closing = true;
                pos_ += 2;
                break;
            }
            if (!attribute(attributes)) return false;
        }
        bool is_void = role == Role::void_phrase || role == Role::void_block;
        if (self_closing && !is_void) return false;  // gumbo ignores the slash: still open
        // What gumbo would close or move here (an implied end tag) is declined.
        if (closes_paragraph(role) && is_open(GUMBO_TAG_P)) return false;
        GumboTag current = open_.back()->v.element.tag;
        if (role == Role::heading && role_of(current) == Role::heading) return false;
        if (role == Role::list_item && closes_list_item()) return false;
        if (role == Role::anchor && is_open(GUMBO_TAG_A)) return false;

        flush_text(start);
        GumboNode* node = new_node(GUMBO_NODE_ELEMENT);
        GumboElement& element = node->v.element;
        element.tag = tag;
        element.tag_namespace = GUMBO_NAMESPACE_HTML;
        element.original_tag = {html_.data() + start, pos_ - start};
        if (!attributes.empty()) {
            auto* data = static_cast<void**>(arena_.allocate(attributes.size() * sizeof(void*)));
            for (std::size_t i = 0; i < attributes.size(); ++i) data[i] = attributes[i];
            element.attributes = {data, static_cast<unsigned>(attributes.size()),
                                  static_cast<unsigned>(attributes.size())};
        }
        append_child(node);
        if (is_void) return true;
        open_.push_back(node);
        // The standard drops a line feed right after <pre> (it is not part of the content).
        if (role == Role::preformatted && !at_end() && html_[pos_] == '\n') ++pos_;
        return true;
    }

    // Only the end tag of the current element: any other needs the standard's repairs.
    bool end_tag() {
        std::size_t start = pos_;
        pos_ += 2;  // "</"
        if (at_end() || !is_ascii_letter(html_[pos_])) return false;
        GumboTag tag = read_tag_name();
        skip_tag_space();
        if (at_end() || html_[pos_] != '>') return false;
        ++pos_;
        if (open_.size() < 2 || tag == GUMBO_TAG_UNKNOWN || open_.back()->v.element.tag != tag)
            return false;
        flush_text(start);
        open_.back()->v.element.original_end_tag = {html_.data() + start, pos_ - start};
        open_.pop_back();
        return true;
    }

    std::string_view html_;
    GumboArena& arena_;
    std::size_t pos_ = 0;
    std::vector<GumboNode*> open_;  // the stack of open elements, the root first
    std::string text_;              // decoded characters not yet in a node
    std::size_t text_start_ = 0;
    bool all_space_ = true;
};

}  // namespace

GumboNode* parse_simple_html(std::string_view html, GumboArena& arena) {
    return SimpleParser(html, arena).parse();
}

namespace {

std::string piece_text(const GumboStringPiece& piece) {
    return piece.data == nullptr ? std::string() : std::string(piece.data, piece.length);
}

void describe_node(const GumboNode& node, int depth, std::string& out) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    if (node.type == GUMBO_NODE_ELEMENT) {
        const GumboElement& element = node.v.element;
        out += "<" + tag_name(node) + "> ns=" + std::to_string(element.tag_namespace) +
               " tag=" + std::to_string(element.tag) + " original=[" +
               piece_text(element.original_tag) + "] end=[" + piece_text(element.original_end_tag) +
               "]";
        for (unsigned i = 0; i < element.attributes.length; ++i) {
            const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
            out += std::string(" @") + attribute->name + "=[" + attribute->value + "] original=[" +
                   piece_text(attribute->original_name) + "][" +
                   piece_text(attribute->original_value) + "]";
        }
    } else if (node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE) {
        out += node.type == GUMBO_NODE_TEXT ? "text [" : "whitespace [";
        out += node.v.text.text;
        out += "] original=[" + piece_text(node.v.text.original_text) + "]";
    } else {
        out += "node type " + std::to_string(node.type);
    }
    out += '\n';
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->parent != &node || child->index_within_parent != i) out += "  (bad parent)\n";
        describe_node(*child, depth + 1, out);
    }
}

}  // namespace

std::string describe_tree(const GumboNode& root) {
    std::string out;
    const GumboVector& children = children_of(root);
    for (unsigned i = 0; i < children.length; ++i) {
        describe_node(*static_cast<const GumboNode*>(children.data[i]), 0, out);
    }
    return out;
}

bool simple_parser_agrees_with_gumbo(std::string_view html, std::string* difference) {
    std::optional<std::string> tamed = tame_html(html);
    std::string_view input = tamed ? std::string_view(*tamed) : html;
    GumboArena arena;
    const GumboNode* simple = parse_simple_html(input, arena);
    if (simple == nullptr) return true;
    HtmlFragment gumbo(html, HtmlParser::gumbo);  // tamed the same way
    std::string ours = describe_tree(*simple);
    std::string theirs = describe_tree(gumbo.root());
    if (ours == theirs) return true;
    if (difference) *difference = "simple parser:\n" + ours + "gumbo:\n" + theirs;
    return false;
}

}  // namespace deckport::content
