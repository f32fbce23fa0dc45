#include "card_html.hpp"

#include <optional>

#include "content/html_tree.hpp"
#include "deckport/preview.hpp"

namespace deckport::preview_detail {
namespace {

using namespace deckport::content;

// Elements that would reach outside their card: the document's base URL, refreshes and
// metadata, external style sheets.
bool is_dropped(GumboTag tag) {
    return tag == GUMBO_TAG_BASE || tag == GUMBO_TAG_META || tag == GUMBO_TAG_LINK;
}

bool is_raw_text(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_XMP:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_NOEMBED:
        case GUMBO_TAG_NOFRAMES:
            return true;
        default:
            return false;
    }
}

void append_escaped(std::string& out, std::string_view text, bool attribute) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '&') {
            out += "&amp;";
        } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
            out += "&nbsp;";
            ++i;
        } else if (attribute && c == '"') {
            out += "&quot;";
        } else if (!attribute && c == '<') {
            out += "&lt;";
        } else if (!attribute && c == '>') {
            out += "&gt;";
        } else {
            out += c;
        }
    }
}

// `<plaintext>` would swallow the rest of the page: it is written as <pre>.
std::string element_name(const GumboNode& node) {
    return tag_of(node) == GUMBO_TAG_PLAINTEXT ? "pre" : tag_name(node);
}

std::string attribute_name(const GumboAttribute& attr) {
    switch (attr.attr_namespace) {
        case GUMBO_ATTR_NAMESPACE_XLINK:
            return std::string("xlink:") + attr.name;
        case GUMBO_ATTR_NAMESPACE_XML:
            return std::string("xml:") + attr.name;
        case GUMBO_ATTR_NAMESPACE_XMLNS:
            return std::string(attr.name) == "xmlns" ? "xmlns" : std::string("xmlns:") + attr.name;
        default:
            return attr.name;
    }
}

// What an attribute refers to: a file the page must carry (src of media, a poster, an SVG
// image), CSS with url()s (style), or nothing. srcset is never kept: its candidates would be
// fetched.
enum class Reference { none, file, css, dropped };

Reference reference_of(GumboTag tag, std::string_view element, std::string_view attribute) {
    if (attribute == "style") return Reference::css;
    if (attribute == "srcset") return Reference::dropped;
    if (attribute == "poster" && tag == GUMBO_TAG_VIDEO) return Reference::file;
    if (attribute == "data" && tag == GUMBO_TAG_OBJECT) return Reference::file;
    if ((attribute == "href" || attribute == "xlink:href") && element == "image")
        return Reference::file;
    if (attribute != "src") return Reference::none;
    switch (tag) {
        case GUMBO_TAG_IMG:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_SOURCE:
        case GUMBO_TAG_TRACK:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_FRAME:
            return Reference::file;
        default:
            return Reference::none;
    }
}

bool stays_in_page(std::string_view reference) {
    return reference.rfind("data:", 0) == 0 || reference.rfind("#", 0) == 0 || reference.empty();
}

// Hint blocks are looked up by id: `hint<hex>` gets the side's suffix, in the id and in the
// link's getElementById('hint<hex>').
std::string with_unique_hint_ids(std::string_view name, std::string value,
                                 std::string_view suffix) {
    if (name == "id" && value.rfind("hint", 0) == 0) return value + std::string(suffix);
    constexpr std::string_view kLookup = "getElementById('hint";
    for (std::size_t at = value.find(kLookup); at != std::string::npos;
         at = value.find(kLookup, at + 1)) {
        std::size_t close = value.find('\'', at + kLookup.size());
        if (close == std::string::npos) break;
        value.insert(close, suffix);
    }
    return value;
}

class SideWriter {
  public:
    SideWriter(MediaLinks& media, const SideHtmlOptions& options, std::vector<std::string>& dropped)
        : media_(media),
          options_(options),
          dropped_(dropped),
          resources_{[this](std::string_view r) { return media_.url(r); },
                     [this](std::string_view r) { return media_.text(r); }} {}

    std::string write(const GumboNode& root) {
        walk_descendants(
            root, [this](const GumboNode& node) { return enter(node); },
            [this](const GumboNode& node) { leave(node); });
        return std::move(out_);
    }

