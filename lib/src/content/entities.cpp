#include "entities.hpp"

#include <array>
#include <cstdint>
#include <utility>

#include "escape.hpp"
#include "html_tree.hpp"

namespace deckport::content {

namespace {

bool append_numeric(std::string& out, std::string_view digits, int base) {
    std::uint32_t value = 0;
    if (digits.empty()) return false;
    for (char c : digits) {
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (base == 16 && c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (base == 16 && c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0) return false;
        value = value * base + static_cast<std::uint32_t>(digit);
        if (value > 0x10FFFF) value = 0x110000;  // stays invalid, never overflows
    }
    append_utf8(out, value);
    return true;
}

// The references that fields use most; anything else goes through the HTML parser.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kCommon{{
    {"amp", "&"},
    {"lt", "<"},
    {"gt", ">"},
    {"quot", "\""},
    {"apos", "'"},
    {"nbsp", kNoBreakSpace},
    {"copy", "\xC2\xA9"},
    {"mdash", "\xE2\x80\x94"},
}};

}  // namespace

void append_decoded_entity(std::string& out, std::string_view entity) {
    if (entity.size() < 3 || entity.front() != '&' || entity.back() != ';') {
        out.append(entity);
        return;
    }
    std::string_view body = entity.substr(1, entity.size() - 2);
    if (body.front() == '#') {
        bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        if (append_numeric(out, body.substr(hex ? 2 : 1), hex ? 16 : 10)) return;
        out.append(entity);
        return;
    }
    for (const auto& [name, value] : kCommon) {
        if (name == body) {
            out.append(value);
            return;
        }
    }
    HtmlFragment fragment(entity);
    const GumboVector& children = children_of(fragment.root());
    if (children.length == 1) {
        out.append(text_of(*static_cast<const GumboNode*>(children.data[0])));
    } else {
        out.append(entity);
    }
}

std::string decode_entities(std::string_view text) {
    constexpr std::size_t kLongestName = 32;  // `&CounterClockwiseContourIntegral;` is 33
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t amp = text.find('&', pos);
        if (amp == std::string_view::npos) break;
        out.append(text.substr(pos, amp - pos));
        std::size_t semicolon = text.substr(amp, kLongestName + 2).find(';');
        bool plausible = semicolon != std::string_view::npos && semicolon > 1;
        for (std::size_t i = amp + 1; plausible && i < amp + semicolon; ++i) {
            plausible = is_ascii_alnum(text[i]) || (i == amp + 1 && text[i] == '#');
        }
        if (!plausible) {
            out += '&';
            pos = amp + 1;
            continue;
        }
        append_decoded_entity(out, text.substr(amp, semicolon + 1));
        pos = amp + semicolon + 1;
    }
    out.append(text.substr(pos));
    return out;
}

}  // namespace deckport::content
