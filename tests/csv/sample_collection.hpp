// A small collection that exercises every quoting rule and every column of the csv writer.
#pragma once

#include "deckport/model.hpp"
#include "deckport/notetypes.hpp"

namespace deckport::test {

inline Note sample_note(const NoteType& nt, std::string guid, std::string deck,
                        std::vector<Content> fields, std::vector<std::string> tags) {
    Note note;
    note.guid = std::move(guid);
    note.note_type_id = nt.id;
    note.deck = std::move(deck);
    note.fields = std::move(fields);
    note.set_tags(std::move(tags));
    return note;
}

// Fields are HTML (as a markdown reader's output would be after to_html) so that a renderer that
// passes sources through shows the layout alone.
inline Collection sample_collection() {
    Collection c;
    NoteType basic = c.ensure_note_type(basic_note_type());
    NoteType reversed = c.ensure_note_type(basic_and_reversed_note_type());
    NoteType cloze = c.ensure_note_type(cloze_note_type());
    auto html = [](std::string s) { return Content{Markup::html, std::move(s)}; };
    c.notes.push_back(
        sample_note(basic, "p]2Q)N#a(v", "Rust::Concurrency",
                    {html("What is a <code>Mutex</code>?"), html("A lock, \"exclusive\".")},
                    {"rust", "concurrency::mutex"}));
    c.notes.push_back(sample_note(reversed, "Ao9z.x7Wq$", "Rust::Concurrency",
                                  {html("mpsc"), html("Multiple producer,\nsingle consumer")},
                                  {"rust"}));
    c.notes.push_back(sample_note(cloze, "hT5%cK1!mN", "Rust::Concurrency::Cloze",
                                  {html("A {{c1::Mutex}} can be poisoned."), html("")},
                                  {"rust", "cloze"}));
    c.notes.push_back(sample_note(basic, "bq8Y3&Lr0s", "Rust",
                                  {html("#[derive(Clone)] on Arc?"), html("tab\there")}, {}));
    for (const Note& note : c.notes) c.ensure_deck(note.deck);
    return c;
}

}  // namespace deckport::test
