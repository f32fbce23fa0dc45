// The progress bar of a batch: one line on stderr, redrawn in place with \r, shown only when
// the work takes more than a moment, and cleared before other output and at the end.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace deckport::cli {

// `  37/200 files [#####.........]  12345 notes/s  0:12 left`, at most `width` columns.
std::string progress_line(std::size_t done, std::size_t total, double notes_per_second,
                          double seconds_left, std::size_t width);

class ProgressBar {
  public:
    // Draws nothing unless `enabled` (stderr is a terminal).
    ProgressBar(std::size_t total, bool enabled);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    // Redraws with `done` inputs finished and `notes` read so far: not before half a second
    // has passed, and at most ten times a second.
    void update(std::size_t done, std::size_t notes);
    // Removes the line, so that other output starts at the beginning of a clean line.
    void clear();

  private:
    using Clock = std::chrono::steady_clock;
    std::size_t total_;
    bool enabled_;
    bool shown_ = false;
    Clock::time_point start_ = Clock::now();
    Clock::time_point last_draw_{};
};

}  // namespace deckport::cli
