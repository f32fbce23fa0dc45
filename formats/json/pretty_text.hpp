// JSON text written straight from values, byte for byte as nlohmann's dump(2) writes the same
// value (ensure_ascii off): the writer renders 100,000 notes without a tree per note.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace deckport::json_format {

class PrettyText {
  public:
    // Lines after the first are indented by two spaces per `depth`: the value sits `depth`
    // levels deep in the document.
    explicit PrettyText(int depth = 0) : depth_(depth) {}

    PrettyText& begin_object();
    PrettyText& end_object();
    PrettyText& begin_array();
    PrettyText& end_array();
    PrettyText& key(std::string_view name);  // a member of the open object
    // False, and nothing written, when `text` is not UTF-8: dump() would throw there, and the
    // caller takes the tree path that reports it.
    bool string(std::string_view text);
    PrettyText& integer(std::int64_t value);
    // A value given as compact JSON text as nlohmann's dump() writes it (what
    // JsonValue::compact_text() holds), reindented.
    PrettyText& compact(std::string_view text);

    const std::string& text() const { return out_; }
    std::string take() { return std::move(out_); }

  private:
    void before_value();
    void new_line(int depth);
    void open(char bracket);
    void close(char bracket);

    std::string out_;
    int depth_;
    // One entry per open container: how many values it holds so far.
    std::vector<int> counts_;
    bool after_key_ = false;
};

// `text` as a JSON string literal the way nlohmann escapes it: `"` and `\`, the control
// characters (\b \f \n \r \t, the others \u00xx); everything else as it is. `text` must be UTF-8.
void append_json_string(std::string& out, std::string_view text);

}  // namespace deckport::json_format
