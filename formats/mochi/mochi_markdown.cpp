#include "mochi/mochi_markdown.hpp"

#include "deckport/media_refs.hpp"

#include <algorithm>
#include <set>

namespace deckport::mochi {
namespace {

constexpr std::string_view kMediaPrefix = "@media/";

struct Line {
    std::size_t begin;
    std::size_t end;  // without the newline
};

std::vector<Line> lines_of(std::string_view text) {
    std::vector<Line> lines;
    std::size_t pos = 0;
    while (true) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) {
            lines.push_back({pos, text.size()});
            return lines;
        }
        lines.push_back({pos, end});
        pos = end + 1;
    }
}

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

bool is_side_separator(std::string_view line) {
    return trim_right(line) == "---";
}

bool is_blank(std::string_view line) {
    return trim_right(line).empty();
}

// A fence line: up to three spaces, then three or more backticks or tildes.
struct Fence {
    char marker = 0;
    std::size_t length = 0;
};

Fence fence_of(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && i < 3 && line[i] == ' ') ++i;
    if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return {};
    char marker = line[i];
    std::size_t run = 0;
    while (i + run < line.size() && line[i + run] == marker) ++run;
    if (run < 3) return {};
    // A backtick fence's info string cannot hold a backtick (it would be a code span).
    if (marker == '`' && line.substr(i + run).find('`') != std::string_view::npos) return {};
    return {marker, run};
}

bool closes_fence(std::string_view line, const Fence& open) {
    Fence fence = fence_of(line);
    if (fence.marker != open.marker || fence.length < open.length) return false;
    std::size_t i = line.find(open.marker);
    return trim_right(line.substr(i + fence.length)).empty();
}

// For each line: does it belong to a fenced code block (fence lines included)?
std::vector<bool> fenced_lines(std::string_view text, const std::vector<Line>& lines) {
    std::vector<bool> fenced(lines.size(), false);
    Fence open;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        std::string_view line = text.substr(lines[n].begin, lines[n].end - lines[n].begin);
        if (open.marker) {
            fenced[n] = true;
            if (closes_fence(line, open)) open = {};
        } else if (Fence fence = fence_of(line); fence.marker) {
            fenced[n] = true;
            open = fence;
        }
    }
    return fenced;
}

// For each byte: is it code (a fenced block or a code span)? A code span closes with a backtick
// run of its opening length, within its paragraph.
std::vector<bool> code_mask(std::string_view text) {
    std::vector<bool> code(text.size(), false);
    std::vector<Line> lines = lines_of(text);
    std::vector<bool> fenced = fenced_lines(text, lines);
    // Where each paragraph ends: a blank line, a fence or a side separator stops a code span.
    std::vector<std::size_t> stop(text.size() + 1, text.size());
    std::size_t next_stop = text.size();
    for (std::size_t n = lines.size(); n-- > 0;) {
        std::string_view line = text.substr(lines[n].begin, lines[n].end - lines[n].begin);
        if (fenced[n] || is_blank(line) || is_side_separator(line)) next_stop = lines[n].begin;
        for (std::size_t i = lines[n].begin; i <= lines[n].end && i < stop.size(); ++i) {
            stop[i] = next_stop;
        }
        if (fenced[n]) {
            std::size_t end = std::min(lines[n].end + 1, text.size());
            std::fill(code.begin() + static_cast<std::ptrdiff_t>(lines[n].begin),
                      code.begin() + static_cast<std::ptrdiff_t>(end), true);
        }
    }
    std::size_t i = 0;
    while (i < text.size()) {
        if (code[i] || text[i] != '`' || (i > 0 && text[i - 1] == '\\')) {
            ++i;
            continue;
        }
        std::size_t run = 0;
        while (i + run < text.size() && text[i + run] == '`') ++run;
        std::size_t search = i + run;
        std::size_t close = std::string_view::npos;
        while (search < stop[i]) {
            std::size_t found = text.find('`', search);
            if (found == std::string_view::npos || found >= stop[i]) break;
            std::size_t close_run = 0;
            while (found + close_run < text.size() && text[found + close_run] == '`') ++close_run;
            if (close_run == run) {
                close = found;
                break;
            }
            search = found + close_run;
        }
        if (close == std::string_view::npos) {
            i += run;  // literal backticks
            continue;
        }
        std::fill(code.begin() + static_cast<std::ptrdiff_t>(i),
                  code.begin() + static_cast<std::ptrdiff_t>(close + run), true);
        i = close + run;
    }
    return code;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// At `pos` (just after `{{`): the length of `N::` or `cN::` (with `c` when `anki`), else 0.
std::size_t group_prefix(std::string_view text, std::size_t pos, bool anki) {
    std::size_t i = pos;
    if (anki) {
        if (i >= text.size() || text[i] != 'c') return 0;
        ++i;
    }
    std::size_t digits = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i == digits || text.substr(i, 2) != "::") return 0;
    return i + 2 - pos;
}

