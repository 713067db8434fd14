import XCTest

@testable import OutcomeEval

final class KeyIndexTests: XCTestCase {
    func testFindsEveryKeyAfterGrowing() {
        let index = KeyIndex()
        for i in 0..<5000 { XCTAssertTrue(index.insert("P\(i)", row: Int32(i))) }
        XCTAssertFalse(index.insert("P42", row: 9))
        for i in stride(from: 0, to: 5000, by: 7) { XCTAssertEqual(index.row(for: "P\(i)"), Int32(i)) }
        XCTAssertNil(index.row(for: "P5000"))
        XCTAssertNil(index.row(for: ""))
        // Korean keys and keys that are prefixes of others.
        XCTAssertTrue(index.insert("종로구", row: 1))
        XCTAssertTrue(index.insert("종로", row: 2))
        XCTAssertEqual(index.row(for: "종로구"), 1)
        XCTAssertEqual(index.row(for: "종로"), 2)
    }

    func testByteLookupAndInsertOrFind() {
        let index = KeyIndex()
        let key: [UInt8] = Array("A000001".utf8)
        XCTAssertNil(key.withUnsafeBytes { index.insertOrFind($0, row: 3) })
        XCTAssertEqual(key.withUnsafeBytes { index.insertOrFind($0, row: 8) }, 3)
        XCTAssertEqual(key.withUnsafeBytes { index.row(for: $0) }, 3)
    }

    func testADuplicateKeyWithSpacesAroundIsStillADuplicate() throws {
        let folder = TemporaryFolder()
        let result = try TinyDataSet.evaluate(folder, replacing: ["activities.csv": TinyDataSet.activities + " A1 ,2026-07-06,종로구,workshop,Y,N,0\n"])
        XCTAssertEqual(result.allRejects.map(\.problem), [.duplicateKey(column: "activity_id", value: "A1", firstLine: 2)])
    }
}
