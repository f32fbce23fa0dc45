#include "deckport/identity.hpp"
#include "render/anki_text.hpp"
#include "side_text.hpp"

namespace deckport::preview_detail {
namespace {

struct LatexKind {
    std::string_view open, close, before, after;
};

constexpr LatexKind kKinds[] = {
    {"[latex]", "[/latex]", "", ""},
    {"[$]", "[/$]", "$", "$"},
    {"[$$]", "[/$$]", "\\begin{displaymath}", "\\end{displaymath}"},
};

// strip_html_for_latex: <br>, <br /> and <div> become line breaks, then the tags go.
std::string latex_text(std::string_view html) {
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        if (render_detail::starts_with_ignoring_case(html, i, "<br>")) {
            out += '\n';
            i += 4;
        } else if (render_detail::starts_with_ignoring_case(html, i, "<br />")) {
            out += '\n';
            i += 6;
        } else if (render_detail::starts_with_ignoring_case(html, i, "<div>")) {
            out += '\n';
            i += 5;
        } else {
            out += html[i++];
        }
    }
    return render_detail::strip_html(out);
}

}  // namespace

std::string latex_to_images(std::string_view html, bool svg) {
    std::string out;
    render_detail::ForwardFinder closers[] = {{html, kKinds[0].close, true},
                                              {html, kKinds[1].close, true},
                                              {html, kKinds[2].close, true}};
    std::size_t i = 0, copied = 0;
    while ((i = html.find('[', i)) != std::string_view::npos) {
        const LatexKind* kind = nullptr;
        // Longest opener first: `[$$]` is not `[$]` followed by `$]`.
        for (const LatexKind* k : {&kKinds[2], &kKinds[1], &kKinds[0]}) {
            if (render_detail::starts_with_ignoring_case(html, i, k->open)) {
                kind = k;
                break;
            }
        }
        std::size_t body = kind ? i + kind->open.size() : 0;
        std::size_t close = kind ? closers[kind - kKinds].find(body + 1) : std::string_view::npos;
        if (close == std::string_view::npos) {
            ++i;
            continue;
        }
        std::string latex = std::string(kind->before) +
                            std::string(html.substr(body, close - body)) + std::string(kind->after);
        std::string text = latex_text(latex);
        out.append(html.substr(copied, i - copied));
        out += "<img class=latex alt=\"" + render_detail::encode_attribute(text) +
               "\" src=\"latex-" + sha1_hex(text) + (svg ? ".svg" : ".png") + "\">";
        i = copied = close + kind->close.size();
    }
    out.append(html.substr(copied));
    return out;
}

}  // namespace deckport::preview_detail
