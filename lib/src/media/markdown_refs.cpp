// Markdown media references through md4c, so that what counts as an image is what the renderer
// shows: inline images, <...> destinations, titles, reference-style images with their link
// reference definitions, collapsed and shortcut references. md4c hands over a destination as a
// pointer into the field when it needs no decoding; one written with backslash escapes or
// character references is found again by parsing destinations and comparing what they decode
// to. Raw HTML chunks go to the HTML tag tokenizer with their offsets; [sound:] is taken
// anywhere outside code and math.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <iterator>
#include <map>
#include <optional>

#include "content/entities.hpp"
#include "content/escape.hpp"
#include "content/markdown_math.hpp"
#include "content/markdown_parser.hpp"
#include "media/ref_scanners.hpp"

namespace deckport::media_detail {
namespace {

using Range = std::pair<std::size_t, std::size_t>;

struct Destination {
    MediaRefKind kind = MediaRefKind::image;
    std::string decoded;
    std::optional<std::size_t> offset;  // where md4c's text starts in the field, when it does
    std::size_t size = 0;
};

struct Scan {
    std::string_view text;
    bool links = false;
    std::vector<Destination> destinations;
    std::vector<Range> opaque;  // code and math: no [sound:] there
    std::vector<Range> html_runs;
    bool in_html_run = false;

    // The offset of [pointer, pointer + size) in the field, when md4c points into it.
    std::optional<std::size_t> offset_of(const char* pointer, std::size_t size) const {
        std::less_equal<const char*> at_most;
        const char* begin = text.data();
        const char* end = begin + text.size();
        if (pointer == nullptr || !at_most(begin, pointer) || !at_most(pointer + size, end)) {
            return std::nullopt;
        }
        return static_cast<std::size_t>(pointer - begin);
    }
};

std::string attribute_text(const MD_ATTRIBUTE& attribute) {
    std::string out;
    for (int i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
        MD_OFFSET begin = attribute.substr_offsets[i];
        MD_OFFSET end = attribute.substr_offsets[i + 1];
        std::string_view part(attribute.text + begin, end - begin);
        if (attribute.substr_types[i] == MD_TEXT_ENTITY) {
            content::append_decoded_entity(out, part);
        } else if (attribute.substr_types[i] == MD_TEXT_NULLCHAR) {
            out += content::kReplacementCharacter;
        } else {
            out += part;
        }
    }
    return out;
}

void add_destination(Scan& scan, MediaRefKind kind, const MD_ATTRIBUTE& attribute) {
    if (attribute.size == 0) return;
    Destination destination;
    destination.kind = kind;
    destination.decoded = attribute_text(attribute);
    destination.size = attribute.size;
    // Only a destination taken verbatim (no escapes, no references) is the field's own text.
    if (attribute.substr_offsets[1] == attribute.size &&
        attribute.substr_types[0] == MD_TEXT_NORMAL) {
        destination.offset = scan.offset_of(attribute.text, attribute.size);
    }
    scan.destinations.push_back(std::move(destination));
}

int enter_span(MD_SPANTYPE type, void* detail, void* user) {
    auto* scan = static_cast<Scan*>(user);
    scan->in_html_run = false;
    if (type == MD_SPAN_IMG) {
        add_destination(*scan, MediaRefKind::image, static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src);
    } else if (type == MD_SPAN_A && scan->links) {
        add_destination(*scan, MediaRefKind::link, static_cast<MD_SPAN_A_DETAIL*>(detail)->href);
    }
    return 0;
}

int leave_span(MD_SPANTYPE, void*, void* user) {
    static_cast<Scan*>(user)->in_html_run = false;
    return 0;
}

int block(MD_BLOCKTYPE, void*, void* user) {
    static_cast<Scan*>(user)->in_html_run = false;
    return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* chars, MD_SIZE size, void* user) {
    auto* scan = static_cast<Scan*>(user);
    std::optional<std::size_t> offset = scan->offset_of(chars, size);
    if (type == MD_TEXT_HTML) {
        // md4c reports raw HTML piece by piece (line by line, with "\n" from its own
        // storage): consecutive pieces are one run of the field's text.
        if (!offset) return 0;
        if (scan->in_html_run) {
            scan->html_runs.back().second = *offset + size;
        } else {
            scan->html_runs.emplace_back(*offset, *offset + size);
            scan->in_html_run = true;
        }
        return 0;
    }
    scan->in_html_run = false;
    if ((type == MD_TEXT_CODE || type == MD_TEXT_LATEXMATH) && offset) {
        scan->opaque.emplace_back(*offset, *offset + size);
    }
    return 0;
}

struct Span {
    std::size_t begin = 0, end = 0;                // with angle brackets
    std::size_t target_begin = 0, target_end = 0;  // without
};

// A CommonMark link destination starting at `pos`: `<...>` (no line break, no unescaped `<` or
// `>`) or a run of non-space characters with balanced parentheses.
std::optional<Span> parse_destination(std::string_view text, std::size_t pos) {
    std::size_t n = text.size();
    if (pos >= n) return std::nullopt;
    auto escaped = [&](std::size_t i) {
        return text[i] == '\\' && i + 1 < n && content::is_ascii_punctuation(text[i + 1]);
    };
    if (text[pos] == '<') {
        for (std::size_t i = pos + 1; i < n; ++i) {
            if (escaped(i)) {
                ++i;
                continue;
            }
            if (text[i] == '\n' || text[i] == '<') return std::nullopt;
            if (text[i] == '>') return Span{pos, i + 1, pos + 1, i};
        }
        return std::nullopt;
    }
    int depth = 0;
    std::size_t i = pos;
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c <= ' ' || c == 0x7f) break;
        if (escaped(i)) {
            i += 2;
            continue;
        }
        if (c == '(') ++depth;
        if (c == ')') {
            if (depth == 0) break;
            --depth;
        }
        ++i;
    }
    if (i == pos) return std::nullopt;
    return Span{pos, i, pos, i};
}

