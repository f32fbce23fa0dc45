#include "json/json_scan.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>

#include <nlohmann/json.hpp>

#include "json/json_walk.hpp"

namespace deckport::json_format {
namespace {

using detail::Cursor;
using detail::Frame;

// The key's text without its quotes, unescaped; nullopt when the escapes are malformed.
std::optional<std::string> decode_key(std::string_view raw) {
    if (raw.find('\\') == std::string_view::npos) return std::string(raw);
    std::string token(1, '"');
    token.append(raw);
    token.push_back('"');
    auto parsed = nlohmann::json::parse(token, nullptr, false);
    if (!parsed.is_string()) return std::nullopt;
    return parsed.get<std::string>();
}

// Bounds nesting and finds duplicate keys. State: the value's own pointer token (unescaped).
class PrescanVisitor {
  public:
    using State = std::string;

    PrescanVisitor(std::uint32_t max_depth, PrescanResult& result)
        : max_depth_(max_depth), result_(result) {}

    State root(Cursor&) { return {}; }
    State element(const State&, std::size_t index, Cursor&) { return std::to_string(index); }
    State member(std::span<Frame<State>> open, std::string_view raw_key, TextPosition at) {
        auto key = decode_key(raw_key);
        if (!key) {
            stopped_ = true;
            return {};
        }
        if (!open.back().keys.insert(*key)) {
            // The member's pointer: the tokens of the open containers below the root, then the key.
            std::string pointer;
            for (std::size_t i = 1; i < open.size(); ++i) {
                pointer += '/';
                pointer += pointer_token(open[i].state);
            }
            pointer += '/';
            pointer += pointer_token(*key);
            result_.duplicate_keys.push_back({std::move(pointer), at});
        }
        return std::move(*key);
    }
    bool open(std::size_t depth, Cursor& cursor) {
        if (depth <= max_depth_) return true;
        result_.too_deep = cursor.position();
        return false;
    }
    void scalar(std::string_view token, Cursor& cursor) {
        bool number = token[0] == '-' || (token[0] >= '0' && token[0] <= '9');
        if (!number || result_.number_overflow) return;
        if (!std::isfinite(std::strtod(std::string(token).c_str(), nullptr))) {
            result_.number_overflow.emplace(std::string(token), cursor.position());
        }
    }
    bool done() const { return stopped_; }

