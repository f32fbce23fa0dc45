// JSON parsing for untrusted input: nesting bounded before parsing, syntax errors reported with
// line and column.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "deckport/io.hpp"

namespace deckport {

struct JsonErrorCodes {
    std::string syntax;   // not JSON
    std::string nesting;  // deeper than Limits::max_nesting
};

// Parses `text`, throwing InputError with `codes.syntax` (at the line and column where parsing
// failed) or `codes.nesting` (at the bracket that goes too deep). `file` names the input in
// diagnostics.
nlohmann::json parse_bounded_json(std::string_view text, const std::string& file,
                                  const JsonErrorCodes& codes, const Limits& limits);
// The same, keeping object keys in document order.
nlohmann::ordered_json parse_bounded_ordered_json(std::string_view text, const std::string& file,
                                                  const JsonErrorCodes& codes,
                                                  const Limits& limits);

// 1-based line and column (in characters) of byte `offset` in `text`.
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset);

}  // namespace deckport
