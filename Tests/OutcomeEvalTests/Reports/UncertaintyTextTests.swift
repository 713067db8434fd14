@testable import DataContract
@testable import Pipeline
@testable import Reports
@testable import Results
import XCTest

/// How report.txt shows rank ranges, share intervals, the uncertain mark and the drivers.
final class UncertaintyTextTests: XCTestCase {
    private static let result = Result {
        try DataSetEvaluation.run(
            RunConfiguration(dataDirectory: repositoryRoot + "/Samples", indicatorsDirectory: defaultIndicators, period: Quarter("2026Q3")!))
    }

    private func report(_ language: Language) throws -> (EvaluationResult, [Substring]) {
        let result = try Self.result.get()
        let text = TextReport(result: result, language: language, toolVersion: "test").render()
        return (result, text.split(separator: "\n"))
    }

    func testRankingShowsEachRankWithItsNinetyPercentRange() throws {
        let (result, lines) = try report(.ko)
        let rule = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("----") })
        for (row, index) in zip(lines[(rule + 1)...], result.ranking) {
            let range = try XCTUnwrap(result.uncertainty.ranks[index])
            XCTAssertTrue(row.hasPrefix("\(range.position) (\(range.p05)–\(range.p95))"), String(row))
        }
    }

    /// youth-social-venture adopted 1 of 3 decided proposals. Wilson by hand: centre
    /// (1/3 + z²/6)/(1 + z²/3) = 0.42691, half 1.96·√(2/27 + z²/36)/(1 + z²/3) = 0.36543, so
    /// 6.1–79.2 %; its scores 0 and 100 (floor 10 %, target 40 %) span every band: marked.
    func testShareShowsItsIntervalAndTheMarkWhenTheBandIsUncertain() throws {
        let (_, lines) = try report(.ko)
        let section = try XCTUnwrap(lines.firstIndex { $0.contains("(youth-social-venture)") })
        let row = try XCTUnwrap(lines[section...].first { $0.hasPrefix("  제안 채택률 ") })
        XCTAssertTrue(row.contains("33.3% (6.1–79.2%)"), String(row))
        XCTAssertTrue(row.contains("양호*"), String(row))
        // Retention 83.0 % of 88 stays above its target at both ends: no mark.
        let retention = try XCTUnwrap(lines[section...].first { $0.hasPrefix("  재참여율 ") })
        XCTAssertTrue(retention.contains("83.0% (73.8–89.4%)"), String(retention))
        XCTAssertFalse(retention.contains("*"), String(retention))
        // Not a share: no interval.
        let gap = try XCTUnwrap(lines[section...].first { $0.hasPrefix("  성별 리더십 격차 ") })
        XCTAssertFalse(gap.contains("("), String(gap))
        XCTAssertEqual(lines.filter { $0.hasPrefix("  * ") }.count, 1, "the mark is explained once")
    }

    /// mapo-village's tech linkage, 3 of 45 activities: Wilson by hand 2.3–17.9 % (centre
    /// 0.10075, half 0.07782); score 22.2 (poor, target 30 %), but the high end scores 59.5,
    /// fair: only the upper end leaves the band, and that is enough for the mark.
    func testAnUpperEndInAnotherBandIsMarkedToo() throws {
        let (_, lines) = try report(.ko)
        let section = try XCTUnwrap(lines.firstIndex { $0.contains("(mapo-village)") })
        let row = try XCTUnwrap(lines[section...].first { $0.hasPrefix("  기술 연계 ") })
        XCTAssertTrue(row.contains("6.7% (2.3–17.9%)"), String(row))
        XCTAssertTrue(row.contains("미흡*"), String(row))
    }

    func testEachProjectListsItsThreeLargestDrivers() throws {
        let (result, lines) = try report(.ko)
        for (p, outcome) in result.projects.enumerated() {
            let section = try XCTUnwrap(lines.firstIndex { $0.contains("(\(outcome.project.id))") })
            let drivers = try XCTUnwrap(result.uncertainty.drivers[p])
            let expected = drivers.prefix(3).map { driver in
                let name = result.plan.indicators[driver.indicator].definition.name.ko
                let size = (abs(driver.contribution) * 10).rounded() / 10
                return name + " " + (driver.contribution < 0 ? "-" : "+") + String(format: "%.1f", size)
            }
            XCTAssertEqual(lines[section + 2], "  변화 요인: " + expected.joined(separator: " · "))
        }
    }

    func testEnglishReportExplainsItInEnglish() throws {
        let (_, lines) = try report(.en)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  Drivers of change: ") })
        let notes = try XCTUnwrap(lines.firstIndex { $0 == "■ Uncertainty" })
        for line in lines[(notes + 1)...] {
            XCTAssertFalse(line.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, String(line))
        }
        XCTAssertEqual(lines.count - notes - 1, 4)
    }
}
