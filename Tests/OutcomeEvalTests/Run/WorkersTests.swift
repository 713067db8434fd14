import Dispatch
@testable import Evaluation
import Foundation
import Synchronization
import XCTest

/// A stop (what the SIGINT/SIGTERM handler asks for) while `parallelMap` runs nested items,
/// as a project's chunks run inside the projects' map.
final class WorkersTests: XCTestCase {
    private struct Tally {
        var running = 0
        var started = 0
        var finished = 0
    }

    func testStopWaitsForTheRunningItemsAndStartsNoMore() {
        let workers = Workers()
        let tally = Mutex(Tally())
        let firstStarted = DispatchSemaphore(value: 0)
        let returned = Mutex(false)
        // This thread stays parked once stopped, as the process's would until the handler exits.
        Thread {
            _ = Parallel.map(Array(0..<4), serial: false, workers: workers) { _ in
                Parallel.map(Array(0..<4), serial: false, workers: workers) { _ in
                    let first = tally.withLock { tally in
                        tally.running += 1
                        tally.started += 1
                        return tally.started == 1
                    }
                    if first { firstStarted.signal() }
                    usleep(100_000)
                    tally.withLock { tally in
                        tally.running -= 1
                        tally.finished += 1
                    }
                    return 0
                }
            }
            returned.withLock { $0 = true }
        }.start()
        XCTAssertEqual(firstStarted.wait(timeout: .now() + 10), .success)

        let stopped = DispatchSemaphore(value: 0)
        let atStop = Mutex(Tally())
        Thread {
            workers.stop()
            atStop.withLock { $0 = tally.withLock { $0 } }
            stopped.signal()
        }.start()
        // A stop that never returns (a parked thread counted as busy) fails here.
        XCTAssertEqual(stopped.wait(timeout: .now() + 10), .success, "stop() did not return")
        let seen = atStop.withLock { $0 }
        XCTAssertEqual(seen.running, 0, "an item was still running when stop() returned")
        XCTAssertEqual(seen.finished, seen.started)
        XCTAssertLessThan(seen.started, 16, "items started after the stop")
        usleep(200_000)
        XCTAssertEqual(tally.withLock { $0.started }, seen.started, "an item started after stop() returned")
        XCTAssertFalse(returned.withLock { $0 }, "a map with items not done returned")
    }

    func testWithoutAStopEveryItemRunsInOrder() {
        let doubled = Parallel.map(Array(0..<100), serial: false, largestFirst: (0..<100).map { $0 % 7 }, workers: Workers()) {
            $0 * 2
        }
        XCTAssertEqual(doubled, (0..<100).map { $0 * 2 })
    }
}
