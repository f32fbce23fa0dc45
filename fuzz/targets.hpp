// The fuzz targets: one per reader and one for the content layer. Each takes any bytes and goes
// through the reading path the CLI uses (FormatRegistry, read_collection, default Limits).
// Refusing the input with one of deckport's errors is an expected outcome; any other exception
// escaping run_target() is a finding (the libFuzzer entry lets it terminate the process, the
// regression replay reports it as a failed test).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace deckport::fuzz {

// A broken round-trip property: a finding, like a crash.
class OracleFailure : public std::logic_error {
  public:
    using std::logic_error::logic_error;
};

// "markdown", "json", "csv", "quizlet", "apkg", "mochi", "crowdanki", "content".
const std::vector<std::string>& target_names();

// What became of an input that is not a finding.
enum class Outcome {
    refused,     // deckport's error (InputError...) stopped the read
    read,        // read; no oracle applies (errors reported, a declared loss, or none for it)
    round_trip,  // read, and the round-trip oracle held
};

// Runs one input through the target. Throws std::invalid_argument for an unknown target.
Outcome run_target(std::string_view target, std::string_view bytes);

}  // namespace deckport::fuzz
