#include "deckport/notetypes.hpp"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "deckport/identity.hpp"

namespace deckport {

// For note types that readers make up: renders well in Anki's desktop, AnkiDroid and
// AnkiMobile: readable code, quoted asides, tables with borders, and night mode (Anki adds
// `.nightMode` to the card).
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

// Anki's styling.css; the Cloze CSS appends cloze_styling.css to it, and Image Occlusion's puts
// the canvas's variables before it (rslib/src/notetype, anki-facts §1.3).
#define DECKPORT_ANKI_CARD_CSS       \
    ".card {\n"                      \
    "    font-family: arial;\n"      \
    "    font-size: 20px;\n"         \
    "    text-align: center;\n"      \
    "    color: black;\n"            \
    "    background-color: white;\n" \
    "}\n"

const char* const kAnkiCss = DECKPORT_ANKI_CARD_CSS;

const char* const kAnkiClozeCss = DECKPORT_ANKI_CARD_CSS
    ".cloze {\n"
    "    font-weight: bold;\n"
    "    color: blue;\n"
    "}\n"
    ".nightMode .cloze {\n"
    "    color: lightblue;\n"
    "}\n";

const char* const kAnkiImageOcclusionCss =
    "#image-occlusion-canvas {\n"
    "    --inactive-shape-color: #ffeba2;\n"
    "    --active-shape-color: #ff8e8e;\n"
    "    --inactive-shape-border: 1px #212121;\n"
    "    --active-shape-border: 1px #212121;\n"
    "    --highlight-shape-color: #ff8e8e00;\n"
    "    --highlight-shape-border: 1px #ff8e8e;\n"
    "}\n"
    "\n" DECKPORT_ANKI_CARD_CSS;

#undef DECKPORT_ANKI_CARD_CSS

namespace {

constexpr std::string_view kAnswerSeparator = "{{FrontSide}}\n\n<hr id=answer>\n\n";

// Anki 25.02's Image Occlusion template; the back adds the toggle and Back Extra.
constexpr std::string_view kOcclusionFront =
    "{{#Header}}<div>{{Header}}</div>{{/Header}}\n"
    "<div style=\"display: none\">{{cloze:Occlusion}}</div>\n"
    "<div id=\"err\"></div>\n"
    "<div id=\"image-occlusion-container\">\n"
    "    {{Image}}\n"
    "    <canvas id=\"image-occlusion-canvas\"></canvas>\n"
    "</div>\n"
    "<script>\n"
    "try {\n"
    "    anki.imageOcclusion.setup();\n"
    "} catch (exc) {\n"
    "    document.getElementById(\"err\").innerHTML = `Error loading image occlusion. Is your "
    "Anki version up to date?<br><br>${exc}`;\n"
    "}\n"
    "</script>\n";
constexpr std::string_view kOcclusionBackExtra =
    "\n<div><button id=\"toggle\">Toggle Masks</button></div>\n"
    "{{#Back Extra}}<div>{{Back Extra}}</div>{{/Back Extra}}\n";

struct Shape {
    std::string front;
    std::string back;
};

// The templates of a stock kind with the fields named `f` (F0, F1, ... in anki-facts §1.6).
std::vector<Shape> stock_templates(StockKind kind, const std::vector<std::string>& f) {
    auto field = [&](std::size_t i) { return "{{" + f[i] + "}}"; };
    std::string answer(kAnswerSeparator);
    Shape forward{field(0), answer + field(1)};
    switch (kind) {
        case StockKind::basic:
            return {forward};
        case StockKind::basic_and_reversed:
            return {forward, {field(1), answer + field(0)}};
        case StockKind::basic_optional_reversed:
            return {forward,
                    {"{{#" + f[2] + "}}" + field(1) + "{{/" + f[2] + "}}", answer + field(0)}};
        case StockKind::basic_typing:
            return {{field(0) + "\n\n{{type:" + f[1] + "}}",
                     field(0) + "\n\n<hr id=answer>\n\n{{type:" + f[1] + "}}"}};
        case StockKind::cloze:
            return {{"{{cloze:" + f[0] + "}}", "{{cloze:" + f[0] + "}}<br>\n" + field(1)}};
        case StockKind::image_occlusion:
            return {{std::string(kOcclusionFront),
                     std::string(kOcclusionFront) + std::string(kOcclusionBackExtra)}};
    }
    return {};
}

struct StockDefinition {
    StockKind kind;
    const char* name;
    NoteTypeKind note_kind;
    std::vector<std::string> fields;
    std::vector<std::string> template_names;
    const char* css;
};

const std::vector<StockDefinition>& definitions() {
    static const std::vector<StockDefinition> all = {
        {StockKind::basic,
         "Basic",
         NoteTypeKind::standard,
         {"Front", "Back"},
         {"Card 1"},
         kAnkiCss},
        {StockKind::basic_and_reversed,
         "Basic (and reversed card)",
         NoteTypeKind::standard,
         {"Front", "Back"},
         {"Card 1", "Card 2"},
         kAnkiCss},
        {StockKind::basic_optional_reversed,
         "Basic (optional reversed card)",
         NoteTypeKind::standard,
         {"Front", "Back", "Add Reverse"},
         {"Card 1", "Card 2"},
         kAnkiCss},
        {StockKind::basic_typing,
         "Basic (type in the answer)",
         NoteTypeKind::standard,
         {"Front", "Back"},
         {"Card 1"},
         kAnkiCss},
        {StockKind::cloze,
         "Cloze",
         NoteTypeKind::cloze,
         {"Text", "Back Extra"},
         {"Cloze"},
         kAnkiClozeCss},
        {StockKind::image_occlusion,
         "Image Occlusion",
         NoteTypeKind::cloze,
         {"Occlusion", "Image", "Header", "Back Extra", "Comments"},
         {"Image Occlusion"},
         kAnkiImageOcclusionCss},
    };
    return all;
}

// Line endings unified and outer white space trimmed, as the recognition rule compares.
std::string comparable(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    std::size_t begin = out.find_first_not_of(" \t\n");
    if (begin == std::string::npos) return {};
    std::size_t end = out.find_last_not_of(" \t\n");
    return out.substr(begin, end + 1 - begin);
}

bool templates_match(const NoteType& nt, StockKind kind) {
    std::vector<Shape> shapes = stock_templates(kind, nt.fields);
    if (shapes.size() != nt.templates.size()) return false;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        if (comparable(nt.templates[i].front) != comparable(shapes[i].front) ||
            comparable(nt.templates[i].back) != comparable(shapes[i].back))
            return false;
    }
    return true;
}

bool is_image_occlusion(const NoteType& nt) {
    if (nt.kind != NoteTypeKind::cloze || nt.fields.size() < 4 || nt.templates.size() != 1)
        return false;
    const nlohmann::json& extras = nt.extras.json();
    if (extras.is_object()) {
        auto marker = extras.find("originalStockKind");
        if (marker != extras.end() && marker->is_number_integer() && *marker == 6) return true;
    }
    const std::string& front = nt.templates[0].front;
    return front.find("{{cloze:" + nt.fields[0] + "}}") != std::string::npos &&
           front.find("id=\"image-occlusion-container\"") != std::string::npos;
}

}  // namespace

