// Format options as data: each `-O key=value` is checked against the FormatInfo of the format
// that uses it, in the direction it is used (read or write).
#include <algorithm>
#include <cctype>
#include <set>

#include "deckport/error.hpp"
#include "deckport/format.hpp"
#include "deckport/suggest.hpp"

namespace deckport {
namespace {

std::string folded(std::string_view text) {
    std::string out;
    for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trimmed(std::string_view text) {
    std::size_t begin = text.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return {};
    std::size_t end = text.find_last_not_of(" \t");
    return std::string(text.substr(begin, end - begin + 1));
}

bool is_word_of(std::string_view word, const std::vector<std::string>& values) {
    std::string wanted = folded(trimmed(word));
    return std::any_of(values.begin(), values.end(),
                       [&](const std::string& v) { return folded(v) == wanted; });
}

std::string listed(const std::vector<std::string>& values) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == values.size() ? " or " : ", ") + values[i];
    }
    return out;
}

const std::vector<std::string>& boolean_words() {
    static const std::vector<std::string> words = {"true", "false", "yes", "no", "1", "0"};
    return words;
}

// Empty when `value` fits the option, else what it may be.
std::string accepted_values(const OptionInfo& option, const std::string& value) {
    switch (option.type) {
        case OptionType::boolean:
            return is_word_of(value, boolean_words()) ? std::string{} : "true or false";
        case OptionType::choice:
            return is_word_of(value, option.values) ? std::string{} : listed(option.values);
        case OptionType::list: {
            std::size_t start = 0;
            while (start <= value.size()) {
                std::size_t comma = value.find(',', start);
                std::string item = trimmed(value.substr(
                    start, comma == std::string::npos ? std::string::npos : comma - start));
                if (!item.empty() && !is_word_of(item, option.values)) {
                    return "a comma-separated list of " + listed(option.values);
                }
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
            return {};
        }
        case OptionType::character:
            return value.size() == 1 || is_word_of(value, option.values)
                       ? std::string{}
                       : listed(option.values) + ", or a single character";
        case OptionType::text:
            return value.empty() ? "a non-empty value" : std::string{};
    }
    return {};
}

const OptionInfo* declared(const FormatInfo& format, const std::string& key) {
    for (const OptionInfo& option : format.options) {
        if (option.name == key) return &option;
    }
    return nullptr;
}

bool uses(const OptionInfo& option, OptionDirection direction) {
    return direction == OptionDirection::read ? option.reads() : option.writes();
}

std::string user_phrase(const OptionUser& user) {
    return std::string(user.direction == OptionDirection::read ? "read by " : "written by ") +
           user.format->name;
}

}  // namespace

const char* option_direction_name(OptionDirection direction) {
    switch (direction) {
        case OptionDirection::read:
            return "read";
        case OptionDirection::write:
            return "write";
        case OptionDirection::both:
            return "read+write";
    }
    return "?";
}

const char* option_type_name(OptionType type) {
    switch (type) {
        case OptionType::boolean:
            return "bool";
        case OptionType::choice:
            return "choice";
        case OptionType::list:
            return "list";
        case OptionType::character:
            return "character";
        case OptionType::text:
            return "text";
    }
    return "?";
}

FormatOptions options_for(const FormatInfo& format, OptionDirection direction,
                          const FormatOptions& given) {
    FormatOptions out;
    for (const auto& [key, value] : given) {
        const OptionInfo* option = declared(format, key);
        if (!option || !uses(*option, direction)) continue;
        std::string accepted = accepted_values(*option, value);
        if (!accepted.empty()) {
            throw UsageError(format.name + " option '" + key + "=" + value + "' is not valid",
                             "'" + key + "' takes " + accepted);
        }
        out.emplace(key, value);
    }
    return out;
}

void check_option_keys(const FormatOptions& given, const std::vector<OptionUser>& users,
                       const FormatRegistry& registry) {
    for (const auto& entry : given) {
        const std::string& key = entry.first;  // a named copy: clang 14 cannot capture bindings
        bool used = std::any_of(users.begin(), users.end(), [&](const OptionUser& user) {
            const OptionInfo* option = declared(*user.format, key);
            return option && uses(*option, user.direction);
        });
        if (used) continue;
        std::string who;
        std::set<std::string> seen;
        std::vector<std::string> near;
        for (const OptionUser& user : users) {
            if (!seen.insert(user_phrase(user)).second) continue;
            who += (who.empty() ? "" : " or ") + user_phrase(user);
            for (const OptionInfo& option : user.format->options) {
                if (uses(option, user.direction)) near.push_back(option.name);
            }
        }
        std::string message = "unknown format option '" + key + "'" +
                              (who.empty() ? std::string{} : ": it is not " + who);
        if (auto meant = closest_word(key, near)) {
            throw UsageError(message, "did you mean '" + *meant + "'?");
        }
        // Declared by another format, or in the other direction?
        for (const Format* format : registry.all()) {
            if (const OptionInfo* option = declared(format->info, key)) {
                throw UsageError(message, "'" + key + "' is a " + format->info.name + " option (" +
                                              option_direction_name(option->direction) + ")");
            }
        }
        std::vector<std::string> all;
        for (const Format* format : registry.all()) {
            for (const OptionInfo& option : format->info.options) all.push_back(option.name);
        }
        if (auto meant = closest_word(key, all)) {
            throw UsageError(message, "did you mean '" + *meant + "'?");
        }
        throw UsageError(message, "`deckport formats` lists each format's options");
    }
}

}  // namespace deckport
