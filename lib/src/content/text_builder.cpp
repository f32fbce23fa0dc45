#include "text_builder.hpp"

#include "escape.hpp"

namespace deckport::content {

void TextBuilder::start_content() {
    if (line_has_content_) return;
    if (!pending_marker_.empty()) {
        out_ += pending_marker_;
        pending_marker_.clear();
    } else {
        out_ += indent_;
    }
    line_has_content_ = true;
}

void TextBuilder::text(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (is_ascii_space(c)) {
            if (line_has_content_) pending_space_ = true;
            continue;
        }
        bool no_break_space = text.substr(i, 2) == kNoBreakSpace;
        start_content();
        if (pending_space_) {
            out_ += ' ';
            pending_space_ = false;
        }
        if (no_break_space) {
            out_ += ' ';
            ++i;
        } else if (c == '\0') {
            out_ += kReplacementCharacter;
        } else {
            out_ += c;
        }
    }
}

void TextBuilder::verbatim(std::string_view text) {
    if (pending_space_ && line_has_content_) out_ += ' ';
    pending_space_ = false;
    for (char c : text) {
        if (c == '\n') {
            line_break();
        } else if (c == '\0') {
            start_content();
            out_ += kReplacementCharacter;
        } else if (c != '\r') {
            start_content();
            out_ += c;
        }
    }
}

void TextBuilder::line_break() {
    if (!line_has_content_ && !pending_marker_.empty()) start_content();
    // Trailing spaces of a line are never kept.
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    out_ += '\n';
    line_has_content_ = false;
    pending_space_ = false;
}

void TextBuilder::block_boundary() {
    if (line_has_content_) line_break();
    pending_space_ = false;
}

void TextBuilder::cell_separator() {
    start_content();
    pending_space_ = false;
    out_ += " | ";
}

void TextBuilder::begin_item(std::string_view marker) {
    block_boundary();
    pending_marker_ = indent_;
    pending_marker_ += marker;
    indent_sizes_.push_back(indent_.size());
    indent_.append(marker.size(), ' ');
}

void TextBuilder::end_item() {
    if (!pending_marker_.empty()) {  // an empty item still shows its bullet
        start_content();
    }
    block_boundary();
    if (!indent_sizes_.empty()) {
        indent_.resize(indent_sizes_.back());
        indent_sizes_.pop_back();
    }
}

std::string TextBuilder::finish() {
    std::size_t end = out_.size();
    while (end > 0 && is_ascii_space(out_[end - 1])) --end;
    std::size_t begin = 0;
    while (begin < end && out_[begin] == '\n') ++begin;
    return out_.substr(begin, end - begin);
}

}  // namespace deckport::content
