// The JSON writer renders notes as text without a tree (PrettyText, note_text): the bytes must be
// those nlohmann's dump(2) writes for the same note, which the tree path still writes when a
// note holds text that is not UTF-8.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "json/model_writer.hpp"
#include "json/pretty_text.hpp"

using namespace deckport;
using namespace deckport::json_format;

namespace {

// What the writer put before the text path: the tree dumped, its lines indented to `depth`.
std::string dumped(const ojson& value, int depth) {
    std::string text = value.dump(2, ' ', false, ojson::error_handler_t::strict);
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '\n') out.append(static_cast<std::size_t>(2 * depth), ' ');
    }
    return out;
}

std::string every_control_character() {
    std::string text;
    for (char c = 1; c < 0x20; ++c) text += c;
    return text + "\x7f \"quoted\" back\\slash é ✓ 😀";
}

NoteType two_field_type() {
    NoteType type;
    type.id = 7;
    type.name = "Basic \"quoted\"";
    type.fields = {"Front", "Back\ttab"};
    return type;
}

}  // namespace

TEST(PrettyText, StringsAreEscapedAsNlohmannEscapesThem) {
    for (const std::string& text :
         {std::string(), std::string("plain"), every_control_character(), std::string(1, '\0')}) {
        std::string ours;
        append_json_string(ours, text);
        EXPECT_EQ(ours, ojson(text).dump()) << text;
    }
}

TEST(PrettyText, RefusesTextThatIsNotUtf8) {
    PrettyText out;
    out.begin_array();
    EXPECT_FALSE(out.string("bad \xff byte"));
    EXPECT_FALSE(out.string("\xed\xa0\x80"));  // a surrogate
    EXPECT_TRUE(out.string("good"));
    out.end_array();
    EXPECT_EQ(out.text(), "[\n  \"good\"\n]");
}

TEST(PrettyText, CompactTextIsReindentedAsDumpWouldWriteIt) {
    for (const char* text : {R"({})", R"([])", R"(null)", R"(12)", R"({"a":1})",
                             R"({"a":{"b":[1,2,{}],"c":[]},"d":"x,y:{z}[\"]\\","e":-1.5,"f":true})",
                             R"([[[]],{"k":{}},"\u0001"])"}) {
        ojson value = ojson::parse(text);
        for (int depth : {0, 2}) {
            PrettyText out(depth);
            out.compact(value.dump());
            EXPECT_EQ(out.text(), dumped(value, depth)) << text << " at depth " << depth;
        }
    }
}

TEST(PrettyText, NoteTextIsTheNoteTreeDumped) {
    NoteType type = two_field_type();
    Note note;
    note.guid = "g\"1";
    note.note_type_id = type.id;
    note.deck = "Deck::Sub";
    note.tags = {"a", "b::c"};
    note.modified = 1700000000;
    note.fields = {{Markup::html, every_control_character()}, {Markup::markdown, ""}};
    EXPECT_EQ(note_text(note, &type, 2), dumped(note_json(note, &type), 2));

    note.tags.clear();
    note.modified = 0;
    Card card;
    card.ord = 1;
    card.deck = "Other";
    card.scheduling = JsonValue::from_text(R"({"due":3,"ivl":0,"data":"{\"x\":1}"})");
    note.cards = {card, Card{}};
    note.extras = JsonValue::from_text(R"({"flags":0,"nested":{"list":[1,[]]}})");
    EXPECT_EQ(note_text(note, &type, 2), dumped(note_json(note, &type), 2));
    // Without its note type: no field names, no type name.
    EXPECT_EQ(note_text(note, nullptr, 0), dumped(note_json(note, nullptr), 0));
}

TEST(PrettyText, NoteTextLeavesWhatTheTreeMustWriteToTheTree) {
    NoteType type = two_field_type();
    Note note;
    note.guid = "g";
    note.note_type_id = type.id;
    note.fields = {{Markup::html, "ok"}, {Markup::html, "not \xc3 UTF-8"}};
    EXPECT_EQ(note_text(note, &type, 2), std::nullopt);

    note.fields[1].source = "ok";
    note.extras = JsonValue(nlohmann::json{{"score", 1.5}});  // a tree, not text
    EXPECT_EQ(note_text(note, &type, 2), std::nullopt);
    note.extras = JsonValue::from_text(R"({"score":1.5})");
    EXPECT_EQ(note_text(note, &type, 2), dumped(note_json(note, &type), 2));
}
