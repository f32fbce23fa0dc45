#include "deckport/error.hpp"

#include <cerrno>
#include <cstring>

namespace deckport {

Error::Error(ExitCode exit_code, Diagnostic diagnostic)
    : std::runtime_error(format_diagnostic(diagnostic)),
      exit_code_(exit_code),
      diagnostic_(std::move(diagnostic)) {}

InputError::InputError(std::string code, SourceLocation origin, std::string message,
                       std::string hint)
    : Error(ExitCode::invalid_input,
            Diagnostic{Severity::error, std::move(code), std::move(message), std::move(origin),
                       std::move(hint)}) {}

IoError::IoError(std::string code, std::string path, std::string message)
    : Error(ExitCode::io, Diagnostic{Severity::error,
                                     std::move(code),
                                     std::move(message),
                                     SourceLocation{std::move(path)},
                                     {}}) {}

UsageError::UsageError(std::string message, std::string hint)
    : Error(ExitCode::usage,
            Diagnostic{Severity::error, "USAGE", std::move(message), {}, std::move(hint)}) {}

OutputExistsError::OutputExistsError(std::string path)
    : Error(ExitCode::output_exists,
            Diagnostic{Severity::error, "IO004", "output already exists",
                       SourceLocation{std::move(path)}, "pass --force to replace it"}) {}

OutputExistsError::OutputExistsError(std::string code, std::string path, std::string message,
                                     std::string hint)
    : Error(ExitCode::output_exists,
            Diagnostic{Severity::error, std::move(code), std::move(message),
                       SourceLocation{std::move(path)}, std::move(hint)}) {}

std::string errno_text() {
    return std::strerror(errno);
}

}  // namespace deckport
