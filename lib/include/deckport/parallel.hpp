// Independent work on every core, with results kept by index so that the output does not
// depend on the number of threads.
#pragma once

#include <cstddef>
#include <functional>
#include <future>
#include <vector>

#include "deckport/threads.hpp"

namespace deckport {

// Calls work(i) once for every i in [0, count), on up to threads_per_input() threads (one per
// core unless the CLI's -j says otherwise); small counts (under `min_parallel`) run on the
// calling thread. work must only touch what index i owns.
// After every thread has stopped, the exception of the lowest index that threw is rethrown:
// the one a single thread would have met.
void parallel_for(std::size_t count, const std::function<void(std::size_t)>& work,
                  std::size_t min_parallel = 256);

// A long run of items whose results are made a slice at a time by `make(first, count)` (which may
// use parallel_for) and then used in order by the caller. While the caller works through one
// slice, the next is made on another thread, so the caller's sequential work overlaps the
// parallel work instead of leaving the other cores idle. With one thread per input (-j 1, or a
// batch using every core) each slice is made when it is needed, on the calling thread.
template <typename Result>
class SlicePipeline {
  public:
    using Make = std::function<std::vector<Result>(std::size_t first, std::size_t count)>;

    SlicePipeline(std::size_t total, std::size_t slice_size, Make make)
        : total_(total),
          slice_size_(slice_size),
          make_(std::move(make)),
          ahead_(threads_per_input() > 1) {}
    // Waits for a slice still being made: `make` must not outlive what it refers to.
    ~SlicePipeline() {
        if (next_.valid()) next_.wait();
    }

    // The results of the slice starting at `first`; call with first = 0, slice_size, ... in
    // order. An exception `make` threw for that slice is thrown here.
    std::vector<Result>& slice_at(std::size_t first) {
        if (next_.valid()) {
            current_ = next_.get();
        } else {
            current_ = make_(first, count_from(first));
        }
        std::size_t following = first + slice_size_;
        if (ahead_ && following < total_) {
            next_ = std::async(std::launch::async, make_, following, count_from(following));
        }
        return current_;
    }

  private:
    std::size_t count_from(std::size_t first) const {
        return first + slice_size_ < total_ ? slice_size_ : total_ - first;
    }

    std::size_t total_;
    std::size_t slice_size_;
    Make make_;
    bool ahead_;
    std::vector<Result> current_;
    std::future<std::vector<Result>> next_;
};

}  // namespace deckport
