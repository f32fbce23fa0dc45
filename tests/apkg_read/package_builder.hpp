// Builds small Anki packages in memory for reader and check tests: a schema-11 collection with
// chosen rows, zipped with chosen members. zstd frames and protobuf are encoded by hand (raw
// and RLE blocks, varints), independently of the reader's decoders.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/sqlite_db.hpp"
#include "common/zip_archive.hpp"
#include "deckport/identity.hpp"

namespace deckport::test {

inline const char* kBasicModelsJson = R"({"1001": {
  "id": 1001, "name": "Basic", "type": 0, "mod": 1700000000, "usn": -1, "sortf": 0,
  "did": 1, "css": ".card {}", "latexPre": "", "latexPost": "", "req": [[0, "any", [0]]],
  "flds": [{"name": "Front", "ord": 0, "sticky": false, "rtl": false, "font": "Arial", "size": 20},
           {"name": "Back", "ord": 1, "sticky": false, "rtl": false, "font": "Arial", "size": 20}],
  "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}", "afmt": "{{Back}}", "did": null}]
}, "1002": {
  "id": 1002, "name": "Cloze", "type": 1, "mod": 1700000000, "usn": -1, "sortf": 0,
  "did": null, "css": ".card {}", "latexPre": "", "latexPost": "",
  "flds": [{"name": "Text", "ord": 0, "sticky": false, "rtl": false, "font": "Arial", "size": 20},
           {"name": "Back Extra", "ord": 1, "sticky": false, "rtl": false, "font": "Arial", "size": 20}],
  "tmpls": [{"name": "Cloze", "ord": 0, "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}"}]
}})";

inline const char* kDecksJson = R"({"1": {
  "id": 1, "name": "Default", "usn": 0, "dyn": 0, "collapsed": false, "conf": 1, "desc": "",
  "mod": 0, "lrnToday": [0, 0], "revToday": [0, 0], "newToday": [0, 0], "timeToday": [0, 0]
}, "2000": {
  "id": 2000, "name": "Lang::French", "usn": 0, "dyn": 0, "collapsed": false, "conf": 1,
  "desc": "Bonjour", "mod": 0, "lrnToday": [0, 0], "revToday": [0, 0], "newToday": [0, 0],
  "timeToday": [0, 0]
}, "1999": {
  "id": 1999, "name": "Lang", "usn": 0, "dyn": 0, "collapsed": false, "conf": 1, "desc": "",
  "mod": 0, "lrnToday": [0, 0], "revToday": [0, 0], "newToday": [0, 0], "timeToday": [0, 0]
}})";

inline const char* kDconfJson = R"({"1": {
  "id": 1, "mod": 0, "name": "Default", "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0,
  "new": {"delays": [1, 10], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1, "perDay": 20},
  "rev": {"perDay": 200, "ease4": 1.3, "ivlFct": 1, "maxIvl": 36500},
  "lapse": {"delays": [10], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0}
}})";

struct TestNote {
    std::int64_t id;
    std::string guid;
    std::int64_t mid;
    std::string flds;  // fields joined by \x1f
    std::string tags = "";
    std::string sfld = "";   // empty: the first field
    std::int64_t csum = -1;  // -1: Anki's checksum of the first field (taken as plain text)
};

// notes.csum of a plain-text first field: the first four bytes of its SHA-1, big-endian.
inline std::int64_t plain_csum(const std::string& first_field) {
    auto digest = sha1(first_field);
    return std::int64_t{digest[0]} << 24 | std::int64_t{digest[1]} << 16 |
           std::int64_t{digest[2]} << 8 | std::int64_t{digest[3]};
}

struct TestCard {
    std::int64_t id;
    std::int64_t nid;
    std::int64_t did;
    std::int64_t ord;
    std::int64_t type = 0;
    std::int64_t queue = 0;
    std::int64_t due = 1;
};

struct TestCollection {
    std::string models = kBasicModelsJson;
    std::string decks = kDecksJson;
    std::string dconf = kDconfJson;
    std::string conf = R"({"schedVer": 2})";
    std::int64_t ver = 11;
    std::vector<TestNote> notes;
    std::vector<TestCard> cards;
    bool with_revlog = true;
    bool with_graves = true;
    int col_rows = 1;
    std::vector<std::string> extra_sql;  // run last, to break things on purpose

