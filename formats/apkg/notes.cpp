#include "apkg/notes.hpp"

#include <algorithm>
#include <charconv>
#include <deque>
#include <future>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "apkg/text_util.hpp"
#include "common/utf8.hpp"
#include "deckport/error.hpp"
#include "deckport/parallel.hpp"
#include "deckport/threads.hpp"

namespace deckport::apkg {
namespace {

using nlohmann::json;

constexpr const char* kDefaultDeck = "Default";

// `notes[id=1]`: the locator of a row (built only when needed, most rows need none).
std::string row_locator(const char* table, std::int64_t id) {
    return std::string(table) + "[id=" + std::to_string(id) + "]";
}

// The text of a column, its bad bytes made U+FFFD when it is not UTF-8 (then `repaired` is set).
std::string column_text(const SqliteStatement& row, int column, bool& repaired) {
    std::string value = row.text(column);
    repaired = !utf8::is_valid(value);
    return repaired ? utf8::repaired(value) : value;
}

void report_repaired(const OpenCollection& collection, const char* table, std::int64_t id,
                     const char* what, Diagnostics& diagnostics) {
    diagnostics.warning("APKG022", collection.at(row_locator(table, id)),
                        std::string(what) + " is not valid UTF-8; bad bytes became U+FFFD");
}

// The text of a column, repaired (and reported) when it is not UTF-8.
std::string checked_text(const SqliteStatement& row, int column, const OpenCollection& collection,
                         const char* table, std::int64_t id, const char* what,
                         Diagnostics& diagnostics) {
    bool repaired = false;
    std::string value = column_text(row, column, repaired);
    if (repaired) report_repaired(collection, table, id, what, diagnostics);
    return value;
}

std::vector<Content> split_fields(const std::string& flds) {
    std::vector<Content> fields;
    std::size_t start = 0;
    while (true) {
        std::size_t end = flds.find('\x1f', start);
        if (end == std::string::npos) {
            fields.push_back(Content{Markup::html, flds.substr(start)});
            return fields;
        }
        fields.push_back(Content{Markup::html, flds.substr(start, end - start)});
        start = end + 1;
    }
}

struct Lookups {
    std::unordered_map<std::int64_t, const NoteType*> note_types;
    std::unordered_map<std::int64_t, const std::string*> deck_names;
};

Lookups make_lookups(const Collection& out) {
    Lookups lookups;
    lookups.note_types.reserve(out.note_types.size());
    for (const NoteType& nt : out.note_types) lookups.note_types.emplace(nt.id, &nt);
    for (const Deck& deck : out.decks) lookups.deck_names.emplace(deck.id, &deck.name);
    return lookups;
}

// A flat JSON object written as compact text, members added in key order: what the reader
// keeps of a note's bookkeeping and a card's scheduling (JsonValue::from_text), one string
// where a tree would cost an allocation per key. It is built in `buffer`, reused from one object
// to the next, so that each object costs one allocation of its exact size.
class ObjectText {
  public:
    explicit ObjectText(std::string& buffer) : text_(buffer) { text_.assign(1, '{'); }

    ObjectText& integer(std::string_view key, std::int64_t value) {
        open(key);
        char digits[24];
        text_.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
        return *this;
    }
    ObjectText& string(std::string_view key, const std::string& value) {
        open(key);
        text_ += value.empty() ? std::string("\"\"")
                               : json(value).dump(-1, ' ', false, json::error_handler_t::replace);
        return *this;
    }
    // The finished value; the builder is spent.
    JsonValue value() {
        text_ += '}';
        return JsonValue::from_text(std::string(text_));
    }

  private:
    void open(std::string_view key) {
        text_ += text_.size() == 1 ? "\"" : ",\"";
        text_ += key;
        text_ += "\":";
    }

