// Unbalanced HTML found with gumbo: elements whose end tag never comes, elements closed by
// another element's end tag (misnesting), and end tags that close nothing (gumbo drops them:
// they sit inside a text node's source, or in bytes that no node accounts for).
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <utility>

#include "content/html_guard.hpp"
#include "content/html_tree.hpp"
#include "lint/lint_support.hpp"

namespace deckport::lint_detail {
namespace {

// HTML lets these end tags be left out; a browser closes the element where it should.
bool end_tag_optional(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_OPTION:
        case GUMBO_TAG_OPTGROUP:
        case GUMBO_TAG_COLGROUP:
        case GUMBO_TAG_RP:
        case GUMBO_TAG_RT:
        case GUMBO_TAG_HTML:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_CAPTION:
            return true;
        default:
            return false;
    }
}

struct Walk {
    std::string_view html;
    std::vector<std::pair<std::size_t, std::size_t>> covered;   // [begin, end) source ranges
    std::vector<std::pair<std::size_t, HtmlProblem>> problems;  // by source offset
    std::set<std::size_t> reported;
};

std::size_t offset_in(const Walk& walk, const GumboStringPiece& piece) {
    return static_cast<std::size_t>(piece.data - walk.html.data());
}

bool inside(const Walk& walk, const GumboStringPiece& piece) {
    return piece.data != nullptr && piece.length > 0 && piece.data >= walk.html.data() &&
           piece.data + piece.length <= walk.html.data() + walk.html.size();
}

void cover(Walk& walk, const GumboStringPiece& piece) {
    if (!inside(walk, piece)) return;
    std::size_t begin = offset_in(walk, piece);
    walk.covered.emplace_back(begin, begin + piece.length);
}

void report(Walk& walk, const GumboStringPiece& tag, std::string message) {
    std::size_t offset = offset_in(walk, tag);
    if (!walk.reported.insert(offset).second) return;
    walk.problems.push_back({offset, {std::move(message), std::string(tag.data, tag.length)}});
}

std::string tag_name(const GumboElement& element) {
    if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
    GumboStringPiece name = element.original_tag;
    gumbo_tag_from_original_text(&name);
    return std::string(name.data, name.length);
}

bool raw_text(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_TITLE:
        case GUMBO_TAG_XMP:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_NOEMBED:
        case GUMBO_TAG_NOFRAMES:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_PLAINTEXT:
            return true;
        default:
            return false;
    }
}

