#include "quizlet/separators.hpp"

#include "quizlet/quizlet_format.hpp"

#include <algorithm>
#include <cctype>

#include "deckport/error.hpp"

namespace deckport::quizlet {
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string unescape(const std::string& key, const std::string& value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] != '\\') {
            out += value[i];
            continue;
        }
        if (i + 1 == value.size()) {
            throw UsageError("quizlet option '" + key + "=" + value + "' ends with a lone \\",
                             "escapes are \\n, \\t and \\\\");
        }
        char next = value[++i];
        if (next == 'n') {
            out += '\n';
        } else if (next == 't') {
            out += '\t';
        } else if (next == '\\') {
            out += '\\';
        } else {
            throw UsageError("quizlet option '" + key + "=" + value +
                                 "' has the unknown escape \\" + std::string(1, next),
                             "escapes are \\n, \\t and \\\\");
        }
    }
    return out;
}

std::string parse_separator(const std::string& key, const std::string& value) {
    std::string name = lower(value);
    if (key == "term-separator") {
        if (name == "tab") return "\t";
        if (name == "comma") return ",";
    } else {
        if (name == "newline" || name == "new line" || name == "new-line") return "\n";
        if (name == "semicolon") return ";";
    }
    std::string custom = unescape(key, value);
    bool visible = std::any_of(custom.begin(), custom.end(),
                               [](unsigned char c) { return std::isspace(c) == 0; });
    if (custom == "\t" || custom == "\n") visible = true;
    if (!visible) {
        throw UsageError("quizlet option '" + key + "=" + value +
                         "' is empty or only spaces: cards could not be told apart");
    }
    return custom;
}

// The escapes that parse_separator undoes.
std::string escape(const std::string& separator) {
    std::string shown;
    for (char c : separator) {
        if (c == '\n') {
            shown += "\\n";
        } else if (c == '\t') {
            shown += "\\t";
        } else if (c == '\\') {
            shown += "\\\\";
        } else {
            shown += c;
        }
    }
    return shown;
}

}  // namespace

Options parse_options(const FormatOptions& options) {
    Options out;
    if (auto it = options.find("term-separator"); it != options.end()) {
        out.separators.term = parse_separator(it->first, it->second);
        out.term_given = true;
    }
    if (auto it = options.find("row-separator"); it != options.end()) {
        out.separators.row = parse_separator(it->first, it->second);
        out.row_given = true;
    }
    if (auto it = options.find("safe"); it != options.end()) {
        std::string v = lower(it->second);
        if (v == "true" || v == "yes" || v == "1") {
            out.safe = true;
        } else if (v != "false" && v != "no" && v != "0") {
            throw UsageError("quizlet option 'safe=" + it->second + "' is not true or false");
        }
    }
    const Separators& s = out.separators;
    if (s.term == s.row || s.term.find(s.row) != std::string::npos) {
        throw UsageError("the quizlet term separator " + describe(s.term) +
                             " holds the row separator " + describe(s.row),
                         "choose separators that do not contain each other");
    }
    return out;
}

std::string describe(const std::string& separator) {
    if (separator == "\t") return "Tab";
    if (separator == ",") return "Comma";
    if (separator == "\n") return "New line";
    if (separator == ";") return "Semicolon";
    return "custom \"" + escape(separator) + "\"";
}

std::string option_value(const std::string& separator, bool term) {
    if (term && separator == "\t") return "tab";
    if (term && separator == ",") return "comma";
    if (!term && separator == "\n") return "newline";
    if (!term && separator == ";") return "semicolon";
    return escape(separator);
}

std::vector<OptionInfo> option_infos() {
    using enum OptionDirection;
    using enum OptionType;
    return {
        {.name = "term-separator",
         .direction = both,
         .type = text,
         .values = {"tab", "comma"},
         .default_value = "tab",
         .description = "between term and definition: tab, comma or a custom string (escapes "
                        "\\n \\t \\\\); reading detects it when not given"},
        {.name = "row-separator",
         .direction = both,
         .type = text,
         .values = {"newline", "semicolon"},
         .default_value = "newline",
         .description = "between rows: newline, semicolon or a custom string (escapes \\n \\t "
                        "\\\\); reading detects it when not given"},
        {.name = "safe",
         .direction = write,
         .type = boolean,
         .default_value = "false",
         .description = "keep line breaks and punctuation by picking separators that occur in no "
                        "card; they are reported (QZ020) so that you can type them into Quizlet",
         .flag = "--quizlet-safe",
         .shown_codes = {std::string(kQuizletSafeSeparatorsCode)}},
    };
}

}  // namespace deckport::quizlet
