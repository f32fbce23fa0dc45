#include "markdown/syntax.hpp"

namespace deckport::markdown {
namespace {

bool is_space_or_tab(char c) {
    return c == ' ' || c == '\t';
}

// Up to three leading spaces (a tab or a fourth space makes an indented code line).
std::optional<std::size_t> block_indent(std::string_view line) {
    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    if (indent > 3) return std::nullopt;
    return indent;
}

}  // namespace

std::string_view trim(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size() && (is_space_or_tab(text[begin]) || text[begin] == '\n')) ++begin;
    std::size_t end = text.size();
    while (end > begin && (is_space_or_tab(text[end - 1]) || text[end - 1] == '\n')) --end;
    return text.substr(begin, end - begin);
}

std::string_view trim_end(std::string_view text) {
    std::size_t end = text.size();
    while (end > 0 && is_space_or_tab(text[end - 1])) --end;
    return text.substr(0, end);
}

bool is_blank(std::string_view line) {
    return trim_end(line).empty();
}

std::vector<std::string_view> split_whitespace(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && is_space_or_tab(text[pos])) ++pos;
        std::size_t start = pos;
        while (pos < text.size() && !is_space_or_tab(text[pos])) ++pos;
        if (pos > start) words.push_back(text.substr(start, pos - start));
    }
    return words;
}

std::vector<std::string_view> text_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

bool is_card_separator(std::string_view line) {
    return trim_end(line) == kCardSeparator;
}

bool is_side_separator(std::string_view line) {
    return trim_end(line) == kSideSeparator;
}

std::optional<std::string_view> field_separator_name(std::string_view line) {
    constexpr std::string_view kPrefix = "--- ";
    if (!line.starts_with(kPrefix)) return std::nullopt;
    std::string_view name = trim_end(line.substr(kPrefix.size()));
    if (name.empty()) return std::nullopt;
    return name;
}

std::optional<Fence> fence_opening(std::string_view line) {
    auto indent = block_indent(line);
    if (!indent) return std::nullopt;
    std::size_t pos = *indent;
    if (pos >= line.size() || (line[pos] != '`' && line[pos] != '~')) return std::nullopt;
    Fence fence{line[pos], 0};
    while (pos < line.size() && line[pos] == fence.marker) {
        ++fence.length;
        ++pos;
    }
    if (fence.length < 3) return std::nullopt;
    if (fence.marker == '`' && line.substr(pos).find('`') != std::string_view::npos) {
        return std::nullopt;  // a code span such as ```mpsc```, not a fence
    }
    return fence;
}

bool closes_fence(std::string_view line, const Fence& fence) {
    auto indent = block_indent(line);
    if (!indent) return false;
    std::size_t pos = *indent;
    std::size_t length = 0;
    while (pos < line.size() && line[pos] == fence.marker) {
        ++length;
        ++pos;
    }
    return length >= fence.length && is_blank(line.substr(pos));
}

std::optional<CardKey> card_key(std::string_view token) {
    std::string key = ascii_lower(token);
    if (key == "id:") return CardKey::id;
    if (key == "type:") return CardKey::type;
    if (key == "deck:") return CardKey::deck;
    if (key == "tags:") return CardKey::tags;
    return std::nullopt;
}

const char* card_key_name(CardKey key) {
    switch (key) {
        case CardKey::id:
            return "id";
        case CardKey::type:
            return "type";
        case CardKey::deck:
            return "deck";
        case CardKey::tags:
            return "tags";
    }
    return "id";
}

bool looks_like_key(std::string_view token) {
    if (token.size() < 2 || token.back() != ':') return false;
    for (char c : token.substr(0, token.size() - 1)) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    }
    return true;
}

std::string id_problem(std::string_view id) {
    if (id.empty()) return "it is empty";
    if (id.size() > kMaxIdLength) {
        return "it is longer than " + std::to_string(kMaxIdLength) + " characters";
    }
    for (char c : id) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x21 || byte > 0x7e) {
            return "it may hold only printable ASCII characters without spaces";
        }
    }
    if (id.find("-->") != std::string_view::npos) return "it holds `-->`, which ends the comment";
    if (card_key(id)) return "it is spelled like a key";
    return {};
}

std::optional<std::string> normalize_deck_name(std::string_view name) {
    std::string out;
    for (const std::string& part : split_deck_path(trim(name))) {
        std::string_view trimmed = trim(part);
        if (trimmed.empty()) return std::nullopt;
        if (!out.empty()) out += "::";
        out += trimmed;
    }
    return out;
}

}  // namespace deckport::markdown