    std::string sqlite() const {
        SqliteDb db;
        db.exec(
            "CREATE TABLE col (id integer primary key, crt integer not null, mod integer not "
            "null, scm integer not null, ver integer not null, dty integer not null, usn integer "
            "not null, ls integer not null, conf text not null, models text not null, decks text "
            "not null, dconf text not null, tags text not null);"
            "CREATE TABLE notes (id integer primary key, guid text not null, mid integer not "
            "null, mod integer not null, usn integer not null, tags text not null, flds text not "
            "null, sfld integer not null, csum integer not null, flags integer not null, data "
            "text not null);"
            "CREATE TABLE cards (id integer primary key, nid integer not null, did integer not "
            "null, ord integer not null, mod integer not null, usn integer not null, type "
            "integer not null, queue integer not null, due integer not null, ivl integer not "
            "null, factor integer not null, reps integer not null, lapses integer not null, left "
            "integer not null, odue integer not null, odid integer not null, flags integer not "
            "null, data text not null);");
        if (with_revlog) {
            db.exec(
                "CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer "
                "not null, ease integer not null, ivl integer not null, lastIvl integer not "
                "null, factor integer not null, time integer not null, type integer not null);");
        }
        if (with_graves) {
            db.exec(
                "CREATE TABLE graves (usn integer not null, oid integer not null, type integer "
                "not null);");
        }
        for (int row = 0; row < col_rows; ++row) {
            db.prepare(
                  "INSERT INTO col VALUES (?, 1600000000, 1600000000123, 1600000000000, ?, "
                  "0, 0, 0, ?, ?, ?, ?, '{}')")
                .bind(1, std::int64_t{row + 1})
                .bind(2, ver)
                .bind_text(3, conf)
                .bind_text(4, models)
                .bind_text(5, decks)
                .bind_text(6, dconf)
                .run();
        }
        SqliteStatement insert_note =
            db.prepare("INSERT INTO notes VALUES (?, ?, ?, 1650000000, -1, ?, ?, ?, ?, 0, '')");
        for (const TestNote& n : notes) {
            std::string first = n.flds.substr(0, n.flds.find('\x1f'));
            std::string sort = n.sfld.empty() ? first : n.sfld;
            insert_note.bind(1, n.id)
                .bind_text(2, n.guid)
                .bind(3, n.mid)
                .bind_text(4, n.tags)
                .bind_text(5, n.flds)
                .bind_text(6, sort)
                .bind(7, n.csum < 0 ? plain_csum(first) : n.csum)
                .run();
        }
        SqliteStatement insert_card = db.prepare(
            "INSERT INTO cards VALUES (?, ?, ?, ?, 1650000000, -1, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, "
            "0, '')");
        for (const TestCard& c : cards) {
            insert_card.bind(1, c.id)
                .bind(2, c.nid)
                .bind(3, c.did)
                .bind(4, c.ord)
                .bind(5, c.type)
                .bind(6, c.queue)
                .bind(7, c.due)
                .run();
        }
        for (const std::string& sql : extra_sql) db.exec(sql);
        return db.serialize();
    }
};

inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& members) {
    ZipWriter writer;
    for (const auto& [name, bytes] : members) writer.add(name, bytes);
    return writer.finish();
}

// A zstd frame without content size (as Anki writes them) made of raw blocks.
inline std::string zstd_raw_frame(const std::string& bytes) {
    std::string frame("\x28\xB5\x2F\xFD", 4);
    frame += '\x00';  // descriptor: no content size, no checksum, not single-segment
    frame += '\x38';  // window: 2^17 bytes, room for the largest block
    constexpr std::size_t kMaxBlock = 128 * 1024;
    std::size_t pos = 0;
    do {
        std::size_t size = std::min(kMaxBlock, bytes.size() - pos);
        bool last = pos + size == bytes.size();
        std::uint32_t header = static_cast<std::uint32_t>(size << 3) | (last ? 1u : 0u);
        frame += static_cast<char>(header & 0xff);
        frame += static_cast<char>((header >> 8) & 0xff);
        frame += static_cast<char>((header >> 16) & 0xff);
        frame.append(bytes, pos, size);
        pos += size;
    } while (pos < bytes.size());
    return frame;
}

// A zstd frame of `blocks` RLE blocks of 128 KiB each: a few bytes that inflate a lot.
inline std::string zstd_rle_bomb(std::size_t blocks) {
    std::string frame("\x28\xB5\x2F\xFD\x00\x38", 6);
    for (std::size_t i = 0; i < blocks; ++i) {
        bool last = i + 1 == blocks;
        std::uint32_t header = (128u * 1024u << 3) | (1u << 1) | (last ? 1u : 0u);
        frame += static_cast<char>(header & 0xff);
        frame += static_cast<char>((header >> 8) & 0xff);
        frame += static_cast<char>((header >> 16) & 0xff);
        frame += '\0';
    }
    return frame;
}

inline std::string varint(std::uint64_t value) {
    std::string out;
    do {
        char byte = static_cast<char>(value & 0x7f);
        value >>= 7;
        if (value) byte = static_cast<char>(byte | 0x80);
        out += byte;
    } while (value);
    return out;
}

inline std::string length_delimited(int field, const std::string& bytes) {
    return varint(static_cast<std::uint64_t>(field) << 3 | 2) + varint(bytes.size()) + bytes;
}

// anki.import_export.MediaEntries with one entry per (name, bytes); sha1 given raw.
inline std::string media_entries(
    const std::vector<std::pair<std::string, std::pair<std::uint32_t, std::string>>>& entries) {
    std::string message;
    for (const auto& [name, size_sha1] : entries) {
        std::string entry = length_delimited(1, name) + varint(2 << 3) + varint(size_sha1.first) +
                            length_delimited(3, size_sha1.second);
        message += length_delimited(1, entry);
    }
    return message;
}

}  // namespace deckport::test
