// How many threads the work within one input may use.
#pragma once

namespace deckport {

// The most threads one input's work is shared over (reading markdown cards, rendering fields,
// writing JSON notes); 0, the default, means one per core. The CLI sets it so that `-j N`
// means N threads in all: 1 with -j 1, and 1 per input when N inputs run at once.
void set_threads_per_input(unsigned threads);
// The number set, or the number of cores when none was (at least 1).
unsigned threads_per_input();

}  // namespace deckport
