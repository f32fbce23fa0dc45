// Scoping a note type's stylesheet to its cards: a small CSS scanner that knows comments,
// strings, escapes, url() and nested blocks, so that rules are rewritten and never split in
// the wrong place.
#include <algorithm>
#include <array>
#include <cctype>

#include "content/escape.hpp"
#include "deckport/preview.hpp"

namespace deckport {
namespace {

constexpr int kMaxImportDepth = 4;
// Blocks nested deeper than this (real style sheets nest a few levels) are left out: the
// scanner recurses per level.
constexpr int kMaxBlockDepth = 32;

bool is_ident_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}
std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

class CssScoper {
  public:
    CssScoper(std::string_view css, std::string_view scope, const CssResources& resources,
              std::vector<std::string>& dropped, int depth)
        : s_(css), scope_(scope), resources_(resources), dropped_(dropped), depth_(depth) {}

    std::string run() {
        rules(0, s_.size(), out_);
        return std::move(out_);
    }

    // The text as one block of declarations (a style attribute).
    std::string run_declarations() {
        declarations(0, s_.size(), out_);
        return std::move(out_);
    }

  private:
    // Index after the comment, string or escape that starts at `i`, or i when none does.
    std::size_t skip_atom(std::size_t i, std::size_t end) const {
        if (s_.compare(i, 2, "/*") == 0) {
            std::size_t close = s_.find("*/", i + 2);
            return close == std::string_view::npos || close + 2 > end ? end : close + 2;
        }
        if (s_[i] == '"' || s_[i] == '\'') {
            char quote = s_[i];
            std::size_t k = i + 1;
            while (k < end && s_[k] != quote && s_[k] != '\n') k += s_[k] == '\\' ? 2 : 1;
            return std::min(k + 1, end);
        }
        if (s_[i] == '\\') return std::min(i + 2, end);
        return i;
    }

    // The first of `stops` outside comments, strings and ()/[] at or after `i`; `end` if none.
    std::size_t find_top_level(std::size_t i, std::size_t end, std::string_view stops) const {
        int depth = 0;
        while (i < end) {
            std::size_t after = skip_atom(i, end);
            if (after != i) {
                i = after;
                continue;
            }
            char c = s_[i];
            if (depth == 0 && stops.find(c) != std::string_view::npos) return i;
            if (c == '(' || c == '[') ++depth;
            if ((c == ')' || c == ']') && depth > 0) --depth;
            ++i;
        }
        return end;
    }

    // The '}' that closes the '{' at `open`, or `end` for a block left open.
    std::size_t matching_brace(std::size_t open, std::size_t end) const {
        int depth = 0;
        for (std::size_t i = open; i < end;) {
            std::size_t after = skip_atom(i, end);
            if (after != i) {
                i = after;
                continue;
            }
            if (s_[i] == '{') ++depth;
            if (s_[i] == '}' && --depth == 0) return i;
            ++i;
        }
        return end;
    }

    std::size_t skip_trivia(std::size_t i, std::size_t end) const {
        while (i < end) {
            if (content::is_ascii_space(s_[i])) {
                ++i;
            } else if (s_.compare(i, 2, "/*") == 0) {
                i = skip_atom(i, end);
            } else {
                break;
            }
        }
        return i;
    }

