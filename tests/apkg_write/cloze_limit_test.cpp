// Clozes past Anki's limit: a note gets at most 500 cloze cards (c500 and above share card 500,
// which shows only c500), c501 and above never get a card. The writer, `check` and `inspect`
// agree on it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "apkg_write_helpers.hpp"
#include "deckport/cloze_limit.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

std::string clozes(int from, int to) {
    std::string text;
    for (int n = from; n <= to; ++n) {
        text += "{{c" + std::to_string(n) + "::" + std::to_string(n) + "}} ";
    }
    return text;
}

const char* kPastLimit =
    "cloze numbers c501 to c600 (100 of them) get no card in Anki: it makes at most 500 cloze "
    "cards, and shows c501 and above only as text on other cards";

}  // namespace

TEST(ClozeLimit, TheWriterMakes500CardsAndSaysWhatIsLeftOut) {
    Collection c;
    NoteType cloze = cloze_note_type();
    c.note_types = {cloze};
    c.notes.push_back(make_note(cloze, {html(clozes(1, 600)), html("")}, "Deck", {}, "many"));
    c.notes.back().origin = SourceLocation{"deck.md", 5, 1};
    WriteResult result = write_apkg(c);
    ASSERT_FALSE(result.bytes.empty());
    EXPECT_EQ(rendered(result.diagnostics),
              std::vector<std::string>{std::string("deck.md:5:1: warning: ") + kPastLimit +
                                       " [APKG218]"});
    SqliteDb db = open_collection(result.bytes);
    EXPECT_EQ(count_rows(db, "cards"), 500);
    EXPECT_EQ(column_integers(db, "select max(ord) from cards"), std::vector<std::int64_t>{499});
    CheckResult check = independent_check(result.bytes, "--notes 1 --cards 500");
    EXPECT_EQ(check.exit_code, 0) << check.output;

    // Up to c500 nothing is lost: c500 has card 500 to itself.
    Collection exact = c;
    exact.notes[0].fields[0] = html(clozes(1, 500));
    WriteResult fits = write_apkg(exact);
    EXPECT_TRUE(fits.diagnostics.empty());
    SqliteDb full = open_collection(fits.bytes);
    EXPECT_EQ(count_rows(full, "cards"), 500);
}

TEST(ClozeLimit, CountsAndNumbersAsAnki) {
    NoteType cloze = cloze_note_type();
    Note note = make_note(cloze, {html(clozes(1, 3) + "{{c700::x}}"), html("{{c501::y}}")});
    EXPECT_EQ(anki_card_ords(cloze, note), (std::vector<int>{0, 1, 2, 499}));
    EXPECT_EQ(clozes_without_card(cloze, note), (std::vector<int>{501, 700}));
    EXPECT_EQ(clozes_without_card_message({501}),
              "cloze c501 gets no card in Anki: it makes at most 500 cloze cards, and shows c501 "
              "and above only as text on other cards");
    NoteType basic = basic_note_type();
    EXPECT_TRUE(
        clozes_without_card(basic, make_note(basic, {html("{{c900::x}}"), html("")})).empty());
}

TEST(ClozeLimit, CheckInspectAndConvertAgree) {
    TempDir dir;
    std::string line = "Numbers " + clozes(1, 600);
    write_text(dir / "deck.md", "---\nFlashcard Deck: Many\n---\n\n" + line + "\n");
    std::string deck = (dir / "deck.md").string();

    CliResult inspect = run_cli({"inspect", deck, "--json"});
    ASSERT_EQ(inspect.exit_code, 0) << inspect.err;
    EXPECT_EQ(nlohmann::json::parse(inspect.out)["cards"], 500);

    CliResult check = run_cli({"check", deck});
    std::string expected = deck + ":5:" + std::to_string(line.find("{{c501::") + 1) +
                           ": warning: " + kPastLimit + " [LINT013]";
    EXPECT_NE((check.out + check.err).find(expected), std::string::npos) << check.out << check.err;

    CliResult convert =
        run_cli({"convert", deck, "-o", (dir / "out.apkg").string(), "--timestamp", "1700000000"});
    EXPECT_EQ(convert.exit_code, 0) << convert.err;
    EXPECT_NE(convert.err.find("[APKG218]"), std::string::npos) << convert.err;
    SqliteDb db = open_collection(read_text(dir / "out.apkg"));
    EXPECT_EQ(count_rows(db, "cards"), 500);
}
