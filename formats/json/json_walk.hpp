// The structural walk behind json_scan.hpp: a cursor that knows lines and columns, and a
// tokenizer that calls a visitor at each value, member and container. It stops quietly at the
// first thing that is not well-formed JSON (the real parser reports that).
#pragma once

#include <algorithm>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "json/json_scan.hpp"

namespace deckport::json_format::detail {

inline constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Walks text, keeping the line of the next byte; columns are counted only when asked for,
// from a checkpoint that moves forward, so that the walk stays linear on one-line files.
class Cursor {
  public:
    explicit Cursor(std::string_view text) : text_(text) {
        if (text_.starts_with(kBom)) index_ = line_start_ = column_index_ = kBom.size();
    }

    bool at_end() const { return index_ >= text_.size(); }
    char peek() const { return text_[index_]; }
    std::size_t index() const { return index_; }

    TextPosition position() {
        if (column_index_ < line_start_ || column_index_ > index_) {
            column_index_ = line_start_;
            column_ = 1;
        }
        for (; column_index_ < index_; ++column_index_) {
            // Continuation bytes belong to the character before them.
            if ((static_cast<unsigned char>(text_[column_index_]) & 0xC0) != 0x80) ++column_;
        }
        return {line_, column_};
    }

    void advance() {
        if (text_[index_] == '\n') {
            ++line_;
            line_start_ = index_ + 1;
        }
        ++index_;
    }

    // Moves to `offset` (at most the end), counting the lines passed.
    void advance_to(std::size_t offset) {
        offset = std::min(offset, text_.size());
        while (index_ < offset) {
            const void* newline = std::memchr(text_.data() + index_, '\n', offset - index_);
            if (!newline) {
                index_ = offset;
                break;
            }
            index_ = static_cast<std::size_t>(static_cast<const char*>(newline) - text_.data());
            advance();
        }
    }

    void skip_whitespace() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            advance();
        }
    }

    // Skips a string token starting at its opening quote; false when it is unterminated.
    bool skip_string() {
        std::size_t from = index_ + 1;
        while (true) {
            const void* found = std::memchr(text_.data() + from, '"', text_.size() - from);
            if (!found) {
                advance_to(text_.size());
                return false;
            }
            std::size_t quote =
                static_cast<std::size_t>(static_cast<const char*>(found) - text_.data());
            std::size_t backslashes = 0;
            while (text_[quote - 1 - backslashes] == '\\')
                ++backslashes;  // stops at the opening quote
            if (backslashes % 2 == 0) {
                advance_to(quote + 1);
                return true;
            }
            from = quote + 1;
        }
    }

    // The number or literal (true, false, null) that starts here; empty when there is none.
    std::string_view scalar() const {
        std::size_t end = index_;
        while (end < text_.size()) {
            char c = text_[end];
            bool scalar_char = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                               (c >= 'A' && c <= 'Z') || c == '+' || c == '-' || c == '.';
            if (!scalar_char) break;
            ++end;
        }
        return text_.substr(index_, end - index_);
    }

    // Skips `size` bytes that hold no line break.
    void skip(std::size_t size) { index_ = std::min(index_ + size, text_.size()); }

  private:
    std::string_view text_;
    std::size_t index_ = 0;
    int line_ = 1;
    std::size_t line_start_ = 0;    // index of the current line's first byte
    std::size_t column_index_ = 0;  // checkpoint: column_ is the column of this index
    int column_ = 1;
};

// Keys seen so far in one object: a short list, then a hash set once there are many.
class KeySet {
  public:
    void clear() {
        keys_.clear();
        many_.clear();
    }

    // False when `key` was seen before.
    bool insert(const std::string& key) {
        constexpr std::size_t kLinearLimit = 32;
        if (keys_.size() < kLinearLimit) {
            if (std::find(keys_.begin(), keys_.end(), key) != keys_.end()) return false;
            keys_.push_back(key);
            if (keys_.size() == kLinearLimit) many_.insert(keys_.begin(), keys_.end());
            return true;
        }
        return many_.insert(key).second;
    }

