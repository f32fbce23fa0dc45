// Independent work on every core, with results kept by index so that the output does not
// depend on the number of threads.
#pragma once

#include <cstddef>
#include <functional>

namespace deckport {

// Calls work(i) once for every i in [0, count), on up to threads_per_input() threads (one per
// core unless the CLI's -j says otherwise); small counts (under `min_parallel`) run on the
// calling thread. work must only touch what index i owns.
// After every thread has stopped, the exception of the lowest index that threw is rethrown:
// the one a single thread would have met.
void parallel_for(std::size_t count, const std::function<void(std::size_t)>& work,
                  std::size_t min_parallel = 256);

}  // namespace deckport
