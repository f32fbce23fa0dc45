// How two fields are compared after a round trip. The one place to change when content
// conversion learns a better normal form.
#include "deckport/content.hpp"
#include "lint/lint_support.hpp"
#include "roundtrip/roundtrip_internal.hpp"

namespace deckport::roundtrip_detail {
namespace {

// Line endings unified, trailing spaces of each line and blank lines at both ends dropped:
// writers may re-wrap the end of a field, never its content.
std::string normalized_source(std::string_view source) {
    std::string out;
    std::size_t start = 0;
    while (start <= source.size()) {
        std::size_t end = source.find('\n', start);
        std::string_view line =
            source.substr(start, end == std::string_view::npos ? end : end - start);
        while (!line.empty() &&
               (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
            line.remove_suffix(1);
        }
        out.append(line);
        out += '\n';
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    std::size_t first = out.find_first_not_of('\n');
    if (first == std::string::npos) return {};
    std::size_t last = out.find_last_not_of('\n');
    return out.substr(first, last - first + 1);
}

}  // namespace

std::string comparable_markup(const Content& content, Markup other_side) {
    if (content.kind == other_side && content.kind != Markup::html) {
        return normalized_source(content.source);
    }
    // HTML on either side: compare what renders, in content.hpp's canonical HTML.
    return normalize_html_for_compare(to_html(content));
}

std::string comparable_text(const Content& content) {
    return lint_detail::plain_text(content);
}

bool has_formatting(const Content& content) {
    return content.kind != Markup::text &&
           comparable_text(content) != lint_detail::plain_text({Markup::text, content.source});
}

}  // namespace deckport::roundtrip_detail
