// Plain text of a field for comparisons (content.hpp's to_text, white space collapsed), and the
// raw HTML inside markdown (md4c's HTML text events).
#include <md4c.h>

#include <cstring>
#include <functional>

#include "content/escape.hpp"
#include "deckport/content.hpp"
#include "deckport/parallel.hpp"
#include "lint/lint_support.hpp"

namespace deckport::lint_detail {
namespace {

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    bool pending_space = false;
    for (char c : text) {
        if (content::is_ascii_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

int ignore_span(MD_SPANTYPE, void*, void*) {
    return 0;
}

int on_raw_html(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
    if (type == MD_TEXT_HTML) static_cast<std::string*>(userdata)->append(text, size);
    return 0;
}

int ignore_block(MD_BLOCKTYPE, void*, void*) {
    return 0;
}

}  // namespace

std::string markdown_raw_html(std::string_view markdown) {
    if (markdown.find('<') == std::string_view::npos) return {};
    MD_PARSER parser;
    std::memset(&parser, 0, sizeof parser);
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
    parser.enter_block = ignore_block;
    parser.leave_block = ignore_block;
    parser.enter_span = ignore_span;
    parser.leave_span = ignore_span;
    parser.text = on_raw_html;
    std::string html;
    md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &html);
    return html;
}

std::string plain_text(const Content& content) {
    return collapse_whitespace(to_text(content));
}

namespace {

thread_local PlainTextMemo* current_memo = nullptr;

}  // namespace

PlainTextMemo::PlainTextMemo(const Collection& collection)
    : collection_(collection), texts_(collection.notes.size() * kFields), outer_(current_memo) {
    // Made up front on every core: the rules then read them in the notes' order.
    parallel_for(collection.notes.size(), [&](std::size_t n) {
        const Note& note = collection.notes[n];
        for (std::size_t field = 0; field < kFields && field < note.fields.size(); ++field) {
            texts_[n * kFields + field] = plain_text(note.fields[field]);
        }
    });
    current_memo = this;
}

PlainTextMemo::~PlainTextMemo() {
    current_memo = outer_;
}

std::string* PlainTextMemo::slot(const Note& note, std::size_t field) {
    const std::vector<Note>& notes = collection_.notes;
    // std::less: `note` may be no element of `notes`, and < on unrelated pointers is unspecified.
    std::less<const Note*> before;
    if (field >= kFields || field >= note.fields.size() || notes.empty() ||
        before(&note, notes.data()) || !before(&note, notes.data() + notes.size())) {
        return nullptr;
    }
    return &texts_[static_cast<std::size_t>(&note - notes.data()) * kFields + field];
}

std::string plain_text_of(const Note& note, std::size_t field) {
    if (current_memo) {
        if (std::string* memoised = current_memo->slot(note, field)) return *memoised;
    }
    return plain_text(note.fields[field]);
}

std::string_view first_line(std::string_view text) {
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        while (!line.empty() && content::is_ascii_space(line.front())) line.remove_prefix(1);
        while (!line.empty() && content::is_ascii_space(line.back())) line.remove_suffix(1);
        if (!line.empty()) return line;
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return {};
}

std::string field_name(const Collection& collection, const Note& note, std::size_t field) {
    const NoteType* note_type = collection.find_note_type(note.note_type_id);
    if (note_type && field < note_type->fields.size()) return note_type->fields[field];
    return "field " + std::to_string(field + 1);
}

std::string excerpt(std::string_view text, std::size_t limit) {
    std::string out;
    std::size_t i = 0;
    for (; i < text.size() && out.size() < limit; ++i) {
        if (text[i] == '\n') {
            out += "\u23CE";
        } else if (text[i] != '\r') {
            out += text[i];
        }
    }
    if (i < text.size()) {
        // Do not cut a UTF-8 sequence in half.
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) {
            out.pop_back();
        }
        if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80)) out.pop_back();
        out += "…";
    }
    return out;
}

}  // namespace deckport::lint_detail
