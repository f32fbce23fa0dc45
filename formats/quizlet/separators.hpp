// Quizlet's two separator choices ("between term and definition": Tab, Comma or a custom
// string; "between rows": New line, Semicolon or a custom string) as `-O` options.
#pragma once

#include <string>
#include <vector>

#include "deckport/format.hpp"

namespace deckport::quizlet {

struct Separators {
    std::string term = "\t";
    std::string row = "\n";
    friend bool operator==(const Separators&, const Separators&) = default;
};

struct Options {
    Separators separators;
    bool term_given = false;  // the user named the separator (safe mode tries it first)
    bool row_given = false;
    bool safe = false;  // writing: pick separators that occur in no card
};

// `term-separator`: tab | comma | custom; `row-separator`: newline | semicolon | custom.
// Custom strings take the escapes \n, \t and \\. Bad values throw UsageError.
Options parse_options(const FormatOptions& options);

// How the user picks the separator in Quizlet's import box: `Tab`, `Comma`, `New line`,
// `Semicolon`, or `custom "..."` with escapes.
std::string describe(const std::string& separator);

// How a separator is spelt as the value of `-O term-separator=` (`tab`, `comma`) or of
// `-O row-separator=` (`newline`, `semicolon`), else the text with \n, \t and \\ escaped.
std::string option_value(const std::string& separator, bool term);

std::vector<OptionInfo> option_infos();

}  // namespace deckport::quizlet
