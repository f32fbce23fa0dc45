// Independent work on every core, with results kept by index so that the output does not
// depend on the number of threads.
#pragma once

#include <algorithm>
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

// The results of item(i) for i in [0, total), used in order by the caller: they are made on
// every core a slice of `slice_size` at a time (memory holds three slices), and while the caller
// works through one slice the next is made on other threads, so the caller's sequential work
// (rows, ids, diagnostics, writing) overlaps the parallel work. With one thread per input (-j 1,
// or a batch using every core) each slice is made when it is needed, on the calling thread.
// item must only read what other threads do not change meanwhile.
template <typename Result>
class SlicePipeline {
  public:
    using Item = std::function<Result(std::size_t index)>;

    SlicePipeline(std::size_t total, std::size_t slice_size, Item item)
        : total_(total),
          slice_size_(slice_size),
          item_(std::move(item)),
          ahead_(threads_per_input() > 1) {}
    // Waits for a slice still being made: `item` must not outlive what it refers to.
    ~SlicePipeline() {
        if (next_.valid()) next_.wait();
    }

    // The result for `index`; call it for every index, 0, 1, 2, ..., in order (each slice is
    // made when its first index is asked for). An exception item threw
    // within that index's slice is thrown here, at the slice's first index.
    Result& at(std::size_t index) {
        std::size_t offset = index % slice_size_;
        if (offset == 0) advance(index);
        return current_[offset];
    }

  private:
    void advance(std::size_t first) {
        std::vector<Result> made = next_.valid() ? next_.get() : make(first);
        finished_ = std::move(current_);  // after the new slice is made: make() may throw
        if (!ahead_) finished_ = {};
        current_ = std::move(made);
        std::size_t following = first + slice_size_;
        if (ahead_ && following < total_) {
            // The slice just finished is freed there too: its results were allocated by other
            // threads, and freeing them here would contend for those threads' heaps (the JSON
            // writer spent 0.23 s of 0.39 freeing 100,000 notes' text).
            next_ = std::async(std::launch::async,
                               [this, following, finished = std::move(finished_)]() mutable {
                                   finished = {};
                                   return make(following);
                               });
        }
    }

    std::vector<Result> make(std::size_t first) const {
        std::size_t count = std::min(slice_size_, total_ - first);
        std::vector<Result> results(count);
        parallel_for(count, [&](std::size_t k) { results[k] = item_(first + k); });
        return results;
    }

    std::size_t total_;
    std::size_t slice_size_;
    Item item_;
    bool ahead_;
    std::vector<Result> current_;
    std::vector<Result> finished_;  // the slice before current_, until the next make() frees it
    std::future<std::vector<Result>> next_;
};

}  // namespace deckport
