// YAML for the front matter and note type files (yaml-cpp): parsing with positions, and
// writing text so that reading it back gives the same bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace deckport::markdown {

struct YamlError {
    int line = 0;    // 0-based, in the text given
    int column = 0;  // 0-based byte offset in that line
    std::string message;
};

// Parses `text` as one YAML document. A final line break is added, so that a block scalar on
// the last line reads as it would anywhere else.
std::optional<YAML::Node> parse_yaml(std::string_view text, YamlError& error);

// A mapping key as the front matter compares keys: lower case (ASCII), runs of white space
// as one space, trimmed.
std::string normalized_key(std::string_view key);

// Writes `text` as a scalar that reads back as exactly `text`: plain when YAML allows, a
// literal block (`|`) for lines of text when it keeps every byte, else double-quoted.
void emit_text(YAML::Emitter& out, std::string_view text);

// `yaml` (an emitter's output) without the spaces yaml-cpp leaves on lines of white space only
// (after each literal block), when YAML reads it the same without them.
std::string without_blank_indentation(std::string yaml);

}  // namespace deckport::markdown
