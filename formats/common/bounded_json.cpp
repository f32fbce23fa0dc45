#include <nlohmann/json.hpp>

#include "common/bounded_json.hpp"

#include "deckport/error.hpp"

namespace deckport {
namespace {

// Walks the text once, outside strings, and throws at the first bracket deeper than the limit,
// so that the parser never builds (or recurses into) a hostile structure.
void check_nesting(std::string_view text, const std::string& file, const JsonErrorCodes& codes,
                   const Limits& limits) {
    std::uint32_t depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limits.max_nesting) {
                auto [line, column] = line_and_column(text, i);
                throw InputError(
                    codes.nesting, SourceLocation{file, line, column},
                    "nesting deeper than " + std::to_string(limits.max_nesting) + " levels");
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
}

template <typename Json>
Json parse(std::string_view text, const std::string& file, const JsonErrorCodes& codes,
           const Limits& limits) {
    check_nesting(text, file, codes, limits);
    try {
        return Json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        auto [line, column] = line_and_column(text, offset);
        std::string why = e.what();
        // nlohmann's text: "[json.exception.parse_error.101] parse error at line 1, column 2:
        // syntax error while parsing value - ..."; keep what follows the position.
        if (auto colon = why.find(": "); colon != std::string::npos) why = why.substr(colon + 2);
        throw InputError(codes.syntax, SourceLocation{file, line, column},
                         "not valid JSON: " + why);
    }
}

}  // namespace

std::pair<int, int> line_and_column(std::string_view text, std::size_t offset) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xc0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

nlohmann::json parse_bounded_json(std::string_view text, const std::string& file,
                                  const JsonErrorCodes& codes, const Limits& limits) {
    return parse<nlohmann::json>(text, file, codes, limits);
}

nlohmann::ordered_json parse_bounded_ordered_json(std::string_view text, const std::string& file,
                                                  const JsonErrorCodes& codes,
                                                  const Limits& limits) {
    return parse<nlohmann::ordered_json>(text, file, codes, limits);
}

}  // namespace deckport
