#include "markdown/image_refs.hpp"

#include "common/utf8.hpp"

#include <md4c.h>

#include <charconv>
#include <functional>

namespace deckport::markdown {
namespace {

struct Scan {
    std::string_view text;
    std::vector<ImageRef> images;
};

// Numeric references and the five XML entities; other named entities stay as written, since
// file names almost never hold them.
std::string decode_entity(std::string_view entity) {
    if (entity.size() >= 4 && entity.starts_with("&#") && entity.ends_with(";")) {
        std::string_view digits = entity.substr(2, entity.size() - 3);
        int base = 10;
        if (!digits.empty() && (digits.front() == 'x' || digits.front() == 'X')) {
            base = 16;
            digits.remove_prefix(1);
        }
        std::uint32_t value = 0;
        auto [end, error] =
            std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
        if (error == std::errc() && end == digits.data() + digits.size()) {
            std::string out;
            utf8::append(out, value == 0 ? char32_t{0xFFFD} : static_cast<char32_t>(value));
            return out;
        }
    }
    if (entity == "&amp;") return "&";
    if (entity == "&lt;") return "<";
    if (entity == "&gt;") return ">";
    if (entity == "&quot;") return "\"";
    if (entity == "&apos;") return "'";
    return std::string(entity);
}

std::string attribute_text(const MD_ATTRIBUTE& attribute) {
    std::string out;
    for (int i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
        MD_OFFSET begin = attribute.substr_offsets[i];
        MD_OFFSET end = attribute.substr_offsets[i + 1];
        std::string_view part(attribute.text + begin, end - begin);
        if (attribute.substr_types[i] == MD_TEXT_ENTITY) {
            out += decode_entity(part);
        } else if (attribute.substr_types[i] == MD_TEXT_NULLCHAR) {
            out += "\xEF\xBF\xBD";
        } else {
            out += part;
        }
    }
    return out;
}

int enter_span(MD_SPANTYPE type, void* detail, void* user) {
    if (type != MD_SPAN_IMG) return 0;
    auto* scan = static_cast<Scan*>(user);
    const MD_ATTRIBUTE& src = static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src;
    ImageRef ref{attribute_text(src), std::nullopt};
    if (ref.path.empty() || is_url(ref.path)) return 0;
    // md4c points into the input when the destination needs no decoding: then we know where.
    std::less<const char*> before;
    const char* begin = scan->text.data();
    const char* end = begin + scan->text.size();
    if (!before(src.text, begin) && before(src.text, end)) {
        ref.offset = static_cast<std::size_t>(src.text - begin);
    }
    scan->images.push_back(std::move(ref));
    return 0;
}

int ignore_block(MD_BLOCKTYPE, void*, void*) {
    return 0;
}
int ignore_span(MD_SPANTYPE, void*, void*) {
    return 0;
}
int ignore_text(MD_TEXTTYPE, const MD_CHAR*, MD_SIZE, void*) {
    return 0;
}

bool is_scheme_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '-' || c == '.';
}

}  // namespace

bool is_url(std::string_view destination) {
    if (destination.starts_with("//") || destination.starts_with("#")) return true;
    std::size_t colon = destination.find(':');
    if (colon == std::string_view::npos || colon < 2) return false;
    char first = destination.front();
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) return false;
    for (std::size_t i = 1; i < colon; ++i) {
        if (!is_scheme_char(destination[i])) return false;
    }
    return true;
}

std::vector<ImageRef> find_local_images(std::string_view markdown) {
    Scan scan{markdown, {}};
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_LATEXMATHSPANS;
    parser.enter_block = ignore_block;
    parser.leave_block = ignore_block;
    parser.enter_span = enter_span;
    parser.leave_span = ignore_span;
    parser.text = ignore_text;
    md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &scan);
    return std::move(scan.images);
}

}  // namespace deckport::markdown
