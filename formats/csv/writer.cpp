#include "csv/writer.hpp"

#include "csv/options.hpp"
#include "csv/table_writer.hpp"
#include "deckport/content.hpp"

namespace deckport::csv {
namespace {

// Rendered markdown ends with a line break after its last block; it would only force quotes.
std::string without_final_line_breaks(std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

// html=true: the field as HTML (markdown rendered, plain text escaped), kept as it is by Anki.
std::string html_cell(const Content& field) {
    std::string html = to_html(field);
    return field.kind == Markup::markdown ? without_final_line_breaks(std::move(html)) : html;
}

// html=false: the text a reader sees; Anki escapes it and turns line breaks into <br>.
std::string text_cell(const Content& field) {
    std::string text = to_text(field);
    return field.kind == Markup::text ? text : without_final_line_breaks(std::move(text));
}

}  // namespace

void CsvWriter::write(const Collection& collection, OutputSink& sink, WriteContext& context) const {
    WriteOptions options = write_options(context.options, context.output_name);
    options.media_written_beside = context.media_written_beside;
    FieldRenderer render = options.html ? FieldRenderer(html_cell) : FieldRenderer(text_cell);
    write_table(collection, options, render, context.diagnostics, context.output_name,
                [&](std::string_view piece) { sink.write(piece); });
}

}  // namespace deckport::csv
