// Positions in a text file: line starts for line:col <-> offset, and where each note starts, so
// that a finding can point at the offending text inside its note.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deckport/diagnostics.hpp"

namespace deckport {

class SourceIndex {
  public:
    // `note_origins`: where notes start in this file (other files' origins are ignored).
    SourceIndex(std::string file, std::string_view text,
                const std::vector<SourceLocation>& note_origins);

    bool has_text() const { return !text_.empty(); }
    // The position of `needle` (plus `offset` bytes into it) at or after `origin` (or from the
    // file's start) and before the next note's start; nothing when the text is absent or does
    // not hold the needle there.
    std::optional<SourceLocation> find(const SourceLocation& origin, std::string_view needle,
                                       bool from_file_start, std::size_t offset = 0) const;

  private:
    std::size_t offset_of(int line, int column) const;
    SourceLocation location_of(std::size_t offset) const;

    std::string file_;
    std::string_view text_;
    std::vector<std::size_t> line_starts_;
    std::vector<std::size_t> note_starts_;  // sorted
};

}  // namespace deckport