  private:
    std::vector<std::string> keys_;
    std::unordered_set<std::string> many_;
};

// One open object or array, with the visitor's state for it.
template <class State>
struct Frame {
    bool object = false;
    std::size_t next_index = 0;  // arrays: index of the next element
    KeySet keys;                 // objects: for visitors that track duplicate keys
    State state{};
};

// Walks `text`, telling `visitor` about its structure. A Visitor has a type State (what it
// knows about one value, e.g. its pointer) and:
//   State root(Cursor&)                                  the top-level value starts here
//   State element(const State& array, size_t index, Cursor&)   an array element starts here
//   State member(std::span<Frame<State>> open, std::string_view raw_key, TextPosition key_at)
//                                                        a member of open.back() starts (at its
//                                                        key); open[0] is the root container
//   bool open(size_t depth, Cursor&)                     a container opens; false stops
//   void scalar(std::string_view token, Cursor&)         a number or literal starts here
//   bool done() const                                    true stops the walk
template <class Visitor>
void walk(std::string_view text, Visitor& visitor) {
    using State = typename Visitor::State;
    enum class Expect { value, value_or_close, key, key_or_close, after_value };
    Cursor cursor(text);
    // Frames are reused, not destroyed, when containers close, to keep their allocations.
    std::vector<Frame<State>> stack;
    std::size_t depth = 0;
    Expect expect = Expect::value;
    State current{};  // the state of the value about to be read
    bool started = false;

    auto close = [&] {
        cursor.advance();
        --depth;
        expect = Expect::after_value;
    };

    while (!visitor.done()) {
        cursor.skip_whitespace();
        if (cursor.at_end()) return;
        char c = cursor.peek();
        switch (expect) {
            case Expect::value:
            case Expect::value_or_close: {
                if (expect == Expect::value_or_close && c == ']') {
                    close();
                    break;
                }
                // Array elements and the root start here; members started at their key.
                if (depth > 0 && !stack[depth - 1].object) {
                    Frame<State>& array = stack[depth - 1];
                    current = visitor.element(array.state, array.next_index++, cursor);
                } else if (depth == 0) {
                    if (started) return;  // trailing text is the parser's to report
                    started = true;
                    current = visitor.root(cursor);
                }
                if (c == '{' || c == '[') {
                    if (!visitor.open(depth + 1, cursor)) return;
                    if (depth == stack.size()) stack.emplace_back();
                    Frame<State>& frame = stack[depth++];
                    frame.object = c == '{';
                    frame.next_index = 0;
                    frame.keys.clear();
                    frame.state = std::move(current);
                    cursor.advance();
                    expect = c == '{' ? Expect::key_or_close : Expect::value_or_close;
                    break;
                }
                if (c == '"') {
                    if (!cursor.skip_string()) return;
                } else {
                    std::string_view token = cursor.scalar();
                    if (token.empty()) return;
                    visitor.scalar(token, cursor);
                    cursor.skip(token.size());
                }
                expect = Expect::after_value;
                break;
            }
            case Expect::key:
            case Expect::key_or_close: {
                if (expect == Expect::key_or_close && c == '}') {
                    close();
                    break;
                }
                if (c != '"') return;
                std::size_t start = cursor.index();
                TextPosition at = cursor.position();
                if (!cursor.skip_string()) return;
                std::string_view raw = text.substr(start + 1, cursor.index() - start - 2);
                current = visitor.member(std::span<Frame<State>>(stack.data(), depth), raw, at);
                cursor.skip_whitespace();
                if (cursor.at_end() || cursor.peek() != ':') return;
                cursor.advance();
                expect = Expect::value;
                break;
            }
            case Expect::after_value: {
                if (depth == 0) return;
                if (c == ',') {
                    cursor.advance();
                    expect = stack[depth - 1].object ? Expect::key : Expect::value;
                } else if (c == (stack[depth - 1].object ? '}' : ']')) {
                    close();
                } else {
                    return;
                }
                break;
            }
        }
    }
}

}  // namespace deckport::json_format::detail