    void rules(std::size_t pos, std::size_t end, std::string& out, int depth = 0) {
        if (depth > kMaxBlockDepth) {
            dropped_.push_back("blocks nested more than " + std::to_string(kMaxBlockDepth) +
                               " deep");
            return;
        }
        while (pos < end) {
            std::size_t start = skip_trivia(pos, end);
            out.append(s_.substr(pos, start - pos));
            pos = start;
            if (pos >= end) break;
            if (s_[pos] == '}') {  // stray: kept, the browser ignores it
                out += '}';
                ++pos;
                continue;
            }
            std::size_t stop = find_top_level(pos, end, "{;}");
            bool block = stop < end && s_[stop] == '{';
            if (s_[pos] == '@') {
                std::size_t name_end = pos + 1;
                while (name_end < end && is_ident_char(s_[name_end])) ++name_end;
                std::string name = lower(s_.substr(pos + 1, name_end - pos - 1));
                if (!block) {
                    std::size_t statement_end = stop < end && s_[stop] == ';' ? stop + 1 : stop;
                    if (name == "import")
                        import(s_.substr(name_end, stop - name_end), out);
                    else
                        out.append(s_.substr(pos, statement_end - pos));
                    pos = statement_end;
                    continue;
                }
                std::size_t close = matching_brace(stop, end);
                std::string_view prelude = s_.substr(pos, stop - pos);
                static constexpr std::array<std::string_view, 8> kGrouping{
                    "media",    "supports",      "container", "layer",
                    "document", "-moz-document", "scope",     "starting-style"};
                if (std::find(kGrouping.begin(), kGrouping.end(), name) != kGrouping.end()) {
                    out.append(prelude);
                    out += '{';
                    rules(stop + 1, close, out, depth + 1);
                    out += '}';
                } else {
                    std::string body;
                    bool dropped = declarations(stop + 1, close, body, depth + 1);
                    if (!(name == "font-face" && dropped)) {  // a face without its font: dropped
                        out.append(prelude);
                        out += '{' + body + '}';
                    }
                }
                pos = close + 1;
                continue;
            }
            if (!block) {  // not a rule: copied, the browser drops it
                std::size_t statement_end = std::min(stop + 1, end);
                out.append(s_.substr(pos, statement_end - pos));
                pos = statement_end;
                continue;
            }
            std::size_t close = matching_brace(stop, end);
            out += scope_selector_list(s_.substr(pos, stop - pos));
            out += '{';
            declarations(stop + 1, close, out, depth + 1);
            out += '}';
            pos = close + 1;
        }
    }

    // Copies declarations, rewriting url()s; a declaration whose url() cannot be resolved is
    // dropped. Nested blocks (CSS nesting) are relative to their rule: only urls change.
    // Returns whether something was dropped.
    bool declarations(std::size_t pos, std::size_t end, std::string& out, int depth = 0) {
        if (depth > kMaxBlockDepth) {
            dropped_.push_back("blocks nested more than " + std::to_string(kMaxBlockDepth) +
                               " deep");
            return true;
        }
        bool dropped = false;
        while (pos < end) {
            std::size_t stop = find_top_level(pos, end, ";{");
            if (stop < end && s_[stop] == '{') {
                std::size_t close = matching_brace(stop, end);
                out.append(s_.substr(pos, stop + 1 - pos));
                dropped = declarations(stop + 1, close, out, depth + 1) || dropped;
                out += '}';
                pos = close + 1;
                continue;
            }
            std::string declaration;
            if (rewrite_urls(s_.substr(pos, stop - pos), declaration)) {
                out += declaration;
                if (stop < end) out += ';';
            } else {
                dropped = true;
            }
            pos = stop + 1;
        }
        return dropped;
    }

    // `text` with every url() replaced by what the resources give; false (and a note in
    // `dropped_`) when one cannot be resolved.
    bool rewrite_urls(std::string_view text, std::string& out) {
        std::size_t i = 0, copied = 0;
        while (i < text.size()) {
            if (text.compare(i, 2, "/*") == 0) {
                std::size_t close = text.find("*/", i + 2);
                i = close == std::string_view::npos ? text.size() : close + 2;
                continue;
            }
            if (text[i] == '"' || text[i] == '\'') {
                char quote = text[i++];
                while (i < text.size() && text[i] != quote) i += text[i] == '\\' ? 2 : 1;
                ++i;
                continue;
            }
            bool starts_url = (i == 0 || !is_ident_char(text[i - 1])) && i + 4 <= text.size() &&
                              lower(text.substr(i, 4)) == "url(";
            if (!starts_url) {
                ++i;
                continue;
            }
            std::size_t value_end = 0;
            std::string reference = url_value(text, i + 4, value_end);
            std::optional<std::string> replacement;
            if (reference.compare(0, 5, "data:") == 0 || reference.compare(0, 1, "#") == 0 ||
                reference.empty()) {
                replacement = std::string(text.substr(i, value_end - i));
            } else if (resources_.url) {
                if (auto url = resources_.url(reference))
                    replacement = "url(\"" + quote(*url) + "\")";
            }
            if (!replacement) {
                dropped_.push_back("url(" + reference + ")");
                return false;
            }
            out.append(text.substr(copied, i - copied));
            out += *replacement;
            i = copied = value_end;
        }
        out.append(text.substr(copied));
        return true;
    }