    std::string& text_;
};

// Where each note read went in out.notes, found by note id. Notes are read in id order and so are
// cards, which mostly belong to the note after the last one found: a sorted array and a hint
// instead of a hash map, whose lookups miss the cache on every card of 100,000.
class NoteIndex {
  public:
    void reserve(std::size_t count) { entries_.reserve(count); }
    void add(std::int64_t id, std::size_t at) { entries_.emplace_back(id, at); }
    // After the last add(). A damaged file's ids may come out of order; the first of two
    // notes with one id is the one found, as in reading order.
    void seal() {
        auto by_id = [](const Entry& a, const Entry& b) { return a.first < b.first; };
        if (!std::is_sorted(entries_.begin(), entries_.end(), by_id)) {
            std::stable_sort(entries_.begin(), entries_.end(), by_id);
        }
    }
    // The entries of `other`, whose notes now sit `offset` places further on.
    void append(const NoteIndex& other, std::size_t offset) {
        for (const auto& [id, at] : other.entries_) add(id, offset + at);
    }
    std::optional<std::size_t> find(std::int64_t id) {
        for (std::size_t k = hint_; k < entries_.size() && k < hint_ + 2; ++k) {
            if (entries_[k].first == id && (k == 0 || entries_[k - 1].first != id)) {
                hint_ = k;
                return entries_[k].second;
            }
        }
        auto at = std::lower_bound(entries_.begin(), entries_.end(), id,
                                   [](const Entry& e, std::int64_t key) { return e.first < key; });
        if (at == entries_.end() || at->first != id) return std::nullopt;
        hint_ = static_cast<std::size_t>(at - entries_.begin());
        return at->second;
    }

