// Converting a field to the markup a writer asks for.
#include "deckport/content.hpp"

namespace deckport {

std::string to_html(const Content& content) {
    switch (content.kind) {
        case Markup::markdown:
            return markdown_to_html(content.source);
        case Markup::text:
            return text_to_html(content.source);
        case Markup::html:
            break;
    }
    return content.source;
}

std::string to_text(const Content& content) {
    switch (content.kind) {
        case Markup::markdown:
            return markdown_to_text(content.source);
        case Markup::html:
            return html_to_text(content.source);
        case Markup::text:
            break;
    }
    return content.source;
}

std::string to_markdown(const Content& content) {
    switch (content.kind) {
        case Markup::html:
            return html_to_markdown(content.source);
        case Markup::text:
            return text_to_markdown(content.source);
        case Markup::markdown:
            break;
    }
    return content.source;
}

Content convert(const Content& content, Markup wanted) {
    if (content.kind == wanted) return content;
    switch (wanted) {
        case Markup::html:
            return {Markup::html, to_html(content)};
        case Markup::text:
            return {Markup::text, to_text(content)};
        case Markup::markdown:
            return {Markup::markdown, to_markdown(content)};
    }
    return content;
}

}  // namespace deckport
