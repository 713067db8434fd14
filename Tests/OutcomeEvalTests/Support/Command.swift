import Foundation
import XCTest

/// The built `outcome-eval`; `make test` builds it before running the tests.
let executable = repositoryRoot + "/.build/debug/outcome-eval"

struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the real binary, as a user or cron would.
func runTool(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    try requireBuilt(executable)
    return try runProcess(executable, arguments, environment: environment)
}

/// Stops a test whose binary is not built: a skip on a workstation, a failure with CI=true,
/// where a skipped test would let the suite pass without checking anything.
func requireBuilt(_ path: String) throws {
    guard !FileManager.default.isExecutableFile(atPath: path) else { return }
    try missing("\(path) is not built; run 'make test', which builds it first")
}

/// A tool the test needs is absent: skipped, or with CI=true a failure (see `requireBuilt`).
func missing(_ what: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Never {
    guard environment["CI"] == "true" else { throw XCTSkip(what) }
    throw MissingTool(description: "CI=true, so this fails instead of skipping: " + what)
}

struct MissingTool: Error, CustomStringConvertible {
    var description: String
}

func runProcess(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read before waiting, so a full pipe cannot block the child.
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
}

/// Every file under `folder`, by relative path, with its bytes.
func filesUnder(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
    for case let relative as String in enumerator {
        var isDirectory: ObjCBool = false
        let full = folder + "/" + relative
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[relative] = FileManager.default.contents(atPath: full)
        }
    }
    return files
}
