#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "deckport/clock.hpp"
#include "deckport/diagnostics.hpp"
#include "deckport/identity.hpp"
#include "deckport/json_value.hpp"
#include "deckport/model.hpp"
#include "deckport/normalize.hpp"
#include "deckport/notetypes.hpp"

using namespace deckport;

namespace {

// The members any_member shows, as an object.
nlohmann::json members_of(const JsonValue& value, std::initializer_list<std::string_view> keys) {
    nlohmann::json out = nlohmann::json::object();
    value.any_member(keys, [&](std::string_view key, const nlohmann::json& member) {
        out[std::string(key)] = member;
        return false;
    });
    return out;
}

}  // namespace

TEST(Model, DeckAncestryListsEveryLevel) {
    EXPECT_EQ(deck_ancestry("A::B::C"), (std::vector<std::string>{"A", "A::B", "A::B::C"}));
    EXPECT_EQ(split_deck_path("A::::B"), (std::vector<std::string>{"A", "", "B"}));
}

TEST(Model, EnsureDeckAddsMissingAncestorsOnce) {
    Collection c;
    c.ensure_deck("Lang::Rust::Sync");
    c.ensure_deck("Lang::Go");
    ASSERT_EQ(c.decks.size(), 4u);
    EXPECT_EQ(c.decks[0].name, "Lang");
    EXPECT_EQ(c.decks[2].name, "Lang::Rust::Sync");
    EXPECT_EQ(c.decks[3].name, "Lang::Go");
}

// Found by fuzzing (tests/fuzz_regressions/json): a deck read with the id that a missing deck's
// name derives gave two decks one id, and the JSON written could not be read back (JSON026).
TEST(Model, EnsureDeckNeverReusesAnIdThatIsTaken) {
    Collection c;
    c.ensure_deck("Wanted");
    std::int64_t derived = c.decks[0].id;
    c.decks[0].name = "Other";
    const Deck& added = c.ensure_deck("Wanted");
    EXPECT_EQ(added.id, derived + 1);
    EXPECT_EQ(c.decks[0].id, derived);
}

TEST(Model, TagsAreSortedAndUnique) {
    Note note;
    note.set_tags({"b", "a", "b", ""});
    EXPECT_EQ(note.tags, (std::vector<std::string>{"a", "b"}));
}

// A value held as text reads like the same value held as a tree, and stays text for readers
// that ask for a tree of their own (parsed), so that 100,000 cards do not keep 100,000 trees.
TEST(JsonValue, TextIsReadLikeTheTreeItSpells) {
    JsonValue text = JsonValue::from_text(R"({"data":"x","due":3})");
    JsonValue tree(nlohmann::json{{"data", "x"}, {"due", 3}});
    EXPECT_FALSE(text.empty());
    EXPECT_EQ(text.parsed(), tree.json());
    EXPECT_EQ(text.parsed_ordered().dump(), R"({"data":"x","due":3})");
    EXPECT_EQ(text, tree);
    JsonValue copy = text;
    EXPECT_EQ(copy.json().value("due", 0), 3);
    copy.json()["due"] = 4;  // the tree is kept from then on, and changes
    EXPECT_EQ(copy.parsed().value("due", 0), 4);
    EXPECT_EQ(text.parsed().value("due", 0), 3);
    EXPECT_TRUE(JsonValue::from_text("{}").empty());
    EXPECT_TRUE(JsonValue::from_text("null").empty());
    EXPECT_FALSE(JsonValue::from_text(R"("")").empty());
}

TEST(JsonValue, MembersAreTheNamedTopLevelValuesOfTextAndTree) {
    const char* text = R"({"data":"{}","flags":0,"nested":{"type":2},"odid":[1],"type":1})";
    nlohmann::json expected = {{"data", "{}"}, {"odid", nlohmann::json::object()}, {"type", 1}};
    EXPECT_EQ(members_of(JsonValue::from_text(text), {"data", "odid", "type", "missing"}),
              expected);
    EXPECT_EQ(
        members_of(JsonValue(nlohmann::json::parse(text)), {"data", "odid", "type", "missing"}),
        expected);
    // A key inside a nested object is not a top-level member.
    EXPECT_EQ(members_of(JsonValue::from_text(text), {"nested"}),
              nlohmann::json({{"nested", nlohmann::json::object()}}));
    EXPECT_EQ(members_of(JsonValue(), {"type"}), nlohmann::json::object());
    EXPECT_EQ(members_of(JsonValue::from_text("[1,2]"), {"type"}), nlohmann::json::object());
    EXPECT_THROW(members_of(JsonValue::from_text("{\"type\":"), {"type"}),
                 nlohmann::json::exception);
}

TEST(JsonValue, AnyMemberStopsAtTheFirstThatPasses) {
    for (const JsonValue& value : {JsonValue::from_text(R"({"a":0,"b":2,"c":3,"d":{"e":1}})"),
                                   JsonValue(nlohmann::json::parse(R"({"a":0,"b":2,"c":3})"))}) {
        std::vector<std::string> seen;
        auto positive = [&](std::string_view key, const nlohmann::json& member) {
            seen.emplace_back(key);
            return member.is_number() && member.get<int>() > 0;
        };
        EXPECT_TRUE(value.any_member({"a", "b", "c"}, positive));
        EXPECT_EQ(seen, (std::vector<std::string>{"a", "b"}));
        seen.clear();
        EXPECT_FALSE(value.any_member({"a", "e"}, positive));
        EXPECT_EQ(seen, std::vector<std::string>{"a"});  // e is not a top-level member
    }
}

