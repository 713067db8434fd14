import Foundation
import XCTest

/// The committed `Reports/2026Q3/report.html` in a real browser (headless Chromium): no
/// console message, the ranking read back from the DOM equal to results.json, and two
/// screenshots (360 and 1280 pixels wide) kept under `.build/report-page/` to look at.
final class ReportPageBrowserTests: XCTestCase {
    private let report = repositoryRoot + "/Reports/2026Q3"
    private let screenshots = repositoryRoot + "/.build/report-page"

    private func chromium() throws -> String {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        throw XCTSkip("Chromium is not installed (make test installs Debian's chromium package)")
    }

    /// Runs headless Chromium on the page with the page's console written to stderr.
    private func browse(_ arguments: [String]) throws -> CommandResult {
        let profile = TemporaryFolder()
        return try runProcess(try chromium(), [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=" + profile.path,
            "--enable-logging=stderr", "--v=0",
        ] + arguments + ["file://" + report + "/report.html"])
    }

    /// Chromium logs each console message of the page as `INFO:CONSOLE(line)] "text", source: …`.
    private func consoleMessages(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
    }

    func testRankingInTheDOMEqualsResultsJSONAndTheConsoleStaysSilent() throws {
        let run = try browse(["--dump-dom"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(consoleMessages(run.stderr), [])
        let dom = run.stdout
        // The sorting script ran: the headings became buttons.
        XCTAssertTrue(dom.contains("<th scope=\"col\"><button type=\"button\">순위</button></th>"), String(dom.prefix(2000)))

        let rows = try Regex(#"<tr data-project="([^"]+)">.*?data-overall="([^"]*)">([^<]*)</td>"#)
        let shown = dom.matches(of: rows).map { match in
            (id: String(match.output[1].substring ?? ""), exact: String(match.output[2].substring ?? ""), text: String(match.output[3].substring ?? ""))
        }

        // The ranking's rule, worked out by Python from results.json (Foundation's JSON reader on
        // Linux loses the last digit of some doubles): highest overall first, none last, ties by id.
        let ranking = try runProcess("/usr/bin/env", ["python3", "-c", """
            import json, sys
            projects = json.load(open(sys.argv[1]))["projects"]
            scores = [(pid, p["overall"]["score"]) for pid, p in projects.items()]
            scores.sort(key=lambda s: (-(s[1] if s[1] is not None else -1), s[0]))
            for pid, score in scores: print(pid, repr(score) if score is not None else "none")
            """, report + "/results.json"])
        XCTAssertEqual(ranking.status, 0, ranking.stderr)
        let expected = ranking.stdout.split(separator: "\n").map { line in
            let parts = line.split(separator: " ")
            return (id: String(parts[0]), score: Double(parts[1]))
        }
        XCTAssertEqual(shown.map(\.id), expected.map(\.id))
        for (row, want) in zip(shown, expected) {
            XCTAssertEqual(Double(row.exact), want.score, row.id)
            if let score = want.score {
                XCTAssertEqual(try XCTUnwrap(Double(row.text), row.text), score, accuracy: 0.05, row.id)
            }
        }
    }

    func testScreenshotsAt360And1280PixelsWide() throws {
        try FileManager.default.createDirectory(atPath: screenshots, withIntermediateDirectories: true)
        for width in [360, 1280] {
            let path = screenshots + "/report-\(width).png"
            try? FileManager.default.removeItem(atPath: path)
            let run = try browse(["--window-size=\(width),2400", "--screenshot=" + path])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(consoleMessages(run.stderr), [])
            let png = try Data(contentsOf: URL(fileURLWithPath: path))
            XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            // IHDR: the width, big-endian, at byte 16.
            let shotWidth = png.dropFirst(16).prefix(4).reduce(0) { $0 << 8 | Int($1) }
            XCTAssertEqual(shotWidth, width)
        }
    }
}
