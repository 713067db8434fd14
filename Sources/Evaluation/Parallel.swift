import Dispatch
import Synchronization

/// Work spread over all cores, in a way that leaves the output independent of timing.
package enum Parallel {
    /// Maps on all cores; results keep the order of `items`, so output does not depend on timing.
    /// `transform` of each item, in the items' order; the items are started in the order of
    /// `largestFirst` (descending) when given. Each item is a unit of `workers`: after a stop
    /// no item starts, and this never returns.
    package static func map<T: Sendable, R: Sendable>(
        _ items: [T], serial: Bool, largestFirst sizes: [Int]? = nil, workers: Workers = .shared,
        _ transform: @Sendable (T) -> R
    ) -> [R] {
        let order = sizes.map { sizes in items.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 } }
        if serial || items.count < 2 {
            return items.map { item in
                guard workers.start() else { workers.park() }
                defer { workers.finish() }
                return transform(item)
            }
        }
        let results = Mutex([R?](repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { position in
            guard workers.start() else { return }
            defer { workers.finish() }
            let index = order?[position] ?? position
            let result = transform(items[index])
            results.withLock { $0[index] = result }
        }
        let done = results.withLock { $0.compactMap { $0 } }
        guard done.count == items.count else { workers.park() }
        return done
    }
}