// simdjson reads most texts; what it cannot (a number past 64 bits) nlohmann reads the same way,
// and the test sees each member once.
TEST(JsonValue, MembersOfEveryKindOfTextAgreeWithTheTree) {
    for (const char* text : {R"({"a":-1,"b":18446744073709551615,"c":1.5,"d":true,"e":null})",
                             R"({"s":"t\u00e9\"x\"","\u0074ype":2})",
                             R"({"a":1,"big":123456789012345678901234567890})"}) {
        nlohmann::json tree = nlohmann::json::parse(text);
        std::initializer_list<std::string_view> keys = {"a", "b", "c",    "d",
                                                        "e", "s", "type", "big"};
        EXPECT_EQ(members_of(JsonValue::from_text(text), keys), members_of(JsonValue(tree), keys))
            << text;
        EXPECT_EQ(members_of(JsonValue::from_text(text), keys).size(), tree.size()) << text;
        int shown = 0;
        JsonValue::from_text(text).any_member(keys, [&](std::string_view, const nlohmann::json&) {
            ++shown;
            return false;
        });
        EXPECT_EQ(shown, static_cast<int>(tree.size())) << "each member once: " << text;
    }
}

TEST(Diagnostics, RendersLikeACompiler) {
    Diagnostic d{Severity::error, "MD002", "unterminated fence", {"deck.md", 12, 1, {}}, {}};
    EXPECT_EQ(format_diagnostic(d), "deck.md:12:1: error: unterminated fence [MD002]");
    d.origin = {"deck.apkg", 0, 0, "notes[guid=abc].Back"};
    d.severity = Severity::warning;
    EXPECT_EQ(format_diagnostic(d),
              "deck.apkg: warning: notes[guid=abc].Back: unterminated fence [MD002]");
}

TEST(Normalize, DerivesGuidsAndReportsDuplicates) {
    Collection c;
    NoteType basic = c.ensure_note_type(basic_note_type());
    Note note;
    note.note_type_id = basic.id;
    note.deck = "A::B";
    note.fields = {{Markup::markdown, "Q"}, {Markup::markdown, "A"}};
    note.origin = {"d.md", 3, 1, {}};
    c.notes = {note, note};
    c.notes[1].origin.line = 9;
    Diagnostics diagnostics;
    normalize_collection(c, diagnostics);
    std::string derived = derive_guid("A::B", "Basic", "Q");
    EXPECT_EQ(c.notes[0].guid, derived);
    EXPECT_NE(c.notes[1].guid, derived);
    EXPECT_EQ(c.decks.size(), 2u);
    auto all = diagnostics.all();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(format_diagnostic(all[0]), "d.md:9:1: warning: duplicate note id '" + derived +
                                             "' (also used at d.md:3): this note gets the new "
                                             "id '" +
                                             c.notes[1].guid + "' [DUP001]");
    EXPECT_FALSE(diagnostics.has_errors());
}

TEST(Normalize, CopiesOfOneGuidGetDistinctStableNewGuids) {
    // A real CrowdAnki export held one note twice: the first keeps its GUID, every later copy
    // gets a new one derived from it, the same on every read, never one already in use.
    Collection c;
    NoteType basic = c.ensure_note_type(basic_note_type());
    Note note;
    note.note_type_id = basic.id;
    note.guid = "dup";
    note.fields = {{Markup::html, "Q"}, {Markup::html, "A"}};
    note.origin = {"deck.json", 0, 0, "notes[0]"};
    c.notes = {note, note, note};
    c.notes[1].origin.locator = "notes[1]";
    c.notes[2].origin.locator = "notes[2]";
    Collection again = c;
    Diagnostics diagnostics, diagnostics_again;
    normalize_collection(c, diagnostics);
    normalize_collection(again, diagnostics_again);
    EXPECT_EQ(c.notes[0].guid, "dup");
    EXPECT_NE(c.notes[1].guid, "dup");
    EXPECT_NE(c.notes[2].guid, "dup");
    EXPECT_NE(c.notes[1].guid, c.notes[2].guid);
    EXPECT_EQ(c.notes[1].guid, again.notes[1].guid);
    EXPECT_EQ(c.notes[2].guid, again.notes[2].guid);
    ASSERT_EQ(diagnostics.all().size(), 2u);
    EXPECT_EQ(format_diagnostic(diagnostics.all()[1]),
              "deck.json: warning: notes[2]: duplicate note id 'dup' (also used at deck.json "
              "notes[0]): this note gets the new id '" +
                  c.notes[2].guid + "' [DUP001]");
}

TEST(Clock, ParsesSecondsAndUtcDates) {
    EXPECT_EQ(parse_timestamp("0"), 0);
    EXPECT_EQ(parse_timestamp("1700000000"), 1700000000);
    EXPECT_EQ(parse_timestamp("2020-01-01T00:00:00Z"), kFixedEpoch);
    EXPECT_EQ(parse_timestamp("2020-01-01T00:00:00+01:00"), std::nullopt);
    EXPECT_EQ(parse_timestamp("-5"), std::nullopt);
    EXPECT_EQ(parse_timestamp("2020-02-30T00:00:00Z"), std::nullopt);
    EXPECT_EQ(parse_timestamp(""), std::nullopt);
}

TEST(Clock, ExplicitBeatsEnvironmentBeatsFiles) {
    ::setenv("SOURCE_DATE_EPOCH", "1234", 1);
    EXPECT_EQ(resolve_timestamp(99, {}), 99);
    EXPECT_EQ(resolve_timestamp(std::nullopt, {}), 1234);
    ::unsetenv("SOURCE_DATE_EPOCH");
    EXPECT_EQ(resolve_timestamp(std::nullopt, {"-"}), kFixedEpoch);
}
