#include "deckport/preview.hpp"

namespace deckport {

std::vector<CodeInfo> preview_codes() {
    using enum Severity;
    return {
        {"PREVIEW001", warning, "MathJax is not installed: math is shown as TeX",
         "The preview embeds MathJax from Debian's libjs-mathjax (/usr/share/javascript/mathjax). "
         "Install it (apt install libjs-mathjax), or point DECKPORT_JAVASCRIPT_DIR at a folder "
         "with mathjax/ in it. The page is written without it."},
        {"PREVIEW002", warning, "highlight.js is not installed: code is not highlighted",
         "The preview embeds highlight.js from Debian's libjs-highlight.js "
         "(/usr/share/javascript/highlight.js). Install it, or point DECKPORT_JAVASCRIPT_DIR at "
         "a folder with highlight.js/ in it. The page is written without it."},
        {"PREVIEW003", warning, "part of a note type's stylesheet is left out of the preview",
         "A url() or @import in the note type's CSS (or in a <style> of its templates) names "
         "something that is not a media file of the deck, such as a web address. The page "
         "fetches nothing, so the declaration (or the @font-face, or the import) is left out; "
         "Anki would try to load it. Add the file to the deck's media to see it."},
    };
}

}  // namespace deckport
