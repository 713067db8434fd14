import Foundation
import XCTest

/// A Korean report holds no English sentence: reasons, skipped tables and header problems
/// come in Korean (expressions quoted from the definitions stay as written).
final class KoreanOutputTests: XCTestCase {
    /// English words that no expression of the definitions uses.
    let english = try! NSRegularExpression(pattern: "\\b(the|was|which|is|has|found|expected|already|cannot|empty|above|below)\\b")

    private func englishIn(_ text: String) -> [String] {
        english.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            let line = (text as NSString).lineRange(for: match.range)
            return (text as NSString).substring(with: line).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// Every text of a workbook: its XML parts without their tags.
    private func workbookText(_ path: String) throws -> String {
        let script = "import re, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\n"
            + "print('\\n'.join(re.sub(r'<[^>]+>', '\\n', z.read(n).decode()) for n in z.namelist() if n.startswith('xl/') and n.endswith('.xml') and 'theme' not in n))"
        let result = try runProcess("/usr/bin/env", ["python3", "-c", script, path])
        guard result.status == 0 else { try missing("python3 cannot read \(path): \(result.stderr)") }
        return result.stdout
    }

    func testAKoreanReportWithASkippedTableHasNoEnglish() throws {
        let folder = TemporaryFolder()
        let data = folder.copy(repositoryRoot + "/Samples", to: "data")
        // Without participants, attendance is skipped and every indicator over it has no data.
        try FileManager.default.removeItem(atPath: data + "/conflict-mediation/participants.csv")
        let run = try runTool(["run", "--data", data, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path + "/out", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = folder.read("out/2026Q3/report.txt")
        XCTAssertTrue(report.contains("건너뜀: 읽지 않음: 참조하는 participants 자료가 없음"), report)
        XCTAssertTrue(report.contains("자료 없음: attendance.csv 읽지 않음: 참조하는 participants 자료가 없음"), report)
        var texts = ["report.txt": report, "rejects.csv": folder.read("out/2026Q3/rejects.csv")]
        texts["portfolio.xlsx"] = try workbookText(folder.path + "/out/2026Q3/portfolio.xlsx")
        texts["conflict-mediation.xlsx"] = try workbookText(folder.path + "/out/2026Q3/projects/conflict-mediation.xlsx")
        for (name, text) in texts {
            XCTAssertEqual(englishIn(text), [], name)
        }
    }

    func testHeaderProblemsAreInTheReportLanguage() throws {
        let folder = TemporaryFolder()
        let data = folder.copy(repositoryRoot + "/Samples", to: "data")
        let finance = try String(contentsOfFile: data + "/mapo-village/finance.csv", encoding: .utf8)
        try finance.replacingOccurrences(of: "amount_krw", with: "amount").write(toFile: data + "/mapo-village/finance.csv", atomically: true, encoding: .utf8)
        let run = try runTool(["run", "--data", data, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path + "/out", "--quiet"])
        XCTAssertEqual(run.status, 65, run.stderr)
        // Every rejected row goes beside the (absent) report, in Korean.
        let rejects = folder.read("out/2026Q3.rejects.csv")
        XCTAssertTrue(rejects.contains(",bad_header,머리행에 amount_krw 열이 없음; 추가하십시오(열은 이름으로 찾음),"), String(rejects.prefix(400)))
        XCTAssertEqual(englishIn(rejects.split(separator: "\r\n").map { $0.split(separator: ",").prefix(5).joined(separator: ",") }.joined(separator: "\n")), [])
    }
}
