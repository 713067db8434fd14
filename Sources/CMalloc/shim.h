// glibc's malloc thresholds (mallopt, in malloc.h, which Swift's Glibc module leaves out);
// nothing on another C library. Values in bytes; see Sources/Pipeline/MemoryReuse.swift.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
static inline void oe_keep_freed_memory(int mapped_above, int trimmed_above) {
    mallopt(M_MMAP_THRESHOLD, mapped_above);
    mallopt(M_TRIM_THRESHOLD, trimmed_above);
}
#else
static inline void oe_keep_freed_memory(int mapped_above, int trimmed_above) { (void)mapped_above; (void)trimmed_above; }
#endif
