// Timer program behind scripts/bench (not part of the test suite).
//   apkg_bench generate CARDS DIR   writes DIR/deck.md (CARDS cards) and the images it shows
//   apkg_bench convert IN.md OUT    markdown -> apkg, as `deckport convert` does
//   apkg_bench floor CARDS OUT      the floor: the same note and card inserts into an in-memory
//                                   schema-11 database, serialized and deflated into a zip
// Each command prints its inner timings; scripts/bench wraps them in /usr/bin/time -v.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "apkg/apkg_format.hpp"
#include "apkg/schema11_sql.hpp"
#include "common/sqlite_db.hpp"
#include "common/zip_archive.hpp"
#include "deckport/error.hpp"
#include "deckport/format.hpp"
#include "deckport/io.hpp"

namespace {

using namespace deckport;
using Clock = std::chrono::steady_clock;

constexpr std::int64_t kTimestamp = 1700000000;
constexpr int kImages = 50;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct GeneratedNote {
    std::string deck;
    std::string front;
    std::string back;  // empty for cloze notes
    int cards = 1;
};

// The deck's notes: Basic notes with code, emphasis, a code block and a quote; every tenth a
// cloze note with two deletions (two cards); every hundredth shows an image.
std::vector<GeneratedNote> generate_notes(int cards) {
    std::vector<GeneratedNote> notes;
    int made = 0;
    for (int i = 0; made < cards; ++i) {
        GeneratedNote note;
        std::string n = std::to_string(i);
        note.deck = "Bench::Topic-" + std::to_string(i % 50);
        if (i % 10 == 9 && cards - made >= 2) {
            note.front = "The {{c1::borrow checker}} rejects data race number {{c2::" + n +
                         "}} at compile time, before `main_" + n + "` ever runs.";
            note.cards = 2;
        } else {
            note.front = "What does `function_" + n + "()` return for input **" + n + "**?";
            if (i % 100 == 0) {
                note.front +=
                    "\n\n![diagram](img/diagram-" + std::to_string(i / 100 % kImages) + ".png)";
            }
            note.back = "It returns `" + n + " * 2`, computed as:\n\n```rust\nfn function_" + n +
                        "(x: u64) -> u64 {\n    x * 2\n}\n```\n\n> Note " + n +
                        ": a *pure* function, without side effects.";
        }
        made += note.cards;
        notes.push_back(std::move(note));
    }
    return notes;
}

int generate(int cards, const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir / "img");
    for (int i = 0; i < kImages; ++i) {
        std::ofstream image(dir / "img" / ("diagram-" + std::to_string(i) + ".png"),
                            std::ios::binary);
        image << "\x89PNG\r\n\x1a\n" << std::string(2000 + i, static_cast<char>('a' + i % 26));
    }
    std::ofstream out(dir / "deck.md", std::ios::binary);
    out << "---\nDeck: Bench\nTags: bench\n---\n\n";
    std::vector<GeneratedNote> notes = generate_notes(cards);
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const GeneratedNote& note = notes[i];
        if (i > 0) out << "\n. . .\n\n";
        out << "<!-- id: bench-" << i << " deck: " << note.deck << " tags: t" << i % 20 << " -->\n";
        out << note.front << "\n";
        if (!note.back.empty()) out << "---\n" << note.back << "\n";
    }
    std::cout << "generated " << notes.size() << " notes, " << cards << " cards in "
              << (dir / "deck.md").string() << "\n";
    return 0;
}

int convert(const std::string& input_path, const std::string& output_path) {
    auto start = Clock::now();
    Input input = read_input(input_path);
    const Format* markdown = builtin_formats().find("markdown");
    if (!markdown) throw std::runtime_error("the markdown format is not registered");
    Diagnostics diagnostics;
    ReadContext read_context{diagnostics, {}, {}, kTimestamp};
    Collection collection = read_collection(*markdown, input, read_context);
    double read_seconds = seconds_since(start);

    auto write_start = Clock::now();
    WriteContext write_context{diagnostics, {}, Limits{}, kTimestamp, output_path};
    Output output = write_to_memory(*make_apkg_writer(), collection, write_context);
    double write_seconds = seconds_since(write_start);
    if (diagnostics.has_errors() || output.files.empty()) {
        for (const Diagnostic& d : diagnostics.all()) std::cerr << format_diagnostic(d) << "\n";
        return 1;
    }
    auto save_start = Clock::now();
    atomic_write_file(output_path, output.files.front().bytes, true);
    std::cout << "convert: " << collection.notes.size() << " notes; read " << read_seconds
              << " s, write " << write_seconds << " s, save " << seconds_since(save_start)
              << " s, total " << seconds_since(start) << " s, " << output.files.front().bytes.size()
              << " bytes\n";
    return 0;
}

int floor(int cards, const std::string& output_path) {
    std::vector<GeneratedNote> notes = generate_notes(cards);
    auto start = Clock::now();
    SqliteDb db;
    db.exec("pragma page_size = 4096");
    db.exec("pragma journal_mode = off");
    db.exec(apkg::kCollectionTables);
    db.exec(apkg::kSchema11Graves);
    db.exec("begin");
    SqliteStatement note_insert =
        db.prepare("insert into notes values (?, ?, 1, ?, -1, ' bench ', ?, ?, 0, 0, '')");
    SqliteStatement card_insert = db.prepare(
        "insert into cards values (?, ?, 1, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    std::int64_t card_id = 1;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        auto note_id = static_cast<std::int64_t>(i + 1);
        std::string fields = notes[i].front + '\x1f' + notes[i].back;
        note_insert.bind(1, note_id).bind_text(2, "guid" + std::to_string(i)).bind(3, kTimestamp);
        note_insert.bind_text(4, fields).bind_text(5, notes[i].front).run();
        for (int ord = 0; ord < notes[i].cards; ++ord) {
            card_insert.bind(1, card_id++).bind(2, note_id).bind(3, std::int64_t{ord});
            card_insert.bind(4, kTimestamp).bind(5, note_id).run();
        }
    }
    db.exec(apkg::kSchema11Indexes);
    db.exec("commit");
    std::string database = db.serialize();
    double insert_seconds = seconds_since(start);
    auto zip_start = Clock::now();
    ZipWriter zip;
    zip.add("collection.anki2", std::move(database));
    std::string bytes = zip.finish();
    double zip_seconds = seconds_since(zip_start);
    atomic_write_file(output_path, bytes, true);
    std::cout << "floor: " << notes.size() << " notes, " << card_id - 1 << " cards; insert "
              << insert_seconds << " s, deflate " << zip_seconds << " s, total "
              << seconds_since(start) << " s, " << bytes.size() << " bytes\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.size() == 3 && args[0] == "generate") return generate(std::stoi(args[1]), args[2]);
        if (args.size() == 3 && args[0] == "convert") return convert(args[1], args[2]);
        if (args.size() == 3 && args[0] == "floor") return floor(std::stoi(args[1]), args[2]);
    } catch (const Error& e) {
        std::cerr << format_diagnostic(e.diagnostic()) << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "apkg_bench: " << e.what() << "\n";
        return 1;
    }
    std::cerr
        << "usage: apkg_bench generate CARDS DIR | convert IN.md OUT.apkg | floor CARDS OUT\n";
    return 2;
}
