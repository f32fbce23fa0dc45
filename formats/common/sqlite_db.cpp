#include "common/sqlite_db.hpp"

#include <sqlite3.h>

#include <cstring>

namespace deckport {
namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    throw SqliteError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

bool looks_like_sqlite(std::string_view bytes) {
    return bytes.size() >= 100 && bytes.substr(0, 16) == std::string_view("SQLite format 3\0", 16);
}

SqliteStatement::SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr) !=
        SQLITE_OK) {
        fail(db, "cannot prepare `" + std::string(sql.substr(0, 60)) + "`");
    }
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_), statement_(other.statement_) {
    other.statement_ = nullptr;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(statement_, index, value) != SQLITE_OK) fail(db_, "bind");
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value) {
    if (sqlite3_bind_double(statement_, index, value) != SQLITE_OK) fail(db_, "bind");
    return *this;
}

SqliteStatement& SqliteStatement::bind_text(int index, std::string_view value) {
    if (sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8) != SQLITE_OK) {
        fail(db_, "bind");
    }
    return *this;
}

SqliteStatement& SqliteStatement::bind_blob(int index, std::string_view value) {
    if (sqlite3_bind_blob64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT) !=
        SQLITE_OK) {
        fail(db_, "bind");
    }
    return *this;
}

SqliteStatement& SqliteStatement::bind_null(int index) {
    if (sqlite3_bind_null(statement_, index) != SQLITE_OK) fail(db_, "bind");
    return *this;
}

bool SqliteStatement::step() {
    int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, "query");
}

void SqliteStatement::run() {
    while (step()) {
    }
    reset();
}

void SqliteStatement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

int SqliteStatement::column_count() const { return sqlite3_column_count(statement_); }

bool SqliteStatement::is_null(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t SqliteStatement::int64(int column) const {
    return sqlite3_column_int64(statement_, column);
}

double SqliteStatement::real(int column) const { return sqlite3_column_double(statement_, column); }

std::string SqliteStatement::text(int column) const {
    const unsigned char* text = sqlite3_column_text(statement_, column);
    int size = sqlite3_column_bytes(statement_, column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size))
                : std::string{};
}

std::string SqliteStatement::blob(int column) const {
    const void* data = sqlite3_column_blob(statement_, column);
    int size = sqlite3_column_bytes(statement_, column);
    return data ? std::string(static_cast<const char*>(data), static_cast<std::size_t>(size))
                : std::string{};
}

std::string SqliteStatement::column_name(int column) const {
    const char* name = sqlite3_column_name(statement_, column);
    return name ? name : "";
}

SqliteDb::SqliteDb() {
    if (sqlite3_open_v2(":memory:", &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
        std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw SqliteError("cannot open an in-memory database: " + why);
    }
}

SqliteDb SqliteDb::from_bytes(std::string_view bytes) {
    if (!looks_like_sqlite(bytes)) throw SqliteError("not an SQLite database");
    SqliteDb db;
    auto size = static_cast<sqlite3_int64>(bytes.size());
    auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(bytes.size()));
    if (!copy) throw SqliteError("out of memory");
    std::memcpy(copy, bytes.data(), bytes.size());
    // Bytes 18 and 19 say WAL mode (2); an in-memory copy has no WAL file, so read it as a
    // rollback-journal database (1) instead: the main file's content is the same.
    if (copy[18] == 2) copy[18] = 1;
    if (copy[19] == 2) copy[19] = 1;
    if (sqlite3_deserialize(db.db_, "main", copy, size, size,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) !=
        SQLITE_OK) {
        fail(db.db_, "cannot open the database");
    }
    // Fail now, not on the first query, when the file is damaged.
    db.exec("SELECT count(*) FROM sqlite_master");
    return db;
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

SqliteDb::SqliteDb(SqliteDb&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }

void SqliteDb::exec(std::string_view sql) {
    std::string statement(sql);
    char* error = nullptr;
    if (sqlite3_exec(db_, statement.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::string why = error ? error : "unknown error";
        sqlite3_free(error);
        throw SqliteError(why);
    }
}

SqliteStatement SqliteDb::prepare(std::string_view sql) { return SqliteStatement(db_, sql); }

bool SqliteDb::has_table(std::string_view name) {
    SqliteStatement query = prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?");
    query.bind_text(1, name);
    return query.step();
}

std::string SqliteDb::serialize() {
    sqlite3_int64 size = 0;
    unsigned char* data = sqlite3_serialize(db_, "main", &size, 0);
    if (!data) fail(db_, "cannot serialize the database");
    std::string bytes(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
    sqlite3_free(data);
    return bytes;
}

}  // namespace deckport
