#include "json/writer.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "common/utf8.hpp"
#include "deckport/error.hpp"
#include "deckport/output.hpp"
#include "deckport/parallel.hpp"
#include "json/json_scan.hpp"
#include "json/model_writer.hpp"

namespace deckport::json_format {
namespace {

constexpr int kMaxValueWarnings = 10;

MediaMode media_mode(const FormatOptions& options) {
    std::string value = option_value(options, "media", "inline");
    if (value == "inline") return MediaMode::inline_bytes;
    if (value == "list") return MediaMode::list;
    throw UsageError("json option media=" + value + " is unknown",
                     "use media=inline or media=list");
}

// Reports what JSON cannot hold as it is: strings that are not UTF-8 (written with U+FFFD, when
// `check_utf8`) and NaN or infinite numbers (written as null).
class ValueChecker {
  public:
    ValueChecker(const std::string& output_name, Diagnostics& diagnostics)
        : output_name_(output_name), diagnostics_(diagnostics) {}

    // `check_utf8`: the value did not dump as UTF-8, so some string or key in it is invalid.
    void check(const ojson& value, const std::string& pointer, bool check_utf8) {
        // Almost every value has nothing to report: look before building a pointer per member.
        if (!check_utf8 && !has_non_finite_number(value)) return;
        check_utf8_ = check_utf8;
        check(value, pointer);
    }

    void finish() {
        if (count_ > kMaxValueWarnings) {
            SourceLocation at;
            at.file = output_name_;
            diagnostics_.warning("JSON040", at,
                                 std::to_string(count_ - kMaxValueWarnings) +
                                     " more values were changed the same way");
        }
    }

  private:
    static bool has_non_finite_number(const ojson& value) {
        if (value.is_structured()) {
            for (const ojson& member : value) {
                if (has_non_finite_number(member)) return true;
            }
            return false;
        }
        return value.is_number_float() && !std::isfinite(value.get<double>());
    }

    void check(const ojson& value, const std::string& pointer) {
        if (value.is_object()) {
            for (const auto& [key, member] : value.items()) {
                std::string member_pointer = pointer + "/" + pointer_token(key);
                if (check_utf8_ && !utf8::is_valid(key)) {
                    warn(member_pointer, "key is not UTF-8: invalid bytes written as U+FFFD");
                }
                check(member, member_pointer);
            }
        } else if (value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                check(value[i], pointer + "/" + std::to_string(i));
            }
        } else if (value.is_string()) {
            if (check_utf8_ && !utf8::is_valid(value.get_ref<const std::string&>())) {
                warn(pointer, "text is not UTF-8: invalid bytes written as U+FFFD");
            }
        } else if (value.is_number_float() && !std::isfinite(value.get<double>())) {
            warn(pointer, "number " + std::to_string(value.get<double>()) +
                              " cannot be written in JSON: written as null");
        }
    }

    void warn(const std::string& pointer, const std::string& message) {
        if (++count_ > kMaxValueWarnings) return;
        SourceLocation at;
        at.file = output_name_;
        at.locator = pointer;
        diagnostics_.warning("JSON040", at, message);
    }

    bool check_utf8_ = false;
    const std::string& output_name_;
    Diagnostics& diagnostics_;
    int count_ = 0;
};

// Writes the document as nlohmann's dump(2) would write the whole tree, but one array element at
// a time, so memory holds one note's JSON rather than the whole document's (issue 13: 880 MiB
// for 100,000 notes). Output is buffered and handed to the sink in large pieces.
class StreamingDocument {
  public:
    StreamingDocument(OutputSink& sink, ValueChecker checker)
        : sink_(sink), checker_(std::move(checker)) {}

    void member(std::string_view key, const ojson& value) {
        open_member(key);
        put(value, "/" + std::string(key), 1);
    }

    // An array member whose elements come from `element(i)`, dumped one at a time.
    template <typename Element>
    void array_member(std::string_view key, std::size_t size, Element element) {
        open_member(key);
        if (size == 0) {
            buffer_ += "[]";
            return;
        }
        buffer_ += "[\n";
        for (std::size_t i = 0; i < size; ++i) {
            if (i > 0) buffer_ += ",\n";
            buffer_ += "    ";
            put(element(i), "/" + std::string(key) + "/" + std::to_string(i), 2);
            if (buffer_.size() >= kFlushBytes) flush();
        }
        buffer_ += "\n  ]";
    }

