// HTML -> markdown for inline content (see html_markdown_writer.hpp).
#include <algorithm>
#include <cstdint>
#include <string>

#include "deckport/content.hpp"
#include "escape.hpp"
#include "html_markdown_writer.hpp"
#include "html_serialize.hpp"
#include "markdown_escape.hpp"

#include <utf8proc.h>

namespace deckport::content {

namespace {

// CommonMark's classes for the characters around a delimiter run. `unknown` stands for what
// md4c and newer CommonMark read differently (symbols) and for invalid UTF-8: decisions must
// hold for both readings.
enum class CharClass { space, punctuation, other, unknown };

CharClass classify(std::int32_t code_point) {
    if (code_point < 0) return CharClass::unknown;
    if (code_point < 0x80) {
        char c = static_cast<char>(code_point);
        if (c == '\0' || is_ascii_space(c)) return CharClass::space;
        return is_ascii_punctuation(c) ? CharClass::punctuation : CharClass::other;
    }
    switch (utf8proc_category(code_point)) {
        case UTF8PROC_CATEGORY_ZS:
            return CharClass::space;
        case UTF8PROC_CATEGORY_PC:
        case UTF8PROC_CATEGORY_PD:
        case UTF8PROC_CATEGORY_PS:
        case UTF8PROC_CATEGORY_PE:
        case UTF8PROC_CATEGORY_PI:
        case UTF8PROC_CATEGORY_PF:
        case UTF8PROC_CATEGORY_PO:
            return CharClass::punctuation;
        case UTF8PROC_CATEGORY_SM:
        case UTF8PROC_CATEGORY_SC:
        case UTF8PROC_CATEGORY_SK:
        case UTF8PROC_CATEGORY_SO:
            return CharClass::unknown;
        default:
            return CharClass::other;
    }
}

// The class of the first character of `text` (white space when there is none).
CharClass class_of_first(std::string_view text) {
    if (text.empty()) return CharClass::space;
    utf8proc_int32_t code_point = -1;
    utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                     static_cast<utf8proc_ssize_t>(std::min<std::size_t>(text.size(), 4)),
                     &code_point);
    return classify(code_point);
}

// The class of the last character of `text` (white space when there is none).
CharClass class_of_last(std::string_view text) {
    if (text.empty()) return CharClass::space;
    std::size_t start = text.size() - 1;
    while (start > 0 && text.size() - start < 4 &&
           (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        --start;
    return class_of_first(text.substr(start));
}

template <class Rule>
bool holds_for_every_reading(CharClass before, CharClass after, Rule rule) {
    auto readings = [](CharClass cls) -> std::vector<CharClass> {
        if (cls == CharClass::unknown) return {CharClass::punctuation, CharClass::other};
        return {cls};
    };
    for (CharClass b : readings(before)) {
        for (CharClass a : readings(after)) {
            if (!rule(b, a)) return false;
        }
    }
    return true;
}

bool left_flanking(CharClass before, CharClass after) {
    return after != CharClass::space &&
           (after != CharClass::punctuation || before != CharClass::other);
}
bool right_flanking(CharClass before, CharClass after) {
    return before != CharClass::space &&
           (before != CharClass::punctuation || after != CharClass::other);
}

// Whether a delimiter run of `delimiter` between `before` and `after` opens (or closes).
bool can_open(char delimiter, CharClass before, CharClass after) {
    return holds_for_every_reading(before, after, [&](CharClass b, CharClass a) {
        if (!left_flanking(b, a)) return false;
        if (delimiter != '_') return true;
        return !right_flanking(b, a) || b == CharClass::punctuation;
    });
}
bool can_close(char delimiter, CharClass before, CharClass after) {
    return holds_for_every_reading(before, after, [&](CharClass b, CharClass a) {
        if (!right_flanking(b, a)) return false;
        if (delimiter != '_') return true;
        return !left_flanking(b, a) || a == CharClass::punctuation;
    });
}

std::string element_start_tag(const GumboNode& node) {
    std::string tag;
    append_start_tag(tag, node);
    return tag;
}
std::string element_end_tag(const GumboNode& node) {
    std::string tag;
    append_end_tag(tag, node);
    return tag;
}

// Text of the descendants when they are all text; nullopt otherwise.
bool collect_text(const GumboNode& node, std::string& text) {
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i) {
        const auto& child = *static_cast<const GumboNode*>(children.data[i]);
        if (is_text_like(child)) {
            text += text_of(child);
        } else if (child.type != GUMBO_NODE_COMMENT) {
            return false;
        }
    }
    return true;
}

bool has_only_attributes(const GumboNode& node, std::initializer_list<std::string_view> allowed) {
    const GumboVector& attributes = node.v.element.attributes;
    for (unsigned i = 0; i < attributes.length; ++i) {
        std::string_view name = static_cast<const GumboAttribute*>(attributes.data[i])->name;
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) return false;
    }
    return true;
}

// A link destination as markdown, or nullopt-like empty result when markdown cannot carry it.
bool append_destination(std::string& out, std::string_view url) {
    bool needs_angle = url.empty();
    int depth = 0;
    for (char c : url) {
        if (c == '<' || c == '>' || c == '\n' || c == '\r' || c == '\0') return false;
        if (c == ' ' || c == '\t' || static_cast<unsigned char>(c) < 0x20) needs_angle = true;
        if (c == '(') ++depth;
        if (c == ')' && --depth < 0) needs_angle = true;
    }
    if (depth != 0) needs_angle = true;
    if (needs_angle) out += '<';
    for (std::size_t i = 0; i < url.size(); ++i) {
        char c = url[i];
        if (c == '\\' || (c == '&' && url.find(';', i) != std::string_view::npos)) out += '\\';
        out += c;
    }
    if (needs_angle) out += '>';
    return true;
}

bool append_title(std::string& out, std::string_view title) {
    if (title.find('\n') != std::string_view::npos || title.find('\r') != std::string_view::npos)
        return false;
    out += " \"";
    for (std::size_t i = 0; i < title.size(); ++i) {
        char c = title[i];
        if (c == '"' || c == '\\' || (c == '&' && title.find(';', i) != std::string_view::npos))
            out += '\\';
        out += c;
    }
    out += '"';
    return true;
}

// Shortest run of backticks that does not occur in `text`.
std::string code_fence(std::string_view text, std::size_t minimum) {
    std::vector<std::size_t> runs;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '`') {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < text.size() && text[i] == '`') ++i;
        runs.push_back(i - start);
    }
    std::size_t length = minimum;
    while (std::find(runs.begin(), runs.end(), length) != runs.end()) ++length;
    return std::string(length, '`');
}

