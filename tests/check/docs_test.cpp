// docs/lint-rules.md documents every lint, media and round-trip code with its summary and severity.
#include <gtest/gtest.h>

#include "deckport/lint.hpp"
#include "deckport/note_media.hpp"
#include "deckport/roundtrip.hpp"
#include "test_support.hpp"

using namespace deckport;

TEST(Docs, LintRulesDocumentEveryCode) {
    std::string doc = test::read_text(test::source_dir() / "docs" / "lint-rules.md");
    std::vector<CodeInfo> codes = lint_codes();
    for (const CodeInfo& info : roundtrip_codes()) codes.push_back(info);
    for (const CodeInfo& info : media_codes()) codes.push_back(info);
    for (const CodeInfo& info : codes) {
        std::string heading = "### " + info.code + ": " + info.summary +
                              "\n\nDefault severity: **" + severity_name(info.severity) + "**.";
        EXPECT_NE(doc.find(heading), std::string::npos) << "docs/lint-rules.md lacks: " << heading;
    }
}