  private:
    bool enter(const GumboNode& node) {
        switch (node.type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE: {
                const GumboNode* parent = node.parent;
                if (parent && is_element(*parent) && is_raw_text(tag_of(*parent)))
                    out_.append(text_of(node));
                else
                    append_escaped(out_, text_of(node), false);
                return false;
            }
            case GUMBO_NODE_CDATA:
                out_ += "<![CDATA[";
                out_.append(text_of(node));
                out_ += "]]>";
                return false;
            case GUMBO_NODE_COMMENT:
                out_ += "<!--";
                out_ += node.v.text.text ? node.v.text.text : "";
                out_ += "-->";
                return false;
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE:
                return start_tag(node);
            default:
                return true;
        }
    }

    bool start_tag(const GumboNode& node) {
        GumboTag tag = tag_of(node);
        if (is_dropped(tag)) return false;
        if (tag == GUMBO_TAG_STYLE) {
            std::string css;
            for (unsigned i = 0; i < children_of(node).length; ++i)
                css.append(text_of(*static_cast<const GumboNode*>(children_of(node).data[i])));
            ScopedCss scoped = scope_css(css, options_.scope, resources_);
            dropped_.insert(dropped_.end(), scoped.dropped.begin(), scoped.dropped.end());
            out_ += "<style>" + scoped.css + "</style>";
            return false;
        }
        std::string name = element_name(node);
        out_ += '<' + name;
        bool disable_script = tag == GUMBO_TAG_SCRIPT && !options_.run_scripts;
        if (disable_script) out_ += " type=\"text/x-deckport-disabled\"";
        std::optional<std::string> script_text;  // a <script src> from the deck, inlined
        const GumboVector& attributes = node.v.element.attributes;
        for (unsigned i = 0; i < attributes.length; ++i) {
            const auto& attr = *static_cast<const GumboAttribute*>(attributes.data[i]);
            std::string attr_name = attribute_name(attr);
            if (disable_script && attr_name == "type") continue;
            std::string value = attr.value ? attr.value : "";
            switch (reference_of(tag, name, attr_name)) {
                case Reference::dropped:
                    continue;
                case Reference::css: {
                    ScopedCss rewritten = rewrite_css_urls(value, resources_);
                    dropped_.insert(dropped_.end(), rewritten.dropped.begin(),
                                    rewritten.dropped.end());
                    value = rewritten.css;
                    break;
                }
                case Reference::file:
                    if (stays_in_page(value)) break;
                    if (tag == GUMBO_TAG_SCRIPT) {
                        script_text = media_.text(value);
                        if (script_text) continue;
                    } else if (auto url = media_.url(value)) {
                        value = *url;
                        break;
                    }
                    // Not in the deck: kept for the reader, never fetched.
                    attr_name = "data-deckport-missing";
                    if (tag == GUMBO_TAG_IMG && !attribute(node, "alt")) {
                        out_ += " alt=\"";
                        append_escaped(out_, "missing: " + value, true);
                        out_ += '"';
                    }
                    break;
                case Reference::none:
                    value = with_unique_hint_ids(attr_name, std::move(value), options_.id_suffix);
                    break;
            }
            out_ += ' ' + attr_name + "=\"";
            append_escaped(out_, value, true);
            out_ += '"';
        }
        out_ += '>';
        if (script_text) {
            for (std::size_t at = script_text->find("</script"); at != std::string::npos;
                 at = script_text->find("</script", at))
                script_text->replace(at, 2, "<\\/");
            out_ += *script_text;
            return false;
        }
        if (is_void_tag(tag)) return false;
        // The parser drops a line break right after these start tags: keep the one that was
        // content.
        if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_LISTING) {
            const GumboVector& children = children_of(node);
            if (children.length > 0 &&
                text_of(*static_cast<const GumboNode*>(children.data[0])).substr(0, 1) == "\n")
                out_ += '\n';
        }
        return true;
    }

    void leave(const GumboNode& node) {
        if (!is_element(node)) return;
        GumboTag tag = tag_of(node);
        if (is_dropped(tag) || tag == GUMBO_TAG_STYLE || is_void_tag(tag)) return;
        out_ += "</" + element_name(node) + '>';
    }

    MediaLinks& media_;
    const SideHtmlOptions& options_;
    std::vector<std::string>& dropped_;
    CssResources resources_;
    std::string out_;
};

}  // namespace

std::string side_html(std::string_view html, MediaLinks& media, const SideHtmlOptions& options,
                      std::vector<std::string>& dropped_css) {
    HtmlFragment fragment(html);
    return SideWriter(media, options, dropped_css).write(fragment.root());
}

}  // namespace deckport::preview_detail
