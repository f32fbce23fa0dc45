// apkg -> markdown -> apkg with every Anki package of the fixtures that deckport reads (issue 11
// item 5): note types (kind, fields, templates, CSS, sort field, id), notes (fields by their
// normalised HTML, tags, deck, GUID, note type) come back. Media files are the media module's
// concern: the markdown leg writes them beside the deck, the apkg leg takes them from the input.
#include <gtest/gtest.h>

#include <map>

#include "deck_roundtrip.hpp"
#include "deckport/content.hpp"
#include "deckport/error.hpp"
#include "deckport/unicode.hpp"
#include "markdown_helpers.hpp"

using namespace deckport;
using namespace deckport::test;

namespace {

std::vector<std::filesystem::path> anki_packages() {
    std::vector<std::filesystem::path> packages;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(fixtures_dir() / "anki")) {
        std::string extension = entry.path().extension().string();
        if (extension == ".apkg" || extension == ".colpkg" || extension == ".anki2")
            packages.push_back(entry.path());
    }
    std::sort(packages.begin(), packages.end());
    return packages;
}

// Errors about media files the package refers to but does not hold (APKG202): the media
// module's part of issue 11 makes them warnings; until then the apkg leg cannot be written.
bool only_missing_media(const std::vector<std::string>& diagnostics) {
    return std::all_of(diagnostics.begin(), diagnostics.end(), [](const std::string& line) {
        return line.find(": error: ") == std::string::npos ||
               line.find("[APKG202]") != std::string::npos;
    });
}

std::string note_type_name(const Collection& c, const Note& note) {
    const NoteType* note_type = c.find_note_type(note.note_type_id);
    return note_type ? note_type->name : "?";
}

// Everything of `after` that markdown keeps of `before`.
void expect_same_note_types(const Collection& before, const Collection& after) {
    std::set<std::int64_t> used;
    for (const Note& note : before.notes) used.insert(note.note_type_id);
    for (std::int64_t id : used) {
        const NoteType* a = before.find_note_type(id);
        const NoteType* b = after.find_note_type(id);
        ASSERT_NE(a, nullptr);
        ASSERT_NE(b, nullptr) << "note type " << a->name << " (" << id << ") is gone";
        SCOPED_TRACE("note type " + a->name);
        EXPECT_EQ(b->name, a->name);
        EXPECT_EQ(b->kind, a->kind);
        EXPECT_EQ(b->fields, a->fields);
        EXPECT_EQ(b->sort_field, a->sort_field);
        EXPECT_EQ(b->css, a->css);
        ASSERT_EQ(b->templates.size(), a->templates.size());
        for (std::size_t i = 0; i < a->templates.size(); ++i) {
            EXPECT_EQ(b->templates[i].name, a->templates[i].name);
            EXPECT_EQ(b->templates[i].front, a->templates[i].front);
            EXPECT_EQ(b->templates[i].back, a->templates[i].back);
        }
    }
}

void expect_same_notes(const Collection& before, const Collection& after) {
    std::map<std::string, const Note*> by_guid;
    for (const Note& note : after.notes) by_guid[note.guid] = &note;
    ASSERT_EQ(after.notes.size(), before.notes.size());
    for (const Note& a : before.notes) {
        SCOPED_TRACE("note " + a.guid);
        auto found = by_guid.find(a.guid);
        ASSERT_NE(found, by_guid.end());
        const Note& b = *found->second;
        EXPECT_EQ(b.deck, a.deck);
        EXPECT_EQ(b.tags, a.tags);
        EXPECT_EQ(b.note_type_id, a.note_type_id);
        EXPECT_EQ(note_type_name(after, b), note_type_name(before, a));
        ASSERT_EQ(b.fields.size(), a.fields.size());
        for (std::size_t i = 0; i < a.fields.size(); ++i) {
            // Fields are written NFC, as Anki stores them (mediacheck.anki2 holds NFD text).
            EXPECT_EQ(to_nfc(normalize_html_for_compare(to_html(b.fields[i]))),
                      to_nfc(normalize_html_for_compare(to_html(a.fields[i]))))
                << "field " << i << "\nbefore: " << a.fields[i].source
                << "\nafter:  " << b.fields[i].source;
        }
    }
}

}  // namespace

TEST(AnkiFixtures, ApkgToMarkdownToApkgKeepsNoteTypesAndNotes) {
    DECKPORT_REQUIRE_FIXTURES();
    int compared = 0;
    for (const std::filesystem::path& package : anki_packages()) {
        SCOPED_TRACE(package.filename().string());
        std::vector<std::string> read_diagnostics;
        Collection original;
        try {
            original = read_with("apkg", read_input(package.string()), &read_diagnostics);
        } catch (const Error& e) {
            std::cout << "[ SKIPPED  ] " << package.filename() << ": deckport does not read it ("
                      << e.what() << ")\n";
            continue;
        }
        if (has_error(read_diagnostics)) {
            std::cout << "[ SKIPPED  ] " << package.filename() << ": deckport does not read it\n";
            continue;
        }
        TempDir dir;
        std::vector<std::string> diagnostics;
        Collection markdown = markdown_round(original, dir.path(), &diagnostics);
        EXPECT_FALSE(has_error(diagnostics)) << ::testing::PrintToString(diagnostics);
        expect_same_note_types(original, markdown);
        expect_same_notes(original, markdown);

        // And on to an Anki package again.
        markdown.media = original.media;
        Output apkg = write_with("apkg", markdown, (dir / "back.apkg").string(), &diagnostics);
        if (has_error(diagnostics) && only_missing_media(diagnostics)) {
            std::cout << "[ SKIPPED  ] " << package.filename()
                      << ": the package refers to media it does not hold (APKG202); markdown leg "
                         "compared, apkg leg not written\n";
            ++compared;
            continue;
        }
        ASSERT_FALSE(has_error(diagnostics)) << ::testing::PrintToString(diagnostics);
        Collection back =
            read_with("apkg", input_from_memory("back.apkg", apkg.files.at(0).bytes), &diagnostics);
        expect_same_note_types(original, back);
        expect_same_notes(original, back);
        ++compared;
    }
    EXPECT_GE(compared, 10);
}