// Whether the first or last child with content is <b> or <strong>.
bool strong_at_an_edge(const GumboNode& node) {
    const GumboVector& children = children_of(node);
    auto is_strong = [&](unsigned i) {
        GumboTag tag = tag_of(*static_cast<const GumboNode*>(children.data[i]));
        return tag == GUMBO_TAG_B || tag == GUMBO_TAG_STRONG;
    };
    return children.length > 0 && (is_strong(0) || is_strong(children.length - 1));
}

}  // namespace

InlineWriter::InlineWriter(InlineContext context, char before)
    : context_(context), before_(before), line_start_(before == '\0') {}

std::string_view InlineWriter::previous() const {
    if (!out_.empty()) return out_;
    return before_ == '\0' ? std::string_view() : std::string_view(&before_, 1);
}

void InlineWriter::settle_closer(std::string_view next) {
    if (!closer_.active) return;
    closer_.active = false;
    std::string_view content = std::string_view(out_).substr(
        closer_.start + closer_.delimiter.size(), closer_.content_size);
    if (can_close(closer_.delimiter[0], class_of_last(content), class_of_first(next))) return;
    // CommonMark would not read the closing delimiter: write the element as tags instead.
    std::string kept(content);
    out_.resize(closer_.start);
    out_ += closer_.open_tag;
    out_ += kept;
    out_ += closer_.close_tag;
}

