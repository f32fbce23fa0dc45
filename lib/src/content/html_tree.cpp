#include "html_tree.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <optional>

#include "html_guard.hpp"
#include "simple_html.hpp"

namespace deckport::content {

namespace {

// Zeroed: gumbo 0.10.1 reads some memory it allocated before writing it (valgrind shows it on
// inputs such as those of SimpleHtml.LeavesEverythingElseToGumbo), and its trees then depended
// on what the memory held before (the content fuzzer saw one field convert two ways).
void* arena_allocate(void* userdata, std::size_t size) {
    void* memory = static_cast<GumboArena*>(userdata)->allocate(size);
    std::memset(memory, 0, size);
    return memory;
}

void arena_deallocate(void*, void*) {}  // the arena frees everything at once

const GumboVector kNoChildren{nullptr, 0, 0};

}  // namespace

void* GumboArena::allocate(std::size_t size) {
    constexpr std::size_t kAlign = alignof(std::max_align_t);
    size = (std::max<std::size_t>(size, 1) + kAlign - 1) / kAlign * kAlign;
    if (size > left_) {
        std::size_t block = std::max(size, block_size_);
        block_size_ = std::min<std::size_t>(block_size_ * 2, 1024 * 1024);
        blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(block));
        next_ = blocks_.back().get();
        left_ = block;
    }
    void* result = next_;
    next_ += size;
    left_ -= size;
    return result;
}

void GumboArena::use_in(GumboOptions& options) {
    options.allocator = arena_allocate;
    options.deallocator = arena_deallocate;
    options.userdata = this;
}

HtmlFragment::HtmlFragment(std::string_view html, HtmlParser parser) {
    if (std::optional<std::string> tamed = tame_html(html)) {
        tamed_ = std::move(*tamed);
        html = tamed_;  // the nodes point into the buffer: it lives as long as we do
    }
    if (parser == HtmlParser::simple_when_possible) {
        root_ = parse_simple_html(html, arena_);
        if (root_) return;
    }
    GumboOptions options = kGumboDefaultOptions;
    arena_.use_in(options);
    options.max_errors = 0;  // we never report parse errors, so don't collect them
    options.fragment_context = GUMBO_TAG_BODY;
    options.fragment_namespace = GUMBO_NAMESPACE_HTML;
    output_ = gumbo_parse_with_options(&options, html.data(), html.size());
    root_ = output_->root;
}

const GumboVector& children_of(const GumboNode& node) {
    if (node.type == GUMBO_NODE_ELEMENT || node.type == GUMBO_NODE_TEMPLATE)
        return node.v.element.children;
    if (node.type == GUMBO_NODE_DOCUMENT) return node.v.document.children;
    return kNoChildren;
}

bool is_element(const GumboNode& node) {
    return node.type == GUMBO_NODE_ELEMENT || node.type == GUMBO_NODE_TEMPLATE;
}

bool is_text_like(const GumboNode& node) {
    return node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE ||
           node.type == GUMBO_NODE_CDATA;
}

std::string_view text_of(const GumboNode& node) {
    if (!is_text_like(node) || node.v.text.text == nullptr) return {};
    return node.v.text.text;
}

GumboTag tag_of(const GumboNode& node) {
    return is_element(node) ? node.v.element.tag : GUMBO_TAG_UNKNOWN;
}

std::string tag_name(const GumboNode& node) {
    if (!is_element(node)) return {};
    if (node.v.element.tag != GUMBO_TAG_UNKNOWN)
        return gumbo_normalized_tagname(node.v.element.tag);
    GumboStringPiece piece = node.v.element.original_tag;
    gumbo_tag_from_original_text(&piece);
    std::string name(piece.data == nullptr ? "" : std::string(piece.data, piece.length));
    std::transform(name.begin(), name.end(), name.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return name;
}

const char* attribute(const GumboNode& node, const char* name) {
    if (!is_element(node)) return nullptr;
    const GumboAttribute* attr = gumbo_get_attribute(&node.v.element.attributes, name);
    return attr == nullptr ? nullptr : attr->value;
}

std::size_t attribute_count(const GumboNode& node) {
    return is_element(node) ? node.v.element.attributes.length : 0;
}

bool is_block_tag(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_COL:
        case GUMBO_TAG_COLGROUP:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_DIR:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_FRAME:
        case GUMBO_TAG_FRAMESET:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_HTML:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_LEGEND:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_LINK:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_MENUITEM:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_NOFRAMES:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_OPTGROUP:
        case GUMBO_TAG_OPTION:
        case GUMBO_TAG_P:
        case GUMBO_TAG_PARAM:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TITLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_TRACK:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_BASE:
        case GUMBO_TAG_BASEFONT:
            return true;
        default:
            return false;
    }
}

bool is_void_tag(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_AREA:
        case GUMBO_TAG_BASE:
        case GUMBO_TAG_BR:
        case GUMBO_TAG_COL:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_IMG:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_LINK:
        case GUMBO_TAG_META:
        case GUMBO_TAG_PARAM:
        case GUMBO_TAG_SOURCE:
        case GUMBO_TAG_TRACK:
        case GUMBO_TAG_WBR:
        case GUMBO_TAG_BASEFONT:
        case GUMBO_TAG_BGSOUND:
        case GUMBO_TAG_KEYGEN:
        case GUMBO_TAG_FRAME:
            return true;
        default:
            return false;
    }
}

bool is_hidden_tag(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_TITLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_META:
        case GUMBO_TAG_LINK:
        case GUMBO_TAG_BASE:
            return true;
        default:
            return false;
    }
}

}  // namespace deckport::content