  private:
    using Entry = std::pair<std::int64_t, std::size_t>;
    std::vector<Entry> entries_;
    std::size_t hint_ = 0;
};

// Which notes a query reads: all of them, those whose id is at most `split`, or those whose id
// is above it. The two halves hold every row exactly once when every id is a number.
struct IdRange {
    enum class Part { all, up_to, above } part = Part::all;
    std::int64_t split = 0;
};

// Sized up front: a vector and an index of 100,000 notes grown one by one copy and rehash. At
// most a million: a hostile file's rows may all be skipped.
void reserve_for_notes(SqliteDb& db, std::vector<Note>& notes, NoteIndex& index) {
    SqliteStatement count = db.prepare("SELECT count(*) FROM notes");
    if (count.step() && count.int64(0) > 0) {
        auto rows = static_cast<std::size_t>(std::min<std::int64_t>(count.int64(0), 1'000'000));
        notes.reserve(notes.size() + rows);
        index.reserve(rows);
    }
}

// The notes whose ids are in `range`, in id order, added to `out` (and `index`, by their place
// in `out`).
void read_note_rows(SqliteDb& db, const OpenCollection& collection, std::vector<Note>& out,
                    const Lookups& lookups, NoteIndex& index,
                    std::unordered_set<std::int64_t>& skipped, Diagnostics& diagnostics,
                    IdRange range = {}) {
    const char* condition = range.part == IdRange::Part::all     ? ""
                            : range.part == IdRange::Part::up_to ? " WHERE id <= ?1"
                                                                 : " WHERE id > ?1";
    SqliteStatement notes = db.prepare(
        std::string("SELECT id, guid, mid, mod, usn, tags, flds, flags, data FROM notes") +
        condition + " ORDER BY id");
    if (range.part != IdRange::Part::all) notes.bind(1, range.split);
    std::string buffer;  // each note's bookkeeping text is built here
    while (notes.step()) {
        std::int64_t id = notes.int64(0);
        std::string where = row_locator("notes", id);
        std::int64_t mid = notes.int64(2);
        auto nt = lookups.note_types.find(mid);
        if (nt == lookups.note_types.end()) {
            diagnostics.error(
                "APKG020", collection.at(where),
                "note type " + std::to_string(mid) + " is missing; the note is skipped");
            skipped.insert(id);
            continue;
        }
        Note note;
        note.fields =
            split_fields(checked_text(notes, 6, collection, "notes", id, "flds", diagnostics));
        if (note.fields.size() != nt->second->fields.size()) {
            diagnostics.error("APKG021", collection.at(where),
                              "note has " + std::to_string(note.fields.size()) +
                                  " fields, its note type '" + nt->second->name + "' has " +
                                  std::to_string(nt->second->fields.size()) +
                                  "; the note is skipped");
            skipped.insert(id);
            continue;
        }
        note.guid = checked_text(notes, 1, collection, "notes", id, "guid", diagnostics);
        note.note_type_id = mid;
        note.modified = notes.int64(3);
        note.set_tags(
            split_tags(checked_text(notes, 5, collection, "notes", id, "tags", diagnostics)));
        note.extras = ObjectText(buffer)
                          .string("data", checked_text(notes, 8, collection, "notes", id, "data",
                                                       diagnostics))
                          .integer("flags", notes.int64(7))
                          .integer("id", id)
                          .integer("usn", notes.int64(4))
                          .value();
        note.origin = collection.at(where);
        index.add(id, out.size());
        out.push_back(std::move(note));
    }
}

// The card's scheduling keys (sorted, as the JSON object keeps them) and their columns in
// read_card_rows' query; every column but data is an integer.
constexpr int kTypeColumn = 6, kDueColumn = 8, kOdidColumn = 15, kDataColumn = 17;
constexpr std::pair<std::string_view, int> kSchedulingColumns[] = {{"data", kDataColumn},
                                                                   {"due", kDueColumn},
                                                                   {"factor", 10},
                                                                   {"flags", 16},
                                                                   {"id", 0},
                                                                   {"ivl", 9},
                                                                   {"lapses", 12},
                                                                   {"left", 13},
                                                                   {"mod", 4},
                                                                   {"odid", kOdidColumn},
                                                                   {"odue", 14},
                                                                   {"queue", 7},
                                                                   {"reps", 11},
                                                                   {"type", kTypeColumn},
                                                                   {"usn", 5}};
static_assert(std::is_sorted(std::begin(kSchedulingColumns), std::end(kSchedulingColumns)));

// What reading a note's cards tells about the note, gathered as the rows go by so that the card
// texts need not be parsed again.
struct CardFacts {
    std::optional<std::int64_t> new_position;  // the lowest `due` of its new cards (type 0)
    std::optional<int> first_ord;              // the ord of the card it is shown by first ...
    std::int64_t first_odid = 0;               // ... and that card's home deck when filtered
};

// A card row as read, before it is given to its note.
struct ReadCardRow {
    std::int64_t id = 0;
    std::int64_t nid = 0;
    std::int64_t did = 0;
    std::int64_t odid = 0;
    std::int64_t type = 0;
    std::int64_t due = 0;
    int ord = 0;
    bool data_repaired = false;  // its data was not UTF-8: APKG022 when the card is kept
    JsonValue scheduling;        // its keys in order
};

// Every card row in id order. No diagnostics: this may run on another thread, and what a row
// is worth reporting depends on the notes read meanwhile. A deque, so that the rows' memory is
// given back as they are handed to their notes.
std::deque<ReadCardRow> read_card_table(SqliteDb& db) {
    std::deque<ReadCardRow> rows;
    SqliteStatement cards = db.prepare(
        "SELECT id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, "
        "odue, odid, flags, data FROM cards ORDER BY id");
    std::string buffer;  // each card's scheduling text is built here
    while (cards.step()) {
        ReadCardRow& row = rows.emplace_back();
        row.id = cards.int64(0);
        row.nid = cards.int64(1);
        row.did = cards.int64(2);
        row.ord = static_cast<int>(cards.int64(3));
        row.odid = cards.int64(kOdidColumn);
        row.type = cards.int64(kTypeColumn);
        row.due = cards.int64(kDueColumn);
        ObjectText text(buffer);
        for (const auto& [key, column] : kSchedulingColumns) {
            if (column != kDataColumn) {
                text.integer(key, cards.int64(column));
                continue;
            }
            text.string(key, column_text(cards, column, row.data_repaired));
        }
        row.scheduling = text.value();
    }
    return rows;
}

// Gives each card row to its note, in id order, reporting what is wrong with it.
void attach_cards(std::deque<ReadCardRow>& rows, OpenCollection& collection, Collection& out,
                  const Lookups& lookups, NoteIndex& index,
                  const std::unordered_set<std::int64_t>& skipped, std::vector<CardFacts>& facts,
                  Diagnostics& diagnostics) {
    facts.assign(out.notes.size(), CardFacts{});
    for (; !rows.empty(); rows.pop_front()) {
        ReadCardRow& row = rows.front();
        std::optional<std::size_t> note = index.find(row.nid);
        if (!note) {
            if (!skipped.count(row.nid)) {
                diagnostics.warning("APKG023", collection.at(row_locator("cards", row.id)),
                                    "card belongs to note " + std::to_string(row.nid) +
                                        ", which does not exist; the card is skipped");
            }
            continue;
        }
        Card card;
        card.ord = row.ord;
        auto deck = lookups.deck_names.find(row.did);
        if (deck != lookups.deck_names.end()) {
            card.deck = *deck->second;
        } else {
            diagnostics.warning("APKG024", collection.at(row_locator("cards", row.id)),
                                "card is in deck " + std::to_string(row.did) +
                                    ", which does not exist; it goes to Default");
            card.deck = kDefaultDeck;
        }
        CardFacts& fact = facts[*note];
        // Cards come in id order; the first of the lowest ord is the one a stable sort puts first.
        if (!fact.first_ord || card.ord < *fact.first_ord) {
            fact.first_ord = card.ord;
            fact.first_odid = row.odid;
        }
        if (row.type == 0 && (!fact.new_position || row.due < *fact.new_position)) {
            fact.new_position = row.due;
        }
        if (row.data_repaired) report_repaired(collection, "cards", row.id, "data", diagnostics);
        card.scheduling = std::move(row.scheduling);
        out.notes[*note].cards.push_back(std::move(card));
    }
}

// The id after which the notes the other thread reads begin: about the last sixth of the id
// range, as that thread reads the cards first. None unless the lowest and highest ids are
// integers: NULL sorts before every number and text after, so then every id is a number (an
// integer, or a real a hostile file may hold), and `id <= split` and `id > split` share the rows
// out exactly. None too when there are too few ids to share.
std::optional<std::int64_t> tail_start(SqliteDb& db) {
    SqliteStatement low = db.prepare("SELECT typeof(id), id FROM notes ORDER BY id LIMIT 1");
    SqliteStatement high = db.prepare("SELECT typeof(id), id FROM notes ORDER BY id DESC LIMIT 1");
    if (!low.step() || !high.step() || low.text(0) != "integer" || high.text(0) != "integer") {
        return std::nullopt;
    }
    // In unsigned arithmetic, which wraps where the ids' span exceeds int64_t.
    auto first = static_cast<std::uint64_t>(low.int64(1));
    std::uint64_t span = static_cast<std::uint64_t>(high.int64(1)) - first;
    if (span < 4) return std::nullopt;
    return static_cast<std::int64_t>(first + span / 6 * 5);
}

// The card table, and the last sixth of the notes, are read on another thread over a second
// connection while the other notes are read on this one. That thread then gives the cards to
// their notes as well, so that the memory its rows give back is reused for the notes' card
// lists (each thread allocates from its own arena). Its diagnostics follow this thread's, and
// its notes' come before its cards': the order of one thread. False, with no row read, when no
// thread can be started.
bool read_on_two_threads(OpenCollection& collection, Collection& out, const Lookups& lookups,
                         NoteIndex& index, std::unordered_set<std::int64_t>& skipped,
                         std::vector<CardFacts>& facts, Diagnostics& diagnostics) {
    std::optional<std::int64_t> tail = tail_start(collection.db);
    IdRange head, rest;
    if (tail) {
        head = {IdRange::Part::up_to, *tail};
        rest = {IdRange::Part::above, *tail};
    }
    std::promise<bool> head_read;  // false: reading them failed, and the rest is not wanted
    std::future<bool> head_ready = head_read.get_future();
    Diagnostics later_diagnostics;
    std::future<void> later;
    try {
        later = std::async(std::launch::async, [&] {
            SqliteDb db = collection.connect_again();
            std::deque<ReadCardRow> rows = read_card_table(db);
            std::vector<Note> tail_notes;
            NoteIndex tail_index;
            std::unordered_set<std::int64_t> tail_skipped;
            if (tail) {
                read_note_rows(db, collection, tail_notes, lookups, tail_index, tail_skipped,
                               later_diagnostics, rest);
            }
            if (!head_ready.get()) return;
            skipped.insert(tail_skipped.begin(), tail_skipped.end());
            index.append(tail_index, out.notes.size());
            index.seal();
            std::move(tail_notes.begin(), tail_notes.end(), std::back_inserter(out.notes));
            attach_cards(rows, collection, out, lookups, index, skipped, facts, later_diagnostics);
        });
    } catch (const std::system_error&) {
        return false;  // no thread to be had: the caller reads on this one
    }
    try {
        read_note_rows(collection.db, collection, out.notes, lookups, index, skipped, diagnostics,
                       head);
    } catch (...) {
        head_read.set_value(false);  // the other thread stops before `later` is destroyed
        throw;
    }
    head_read.set_value(true);
    later.get();
    for (Diagnostic& diagnostic : later_diagnostics.take_all()) {
        diagnostics.report(std::move(diagnostic));
    }
    return true;
}

// The deck a note belongs to: its first card's home deck (a card in a filtered deck keeps its
// home deck in odid).
std::string note_deck(const Note& note, const CardFacts& facts, const Lookups& lookups) {
    const Card& first = note.cards.front();
    std::int64_t odid = facts.first_odid;
    if (odid != 0) {
        auto home = lookups.deck_names.find(odid);
        if (home != lookups.deck_names.end()) return *home->second;
    }
    return first.deck;
}

std::string cardless_note_deck(const Note& note, const Lookups& lookups) {
    const NoteType* nt = lookups.note_types.at(note.note_type_id);
    auto did = nt->extras.json().find("did");
    if (did != nt->extras.json().end() && did->is_number_integer()) {
        auto deck = lookups.deck_names.find(did->get<std::int64_t>());
        if (deck != lookups.deck_names.end()) return *deck->second;
    }
    return kDefaultDeck;
}

// Notes in the order Anki shows new cards: by the position of their first new card, then
// notes without new cards in id order (creation time in Anki's own collections).
void order_like_anki(std::vector<Note>& notes, const std::vector<CardFacts>& facts) {
    std::vector<std::pair<std::optional<std::int64_t>, std::size_t>> keys;
    keys.reserve(notes.size());
    for (std::size_t i = 0; i < notes.size(); ++i) keys.emplace_back(facts[i].new_position, i);
    std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
        if (a.first.has_value() != b.first.has_value()) return a.first.has_value();
        return a.first < b.first;
    });
    // Moved into place cycle by cycle, without a second vector of every note: position k takes
    // the note at from[k]; a position is done when from[k] == k.
    std::vector<std::size_t> from(keys.size());
    for (std::size_t k = 0; k < keys.size(); ++k) from[k] = keys[k].second;
    for (std::size_t start = 0; start < from.size(); ++start) {
        if (from[start] == start) continue;
        Note held = std::move(notes[start]);
        std::size_t k = start;
        while (from[k] != start) {
            std::size_t next = from[k];
            notes[k] = std::move(notes[next]);
            from[k] = k;
            k = next;
        }
        notes[k] = std::move(held);
        from[k] = k;
    }
}

}  // namespace

