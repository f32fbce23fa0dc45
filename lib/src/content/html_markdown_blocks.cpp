// HTML -> markdown for the block structure (see html_markdown_writer.hpp).
#include <algorithm>
#include <string>
#include <vector>

#include "deckport/content.hpp"
#include "escape.hpp"
#include "html_markdown_writer.hpp"
#include "html_serialize.hpp"

namespace deckport::content {

namespace {

// A part of a block container: a run of inline nodes (a paragraph) or one block element.
struct Piece {
    bool is_run = false;
    std::vector<const GumboNode*> nodes;
};

enum class BlockKind { none, bullet_list, ordered_list, other };

struct Rendered {
    std::string markdown;
    BlockKind kind = BlockKind::other;
};

bool is_whitespace_text(const GumboNode& node) {
    if (!is_text_like(node)) return false;
    std::string_view text = text_of(node);
    return std::all_of(text.begin(), text.end(), is_ascii_space);
}

// Splits a container's children into pieces; <div>s without attributes only group, so their
// content joins the pieces of the container.
void collect_pieces(const GumboNode& container, int depth, std::vector<Piece>& pieces) {
    bool in_run = false;
    const GumboVector& children = children_of(container);
    for (unsigned i = 0; i < children.length; ++i) {
        const auto& child = *static_cast<const GumboNode*>(children.data[i]);
        if (child.type == GUMBO_NODE_COMMENT) continue;
        GumboTag tag = tag_of(child);
        if (is_element(child) && is_hidden_tag(tag)) continue;
        if (is_element(child) && is_block_tag(tag)) {
            in_run = false;
            if (tag == GUMBO_TAG_DIV && attribute_count(child) == 0 &&
                depth < kMaxMarkdownBlockDepth) {
                collect_pieces(child, depth + 1, pieces);
            } else {
                pieces.push_back({false, {&child}});
            }
            continue;
        }
        if (!in_run) {
            if (is_whitespace_text(child)) continue;  // white space between blocks
            pieces.push_back({true, {}});
            in_run = true;
        }
        pieces.back().nodes.push_back(&child);
    }
}

// Whether markdown would end an HTML block that starts with `html` before its last line: a block
// that opens with <pre>, <script>, <style> or <textarea> ends at the first line holding one of
// their end tags (CommonMark's HTML block condition 1), such as that of a <pre> nested inside.
bool ends_before_last_line(std::string_view html) {
    static constexpr std::string_view kOpeners[] = {"<pre", "<script", "<style", "<textarea"};
    static constexpr std::string_view kClosers[] = {"</pre>", "</script>", "</style>",
                                                    "</textarea>"};
    if (std::none_of(std::begin(kOpeners), std::end(kOpeners),
                     [&](std::string_view opener) { return html.starts_with(opener); })) {
        return false;
    }
    std::size_t last_line = html.rfind('\n');
    if (last_line == std::string_view::npos) return false;
    std::string_view before = html.substr(0, last_line);
    return std::any_of(std::begin(kClosers), std::end(kClosers), [&](std::string_view closer) {
        return before.find(closer) != std::string_view::npos;
    });
}

std::string raw_block(const std::vector<const GumboNode*>& nodes) {
    std::string html;
    append_raw_html(html, nodes);
    // Markdown reads a line as raw HTML only when it starts with a block tag.
    bool wrap = nodes.size() != 1 || !is_element(*nodes[0]) ||
                !starts_markdown_html_block(tag_name(*nodes[0])) || ends_before_last_line(html);
    return wrap ? "<div>" + html + "</div>" : html;
}

std::string indent_lines(std::string_view text, std::string_view first, std::string_view rest,
                         std::string_view blank) {
    std::string out;
    out.reserve(text.size() + 16);
    bool first_line = true;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!first_line) out += '\n';
        if (line.empty()) {
            out += first_line ? first : blank;
        } else {
            out += first_line ? first : rest;
            out += line;
        }
        first_line = false;
        start = end + 1;
    }
    // A marker alone must not end in a space that nothing follows.
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

class BlockWriter {
  public:
    // At the top level, render every block back to HTML and fall back to raw HTML for the
    // blocks whose markdown does not render to the same HTML.
    bool check_each_block = false;

    std::string container(const GumboNode& node, int depth) {
        std::vector<Piece> pieces;
        collect_pieces(node, depth, pieces);
        return join(pieces, depth, "\n\n");
    }

    std::string join(const std::vector<Piece>& pieces, int depth, std::string_view separator) {
        std::string out;
        BlockKind previous = BlockKind::none;
        bool alternate_bullet = false;
        bool alternate_number = false;
        for (const Piece& piece : pieces) {
            // Two lists in a row would merge into one: the second uses the other marker.
            bool bullet_after_bullet = previous == BlockKind::bullet_list;
            bool number_after_number = previous == BlockKind::ordered_list;
            Rendered rendered =
                render(piece, depth, bullet_after_bullet ? !alternate_bullet : false,
                       number_after_number ? !alternate_number : false);
            if (check_each_block && depth == 0 && !renders_back(rendered.markdown, piece.nodes))
                rendered = {raw_block(piece.nodes), BlockKind::other};
            if (rendered.markdown.empty()) continue;
            if (rendered.kind == BlockKind::bullet_list)
                alternate_bullet = bullet_after_bullet ? !alternate_bullet : false;
            if (rendered.kind == BlockKind::ordered_list)
                alternate_number = number_after_number ? !alternate_number : false;
            if (!out.empty()) out += separator;
            out += rendered.markdown;
            previous = rendered.kind;
        }
        return out;
    }

    Rendered render(const Piece& piece, int depth, bool alternate_bullet, bool alternate_number) {
        if (piece.is_run) return {paragraph(piece.nodes, depth), BlockKind::other};
        const GumboNode& node = *piece.nodes[0];
        if (depth >= kMaxMarkdownBlockDepth) return {raw_block(piece.nodes), BlockKind::other};
        GumboTag tag = tag_of(node);
        bool plain = attribute_count(node) == 0;
        switch (tag) {
            case GUMBO_TAG_P:
                if (plain) return {paragraph(child_list(node), depth), BlockKind::other};
                break;
            case GUMBO_TAG_H1:
            case GUMBO_TAG_H2:
            case GUMBO_TAG_H3:
            case GUMBO_TAG_H4:
            case GUMBO_TAG_H5:
            case GUMBO_TAG_H6:
                if (plain) return {heading(node, depth), BlockKind::other};
                break;
            case GUMBO_TAG_BLOCKQUOTE:
                if (plain) {
                    std::string inner = container(node, depth + 1);
                    if (inner.empty()) return {">", BlockKind::other};
                    return {indent_lines(inner, "> ", "> ", ">"), BlockKind::other};
                }
                break;
            case GUMBO_TAG_UL:
            case GUMBO_TAG_OL: {
                std::string list = this->list(
                    node, depth, tag == GUMBO_TAG_OL ? alternate_number : alternate_bullet);
                if (!list.empty()) {
                    return {list,
                            tag == GUMBO_TAG_OL ? BlockKind::ordered_list : BlockKind::bullet_list};
                }
                break;
            }
            case GUMBO_TAG_PRE: {
                std::string code = code_block(node);
                if (!code.empty()) return {code, BlockKind::other};
                break;
            }
            case GUMBO_TAG_HR:
                // Inside a list item or quote, md4c 0.4.8 may end the container at a thematic
                // break that a paragraph follows (mity/md4c#413); an HTML <hr> keeps it.
                if (plain) return {depth == 0 ? "***" : "<hr>", BlockKind::other};
                break;
            case GUMBO_TAG_TABLE: {
                std::string table = this->table(node, depth);
                if (!table.empty()) return {table, BlockKind::other};
                break;
            }
            default:
                break;
        }
        return {raw_block(piece.nodes), BlockKind::other};
    }

  private:
    static bool renders_back(const std::string& markdown,
                             const std::vector<const GumboNode*>& nodes) {
        std::string html;
        append_raw_html(html, nodes);
        return normalize_html_for_compare(markdown_to_html(markdown)) ==
               normalize_html_for_compare(html);
    }

    static std::vector<const GumboNode*> child_list(const GumboNode& node) {
        std::vector<const GumboNode*> nodes;
        const GumboVector& children = children_of(node);
        for (unsigned i = 0; i < children.length; ++i)
            nodes.push_back(static_cast<const GumboNode*>(children.data[i]));
        return nodes;
    }

    std::string paragraph(const std::vector<const GumboNode*>& nodes, int depth) {
        InlineWriter writer({}, '\0');
        for (const GumboNode* node : nodes) writer.write(*node, depth + 1);
        InlineWriter::Result result = writer.finish('\0');
        if (result.failed) return raw_block(nodes);
        return std::move(result.markdown);
    }

    std::string heading(const GumboNode& node, int depth) {
        InlineContext context;
        context.in_heading = true;
        InlineWriter writer(context, ' ');
        const GumboVector& children = children_of(node);
        for (unsigned i = 0; i < children.length; ++i)
            writer.write(*static_cast<const GumboNode*>(children.data[i]), depth + 1);
        InlineWriter::Result result = writer.finish('\0');
        if (result.failed) return raw_block({&node});
        std::string level(static_cast<std::size_t>(tag_of(node) - GUMBO_TAG_H1 + 1), '#');
        if (result.markdown.empty()) return level;
        // A `#` at the end would be read as the closing sequence of the heading.
        if (result.markdown.back() == '#') {
            result.markdown.back() = '\\';
            result.markdown += '#';
        }
        return level + " " + result.markdown;
    }

