// Markdown inputs and the exact HTML each must become, checked as one list.
#pragma once

#include <gtest/gtest.h>

#include <vector>

#include "deckport/content.hpp"

namespace deckport::test {

struct HtmlCase {
    const char* markdown;
    const char* html;
};

inline void expect_all_html(const std::vector<HtmlCase>& cases) {
    for (const HtmlCase& c : cases) EXPECT_EQ(markdown_to_html(c.markdown), c.html) << c.markdown;
}

}  // namespace deckport::test
