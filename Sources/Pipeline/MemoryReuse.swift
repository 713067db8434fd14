import CMalloc

/// Keeps the memory one project's scan frees for the next project's, rather than giving it
/// back to the system to be faulted in and zeroed again page by page.
///
/// A project's scan allocates its key indexes, kept rows and batches (some 15 MB for a
/// project of 100,000 participants) and frees them when it is done. glibc hands allocations
/// that large to the kernel and back (they are mapped on their own, or trimmed off the top of
/// the heap), so every project paid a page fault for each 4 KB it used: about 100,000 faults
/// and 0.2-0.3 s of system time on the 1 GB set of `make bench`. With allocations of up to
/// 32 MB (glibc's largest threshold on 64 bits) made in the heap, and a heap trimmed only when
/// 256 MB at its top are free, that run takes about 14,600 faults, for 6 MB more peak memory
/// (BENCHMARKS.md, "Memory handed back and faulted in again"). Freed memory stays with the
/// process, in the heap of the thread that freed it, so resident memory stays near its peak
/// (85 MB against 79 on that set, 2 cores); with more cores there are more such heaps.
///
/// The thresholds are the process's, so the command line sets them (`run`, `verify`), not
/// the library on a caller's behalf.
public enum MemoryReuse {
    /// Sets glibc's thresholds for this process; `false` where they are not set (another C
    /// library, or a glibc that refuses a value), and the run then keeps the defaults: slower
    /// with many projects, never different.
    public static func keepFreedMemory() -> Bool { oe_keep_freed_memory(32 << 20, 256 << 20) == 1 }
}
