// Timer program behind scripts/bench (not part of the test suite).
//   apkg_bench generate CARDS DIR   writes DIR/deck.md (CARDS cards) and the images it shows
//   apkg_bench convert IN.md OUT    markdown -> apkg, as `deckport convert` does
//   apkg_bench floor CARDS OUT      the floor: as many note and card inserts into a schema-11
//                                   database, deflated into a zip, as deckport stores them
//   apkg_bench floor-rows PKG OUT   the floor of storing what deckport stores: the rows and media
//                                   of PKG (a package deckport wrote) loaded first, then inserted,
//                                   indexed, deflated and written as deckport's writer does;
//                                   prints "timed SECONDS" for that part alone
// Each command prints its inner timings; scripts/bench wraps them in /usr/bin/time -v.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "apkg/apkg_format.hpp"
#include "apkg/package_content.hpp"
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

// The collection file of `db` deflated into `zip` a megabyte at a time, as deckport's writer
// does it.
void add_collection(ZipWriter& zip, SqliteDb& db) {
    zip.add_deflated_from("collection.anki2", db.file_size(), apkg::collection_file_reader(db));
}

int floor(int cards, const std::string& output_path) {
    std::vector<GeneratedNote> notes = generate_notes(cards);
    auto start = Clock::now();
    SqliteDb db = SqliteDb::temporary_file();
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
    double insert_seconds = seconds_since(start);
    auto zip_start = Clock::now();
    ZipWriter zip;
    add_collection(zip, db);
    std::string bytes = zip.finish();
    double zip_seconds = seconds_since(zip_start);
    atomic_write_file(output_path, bytes, true);
    std::cout << "floor: " << notes.size() << " notes, " << card_id - 1 << " cards; insert "
              << insert_seconds << " s, deflate " << zip_seconds << " s, total "
              << seconds_since(start) << " s, " << bytes.size() << " bytes\n";
    return 0;
}

// The rows, collection settings and media of a package deckport wrote.
struct StoredPackage {
    apkg::PackageContent content;
    std::vector<apkg::NoteText> texts;                       // by NoteRow::note
    std::vector<std::pair<std::string, std::string>> media;  // member name, bytes
};

StoredPackage load_package(const std::string& path) {
    Input input = read_input(path);
    ZipReader zip(input.bytes, input.display_name, "ZIP");
    std::optional<std::string> collection = zip.read("collection.anki2");
    std::optional<std::string> map = zip.read("media");
    if (!collection || !map) throw std::runtime_error(path + " is not a legacy package");
    SqliteDb db = SqliteDb::from_bytes(*collection);
    StoredPackage stored;
    apkg::PackageContent& content = stored.content;
    SqliteStatement col = db.prepare("select crt, mod, conf, models, decks, dconf, tags from col");
    if (!col.step()) throw std::runtime_error(path + " has no col row");
    content.collection.created = col.int64(0);
    content.collection.modified_ms = col.int64(1);
    content.collection.conf = nlohmann::json::parse(col.text(2));
    content.collection.models = nlohmann::json::parse(col.text(3));
    content.collection.decks = nlohmann::json::parse(col.text(4));
    content.collection.dconf = nlohmann::json::parse(col.text(5));
    content.collection.tags = nlohmann::json::parse(col.text(6));
    SqliteStatement notes = db.prepare(
        "select id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data from notes");
    while (notes.step()) {
        apkg::NoteRow row;
        row.id = notes.int64(0);
        row.guid = notes.text(1);
        row.note_type_id = notes.int64(2);
        row.modified = notes.int64(3);
        row.usn = notes.int64(4);
        row.tags = notes.text(5);
        row.flags = notes.int64(9);
        row.data = notes.text(10);
        row.note = stored.texts.size();
        stored.texts.push_back({notes.text(6), notes.text(7), notes.int64(8)});
        content.notes.push_back(std::move(row));
    }
    SqliteStatement cards = db.prepare("select * from cards");
    while (cards.step()) {
        apkg::CardRow card;
        std::int64_t* columns[] = {
            &card.id,       &card.note_id,  &card.deck_id,      &card.ord,
            &card.modified, &card.usn,      &card.type,         &card.queue,
            &card.due,      &card.interval, &card.factor,       &card.reps,
            &card.lapses,   &card.left,     &card.original_due, &card.original_deck_id,
            &card.flags};
        for (int i = 0; i < 17; ++i) *columns[i] = cards.int64(i);
        card.data = cards.text(17);
        content.cards.push_back(std::move(card));
    }
    nlohmann::json members = nlohmann::json::parse(*map);
    for (std::size_t i = 0; i < members.size(); ++i) {
        std::string name = std::to_string(i);
        std::optional<std::string> bytes = zip.read(name);
        if (!bytes) throw std::runtime_error(path + " has no member " + name);
        stored.media.emplace_back(members.at(name).get<std::string>(), std::move(*bytes));
    }
    return stored;
}

int floor_rows(const std::string& package_path, const std::string& output_path) {
    StoredPackage stored = load_package(package_path);
    std::size_t notes = stored.content.notes.size();
    stored.content.note_text = [&](const apkg::NoteRow& row) { return stored.texts[row.note]; };
    auto start = Clock::now();
    Diagnostics diagnostics;
    SqliteDb db =
        apkg::build_collection_database(SqliteDb::temporary_file(), std::move(stored.content),
                                        apkg::CollectionSchema::v11, 4096, "", diagnostics);
    ZipWriter zip;
    add_collection(zip, db);
    nlohmann::json map = nlohmann::json::object();
    for (std::size_t i = 0; i < stored.media.size(); ++i)
        map[std::to_string(i)] = stored.media[i].first;
    zip.add("media", map.dump());
    for (std::size_t i = 0; i < stored.media.size(); ++i) {
        zip.add(std::to_string(i), stored.media[i].second, false);
    }
    std::string bytes = zip.finish();
    atomic_write_file(output_path, bytes, true);
    std::cout << "floor-rows: " << notes << " notes; " << bytes.size() << " bytes\ntimed "
              << seconds_since(start) << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.size() == 3 && args[0] == "generate") return generate(std::stoi(args[1]), args[2]);
        if (args.size() == 3 && args[0] == "convert") return convert(args[1], args[2]);
        if (args.size() == 3 && args[0] == "floor") return floor(std::stoi(args[1]), args[2]);
        if (args.size() == 3 && args[0] == "floor-rows") return floor_rows(args[1], args[2]);
    } catch (const Error& e) {
        std::cerr << format_diagnostic(e.diagnostic()) << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "apkg_bench: " << e.what() << "\n";
        return 1;
    }
    std::cerr
        << "usage: apkg_bench generate CARDS DIR | convert IN.md OUT.apkg | floor CARDS OUT | "
           "floor-rows PKG OUT\n";
    return 2;
}
