import Foundation
import XCTest

@testable import OutcomeEval

/// `report:` of evaluation.yaml: the title and the unit word the reports use.
final class ReportWordingTests: XCTestCase {
    private func wording(_ report: String) throws -> ReportWording {
        try definitions(editingSettings: { $0 + report }).settings.wording
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