// The lower-case name in an end tag as written: `</B >` -> "b".
std::string end_tag_name(const GumboStringPiece& end_tag) {
    std::string name;
    for (std::size_t i = 2; i < end_tag.length; ++i) {
        char c = end_tag.data[i];
        if (c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
            break;
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return name;
}

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// An end tag that the parser ignored inside a run of text: gumbo folds it into the text node.
void report_end_tags_in_text(Walk& walk, const GumboStringPiece& text) {
    if (!inside(walk, text)) return;
    std::string_view run(text.data, text.length);
    for (std::size_t at = run.find("</"); at != std::string_view::npos;
         at = run.find("</", at + 2)) {
        if (at + 2 >= run.size() || !std::isalpha(static_cast<unsigned char>(run[at + 2])))
            continue;
        std::size_t close = run.find('>', at);
        if (close == std::string_view::npos) return;
        std::size_t offset = offset_in(walk, text) + at;
        if (!walk.reported.insert(offset).second) continue;
        std::string tag(run.substr(at, close + 1 - at));
        walk.problems.push_back({offset, {tag + " closes no open element", tag}});
    }
}

void walk_node(const GumboNode* node, Walk& walk, bool in_raw_text) {
    switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
            cover(walk, node->v.text.original_text);
            if (!in_raw_text) report_end_tags_in_text(walk, node->v.text.original_text);
            return;
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_COMMENT:
            cover(walk, node->v.text.original_text);
            return;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
            break;
        default:
            return;
    }
    const GumboElement& element = node->v.element;
    cover(walk, element.original_tag);
    cover(walk, element.original_end_tag);
    unsigned flags = node->parse_flags;
    bool written = inside(walk, element.original_tag);
    std::string name = lower(tag_name(element));
    bool self_closed_foreign =
        element.tag_namespace != GUMBO_NAMESPACE_HTML &&
        std::string_view(element.original_tag.data, element.original_tag.length).ends_with("/>");
    if (!written || (flags & (GUMBO_INSERTION_BY_PARSER | GUMBO_INSERTION_IMPLIED)) ||
        content::is_void_tag(element.tag) || self_closed_foreign) {
        // Made by the parser, or needs no end tag.
    } else if (flags & GUMBO_INSERTION_CONVERTED_FROM_END_TAG) {
        report(walk, element.original_tag, "</" + name + "> closes no open element");
    } else if (element.original_end_tag.length == 0) {
        if (!end_tag_optional(element.tag)) {
            report(walk, element.original_tag, "<" + name + "> is never closed");
        }
    } else if (std::string closed_by = end_tag_name(element.original_end_tag);
               closed_by != name && !end_tag_optional(element.tag)) {
        report(walk, element.original_tag,
               "<" + name + "> is closed by </" + closed_by + "> before its own end tag");
    }
    bool raw = in_raw_text || raw_text(element.tag);
    for (unsigned i = 0; i < element.children.length; ++i) {
        walk_node(static_cast<const GumboNode*>(element.children.data[i]), walk, raw);
    }
}

// End tags in source bytes that no node accounts for: the parser ignored them.
void report_ignored_end_tags(Walk& walk) {
    std::sort(walk.covered.begin(), walk.covered.end());
    std::size_t position = 0;
    auto scan = [&](std::size_t begin, std::size_t end) {
        for (std::size_t at = walk.html.find("</", begin); at != std::string_view::npos && at < end;
             at = walk.html.find("</", at + 2)) {
            std::size_t close = walk.html.find('>', at);
            if (close == std::string_view::npos || close >= end) return;
            std::string_view tag = walk.html.substr(at, close + 1 - at);
            if (walk.reported.insert(at).second) {
                walk.problems.push_back(
                    {at, {std::string(tag) + " closes no open element", std::string(tag)}});
            }
        }
    };
    for (const auto& [begin, end] : walk.covered) {
        if (begin > position) scan(position, begin);
        position = std::max(position, end);
    }
    if (position < walk.html.size()) scan(position, walk.html.size());
}

}  // namespace

std::vector<HtmlProblem> html_problems(std::string_view source) {
    if (source.find('<') == std::string_view::npos) return {};
    // A field with many tags is parsed as tame_html rewrites it (nesting capped), like every
    // other reader of field HTML: raw, a hostile field made gumbo take minutes and gigabytes.
    // Its problems are then located at the field's start.
    std::optional<std::string> tamed = content::tame_html(source);
    std::string_view html = tamed ? std::string_view(*tamed) : source;
    GumboOptions options = kGumboDefaultOptions;
    content::GumboArena arena;  // freed at once, as the converters' parses are
    arena.use_in(options);
    options.max_errors = 0;  // the problems are read from the nodes' flags, not gumbo's errors
    options.fragment_context = GUMBO_TAG_DIV;
    options.fragment_namespace = GUMBO_NAMESPACE_HTML;
    GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
    Walk walk{html, {}, {}, {}};
    walk_node(output->root, walk, false);
    report_ignored_end_tags(walk);
    std::sort(walk.problems.begin(), walk.problems.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<HtmlProblem> problems;
    for (auto& [offset, problem] : walk.problems) {
        problem.offset = tamed ? 0 : offset;
        problems.push_back(std::move(problem));
    }
    return problems;
}

}  // namespace deckport::lint_detail