void InlineWriter::before_visible(std::string_view next) {
    if (pending_breaks_ > 0) {
        settle_closer("\\");
        for (; pending_breaks_ > 0; --pending_breaks_) out_ += "\\\n";
        line_start_ = true;
        pending_space_ = false;  // white space after a line break is not shown
    }
    if (pending_space_) {
        // White space before anything visible was reported as leading_space.
        if (!out_.empty()) {
            settle_closer(" ");
            out_ += ' ';
        }
        pending_space_ = false;
    }
    settle_closer(next);
}

void InlineWriter::write(const GumboNode& node, int depth) {
    if (failed_) return;
    if (is_text_like(node)) {
        write_text(text_of(node));
    } else if (is_element(node)) {
        write_element(node, depth);
    }
}

void InlineWriter::write_text(std::string_view text) {
    math_closes_[0] = math_closes_[1] = 0;  // positions in this text: search afresh
    // MathJax's `\(…\)` and `\[…\]` are found in the text as written (their TeX keeps its
    // line breaks); the text around them is collapsed as a browser collapses it.
    std::size_t plain_start = 0;
    std::size_t i = 0;
    while (i + 1 < text.size()) {
        if (text[i] != '\\' || (text[i + 1] != '(' && text[i + 1] != '[')) {
            ++i;
            continue;
        }
        write_collapsed(text.substr(plain_start, i - plain_start));
        plain_start = i;
        if (write_math(text, i)) {
            plain_start = i;
            continue;
        }
        i += 2;
    }
    write_collapsed(text.substr(plain_start));
}

void InlineWriter::write_collapsed(std::string_view text) {
    std::string collapsed;
    collapsed.reserve(text.size());
    for (char c : text) {
        if (is_ascii_space(c)) {
            if (collapsed.empty() || collapsed.back() != ' ') collapsed += ' ';
        } else {
            collapsed += c;
        }
    }
    auto note_space = [&] {
        if (out_.empty() && pending_breaks_ == 0) leading_space_ = true;
        pending_space_ = true;
    };
    // Spaces at the ends stay pending, spaces inside are written with the text (so that
    // `[sound:a b.mp3]` is seen whole by the escaper).
    std::size_t first = collapsed.find_first_not_of(' ');
    if (first == std::string::npos) {
        if (!collapsed.empty()) note_space();
        return;
    }
    if (first > 0) note_space();
    std::size_t last = collapsed.find_last_not_of(' ');
    write_plain(std::string_view(collapsed).substr(first, last + 1 - first));
    if (last + 1 < collapsed.size()) note_space();
}

void InlineWriter::write_plain(std::string_view text) {
    if (text.empty()) return;
    before_visible(text);
    std::size_t start = 0;
    // A no-break space reads better as its reference than as an invisible character.
    for (std::size_t nbsp = text.find(kNoBreakSpace); nbsp != std::string_view::npos;
         nbsp = text.find(kNoBreakSpace, start)) {
        append_markdown_escaped(out_, text.substr(start, nbsp - start), line_start_,
                                context_.in_link_text);
        out_ += "&nbsp;";
        line_start_ = false;
        start = nbsp + kNoBreakSpace.size();
    }
    append_markdown_escaped(out_, text.substr(start), line_start_ && start == 0,
                            context_.in_link_text);
    line_start_ = false;
}

