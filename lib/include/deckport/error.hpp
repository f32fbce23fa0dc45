// The one error hierarchy and the exit codes that the CLI maps errors to.
#pragma once

#include <stdexcept>
#include <string>

#include "deckport/diagnostics.hpp"

namespace deckport {

// Documented in README.md ("Exit codes"); scripts rely on these numbers.
enum class ExitCode : int {
    ok = 0,
    invalid_input = 1,  // an input could not be read or has errors
    usage = 2,          // bad command line
    io = 3,             // a file could not be read or written
    output_exists = 4,  // the output exists and --force was not given
    check_failed = 5,   // check/roundtrip/diff found problems
    internal = 70,      // a bug in deckport
};

// Base of every error deckport throws. Carries a diagnostic so the CLI can render it like any
// other, with its code and position.
class Error : public std::runtime_error {
  public:
    Error(ExitCode exit_code, Diagnostic diagnostic);
    ExitCode exit_code() const { return exit_code_; }
    const Diagnostic& diagnostic() const { return diagnostic_; }

  private:
    ExitCode exit_code_;
    Diagnostic diagnostic_;
};

// The input is malformed beyond recovery (not a zip, unknown version, ...).
class InputError : public Error {
  public:
    InputError(std::string code, SourceLocation origin, std::string message, std::string hint = {});
};

// A file could not be opened, read, written or renamed.
class IoError : public Error {
  public:
    IoError(std::string code, std::string path, std::string message);
};

// The system's words for the last failed call (strerror(errno)), for an IoError's message.
std::string errno_text();

// The command line asks for something impossible (unknown format, two inputs to one file, ...).
class UsageError : public Error {
  public:
    explicit UsageError(std::string message, std::string hint = {});
};

// The output is in the way: it exists and --force was not given (IO004), or replacing it would
// lose something deckport did not write (IO006). Exit code 4.
class OutputExistsError : public Error {
  public:
    explicit OutputExistsError(std::string path);
    OutputExistsError(std::string code, std::string path, std::string message, std::string hint);
};

}  // namespace deckport
