// The latest variant (-O variant=latest) and collection packages (.colpkg): checked against the
// shape of a real Anki 25.02 export (anki-facts.md section 2), read back by deckport, and
// checked by independent_check.py with Python's zipfile and sqlite3 and the zstd tool.
#include <gtest/gtest.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "apkg/unicase.hpp"
#include "apkg/zstd_encode.hpp"
#include "apkg_write_helpers.hpp"
#include "deckport/identity.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

const FormatOptions kLatest = {{"variant", "latest"}};

// Basic, reversed and cloze notes in nested decks, with two media files and an options group.
Collection sample() {
    Collection c;
    NoteType basic = basic_note_type();
    NoteType reversed = basic_and_reversed_note_type();
    NoteType cloze = cloze_note_type();
    c.note_types = {basic, reversed, cloze};
    c.notes.push_back(make_note(
        basic,
        {html("What is <b>Rust</b>? <img src=\"crab.png\">"), html("A language [sound:crab.mp3]")},
        "Lang::Rust::Basics", {"rust", "lang::systems"}, "guid-basic"));
    c.notes.push_back(make_note(reversed, {text("chat"), text("cat & mouse")}, "Lang::French", {},
                                "guid-reversed"));
    c.notes.push_back(make_note(cloze, {html("{{c1::a}} {{c1::b}} {{c3::c}}"), html("extra")},
                                "Lang::French", {"cloze"}, "guid-cloze"));
    c.media = {media_in_memory("crab.png", std::string("\x89PNG crab", 9)),
               media_in_memory("crab.mp3", std::string(5000, 'm'))};
    c.decks = {Deck{0, "Lang::French", "Bonjour",
                    JsonValue(nlohmann::json{{"conf", 7}, {"futureDeckKey", "kept"}})}};
    c.extras.json() = {{"dconf",
                        {{"7",
                          {{"name", "Fast"},
                           {"new", {{"perDay", 50}, {"order", 0}, {"separate", true}}},
                           {"rev", {{"perDay", 300}, {"fuzz", 0.05}}},
                           {"futureOptionKey", 3}}}}}};
    return c;
}

// A protobuf message decoded by hand, independently of formats/apkg/anki.proto: field number ->
// its values (varints as numbers, length-delimited and fixed32 as bytes).
struct Proto {
    std::multimap<int, std::uint64_t> numbers;
    std::multimap<int, std::string> bytes;

    explicit Proto(const std::string& data) {
        std::size_t i = 0;
        auto varint = [&] {
            std::uint64_t value = 0;
            for (int shift = 0; i < data.size(); shift += 7) {
                auto byte = static_cast<unsigned char>(data[i++]);
                value |= std::uint64_t{byte & 0x7Fu} << shift;
                if (!(byte & 0x80)) break;
            }
            return value;
        };
        while (i < data.size()) {
            std::uint64_t key = varint();
            int field = static_cast<int>(key >> 3);
            switch (key & 7) {
                case 0:
                    numbers.emplace(field, varint());
                    break;
                case 2: {
                    std::size_t length = varint();
                    bytes.emplace(field, data.substr(i, length));
                    i += length;
                    break;
                }
                case 5:
                    bytes.emplace(field, data.substr(i, 4));
                    i += 4;
                    break;
                default:
                    ADD_FAILURE() << "unexpected wire type " << (key & 7);
                    return;
            }
        }
    }
    std::uint64_t number(int field) const {
        auto it = numbers.find(field);
        return it == numbers.end() ? 0 : it->second;
    }
    std::string text(int field) const {
        auto it = bytes.find(field);
        return it == bytes.end() ? std::string{} : it->second;
    }
    float f32(int field) const {
        float value = 0;
        std::string raw = text(field);
        if (raw.size() == 4) std::memcpy(&value, raw.data(), 4);  // little-endian hosts
        return value;
    }
};

std::string sha1_bytes(const std::string& data) {
    auto digest = sha1(data);
    return std::string(reinterpret_cast<const char*>(digest.data()), digest.size());
}

bool looks_like_zstd(const std::string& bytes) {
    return bytes.rfind("\x28\xB5\x2F\xFD", 0) == 0;
}

bool has_code(const std::vector<Diagnostic>& all, const std::string& code) {
    for (const Diagnostic& d : all) {
        if (d.code == code) return true;
    }
    return false;
}

}  // namespace

