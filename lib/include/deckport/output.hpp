// Where writers put their bytes: a sink. File and folder outputs are written into a temporary
// sibling and moved into place on commit(), so a failed run leaves nothing behind, and --force
// replaces only what deckport itself could have written.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace deckport {

// Receives a writer's output. Single-file formats call write() (the bytes are appended, so a
// writer may stream); folder formats call write_file() once per file of the folder.
class OutputSink {
  public:
    virtual ~OutputSink() = default;
    virtual void write(std::string_view bytes) = 0;
    // `relative_path` uses '/' and stays inside the folder (IO005 otherwise).
    virtual void write_file(std::string_view relative_path, std::string_view bytes) = 0;
};

// The files a writer produced, in memory: one unnamed file for single-file formats, or named
// files relative to an output folder.
struct OutputFile {
    std::string relative_path;  // empty for the single file of a single-file format
    std::string bytes;
};
struct Output {
    std::vector<OutputFile> files;
    bool is_directory = false;

    static Output single(std::string bytes);
};

// Builds an Output value (tests, the round-trip engine).
class MemorySink final : public OutputSink {
  public:
    void write(std::string_view bytes) override;
    void write_file(std::string_view relative_path, std::string_view bytes) override;
    const Output& output() const { return output_; }
    Output take() { return std::move(output_); }

  private:
    Output output_;
};

enum class OutputShape { file, folder };

// The inputs of a run, resolved once (symbolic links and `..` resolved, and each existing file's
// identity), so that checking a batch's n outputs against its n inputs takes n lookups instead
// of n * n path resolutions.
class ResolvedInputs {
  public:
    explicit ResolvedInputs(const std::vector<std::filesystem::path>& inputs);
    // The input that `target` (resolved: `real`) is, by path or by identity (a hard link).
    const std::filesystem::path* find(const std::filesystem::path& target,
                                      const std::filesystem::path& real) const;
    // An input inside the resolved folder `real`.
    const std::filesystem::path* inside(const std::filesystem::path& real) const;

  private:
    std::map<std::filesystem::path, std::filesystem::path> by_path_;  // resolved -> as given
    std::map<std::pair<std::uint64_t, std::uint64_t>, std::filesystem::path> by_identity_;
};

struct WritePolicy {
    bool force = false;                         // replace an existing output
    std::vector<std::filesystem::path> inputs;  // never replaced or removed, even with force
    // What --force may replace inside an existing output folder: the names the format writes
    // there ("deck.json"), a trailing '/' for a folder of regular files ("media/"). Anything
    // else in the folder makes the output refused (IO006), so nothing deckport did not write
    // is ever lost.
    std::vector<std::string> replaceable;
    // `inputs` resolved once, for batches (check_output_target then skips resolving `inputs`).
    std::shared_ptr<const ResolvedInputs> resolved_inputs;
};

// Checks, writing nothing, that `path_or_dash` may receive an output of this shape. Throws
// UsageError when the output is an input, holds an input, is the current folder or one of its
// parents, or is a folder going to stdout; OutputExistsError when it exists without --force
// (IO004) or when --force would lose something deckport did not write (IO006).
void check_output_target(const std::string& path_or_dash, OutputShape shape,
                         const WritePolicy& policy);

// An output being written. Nothing is visible at the destination until commit(); destroyed
// without commit(), it removes its temporary file or folder. Bytes for stdout go out as they
// come.
class PendingOutput : public OutputSink {
  public:
    virtual void commit() = 0;
};

// Opens `path_or_dash` (`-` is stdout) after check_output_target. A folder path may end in
// '/'. Throws like check_output_target, and IoError when the temporary cannot be created.
std::unique_ptr<PendingOutput> open_output(const std::string& path_or_dash, OutputShape shape,
                                           const WritePolicy& policy);

// Writes an Output value through open_output and commits it.
void write_output(const std::string& path_or_dash, const Output& output, const WritePolicy& policy);

// Writes bytes to a file atomically (temporary file + fsync + rename).
void atomic_write_file(const std::filesystem::path& path, std::string_view bytes, bool force);

}  // namespace deckport
