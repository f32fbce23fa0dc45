#include "common/sqlite_db.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>

#include "deckport/error.hpp"

namespace deckport {
namespace {

constexpr int kStepsPerCall = 1000;

// The temporary folder as the user named it: the first of the variables
// std::filesystem::temp_directory_path reads that is set, else /tmp.
std::string temporary_folder_name() {
    for (const char* variable : {"TMPDIR", "TMP", "TEMP", "TEMPDIR"}) {
        if (const char* value = std::getenv(variable); value && *value) return value;
    }
    return "/tmp";
}

// A database deckport writes in a file (SqliteDb::temporary_file: the only one it opens
// read-write) that its disk cannot hold: the user's problem to fix, not deckport's, so an I/O
// error naming the folder. Databases read from a file are opened read-only.
void throw_if_disk_full(sqlite3* db) {
    if (!db || sqlite3_errcode(db) != SQLITE_FULL) return;
    const char* file = sqlite3_db_filename(db, "main");
    if (!file || !*file || sqlite3_db_readonly(db, "main") != 0) return;
    throw IoError("IO002", std::filesystem::path(file).parent_path().string(),
                  "no room left for a temporary database: " + std::string(sqlite3_errmsg(db)));
}

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    if (db && sqlite3_errcode(db) == SQLITE_INTERRUPT) {
        throw SqliteError(std::string(what) +
                          ": the database made the query run past its step budget (hostile SQL?)");
    }
    throw_if_disk_full(db);
    throw SqliteError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

// SQLite counts every allocation under one process-wide mutex unless told not to, which
// serialises the threads of `convert -j N`. Must run before SQLite initialises; when something
// else in the process has already used SQLite, the call is refused and the count stays.
void configure_sqlite_once() {
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

int limit_value(std::uint64_t value) {
    return value > 0x7fffffff ? 0x7fffffff : static_cast<int>(value);
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

SqliteStatement::~SqliteStatement() {
    sqlite3_finalize(statement_);
}

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

SqliteStatement& SqliteStatement::bind_text_in_place(int index, std::string_view value) {
    if (sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_STATIC,
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

int SqliteStatement::column_count() const {
    return sqlite3_column_count(statement_);
}

bool SqliteStatement::is_null(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t SqliteStatement::int64(int column) const {
    return sqlite3_column_int64(statement_, column);
}

double SqliteStatement::real(int column) const {
    return sqlite3_column_double(statement_, column);
}

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

// Each connection is used by one thread at a time (NOMUTEX: no locking on every call).
SqliteDb::SqliteDb() {
    configure_sqlite_once();
    if (sqlite3_open_v2(":memory:", &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw SqliteError("cannot open an in-memory database: " + why);
    }
}

SqliteDb SqliteDb::file_in_memory() {
    SqliteDb db;
    // An empty image that SQLite enlarges (and frees) itself.
    if (sqlite3_deserialize(db.db_, "main", nullptr, 0, 0,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) !=
        SQLITE_OK) {
        fail(db.db_, "cannot open an in-memory database file");
    }
    // memdb stops at 1 GiB by default; a :memory: database has no such bound.
    sqlite3_int64 no_bound = sqlite3_int64{1} << 46;
    sqlite3_file_control(db.db_, "main", SQLITE_FCNTL_SIZE_LIMIT, &no_bound);
    return db;
}

SqliteDb SqliteDb::temporary_file() {
    configure_sqlite_once();
    std::error_code error;
    std::filesystem::path folder = std::filesystem::temp_directory_path(error);
    if (error) {
        throw IoError("IO002", temporary_folder_name(),
                      "cannot use it as the temporary folder ($TMPDIR): " + error.message());
    }
    std::string path = (folder / "deckport-XXXXXX").string();
    int fd = mkstemp(path.data());
    if (fd < 0) {
        throw IoError(
            "IO002", folder.string(),
            "cannot make a temporary file in the temporary folder ($TMPDIR): " + errno_text());
    }
    close(fd);
    sqlite3* handle = nullptr;
    // NOFOLLOW: the name is opened again, and a link put there meanwhile is refused.
    int opened = sqlite3_open_v2(path.c_str(), &handle,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW,
                                 nullptr);
    // Unlinked at once: SQLite holds the file open, and nothing is left behind whatever happens
    // next. (An empty name would give SQLite's own temporary database, whose pages stay in its
    // cache after a commit instead of in the file.)
    if (unlink(path.c_str()) != 0) {
        std::string why = errno_text();
        sqlite3_close(handle);
        throw IoError("IO002", path, "cannot remove the temporary database's name: " + why);
    }
    if (opened != SQLITE_OK) {
        std::string why = handle ? sqlite3_errmsg(handle) : "out of memory";
        sqlite3_close(handle);
        throw SqliteError("cannot open a temporary database: " + why);
    }
    SqliteDb db(handle);
    // Nothing in it has to survive a crash; and a rollback journal, a file beside the unlinked
    // database, is refused ("disk I/O error").
    db.exec("pragma journal_mode = off");
    db.exec("pragma synchronous = off");
    return db;
}

SqliteDb SqliteDb::from_bytes(std::string_view bytes, const SqliteBounds& bounds) {
    return open_untrusted(bytes, bounds, true);
}

SqliteDb SqliteDb::over_bytes(std::string_view bytes, const SqliteBounds& bounds) {
    return open_untrusted(bytes, bounds, false);
}

SqliteDb SqliteDb::read_file(const std::string& path, const SqliteBounds& bounds) {
    configure_sqlite_once();
    sqlite3* handle = nullptr;
    if (sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        std::string why = handle ? sqlite3_errmsg(handle) : "out of memory";
        sqlite3_close(handle);
        throw SqliteError("cannot open the database: " + why);
    }
    SqliteDb db(handle);
    db.harden(bounds);
    // Fail now, not on the first query, when the file is damaged.
    db.exec("SELECT count(*) FROM sqlite_master");
    return db;
}

SqliteDb SqliteDb::open_untrusted(std::string_view bytes, const SqliteBounds& bounds, bool copy) {
    if (!looks_like_sqlite(bytes)) throw SqliteError("not an SQLite database");
    SqliteDb db;
    db.harden(bounds);
    auto size = static_cast<sqlite3_int64>(bytes.size());
    // Bytes 18 and 19 say WAL mode (2); an in-memory copy has no WAL file, so read it as a
    // rollback-journal database (1) instead: the main file's content is the same.
    bool wal = bytes[18] == 2 || bytes[19] == 2;
    unsigned char* image = nullptr;
    unsigned flags = SQLITE_DESERIALIZE_READONLY;
    if (copy || wal) {
        image = static_cast<unsigned char*>(sqlite3_malloc64(bytes.size()));
        if (!image) throw SqliteError("out of memory");
        std::memcpy(image, bytes.data(), bytes.size());
        if (image[18] == 2) image[18] = 1;
        if (image[19] == 2) image[19] = 1;
        flags |= SQLITE_DESERIALIZE_FREEONCLOSE;
    } else {
        // Read-only: SQLite never writes to the caller's bytes.
        image = reinterpret_cast<unsigned char*>(const_cast<char*>(bytes.data()));
    }
    if (sqlite3_deserialize(db.db_, "main", image, size, size, flags) != SQLITE_OK) {
        fail(db.db_, "cannot open the database");
    }
    // Fail now, not on the first query, when the file is damaged.
    db.exec("SELECT count(*) FROM sqlite_master");
    return db;
}

void SqliteDb::harden(const SqliteBounds& bounds) {
    // Before the schema is read: nothing in it may run code or reach outside.
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_limit(db_, SQLITE_LIMIT_LENGTH, limit_value(bounds.max_value_bytes));
    sqlite3_limit(db_, SQLITE_LIMIT_SQL_LENGTH, 1 << 20);
    sqlite3_limit(db_, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db_, SQLITE_LIMIT_EXPR_DEPTH, 256);
    sqlite3_limit(db_, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
    budget_ = std::make_unique<StepBudget>();
    budget_->calls_left = bounds.max_steps / kStepsPerCall + 1;
    sqlite3_progress_handler(
        db_, kStepsPerCall,
        [](void* data) -> int {
            auto* budget = static_cast<StepBudget*>(data);
            if (budget->calls_left == 0) return 1;  // interrupts the query
            --budget->calls_left;
            return 0;
        },
        budget_.get());
}

SqliteDb::~SqliteDb() {
    sqlite3_close(db_);
}

SqliteDb::SqliteDb(SqliteDb&& other) noexcept : db_(other.db_), budget_(std::move(other.budget_)) {
    other.db_ = nullptr;
}

void SqliteDb::exec(std::string_view sql) {
    std::string statement(sql);
    char* error = nullptr;
    if (sqlite3_exec(db_, statement.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::string why = error ? error : "unknown error";
        sqlite3_free(error);
        throw_if_disk_full(db_);
        throw SqliteError(why);
    }
}

SqliteStatement SqliteDb::prepare(std::string_view sql) {
    return SqliteStatement(db_, sql);
}

bool SqliteDb::has_table(std::string_view name) {
    SqliteStatement query = prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?");
    query.bind_text(1, name);
    return query.step();
}

std::vector<std::string> SqliteDb::hostile_schema(const std::vector<std::string>& tables) {
    std::vector<std::string> problems;
    SqliteStatement objects = prepare(
        "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY name");
    while (objects.step()) {
        std::string type = objects.text(0), name = objects.text(1);
        problems.push_back(type == "trigger" ? "trigger `" + name + "`"
                                             : "`" + name + "` is a view");
    }
    for (const std::string& table : tables) {
        if (!has_table(table)) continue;
        // hidden: 2 and 3 are generated columns (computed on every read).
        SqliteStatement columns =
            prepare("SELECT name FROM pragma_table_xinfo(?) WHERE hidden IN (2, 3)");
        columns.bind_text(1, table);
        while (columns.step()) {
            problems.push_back("`" + table + "` has generated column `" + columns.text(0) + "`");
        }
    }
    return problems;
}

std::string SqliteDb::serialize() {
    sqlite3_int64 size = 0;
    unsigned char* data = sqlite3_serialize(db_, "main", &size, 0);
    if (!data) fail(db_, "cannot serialize the database");
    std::string bytes(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
    sqlite3_free(data);
    return bytes;
}

namespace {

sqlite3_file* main_file(sqlite3* db) {
    sqlite3_file* file = nullptr;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file ||
        !file->pMethods) {
        throw SqliteError("the database has no file to read");
    }
    return file;
}

}  // namespace

std::uint64_t SqliteDb::file_size() {
    sqlite3_file* file = main_file(db_);
    sqlite3_int64 size = 0;
    if (file->pMethods->xFileSize(file, &size) != SQLITE_OK || size < 0) {
        throw SqliteError("cannot find the size of the database's file");
    }
    return static_cast<std::uint64_t>(size);
}

void SqliteDb::read_file_bytes(std::uint64_t offset, std::span<char> into) {
    if (into.size() > static_cast<std::size_t>(INT32_MAX)) {
        throw SqliteError("a database file is read at most 2 GiB at a time");
    }
    sqlite3_file* file = main_file(db_);
    if (file->pMethods->xRead(file, into.data(), static_cast<int>(into.size()),
                              static_cast<sqlite3_int64>(offset)) != SQLITE_OK) {
        throw SqliteError("cannot read the database's file");
    }
}

std::span<unsigned char> SqliteDb::file_image() {
    sqlite3_int64 size = 0;
    unsigned char* data = sqlite3_serialize(db_, "main", &size, SQLITE_SERIALIZE_NOCOPY);
    if (!data) return {};
    return {data, static_cast<std::size_t>(size)};
}

}  // namespace deckport
