#include "quizlet/flatten.hpp"

#include <cctype>

#include "quizlet/splitting.hpp"

namespace deckport::quizlet {
namespace {

std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
    std::string out;
    std::size_t pos = 0;
    while (true) {
        std::size_t at = text.find(from, pos);
        if (at == std::string_view::npos) break;
        out.append(text.substr(pos, at - pos));
        out.append(to);
        pos = at + from.size();
    }
    out.append(text.substr(pos));
    return out;
}

bool join_lines(std::string& text) {
    if (text.find_first_of("\r\n") == std::string::npos) return false;
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of("\r\n", start);
        std::string_view line = trim_space(std::string_view(text).substr(
            start, end == std::string::npos ? std::string::npos : end - start));
        if (!line.empty()) {
            if (!out.empty()) out += ' ';
            out += line;
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    text = std::move(out);
    return true;
}

// Replaces `separator` by a space until none is left (a replacement can form a new one).
bool remove_custom(std::string& text, const std::string& separator) {
    bool changed = false;
    while (text.find(separator) != std::string::npos) {
        std::string next = replace_all(text, separator, " ");
        if (next.size() >= text.size()) break;  // cannot shrink: a one-character separator
        text = std::move(next);
        changed = true;
    }
    if (text.find(separator) != std::string::npos) {
        text = replace_all(text, separator, " ");
        changed = true;
    }
    return changed;
}

}  // namespace

Flattened flatten(std::string_view input, const Separators& separators, bool is_term) {
    Flattened out{std::string(trim_space(input)), {}};
    std::string& text = out.text;
    const std::string& row = separators.row;
    const std::string& term = separators.term;
    if (row == "\n") {
        if (join_lines(text)) out.changes.push_back("line breaks became spaces");
    } else if (row == ";") {
        if (text.find(';') != std::string::npos) {
            text = replace_all(text, ";", "\xEF\xBC\x9B");
            out.changes.push_back("';' became '\xEF\xBC\x9B'");
        }
    } else if (remove_custom(text, row)) {
        out.changes.push_back("the row separator became a space");
    }
    if (term == "\t") {
        if (text.find('\t') != std::string::npos) {
            text = replace_all(text, "\t", " ");
            out.changes.push_back("tabs became spaces");
        }
    } else if (is_term && term == ",") {
        if (text.find(',') != std::string::npos) {
            text = replace_all(text, ",", "\xEF\xBC\x8C");
            out.changes.push_back("',' became '\xEF\xBC\x8C'");
        }
    } else if (is_term && remove_custom(text, term)) {
        out.changes.push_back("the term separator became a space");
    }
    text = std::string(trim_space(text));
    return out;
}

}  // namespace deckport::quizlet