// The position of the `}}` closing a cloze opened at `open` (the first `{`), or npos. A cloze
// stays within its paragraph and holds something.
std::size_t cloze_close(std::string_view text, std::size_t open) {
    std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos || close == open + 2) return std::string_view::npos;
    std::string_view inside = text.substr(open + 2, close - open - 2);
    if (inside.find("{{") != std::string_view::npos) return std::string_view::npos;
    if (inside.find("\n\n") != std::string_view::npos) return std::string_view::npos;
    return close;
}

// Every `{{` outside code that opens a cloze.
std::vector<std::size_t> cloze_openings(std::string_view text) {
    std::vector<bool> code = code_mask(text);
    std::vector<std::size_t> openings;
    std::size_t pos = 0;
    while ((pos = text.find("{{", pos)) != std::string_view::npos) {
        if (!code[pos] && cloze_close(text, pos) != std::string_view::npos) {
            openings.push_back(pos);
            std::size_t close = cloze_close(text, pos);
            pos = close + 2;
        } else {
            pos += 2;
        }
    }
    return openings;
}

}  // namespace

std::vector<std::string> split_sides(std::string_view content) {
    std::vector<Line> lines = lines_of(content);
    std::vector<bool> fenced = fenced_lines(content, lines);
    std::vector<std::string> sides;
    std::size_t side_begin = 0;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        std::string_view line = content.substr(lines[n].begin, lines[n].end - lines[n].begin);
        if (fenced[n] || !is_side_separator(line)) continue;
        // The side ends before the newline that precedes the separator line.
        std::size_t side_end = lines[n].begin > side_begin ? lines[n].begin - 1 : side_begin;
        sides.emplace_back(content.substr(side_begin, side_end - side_begin));
        side_begin = std::min(lines[n].end + 1, content.size());
        if (lines[n].end == content.size()) side_begin = content.size();
    }
    sides.emplace_back(content.substr(side_begin));
    return sides;
}

std::string join_sides(const std::vector<std::string>& sides) {
    std::string out;
    for (std::size_t s = 0; s < sides.size(); ++s) {
        if (s > 0) out += "\n---\n";
        const std::string& side = sides[s];
        std::vector<Line> lines = lines_of(side);
        std::vector<bool> fenced = fenced_lines(side, lines);
        for (std::size_t n = 0; n < lines.size(); ++n) {
            std::string_view line =
                std::string_view(side).substr(lines[n].begin, lines[n].end - lines[n].begin);
            if (n > 0) out += '\n';
            if (!fenced[n] && is_side_separator(line)) out += '-';
            out += line;
        }
    }
    return out;
}

std::string unescape_side_rules(std::string_view side) {
    std::vector<Line> lines = lines_of(side);
    std::vector<bool> fenced = fenced_lines(side, lines);
    std::string out;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        std::string_view line = side.substr(lines[n].begin, lines[n].end - lines[n].begin);
        if (n > 0) out += '\n';
        if (!fenced[n] && trim_right(line) == "----") line.remove_prefix(1);
        out += line;
    }
    return out;
}

bool has_cloze(std::string_view text) {
    return !cloze_openings(text).empty();
}

int bare_cloze_group(const std::vector<std::string>& sides) {
    int highest = 0;
    for (const std::string& side : sides) {
        for (std::size_t open : cloze_openings(side)) {
            std::size_t length = group_prefix(side, open + 2, false);
            if (length == 0) continue;
            std::string_view digits = std::string_view(side).substr(open + 2, length - 2);
            // Group numbers beyond int's range are rare enough to count as the highest.
            highest =
                digits.size() > 6 ? 999999 : std::max(highest, std::stoi(std::string(digits)));
        }
    }
    return highest + 1;
}

