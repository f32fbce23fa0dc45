#include "cloze.hpp"

#include <memory>
#include <optional>
#include <variant>
#include <vector>

#include "anki_text.hpp"

namespace deckport::render_detail {
namespace {

constexpr std::size_t kMaxOpenClozes = 10;

struct Cloze;
// A parsed node: text, or a deletion.
using ClozeNode = std::variant<std::string_view, std::unique_ptr<Cloze>>;

struct Cloze {
    int ord = 0;
    std::vector<ClozeNode> nodes;
    std::optional<std::string_view> hint;

    std::string_view hint_text() const { return hint ? *hint : std::string_view("..."); }
};

// `{{c` + 1..5 digits that fit in u16 + `::` at `at`: the number and the end of the opener.
bool open_cloze_at(std::string_view text, std::size_t at, int& ord, std::size_t& end) {
    if (text.compare(at, 3, "{{c") != 0) return false;
    std::size_t k = at + 3;
    long value = 0;
    while (k < text.size() && text[k] >= '0' && text[k] <= '9') {
        value = value * 10 + (text[k] - '0');
        if (value > 65535) return false;
        ++k;
    }
    if (k == at + 3 || text.compare(k, 2, "::") != 0) return false;
    ord = static_cast<int>(value);
    end = k + 2;
    return true;
}

// Tokenizes and parses in one pass: a stack of open deletions; text inside one is split at
// its first `::` into content and hint; `}}` closes the innermost (or is text at top level);
// deletions still open at the end are dropped with their content.
std::vector<ClozeNode> parse_clozes(std::string_view text) {
    std::vector<ClozeNode> top;
    std::vector<std::unique_ptr<Cloze>> open;
    auto add_text = [&](std::string_view part) {
        if (part.empty()) return;
        if (open.empty()) {
            top.emplace_back(part);
            return;
        }
        std::size_t sep = part.find("::");
        if (sep != std::string_view::npos) {
            open.back()->hint = part.substr(sep + 2);
            part = part.substr(0, sep);
        }
        open.back()->nodes.emplace_back(part);
    };
    std::size_t text_start = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        int ord = 0;
        std::size_t end = 0;
        if (open_cloze_at(text, i, ord, end)) {
            add_text(text.substr(text_start, i - text_start));
            if (open.size() < kMaxOpenClozes) {
                open.push_back(std::make_unique<Cloze>());
                open.back()->ord = ord;
            }
            i = text_start = end;
        } else if (text.compare(i, 2, "}}") == 0) {
            add_text(text.substr(text_start, i - text_start));
            if (open.empty()) {
                top.emplace_back(text.substr(i, 2));
            } else {
                std::unique_ptr<Cloze> closed = std::move(open.back());
                open.pop_back();
                (open.empty() ? top : open.back()->nodes).emplace_back(std::move(closed));
            }
            i = text_start = i + 2;
        } else {
            ++i;
        }
    }
    add_text(text.substr(text_start));
    return top;
}

void reveal(const Cloze& cloze, int ord, bool question, bool& found, std::string& out) {
    bool active = cloze.ord == ord;
    if (active) found = true;
    if (question && active) {
        std::string inner;
        for (const ClozeNode& node : cloze.nodes) {
            if (auto* text = std::get_if<std::string_view>(&node))
                inner.append(*text);
            else
                reveal(*std::get<std::unique_ptr<Cloze>>(node), ord, question, found, inner);
        }
        out += "<span class=\"cloze\" data-cloze=\"" + encode_attribute(inner) +
               "\" data-ordinal=\"" + std::to_string(cloze.ord) + "\">[";
        out.append(cloze.hint_text());
        out += "]</span>";
        return;
    }
    out += std::string("<span class=\"") + (active ? "cloze" : "cloze-inactive") +
           "\" data-ordinal=\"" + std::to_string(cloze.ord) + "\">";
    for (const ClozeNode& node : cloze.nodes) {
        if (auto* text = std::get_if<std::string_view>(&node))
            out.append(*text);
        else
            reveal(*std::get<std::unique_ptr<Cloze>>(node), ord, question, found, out);
    }
    out += "</span>";
}

// A deletion's text with nested deletions flattened to their content.
void append_clozed_text(const Cloze& cloze, std::string& out) {
    for (const ClozeNode& node : cloze.nodes) {
        if (auto* text = std::get_if<std::string_view>(&node))
            out.append(*text);
        else
            append_clozed_text(*std::get<std::unique_ptr<Cloze>>(node), out);
    }
}

// Deletions numbered `ord` in document order (nested ones included): hint or text.
void collect_only(const std::vector<ClozeNode>& nodes, int ord, bool question,
                  std::vector<std::string>& out) {
    for (const ClozeNode& node : nodes) {
        auto* cloze = std::get_if<std::unique_ptr<Cloze>>(&node);
        if (!cloze) continue;
        if ((*cloze)->ord == ord) {
            std::string text;
            if (question)
                text = (*cloze)->hint_text();
            else
                append_clozed_text(**cloze, text);
            out.push_back(std::move(text));
        }
        collect_only((*cloze)->nodes, ord, question, out);
    }
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out.append(separator);
        out += parts[i];
    }
    return out;
}