    // The reference inside url( … ) starting at `i` (quoted or not, escapes resolved);
    // `end` is set after the closing ')'.
    static std::string url_value(std::string_view text, std::size_t i, std::size_t& end) {
        while (i < text.size() && content::is_ascii_space(text[i])) ++i;
        std::string value;
        char quote = i < text.size() && (text[i] == '"' || text[i] == '\'') ? text[i] : '\0';
        if (quote) ++i;
        while (i < text.size()) {
            char c = text[i];
            if (quote ? c == quote : (c == ')' || content::is_ascii_space(c))) break;
            if (c == '\\' && i + 1 < text.size()) {
                std::size_t k = i + 1;
                std::size_t hex_end = k;
                while (hex_end < text.size() && hex_end < k + 6 &&
                       std::isxdigit(static_cast<unsigned char>(text[hex_end])))
                    ++hex_end;
                if (hex_end > k) {
                    unsigned long cp =
                        std::stoul(std::string(text.substr(k, hex_end - k)), nullptr, 16);
                    content::append_utf8(value,
                                         static_cast<std::uint32_t>(std::min(cp, 0x110000ul)));
                    i = hex_end < text.size() && content::is_ascii_space(text[hex_end])
                            ? hex_end + 1
                            : hex_end;
                } else {
                    value += text[k];
                    i = k + 1;
                }
                continue;
            }
            value += c;
            ++i;
        }
        std::size_t close = text.find(')', i);
        end = close == std::string_view::npos ? text.size() : close + 1;
        return value;
    }

    static std::string quote(std::string_view url) {
        std::string out;
        for (char c : url) {
            if (c == '"' || c == '\\') out += '\\';
            if (c == '\n') {
                out += "\\a ";
                continue;
            }
            out += c;
        }
        return out;
    }

    // `@import url(x.css) media;`: the file's text, scoped, when the deck has it; else
    // dropped (the page fetches nothing).
    void import(std::string_view rest, std::string& out) {
        std::size_t i = 0;
        while (i < rest.size() && content::is_ascii_space(rest[i])) ++i;
        std::string reference;
        std::size_t after = i;
        if (i < rest.size() && (rest[i] == '"' || rest[i] == '\'')) {
            char quote = rest[i];
            std::size_t close = rest.find(quote, i + 1);
            reference = std::string(rest.substr(
                i + 1, close == std::string_view::npos ? std::string_view::npos : close - i - 1));
            after = close == std::string_view::npos ? rest.size() : close + 1;
        } else if (rest.size() - i >= 4 && lower(rest.substr(i, 4)) == "url(") {
            reference = url_value(rest, i + 4, after);
        }
        std::optional<std::string> text;
        if (!reference.empty() && resources_.text && depth_ < kMaxImportDepth)
            text = resources_.text(reference);
        if (!text) {
            dropped_.push_back("@import " + (reference.empty() ? std::string(rest) : reference));
            return;
        }
        std::string scoped = CssScoper(*text, scope_, resources_, dropped_, depth_ + 1).run();
        std::string_view media = rest.substr(std::min(after, rest.size()));
        while (!media.empty() && content::is_ascii_space(media.front())) media.remove_prefix(1);
        while (!media.empty() && content::is_ascii_space(media.back())) media.remove_suffix(1);
        if (media.empty())
            out += scoped;
        else
            out += "@media " + std::string(media) + " {" + scoped + "}";
    }

    // The end of the compound selector that starts at `i` (before a combinator or the end).
    static std::size_t compound_end(std::string_view sel, std::size_t i) {
        int depth = 0;
        while (i < sel.size()) {
            char c = sel[i];
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"' || c == '\'') {
                std::size_t close = sel.find(c, i + 1);
                i = close == std::string_view::npos ? sel.size() : close + 1;
                continue;
            }
            if (c == '(' || c == '[') ++depth;
            if ((c == ')' || c == ']') && depth > 0) --depth;
            if (depth == 0 && (content::is_ascii_space(c) || c == '>' || c == '+' || c == '~'))
                break;
            ++i;
        }
        return std::min(i, sel.size());
    }

