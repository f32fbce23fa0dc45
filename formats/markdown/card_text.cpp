#include "markdown/card_text.hpp"

#include <optional>
#include <vector>

#include "markdown/syntax.hpp"

namespace deckport::markdown {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.push_back(text.substr(start));
            return lines;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
}

}  // namespace

std::string normalize_side(std::string_view text) {
    std::string lf;
    lf.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            lf += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            lf += text[i];
        }
    }
    std::vector<std::string_view> lines = split_lines(lf);
    std::size_t begin = 0, end = lines.size();
    while (begin < end && is_blank(lines[begin])) ++begin;
    while (end > begin && is_blank(lines[end - 1])) --end;
    std::string out;
    for (std::size_t i = begin; i < end; ++i) {
        if (i > begin) out += '\n';
        out += lines[i];
    }
    return out;
}

std::string escape_side(std::string_view text, bool is_question) {
    if (text.empty()) return {};
    std::string out;
    std::optional<Fence> fence;
    bool first = true;
    for (std::string_view line : split_lines(text)) {
        if (!first) out += '\n';
        first = false;
        if (fence) {
            if (closes_fence(line, *fence)) fence.reset();
            out += line;
        } else if ((fence = fence_opening(line))) {
            out += line;
        } else if (is_card_separator(line) || field_separator_name(line) ||
                   (is_question && is_side_separator(line))) {
            // One space of indent: markdown ignores it (up to three), even on a line inside a
            // code span that runs over several lines, where a backslash or a fourth dash would
            // show; the deck syntax wants its separators unindented.
            out += ' ';
            out += line;
        } else {
            out += line;
        }
    }
    if (fence) {
        out += '\n';
        out += std::string(fence->length, fence->marker);
    }
    return out;
}

}  // namespace deckport::markdown
