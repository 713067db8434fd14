import Foundation
import XCTest

/// `outcome-eval run` on real folders, through the built binary.
final class RunCommandTests: XCTestCase {
    let samples = repositoryRoot + "/Samples"

    func testSamplesEvaluateAndEveryRowIsAccountedFor() throws {
        let folder = TemporaryFolder()
        let result = try runTool(["run", "--data", samples, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, folder.path + "/2026Q3\n")
        for name in ["results.json", "report.txt", "rejects.csv", "data_quality.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path + "/2026Q3/" + name), name)
        }
        // read = accepted + rejected for every file, and the rejects file holds each rejected row.
        let quality = folder.read("2026Q3/data_quality.csv").split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        var rejected = 0
        for row in quality {
            XCTAssertEqual(Int(row[4])!, Int(row[5])! + Int(row[6])!, "\(row)")
            rejected += Int(row[6])!
        }
        XCTAssertEqual(rejected, 6)
        let rejects = folder.read("2026Q3/rejects.csv").split(separator: "\r\n")
        XCTAssertEqual(rejects.count, 1 + rejected)
        // The day that does not exist is the third line from the end of that file.
        let attendanceLines = try String(contentsOfFile: samples + "/youth-social-venture/attendance.csv", encoding: .utf8)
            .split(separator: "\n").count
        XCTAssertTrue(rejects.contains { $0.hasPrefix("youth-social-venture/attendance.csv,\(attendanceLines - 2),date,invalid_value,") })
        XCTAssertTrue(folder.read("2026Q3/data_quality.csv").contains("mapo-village/participants.csv,participants,read,CP949,"))
        XCTAssertTrue(folder.read("2026Q3/data_quality.csv").contains("citizen-idea/activities.csv,activities,read,UTF-8 (BOM),"))
        XCTAssertTrue(folder.read("2026Q3/data_quality.csv").contains("conflict-mediation/proposals.csv,proposals,missing,"))
    }

    func testSamplesAgreeWithTheIndependentReferenceImplementation() throws {
        try assertReferenceAgrees(data: samples)
    }

    /// A project with no attendance in the quarter, and one with none in the quarter before:
    /// the reference, written from INDICATORS.md, expects "no data" for every indicator over A.
    func testAnEmptyQuarterAgreesWithTheReferenceImplementation() throws {
        let folder = TemporaryFolder()
        let data = folder.copy(samples, to: "data")
        for (project, quarter) in [("mapo-village", "2026-0[789]"), ("citizen-idea", "2026-0[456]")] {
            let path = data + "/\(project)/attendance.csv"
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            let kept = lines.filter { $0.range(of: "," + quarter, options: .regularExpression) == nil }
            XCTAssertLessThan(kept.count, lines.count)
            try (kept.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        try assertReferenceAgrees(data: data)
    }

    private func assertReferenceAgrees(data: String) throws {
        let folder = TemporaryFolder()
        XCTAssertEqual(try runTool(["run", "--data", data, "--period", "2026Q3", "--out", folder.path, "--indicators", defaultIndicators]).status, 0)
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python else { try missing("python3 is not installed") }
        let check = try runProcess(python, [
            repositoryRoot + "/Tests/Reference/indicators.py", data, defaultIndicators + "/reference/seoul_population.csv",
            folder.path + "/2026Q3/results.json", "2026Q3",
        ])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.hasSuffix("192 passed, 0 failed\n"), check.stdout)
    }

    func testTwoRunsAndSerialRunsGiveTheSameBytes() throws {
        let folder = TemporaryFolder()
        for (name, extra) in [("a", [String]()), ("b", []), ("serial", ["--serial"])] {
            let result = try runTool(["run", "--data", samples, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path + "/" + name] + extra)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let a = filesUnder(folder.path + "/a/2026Q3")
        XCTAssertEqual(a.count, 13)
        XCTAssertEqual(a, filesUnder(folder.path + "/b/2026Q3"))
        XCTAssertEqual(a, filesUnder(folder.path + "/serial/2026Q3"))
    }

    func testEnglishReport() throws {
        let folder = TemporaryFolder()
        XCTAssertEqual(try runTool(["run", "--data", samples, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path, "--lang", "en"]).status, 0)
        let report = folder.read("2026Q3/report.txt")
        XCTAssertTrue(report.hasPrefix("Social innovation outcome evaluation — 2026Q3"))
        XCTAssertTrue(report.contains("Mapo Village Community Revitalization"))
        XCTAssertTrue(report.contains("no data: proposals.csv file is missing"))
    }

    func testKoreanReportLinesUpWithHangul() throws {
        let folder = TemporaryFolder()
        XCTAssertEqual(try runTool(["run", "--data", samples, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path]).status, 0)
        let lines = folder.read("2026Q3/report.txt").split(separator: "\n", omittingEmptySubsequences: false)
        // In the ranking, every row is as wide on screen as its dashed rule.
        let rule = lines.firstIndex { $0.hasPrefix("----") }!
        let width = displayWidth(String(lines[rule]))
        for row in lines[(rule + 1)...(rule + 6)] {
            XCTAssertEqual(displayWidth(String(row)), width, String(row))
        }
    }

    func testASeventeenthIndicatorAppearsWithoutARebuild() throws {
        let folder = TemporaryFolder()
        let definitions = folder.copy(defaultIndicators, to: "Indicators")
        folder.write("Indicators/indicators/17-festival_share.yaml", """
            id: festival_share
            name: {ko: 축제 활동 비율, en: Festival share}
            dimension: participation
            value: share(activities where date in quarter, kind = "festival")
            direction: higher
            floor: 0
            target: 0.2
            format: percent
            """)
        let result = try runTool(["run", "--data", samples, "--indicators", definitions, "--period", "2026Q3", "--out", folder.path + "/out"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(folder.read("out/2026Q3/results.json").utf8)) as! [String: Any]
        let mapo = ((json["projects"] as! [String: Any])["mapo-village"] as! [String: Any])["indicators"] as! [String: Any]
        XCTAssertEqual((mapo["festival_share"] as! [String: Any])["status"] as? String, "ok")
        XCTAssertTrue(folder.read("out/2026Q3/report.txt").contains("축제 활동 비율"))
    }

    func testRejectCeilingFailsTheRunAndKeepsTheOldReport() throws {
        let folder = TemporaryFolder()
        let data = folder.copy(samples, to: "data")
        XCTAssertEqual(try runTool(["run", "--data", data, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path + "/out"]).status, 0)
        let before = filesUnder(folder.path + "/out/2026Q3")
        // Ten bad rows appended to Mapo's finance rows: above 5 %.
        let finance = data + "/mapo-village/finance.csv"
        let rows = try String(contentsOfFile: finance, encoding: .utf8).split(separator: "\n").count - 1
        let handle = FileHandle(forWritingAtPath: finance)!
        handle.seekToEndOfFile()
        handle.write(Data(String(repeating: "2026-13-01,public_grant,1\n", count: 10).utf8))
        handle.closeFile()
        let result = try runTool(["run", "--data", data, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path + "/out"])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("mapo-village/finance.csv: 10 of \(rows + 10) rows rejected, above the ceiling of 5.0 %; top reasons: invalid_value 10"), result.stderr)
        XCTAssertTrue(result.stderr.contains("e.g. mapo-village/finance.csv:\(rows + 2): date '2026-13-01' is not a date YYYY-MM-DD that exists"), result.stderr)
        XCTAssertEqual(filesUnder(folder.path + "/out/2026Q3"), before)
        // Every rejected row of the failed run is beside the report, for fixing.
        XCTAssertTrue(result.stderr.contains("Every rejected row is in \(folder.path)/out/2026Q3.rejects.csv"), result.stderr)
        let rejects = try String(contentsOfFile: folder.path + "/out/2026Q3.rejects.csv", encoding: .utf8)
        XCTAssertEqual(rejects.components(separatedBy: "mapo-village/finance.csv,").count - 1, 10)
        // A later good run removes it.
        try FileManager.default.removeItem(atPath: finance)
        try FileManager.default.copyItem(atPath: samples + "/mapo-village/finance.csv", toPath: finance)
        XCTAssertEqual(try runTool(["run", "--data", data, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path + "/out"]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/out/2026Q3.rejects.csv"))
    }

    func testExitCodes() throws {
        let folder = TemporaryFolder()
        let period = try runTool(["run", "--data", samples, "--period", "2026Q5", "--out", folder.path])
        XCTAssertEqual(period.status, 64)
        XCTAssertTrue(period.stderr.contains("--period '2026Q5' is not a quarter like 2026Q3"), period.stderr)
        XCTAssertEqual(try runTool(["run", "--data", samples, "--lang", "fr", "--out", folder.path]).status, 64)
        let missing = try runTool(["run", "--data", folder.path + "/nowhere", "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path])
        XCTAssertEqual(missing.status, 66)
        XCTAssertTrue(missing.stderr.contains("the data folder does not exist"), missing.stderr)
        let definitions = folder.copy(defaultIndicators, to: "Indicators")
        folder.write("Indicators/indicators/05-participation_gini.yaml", "id: participation_gini\nvalue: gini(attendance by nobody\n")
        let broken = try runTool(["check", "--indicators", definitions])
        XCTAssertEqual(broken.status, 65)
        XCTAssertTrue(broken.stderr.contains("indicators/05-participation_gini.yaml:"), broken.stderr)
        XCTAssertFalse(broken.stderr.contains("Fatal error"), broken.stderr)
        XCTAssertEqual(try runTool(["check", "--indicators", defaultIndicators]).status, 0)
    }

    func testCheckWithDataNamesMissingColumnsAndTheIndicatorsThatUseThem() throws {
        XCTAssertEqual(try runTool(["check", "--indicators", defaultIndicators, "--data", samples]).status, 0)
        let result = try checkSamples(editing: "mapo-village/finance.csv", replacing: "amount_krw", with: "amount")
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(
            result.stderr.contains(
                "mapo-village/finance.csv:1:1: error: the header has no column amount_krw, which funding_diversity, self_financing use; every row will be rejected until it is added"),
            result.stderr)
        XCTAssertTrue(result.stderr.contains("1 problem found"), result.stderr)
    }

    /// A column read only by a distinct source's condition on the value (`participant.role =
    /// "organizer"`, asked per participant after the scan) is still named as used.
    func testCheckWithDataNamesTheIndicatorsThatReadAColumnThroughADistinctValue() throws {
        let result = try checkSamples(editing: "citizen-idea/participants.csv", replacing: ",role,", with: ",rolle,")
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(
            result.stderr.contains(
                "citizen-idea/participants.csv:1:1: error: the header has no column role, which gender_leadership_gap uses; every row will be rejected until it is added"),
            result.stderr)
    }

    /// `check --data` on a copy of Samples/ with one (UTF-8) file's text edited.
    private func checkSamples(editing file: String, replacing old: String, with new: String) throws -> CommandResult {
        let folder = TemporaryFolder()
        let data = folder.copy(samples, to: "data")
        let text = try String(contentsOfFile: data + "/" + file, encoding: .utf8)
        try text.replacingOccurrences(of: old, with: new).write(toFile: data + "/" + file, atomically: true, encoding: .utf8)
        return try runTool(["check", "--indicators", defaultIndicators, "--data", data])
    }

    private func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ((0xAC00...0xD7A3).contains($1.value) ? 2 : 1) }
    }
}
