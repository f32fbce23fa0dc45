#include "lint/source_index.hpp"

#include <algorithm>

namespace deckport {

SourceIndex::SourceIndex(std::string file, std::string_view text,
                         const std::vector<SourceLocation>& note_origins)
    : file_(std::move(file)), text_(text) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
    }
    for (const SourceLocation& origin : note_origins) {
        if (origin.file == file_ && origin.has_position()) {
            note_starts_.push_back(offset_of(origin.line, origin.column));
        }
    }
    std::sort(note_starts_.begin(), note_starts_.end());
}

namespace {

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

// Columns count code points, as every reader's do (docs/diagnostics.md).
std::size_t SourceIndex::offset_of(int line, int column) const {
    if (line < 1) return 0;
    std::size_t index =
        std::min<std::size_t>(static_cast<std::size_t>(line) - 1, line_starts_.size() - 1);
    std::size_t offset = line_starts_[index];
    for (int seen = 1; seen < column && offset < text_.size() && text_[offset] != '\n'; ++seen) {
        ++offset;
        while (offset < text_.size() && is_continuation(text_[offset])) ++offset;
    }
    return offset;
}

SourceLocation SourceIndex::location_of(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(after - line_starts_.begin());
    int column = 1;
    for (std::size_t i = line_starts_[line - 1]; i < offset; ++i) {
        if (!is_continuation(text_[i])) ++column;
    }
    return SourceLocation{file_, static_cast<int>(line), column};
}

std::optional<SourceLocation> SourceIndex::find(const SourceLocation& origin,
                                                std::string_view needle, bool from_file_start,
                                                std::size_t offset) const {
    if (text_.empty() || needle.empty() || origin.file != file_) return std::nullopt;
    if (!from_file_start && !origin.has_position()) return std::nullopt;
    offset = std::min(offset, needle.size());
    std::size_t start = from_file_start ? 0 : offset_of(origin.line, origin.column);
    std::size_t end = text_.size();
    if (origin.has_position()) {
        // Never past the next note: the text found there would belong to another note.
        std::size_t note_start = offset_of(origin.line, origin.column);
        auto next = std::upper_bound(note_starts_.begin(), note_starts_.end(), note_start);
        if (next != note_starts_.end()) end = *next;
    }
    if (start >= end) return std::nullopt;
    std::size_t found = text_.substr(start, end - start).find(needle);
    if (found == std::string_view::npos) return std::nullopt;
    SourceLocation at = location_of(start + found + offset);
    at.locator = origin.locator;
    return at;
}

}  // namespace deckport
