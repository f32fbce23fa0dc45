#include "html_guard.hpp"

#include <algorithm>
#include <cstddef>
#include <unordered_map>
#include <vector>

#include "escape.hpp"

namespace deckport::content {

namespace {

bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that never stay open: void elements, and those that the next sibling closes.
bool never_nests(std::string_view name) {
    return is_one_of(
        name, {"area",     "base",   "br",       "col",     "embed", "hr",   "img",    "input",
               "link",     "meta",   "param",    "source",  "track", "wbr",  "keygen", "bgsound",
               "basefont", "frame",  "p",        "li",      "dt",    "dd",   "tr",     "td",
               "th",       "option", "optgroup", "rb",      "rp",    "rt",   "rtc",    "thead",
               "tbody",    "tfoot",  "colgroup", "caption", "html",  "head", "body",   "image"});
}

// The elements the standard re-opens in every new block while they are unclosed.
bool is_formatting(std::string_view name) {
    return is_one_of(name, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small",
                            "strike", "strong", "tt", "u"});
}

// Elements whose content is text up to their end tag.
bool has_raw_text(std::string_view name) {
    return is_one_of(name, {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript",
                            "textarea", "title"});
}

struct Tag {
    std::string name;  // lower case; empty for comments and declarations
    bool end = false;
    std::size_t length = 0;  // bytes from `<` to `>` inclusive (or to the end of input)
};

// Reads the tag starting at html[at] == '<'; length 0 when it is not a tag but text.
Tag read_tag(std::string_view html, std::size_t at) {
    Tag tag;
    std::size_t i = at + 1;
    if (html.substr(at, 4) == "<!--") {
        std::size_t close = html.find("-->", at + 4);
        tag.length = close == std::string_view::npos ? html.size() - at : close + 3 - at;
        return tag;
    }
    if (i < html.size() && (html[i] == '!' || html[i] == '?')) {
        std::size_t close = html.find('>', i);
        tag.length = close == std::string_view::npos ? html.size() - at : close + 1 - at;
        return tag;
    }
    if (i < html.size() && html[i] == '/') {
        tag.end = true;
        ++i;
    }
    if (i >= html.size() || !is_alpha(html[i])) return tag;
    while (i < html.size() && !is_ascii_space(html[i]) && html[i] != '/' && html[i] != '>') {
        if (tag.name.size() < 32) tag.name += lower(html[i]);
        ++i;
    }
    // Attributes: quoted values may contain `>`.
    char quote = 0;
    for (; i < html.size(); ++i) {
        char c = html[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            if (i > 0 && html[i - 1] == '=')
                quote = c;
            else if (i > 1 && html[i - 1] == ' ' && html[i - 2] == '=')
                quote = c;
        } else if (c == '>') {
            break;
        }
    }
    tag.length = (i < html.size() ? i + 1 : html.size()) - at;
    return tag;
}

// Position of the end tag `</name` that closes a raw-text element, or the end of input.
std::size_t raw_text_end(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t i = html.find("</", from); i != std::string_view::npos;
         i = html.find("</", i + 2)) {
        std::size_t j = 0;
        while (j < name.size() && i + 2 + j < html.size() && lower(html[i + 2 + j]) == name[j]) ++j;
        if (j == name.size()) return i;
    }
    return html.size();
}

class Tamer {
  public:
    explicit Tamer(std::string_view html) : html_(html) {
        std::size_t tags = 1 + static_cast<std::size_t>(std::count(html.begin(), html.end(), '<'));
        // Every new block may copy all open formatting elements: keep their total cost (tag
        // bytes plus a node's overhead) times the number of tags within about 64 MB.
        formatting_budget_ = std::max<std::size_t>(512, (64u << 20) / tags);
    }

    std::optional<std::string> run() {
        std::size_t copied = 0;  // html_[0, copied) is in out_ or equal to it
        std::size_t i = 0;
        while ((i = html_.find('<', i)) != std::string_view::npos) {
            Tag tag = read_tag(html_, i);
            if (tag.length == 0) {
                ++i;
                continue;
            }
            std::size_t next = i + tag.length;
            bool keep = tag.name.empty() || (tag.end ? close(tag.name) : open(tag));
            if (!keep) {
                if (!changed_) out_.reserve(html_.size());
                changed_ = true;
                out_.append(html_.substr(copied, i - copied));
                copied = next;
            }
            if (!tag.end && has_raw_text(tag.name)) next = raw_text_end(html_, next, tag.name);
            if (!tag.end && tag.name == "plaintext") next = html_.size();
            i = next;
        }
        if (!changed_) return std::nullopt;
        out_.append(html_.substr(copied));
        return std::move(out_);
    }

  private:
    struct Open {
        std::string name;
        std::size_t formatting_cost = 0;
    };

    bool open(const Tag& tag) {
        if (never_nests(tag.name)) return true;
        std::size_t cost = is_formatting(tag.name) ? tag.length + 200 : 0;
        if (static_cast<int>(open_.size()) >= kMaxHtmlDepth ||
            formatting_cost_ + cost > formatting_budget_) {
            ++dropped_[tag.name];
            return false;
        }
        formatting_cost_ += cost;
        open_.push_back({tag.name, cost});
        return true;
    }

    bool close(const std::string& name) {
        // Dropped elements were the innermost ones: their end tags come first.
        auto dropped = dropped_.find(name);
        if (dropped != dropped_.end() && dropped->second > 0) {
            --dropped->second;
            return false;
        }
        for (std::size_t k = open_.size(); k-- > 0;) {
            if (open_[k].name != name) continue;
            for (std::size_t j = k; j < open_.size(); ++j)
                formatting_cost_ -= open_[j].formatting_cost;
            open_.resize(k);
            break;
        }
        return true;
    }

    std::string_view html_;
    std::string out_;
    std::vector<Open> open_;
    std::unordered_map<std::string, int> dropped_;
    std::size_t formatting_cost_ = 0;
    std::size_t formatting_budget_ = 0;
    bool changed_ = false;
};

}  // namespace

std::optional<std::string> tame_html(std::string_view html) {
    return Tamer(html).run();
}

}  // namespace deckport::content
