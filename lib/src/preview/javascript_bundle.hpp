// MathJax 2 (libjs-mathjax) and highlight.js (libjs-highlight.js), read from Debian's
// /usr/share/javascript when the page is built and embedded in it, so that the page works
// offline and elsewhere.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace deckport::preview_detail {

// The <script> elements for <head>: the embedded MathJax files (as JSON strings served by a
// loader, fonts as base64), the configuration (Anki's delimiters \(…\) and \[…\]), and
// MathJax.js. Nothing (and `problem` set) when the files are not there.
std::optional<std::string> mathjax_scripts(const std::filesystem::path& javascript_dir,
                                           std::string& problem);

struct Highlighting {
    std::string script;  // highlight.min.js
    std::string css;     // light and dark themes, scoped to the page's theme
};
std::optional<Highlighting> highlight_js(const std::filesystem::path& javascript_dir,
                                         std::string& problem);

// Text as a JSON string that is safe inside a <script> element.
std::string script_json(const std::string& text);

}  // namespace deckport::preview_detail
