import Foundation
import XCTest

/// A real `outcome-eval` process started with `OUTCOME_EVAL_TEST_PAUSE_AT=<step>`, returned once
/// it has stopped itself there (SIGSTOP), for a test to kill at exactly that step.
func startPaused(at step: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> Process {
    try requireBuilt(executable)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(["OUTCOME_EVAL_TEST_PAUSE_AT": step]) { $1 }
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(300)
    while !isStopped(process.processIdentifier) {
        guard process.isRunning, Date() < deadline else {
            XCTFail("the run did not stop at '\(step)'", file: file, line: line)
            break
        }
        usleep(5_000)
    }
    return process
}

/// True when the process is stopped by a signal: state `T` in `/proc/<pid>/stat`.
private func isStopped(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let end = stat.range(of: ") ", options: .backwards)
    else { return false }
    return stat[end.upperBound...].first == "T"
}