    std::string list(const GumboNode& node, int depth, bool alternate) {
        bool ordered = tag_of(node) == GUMBO_TAG_OL;
        long long number = 1;
        for (unsigned i = 0; i < node.v.element.attributes.length; ++i) {
            const auto* attr =
                static_cast<const GumboAttribute*>(node.v.element.attributes.data[i]);
            std::string_view value = attr->value;
            if (!ordered || std::string_view(attr->name) != "start" || value.empty() ||
                value.size() > 9 || value.find_first_not_of("0123456789") != std::string_view::npos)
                return {};
            number = std::stoll(std::string(value));
        }
        std::vector<const GumboNode*> items;
        for (const GumboNode* child : child_list(node)) {
            if (child->type == GUMBO_NODE_COMMENT || is_whitespace_text(*child)) continue;
            if (tag_of(*child) != GUMBO_TAG_LI || attribute_count(*child) != 0) return {};
            items.push_back(child);
        }
        // Tight when every item is at most a line of text followed by lists (as markdown
        // writes tight lists); anything else needs blank lines, which make the list loose.
        std::vector<std::vector<Piece>> item_pieces(items.size());
        bool tight = true;
        for (std::size_t i = 0; i < items.size(); ++i) {
            collect_pieces(*items[i], depth + 1, item_pieces[i]);
            const std::vector<Piece>& pieces = item_pieces[i];
            for (std::size_t k = 0; k < pieces.size(); ++k) {
                if (pieces[k].is_run) {
                    if (k != 0) tight = false;
                    continue;
                }
                GumboTag tag = tag_of(*pieces[k].nodes[0]);
                if (tag != GUMBO_TAG_UL && tag != GUMBO_TAG_OL) tight = false;
            }
        }
        std::string out;
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::string marker;
            if (ordered) {
                marker = std::to_string(number++);
                marker += alternate ? ')' : '.';
                if (marker.size() > 10) return {};
            } else {
                marker.assign(1, alternate ? '*' : '-');
            }
            std::string content = tight ? tight_item(item_pieces[i], depth + 1)
                                        : join(item_pieces[i], depth + 1, "\n\n");
            std::string indent(marker.size() + 1, ' ');
            if (!out.empty()) out += tight ? "\n" : "\n\n";
            if (content.empty()) {
                out += marker;
            } else {
                out += indent_lines(content, marker + " ", indent, "");
            }
        }
        if (items.empty()) return raw_block({&node});
        return out;
    }

    std::string tight_item(const std::vector<Piece>& pieces, int depth) {
        std::string out;
        BlockKind previous = BlockKind::none;
        bool after_text = false;
        for (const Piece& piece : pieces) {
            Rendered rendered;
            if (piece.is_run) {
                rendered = {paragraph(piece.nodes, depth), BlockKind::other};
            } else if (after_text && !can_interrupt_paragraph(*piece.nodes[0])) {
                rendered = {raw_block(piece.nodes), BlockKind::other};
            } else {
                rendered = render(piece, depth, previous == BlockKind::bullet_list,
                                  previous == BlockKind::ordered_list);
            }
            if (rendered.markdown.empty()) continue;
            if (!out.empty()) out += '\n';
            out += rendered.markdown;
            after_text = piece.is_run;
            previous = rendered.kind;
        }
        return out;
    }

    // A list right after a line of text starts only when it begins with item 1 and that item
    // is not empty; otherwise the line of text would take it in.
    static bool can_interrupt_paragraph(const GumboNode& list) {
        if (tag_of(list) == GUMBO_TAG_OL) {
            const char* start = attribute(list, "start");
            if (start != nullptr && std::string_view(start) != "1") return false;
        }
        for (const GumboNode* child : child_list(list)) {
            if (tag_of(*child) != GUMBO_TAG_LI) continue;
            for (const GumboNode* inner : child_list(*child)) {
                if (!is_whitespace_text(*inner) && inner->type != GUMBO_NODE_COMMENT) return true;
            }
            return false;
        }
        return false;
    }

    static std::string code_block(const GumboNode& pre) {
        if (attribute_count(pre) != 0) return {};
        std::vector<const GumboNode*> children = child_list(pre);
        std::string text;
        std::string info;
        if (children.size() == 1 && tag_of(*children[0]) == GUMBO_TAG_CODE) {
            const GumboNode& code = *children[0];
            if (!has_language_class_only(code, info)) return {};
            children = child_list(code);
        }
        for (const GumboNode* child : children) {
            if (!is_text_like(*child)) return {};
            text += text_of(*child);
        }
        if (text.find('\r') != std::string::npos) return {};
        if (!text.empty() && text.back() != '\n') text += '\n';
        // The fence must be longer than any run of backticks at the start of a line.
        std::size_t longest = 0;
        for (std::size_t i = 0; i < text.size();) {
            std::size_t run = 0;
            while (i + run < text.size() && text[i + run] == '`') ++run;
            longest = std::max(longest, run);
            i += std::max<std::size_t>(run, 1);
        }
        std::string fence(std::max<std::size_t>(3, longest + 1), '`');
        return fence + info + "\n" + text + fence;
    }

