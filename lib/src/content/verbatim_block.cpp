#include "verbatim_block.hpp"

#include "escape.hpp"

namespace deckport::content {

namespace {

bool is_line_break(char c) {
    return c == '\n' || c == '\r';
}

std::size_t line_start(std::string_view text, std::size_t at) {
    while (at > 0 && !is_line_break(text[at - 1])) --at;
    return at;
}

std::size_t line_end(std::string_view text, std::size_t at) {
    while (at < text.size() && !is_line_break(text[at])) ++at;
    return at;
}

// The start of the line after the one holding `at`; npos at the last line.
std::size_t next_line(std::string_view text, std::size_t at) {
    std::size_t end = line_end(text, at);
    if (end >= text.size()) return std::string_view::npos;
    if (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ++end;
    return end + 1;
}

// The start of the line before the one holding `at`; npos at the first line.
std::size_t previous_line(std::string_view text, std::size_t at) {
    std::size_t start = line_start(text, at);
    if (start == 0) return std::string_view::npos;
    std::size_t end = start - 1;
    if (text[end] == '\n' && end > 0 && text[end - 1] == '\r') --end;
    return line_start(text, end);
}

// The column after `c` when it starts at `column` (CommonMark's tab stops of four).
std::size_t advance(char c, std::size_t column) {
    return c == '\t' ? (column / 4 + 1) * 4 : column + 1;
}

}  // namespace

void VerbatimBlock::begin() {
    lines_.clear();
    open_ = true;
    line_open_ = false;
}

bool VerbatimBlock::feed(MD_TEXTTYPE type, std::string_view text) {
    if (!open_) return false;
    if (type == MD_TEXT_CODE) {
        add(text, false);
    } else if (type == MD_TEXT_NULLCHAR) {
        add(kReplacementCharacter, true);
    } else {
        return false;
    }
    return true;
}

void VerbatimBlock::add(std::string_view text, bool null_char) {
    if (!line_open_) {
        lines_.emplace_back();
        line_open_ = true;
    }
    Line& line = lines_.back();
    if (!null_char && !source_.contains(text.data())) {
        // md4c's own text: the end of a line, or the spaces it writes for indentation.
        if (text == "\n") {
            line_open_ = false;
        } else if (line.text.empty()) {
            line.indent += text.size();
        } else {
            line.text += text;
        }
        return;
    }
    if (!null_char && line.content == nullptr && line.text.empty()) line.content = text.data();
    line.text += text;
}

std::size_t VerbatimBlock::indent_end(std::size_t index) const {
    std::string_view text = source_.text();
    const char* base = text.data();
    // The nearest line whose text md4c located; lines of a code block are consecutive source
    // lines, so the others are counted from it.
    for (std::size_t distance = 0; distance < lines_.size(); ++distance) {
        for (int direction : {-1, 1}) {
            if (distance == 0 && direction == 1) continue;
            std::size_t other = index + static_cast<std::size_t>(direction) * distance;
            if (other >= lines_.size() || lines_[other].content == nullptr) continue;
            std::size_t at = static_cast<std::size_t>(lines_[other].content - base);
            if (other == index) return at;
            for (std::size_t step = 0; step < distance && at != std::string_view::npos; ++step)
                at = direction < 0 ? next_line(text, at) : previous_line(text, at);
            return at == std::string_view::npos ? at : line_end(text, at);
        }
    }
    return std::string_view::npos;
}

std::string VerbatimBlock::indentation(std::size_t index) const {
    const Line& line = lines_[index];
    std::string spaces(line.indent, ' ');
    if (line.indent == 0) return spaces;
    std::size_t end = indent_end(index);
    if (end == std::string_view::npos) return spaces;
    std::string_view text = source_.text();
    std::size_t start = line_start(text, end);
    std::size_t run = end;
    while (run > start && (text[run - 1] == ' ' || text[run - 1] == '\t')) --run;
    // Columns of the white space run; md4c's indentation is its last `indent` columns.
    std::size_t column = 0;
    for (std::size_t i = start; i < run; ++i) column = advance(text[i], column);
    std::size_t end_column = column;
    for (std::size_t i = run; i < end; ++i) end_column = advance(text[i], end_column);
    if (line.indent > end_column - column) return spaces;
    std::size_t wanted = end_column - line.indent;
    for (std::size_t i = run; i < end; ++i) {
        std::size_t next = advance(text[i], column);
        if (column == wanted) return std::string(source_.original_of(text.data() + i, end - i));
        if (next > wanted) {  // a tab that the container's indentation takes part of
            return std::string(next - wanted, ' ') +
                   std::string(source_.original_of(text.data() + i + 1, end - i - 1));
        }
        column = next;
    }
    return spaces;
}

std::string VerbatimBlock::finish() {
    std::string out;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        out += indentation(i);
        out += lines_[i].text;
        out += '\n';
    }
    if (line_open_ && !out.empty()) out.pop_back();  // md4c ends every line; keep what it gave
    lines_.clear();
    open_ = false;
    line_open_ = false;
    return out;
}

}  // namespace deckport::content