void read_notes(OpenCollection& collection, Collection& out, Diagnostics& diagnostics) {
    Lookups lookups = make_lookups(out);
    NoteIndex index;
    std::unordered_set<std::int64_t> skipped;
    std::vector<CardFacts> facts;
    try {
        reserve_for_notes(collection.db, out.notes, index);
        bool two_threads =
            threads_per_input() > 1 && collection.connect_again &&
            read_on_two_threads(collection, out, lookups, index, skipped, facts, diagnostics);
        if (!two_threads) {
            read_note_rows(collection.db, collection, out.notes, lookups, index, skipped,
                           diagnostics);
            index.seal();
            std::deque<ReadCardRow> rows = read_card_table(collection.db);
            attach_cards(rows, collection, out, lookups, index, skipped, facts, diagnostics);
        }
    } catch (const SqliteError& e) {
        throw InputError("APKG010", collection.at("notes"),
                         std::string("cannot read notes and cards: ") + e.what());
    }
    // Each note on its own, on every core: cards come in id order (SQLite need not sort), and a
    // note's cards go by ord; its deck is its first card's.
    parallel_for(out.notes.size(), [&](std::size_t i) {
        Note& note = out.notes[i];
        auto by_ord = [](const Card& a, const Card& b) { return a.ord < b.ord; };
        // Most notes have one card, or their cards in order already: stable_sort would still
        // allocate a buffer and move each card through it.
        if (!std::is_sorted(note.cards.begin(), note.cards.end(), by_ord)) {
            std::stable_sort(note.cards.begin(), note.cards.end(), by_ord);
        }
        if (!note.cards.empty()) note.deck = note_deck(note, facts[i], lookups);
    });
    // Notes without cards, in order (their note type's extras are parsed when first asked for).
    for (Note& note : out.notes) {
        if (!note.cards.empty()) continue;
        note.deck = cardless_note_deck(note, lookups);
        diagnostics.note(
            "APKG025", note.origin,
            "note has no cards (Anki shows it nowhere); it goes to deck '" + note.deck + "'");
    }
    order_like_anki(out.notes, facts);
}

json read_revlog(OpenCollection& collection) {
    json rows = json::array();
    if (!collection.db.has_table("revlog")) return rows;
    try {
        SqliteStatement revlog = collection.db.prepare(
            "SELECT id, cid, usn, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id");
        while (revlog.step()) {
            json row = json::array();
            for (int column = 0; column < 9; ++column) row.push_back(revlog.int64(column));
            rows.push_back(std::move(row));
        }
    } catch (const SqliteError& e) {
        throw InputError("APKG010", collection.at("revlog"),
                         std::string("cannot read the review history: ") + e.what());
    }
    return rows;
}

}  // namespace deckport::apkg