// What a destination as written stands for: backslash escapes and character references decoded.
std::string decode_destination(std::string_view raw) {
    std::string out;
    std::size_t run = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 1 < raw.size() && content::is_ascii_punctuation(raw[i + 1])) {
            out += content::decode_entities(raw.substr(run, i - run));
            out += raw[i + 1];
            run = i + 2;
            ++i;
        }
    }
    out += content::decode_entities(raw.substr(run));
    return out;
}

bool inside(const std::vector<Range>& ranges, std::size_t pos) {
    auto after = std::upper_bound(ranges.begin(), ranges.end(), Range{pos, SIZE_MAX});
    return after != ranges.begin() && std::prev(after)->second > pos;
}

// Where a destination that md4c decoded is written: after `](` (inline) or `]:` (a link
// reference definition), outside code, decoding to `wanted`. Searched from `from` on, then
// from the start (a definition may come before its use). `budget` bounds the bytes examined
// over all calls, so that a field of hostile escaped destinations stays linear.
std::optional<std::pair<Span, bool>> locate(std::string_view text, const std::string& wanted,
                                            std::size_t from, const std::vector<Range>& opaque,
                                            std::size_t& budget) {
    auto spend = [&](std::size_t bytes) {
        budget = bytes > budget ? 0 : budget - bytes;
        return budget > 0;
    };
    auto try_at = [&](std::size_t bracket) -> std::optional<std::pair<Span, bool>> {
        if (inside(opaque, bracket)) return std::nullopt;
        std::size_t pos = bracket + 2;
        bool newline = false;
        while (pos < text.size() &&
               (text[pos] == ' ' || text[pos] == '\t' || (text[pos] == '\n' && !newline))) {
            newline = newline || text[pos] == '\n';
            ++pos;
        }
        std::optional<Span> span = parse_destination(text, pos);
        if (!span) return std::nullopt;
        spend(span->end - bracket);
        std::string_view raw =
            text.substr(span->target_begin, span->target_end - span->target_begin);
        if (decode_destination(raw) != wanted) return std::nullopt;
        return std::pair{*span, text[bracket + 1] == ':'};
    };
    auto search = [&](std::size_t begin, std::size_t end) -> std::optional<std::pair<Span, bool>> {
        std::size_t pos = begin;
        while ((pos = text.find(']', pos)) != std::string_view::npos && pos < end) {
            if (!spend(pos - begin + 1)) return std::nullopt;
            begin = pos + 1;
            if (pos + 1 < text.size() && (text[pos + 1] == '(' || text[pos + 1] == ':')) {
                if (auto found = try_at(pos)) return found;
            }
            ++pos;
        }
        return std::nullopt;
    };
    if (auto found = search(from, text.size())) return found;
    return search(0, from);
}

