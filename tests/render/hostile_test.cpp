// Templates and fields from a package are untrusted: absurd nesting is an error, not a stack
// overflow, and no input makes the renderer quadratic (1 MiB inputs finish in well under the
// limits below; a quadratic scanner would take hours).
#include <chrono>

#include <gtest/gtest.h>

#include "deckport/preview.hpp"
#include "deckport/render.hpp"

namespace deckport {
namespace {

constexpr std::size_t kMiB = 1 << 20;

std::string repeat(std::string_view piece, std::size_t total) {
    std::string out;
    out.reserve(total + piece.size());
    while (out.size() < total) out.append(piece);
    return out;
}

template <class F>
double seconds(F&& f) {
    auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(HostileTemplates, DeepSectionsAreAnErrorWithAPosition) {
    std::string tmpl = repeat("{{#A}}", 6 * 100000);
    RenderedCard card;
    EXPECT_LT(seconds([&] { card = render_card(tmpl, "", {{"A", "a"}}, 0, false); }), 10.0);
    ASSERT_TRUE(card.error);
    EXPECT_EQ(card.error->kind, TemplateErrorKind::too_deep);
    EXPECT_EQ(card.error->message, "Sections are nested more than 100 deep at '{{#A}}'");
    EXPECT_EQ(card.error->column, 601);
    // 100 levels are fine.
    std::string hundred = repeat("{{#A}}", 600) + "{{A}}" + repeat("{{/A}}", 600);
    EXPECT_EQ(render_card(hundred, "", {{"A", "a"}}, 0, false).question, "a");
}

TEST(HostileTemplates, UnclosedHandlebarsAndCommentsStayLinear) {
    std::string braces = repeat("{{", kMiB);
    std::string comments = repeat("<!--", kMiB) + "{{A}}";
    // Text, as Anki reads a `{{` without `}}`: the front shows no field, so it is "blank".
    EXPECT_LT(seconds([&] {
                  EXPECT_TRUE(render_card(braces, "", {{"A", "a"}}, 0, false).is_empty);
              }),
              10.0);
    EXPECT_LT(seconds([&] { render_card(comments, "", {{"A", "a"}}, 0, false); }), 10.0);
}

TEST(HostileFields, FiltersStayLinear) {
    FieldMap fields{{"T", repeat("<!--<style<script<", kMiB) + "&amp;"},
                    {"R", repeat("a[a", kMiB)},
                    {"C", repeat("\\(", kMiB) + "{{c1::x}}"},
                    {"N", repeat("{{c1::", kMiB)}};
    EXPECT_LT(seconds([&] { render_card("{{text:T}}", "", fields, 0, false); }), 10.0);
    EXPECT_LT(seconds([&] {
                  EXPECT_EQ(render_card("{{furigana:R}}", "", fields, 0, false).question,
                            fields["R"]);
              }),
              10.0);
    EXPECT_LT(seconds([&] { render_card("{{cloze:C}}", "", fields, 0, true); }), 10.0);
    EXPECT_LT(seconds([&] { render_card("{{cloze:N}}", "", fields, 0, true); }), 10.0);
}

TEST(HostileStyles, DeepBlocksAreLeftOutAndLong) {
    std::string css = repeat("@media x{", 9 * 100000);
    ScopedCss scoped;
    EXPECT_LT(seconds([&] { scoped = scope_css(css, ".s", {}); }), 10.0);
    EXPECT_EQ(scoped.dropped, std::vector<std::string>{"blocks nested more than 32 deep"});
    std::string braces = repeat(".a{", kMiB);
    EXPECT_LT(seconds([&] { scope_css(braces, ".s", {}); }), 10.0);
    std::string parens = repeat("(", kMiB);
    EXPECT_LT(seconds([&] { scope_css(parens, ".s", {}); }), 10.0);
}

}  // namespace
}  // namespace deckport
