#include "json/pretty_text.hpp"

#include "common/utf8.hpp"

namespace deckport::json_format {

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t plain = 0;  // start of the run of bytes copied as they are
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
        out.append(text, plain, i - plain);
        plain = i + 1;
        out += '\\';
        switch (byte) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '\b':
                out += 'b';
                break;
            case '\t':
                out += 't';
                break;
            case '\n':
                out += 'n';
                break;
            case '\f':
                out += 'f';
                break;
            case '\r':
                out += 'r';
                break;
            default:
                out += "u00";
                out += kHex[byte >> 4];
                out += kHex[byte & 0xF];
        }
    }
    out.append(text, plain, std::string_view::npos);
    out += '"';
}

void PrettyText::new_line(int depth) {
    out_ += '\n';
    out_.append(static_cast<std::size_t>(2 * depth), ' ');
}

// Values in a container start a line of their own; a member's value follows its key.
void PrettyText::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (counts_.empty()) return;
    if (counts_.back()++ > 0) out_ += ',';
    new_line(depth_ + static_cast<int>(counts_.size()));
}

void PrettyText::open(char bracket) {
    before_value();
    out_ += bracket;
    counts_.push_back(0);
}

void PrettyText::close(char bracket) {
    int count = counts_.back();
    counts_.pop_back();
    if (count > 0) new_line(depth_ + static_cast<int>(counts_.size()));
    out_ += bracket;
}

PrettyText& PrettyText::begin_object() {
    open('{');
    return *this;
}

PrettyText& PrettyText::end_object() {
    close('}');
    return *this;
}

PrettyText& PrettyText::begin_array() {
    open('[');
    return *this;
}

PrettyText& PrettyText::end_array() {
    close(']');
    return *this;
}

PrettyText& PrettyText::key(std::string_view name) {
    before_value();
    append_json_string(out_, name);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

bool PrettyText::string(std::string_view text) {
    if (!utf8::is_valid(text)) return false;
    before_value();
    append_json_string(out_, text);
    return true;
}

PrettyText& PrettyText::integer(std::int64_t value) {
    before_value();
    out_ += std::to_string(value);
    return *this;
}

PrettyText& PrettyText::compact(std::string_view text) {
    before_value();
    int depth = depth_ + static_cast<int>(counts_.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        switch (c) {
            case '"': {  // a string, escapes and all, as it is
                std::size_t end = i + 1;
                while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
                out_.append(text, i, end + 1 - i);
                i = end;
                break;
            }
            case '{':
            case '[':
                out_ += c;
                if (i + 1 < text.size() && (text[i + 1] == '}' || text[i + 1] == ']')) {
                    out_ += text[++i];  // an empty container stays on its line
                } else {
                    new_line(++depth);
                }
                break;
            case '}':
            case ']':
                new_line(--depth);
                out_ += c;
                break;
            case ',':
                out_ += ',';
                new_line(depth);
                break;
            case ':':
                out_ += ": ";
                break;
            default:
                out_ += c;
        }
    }
    return *this;
}

}  // namespace deckport::json_format
