// Swift cannot issue a prefetch by itself; this is the compiler's builtin, inlined.
static inline void oe_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }
