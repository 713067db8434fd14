@testable import Definitions
import Foundation
import XCTest

/// `report:` of evaluation.yaml: the title and the unit word the reports use.
final class ReportWordingTests: XCTestCase {
    /// The default settings with their own `report:` (the file's last block) replaced.
    private func wording(_ report: String) throws -> ReportWording {
        try definitions(editingSettings: { settings in
            let own = settings.range(of: "\n# The report's title")?.lowerBound ?? settings.endIndex
            return settings[..<own] + "\n" + report
        }).settings.wording
    }

    func testTheDefaultDefinitionsNameTheBureauAndAFolderWithoutReportNoOffice() throws {
        let bureau = try definitions(editingSettings: { $0 }).settings.wording
        XCTAssertEqual(bureau.title.text(.ko), "사회혁신 사업 성과평가 보고서")
        XCTAssertEqual(bureau.units(.en), "projects")
        let plain = try wording("")
        XCTAssertEqual(plain.title.text(.ko), "성과평가 보고서")
        XCTAssertEqual(plain.unitHeading(.en), "Unit")
        XCTAssertEqual(plain.units(.ko), "평가 대상")
    }

    func testUnitAndTitle() throws {
        let words = try wording("report:\n  title: {ko: 학교 평가, en: School review}\n  unit: {ko: 학교, en: school}\n")
        XCTAssertEqual(words.title.text(.en), "School review")
        XCTAssertEqual(words.unitHeading(.en), "School")
        XCTAssertEqual(words.units(.en), "schools")  // en + "s" when en_plural is not given
        XCTAssertEqual(words.unitHeading(.ko), "학교")
        XCTAssertEqual(words.units(.ko), "학교")
        let irregular = try wording("report:\n  unit: {ko: 마을, en: county, en_plural: counties}\n")
        XCTAssertEqual(irregular.units(.en), "counties")
    }

    func testAnUnknownKeyIsALocatedError() {
        XCTAssertThrowsError(try wording("report:\n  unit: {ko: 학교, en: school, plural: schools}\n")) { error in
            let problems = (error as? DefinitionErrors)?.diagnostics.map(\.description) ?? []
            XCTAssertEqual(problems.count, 1, "\(problems)")
            XCTAssertTrue(problems.first?.hasSuffix("error: unknown key 'plural'; expected one of: en, en_plural, ko") ?? false, "\(problems)")
        }
    }
}
