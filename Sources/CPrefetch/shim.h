#include <stdint.h>

// Swift cannot issue a prefetch by itself; this is the compiler's builtin, inlined.
static inline void oe_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

// Prefetches the cache lines of `first` and `last`, the second only when it is another line,
// since a prefetch that waits for a free miss buffer stalls the loop that issues it. Lines in
// between are not prefetched: callers pass the ends of a key slot or of a kept row, which
// span one or two lines (a row of more than eight cells gets its ends only).
static inline void oe_prefetch_range(const void *first, const void *last) {
    __builtin_prefetch(first, 0, 3);
    if (((uintptr_t)first ^ (uintptr_t)last) >= 64) __builtin_prefetch(last, 0, 3);
}
