// The delimited-text dialect Anki reads and writes: its six separators, its separator guess, and
// RFC 4180 quoting with `#` as a comment character.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace deckport::csv {

struct Separator {
    char byte;
    const char* name;  // as Anki writes it after `#separator:`
};

// Anki's separators in the order its guess tries them (tab, pipe, semicolon, colon, comma, space).
const std::vector<Separator>& anki_separators();

// A separator from a name (`Tab`, `comma`, ... compared case-insensitively after trimming) or
// from the character itself; empty when Anki would not accept it.
std::optional<char> separator_from_name(std::string_view value);
const char* separator_name(char byte);

// Anki's guess without a `#separator:` line: the first separator in anki_separators() that
// occurs anywhere in the first 8 KiB of the rows; space when none does.
char guess_separator(std::string_view body);
inline constexpr std::size_t kSeparatorGuessWindow = 8 * 1024;

// True when a field must be quoted: it holds the separator, a quote, CR, LF or `#` (Anki's reader
// skips every record that starts with `#`, and its writer quotes `#` anywhere).
bool needs_quoting(std::string_view field, char separator);

// One record, fields quoted where needed, quotes doubled, ended by `\n`. A record made of one
// empty field is written `""` so that it is not read as a blank line.
std::string format_record(const std::vector<std::string>& fields, char separator);
// The same record appended to `out`, from views of the fields.
void append_record(std::string& out, std::span<const std::string_view> fields, char separator);

}  // namespace deckport::csv