std::int64_t derived_note_type_id(const NoteType& nt) {
    std::string key = nt.name;
    for (const auto& field : nt.fields) key += "\x1f" + field;
    for (const auto& tmpl : nt.templates) key += "\x1e" + tmpl.name;
    return derive_id("notetype", key);
}

NoteType stock_note_type(StockKind kind) {
    const StockDefinition& definition = definitions()[static_cast<std::size_t>(kind)];
    NoteType nt;
    nt.name = definition.name;
    nt.kind = definition.note_kind;
    nt.fields = definition.fields;
    std::vector<Shape> shapes = stock_templates(kind, nt.fields);
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        CardTemplate card_template{
            definition.template_names[i], shapes[i].front, shapes[i].back, {}};
        // The model's "no extras" is an empty object, not null.
        card_template.extras.json() = nlohmann::json::object();
        nt.templates.push_back(std::move(card_template));
    }
    nt.css = definition.css;
    nt.id = derived_note_type_id(nt);
    return nt;
}

const std::vector<NoteType>& stock_note_types() {
    static const std::vector<NoteType> all = [] {
        std::vector<NoteType> types;
        for (const StockDefinition& definition : definitions())
            types.push_back(stock_note_type(definition.kind));
        return types;
    }();
    return all;
}

NoteType basic_note_type() {
    return stock_note_types()[static_cast<std::size_t>(StockKind::basic)];
}

NoteType basic_and_reversed_note_type() {
    return stock_note_types()[static_cast<std::size_t>(StockKind::basic_and_reversed)];
}

NoteType cloze_note_type() {
    return stock_note_types()[static_cast<std::size_t>(StockKind::cloze)];
}

std::optional<StockKind> stock_kind_of(const NoteType& nt) {
    if (is_image_occlusion(nt)) return StockKind::image_occlusion;
    for (const StockDefinition& definition : definitions()) {
        if (definition.kind == StockKind::image_occlusion) continue;
        if (nt.kind != definition.note_kind || nt.fields.size() != definition.fields.size())
            continue;
        if (templates_match(nt, definition.kind)) return definition.kind;
    }
    return std::nullopt;
}

bool is_builtin_note_type(const NoteType& nt) {
    return stock_kind_of(nt).has_value();
}

bool is_stock_under_anki_name(const NoteType& nt) {
    std::optional<StockKind> kind = stock_kind_of(nt);
    return kind && definitions()[static_cast<std::size_t>(*kind)].name == nt.name;
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
