// Media references in a field: a gumbo walk for HTML (and raw HTML inside markdown), md4c's
// image spans for markdown, and Anki's `[sound:…]` marker in any markup.
#include <gumbo.h>
#include <md4c.h>

#include <cctype>
#include <cstring>
#include <optional>

#include "content/html_guard.hpp"
#include "lint/lint_support.hpp"

namespace deckport::lint_detail {
namespace {

// `http://…`, `data:…`, `//host/…`: not a file in the deck's media.
bool is_url(std::string_view target) {
    if (target.starts_with("//")) return true;
    std::size_t colon = target.find(':');
    if (colon == std::string_view::npos || colon < 2) return false;  // `C:` is a path
    for (std::size_t i = 0; i < colon; ++i) {
        unsigned char c = static_cast<unsigned char>(target[i]);
        if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return false;
    }
    return true;
}

void add_reference(std::vector<MediaReference>& out, std::string target, std::string kind) {
    if (target.empty() || is_url(target)) return;
    out.push_back({std::move(target), std::move(kind)});
}

void collect_html_references(const GumboNode* node, std::vector<MediaReference>& out) {
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
    const GumboElement& element = node->v.element;
    const char* kind = nullptr;
    switch (element.tag) {
        case GUMBO_TAG_IMG:
            kind = "image";
            break;
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_SOURCE:
            kind = "media";
            break;
        default:
            break;
    }
    if (kind) {
        if (const GumboAttribute* src = gumbo_get_attribute(&element.attributes, "src")) {
            add_reference(out, src->value, kind);
        }
    }
    for (unsigned i = 0; i < element.children.length; ++i) {
        collect_html_references(static_cast<const GumboNode*>(element.children.data[i]), out);
    }
}

void html_references(std::string_view source, std::vector<MediaReference>& out) {
    if (source.find('<') == std::string_view::npos) return;
    // Tamed like every other reader of field HTML: raw, a hostile field made gumbo take
    // minutes and gigabytes, and the walk below recurse without bound.
    std::optional<std::string> tamed = content::tame_html(source);
    std::string_view html = tamed ? std::string_view(*tamed) : source;
    GumboOptions options = kGumboDefaultOptions;
    options.fragment_context = GUMBO_TAG_DIV;
    options.fragment_namespace = GUMBO_NAMESPACE_HTML;
    GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
    collect_html_references(output->root, out);
    gumbo_destroy_output(&options, output);
}

int on_span(MD_SPANTYPE type, void* detail, void* userdata) {
    if (type != MD_SPAN_IMG) return 0;
    auto* out = static_cast<std::vector<MediaReference>*>(userdata);
    const auto* image = static_cast<const MD_SPAN_IMG_DETAIL*>(detail);
    add_reference(*out, std::string(image->src.text, image->src.size), "image");
    return 0;
}

int on_leave_span(MD_SPANTYPE, void*, void*) {
    return 0;
}
int on_block(MD_BLOCKTYPE, void*, void*) {
    return 0;
}
int on_text(MD_TEXTTYPE, const MD_CHAR*, MD_SIZE, void*) {
    return 0;
}

void markdown_references(std::string_view markdown, std::vector<MediaReference>& out) {
    MD_PARSER parser;
    std::memset(&parser, 0, sizeof parser);
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
    parser.enter_block = on_block;
    parser.leave_block = on_block;
    parser.enter_span = on_span;
    parser.leave_span = on_leave_span;
    parser.text = on_text;
    md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &out);
    html_references(markdown_raw_html(markdown), out);
}

// `[sound:name]` is Anki's own marker, the same in every markup.
void sound_references(std::string_view text, std::vector<MediaReference>& out) {
    constexpr std::string_view open = "[sound:";
    std::size_t at = 0;
    while ((at = text.find(open, at)) != std::string_view::npos) {
        std::size_t start = at + open.size();
        std::size_t end = text.find(']', start);
        if (end == std::string_view::npos) return;
        std::string_view name = text.substr(start, end - start);
        if (name.find('\n') == std::string_view::npos)
            add_reference(out, std::string(name), "sound");
        at = end + 1;
    }
}

}  // namespace

std::vector<MediaReference> media_references(const Content& content) {
    std::vector<MediaReference> out;
    switch (content.kind) {
        case Markup::html:
            html_references(content.source, out);
            break;
        case Markup::markdown:
            markdown_references(content.source, out);
            break;
        case Markup::text:
            break;
    }
    sound_references(content.source, out);
    return out;
}

}  // namespace deckport::lint_detail
