// build_preview: every card of every input rendered with its note type, assembled into the
// page template (assets/page.html) with the page's CSS and JavaScript, the note types' scoped
// CSS, and MathJax and highlight.js when the cards need them.
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "assets.hpp"
#include "card_html.hpp"
#include "content/escape.hpp"
#include "deckport/preview.hpp"
#include "deckport/render.hpp"
#include "javascript_bundle.hpp"
#include "media_links.hpp"
#include "note_diagnostics.hpp"
#include "side_text.hpp"

namespace deckport {

using namespace preview_detail;

namespace {

std::string escaped(std::string_view text) {
    std::string out;
    content::append_html_escaped(out, text);
    return out;
}

// Replaces each `<!--dp:name-->` of the template once, without looking into the values.
std::string fill_template(std::string_view page, const std::map<std::string, std::string>& values) {
    std::string out;
    std::size_t i = 0;
    while (true) {
        std::size_t open = page.find("<!--dp:", i);
        if (open == std::string_view::npos) break;
        std::size_t close = page.find("-->", open);
        auto value = values.find(std::string(page.substr(open + 7, close - open - 7)));
        out.append(page.substr(i, open - i));
        if (value != values.end()) out += value->second;
        i = close + 3;
    }
    out.append(page.substr(i));
    return out;
}

std::string where(const std::string& input, const SourceLocation& at) {
    if (at.has_position()) {
        return (at.file.empty() ? input : at.file) + ":" + std::to_string(at.line) +
               (at.column > 0 ? ":" + std::to_string(at.column) : "");
    }
    return at.locator.empty() ? input : at.locator;
}

void append_problem(std::string& out, const char* severity, const std::string& code,
                    const std::string& message, const std::string& at) {
    out += std::string("<li class=\"dp-") + severity + "\"><span class=\"dp-sev\">" + severity +
           "</span>";
    if (!code.empty()) out += "<code>" + escaped(code) + "</code>";
    out += "<span class=\"dp-msg\">" + escaped(message) + "</span>";
    if (!at.empty()) out += "<span class=\"dp-at\">" + escaped(at) + "</span>";
    out += "</li>";
}

void append_diagnostic(std::string& out, const std::string& input, const Diagnostic& d) {
    append_problem(out, severity_name(d.severity), d.code, d.message, where(input, d.origin));
}

bool uses_math(std::string_view html) {
    return html.find("\\(") != std::string_view::npos || html.find("\\[") != std::string_view::npos;
}

bool uses_code(std::string_view html) {
    return html.find("language-") != std::string_view::npos ||
           html.find("lang-") != std::string_view::npos;
}

bool latex_svg(const NoteType& nt) {
    const nlohmann::json& extras = nt.extras.json();
    return extras.is_object() && extras.contains("latexsvg") && extras["latexsvg"].is_boolean() &&
           extras["latexsvg"].get<bool>();
}

std::vector<CardInfo> cards_of(const NoteType& nt, const Note& note) {
    std::vector<CardInfo> cards;
    for (const Card& card : note.cards) {  // a package's own cards
        CardInfo info{card.ord, card.deck.empty() ? note.deck : card.deck, 0, 0};
        const nlohmann::json s = card.scheduling.parsed();  // no tree left behind per card
        if (s.is_object()) {
            info.flags = static_cast<int>(s.value("flags", std::int64_t{0}) & 7);
            info.id = s.value("id", std::int64_t{0});
        }
        cards.push_back(info);
    }
    if (cards.empty()) {
        for (int ord : anki_card_ords(nt, note)) cards.push_back({ord, note.deck, 0, 0});
    }
    return cards;
}

std::string template_problem(const RenderedCard& card) {
    if (!card.error) return {};
    return std::string(card.error_in_back ? "back" : "front") + " template, line " +
           std::to_string(card.error->line) + ", column " + std::to_string(card.error->column) +
           ": " + card.error->message;
}

class PageBuilder {
  public:
    PageBuilder(const PreviewOptions& options, Diagnostics& diagnostics, PreviewPage& page)
        : options_(options), diagnostics_(diagnostics), page_(page) {}

