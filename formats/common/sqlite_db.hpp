// SQLite databases in memory, for the collections inside Anki packages. The sqlite3 handles
// live only in these two classes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace deckport {

// Every SQLite failure. Readers turn it into an InputError with their own code and position.
class SqliteError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class SqliteStatement {
  public:
    SqliteStatement(sqlite3* db, std::string_view sql);
    ~SqliteStatement();
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    // Parameters are 1-based, as in SQLite.
    SqliteStatement& bind(int index, std::int64_t value);
    SqliteStatement& bind(int index, double value);
    SqliteStatement& bind_text(int index, std::string_view value);
    // Binds without copying: `value` must stay as it is until the statement runs again or is
    // reset (rows bound from a table held in memory; a temporary would be freed too soon).
    SqliteStatement& bind_text_in_place(int index, std::string_view value);
    SqliteStatement& bind_blob(int index, std::string_view value);
    SqliteStatement& bind_null(int index);

    // Advances to the next row; false when done.
    bool step();
    // Runs a statement that returns no rows, then resets it for the next bindings.
    void run();
    void reset();

    int column_count() const;
    bool is_null(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;  // NULL reads as ""
    std::string blob(int column) const;
    std::string column_name(int column) const;

  private:
    sqlite3* db_;
    sqlite3_stmt* statement_ = nullptr;
};

// How much work an untrusted database may make deckport do.
struct SqliteBounds {
    std::uint64_t max_value_bytes = 1ull << 30;  // a string or blob built by SQL (LENGTH)
    // Virtual-machine steps over the database's life: a hostile schema cannot loop for long.
    std::uint64_t max_steps = 2'000'000'000;
};

class SqliteDb {
  public:
    // An empty database in memory.
    SqliteDb();
    // An empty database whose file image grows in one buffer (SQLite's memdb VFS), so that
    // file_image() gives it without a copy.
    static SqliteDb file_in_memory();
    // An empty database in a file of its own in the temporary folder ($TMPDIR), unlinked as
    // soon as SQLite has opened it (nothing is left behind, whatever happens): a large database
    // costs the page cache, not this process's memory. No journal: a transaction that fails
    // cannot be rolled back (the database is thrown away then). Read it with read_file_bytes.
    // Throws IoError (IO002) when the temporary folder cannot take it.
    static SqliteDb temporary_file();
    // A copy of the database file `bytes`, opened in memory (WAL-mode files included),
    // read-only and defensively: SQLITE_DBCONFIG_DEFENSIVE, the schema not trusted, views and
    // triggers disabled, no ATTACH, sqlite3_limit on value and SQL lengths, and a budget of
    // steps after which every query fails ("ran past its step budget").
    static SqliteDb from_bytes(std::string_view bytes, const SqliteBounds& bounds = {});
    // The same as from_bytes, reading `bytes` where they are (they must outlive the database):
    // no copy, but for a WAL-mode file, whose header a copy changes.
    static SqliteDb over_bytes(std::string_view bytes, const SqliteBounds& bounds = {});
    // The same for a database file on disk, read-only (a WAL-mode header must have been
    // changed to rollback mode by the caller, as from_bytes does): SQLite reads its pages as
    // it needs them, so the file is never whole in memory.
    static SqliteDb read_file(const std::string& path, const SqliteBounds& bounds = {});
    ~SqliteDb();
    SqliteDb(SqliteDb&& other) noexcept;
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    void exec(std::string_view sql);
    SqliteStatement prepare(std::string_view sql);
    bool has_table(std::string_view name);
    // What makes an untrusted database unsafe to read, as phrases ("trigger `t`", "`notes` is
    // a view", "`notes` has generated column `x`"): every trigger, every view, and generated
    // columns of `tables`. Empty when none.
    std::vector<std::string> hostile_schema(const std::vector<std::string>& tables);
    // The database file's bytes, as SQLite would write them to disk.
    std::string serialize();
    // The file image of a file_in_memory() database, in place (valid until the next change
    // or the end of the database); empty for any other database.
    std::span<unsigned char> file_image();
    // The size of the database's file, and `into.size()` of its bytes from `offset` (after a
    // commit: what SQLite has written). For file_in_memory() and temporary_file() databases.
    std::uint64_t file_size();
    void read_file_bytes(std::uint64_t offset, std::span<char> into);

    sqlite3* handle() { return db_; }

  private:
    struct StepBudget {
        std::uint64_t calls_left = 0;  // progress-handler calls (one per kStepsPerCall steps)
    };
    explicit SqliteDb(sqlite3* handle) : db_(handle) {}
    static SqliteDb open_untrusted(std::string_view bytes, const SqliteBounds& bounds, bool copy);
    // The defences of an untrusted database (see from_bytes), before anything is read.
    void harden(const SqliteBounds& bounds);
    sqlite3* db_ = nullptr;
    std::unique_ptr<StepBudget> budget_;
};

// True when `bytes` start with the SQLite file header.
bool looks_like_sqlite(std::string_view bytes);

}  // namespace deckport
