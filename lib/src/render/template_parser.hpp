// Anki's template lexer and parser (rslib template.rs): handlebars, comments and text, the
// legacy `{{=<% %>=}}` delimiters, and sections nested to any depth.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deckport/render.hpp"

namespace deckport::render_detail {

struct TemplateNode {
    enum class Kind { text, comment, replacement, section, inverted };
    Kind kind = Kind::text;
    std::string text;                  // text, or a comment's body (without <!-- -->)
    std::string key;                   // replacement key or section name
    std::vector<std::string> filters;  // in application order (right to left as written)
    std::size_t offset = 0;            // the handlebar's byte offset in the template
    std::size_t length = 0;            // and its length
    std::vector<TemplateNode> children;
};

struct ParsedTemplate {
    std::vector<TemplateNode> nodes;
    std::optional<TemplateError> error;  // a syntax error: then `nodes` is empty
};

ParsedTemplate parse_template(std::string_view text);

// An error at a handlebar of `text`, with its line and column filled in.
TemplateError make_template_error(std::string_view text, TemplateErrorKind kind,
                                  std::string message, std::size_t offset, std::size_t length);

// `{{F}}` as Anki's messages write a replacement: its filters in template order, then the key.
std::string replacement_as_written(const TemplateNode& node);

}  // namespace deckport::render_detail
