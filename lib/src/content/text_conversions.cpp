// text -> HTML and text -> markdown.
#include <string>
#include <vector>

#include "deckport/content.hpp"
#include "escape.hpp"
#include "markdown_escape.hpp"

namespace deckport {

namespace {

// Splits at `\n`, `\r\n` and `\r`.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r') continue;
        lines.push_back(text.substr(start, i - start));
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        start = i + 1;
    }
    lines.push_back(text.substr(start));
    return lines;
}

std::string_view trim_blanks(std::string_view line) {
    std::size_t begin = 0;
    while (begin < line.size() && (line[begin] == ' ' || line[begin] == '\t')) ++begin;
    std::size_t end = line.size();
    while (end > begin && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
    return line.substr(begin, end - begin);
}

void append_without_nul(std::string& out, std::string_view text,
                        void (*append)(std::string&, std::string_view)) {
    std::size_t start = 0;
    for (std::size_t nul = text.find('\0'); nul != std::string_view::npos;
         nul = text.find('\0', start)) {
        append(out, text.substr(start, nul - start));
        out += content::kReplacementCharacter;
        start = nul + 1;
    }
    append(out, text.substr(start));
}

}  // namespace

std::string text_to_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    bool first = true;
    for (std::string_view line : split_lines(text)) {
        if (!first) out += "<br>";
        first = false;
        append_without_nul(out, line, content::append_html_escaped);
    }
    return out;
}

std::string text_to_markdown(std::string_view text) {
    std::vector<std::string_view> lines = split_lines(text);
    std::size_t begin = 0;
    std::size_t end = lines.size();
    // Blank lines around the text are invisible once rendered; a trailing hard break would
    // even show up as a literal backslash.
    while (begin < end && trim_blanks(lines[begin]).empty()) ++begin;
    while (end > begin && trim_blanks(lines[end - 1]).empty()) --end;
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = begin; i < end; ++i) {
        if (i > begin) out += "\\\n";  // a hard line break
        std::string_view line = trim_blanks(lines[i]);
        std::size_t start = 0;
        bool line_start = true;
        for (std::size_t nul = line.find('\0'); nul != std::string_view::npos;
             nul = line.find('\0', start)) {
            content::append_markdown_escaped(out, line.substr(start, nul - start), line_start);
            out += content::kReplacementCharacter;
            line_start = false;
            start = nul + 1;
        }
        content::append_markdown_escaped(out, line.substr(start), line_start);
    }
    return out;
}

}  // namespace deckport