TEST(ApkgLatest, HasAnkisMembersInAnkisOrderAllStored) {
    WriteResult result = write_apkg(sample(), kLatest);
    ASSERT_FALSE(result.bytes.empty()) << rendered(result.diagnostics).front();
    EXPECT_TRUE(result.diagnostics.empty()) << rendered(result.diagnostics).front();
    ZipReader zip(result.bytes, "out.apkg", "TEST");
    EXPECT_EQ(zip.names(), (std::vector<std::string>{"meta", "collection.anki21b",
                                                     "collection.anki2", "0", "1", "media"}));
    EXPECT_EQ(zip.read("meta"), std::string("\x08\x03"));
    // zstd frames as Anki's streaming encoder writes them: descriptor 00, no content size.
    std::string collection = zip.read("collection.anki21b").value();
    ASSERT_TRUE(looks_like_zstd(collection));
    EXPECT_EQ(collection[4], '\x00');

    // The media map: entry i names member i, with the uncompressed size and SHA-1.
    Proto map(unzstd(zip.read("media").value()));
    ASSERT_EQ(map.bytes.count(1), 2u);
    Proto first(map.bytes.find(1)->second);
    Proto second(std::next(map.bytes.find(1))->second);
    EXPECT_EQ(first.text(1), "crab.png");
    EXPECT_EQ(first.number(2), 9u);
    EXPECT_EQ(first.text(3), sha1_bytes(std::string("\x89PNG crab", 9)));
    EXPECT_EQ(second.text(1), "crab.mp3");
    EXPECT_EQ(second.number(2), 5000u);
    EXPECT_EQ(unzstd(zip.read("1").value()), std::string(5000, 'm'));
    EXPECT_LT(zip.read("1").value().size(), 100u);  // compressed

    Placeholder placeholder = placeholder_of(result.bytes);
    EXPECT_EQ(placeholder.ver, 11);
    EXPECT_EQ(placeholder.page_size, 512);
    EXPECT_EQ(placeholder.notes, kPlaceholderNotes);

    CheckResult check =
        independent_check(result.bytes, "--variant latest --notes 3 --cards 5 --media 2");
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_NE(check.output.find("\"Lang::Rust::Basics\""), std::string::npos) << check.output;
    EXPECT_EQ(deckport_check(result.bytes), std::vector<std::string>{});
}

