#include "deckport/notetypes.hpp"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "deckport/identity.hpp"

namespace deckport {

// Renders the reference deck well in Anki's desktop, AnkiDroid and AnkiMobile: readable code,
// quoted asides, tables with borders, and night mode (Anki adds `.nightMode` to the card).
const char* const kDefaultCss = R"css(.card {
  font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 20px;
  line-height: 1.5;
  text-align: left;
  color: #1f2328;
  background-color: #ffffff;
  max-width: 42em;
  margin: 0 auto;
}
.card p { margin: 0.5em 0; }
code, pre {
  font-family: "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
  font-size: 0.9em;
  background-color: #f3f4f6;
  border-radius: 4px;
}
code { padding: 0.1em 0.3em; }
pre { padding: 0.75em 1em; overflow-x: auto; }
pre code { padding: 0; background: none; }
blockquote {
  margin: 0.75em 0;
  padding: 0.25em 1em;
  color: #57606a;
  border-left: 4px solid #d0d7de;
}
table { border-collapse: collapse; margin: 0.75em 0; }
th, td { border: 1px solid #d0d7de; padding: 0.3em 0.6em; }
th { background-color: #f6f8fa; }
img { max-width: 100%; }
.cloze { font-weight: bold; color: #0969da; }
.nightMode.card, .night_mode .card { color: #e6edf3; background-color: #0d1117; }
.nightMode code, .nightMode pre { background-color: #161b22; }
.nightMode blockquote { color: #9da7b3; border-left-color: #3d444d; }
.nightMode th, .nightMode td { border-color: #3d444d; }
.nightMode th { background-color: #161b22; }
.nightMode .cloze { color: #58a6ff; }
)css";

namespace {

constexpr const char* kAnswerSeparator = "{{FrontSide}}\n\n<hr id=answer>\n\n";

std::int64_t note_type_id(const NoteType& nt) {
    std::string key = nt.name;
    for (const auto& field : nt.fields) key += "\x1f" + field;
    for (const auto& tmpl : nt.templates) key += "\x1e" + tmpl.name;
    return derive_id("notetype", key);
}

NoteType make(std::string name, NoteTypeKind kind, std::vector<std::string> fields,
              std::vector<CardTemplate> templates) {
    NoteType nt;
    nt.name = std::move(name);
    nt.kind = kind;
    nt.fields = std::move(fields);
    nt.templates = std::move(templates);
    // `{}` in the lists below makes a null json; the model's "no extras" is an empty object.
    for (CardTemplate& card_template : nt.templates) {
        if (card_template.extras.json().is_null())
            card_template.extras.json() = nlohmann::json::object();
    }
    nt.css = kDefaultCss;
    nt.id = note_type_id(nt);
    return nt;
}

}  // namespace

NoteType basic_note_type() {
    return make("Basic", NoteTypeKind::standard, {"Front", "Back"},
                {{"Card 1", "{{Front}}", std::string(kAnswerSeparator) + "{{Back}}", {}}});
}

NoteType basic_and_reversed_note_type() {
    return make("Basic (and reversed card)", NoteTypeKind::standard, {"Front", "Back"},
                {{"Card 1", "{{Front}}", std::string(kAnswerSeparator) + "{{Back}}", {}},
                 {"Card 2", "{{Back}}", std::string(kAnswerSeparator) + "{{Front}}", {}}});
}

NoteType cloze_note_type() {
    return make("Cloze", NoteTypeKind::cloze, {"Text", "Back Extra"},
                {{"Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}", {}}});
}

bool is_builtin_note_type(const NoteType& nt) {
    for (const NoteType& builtin :
         {basic_note_type(), basic_and_reversed_note_type(), cloze_note_type()}) {
        if (nt.name == builtin.name && nt.kind == builtin.kind && nt.fields == builtin.fields &&
            nt.templates.size() == builtin.templates.size()) {
            return true;
        }
    }
    return false;
}

std::vector<int> cloze_numbers(std::string_view text) {
    std::vector<int> numbers;
    std::size_t pos = 0;
    while ((pos = text.find("{{c", pos)) != std::string_view::npos) {
        pos += 3;
        std::size_t digits_end = pos;
        while (digits_end < text.size() && text[digits_end] >= '0' && text[digits_end] <= '9') {
            ++digits_end;
        }
        if (digits_end == pos || text.substr(digits_end, 2) != "::") continue;
        int number = 0;
        auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + digits_end, number);
        if (ec == std::errc() && ptr == text.data() + digits_end && number > 0) {
            numbers.push_back(number);
        }
        pos = digits_end;
    }
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    return numbers;
}

std::vector<int> generated_card_ords(const NoteType& note_type, const Note& note) {
    std::vector<int> ords;
    if (note_type.kind == NoteTypeKind::standard) {
        for (std::size_t i = 0; i < note_type.templates.size(); ++i)
            ords.push_back(static_cast<int>(i));
        return ords;
    }
    std::string all_fields;
    for (const Content& field : note.fields) all_fields += field.source + "\n";
    for (int number : cloze_numbers(all_fields)) ords.push_back(number - 1);
    if (ords.empty()) ords.push_back(0);
    return ords;
}

}  // namespace deckport