// MathJax delimiters \(…\) and \[…\] in text stay as they are: markdown reads them as math and
// keeps their TeX as written. `i` is at the backslash and moves past the math when it is
// written; when markdown would not read it back the same, the caller writes it as text.
bool InlineWriter::write_math(std::string_view text, std::size_t& i) {
    bool display = text[i + 1] == '[';
    std::string_view close = display ? "\\]" : "\\)";
    // The next closing delimiter, remembered: a text of many `\(` searches once, not each time.
    std::size_t& cached = math_closes_[display ? 1 : 0];
    if (cached != std::string_view::npos && cached < i + 2) cached = text.find(close, i + 2);
    std::size_t end = cached;
    if (end == std::string_view::npos) return false;
    std::string_view tex = text.substr(i + 2, end - i - 2);
    std::size_t after = end + 2;
    // Next to a `$`, the mask that markdown reads this math with would make a `$$`.
    std::string_view before = previous();
    if ((!before.empty() && before.back() == '$') || (after < text.size() && text[after] == '$'))
        return false;
    bool breaks = tex.find_first_of("\r\n") != std::string_view::npos;
    if ((context_.in_table_cell && tex.find('|') != std::string_view::npos) ||
        (context_.in_heading && breaks))
        return false;
    std::string markdown(text.substr(i, after - i));
    // Ask the renderer: a line of the TeX could start a block, its indentation would be
    // dropped, or what precedes could make the backslash an escaped one.
    std::string expected = display ? "\\[" : "\\(";
    append_html_text_escaped(expected, tex);
    expected += display ? "\\]" : "\\)";
    if (markdown_to_html(markdown) != expected) return false;
    before_visible("\\");
    out_ += markdown;
    line_start_ = false;
    i = after;
    return true;
}

void InlineWriter::write_children(const GumboNode& node, int depth) {
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length && !failed_; ++i)
        write(*static_cast<const GumboNode*>(children.data[i]), depth + 1);
}

void InlineWriter::write_element(const GumboNode& node, int depth) {
    GumboTag tag = tag_of(node);
    if (is_hidden_tag(tag)) return;
    if (is_block_tag(tag) || starts_markdown_html_block(tag_name(node))) {
        failed_ = true;
        return;
    }
    if (depth > kMaxMarkdownInlineDepth) {
        std::string raw;
        append_raw_html(raw, node);
        if (context_.in_table_cell && raw.find('|') != std::string::npos) failed_ = true;
        before_visible("<");
        out_ += raw;
        line_start_ = false;
        return;
    }
    switch (tag) {
        case GUMBO_TAG_BR:
            if (context_.in_heading) {
                failed_ = true;
            } else if (context_.in_table_cell) {
                before_visible("<");
                out_ += "<br>";
            } else {
                settle_closer("\\");
                pending_space_ = false;  // white space before a line break is not shown
                ++pending_breaks_;
            }
            return;
        case GUMBO_TAG_B:
        case GUMBO_TAG_STRONG:
            if (attribute_count(node) == 0) return write_emphasis(node, depth, GUMBO_TAG_STRONG);
            break;
        case GUMBO_TAG_I:
        case GUMBO_TAG_EM:
            if (attribute_count(node) == 0) return write_emphasis(node, depth, GUMBO_TAG_EM);
            break;
        case GUMBO_TAG_S:
        case GUMBO_TAG_DEL:
        case GUMBO_TAG_STRIKE:
            if (attribute_count(node) == 0) return write_emphasis(node, depth, GUMBO_TAG_DEL);
            break;
        case GUMBO_TAG_CODE:
            if (attribute_count(node) == 0) return write_code(node);
            break;
        case GUMBO_TAG_A:
            if (attribute(node, "href") != nullptr && has_only_attributes(node, {"href", "title"}))
                return write_link(node, depth);
            break;
        case GUMBO_TAG_IMG:
            if (attribute(node, "src") != nullptr &&
                has_only_attributes(node, {"src", "alt", "title"}))
                return write_image(node);
            break;
        default:
            break;
    }
    write_raw_element(node, depth);
}

// An element markdown has no syntax for: its tags as raw HTML, its content as markdown.
void InlineWriter::write_raw_element(const GumboNode& node, int depth) {
    std::string name = tag_name(node);
    if (!is_valid_tag_name(name)) {  // a tag raw HTML cannot carry: keep what it holds
        write_children(node, depth);
        return;
    }
    std::string open = element_start_tag(node);
    if (context_.in_table_cell && open.find('|') != std::string::npos) {
        failed_ = true;
        return;
    }
    before_visible("<");
    out_ += open;
    line_start_ = false;
    if (is_void_tag(tag_of(node))) return;
    // Inside the tags the text goes on: white space stays pending across them.
    write_children(node, depth);
    if (failed_) return;
    settle_closer("<");
    if (pending_breaks_ > 0) before_visible("<");
    out_ += element_end_tag(node);
}