TEST(ApkgLatest, WritesSchema18TablesWithProtobufConfigs) {
    WriteResult result = write_apkg(sample(), kLatest);
    SqliteDb db = open_latest_collection(result.bytes);
    auto col = db.prepare("select ver, conf, models, decks, dconf, tags, crt from col");
    ASSERT_TRUE(col.step());
    EXPECT_EQ(col.int64(0), 18);
    for (int i = 1; i <= 5; ++i) EXPECT_EQ(col.text(i), "") << i;
    EXPECT_EQ(col.int64(6), kTimestamp);
    EXPECT_FALSE(col.step());

    EXPECT_EQ(column_texts(db, "select name from notetypes order by name"),
              (std::vector<std::string>{"Basic", "Basic (and reversed card)", "Cloze"}));
    NoteType cloze = cloze_note_type();
    EXPECT_EQ(column_texts(db, "select name from fields where ntid = " + std::to_string(cloze.id) +
                                   " order by ord"),
              (std::vector<std::string>{"Text", "Back Extra"}));
    auto config = db.prepare("select config from notetypes where id = ?");
    config.bind(1, cloze.id);
    ASSERT_TRUE(config.step());
    Proto notetype(config.blob(0));
    EXPECT_EQ(notetype.number(1), 1u);  // kind: cloze
    EXPECT_EQ(notetype.text(3), cloze.css);
    auto tmpl = db.prepare("select config from templates where ntid = ?");
    tmpl.bind(1, cloze.id);
    ASSERT_TRUE(tmpl.step());
    EXPECT_EQ(Proto(tmpl.blob(0)).text(1), cloze.templates[0].front);  // q_format

    // Deck names separate levels with U+001F; every deck's kind carries the oneof.
    EXPECT_EQ(column_texts(db, "select name from decks order by name"),
              (std::vector<std::string>{"Default", "Lang",
                                        "Lang\x1f"
                                        "French",
                                        "Lang\x1f"
                                        "Rust",
                                        "Lang\x1f"
                                        "Rust\x1f"
                                        "Basics"}));
    auto decks = db.prepare("select name, kind, common from decks");
    while (decks.step()) {
        Proto kind(decks.blob(1));
        ASSERT_EQ(kind.bytes.count(1), 1u) << decks.text(0);  // oneof kind: normal
        if (decks.text(0) == std::string("Lang\x1f") + "French") {
            Proto normal(kind.text(1));
            EXPECT_EQ(normal.number(1), 7u);  // config_id
            EXPECT_EQ(normal.text(4), "Bonjour");
            EXPECT_EQ(nlohmann::json::parse(Proto(decks.blob(2)).text(255)),
                      nlohmann::json({{"futureDeckKey", "kept"}}));
        }
    }
    // Options group 7: typed fields where Anki has them, the rest in `other`, as Anki does.
    auto options = db.prepare("select name, config from deck_config where id = 7");
    ASSERT_TRUE(options.step());
    EXPECT_EQ(options.text(0), "Fast");
    Proto fast(options.blob(1));
    EXPECT_EQ(fast.number(9), 50u);       // new_per_day
    EXPECT_EQ(fast.number(10), 300u);     // reviews_per_day
    EXPECT_EQ(fast.number(20), 1u);       // new_card_insert_order random: schema 11 order 0
    EXPECT_FLOAT_EQ(fast.f32(11), 2.5f);  // initial_ease
    EXPECT_EQ(nlohmann::json::parse(fast.text(255)),
              nlohmann::json::parse(R"({"futureOptionKey": 3, "new": {"separate": true},
                                        "rev": {"fuzz": 0.05, "minSpace": 1}})"));
    EXPECT_EQ(column_integers(db, "select id from deck_config order by id"),
              (std::vector<std::int64_t>{1, 7}));
    EXPECT_EQ(column_texts(db, "select val from config where KEY = 'curDeck'"),
              std::vector<std::string>{"1"});
    EXPECT_EQ(column_texts(db, "select tag from tags order by tag"),
              (std::vector<std::string>{"cloze", "lang::systems", "rust"}));
    EXPECT_EQ(count_rows(db, "notes"), 3);
    EXPECT_EQ(count_rows(db, "cards"), 5);
    EXPECT_EQ(column_texts(db, "pragma integrity_check"), std::vector<std::string>{"ok"});
}

TEST(ApkgLatest, ReadsBackAsWhatWasWritten) {
    Collection original = sample();
    WriteResult latest = write_apkg(original, kLatest);
    WriteResult legacy = write_apkg(original);
    ReadBack from_latest = read_back(latest.bytes);
    ReadBack from_legacy = read_back(legacy.bytes);
    EXPECT_TRUE(from_latest.diagnostics.empty()) << rendered(from_latest.diagnostics).front();
    const Collection& a = from_latest.collection;
    const Collection& b = from_legacy.collection;
    EXPECT_EQ(a.extras.json()["package"], "latest");
    ASSERT_EQ(a.notes.size(), 3u);
    for (std::size_t i = 0; i < a.notes.size(); ++i) {
        EXPECT_EQ(a.notes[i].guid, b.notes[i].guid);
        EXPECT_EQ(a.notes[i].fields, b.notes[i].fields);
        EXPECT_EQ(a.notes[i].tags, b.notes[i].tags);
        EXPECT_EQ(a.notes[i].deck, b.notes[i].deck);
        EXPECT_EQ(a.notes[i].cards.size(), b.notes[i].cards.size());
    }
    ASSERT_EQ(a.note_types.size(), b.note_types.size());
    for (std::size_t i = 0; i < a.note_types.size(); ++i) {
        EXPECT_EQ(a.note_types[i].name, b.note_types[i].name);
        EXPECT_EQ(a.note_types[i].fields, b.note_types[i].fields);
        EXPECT_EQ(a.note_types[i].templates[0].front, b.note_types[i].templates[0].front);
        EXPECT_EQ(a.note_types[i].css, b.note_types[i].css);
    }
    ASSERT_EQ(a.media.size(), 2u);
    EXPECT_EQ(a.media[1].bytes(), std::string(5000, 'm'));
    const Deck* french = a.find_deck("Lang::French");
    ASSERT_NE(french, nullptr);
    EXPECT_EQ(french->description, "Bonjour");
    EXPECT_EQ(french->extras.json()["futureDeckKey"], "kept");
    const nlohmann::json& fast = a.extras.json()["dconf"]["7"];
    EXPECT_EQ(fast["new"]["perDay"], 50);
    EXPECT_EQ(fast["new"]["order"], 0);
    EXPECT_EQ(fast["new"]["separate"], true);
    EXPECT_EQ(fast["rev"]["fuzz"], 0.05);
    EXPECT_EQ(fast["futureOptionKey"], 3);
}

