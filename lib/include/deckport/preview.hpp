// `deckport preview`: one self-contained HTML page with every card's front and back as Anki
// renders them (the note type's templates and CSS), media inlined, math typeset by MathJax and
// code highlighted by highlight.js (both from Debian's packages, embedded), and the
// diagnostics of `deckport check` next to the cards they concern. Nothing is fetched from the
// network when the page is opened: a Content-Security-Policy forbids it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deckport/codes.hpp"
#include "deckport/diagnostics.hpp"
#include "deckport/model.hpp"

namespace deckport {

// One deck shown in the page.
struct PreviewInput {
    std::string name;  // as the user gave it (shown in the page)
    Collection collection;
    std::vector<Diagnostic> diagnostics;  // `check`'s findings, shown next to their notes
};

struct PreviewOptions {
    // Holds mathjax/ (libjs-mathjax) and highlight.js/ (libjs-highlight.js).
    std::filesystem::path javascript_dir = "/usr/share/javascript";
    // Media as files in this folder (relative to the page) instead of data: URIs; empty: inline.
    std::string media_folder;
    bool run_card_scripts = false;  // card <script>s are inert unless asked
    // `deckport preview --serve`: the page asks this path for the deck's version and reloads
    // when it differs from `reload_version`. Empty: a static page.
    std::string reload_endpoint;
    std::string reload_version;
    std::string title;                   // default: the input names
    std::string generator = "deckport";  // named in the page's footer and <meta name=generator>
};

// A media file the page refers to by path (with PreviewOptions::media_folder).
struct LinkedMedia {
    std::string relative_path;  // media_folder + "/" + a name derived from the content
    const MediaFile* file = nullptr;
};

struct PreviewPage {
    std::string html;
    std::size_t notes = 0;
    std::size_t cards = 0;
    bool mathjax = false;       // MathJax is embedded (some card has \( or \[ and it was found)
    bool highlighting = false;  // highlight.js is embedded
    std::vector<LinkedMedia> linked_media;
};

// Builds the page. Problems (MathJax or highlight.js missing, stylesheet parts dropped) are
// reported as warnings with PREVIEW codes; the page is still built. `inputs` must outlive the
// returned linked_media.
PreviewPage build_preview(const std::vector<PreviewInput>& inputs, const PreviewOptions& options,
                          Diagnostics& diagnostics);

// What a stylesheet's url() and @import refer to: `url` gives the URL the page uses instead (a
// data: URI or a linked file), `text` the text of an imported stylesheet. Nothing: dropped.
struct CssResources {
    std::function<std::optional<std::string>(std::string_view reference)> url;
    std::function<std::optional<std::string>(std::string_view reference)> text;
};

struct ScopedCss {
    std::string css;
    std::vector<std::string> dropped;  // what was left out: `url(x)`, `@import x`
};

// Rewrites a note type's stylesheet so that it applies only inside `scope` (a selector such
// as `.dp-nt-1` on the element that holds the card root `<div class="card cardN">`): each
// selector is prefixed with the scope; a leading `html`/`:root` becomes the scope and a
// leading `body` the card root (`scope > .card`); @media/@supports/@container/@layer blocks
// are scoped inside; @font-face/@keyframes/@page are kept as they are. A url() the resources
// cannot resolve drops its declaration (a @font-face without its font is dropped whole);
// @import is inlined when the deck has the file, else dropped.
ScopedCss scope_css(std::string_view css, std::string_view scope, const CssResources& resources);

// A style attribute's declarations with their url()s resolved as scope_css does.
ScopedCss rewrite_css_urls(std::string_view declarations, const CssResources& resources);

// The PREVIEW codes (docs/diagnostics.md).
std::vector<CodeInfo> preview_codes();

}  // namespace deckport
