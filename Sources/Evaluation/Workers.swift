#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Lets a signal handler stop the workers of `Parallel.map` before the process
/// exits, so that no worker writes into an output folder after the handler has removed it.
///
/// Once a stop is asked for, no worker starts another item, and a `parallelMap` left with
/// items not done parks its thread until the handler ends the process. `stop()` returns when
/// every thread busy with an item has finished it or is parked. Items nest (a project's
/// large file is read in chunks, each an item), but a thread parks only when no item it ran
/// inside is still running, so a parked thread is inside at most one unfinished item, and
/// "every item is done or parked" is `busy <= parked`.
public final class Workers: Sendable {
    /// The process's workers: every `parallelMap` that is not given others.
    public static let shared = Workers()

    private struct State {
        var stopping = false
        var busy = 0
        var parked = 0
    }

    private let state = Mutex(State())

    init() {}

    /// Before an item: whether to run it (`false` once a stop is asked for). Pair a `true`
    /// with `finish()`.
    func start() -> Bool {
        state.withLock { state in
            guard !state.stopping else { return false }
            state.busy += 1
            return true
        }
    }

    func finish() {
        state.withLock { $0.busy -= 1 }
    }

    /// Waits for the process to end, for a thread whose items were stopped before they were all done.
    func park() -> Never {
        state.withLock { $0.parked += 1 }
        while true { sleep(60) }
    }

    /// Asks the workers to stop and returns when none is running an item (for a signal handler).
    public func stop() {
        state.withLock { $0.stopping = true }
        while state.withLock({ $0.busy > $0.parked }) { usleep(1_000) }
    }
}
