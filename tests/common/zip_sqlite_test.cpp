#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

#include "common/sqlite_db.hpp"
#include "common/zip_archive.hpp"
#include "deckport/error.hpp"

using namespace deckport;

TEST(SafePath, RefusesPathsThatEscape) {
    EXPECT_TRUE(is_safe_relative_path("media/a.png"));
    EXPECT_TRUE(is_safe_relative_path("a..b.png"));
    for (const char* bad :
         {"", "/etc/passwd", "../x", "a/../../x", "a\\b", "C:x", "a//b", "a\nb"}) {
        EXPECT_FALSE(is_safe_relative_path(bad)) << bad;
    }
}

TEST(Zip, WritesDeterministicArchivesThatReadBack) {
    auto build = [] {
        ZipWriter writer;
        writer.add("collection.anki2", std::string(1000, 'x'));
        writer.add("media", "{}", false);
        return writer.finish();
    };
    std::string bytes = build();
    EXPECT_EQ(bytes, build());
    ZipReader reader(bytes, "t.zip", "ZIP");
    EXPECT_EQ(reader.names(), (std::vector<std::string>{"collection.anki2", "media"}));
    EXPECT_EQ(reader.read("media"), "{}");
    EXPECT_EQ(reader.read("collection.anki2"), std::string(1000, 'x'));
    EXPECT_EQ(reader.read("missing"), std::nullopt);
}

// Bytes that deflate somewhat, as a database does: runs of text among pseudo-random bytes.
std::string mixed_bytes(std::size_t size, std::uint32_t seed) {
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i) {
        seed = seed * 1664525u + 1013904223u;
        bytes[i] = (i / 64) % 3 == 0 ? static_cast<char>(seed >> 24) : "deckport"[i % 8];
    }
    return bytes;
}

// Members deflated a piece at a time read back whole, for sizes around the 1 MiB piece, and
// match what add_deflated makes of the same bytes in one piece.
TEST(Zip, MembersDeflatedFromPiecesReadBack) {
    for (std::size_t size :
         {std::size_t{0}, std::size_t{1}, std::size_t{(1 << 20) - 1}, std::size_t{1 << 20},
          std::size_t{(1 << 20) + 1}, std::size_t{3 * (1 << 20) + 12345}}) {
        SCOPED_TRACE(size);
        std::string bytes = mixed_bytes(size, static_cast<std::uint32_t>(size));
        std::vector<std::uint64_t> offsets;
        ZipWriter pieces;
        pieces.add_deflated_from("m", size, [&](std::uint64_t offset, std::span<char> into) {
            offsets.push_back(offset);
            std::copy_n(bytes.data() + offset, into.size(), into.data());
        });
        std::string archive = pieces.finish();
        ZipReader reader(archive, "t.zip", "ZIP");
        EXPECT_EQ(reader.read("m"), bytes);
        EXPECT_EQ(offsets.size(), std::max<std::size_t>(1, (size + (1 << 20) - 1) >> 20));
        ZipWriter whole;
        whole.add_deflated("m", bytes);
        std::string whole_archive = whole.finish();  // the reader reads it in place
        ZipReader whole_reader(whole_archive, "t.zip", "ZIP");
        EXPECT_EQ(whole_reader.read("m"), bytes);
        if (size > 1000) {
            EXPECT_LT(archive.size(), size);  // deflated, not stored
        }
    }
}

// libzip 1.7 fills static tables on a process's first open, unlocked: two archives opened at
// once on two threads (a batch writing two packages) could see them half-filled and fail with
// "Read-only archive". The race is only on the first open, so each try is a fresh process.
TEST(Zip, FirstArchivesOpenedOnSeveralThreadsAtOnce) {
    // Re-executes the test binary for each try, so that libzip has not been used yet.
    std::string style = GTEST_FLAG_GET(death_test_style);
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    auto open_at_once = [] {
        constexpr int kThreads = 2;  // one per core, each spinning: they start within nanoseconds
        std::atomic<int> ready = 0;
        std::atomic<bool> go = false;
        std::vector<std::thread> threads;
        int failures = 0;
        std::mutex mutex;
        for (int i = 0; i < kThreads; ++i) {
            threads.emplace_back([&] {
                ready.fetch_add(1);
                while (!go.load()) {
                }
                try {
                    ZipWriter writer;
                    writer.add("a", "b");
                    ZipReader reader(writer.finish(), "t.zip", "ZIP");
                } catch (const std::exception&) {
                    std::lock_guard lock(mutex);
                    ++failures;
                }
            });
        }
        while (ready.load() < kThreads) {
        }
        go.store(true);
        for (auto& thread : threads) thread.join();
        std::exit(failures);
    };
    for (int attempt = 0; attempt < 100; ++attempt) {
        EXPECT_EXIT(open_at_once(), ::testing::ExitedWithCode(0), "") << "attempt " << attempt;
    }
    GTEST_FLAG_SET(death_test_style, style);
}

TEST(Zip, BoundsDecompressedSize) {
    ZipWriter writer;
    writer.add("bomb", std::string(1 << 20, '\0'));
    std::string bytes = writer.finish();
    Limits limits;
    limits.max_member_bytes = 1000;
    ZipReader reader(bytes, "bomb.zip", "ZIP", limits);
    try {
        reader.read("bomb");
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().code, "ZIP003");
    }
}

