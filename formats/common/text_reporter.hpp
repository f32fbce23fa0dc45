// Reports diagnostics at byte offsets of a decoded text file, as file:line:column.
#pragma once

#include <string>

#include "common/text_decoding.hpp"
#include "deckport/diagnostics.hpp"

namespace deckport::textfile {

class Reporter {
  public:
    Reporter(Diagnostics& diagnostics, std::string file, const LineIndex& lines)
        : diagnostics_(diagnostics), file_(std::move(file)), lines_(lines) {}

    SourceLocation at(std::size_t offset) const {
        auto [line, column] = lines_.position(offset);
        return SourceLocation{file_, line, column, {}};
    }
    int line(std::size_t offset) const { return lines_.line(offset); }
    const std::string& file() const { return file_; }

    void error(std::string code, std::size_t offset, std::string message, std::string hint = {}) {
        diagnostics_.error(std::move(code), at(offset), std::move(message), std::move(hint));
    }
    void warning(std::string code, std::size_t offset, std::string message, std::string hint = {}) {
        diagnostics_.warning(std::move(code), at(offset), std::move(message), std::move(hint));
    }
    void note(std::string code, std::size_t offset, std::string message, std::string hint = {}) {
        diagnostics_.note(std::move(code), at(offset), std::move(message), std::move(hint));
    }

  private:
    Diagnostics& diagnostics_;
    std::string file_;
    const LineIndex& lines_;
};

}  // namespace deckport::textfile
