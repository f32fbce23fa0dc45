#include "apkg/collection.hpp"

#include "deckport/error.hpp"

namespace deckport::apkg {
namespace {

constexpr std::int64_t kOldestVersion = 11;
constexpr std::int64_t kNewestVersion = 18;

void check_version(std::int64_t ver, const SourceLocation& at) {
    if (ver < kOldestVersion) {
        throw InputError("APKG006", at,
                         "collection schema version " + std::to_string(ver) +
                             " is too old; deckport reads version 11 (Anki 2.0) and newer",
                         "open it in Anki 2.1 and export it again");
    }
    // 12 and 13 were never released; Anki refuses them as too new, like anything above 18.
    if (ver > kNewestVersion || ver == 12 || ver == 13) {
        throw InputError("APKG007", at,
                         "collection schema version " + std::to_string(ver) +
                             " is newer than deckport knows (11, 14 to 18)",
                         "export it from Anki with \"Support older Anki versions\" ticked");
    }
}

}  // namespace

SourceLocation OpenCollection::at(std::string_view what) const {
    return SourceLocation{display_name, 0, 0, locate(member, what)};
}

OpenCollection open_collection(const Package& package, const std::string& display_name) {
    SourceLocation whole{display_name, 0, 0, package.collection_member};
    std::string_view bytes = package.collection();
    if (!looks_like_sqlite(bytes)) {
        throw InputError("APKG005", whole, "the collection is not an SQLite database");
    }
    try {
        OpenCollection collection{
            SqliteDb::from_bytes(bytes), display_name, package.collection_member, {}};
        if (!collection.db.has_table("col")) {
            throw InputError("APKG005", whole, "not an Anki collection: it has no `col` table");
        }
        SqliteStatement count = collection.db.prepare("SELECT count(*) FROM col");
        count.step();
        collection.header.rows = count.int64(0);
        SqliteStatement col =
            collection.db.prepare("SELECT crt, mod, scm, ver FROM col ORDER BY id LIMIT 1");
        if (!col.step()) {
            throw InputError("APKG005", collection.at("col"), "the `col` table has no row");
        }
        collection.header.crt = col.int64(0);
        collection.header.mod = col.int64(1);
        collection.header.scm = col.int64(2);
        collection.header.ver = col.int64(3);
        check_version(collection.header.ver, collection.at("col.ver"));
        return collection;
    } catch (const SqliteError& e) {
        throw InputError("APKG005", whole, std::string("damaged collection: ") + e.what());
    }
}

}  // namespace deckport::apkg
