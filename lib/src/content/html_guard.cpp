#include "html_guard.hpp"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <gumbo.h>

#include "escape.hpp"

namespace deckport::content {

namespace {

// At most this many `<` (and tags times input bytes): then the parser's worst case is small.
constexpr std::size_t kUntouchedTags = 500;
constexpr std::size_t kUntouchedTagBytes = 32u << 20;
// A field with tags and more bytes than this is re-tokenized too: one tag may hold tens of
// thousands of attributes, and the parsers look for duplicates among them in quadratic time.
constexpr std::size_t kUntouchedTaggedFieldBytes = 64u << 10;
// Attributes kept per tag when re-tokenized (the first of duplicates, as the parsers keep).
constexpr std::size_t kMaxAttributesPerTag = 256;
// Open formatting elements may cost (tag bytes + a node's overhead) this much per tag in the
// input, since each new block may copy them all.
constexpr std::size_t kFormattingBudget = 64u << 20;

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_void(std::string_view name) {
    return is_one_of(
        name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
               "source", "track", "wbr", "keygen", "bgsound", "basefont", "frame", "image"});
}

// Elements that the next one of their kind (or the end of their table) closes, so that they
// cannot nest without some other element in between.
bool never_nests(std::string_view name) {
    return is_one_of(name, {"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
                            "tbody", "tfoot", "colgroup", "caption", "html", "head", "body"});
}

// The standard's "special" elements: an end tag does not close past them.
bool is_special(std::string_view name) {
    return !is_one_of(
        name, {"a",      "abbr", "b",    "bdi",  "bdo", "big",  "cite",  "code",  "data",
               "dfn",    "em",   "font", "i",    "kbd", "mark", "nobr",  "q",     "rb",
               "rp",     "rt",   "rtc",  "ruby", "s",   "samp", "small", "span",  "strike",
               "strong", "sub",  "sup",  "time", "tt",  "u",    "var",   "label", "output"});
}

// The elements the standard re-opens in every new block while they are unclosed.
bool is_formatting(std::string_view name) {
    return is_one_of(name, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small",
                            "strike", "strong", "tt", "u"});
}