    // The type selector (`html`, `body`, `:root`) a compound starts with, lower case, and its
    // length; empty when it starts otherwise.
    static std::string leading_type(std::string_view compound, std::size_t& length) {
        std::size_t k = 0;
        if (compound.substr(0, 1) == ":") {
            k = 1;
            while (k < compound.size() && is_ident_char(compound[k])) ++k;
            length = k;
            return lower(compound.substr(0, k));
        }
        while (k < compound.size() && is_ident_char(compound[k])) ++k;
        length = k;
        return lower(compound.substr(0, k));
    }

    std::string scope_selector(std::string_view sel) const {
        std::size_t first_end = compound_end(sel, 0);
        std::size_t type_length = 0;
        std::string type = leading_type(sel.substr(0, first_end), type_length);
        std::string rest_of_first(sel.substr(type_length, first_end - type_length));
        std::string_view after = sel.substr(first_end);
        if (type == "html" || type == ":root") {
            // `html body.x …`: body is the card root inside the scope.
            std::size_t k = 0;
            while (k < after.size() && content::is_ascii_space(after[k])) ++k;
            bool child = k < after.size() && after[k] == '>';
            if (child) {
                ++k;
                while (k < after.size() && content::is_ascii_space(after[k])) ++k;
            }
            std::size_t next_end = compound_end(after, k);
            std::size_t body_length = 0;
            if (k > 0 && leading_type(after.substr(k, next_end - k), body_length) == "body") {
                return std::string(scope_) + rest_of_first + " > .card" +
                       std::string(after.substr(k + body_length));
            }
            return std::string(scope_) + rest_of_first + std::string(after);
        }
        if (type == "body")
            return std::string(scope_) + " > .card" + rest_of_first + std::string(after);
        return std::string(scope_) + " " + std::string(sel);
    }

    std::string scope_selector_list(std::string_view list) const {
        std::string out;
        std::size_t pos = 0;
        while (pos <= list.size()) {
            std::size_t comma = find_top_level_in(list, pos);
            std::string_view piece = list.substr(pos, comma - pos);
            std::size_t lead = 0;
            while (lead < piece.size()) {
                if (content::is_ascii_space(piece[lead])) {
                    ++lead;
                } else if (piece.compare(lead, 2, "/*") == 0) {
                    std::size_t close = piece.find("*/", lead + 2);
                    lead = close == std::string_view::npos ? piece.size() : close + 2;
                } else {
                    break;
                }
            }
            std::size_t trail = piece.size();
            while (trail > lead && content::is_ascii_space(piece[trail - 1])) --trail;
            out.append(piece.substr(0, lead));
            if (trail > lead) out += scope_selector(piece.substr(lead, trail - lead));
            out.append(piece.substr(trail));
            if (comma >= list.size()) break;
            out += ',';
            pos = comma + 1;
        }
        return out;
    }

    static std::size_t find_top_level_in(std::string_view text, std::size_t i) {
        int depth = 0;
        while (i < text.size()) {
            char c = text[i];
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (text.compare(i, 2, "/*") == 0) {
                std::size_t close = text.find("*/", i + 2);
                i = close == std::string_view::npos ? text.size() : close + 2;
                continue;
            }
            if (c == '"' || c == '\'') {
                std::size_t close = text.find(c, i + 1);
                i = close == std::string_view::npos ? text.size() : close + 1;
                continue;
            }
            if (c == '(' || c == '[') ++depth;
            if ((c == ')' || c == ']') && depth > 0) --depth;
            if (c == ',' && depth == 0) return i;
            ++i;
        }
        return text.size();
    }

    std::string_view s_;
    std::string_view scope_;
    const CssResources& resources_;
    std::vector<std::string>& dropped_;
    int depth_;
    std::string out_;
};

}  // namespace

ScopedCss rewrite_css_urls(std::string_view declarations, const CssResources& resources) {
    ScopedCss result;
    result.css = CssScoper(declarations, "", resources, result.dropped, 0).run_declarations();
    return result;
}

ScopedCss scope_css(std::string_view css, std::string_view scope, const CssResources& resources) {
    ScopedCss result;
    result.css = CssScoper(css, scope, resources, result.dropped, 0).run();
    return result;
}

}  // namespace deckport
