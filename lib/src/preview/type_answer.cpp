#include <nlohmann/json.hpp>

#include "render/anki_text.hpp"
#include "render/cloze.hpp"
#include "side_text.hpp"

namespace deckport::preview_detail {
namespace {

constexpr std::string_view kOpen = "[[type:";
constexpr std::string_view kClose = "]]";

// Replaces every `[[type:(.+?)]]` with what `replacement(field)` gives.
template <class Replace>
std::string replace_type_patterns(std::string_view html, Replace&& replacement) {
    std::string out;
    render_detail::ForwardFinder closer(html, kClose), newlines(html, "\n");
    std::size_t i = 0;
    while (true) {
        std::size_t open = html.find(kOpen, i);
        if (open == std::string_view::npos) break;
        // `.+?`: at least one character, no newline, up to the first `]]`.
        std::size_t close = closer.find(open + kOpen.size() + 1);
        std::size_t newline = newlines.find(open + kOpen.size());
        if (close == std::string_view::npos ||
            (newline != std::string_view::npos && newline < close)) {
            out.append(html.substr(i, open + 1 - i));
            i = open + 1;
            continue;
        }
        out.append(html.substr(i, open - i));
        out += replacement(html.substr(open + kOpen.size(), close - open - kOpen.size()));
        i = close + kClose.size();
    }
    out.append(html.substr(i));
    return out;
}

std::optional<std::string> first_type_field(std::string_view html) {
    std::optional<std::string> field;
    replace_type_patterns(html, [&](std::string_view f) {
        if (!field) field = std::string(f);
        return std::string();
    });
    return field;
}

// Anki's compare_answer with nothing typed: the expected text, stripped, in <code>.
std::string expected_answer_html(std::string_view expected) {
    std::string text = strip_audio_tags(expected);
    // Runs of line breaks, <br> and <div> tags become one space.
    std::string spaced;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t k = i;
        while (true) {
            if (k < text.size() && text[k] == '\n') {
                ++k;
                continue;
            }
            std::size_t tag_end = 0;
            for (std::string_view tag : {"<br>", "<br/>", "<br />", "<br\t>", "<br\n>", "<br\t/>",
                                         "<br\n/>", "<div>", "</div>"}) {
                if (text.compare(k, tag.size(), tag) == 0) {
                    tag_end = k + tag.size();
                    break;
                }
            }
            if (tag_end == 0) break;
            k = tag_end;
        }
        if (k > i) {
            spaced += ' ';
            i = k;
        } else {
            spaced += text[i++];
        }
    }
    std::string stripped(render_detail::trim_unicode(render_detail::strip_html(spaced)));
    return "<code id=typeans>" + render_detail::encode_minimal(stripped) + "</code>";
}

}  // namespace

std::string type_answer_question(std::string_view html, const NoteType& note_type,
                                 const FieldMap& fields, int card_ord, TypeAnswer& state) {
    state = TypeAnswer{};
    std::optional<std::string> pattern = first_type_field(html);
    if (!pattern) return std::string(html);
    std::string field = *pattern;
    bool cloze = false;
    if (field.rfind("cloze:", 0) == 0) {
        cloze = true;
        field = field.substr(6, field.find(':', 6) - 6);
    }
    if (field.rfind("nc:", 0) == 0) field = field.substr(3, field.find(':', 3) - 3);
    int index = note_type.field_index(field);
    if (index >= 0) {
        auto value = fields.find(field);
        std::string text = value == fields.end() ? std::string() : value->second;
        if (cloze) {
            text = render_detail::cloze_text_for_typing(text, card_ord + 1);
            if (!text.empty()) state.expected = text;
        } else {
            state.expected = text;
        }
        const nlohmann::json& options = note_type.extras.json();
        if (options.is_object() && options.contains("flds") && options["flds"].is_array() &&
            static_cast<std::size_t>(index) < options["flds"].size()) {
            const nlohmann::json& f = options["flds"][static_cast<std::size_t>(index)];
            if (f.is_object() && f.contains("font") && f["font"].is_string())
                state.font = f["font"].get<std::string>();
            if (f.is_object() && f.contains("size") && f["size"].is_number_integer())
                state.size = f["size"].get<int>();
        }
    }
    std::string replacement;
    if (!state.expected) {
        replacement =
            cloze ? "Please run Tools>Empty Cards" : "Type answer: unknown field " + field;
    } else if (!state.expected->empty()) {
        replacement =
            "\n<center>\n<input type=text id=typeans onkeypress=\"_typeAnsPress();\"\n"
            "   style=\"font-family: '" +
            state.font + "'; font-size: " + std::to_string(state.size) + "px;\">\n</center>\n";
    }
    return replace_type_patterns(html, [&](std::string_view) { return replacement; });
}

std::string type_answer_answer(std::string_view html, const TypeAnswer& state) {
    if (!state.expected || state.expected->empty())
        return replace_type_patterns(html, [](std::string_view) { return std::string(); });
    std::string text(html);
    bool had_hr = false;
    for (std::size_t at = text.find("<hr id=answer>"); at != std::string::npos;
         at = text.find("<hr id=answer>", at)) {
        text.erase(at, 14);
        had_hr = true;
    }
    if (had_hr && !first_type_field(text)) return std::string(html);
    std::string box = "\n<div style=\"font-family: '" + state.font +
                      "'; font-size: " + std::to_string(state.size) + "px\">" +
                      expected_answer_html(*state.expected) + "</div>";
    if (had_hr) box = "<hr id=answer>" + box;
    return replace_type_patterns(text, [&](std::string_view) { return box; });
}

}  // namespace deckport::preview_detail
