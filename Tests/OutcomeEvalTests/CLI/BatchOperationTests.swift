import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// What the quarterly run, cron and auditors rely on, shown with real processes.
final class BatchOperationTests: XCTestCase {
    let samples = repositoryRoot + "/Samples"

    private func run(_ extra: [String], out: String, data: String? = nil, environment: [String: String] = [:]) throws -> CommandResult {
        try runTool(["run", "--data", data ?? samples, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", out] + extra, environment: environment)
    }

    func testVerifyPassesOnAnUntouchedReportAndNamesAChangedInput() throws {
        let folder = TemporaryFolder()
        let data = folder.copy(samples, to: "data")
        XCTAssertEqual(try run([], out: folder.path + "/out", data: data).status, 0)
        let same = try runTool(["verify", "--data", data, "--indicators", defaultIndicators, "--report", folder.path + "/out/2026Q3"])
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        XCTAssertTrue(same.stdout.hasPrefix("identical: 13 files"), same.stdout)

        // One byte of one input: a digit of the last amount of Mapo's finance file (dated 2026Q3)
        // becomes the next digit.
        let path = data + "/mapo-village/finance.csv"
        var bytes = Array(FileManager.default.contents(atPath: path)!)
        let digit = bytes.count - 5
        bytes[digit] = bytes[digit] == UInt8(ascii: "9") ? UInt8(ascii: "8") : bytes[digit] + 1
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let changed = try runTool(["verify", "--data", data, "--indicators", defaultIndicators, "--report", folder.path + "/out/2026Q3"])
        XCTAssertEqual(changed.status, 1)
        XCTAssertTrue(changed.stdout.contains("input changed since the report: data/mapo-village/finance.csv"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("output differs: results.json"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("results.json mapo-village/self_financing value:"), changed.stdout)
    }

    func testTheCommittedReportIsReproducedByteForByte() throws {
        let result = try runTool(["verify", "--data", samples, "--indicators", defaultIndicators, "--report", repositoryRoot + "/Reports/2026Q3"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
    }

    func testASecondRunOnTheSameFolderGets75AndTheHolder() throws {
        let folder = TemporaryFolder()
        let out = folder.path + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        // This test process holds the lock, as a running evaluation would.
        let fd = open(out + "/.outcome-eval.lock", O_RDWR | O_CREAT, 0o644)
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
        let pid = "\(getpid())\n"
        _ = pwrite(fd, pid, pid.utf8.count, 0)
        let second = try run([], out: out)
        XCTAssertEqual(second.status, 75)
        XCTAssertTrue(second.stderr.contains("another outcome-eval run (process \(getpid())) is writing here"), second.stderr)
        close(fd)
        // Released (as when the holder dies, however it dies): the next run goes ahead, stale file or not.
        XCTAssertEqual(try run([], out: out).status, 0)
    }

    func testSigkillMidRunLeavesTheOldReportIntact() throws {
        let folder = TemporaryFolder()
        let out = folder.path + "/out"
        XCTAssertEqual(try run(["--lang", "en"], out: out).status, 0)
        let before = filesUnder(out + "/2026Q3")
        for (sig, code) in [(SIGKILL, Int32(9)), (SIGTERM, Int32(143))] {
            // Every file of the new report is written, none yet in place.
            let process = try startPaused(
                at: "written", ["run", "--data", samples, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", out, "--quiet"])
            kill(process.processIdentifier, sig)
            kill(process.processIdentifier, SIGCONT)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, code, "signal \(sig)")
            XCTAssertEqual(filesUnder(out + "/2026Q3"), before, "signal \(sig)")
        }
        // The killed run's half-written folder goes at the next run.
        XCTAssertEqual(try run([], out: out).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(), [".outcome-eval.lock", "2026Q3"])
        XCTAssertNotEqual(filesUnder(out + "/2026Q3"), before)
    }

    /// Pulls the plug at each step of publication: the report folder is the old report or the
    /// new one, whole, every time, and the next run puts everything right.
    func testAKillAtEachStepOfPublicationFindsTheOldReportOrTheNewWhole() throws {
        let folder = TemporaryFolder()
        XCTAssertEqual(try run([], out: folder.path + "/reference").status, 0)
        let new = filesUnder(folder.path + "/reference/2026Q3")
        XCTAssertEqual(try run(["--lang", "en"], out: folder.path + "/previous").status, 0)
        let old = filesUnder(folder.path + "/previous/2026Q3")
        XCTAssertNotEqual(old, new)
        let expected = ["written": old, "synced": old, "swapped": new, "durable": new, "cleaned": new]
        for step in ["written", "synced", "swapped", "durable", "cleaned"] {
            let out = folder.path + "/out-\(step)"
            try FileManager.default.copyItem(atPath: folder.path + "/previous", toPath: out)
            let process = try startPaused(
                at: step, ["run", "--data", samples, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", out, "--quiet"])
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal, step)
            XCTAssertTrue(filesUnder(out + "/2026Q3") == expected[step], "killed at \(step): neither the expected report nor whole")
            XCTAssertEqual(try run([], out: out).status, 0, step)
            XCTAssertTrue(filesUnder(out + "/2026Q3") == new, step)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(), [".outcome-eval.lock", "2026Q3"], step)
        }
    }

    func testExitCodesThatCronSees() throws {
        let folder = TemporaryFolder()
        // 73: the output is under a file.
        folder.write("file", "x")
        let unwritable = try run([], out: folder.path + "/file/out")
        XCTAssertEqual(unwritable.status, 73, unwritable.stderr)
        XCTAssertTrue(unwritable.stderr.hasPrefix("outcome-eval: "), unwritable.stderr)
        // 66: no definitions folder.
        XCTAssertEqual(try runTool(["run", "--data", samples, "--indicators", folder.path + "/none", "--period", "2026Q3", "--out", folder.path]).status, 66)
        // 64: an unknown option.
        XCTAssertEqual(try runTool(["run", "--data", samples, "--bogus"]).status, 64)
        // 66: verify of a folder with no manifest.
        XCTAssertEqual(try runTool(["verify", "--data", samples, "--indicators", defaultIndicators, "--report", folder.path]).status, 66)
    }

    func testJSONLogsAndQuiet() throws {
        let folder = TemporaryFolder()
        let json = try run(["--log-format", "json"], out: folder.path + "/a")
        XCTAssertEqual(json.status, 0)
        let objects = try json.stderr.split(separator: "\n").map { line in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
        }
        XCTAssertEqual(objects.count, 6)
        for object in objects.prefix(3) {
            XCTAssertEqual(object["level"] as? String, "info")
            XCTAssertNotNil(object["seconds"])
        }
        // One warning per file with rejected rows (Samples/README.md lists the six bad rows).
        let warnings = objects.dropFirst(3).map { object in
            [object["level"], object["file"], object["rows_read"], object["rows_rejected"]].map { $0 as? String ?? "?" }
        }
        XCTAssertEqual(warnings, [
            ["warning", "citizen-idea/proposals.csv", "501", "2"],
            ["warning", "youth-social-venture/attendance.csv", "1143", "3"],
            ["warning", "senior-reemployment/finance.csv", "45", "1"],
        ])
        XCTAssertEqual(
            objects[4]["message"] as? String,
            "youth-social-venture/attendance.csv: 3 of 1143 rows rejected; top reasons: dangling_reference 1, field_count 1, invalid_value 1; "
                + "every one is in \(folder.path)/a/2026Q3/rejects.csv")
        XCTAssertEqual(json.stdout, folder.path + "/a/2026Q3\n")
        let quiet = try run(["--quiet"], out: folder.path + "/b")
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.stderr, "")
        XCTAssertEqual(quiet.stdout, folder.path + "/b/2026Q3\n")
    }

    func testPeriodDefaultsToTheLastCompleteQuarter() throws {
        let folder = TemporaryFolder()
        let result = try runTool(["run", "--data", samples, "--indicators", defaultIndicators, "--out", folder.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let seoul = Date().addingTimeInterval(9 * 3600)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let month = calendar.component(.month, from: seoul)
        var year = calendar.component(.year, from: seoul)
        var quarter = (month - 1) / 3
        if quarter == 0 {
            quarter = 4
            year -= 1
        }
        XCTAssertEqual(result.stdout, folder.path + "/\(year)Q\(quarter)\n")
    }
}