// strip_html_inside_mathjax: the regex (?si)(\\[(\[])(.*?)(\\[\])]) with its middle group
// stripped of tags.
std::string strip_html_inside_mathjax(std::string_view text) {
    auto opener_at = [&](std::size_t i) {
        return text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '(' || text[i + 1] == '[');
    };
    auto closer_at = [&](std::size_t i) {
        return text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == ')' || text[i + 1] == ']');
    };
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    bool no_closer_left = false;  // then no later opener can match either
    while (i < text.size()) {
        if (!no_closer_left && opener_at(i)) {
            std::size_t close = i + 2;
            while (close < text.size() && !closer_at(close)) ++close;
            no_closer_left = close >= text.size();
            if (close < text.size()) {
                out.append(text.substr(i, 2));
                out += strip_html_preserving_entities(text.substr(i + 2, close - i - 2));
                out.append(text.substr(close, 2));
                i = close + 2;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

void add_numbers(const std::vector<ClozeNode>& nodes, std::set<int>& numbers) {
    for (const ClozeNode& node : nodes) {
        auto* cloze = std::get_if<std::unique_ptr<Cloze>>(&node);
        if (!cloze || (*cloze)->ord == 0) continue;
        numbers.insert((*cloze)->ord);
        add_numbers((*cloze)->nodes, numbers);
    }
}

}  // namespace

std::string reveal_cloze(std::string_view text, int ord, bool question) {
    std::vector<ClozeNode> nodes = parse_clozes(text);
    std::string out;
    bool found = false;
    for (const ClozeNode& node : nodes) {
        if (auto* part = std::get_if<std::string_view>(&node))
            out.append(*part);
        else
            reveal(*std::get<std::unique_ptr<Cloze>>(node), ord, question, found, out);
    }
    if (!found) return {};
    return strip_html_inside_mathjax(out);
}

std::string reveal_cloze_text_only(std::string_view text, int ord, bool question) {
    std::vector<std::string> parts;
    collect_only(parse_clozes(text), ord, question, parts);
    return join(parts, ", ");
}

std::string cloze_text_for_typing(std::string_view text, int ord) {
    std::vector<std::string> parts;
    collect_only(parse_clozes(text), ord, false, parts);
    if (parts.empty()) return {};
    bool all_same = true;
    for (const std::string& part : parts) all_same = all_same && part == parts.front();
    return all_same ? parts.back() : join(parts, ", ");
}

void add_cloze_numbers(std::string_view text, std::set<int>& numbers) {
    add_numbers(parse_clozes(text), numbers);
}

}  // namespace deckport::render_detail