void InlineWriter::write_emphasis(const GumboNode& node, int depth, GumboTag style) {
    // Emphasis inside the same emphasis shows nothing more.
    unsigned bit = style == GUMBO_TAG_STRONG ? 1u : style == GUMBO_TAG_EM ? 2u : 4u;
    if (styles_ & bit) {
        write_children(node, depth);
        return;
    }
    std::string_view preferred = style == GUMBO_TAG_STRONG ? "**"
                                 : style == GUMBO_TAG_EM   ? "*"
                                                           : "~~";
    // `_**a**_` reads better than `*__a__*`.
    if (style == GUMBO_TAG_EM && strong_at_an_edge(node)) preferred = "_";
    InlineWriter inner(context_, preferred[0]);
    inner.styles_ = styles_ | bit;
    inner.write_children(node, depth);
    Result content = inner.finish(preferred[0]);
    if (content.failed) {
        failed_ = true;
        return;
    }
    if (content.markdown.empty()) {
        if (content.leading_space || content.trailing_space) pending_space_ = true;
        return;
    }
    if (content.leading_space) pending_space_ = true;
    before_visible(content.markdown);
    std::string_view before = previous();

    std::size_t kind = style == GUMBO_TAG_STRONG ? 0 : style == GUMBO_TAG_EM ? 1 : 2;
    static constexpr std::string_view kOpenTags[] = {"<strong>", "<em>", "<del>"};
    static constexpr std::string_view kCloseTags[] = {"</strong>", "</em>", "</del>"};
    std::string_view open_tag = kOpenTags[kind];
    std::string_view close_tag = kCloseTags[kind];

    std::string_view candidates[2] = {preferred, {}};
    if (style == GUMBO_TAG_STRONG) candidates[1] = "__";
    if (style == GUMBO_TAG_EM) candidates[1] = preferred == "_" ? "*" : "_";
    std::string_view chosen;
    for (std::string_view delimiter : candidates) {
        if (delimiter.empty()) continue;
        char c = delimiter[0];
        if ((!before.empty() && before.back() == c) || content.markdown.front() == c ||
            content.markdown.back() == c)
            continue;
        if (!can_open(c, class_of_last(before), class_of_first(content.markdown))) continue;
        chosen = delimiter;
        break;
    }
    if (chosen.empty()) {
        out_ += open_tag;
        out_ += content.markdown;
        out_ += close_tag;
    } else {
        closer_ = {true, out_.size(), chosen, content.markdown.size(), open_tag, close_tag};
        out_ += chosen;
        out_ += content.markdown;
        out_ += chosen;
    }
    line_start_ = false;
    pending_space_ = content.trailing_space;
}

void InlineWriter::write_code(const GumboNode& node) {
    std::string text;
    if (!collect_text(node, text) || text.empty() ||
        (context_.in_table_cell && text.find('|') != std::string::npos)) {
        write_raw_element(node, 0);
        return;
    }
    for (char& c : text) {
        if (c == '\n' || c == '\r') c = ' ';  // a browser shows them as spaces
    }
    std::string fence = code_fence(text, 1);
    bool all_spaces = text.find_first_not_of(' ') == std::string::npos;
    bool pad = text.front() == '`' || text.back() == '`' ||
               (!all_spaces && text.front() == ' ' && text.back() == ' ');
    before_visible("`");
    out_ += fence;
    if (pad) out_ += ' ';
    out_ += text;
    if (pad) out_ += ' ';
    out_ += fence;
    line_start_ = false;
}

