// Reports diagnostics at byte offsets of a decoded text file, as file:line:column. A code that
// repeats is shown kMaxPerCode times, then counted: a hostile file cannot flood the output (or
// make column counting quadratic).
#pragma once

#include <map>
#include <string>

#include "common/text_decoding.hpp"
#include "deckport/diagnostics.hpp"

namespace deckport::textfile {

class Reporter {
  public:
    static constexpr int kMaxPerCode = 50;

    Reporter(Diagnostics& diagnostics, std::string file, const LineIndex& lines)
        : diagnostics_(diagnostics), file_(std::move(file)), lines_(lines) {}

    SourceLocation at(std::size_t offset) const {
        auto [line, column] = lines_.position(offset);
        return SourceLocation{file_, line, column, {}};
    }
    int line(std::size_t offset) const { return lines_.line(offset); }
    const std::string& file() const { return file_; }

    void error(std::string code, std::size_t offset, std::string message, std::string hint = {}) {
        report(Severity::error, std::move(code), offset, std::move(message), std::move(hint));
    }
    void warning(std::string code, std::size_t offset, std::string message, std::string hint = {}) {
        report(Severity::warning, std::move(code), offset, std::move(message), std::move(hint));
    }
    void note(std::string code, std::size_t offset, std::string message, std::string hint = {}) {
        report(Severity::note, std::move(code), offset, std::move(message), std::move(hint));
    }

    // Reports, once per code, how many diagnostics were not shown (with the worst severity).
    void report_suppressed() {
        for (const auto& [code, count] : counts_) {
            if (count <= kMaxPerCode) continue;
            diagnostics_.report({severities_[code],
                                 code,
                                 std::to_string(count - kMaxPerCode) + " more " + code +
                                     " diagnostics are not shown",
                                 SourceLocation{file_},
                                 {}});
        }
        counts_.clear();
    }

  private:
    void report(Severity severity, std::string code, std::size_t offset, std::string message,
                std::string hint) {
        int& count = counts_[code];
        Severity& worst = severities_[code];
        if (count == 0 || severity > worst) worst = severity;
        if (++count > kMaxPerCode) return;
        diagnostics_.report(
            {severity, std::move(code), std::move(message), at(offset), std::move(hint)});
    }

    Diagnostics& diagnostics_;
    std::string file_;
    const LineIndex& lines_;
    std::map<std::string, int> counts_;
    std::map<std::string, Severity> severities_;
};

}  // namespace deckport::textfile
