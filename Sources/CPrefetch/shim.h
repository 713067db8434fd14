// Swift cannot issue a prefetch by itself; this is the compiler's builtin, inlined.
static inline void oe_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

// Prefetches the bytes from `first` to `last` (at most two cache lines apart): the second line
// only when they are on two, since a prefetch that waits for a free miss buffer stalls the
// loop that issues it.
static inline void oe_prefetch_range(const void *first, const void *last) {
    __builtin_prefetch(first, 0, 3);
    if (((unsigned long)first ^ (unsigned long)last) >= 64) __builtin_prefetch(last, 0, 3);
}