    // The page's title: the option, or the inputs' names.
    void set_title(std::string title) { title_ = std::move(title); }

    void add_input(const PreviewInput& input) {
        const Collection& collection = input.collection;
        MediaLinks media(collection, options_.media_folder, page_.linked_media);
        NoteDiagnostics by_note = attach_diagnostics(collection, input.diagnostics);
        if (!by_note.deck_level.empty()) {
            deck_problems_ += "<section class=\"dp-deck-problems\"><h2>" + escaped(input.name) +
                              "</h2><ul class=\"dp-problems\">";
            for (const Diagnostic* d : by_note.deck_level)
                append_diagnostic(deck_problems_, input.name, *d);
            deck_problems_ += "</ul></section>\n";
        }
        std::map<std::int64_t, NoteTypeScope> scopes;
        for (std::size_t n = 0; n < collection.notes.size(); ++n) {
            const Note& note = collection.notes[n];
            const NoteType* nt = collection.find_note_type(note.note_type_id);
            if (!nt) continue;  // the reader reported it
            auto scope = scopes.find(nt->id);
            if (scope == scopes.end())
                scope = scopes.emplace(nt->id, scope_note_type(*nt, media)).first;
            ++page_.notes;
            std::string problems;
            bool has_error = false;
            for (const Diagnostic* d : by_note.by_note[n]) {
                append_diagnostic(problems, input.name, *d);
                has_error = has_error || d->severity == Severity::error;
            }
            for (const CardInfo& info : cards_of(*nt, note)) {
                add_card(input, *nt, note, info, scope->second, media, problems,
                         by_note.by_note[n].size(), has_error);
            }
        }
        for (auto& [id, scope] : scopes) {
            if (scope.dropped.empty()) continue;
            std::set<std::string> unique(scope.dropped.begin(), scope.dropped.end());
            std::string list;
            for (const std::string& item : unique) list += (list.empty() ? "" : ", ") + item;
            diagnostics_.warning(
                "PREVIEW003", SourceLocation(input.name, 0, 0, "note type '" + scope.name + "'"),
                "left out of the preview's stylesheet: " + list,
                "only media files of the deck can be shown; the page fetches nothing");
        }
    }