TEST(ApkgLatest, IsByteIdenticalAndAFixpoint) {
    Collection c = sample();
    std::string first = write_apkg(c, kLatest).bytes;
    EXPECT_EQ(first, write_apkg(c, kLatest).bytes);
    EXPECT_NE(first, write_apkg(c, kLatest, kTimestamp + 60).bytes);
    // Writing what was read back gives the same bytes again.
    std::string again = write_apkg(read_back(first).collection, kLatest).bytes;
    EXPECT_EQ(write_apkg(read_back(again).collection, kLatest).bytes, again);
}

TEST(ApkgLatest, KeepsNamesUniqueRegardlessOfCaseAsAnkiDoes) {
    Collection c;
    NoteType basic = basic_note_type();
    NoteType other = basic;
    other.id = basic.id + 1;  // the later one (by id) gives way, as in Anki
    other.name = "BASIC";
    other.fields = {"Front", "FRONT"};
    other.templates[0].front = "{{Front}}";
    other.templates[0].back = "{{FRONT}}";
    c.note_types = {basic, other};
    c.decks = {Deck{1500000000000, "Lang", "", {}}, Deck{1500000000001, "lang", "", {}}};
    c.notes.push_back(make_note(basic, {html("q"), html("a")}, "Lang", {}, "g1"));
    c.notes.push_back(make_note(other, {html("q2"), html("a2")}, "lang", {}, "g2"));
    WriteResult result = write_apkg(c, kLatest);
    ASSERT_FALSE(result.bytes.empty());
    std::vector<std::string> warnings;
    for (const Diagnostic& d : result.diagnostics) {
        if (d.code == "APKG217") warnings.push_back(d.message);
    }
    EXPECT_EQ(warnings,
              (std::vector<std::string>{
                  "note type 'BASIC' differs from another only in case; it is written as "
                  "'BASIC+' (Anki's latest format ignores case in names)",
                  "field 'FRONT' differs from another only in case; it is written as 'FRONT+' "
                  "(Anki's latest format ignores case in names)",
                  "deck 'lang' differs from another only in case; it is written as 'lang+' "
                  "(Anki's latest format ignores case in names)"}));
    SqliteDb db = open_latest_collection(result.bytes);
    EXPECT_EQ(column_texts(db, "select name from notetypes order by id"),
              (std::vector<std::string>{"Basic", "BASIC+"}));
    CheckResult check = independent_check(result.bytes, "--variant latest --notes 2 --cards 2");
    EXPECT_EQ(check.exit_code, 0) << check.output;
}

TEST(ApkgLatest, UnicaseComparesLikeTheRustCrate) {
    using apkg::unicase_compare;
    EXPECT_EQ(unicase_compare("Basic", "bASIC"), 0);
    EXPECT_LT(unicase_compare("a", "B"), 0);  // byte order would put 'B' first
    EXPECT_GT(unicase_compare("b", "A"), 0);
    EXPECT_LT(unicase_compare("Lang",
                              "Lang\x1f"
                              "French"),
              0);
    // Full case folding: ß folds to "ss", Σ and σ and ς to σ.
    EXPECT_EQ(unicase_compare("Stra\xC3\x9F"
                              "e",
                              "STRASSE"),
              0);
    EXPECT_EQ(unicase_compare("\xCE\xA3", "\xCF\x83"), 0);
    EXPECT_EQ(unicase_compare("\xC3\x89t\xC3\xA9", "\xC3\xA9T\xC3\x89"), 0);
    EXPECT_NE(unicase_compare("\xC3\xA9", "e"), 0);
    EXPECT_EQ(apkg::unicase_key("Stra\xC3\x9F"
                                "e"),
              "strasse");
}

