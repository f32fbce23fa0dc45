// docs/deckport.schema.json describes exactly what the writer writes: the sample collection's
// JSON validates, and every key the schema declares occurs in it.
#include <cstdlib>

#include <gtest/gtest.h>

#include "sample_collection.hpp"
#include "test_support.hpp"

using namespace deckport::test;

namespace {

// A python3 that has the jsonschema module (Debian: python3-jsonschema), or "" when none has.
const std::string& python_with_jsonschema() {
    static const std::string found = [] {
        for (const char* python : {"/usr/bin/python3", "python3"}) {
            std::string command = std::string(python) + " -c 'import jsonschema' >/dev/null 2>&1";
            if (std::system(command.c_str()) == 0) return std::string(python);
        }
        return std::string();
    }();
    return found;
}

}  // namespace

TEST(JsonSchema, DescribesExactlyWhatTheWriterWrites) {
    const std::string& python = python_with_jsonschema();
    if (python.empty()) {
        GTEST_SKIP() << "python3 with the jsonschema module is missing (scripts/install-deps "
                        "installs python3-jsonschema)";
    }
    TempDir dir;
    write_text(dir / "sample.json", write_json(sample_collection()));
    std::string command =
        python + " '" + (source_dir() / "tests/json/validate_schema.py").string() + "' '" +
        (source_dir() / "docs/deckport.schema.json").string() + "' '" +
        (dir / "sample.json").string() + "' > '" + (dir / "report.txt").string() + "' 2>&1";
    int status = std::system(command.c_str());
    EXPECT_EQ(status, 0) << read_text(dir / "report.txt");
}

TEST(JsonSchema, RejectsADocumentWithAnUndeclaredKey) {
    const std::string& python = python_with_jsonschema();
    if (python.empty()) GTEST_SKIP() << "python3 with the jsonschema module is missing";
    TempDir dir;
    std::string text = write_json(sample_collection());
    text.replace(text.find("\"deck\": \"Lang::Rust::Sync\""), 6, "\"dekc\"");
    write_text(dir / "bad.json", text);
    std::string command =
        python + " '" + (source_dir() / "tests/json/validate_schema.py").string() + "' '" +
        (source_dir() / "docs/deckport.schema.json").string() + "' '" +
        (dir / "bad.json").string() + "' > '" + (dir / "report.txt").string() + "' 2>&1";
    EXPECT_NE(std::system(command.c_str()), 0);
    EXPECT_NE(read_text(dir / "report.txt")
                  .find("invalid at /notes/0: Additional properties are not allowed ('dekc' was "
                        "unexpected)"),
              std::string::npos)
        << read_text(dir / "report.txt");
}
