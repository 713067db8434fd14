import XCTest

/// A test that needs a binary or a tool: skipped on a workstation, failed under CI.
final class MissingToolTests: XCTestCase {
    func testMissingToolSkipsOutsideCI() {
        XCTAssertThrowsError(try missing("python3 is not installed", environment: [:])) { error in
            XCTAssertTrue(error is XCTSkip, "\(error)")
        }
        XCTAssertThrowsError(try missing("python3 is not installed", environment: ["CI": "false"])) { error in
            XCTAssertTrue(error is XCTSkip, "\(error)")
        }
    }

    func testMissingToolFailsUnderCI() {
        XCTAssertThrowsError(try missing("python3 is not installed", environment: ["CI": "true"])) { error in
            XCTAssertFalse(error is XCTSkip)
            XCTAssertEqual("\(error)", "CI=true, so this fails instead of skipping: python3 is not installed")
        }
    }
}