    // An array member of many elements: `text(i)` renders element i as text (indented to its
    // depth) on every core, a slice at a time (the next while this one is written; a written
    // slice is freed whole by the threads making the one after it); an element it cannot render
    // (nullopt) is dumped from the tree `element(i)`. `report(i)` runs for each element in order,
    // on this thread, so diagnostics come in the order one thread gives.
    template <typename Report, typename Text, typename Element>
    void parallel_array_member(std::string_view key, std::size_t size, Report report, Text text,
                               Element element) {
        open_member(key);
        if (size == 0) {
            buffer_ += "[]";
            return;
        }
        buffer_ += "[\n";
        SlicePipeline<std::optional<std::string>> texts(size, kSliceSize, text);
        for (std::size_t i = 0; i < size; ++i) {
            std::optional<std::string>& rendered = texts.at(i);
            report(i);
            if (i > 0) buffer_ += ",\n";
            buffer_ += "    ";
            if (rendered) {
                buffer_ += *rendered;
            } else {
                put(element(i), "/" + std::string(key) + "/" + std::to_string(i), 2);
            }
            if (buffer_.size() >= kFlushBytes) flush();
        }
        buffer_ += "\n  ]";
    }

    void finish() {
        buffer_ += members_ == 0 ? "{}\n" : "\n}\n";
        flush();
        checker_.finish();
    }

  private:
    static constexpr std::size_t kFlushBytes = 1 << 20;
    static constexpr std::size_t kSliceSize = 2048;

    void open_member(std::string_view key) {
        buffer_ += members_++ == 0 ? "{\n  \"" : ",\n  \"";
        buffer_ += key;  // the document's own keys: ASCII, nothing to escape
        buffer_ += "\": ";
    }

    // Appends `value` dumped with two-space indentation, its lines indented to `depth`.
    void put(const ojson& value, const std::string& pointer, int depth) {
        std::string text;
        bool utf8 = true;
        try {
            text = value.dump(2, ' ', false, ojson::error_handler_t::strict);
        } catch (const ojson::type_error&) {
            utf8 = false;
            text = value.dump(2, ' ', false, ojson::error_handler_t::replace);
        }
        checker_.check(value, pointer, !utf8);
        // Strings hold no raw line breaks (dump escapes them), so each '\n' starts a line.
        std::string indent(static_cast<std::size_t>(2 * depth), ' ');
        std::size_t from = 0;
        for (std::size_t at = text.find('\n'); at != std::string::npos;
             at = text.find('\n', from)) {
            buffer_.append(text, from, at + 1 - from);
            buffer_ += indent;
            from = at + 1;
        }
        buffer_.append(text, from, std::string::npos);
    }

    void flush() {
        sink_.write(buffer_);
        buffer_.clear();
    }

    OutputSink& sink_;
    ValueChecker checker_;
    std::string buffer_;
    int members_ = 0;
};

}  // namespace

void JsonWriter::write(const Collection& collection, OutputSink& sink,
                       WriteContext& context) const {
    MediaMode media = media_mode(context.options);
    StreamingDocument doc(sink, ValueChecker(context.output_name, context.diagnostics));
    ojson header = document_header(collection);
    for (const auto& [key, value] : header.items()) doc.member(key, value);
    doc.array_member("note_types", collection.note_types.size(),
                     [&](std::size_t i) { return note_type_json(collection.note_types[i]); });
    doc.array_member("decks", collection.decks.size(),
                     [&](std::size_t i) { return deck_json(collection.decks[i]); });
    const std::vector<Note>& notes = collection.notes;
    auto note_type = [&](std::size_t i) {
        return collection.find_note_type(notes[i].note_type_id);
    };
    doc.parallel_array_member(
        "notes", notes.size(),
        [&](std::size_t i) {
            note_type_for_writing(notes[i], collection, context.output_name, context.diagnostics);
        },
        [&](std::size_t i) { return note_text(notes[i], note_type(i), 2); },
        [&](std::size_t i) { return note_json(notes[i], note_type(i)); });
    doc.array_member("media", collection.media.size(),
                     [&](std::size_t i) { return media_json(collection.media[i], media); });
    if (auto extras = collection_extras(collection)) doc.member("extras", *extras);
    doc.finish();
}

}  // namespace deckport::json_format