// Whether the verbatim destination at `target_begin` belongs to a definition (`]:` before it)
// rather than an inline link (`](`).
bool is_definition(std::string_view text, std::size_t begin) {
    std::size_t pos = begin;
    while (pos > 0) {
        char c = text[pos - 1];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            --pos;
            continue;
        }
        return c == ':';
    }
    return false;
}

}  // namespace

void scan_markdown(std::string_view markdown, bool links, std::vector<MediaRef>& out) {
    // Every reference needs a '[' (images, links, definitions, [sound:...]) or a '<' (raw HTML,
    // autolinks; permissive autolinks are off): without either, parsing would find nothing.
    if (markdown.find_first_of("[<") == std::string_view::npos) return;
    // `\(…\)` and `\[…\]` are masked into math of the same length: offsets stay the field's.
    content::MarkdownSource source(markdown);
    Scan scan;
    scan.text = source.text();
    scan.links = links;
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.enter_block = block;
    parser.leave_block = block;
    parser.enter_span = enter_span;
    parser.leave_span = leave_span;
    parser.text = on_text;
    content::parse_markdown(source, parser, &scan);

    std::sort(scan.opaque.begin(), scan.opaque.end());
    std::size_t from = 0;
    // Definitions found already: many images may share one, which is then searched once.
    std::map<std::string, std::pair<Span, bool>> definitions;
    std::size_t budget = 16 * markdown.size() + 65536;
    for (const Destination& destination : scan.destinations) {
        MediaRef ref;
        ref.kind = destination.kind;
        ref.syntax = MediaRefSyntax::markdown_destination;
        ref.target = destination.decoded;
        if (destination.offset) {
            ref.target_begin = *destination.offset;
            ref.target_end = *destination.offset + destination.size;
            bool angle = ref.target_begin > 0 && markdown[ref.target_begin - 1] == '<' &&
                         ref.target_end < markdown.size() && markdown[ref.target_end] == '>';
            ref.begin = angle ? ref.target_begin - 1 : ref.target_begin;
            ref.end = angle ? ref.target_end + 1 : ref.target_end;
            ref.definition = is_definition(markdown, ref.begin);
        } else {
            // An inline destination lies ahead of the previous one; else it is a definition
            // (perhaps one found already).
            auto found = locate(markdown, destination.decoded, from, scan.opaque, budget);
            auto known = definitions.find(destination.decoded);
            if (known != definitions.end() && (!found || found->second)) found = known->second;
            if (!found) {
                // Past the budget (hostile input only): the target without a place in the text.
                ref.located = false;
                out.push_back(std::move(ref));
                continue;
            }
            if (found->second) definitions.emplace(destination.decoded, *found);
            ref.begin = found->first.begin;
            ref.end = found->first.end;
            ref.target_begin = found->first.target_begin;
            ref.target_end = found->first.target_end;
            ref.definition = found->second;
        }
        if (!ref.definition) from = ref.end;
        out.push_back(std::move(ref));
    }
    for (const Range& run : scan.html_runs) scan_html_tags(markdown, run.first, run.second, out);
    scan_sound_tags(markdown, scan.opaque, out, /*markdown_escapes=*/true);
}

}  // namespace deckport::media_detail