void InlineWriter::write_link(const GumboNode& node, int depth) {
    std::string tail = "(";
    const char* title = attribute(node, "title");
    if (!append_destination(tail, attribute(node, "href")) ||
        (title != nullptr && !append_title(tail, title)) ||
        (context_.in_table_cell && tail.find('|') != std::string::npos)) {
        write_raw_element(node, depth);
        return;
    }
    tail += ')';
    InlineContext link_context = context_;
    link_context.in_link_text = true;
    InlineWriter inner(link_context, '[');
    inner.styles_ = styles_;
    inner.write_children(node, depth);
    Result text = inner.finish(']');
    if (text.failed) {
        failed_ = true;
        return;
    }
    if (text.leading_space) pending_space_ = true;
    before_visible("[");
    // `![` would make the link an image.
    if (!out_.empty() && out_.back() == '!') {
        out_.back() = '\\';
        out_ += '!';
    }
    out_ += '[';
    out_ += text.markdown;
    out_ += ']';
    out_ += tail;
    line_start_ = false;
    pending_space_ = text.trailing_space;
}

void InlineWriter::write_image(const GumboNode& node) {
    const char* alt = attribute(node, "alt");
    std::string_view alt_text = alt == nullptr ? "" : alt;
    std::string markdown = "![";
    // `![](a.png)` renders without alt, so an empty alt="" stays a tag to come back as written.
    bool ok = (alt == nullptr || !alt_text.empty()) &&
              alt_text.find_first_of("\n\r\t") == std::string_view::npos &&
              (alt_text.empty() || (alt_text.front() != ' ' && alt_text.back() != ' '));
    if (ok) {
        std::string escaped;
        append_markdown_escaped(escaped, alt_text, false, true);
        std::size_t start = 0;
        for (std::size_t nbsp = escaped.find(kNoBreakSpace); nbsp != std::string::npos;
             nbsp = escaped.find(kNoBreakSpace, start)) {
            markdown.append(escaped, start, nbsp - start);
            markdown += "&nbsp;";
            start = nbsp + kNoBreakSpace.size();
        }
        markdown.append(escaped, start);
        markdown += "](";
        const char* title = attribute(node, "title");
        ok = append_destination(markdown, attribute(node, "src")) &&
             (title == nullptr || append_title(markdown, title));
        markdown += ')';
    }
    if (!ok || (context_.in_table_cell && markdown.find('|') != std::string::npos)) {
        write_raw_element(node, 0);
        return;
    }
    before_visible("!");
    out_ += markdown;
    line_start_ = false;
}

InlineWriter::Result InlineWriter::finish(char after) {
    settle_closer(pending_breaks_ > 0 ? std::string_view("<")
                  : after == '\0'     ? std::string_view()
                                      : std::string_view(&after, 1));
    // Line breaks at the end show nothing in markdown; as tags they still count.
    for (; pending_breaks_ > 0; --pending_breaks_) out_ += "<br>";
    return {std::move(out_), leading_space_, pending_space_, failed_};
}

bool starts_markdown_html_block(std::string_view name) {
    // CommonMark's list (HTML block condition 6) less h2-h6: md4c before 0.5.0 (Debian 12 has
    // 0.4.8) reads a line that starts with them as a paragraph (mity/md4c#214), where `$…$` is
    // math and markdown syntax applies. Such blocks are wrapped in a <div> instead.
    static constexpr std::string_view kNames[] = {
        "address", "article",  "aside",  "base",     "basefont", "blockquote", "body",
        "caption", "center",   "col",    "colgroup", "dd",       "details",    "dialog",
        "dir",     "div",      "dl",     "dt",       "fieldset", "figcaption", "figure",
        "footer",  "form",     "frame",  "frameset", "h1",       "head",       "header",
        "hr",      "html",     "iframe", "legend",   "li",       "link",       "main",
        "menu",    "menuitem", "nav",    "noframes", "ol",       "optgroup",   "option",
        "p",       "param",    "search", "section",  "summary",  "table",      "tbody",
        "td",      "tfoot",    "th",     "thead",    "title",    "tr",         "track",
        "ul",      "pre",      "script", "style",    "textarea"};
    return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

}  // namespace deckport::content