    std::string finish() {
        std::string head, scripts;
        std::string mathjax_state = "none";
        if (math_) {
            std::string problem;
            if (auto scripts_for_head = mathjax_scripts(options_.javascript_dir, problem)) {
                head += *scripts_for_head + "\n";
                mathjax_state = "pending";
                page_.mathjax = true;
            } else {
                mathjax_state = "missing";
                diagnostics_.warning(
                    "PREVIEW001", SourceLocation(options_.javascript_dir.string()),
                    "MathJax is not there: " + problem + "; math is shown as TeX source",
                    "apt install libjs-mathjax, or set DECKPORT_JAVASCRIPT_DIR");
            }
        }
        std::string highlight_css;
        if (code_) {
            std::string problem;
            if (auto h = highlight_js(options_.javascript_dir, problem)) {
                highlight_css = h->css;
                scripts += h->script + "\n";
                page_.highlighting = true;
            } else {
                diagnostics_.warning(
                    "PREVIEW002", SourceLocation(options_.javascript_dir.string()),
                    "highlight.js is not there: " + problem + "; code is not highlighted",
                    "apt install libjs-highlight.js, or set DECKPORT_JAVASCRIPT_DIR");
            }
        }
        scripts += "<script>" + std::string(preview_asset("page.js")) + "</script>";

        std::string csp =
            "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src "
            "'unsafe-inline'; img-src data:" +
            std::string(options_.media_folder.empty() ? "" : " file:") +
            "; font-src data:" + std::string(options_.media_folder.empty() ? "" : " file:") +
            "; media-src data:" + std::string(options_.media_folder.empty() ? "" : " file:") +
            "; form-action 'none'; base-uri 'none'" +
            (options_.reload_endpoint.empty() ? "" : "; connect-src 'self'");
        std::string body_attributes;
        if (!options_.reload_endpoint.empty()) {
            body_attributes = " data-reload=\"" + escaped(options_.reload_endpoint) +
                              "\" data-version=\"" + escaped(options_.reload_version) + "\"";
        }
        std::string css = std::string(preview_asset("page.css")) + "\n" +
                          std::string(preview_asset("reviewer.css")) + "\n" + highlight_css;
        std::string summary = std::to_string(page_.cards) +
                              (page_.cards == 1 ? " card" : " cards") + " · " +
                              std::to_string(page_.notes) + (page_.notes == 1 ? " note" : " notes");
        std::string footer = "Made by " + escaped(options_.generator) +
                             ". Cards are rendered with their note types' templates, as Anki does.";
        if (page_.mathjax) footer += " Math by MathJax 2 (Apache-2.0)";
        if (page_.highlighting)
            footer +=
                std::string(page_.mathjax ? "," : "") + " code by highlight.js (BSD-3-Clause)";
        if (page_.mathjax || page_.highlighting) footer += ", embedded from Debian's packages.";
        return fill_template(preview_asset("page.html"),
                             {{"csp", csp},
                              {"version", escaped(options_.generator)},
                              {"title", escaped(title_)},
                              {"page-css", css},
                              {"head", styles_ + head},
                              {"card-count", std::to_string(page_.cards)},
                              {"mathjax", mathjax_state},
                              {"body-attributes", body_attributes},
                              {"summary", summary},
                              {"deck-diagnostics", deck_problems_},
                              {"cards", cards_},
                              {"footer", footer},
                              {"scripts", scripts}});
    }

  private:
    struct NoteTypeScope {
        std::string name;
        std::string selector;  // ".dp-nt-3"
        std::string css_class;
        std::vector<std::string> dropped;
    };

    NoteTypeScope scope_note_type(const NoteType& nt, MediaLinks& media) {
        NoteTypeScope scope;
        scope.name = nt.name;
        scope.css_class = "dp-nt-" + std::to_string(++scopes_);
        scope.selector = "." + scope.css_class;
        CssResources resources{[&media](std::string_view r) { return media.url(r); },
                               [&media](std::string_view r) { return media.text(r); }};
        ScopedCss scoped = scope_css(nt.css, scope.selector, resources);
        scope.dropped = std::move(scoped.dropped);
        std::string css = std::move(scoped.css);
        for (std::size_t at = css.find("</"); at != std::string::npos; at = css.find("</", at + 3))
            css.replace(at, 2, "<\\/");  // a </style> inside a string would end the element
        styles_ += "<style data-note-type=\"" + escaped(nt.name) + "\">\n" + css + "\n</style>\n";
        return scope;
    }

