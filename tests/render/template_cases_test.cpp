// Anki's template behaviour, one test per case of tests/render/anki_template_cases.json: the
// question and answer strings must be Anki's, byte for byte.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "deckport/render.hpp"
#include "test_support.hpp"

namespace deckport {
namespace {

struct TemplateCase {
    std::string id;
    std::string name;
    std::string qfmt, afmt;
    FieldMap fields;
    int card_ord = 0;
    bool cloze = false;
    std::string question, answer;
    std::string anki_hint_id;
};

std::vector<TemplateCase> load_cases() {
    std::ifstream in(test::source_dir() / "tests/render/anki_template_cases.json");
    nlohmann::json doc = nlohmann::json::parse(in);
    std::vector<TemplateCase> cases;
    for (const auto& c : doc.at("cases")) {
        TemplateCase t;
        t.id = c.at("id");
        t.name = c.at("name");
        t.qfmt = c.at("qfmt");
        t.afmt = c.at("afmt");
        for (const auto& [k, v] : c.at("fields").items()) t.fields[k] = v.get<std::string>();
        t.card_ord = c.at("card_ord");
        t.cloze = c.at("cloze");
        t.question = c.at("question");
        t.answer = c.at("answer");
        t.anki_hint_id = c.value("anki_hint_id", "");
        cases.push_back(std::move(t));
    }
    return cases;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    if (from.empty()) return text;
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// deckport's hint id for the `{{hint:F}}` of a case: the 16 hex digits after "hint" in the
// rendered question.
std::string rendered_hint_id(const std::string& question) {
    std::size_t at = question.find("getElementById('hint");
    return at == std::string::npos ? "" : question.substr(at + 20, 16);
}

// ctest lists a case by its id, not by its bytes.
void PrintTo(const TemplateCase& c, std::ostream* out) {
    *out << c.id << " " << c.name;
}

class AnkiTemplateCase : public testing::TestWithParam<TemplateCase> {};

TEST_P(AnkiTemplateCase, RendersAsAnki) {
    const TemplateCase& c = GetParam();
    RenderedCard card = render_card(c.qfmt, c.afmt, c.fields, c.card_ord, c.cloze);
    std::string question = c.question, answer = c.answer;
    if (!c.anki_hint_id.empty()) {
        std::string ours = rendered_hint_id(card.question);
        ASSERT_EQ(ours.size(), 16u) << card.question;
        EXPECT_NE(ours, c.anki_hint_id);
        question = replace_all(question, c.anki_hint_id, ours);
        answer = replace_all(answer, c.anki_hint_id, ours);
    }
    EXPECT_EQ(card.question, question) << c.id << " " << c.name;
    EXPECT_EQ(card.answer, answer) << c.id << " " << c.name;
}

std::string case_name(const testing::TestParamInfo<TemplateCase>& info) {
    std::string name = info.param.id + "_";
    for (char ch : info.param.name) {
        bool alnum =
            (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
        if (alnum)
            name += ch;
        else if (name.back() != '_')
            name += '_';
    }
    while (name.back() == '_') name.pop_back();
    return name;
}

INSTANTIATE_TEST_SUITE_P(Spec, AnkiTemplateCase, testing::ValuesIn(load_cases()), case_name);

TEST(AnkiTemplateCases, AllFiftyFiveAreThere) {
    EXPECT_EQ(load_cases().size(), 55u);
}

}  // namespace
}  // namespace deckport