std::string cloze_to_anki(std::string_view text) {
    return cloze_to_anki(text, bare_cloze_group({std::string(text)}));
}

std::string cloze_to_anki(std::string_view text, int bare_group_number) {
    std::vector<std::size_t> openings = cloze_openings(text);
    std::string bare_group = std::to_string(bare_group_number);
    std::string out;
    std::size_t copied = 0;
    for (std::size_t open : openings) {
        out.append(text.substr(copied, open + 2 - copied));
        copied = open + 2;
        if (group_prefix(text, open + 2, true) > 0) continue;  // already Anki's form
        out += 'c';
        if (group_prefix(text, open + 2, false) == 0) out += bare_group + "::";
    }
    out.append(text.substr(copied));
    return out;
}

std::string cloze_to_mochi(std::string_view text) {
    std::string out;
    std::size_t copied = 0;
    for (std::size_t open : cloze_openings(text)) {
        if (group_prefix(text, open + 2, true) == 0) continue;
        out.append(text.substr(copied, open + 2 - copied));
        copied = open + 3;  // drop the `c`
    }
    out.append(text.substr(copied));
    return out;
}

std::string escape_braces(std::string_view text, bool keep_clozes) {
    if (text.find("{{") == std::string_view::npos) return std::string(text);
    std::vector<bool> code = code_mask(text);
    std::set<std::size_t> kept;
    if (keep_clozes) {
        for (std::size_t open : cloze_openings(text)) {
            if (group_prefix(text, open + 2, true) > 0) kept.insert(open);
        }
    }
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '{' && !code[i] &&
            !kept.contains(i)) {
            out += '\\';
        }
    }
    return out;
}

std::string unescape_braces(std::string_view text) {
    if (text.find("{\\{") == std::string_view::npos) return std::string(text);
    std::vector<bool> code = code_mask(text);
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i > 0 && text[i - 1] == '{' && i + 1 < text.size() &&
            text[i + 1] == '{' && !code[i]) {
            continue;
        }
        out += text[i];
    }
    return out;
}

bool has_clozes_only_in_code(std::string_view text) {
    for (std::size_t open : cloze_openings(text)) {
        if (group_prefix(text, open + 2, true) > 0) return false;
    }
    std::vector<bool> code = code_mask(text);
    for (std::size_t pos = text.find("{{"); pos != std::string_view::npos;
         pos = text.find("{{", pos + 2)) {
        if (code[pos] && group_prefix(text, pos + 2, true) > 0) return true;
    }
    return false;
}

std::string media_links_from_mochi(std::string_view text) {
    std::vector<MediaRef> refs =
        find_media_refs(text, Markup::markdown, {.include_external = true, .links = true});
    return rewrite_media_refs(text, refs, [&](const MediaRef& ref) -> std::optional<std::string> {
        if (ref.syntax != MediaRefSyntax::markdown_destination ||
            !ref.target.starts_with(kMediaPrefix)) {
            return std::nullopt;
        }
        return ref.target.substr(kMediaPrefix.size());
    });
}

std::string media_links_to_mochi(std::string_view text,
                                 const std::map<std::string, std::string>& flat_names) {
    if (flat_names.empty()) return std::string(text);
    std::vector<MediaRef> refs = find_media_refs(text, Markup::markdown, {.links = true});
    return rewrite_media_refs(text, refs, [&](const MediaRef& ref) -> std::optional<std::string> {
        auto flat = flat_names.find(ref.target);
        if (flat == flat_names.end()) flat = flat_names.find(percent_decode(ref.target));
        if (flat == flat_names.end()) return std::nullopt;
        // Markdown links and images take Mochi's `@media/`; raw HTML (`<img src>`) and
        // `[sound:]` name the attachment as it is stored, which is how they are found again.
        if (ref.syntax != MediaRefSyntax::markdown_destination) return flat->second;
        return std::string(kMediaPrefix) + flat->second;
    });
}

}  // namespace deckport::mochi
