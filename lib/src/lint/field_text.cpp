// Plain text of a field for comparisons: a gumbo walk for HTML, md4c's text events for markdown.
#include <gumbo.h>
#include <md4c.h>

#include <cstring>

#include "lint/lint_support.hpp"

namespace deckport::lint_detail {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    bool pending_space = false;
    for (char c : text) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

bool breaks_text(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_BR:
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_TABLE:
            return true;
        default:
            return false;
    }
}

void collect_html_text(const GumboNode* node, std::string& out) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
        out += node->v.text.text;
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
        node->type != GUMBO_NODE_TEMPLATE) {
        return;
    }
    const GumboVector* children =
        node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
    if (node->type != GUMBO_NODE_DOCUMENT) {
        GumboTag tag = node->v.element.tag;
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) return;
        if (breaks_text(tag)) out += ' ';
    }
    for (unsigned i = 0; i < children->length; ++i) {
        collect_html_text(static_cast<const GumboNode*>(children->data[i]), out);
    }
    if (node->type != GUMBO_NODE_DOCUMENT && breaks_text(node->v.element.tag)) out += ' ';
}

std::string html_text(std::string_view html) {
    GumboOptions options = kGumboDefaultOptions;
    options.fragment_context = GUMBO_TAG_DIV;
    options.fragment_namespace = GUMBO_NAMESPACE_HTML;
    GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
    std::string text;
    collect_html_text(output->root, text);
    gumbo_destroy_output(&options, output);
    return text;
}

int on_markdown_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
    auto& out = *static_cast<std::string*>(userdata);
    switch (type) {
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
            out += ' ';
            break;
        case MD_TEXT_HTML:
            break;  // a raw tag: not text
        case MD_TEXT_NULLCHAR:
            break;
        default:
            out.append(text, size);
            break;
    }
    return 0;
}

int on_markdown_block(MD_BLOCKTYPE, void*, void* userdata) {
    *static_cast<std::string*>(userdata) += ' ';
    return 0;
}

int on_markdown_span(MD_SPANTYPE, void*, void*) {
    return 0;
}

std::string markdown_text(std::string_view markdown) {
    MD_PARSER parser;
    std::memset(&parser, 0, sizeof parser);
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
    parser.enter_block = on_markdown_block;
    parser.leave_block = on_markdown_block;
    parser.enter_span = on_markdown_span;
    parser.leave_span = on_markdown_span;
    parser.text = on_markdown_text;
    std::string text;
    md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &text);
    return text;
}

int on_raw_html(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
    if (type == MD_TEXT_HTML) static_cast<std::string*>(userdata)->append(text, size);
    return 0;
}

int ignore_block(MD_BLOCKTYPE, void*, void*) {
    return 0;
}

}  // namespace

std::string markdown_raw_html(std::string_view markdown) {
    if (markdown.find('<') == std::string_view::npos) return {};
    MD_PARSER parser;
    std::memset(&parser, 0, sizeof parser);
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
    parser.enter_block = ignore_block;
    parser.leave_block = ignore_block;
    parser.enter_span = on_markdown_span;
    parser.leave_span = on_markdown_span;
    parser.text = on_raw_html;
    std::string html;
    md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &html);
    return html;
}

std::string plain_text(const Content& content) {
    switch (content.kind) {
        case Markup::html:
            return collapse_whitespace(html_text(content.source));
        case Markup::markdown:
            return collapse_whitespace(markdown_text(content.source));
        case Markup::text:
            return collapse_whitespace(content.source);
    }
    return collapse_whitespace(content.source);
}

std::string_view first_line(std::string_view text) {
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
        while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
        if (!line.empty()) return line;
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return {};
}

std::string field_name(const Collection& collection, const Note& note, std::size_t field) {
    const NoteType* note_type = collection.find_note_type(note.note_type_id);
    if (note_type && field < note_type->fields.size()) return note_type->fields[field];
    return "field " + std::to_string(field + 1);
}

std::string excerpt(std::string_view text, std::size_t limit) {
    std::string out;
    std::size_t i = 0;
    for (; i < text.size() && out.size() < limit; ++i) {
        if (text[i] == '\n') {
            out += "\u23CE";
        } else if (text[i] != '\r') {
            out += text[i];
        }
    }
    if (i < text.size()) {
        // Do not cut a UTF-8 sequence in half.
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) {
            out.pop_back();
        }
        if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80)) out.pop_back();
        out += "…";
    }
    return out;
}

}  // namespace deckport::lint_detail
