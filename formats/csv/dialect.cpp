#include "csv/dialect.hpp"

#include <algorithm>
#include <cctype>

namespace deckport::csv {
namespace {

std::string lower_trimmed(std::string_view value) {
    auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
    while (!value.empty() && is_space(static_cast<unsigned char>(value.front())))
        value.remove_prefix(1);
    while (!value.empty() && is_space(static_cast<unsigned char>(value.back())))
        value.remove_suffix(1);
    std::string out(value);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

void append_field(std::string& out, std::string_view field, char separator, bool alone) {
    if (!needs_quoting(field, separator) && !(alone && field.empty())) {
        out += field;
        return;
    }
    out += '"';
    // Runs up to and including each '"' are copied at once, the '"' doubled.
    std::size_t start = 0;
    for (std::size_t quote; (quote = field.find('"', start)) != std::string_view::npos;
         start = quote + 1) {
        out.append(field.substr(start, quote + 1 - start));
        out += '"';
    }
    out.append(field.substr(start));
    out += '"';
}

}  // namespace

const std::vector<Separator>& anki_separators() {
    static const std::vector<Separator> separators = {
        {'\t', "tab"},  {'|', "pipe"},  {';', "semicolon"},
        {':', "colon"}, {',', "comma"}, {' ', "space"},
    };
    return separators;
}

std::optional<char> separator_from_name(std::string_view value) {
    std::string name = lower_trimmed(value);
    for (const Separator& s : anki_separators()) {
        if (name == s.name || (value.size() == 1 && value[0] == s.byte)) return s.byte;
    }
    return std::nullopt;
}

const char* separator_name(char byte) {
    for (const Separator& s : anki_separators()) {
        if (s.byte == byte) return s.name;
    }
    return "?";
}

char guess_separator(std::string_view body) {
    std::string_view window = body.substr(0, kSeparatorGuessWindow);
    for (const Separator& s : anki_separators()) {
        if (window.find(s.byte) != std::string_view::npos) return s.byte;
    }
    return ' ';
}

bool needs_quoting(std::string_view field, char separator) {
    return std::any_of(field.begin(), field.end(), [separator](char c) {
        return c == separator || c == '"' || c == '\r' || c == '\n' || c == '#';
    });
}

std::string format_record(const std::vector<std::string>& fields, char separator) {
    std::vector<std::string_view> views(fields.begin(), fields.end());
    std::string out;
    append_record(out, views, separator);
    return out;
}

void append_record(std::string& out, std::span<const std::string_view> fields, char separator) {
    std::size_t size = out.size() + fields.size() + 1;
    for (std::string_view field : fields) size += field.size() + 2;
    out.reserve(size);  // quotes to double aside
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += separator;
        append_field(out, fields[i], separator, fields.size() == 1);
    }
    out += '\n';
}

}  // namespace deckport::csv