  private:
    std::uint32_t max_depth_;
    PrescanResult& result_;
    bool stopped_ = false;
};

// The wanted pointers as a tree of their tokens, so that the walk looks up one token per level
// and skips whole subtrees that hold nothing wanted.
struct PointerNode {
    const std::string* pointer = nullptr;  // set when this node itself is wanted
    std::map<std::string, PointerNode, std::less<>> children;
};

std::vector<std::string> pointer_tokens(const std::string& pointer) {
    std::vector<std::string> tokens;
    std::size_t at = 0;
    while (at < pointer.size()) {  // pointer[at] is the '/' before a token
        std::size_t end = pointer.find('/', at + 1);
        if (end == std::string::npos) end = pointer.size();
        std::string token;
        for (std::size_t i = at + 1; i < end; ++i) {
            if (pointer[i] == '~' && i + 1 < end &&
                (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
                token += pointer[++i] == '0' ? '~' : '/';
            } else {
                token += pointer[i];
            }
        }
        tokens.push_back(std::move(token));
        at = end;
    }
    return tokens;
}

// Finds where wanted pointers start. State: the tree node of the value (null: nothing wanted
// in it).
class LocateVisitor {
  public:
    using State = const PointerNode*;

    LocateVisitor(const std::unordered_set<std::string>& pointers,
                  std::unordered_map<std::string, TextPosition>& found)
        : wanted_(pointers.size()), found_(found) {
        for (const std::string& pointer : pointers) {
            if (!pointer.empty() && pointer[0] != '/') {
                --wanted_;  // not a JSON pointer: never found
                continue;
            }
            PointerNode* node = &root_;
            for (std::string& token : pointer_tokens(pointer)) node = &node->children[token];
            node->pointer = &pointer;
        }
    }

    State root(Cursor& cursor) { return visit(&root_, cursor.position()); }
    State element(const State& array, std::size_t index, Cursor& cursor) {
        if (!array || array->children.empty()) return nullptr;
        auto it = array->children.find(std::to_string(index));
        return it == array->children.end() ? nullptr : visit(&it->second, cursor.position());
    }
    State member(std::span<Frame<State>> open, std::string_view raw_key, TextPosition at) {
        const PointerNode* object = open.back().state;
        if (!object || object->children.empty()) return nullptr;
        auto key = decode_key(raw_key);
        if (!key) return nullptr;
        auto it = object->children.find(*key);
        return it == object->children.end() ? nullptr : visit(&it->second, at);
    }
    bool open(std::size_t, Cursor&) { return true; }
    void scalar(std::string_view, Cursor&) {}
    bool done() const { return found_.size() >= wanted_; }

  private:
    const PointerNode* visit(const PointerNode* node, TextPosition at) {
        if (node->pointer) found_.emplace(*node->pointer, at);  // the first occurrence wins
        return node;
    }

    PointerNode root_;
    std::size_t wanted_;
    std::unordered_map<std::string, TextPosition>& found_;
};

// Finds the notes' and their fields' positions (NotePositions). State: what the value is.
class NotesVisitor {
  public:
    enum class Kind { other, root, notes, note, fields, field };
    struct State {
        Kind kind = Kind::other;
        std::size_t note = 0;
        std::size_t field = 0;
    };

    explicit NotesVisitor(NotePositions& found) : found_(found) {}

    State root(Cursor&) { return {Kind::root}; }
    State element(const State& array, std::size_t index, Cursor& cursor) {
        if (array.kind == Kind::notes) {
            set(found_.notes, index, cursor.position());
            return {Kind::note, index};
        }
        if (array.kind == Kind::fields) {
            set(slot(found_.fields, array.note), index, cursor.position());
            return {Kind::field, array.note, index};
        }
        return {};
    }
    State member(std::span<Frame<State>> open, std::string_view raw_key, TextPosition at) {
        const State& object = open.back().state;
        if (object.kind != Kind::root && object.kind != Kind::note && object.kind != Kind::field) {
            return {};
        }
        std::optional<std::string> decoded;
        if (raw_key.find('\\') != std::string_view::npos) {
            decoded = decode_key(raw_key);
            if (!decoded) return {};
            raw_key = *decoded;
        }
        if (object.kind == Kind::root && raw_key == "notes") return {Kind::notes};
        if (object.kind == Kind::note && raw_key == "fields") return {Kind::fields, object.note};
        if (object.kind == Kind::field && raw_key == "source") {
            set(slot(found_.sources, object.note), object.field, at);
        }
        return {};
    }
    bool open(std::size_t, Cursor&) { return true; }
    void scalar(std::string_view, Cursor&) {}
    bool done() const { return false; }

  private:
    static std::vector<TextPosition>& slot(std::vector<std::vector<TextPosition>>& table,
                                           std::size_t note) {
        if (note >= table.size()) table.resize(note + 1);
        return table[note];
    }
    static void set(std::vector<TextPosition>& row, std::size_t index, TextPosition at) {
        if (index >= row.size()) row.resize(index + 1);
        if (row[index].line == 0) row[index] = at;
    }

    NotePositions& found_;
};

// "123" as a number; nullopt for anything else (signs, leading zeros, other characters).
std::optional<std::size_t> pointer_index(std::string_view token) {
    if (token.empty() || (token.size() > 1 && token[0] == '0')) return std::nullopt;
    std::size_t value = 0;
    auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (error != std::errc{} || end != token.data() + token.size()) return std::nullopt;
    return value;
}

}  // namespace

NotePositions locate_notes(std::string_view text) {
    NotePositions found;
    NotesVisitor visitor(found);
    detail::walk(text, visitor);
    return found;
}

std::optional<TextPosition> NotePositions::of(std::string_view pointer) const {
    constexpr std::string_view kNotes = "/notes/";
    if (!pointer.starts_with(kNotes)) return std::nullopt;
    pointer.remove_prefix(kNotes.size());
    std::size_t slash = pointer.find('/');
    std::optional<std::size_t> note = pointer_index(pointer.substr(0, slash));
    if (!note) return std::nullopt;
    auto known = [](const std::vector<TextPosition>& row,
                    std::size_t index) -> std::optional<TextPosition> {
        if (index >= row.size() || row[index].line == 0) return std::nullopt;
        return row[index];
    };
    if (slash == std::string_view::npos) return known(notes, *note);
    constexpr std::string_view kFields = "/fields/";
    pointer.remove_prefix(slash);
    if (!pointer.starts_with(kFields)) return std::nullopt;
    pointer.remove_prefix(kFields.size());
    slash = pointer.find('/');
    std::optional<std::size_t> field = pointer_index(pointer.substr(0, slash));
    if (!field) return std::nullopt;
    const auto& table = slash == std::string_view::npos ? fields : sources;
    if (slash != std::string_view::npos && pointer.substr(slash) != "/source") return std::nullopt;
    if (*note >= table.size()) return std::nullopt;
    return known(table[*note], *field);
}

TextPosition position_of_offset(std::string_view text, std::size_t offset) {
    Cursor cursor(text);
    cursor.advance_to(offset);
    return cursor.position();
}

std::string pointer_token(std::string_view key) {
    std::string token;
    token.reserve(key.size());
    for (char c : key) {
        if (c == '~') {
            token += "~0";
        } else if (c == '/') {
            token += "~1";
        } else {
            token += c;
        }
    }
    return token;
}

PrescanResult prescan(std::string_view text, std::uint32_t max_depth) {
    PrescanResult result;
    PrescanVisitor visitor(max_depth, result);
    detail::walk(text, visitor);
    return result;
}

std::unordered_map<std::string, TextPosition> locate(
    std::string_view text, const std::unordered_set<std::string>& pointers) {
    std::unordered_map<std::string, TextPosition> found;
    if (pointers.empty()) return found;
    LocateVisitor visitor(pointers, found);
    detail::walk(text, visitor);
    return found;
}

}  // namespace deckport::json_format
