// glibc's malloc thresholds (mallopt, in malloc.h, which Swift's Glibc module leaves out);
// nothing on another C library. Values in bytes; see Sources/Pipeline/MemoryReuse.swift.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
// 1 when glibc took both thresholds, 0 when it refused one (a value over its maximum).
static inline int oe_keep_freed_memory(int mapped_above, int trimmed_above) {
    int mapped = mallopt(M_MMAP_THRESHOLD, mapped_above);
    int trimmed = mallopt(M_TRIM_THRESHOLD, trimmed_above);
    return mapped == 1 && trimmed == 1;
}
#else
static inline int oe_keep_freed_memory(int mapped_above, int trimmed_above) { (void)mapped_above; (void)trimmed_above; return 0; }
#endif
