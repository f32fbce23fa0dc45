// A parsed HTML fragment (gumbo), owned RAII-style, plus small helpers to read its nodes.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

namespace deckport::content {

// Bump allocator for gumbo: parsing allocates many small blocks and frees them all at once.
// It also spares us gumbo_destroy_output, which recurses once per nesting level.
class GumboArena {
  public:
    void* allocate(std::size_t size);
    // Makes gumbo allocate from this arena: the output then needs no gumbo_destroy_output.
    void use_in(GumboOptions& options);

  private:
    std::vector<std::unique_ptr<std::byte[]>> blocks_;
    std::byte* next_ = nullptr;
    std::size_t left_ = 0;
    std::size_t block_size_ = 16 * 1024;
};

// Which parser builds the tree: simple fields are read by parse_simple_html (simple_html.hpp),
// which builds gumbo's tree faster, and every other field by gumbo.
enum class HtmlParser { simple_when_possible, gumbo };

// HTML parsed as the content of a <body> element (an Anki field is such a fragment).
class HtmlFragment {
  public:
    explicit HtmlFragment(std::string_view html,
                          HtmlParser parser = HtmlParser::simple_when_possible);
    HtmlFragment(const HtmlFragment&) = delete;
    HtmlFragment& operator=(const HtmlFragment&) = delete;

    // The element whose children are the fragment's top-level nodes.
    const GumboNode& root() const { return *root_; }
    bool parsed_by_gumbo() const { return output_ != nullptr; }

  private:
    GumboArena arena_;
    std::string tamed_;  // the input with excess tags dropped, when it had any (see html_guard)
    GumboOutput* output_ = nullptr;
    const GumboNode* root_ = nullptr;
};

const GumboVector& children_of(const GumboNode& node);
bool is_element(const GumboNode& node);
bool is_text_like(const GumboNode& node);         // text, whitespace or CDATA
std::string_view text_of(const GumboNode& node);  // "" for elements
GumboTag tag_of(const GumboNode& node);           // GUMBO_TAG_UNKNOWN for non-elements
// The lower-case tag name, also for tags gumbo does not know.
std::string tag_name(const GumboNode& node);
const char* attribute(const GumboNode& node, const char* name);  // nullptr when absent
std::size_t attribute_count(const GumboNode& node);

// Elements that start a block in CommonMark's sense (HTML block condition 6) plus the other
// elements that browsers lay out as blocks.
bool is_block_tag(GumboTag tag);
// Elements without content or end tag (<br>, <img>...).
bool is_void_tag(GumboTag tag);
// Elements whose content never reaches a reader (<script>, <style>...).
bool is_hidden_tag(GumboTag tag);

// Visits the descendants of `root` in document order without recursion (fields can nest
// thousands of levels deep). `enter(node)` returns whether to visit the node's children;
// `leave(node)` runs after them, for every node that `enter` saw.
template <class Enter, class Leave>
void walk_descendants(const GumboNode& root, Enter&& enter, Leave&& leave) {
    struct Frame {
        const GumboNode* node;
        unsigned next_child;
    };
    std::vector<Frame> stack;
    stack.push_back({&root, 0});
    while (!stack.empty()) {
        Frame& top = stack.back();
        const GumboVector& children = children_of(*top.node);
        if (top.next_child >= children.length) {
            const GumboNode* done = top.node;
            stack.pop_back();
            if (!stack.empty()) leave(*done);
            continue;
        }
        const auto* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
        if (enter(*child)) {
            stack.push_back({child, 0});
        } else {
            leave(*child);
        }
    }
}

}  // namespace deckport::content