    void add_card(const PreviewInput& input, const NoteType& nt, const Note& note,
                  const CardInfo& info, NoteTypeScope& scope, MediaLinks& media,
                  const std::string& note_problems, std::size_t note_problem_count,
                  bool note_has_error) {
        std::string uid = "c" + std::to_string(++page_.cards);
        RenderedCard rendered = render_note_card(nt, note, info);
        FieldMap fields = card_field_map(nt, note, info);
        bool svg = latex_svg(nt);
        TypeAnswer typed;
        std::string question =
            type_answer_question(audio_tags_to_html(latex_to_images(rendered.question, svg), media),
                                 nt, fields, info.ord, typed);
        std::string answer = type_answer_answer(
            audio_tags_to_html(latex_to_images(rendered.answer, svg), media), typed);
        std::string q_suffix = "-" + uid + "q", a_suffix = "-" + uid + "a";
        question = side_html(question, media, {scope.selector, q_suffix, options_.run_card_scripts},
                             scope.dropped);
        answer = side_html(answer, media, {scope.selector, a_suffix, options_.run_card_scripts},
                           scope.dropped);
        math_ = math_ || uses_math(question) || uses_math(answer);
        code_ = code_ || uses_code(question) || uses_code(answer);

        std::string problems = note_problems;
        std::size_t problem_count = note_problem_count;
        if (rendered.error) {
            append_problem(problems, "error", "", template_problem(rendered),
                           "note type '" + nt.name + "'");
            ++problem_count;
        }
        std::string template_name;
        if (nt.kind == NoteTypeKind::cloze)
            template_name = "Cloze " + std::to_string(info.ord + 1);
        else if (info.ord >= 0 && static_cast<std::size_t>(info.ord) < nt.templates.size())
            template_name = nt.templates[static_cast<std::size_t>(info.ord)].name;
        else
            template_name = "Card " + std::to_string(info.ord + 1);

        std::string tags;
        for (const std::string& tag : note.tags) tags += (tags.empty() ? "" : " ") + tag;
        std::string deck_label;
        for (const std::string& part : split_deck_path(info.deck))
            deck_label += (deck_label.empty() ? "" : " › ") + part;
        std::string card_class = "card card" + std::to_string(info.ord + 1);

        std::string& out = cards_;
        out += "<article class=\"dp-card\" id=\"" + uid + "\" data-note=\"" +
               std::to_string(page_.notes) + "\" data-deck=\"" + escaped(info.deck) +
               "\" data-tags=\"" + escaped(tags) + "\" data-notetype=\"" + escaped(nt.name) +
               "\" data-ord=\"" + std::to_string(info.ord) + "\" data-problems=\"" +
               std::to_string(problem_count) + "\"" +
               (rendered.is_empty ? " data-empty=\"1\"" : "") +
               (rendered.error ? " data-template-error=\"1\"" : "") +
               ">\n<header class=\"dp-card-head\"><span class=\"dp-deck\">" + escaped(deck_label) +
               "</span><span class=\"dp-nt\">" + escaped(nt.name) + " · " + escaped(template_name) +
               "</span>";
        for (const std::string& tag : note.tags)
            out += "<button type=\"button\" class=\"dp-tag\" data-tag=\"" + escaped(tag) + "\">" +
                   escaped(tag) + "</button>";
        if (problem_count > 0) {
            bool error = rendered.error.has_value() || note_has_error;
            out += std::string("<span class=\"dp-badge ") + (error ? "dp-error" : "dp-warning") +
                   "\">" + std::to_string(problem_count) +
                   (problem_count == 1 ? " problem" : " problems") + "</span>";
        }
        out += "<span class=\"dp-where\">" + escaped(where(input.name, note.origin)) +
               "</span></header>\n";
        out += "<div class=\"dp-sides\">\n<section class=\"dp-side dp-q " + scope.css_class +
               "\" data-label=\"Front\"><div class=\"" + card_class + "\">" + question +
               "</div></section>\n<section class=\"dp-side dp-a " + scope.css_class +
               "\" data-label=\"Back\"><div class=\"" + card_class + "\">" + answer +
               "</div></section>\n</div>\n";
        if (!problems.empty()) out += "<ul class=\"dp-problems\">" + problems + "</ul>\n";
        out += "</article>\n";
    }

    const PreviewOptions& options_;
    Diagnostics& diagnostics_;
    PreviewPage& page_;
    std::string title_, styles_, cards_, deck_problems_;
    int scopes_ = 0;
    bool math_ = false, code_ = false;
};

}  // namespace

PreviewPage build_preview(const std::vector<PreviewInput>& inputs, const PreviewOptions& options,
                          Diagnostics& diagnostics) {
    PreviewPage page;
    PageBuilder builder(options, diagnostics, page);
    std::string title;
    for (const PreviewInput& input : inputs) {
        builder.add_input(input);
        title += (title.empty() ? "" : ", ") + input.name;
    }
    builder.set_title(options.title.empty() ? title + " — deckport preview" : options.title);
    page.html = builder.finish();
    return page;
}

}  // namespace deckport