// Elements whose content never reaches a reader: dropped with their content.
bool is_dropped_raw_text(std::string_view name) {
    return is_one_of(name, {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"});
}

// Elements whose content is text up to their end tag, references decoded.
bool is_escapable_raw_text(std::string_view name) {
    return is_one_of(name, {"textarea", "title"});
}

struct Attribute {
    std::string name;
    std::string_view value;
};

struct Tag {
    std::string name;  // lower case
    std::vector<Attribute> attributes;
    bool end = false;
    bool self_closing = false;
    bool complete = false;  // false when the input ends inside the tag
    std::size_t next = 0;   // position after the tag
};

// Reads a tag at html[at] == '<' followed by a letter (after `</` for end tags), the way the
// HTML tokenizer reads it.
Tag read_tag(std::string_view html, std::size_t at) {
    Tag tag;
    std::size_t i = at + 1;
    if (html[i] == '/') {
        tag.end = true;
        ++i;
    }
    const std::size_t n = html.size();
    while (i < n && !is_ascii_space(html[i]) && html[i] != '/' && html[i] != '>')
        tag.name += ascii_lower(html[i++]);
    while (true) {
        while (i < n && is_ascii_space(html[i])) ++i;
        if (i >= n) return tag;
        if (html[i] == '>') {
            tag.complete = true;
            tag.next = i + 1;
            return tag;
        }
        if (html[i] == '/') {
            if (i + 1 < n && html[i + 1] == '>') {
                tag.self_closing = true;
                tag.complete = true;
                tag.next = i + 2;
                return tag;
            }
            ++i;
            continue;
        }
        Attribute attribute;
        attribute.name += ascii_lower(html[i++]);  // even `=` belongs to the name here
        while (i < n && !is_ascii_space(html[i]) && html[i] != '/' && html[i] != '>' &&
               html[i] != '=')
            attribute.name += ascii_lower(html[i++]);
        while (i < n && is_ascii_space(html[i])) ++i;
        if (i < n && html[i] == '=') {
            ++i;
            while (i < n && is_ascii_space(html[i])) ++i;
            if (i < n && (html[i] == '"' || html[i] == '\'')) {
                char quote = html[i++];
                std::size_t close = html.find(quote, i);
                if (close == std::string_view::npos) return tag;
                attribute.value = html.substr(i, close - i);
                i = close + 1;
            } else {
                std::size_t start = i;
                while (i < n && !is_ascii_space(html[i]) && html[i] != '>') ++i;
                attribute.value = html.substr(start, i - start);
            }
        }
        tag.attributes.push_back(std::move(attribute));
    }
}

// Where the content of a raw-text element ends: at `</name` followed by white space, `/` or
// `>`, or at the end of the input.
std::size_t raw_text_end(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t i = html.find("</", from); i != std::string_view::npos;
         i = html.find("</", i + 2)) {
        std::size_t j = 0;
        while (j < name.size() && i + 2 + j < html.size() &&
               ascii_lower(html[i + 2 + j]) == name[j])
            ++j;
        if (j != name.size()) continue;
        std::size_t after = i + 2 + j;
        if (after >= html.size() || is_ascii_space(html[after]) || html[after] == '/' ||
            html[after] == '>')
            return i;
    }
    return html.size();
}

void append_escaped_text(std::string& out, std::string_view text) {
    for (char c : text) {
        if (c == '<') {
            out += "&lt;";
        } else {
            out += c;
        }
    }
}

class Tamer {
  public:
    Tamer(std::string_view html, std::size_t tags)
        : html_(html), budget_(std::max<std::size_t>(512, kFormattingBudget / (tags + 1))) {
        out_.reserve(html.size());
    }

    std::string run() {
        std::size_t i = 0;
        const std::size_t n = html_.size();
        while (i < n) {
            std::size_t lt = html_.find('<', i);
            if (lt == std::string_view::npos) lt = n;
            out_.append(html_.substr(i, lt - i));
            if (lt == n) break;
            i = markup(lt);
        }
        return std::move(out_);
    }

  private:
    struct Open {
        std::string name;
        bool special = false;
    };
    struct Active {
        std::string name;
        std::size_t cost = 0;
    };

    // End of a comment that starts at html_[at] == "<!--".
    std::size_t comment_end(std::size_t at) {
        std::size_t body = at + 4;
        if (html_.substr(body, 1) == ">") return body + 1;   // <!-->
        if (html_.substr(body, 2) == "->") return body + 2;  // <!--->
        // Both searches are remembered, so that many comments cost one pass over the input.
        if (next_close_ != std::string_view::npos && next_close_ < body)
            next_close_ = html_.find("-->", body);
        if (next_bang_close_ != std::string_view::npos && next_bang_close_ < body)
            next_bang_close_ = html_.find("--!>", body);
        std::size_t end = html_.size();
        if (next_close_ != std::string_view::npos) end = next_close_ + 3;
        if (next_bang_close_ != std::string_view::npos && next_bang_close_ + 4 < end)
            end = next_bang_close_ + 4;
        return end;
    }

    // Handles what starts at html_[at] == '<'; returns where to go on.
    std::size_t markup(std::size_t at) {
        std::string_view rest = html_.substr(at);
        if (rest.substr(0, 4) == "<!--") return comment_end(at);
        bool end_tag = rest.size() > 1 && rest[1] == '/';
        std::size_t name_at = end_tag ? 2 : 1;
        if (rest.size() > name_at && is_ascii_letter(rest[name_at])) {
            Tag tag = read_tag(html_, at);
            if (!tag.complete) return html_.size();  // the tokenizer drops an unfinished tag
            return tag.end ? end(tag) : start(tag);
        }
        if (end_tag || (rest.size() > 1 && (rest[1] == '!' || rest[1] == '?'))) {
            if (end_tag && rest.size() > 2 && rest[2] == '>') return at + 3;  // `</>`
            std::size_t close = html_.find('>', at);                          // a bogus comment
            return close == std::string_view::npos ? html_.size() : close + 1;
        }
        out_ += "&lt;";
        return at + 1;
    }

    std::size_t start(const Tag& tag) {
        if (is_dropped_raw_text(tag.name)) {
            std::size_t end = raw_text_end(html_, tag.next, tag.name);
            if (end == html_.size()) return end;
            Tag close = read_tag(html_, end);
            return close.complete ? close.next : html_.size();
        }
        if (tag.name == "plaintext") {  // the rest of the input is text
            append_escaped_text(out_, html_.substr(tag.next));
            return html_.size();
        }
        bool keep = true;
        bool pushes = !is_void(tag.name) && !never_nests(tag.name);
        std::size_t cost = is_formatting(tag.name) ? tag_cost(tag) : 0;
        if (pushes && (open_.size() >= static_cast<std::size_t>(kMaxHtmlDepth) ||
                       active_cost_ + cost > budget_)) {
            keep = false;
            ++dropped_[tag.name];
        }
        // An unknown element that closes itself is written as a pair, so that it cannot stay
        // open in HTML content where the parser ignores the `/`.
        bool pair = tag.self_closing && pushes && !is_known_html(tag.name);
        if (keep) {
            write_start(tag);
            if (pair) {
                write_end(tag.name);
            } else if (pushes) {
                open_.push_back({tag.name, is_special(tag.name)});
                if (cost > 0) {
                    active_.push_back({tag.name, cost});
                    active_cost_ += cost;
                }
            }
        }
        if (is_escapable_raw_text(tag.name)) {
            std::size_t end = raw_text_end(html_, tag.next, tag.name);
            append_escaped_text(out_, html_.substr(tag.next, end - tag.next));
            return end;
        }
        return tag.next;
    }

    std::size_t end(const Tag& tag) {
        auto dropped = dropped_.find(tag.name);
        if (dropped != dropped_.end() && dropped->second > 0) {  // its start tag was dropped
            --dropped->second;
            return tag.next;
        }
        for (std::size_t k = active_.size(); k-- > 0;) {
            if (active_[k].name != tag.name) continue;
            active_cost_ -= active_[k].cost;
            active_.erase(active_.begin() + static_cast<std::ptrdiff_t>(k));
            break;
        }
        if (never_nests(tag.name) || tag.name == "br") {
            write_end(tag.name);
            return tag.next;
        }
        for (std::size_t k = open_.size(); k-- > 0;) {
            if (open_[k].name != tag.name) continue;
            // Past a special element the parser may keep elements open: count them as open.
            bool closes = std::none_of(open_.begin() + static_cast<std::ptrdiff_t>(k) + 1,
                                       open_.end(), [](const Open& o) { return o.special; });
            if (closes) open_.resize(k);
            write_end(tag.name);
            return tag.next;
        }
        return tag.next;  // closes nothing
    }

    static std::size_t tag_cost(const Tag& tag) {
        std::size_t cost = 200 + tag.name.size();
        for (const Attribute& attribute : tag.attributes)
            cost += attribute.name.size() + attribute.value.size() + 32;
        return cost;
    }

    static bool is_known_html(std::string_view name) {
        return gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size())) !=
               GUMBO_TAG_UNKNOWN;
    }

    void write_start(const Tag& tag) {
        out_ += '<';
        out_ += tag.name;
        std::unordered_set<std::string_view> written;
        for (const Attribute& attribute : tag.attributes) {
            if (attribute.name.find_first_of("\"'<=`") != std::string::npos) continue;
            if (written.size() == kMaxAttributesPerTag) break;
            if (!written.insert(attribute.name).second) continue;
            out_ += ' ';
            out_ += attribute.name;
            out_ += "=\"";
            for (char c : attribute.value) {
                if (c == '"') {
                    out_ += "&quot;";
                } else {
                    out_ += c;
                }
            }
            out_ += '"';
        }
        out_ += '>';
    }

    void write_end(std::string_view name) {
        out_ += "</";
        out_ += name;
        out_ += '>';
    }

    std::string_view html_;
    std::string out_;
    std::vector<Open> open_;
    std::vector<Active> active_;
    std::unordered_map<std::string, int> dropped_;
    std::size_t active_cost_ = 0;
    std::size_t budget_;
    std::size_t next_close_ = 0;       // the next "-->" from the current comment on
    std::size_t next_bang_close_ = 0;  // the next "--!>" from the current comment on
};

}  // namespace

std::optional<std::string> tame_html(std::string_view html) {
    std::size_t tags = static_cast<std::size_t>(std::count(html.begin(), html.end(), '<'));
    if (tags <= kUntouchedTags && tags * html.size() <= kUntouchedTagBytes &&
        (tags == 0 || html.size() <= kUntouchedTaggedFieldBytes)) {
        return std::nullopt;
    }
    return Tamer(html, tags).run();
}

}  // namespace deckport::content