TEST(Zip, RefusesNonZipInput) {
    EXPECT_THROW(ZipReader("this is not a zip", "x.apkg", "APKG"), InputError);
}

TEST(Sqlite, SerializesAndReopens) {
    SqliteDb db;
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    db.prepare("INSERT INTO t VALUES (?, ?)").bind(1, std::int64_t{7}).bind_text(2, "seven").run();
    std::string bytes = db.serialize();
    EXPECT_TRUE(looks_like_sqlite(bytes));
    SqliteDb copy = SqliteDb::from_bytes(bytes);
    auto query = copy.prepare("SELECT id, name FROM t");
    ASSERT_TRUE(query.step());
    EXPECT_EQ(query.int64(0), 7);
    EXPECT_EQ(query.text(1), "seven");
    EXPECT_TRUE(copy.has_table("t"));
    EXPECT_FALSE(copy.has_table("u"));
}

TEST(Sqlite, FileInMemoryGivesItsImageInPlace) {
    SqliteDb db = SqliteDb::file_in_memory();
    db.exec("pragma page_size = 1024");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    db.prepare("INSERT INTO t VALUES (?, ?)").bind(1, std::int64_t{7}).bind_text(2, "seven").run();
    std::span<unsigned char> image = db.file_image();
    std::string bytes(image.begin(), image.end());
    EXPECT_EQ(bytes, db.serialize());
    EXPECT_EQ(bytes.size() % 1024, 0u);
    // Read in place: the bytes are not copied, so they must outlive the reader.
    SqliteDb reader = SqliteDb::over_bytes(bytes);
    auto query = reader.prepare("SELECT name FROM t WHERE id = 7");
    ASSERT_TRUE(query.step());
    EXPECT_EQ(query.text(0), "seven");
    // A :memory: database has no file image of its own.
    SqliteDb plain;
    EXPECT_TRUE(plain.file_image().empty());
}

// A temporary database leaves no file in the temporary folder, even while it is open, and its
// file (read a piece at a time) is the database SQLite serializes.
TEST(Sqlite, TemporaryFileIsUnlinkedAndReadsBackAsTheDatabase) {
    std::filesystem::path folder = std::filesystem::temp_directory_path() / "deckport-sqlite-test";
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    const char* previous = std::getenv("TMPDIR");
    std::string saved = previous ? previous : "";
    setenv("TMPDIR", folder.c_str(), 1);
    {
        SqliteDb db = SqliteDb::temporary_file();
        EXPECT_TRUE(std::filesystem::is_empty(folder));
        db.exec("pragma page_size = 4096");
        db.exec("pragma journal_mode = off");
        db.exec("create table t (a integer primary key, b text)");
        db.exec("begin");
        SqliteStatement insert = db.prepare("insert into t values (?, ?)");
        for (int i = 0; i < 20000; ++i) {
            insert.bind(1, std::int64_t{i}).bind_text(2, std::string(100, 'a' + i % 26)).run();
        }
        db.exec("commit");
        EXPECT_TRUE(std::filesystem::is_empty(folder));
        std::string file(static_cast<std::size_t>(db.file_size()), '\0');
        EXPECT_GT(file.size(), 2'000'000u);
        for (std::size_t at = 0; at < file.size(); at += 100'000) {
            std::size_t n = std::min<std::size_t>(100'000, file.size() - at);
            db.read_file_bytes(at, std::span<char>(file.data() + at, n));
        }
        EXPECT_EQ(file, db.serialize());
    }
    if (previous) {
        setenv("TMPDIR", saved.c_str(), 1);
    } else {
        unsetenv("TMPDIR");
    }
    EXPECT_TRUE(std::filesystem::is_empty(folder));
    std::filesystem::remove_all(folder);
}

// A temporary database its disk cannot hold is an I/O error naming the temporary folder (a full
// disk is played here by a page limit, which SQLite reports the same way).
TEST(Sqlite, FullTemporaryDatabaseIsAnIoError) {
    SqliteDb db = SqliteDb::temporary_file();
    db.exec("pragma max_page_count = 4");
    db.exec("create table t (a text)");
    SqliteStatement insert = db.prepare("insert into t values (?)");
    try {
        for (int i = 0; i < 1000; ++i) insert.bind_text(1, std::string(1000, 'a')).run();
        FAIL() << "the page limit was not reached";
    } catch (const IoError& e) {
        EXPECT_EQ(e.diagnostic().code, "IO002");
        EXPECT_EQ(e.diagnostic().origin.file, std::filesystem::temp_directory_path().string());
        EXPECT_EQ(e.diagnostic().message,
                  "no room left for a temporary database: database or disk is full");
    }
    // The same through exec, which runs the writer's index building and commit.
    SqliteDb other = SqliteDb::temporary_file();
    other.exec("pragma max_page_count = 4");
    EXPECT_THROW(other.exec("create table t as with recursive n(i) as (select 1 union all select "
                            "i + 1 from n where i < 1000) select i, printf('%500d', i) from n"),
                 IoError);
}

TEST(Sqlite, RefusesDamagedFiles) {
    EXPECT_THROW(SqliteDb::from_bytes("not a database"), SqliteError);
    std::string garbage = std::string("SQLite format 3\0", 16) + std::string(4000, '\xff');
    EXPECT_THROW(SqliteDb::from_bytes(garbage), SqliteError);
    EXPECT_THROW(SqliteDb::over_bytes(garbage), SqliteError);
}