    static bool has_language_class_only(const GumboNode& code, std::string& info) {
        const GumboVector& attributes = code.v.element.attributes;
        if (attributes.length == 0) return true;
        if (attributes.length != 1) return false;
        const auto* attr = static_cast<const GumboAttribute*>(attributes.data[0]);
        std::string_view value = attr->value;
        constexpr std::string_view kPrefix = "language-";
        if (std::string_view(attr->name) != "class" || value.substr(0, kPrefix.size()) != kPrefix)
            return false;
        std::string_view language = value.substr(kPrefix.size());
        if (language.empty()) return false;
        for (char c : language) {
            if (is_ascii_space(c) || c == '`' || c == '&' || c == '\\') return false;
        }
        info = language;
        return true;
    }

    std::string table(const GumboNode& table, int depth) {
        if (attribute_count(table) != 0) return {};
        std::vector<const GumboNode*> rows;
        for (const GumboNode* child : child_list(table)) {
            if (child->type == GUMBO_NODE_COMMENT || is_whitespace_text(*child)) continue;
            GumboTag tag = tag_of(*child);
            if (attribute_count(*child) != 0) return {};
            if (tag == GUMBO_TAG_TR) {
                rows.push_back(child);
            } else if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT) {
                for (const GumboNode* row : child_list(*child)) {
                    if (row->type == GUMBO_NODE_COMMENT || is_whitespace_text(*row)) continue;
                    if (tag_of(*row) != GUMBO_TAG_TR || attribute_count(*row) != 0) return {};
                    rows.push_back(row);
                }
            } else {
                return {};
            }
        }
        if (rows.empty()) return {};
        std::vector<std::string> alignments;
        std::string out;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            std::vector<const GumboNode*> cells;
            for (const GumboNode* cell : child_list(*rows[r])) {
                if (cell->type == GUMBO_NODE_COMMENT || is_whitespace_text(*cell)) continue;
                GumboTag expected = r == 0 ? GUMBO_TAG_TH : GUMBO_TAG_TD;
                if (tag_of(*cell) != expected) return {};
                cells.push_back(cell);
            }
            if (cells.empty() || (r > 0 && cells.size() != alignments.size())) return {};
            std::string line = "|";
            for (std::size_t c = 0; c < cells.size(); ++c) {
                std::string align;
                if (!cell_alignment(*cells[c], align)) return {};
                if (r == 0) {
                    alignments.push_back(align);
                } else if (alignments[c] != align) {
                    return {};
                }
                InlineContext context;
                context.in_table_cell = true;
                InlineWriter writer(context, ' ');
                for (const GumboNode* node : child_list(*cells[c])) writer.write(*node, depth + 1);
                InlineWriter::Result result = writer.finish(' ');
                if (result.failed) return {};
                line += ' ';
                line += result.markdown;
                line += " |";
            }
            if (!out.empty()) out += '\n';
            out += line;
            if (r == 0) {
                out += "\n|";
                for (const std::string& align : alignments) {
                    if (align == "left")
                        out += " :-- |";
                    else if (align == "center")
                        out += " :-: |";
                    else if (align == "right")
                        out += " --: |";
                    else
                        out += " --- |";
                }
            }
        }
        return out;
    }

    static bool cell_alignment(const GumboNode& cell, std::string& align) {
        const GumboVector& attributes = cell.v.element.attributes;
        if (attributes.length == 0) return true;
        if (attributes.length != 1) return false;
        const auto* attr = static_cast<const GumboAttribute*>(attributes.data[0]);
        align = attr->value;
        return std::string_view(attr->name) == "align" &&
               (align == "left" || align == "center" || align == "right");
    }
};

}  // namespace

std::string write_markdown_blocks(const GumboNode& container, bool check_each_block) {
    BlockWriter writer;
    writer.check_each_block = check_each_block;
    return writer.container(container, 0);
}

std::string write_raw_html_block(const GumboNode& container) {
    const GumboVector& children = children_of(container);
    std::vector<const GumboNode*> nodes;
    for (unsigned i = 0; i < children.length; ++i)
        nodes.push_back(static_cast<const GumboNode*>(children.data[i]));
    return nodes.empty() ? std::string{} : raw_block(nodes);
}

}  // namespace deckport::content
