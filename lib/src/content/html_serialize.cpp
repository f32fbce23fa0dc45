#include "html_serialize.hpp"

#include <array>

#include "escape.hpp"

namespace deckport::content {

namespace {

bool is_preformatted(GumboTag tag) {
    return tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_LISTING;
}

// Whether everything after the last line break in `out` is blank.
bool line_is_blank(const std::string& out) {
    for (std::size_t i = out.size(); i-- > 0;) {
        if (out[i] == '\n') return true;
        if (out[i] != ' ' && out[i] != '\t') return false;
    }
    return true;
}

}  // namespace

bool is_valid_tag_name(std::string_view name) {
    if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z')))
        return false;
    for (char c : name) {
        if (!is_ascii_alnum(c) && c != '-') return false;
    }
    return true;
}

bool is_valid_attribute_name(std::string_view name) {
    if (name.empty()) return false;
    char first = name[0];
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_' ||
          first == ':'))
        return false;
    for (char c : name) {
        if (!is_ascii_alnum(c) && c != '_' && c != '.' && c != ':' && c != '-') return false;
    }
    return true;
}

void append_text_escaped(std::string& out, std::string_view text) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char* entity = nullptr;
        std::size_t length = 1;
        switch (text[i]) {
            case '&':
                entity = "&amp;";
                break;
            case '<':
                entity = "&lt;";
                break;
            case '>':
                entity = "&gt;";
                break;
            case '\xC2':
                if (i + 1 < text.size() && text[i + 1] == '\xA0') {
                    entity = "&nbsp;";
                    length = 2;
                }
                break;
            default:
                break;
        }
        if (entity == nullptr) continue;
        out.append(text.substr(start, i - start));
        out.append(entity);
        i += length - 1;
        start = i + 1;
    }
    out.append(text.substr(start));
}

void append_attribute_escaped(std::string& out, std::string_view value) {
    for (char c : value) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\n':
                out += "&#10;";
                break;
            case '\r':
                out += "&#13;";
                break;
            default:
                out += c;
                break;
        }
    }
}

namespace {

// The name an element is written with: a <form> as a <div>. gumbo 0.10.1 reads the content of
// `<form>...</form>` after the form instead of inside it (a browser keeps it inside), so a form
// written back would not read the same; a form does nothing in a card.
std::string written_name(const GumboNode& element) {
    return tag_of(element) == GUMBO_TAG_FORM ? std::string("div") : tag_name(element);
}

}  // namespace

void append_start_tag(std::string& out, const GumboNode& element) {
    out += '<';
    out += written_name(element);
    const GumboVector& attributes = element.v.element.attributes;
    for (unsigned i = 0; i < attributes.length; ++i) {
        const auto* attr = static_cast<const GumboAttribute*>(attributes.data[i]);
        if (!is_valid_attribute_name(attr->name)) continue;
        out += ' ';
        out += attr->name;
        out += "=\"";
        append_attribute_escaped(out, attr->value);
        out += '"';
    }
    out += '>';
}

void append_end_tag(std::string& out, const GumboNode& element) {
    out += "</";
    out += written_name(element);
    out += '>';
}

void append_raw_html(std::string& out, const GumboNode& root) {
    append_raw_html(out, std::span<const GumboNode* const>(std::array{&root}));
}

void append_raw_html(std::string& out, std::span<const GumboNode* const> nodes) {
    int preformatted = 0;
    bool pending_space = false;
    auto write_text = [&](std::string_view text) {
        if (preformatted > 0) {
            for (char c : text) {
                // Spaces and tabs at the end of a line do not survive the markdown renderer:
                // write them as references.
                if (c == '\n') {
                    std::size_t end = out.size();
                    while (end > 0 && (out[end - 1] == ' ' || out[end - 1] == '\t')) --end;
                    std::string trailing = out.substr(end);
                    out.resize(end);
                    for (char blank : trailing) out += blank == ' ' ? "&#32;" : "&#9;";
                }
                // A blank line would end the HTML block: write such line breaks as references.
                if (c == '\n' && line_is_blank(out)) {
                    out += "&#10;";
                } else if (c == '\r') {
                    out += "&#13;";
                } else if (c == '\t') {
                    out += "&#9;";  // the markdown parser expands a tab that starts a line
                } else {
                    append_text_escaped(out, std::string_view(&c, 1));
                }
            }
            return;
        }
        std::size_t start = 0;
        for (std::size_t i = 0; i <= text.size(); ++i) {
            if (i < text.size() && !is_ascii_space(text[i])) continue;
            if (i > start) {
                if (pending_space) out += ' ';
                pending_space = false;
                append_text_escaped(out, text.substr(start, i - start));
            }
            if (i < text.size()) pending_space = true;
            start = i + 1;
        }
    };
    auto enter = [&](const GumboNode& node) {
        if (is_text_like(node)) {
            write_text(text_of(node));
            return false;
        }
        if (!is_element(node)) return false;
        GumboTag tag = tag_of(node);
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) return false;
        std::string name = tag_name(node);
        if (!is_valid_tag_name(name)) return true;  // keep the content of a nameless tag
        if (pending_space) out += ' ';
        pending_space = false;
        append_start_tag(out, node);
        if (is_void_tag(tag)) return false;
        if (is_preformatted(tag)) {
            ++preformatted;
            // The parser drops one line break right after <pre>: protect a leading one.
            const GumboVector& children = children_of(node);
            if (children.length > 0) {
                std::string_view first = text_of(*static_cast<const GumboNode*>(children.data[0]));
                if (!first.empty() && first[0] == '\n') out += '\n';
            }
        }
        return true;
    };
    auto leave = [&](const GumboNode& node) {
        if (!is_element(node)) return;
        GumboTag tag = tag_of(node);
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || is_void_tag(tag)) return;
        if (!is_valid_tag_name(tag_name(node))) return;
        if (is_preformatted(tag)) --preformatted;
        append_end_tag(out, node);  // a pending space moves after the end tag
    };
    // One pass over the siblings: white space between two of them is written as one space,
    // as inside an element, and not lost between separate calls.
    for (const GumboNode* root : nodes) {
        if (is_text_like(*root) || !is_element(*root)) {
            if (is_text_like(*root)) write_text(text_of(*root));
            continue;
        }
        if (enter(*root)) walk_descendants(*root, enter, leave);
        leave(*root);
    }
}

}  // namespace deckport::content