TEST(ApkgColpkg, ACollectionPackageIsLatestByDefault) {
    Collection c = sample();
    WriteResult by_extension = write_apkg(c, {}, kTimestamp, "collection.colpkg");
    ZipReader zip(by_extension.bytes, "collection.colpkg", "TEST");
    EXPECT_EQ(zip.names(), (std::vector<std::string>{"meta", "collection.anki21b",
                                                     "collection.anki2", "0", "1", "media"}));
    EXPECT_EQ(by_extension.bytes, write_apkg(c, {{"package", "colpkg"}}).bytes);
    EXPECT_EQ(by_extension.bytes, write_apkg(c, kLatest).bytes);
    CheckResult check =
        independent_check(by_extension.bytes, "--variant latest --notes 3 --cards 5 --media 2");
    EXPECT_EQ(check.exit_code, 0) << check.output;
    ReadBack back = read_back(by_extension.bytes, "collection.colpkg");
    EXPECT_EQ(back.collection.notes.size(), 3u);

    // For Anki before 2.1.50: the legacy variants, as its collection exports were.
    WriteResult old = write_apkg(c, {{"variant", "legacy"}}, kTimestamp, "old.colpkg");
    ZipReader legacy(old.bytes, "old.colpkg", "TEST");
    EXPECT_EQ(legacy.names(), (std::vector<std::string>{"collection.anki2", "media", "0", "1"}));
    EXPECT_EQ(independent_check(old.bytes, "--notes 3 --cards 5 --media 2").exit_code, 0);
    // -O package=apkg wins over the extension.
    EXPECT_EQ(write_apkg(c, {{"package", "apkg"}}, kTimestamp, "x.colpkg").bytes,
              write_apkg(c).bytes);
}

TEST(ApkgLatest, TheLegacy2MediaMapComesLastAsInAnki) {
    WriteResult result = write_apkg(sample(), {{"variant", "legacy2"}});
    ZipReader zip(result.bytes, "out.apkg", "TEST");
    EXPECT_EQ(zip.names(), (std::vector<std::string>{"meta", "collection.anki21",
                                                     "collection.anki2", "0", "1", "media"}));
    CheckResult check =
        independent_check(result.bytes, "--variant legacy2 --notes 3 --cards 5 --media 2");
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_FALSE(has_code(result.diagnostics, "APKG217"));
}

// Frames made a megabyte at a time (the collection, read from its file) decompress to the
// input, carry no content size (as Anki's streaming encoder writes them), and are the frames
// zstd_compress makes of the same bytes in one piece.
TEST(ApkgLatest, ZstdFramesFromPiecesMatchOnePiece) {
    for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{1} << 20,
                             (std::size_t{1} << 20) + 1, (std::size_t{3} << 20) + 12345}) {
        SCOPED_TRACE(size);
        std::string bytes(size, '\0');
        for (std::size_t i = 0; i < size; ++i) {
            bytes[i] =
                i % 97 < 60 ? "deckport "[i % 9] : static_cast<char>((i * 2654435761u) >> 24);
        }
        std::size_t reads = 0;
        std::string frame =
            apkg::zstd_compress_from(size, [&](std::uint64_t offset, std::span<char> into) {
                ++reads;
                std::memcpy(into.data(), bytes.data() + offset, into.size());
            });
        EXPECT_EQ(reads, std::max<std::size_t>(1, (size + (1 << 20) - 1) >> 20));
        EXPECT_EQ(frame, apkg::zstd_compress(bytes));
        EXPECT_EQ(ZSTD_getFrameContentSize(frame.data(), frame.size()), ZSTD_CONTENTSIZE_UNKNOWN);
        std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context(ZSTD_createDCtx(),
                                                                     &ZSTD_freeDCtx);
        std::string back(size + 1, '\0');
        ZSTD_inBuffer in{frame.data(), frame.size(), 0};
        ZSTD_outBuffer out{back.data(), back.size(), 0};
        std::size_t left = ZSTD_decompressStream(context.get(), &out, &in);
        ASSERT_FALSE(ZSTD_isError(left)) << ZSTD_getErrorName(left);
        EXPECT_EQ(left, 0u);
        back.resize(out.pos);
        EXPECT_EQ(back, bytes);
    }
}
