import CMalloc

/// Keeps the memory one project's scan frees for the next project's, rather than giving it
/// back to the system to be faulted in and zeroed again page by page.
///
/// A project's scan allocates its key indexes, kept rows and batches (some 15 MB for a
/// project of 100,000 participants) and frees them when it is done. glibc hands allocations
/// that large to the kernel and back (they are mapped on their own, or trimmed off the top of
/// the heap), so every project paid a page fault for each 4 KB it used: about 100,000 faults
/// and 0.2-0.3 s of system time on the 1 GB set of `make bench`. With allocations of up to
/// 32 MB (glibc's largest threshold) made in the heap, and the heap trimmed only when 256 MB
/// at its top are free, that run takes 14,500 faults, for 5 MB more peak memory (BENCHMARKS.md,
/// "Memory handed back and faulted in again").
enum MemoryReuse {
    /// Sets glibc's thresholds for the process; on another C library, nothing.
    static func keepFreedMemory() { oe_keep_freed_memory(32 << 20, 256 << 20) }
}
