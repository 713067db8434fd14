@testable import DataContract
import XCTest

final class KeyIndexTests: XCTestCase {
    /// With no room reserved, with too little (it grows) and with more than enough.
    func testFindsEveryKeyAfterGrowing() {
        for reserved in [0, 100, 20_000] {
            check(KeyIndex(reservingFor: reserved))
        }
    }

    private func check(_ index: KeyIndex) {
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

    /// Keys up to 8 bytes are held in their slot, longer ones beside the table: keys on both
    /// sides of the boundaries (8 and 16 bytes, the old limit), and keys that differ only in their last byte or by a NUL.
    func testKeysOnBothSidesOfTheInlineLimit() {
        let index = KeyIndex()
        var keys: [String] = []
        for length in [1, 3, 4, 5, 7, 8, 9, 12, 13, 15, 16, 17, 24, 40] {
            let stem = String(repeating: "x", count: length - 1)
            keys += ["\(stem)a", "\(stem)b", "a\(stem)"]
        }
        keys += ["a\u{0}", "a", "\u{0}", "가나다라마바사아", "가나다라마바사아자"]
        let unique = Array(Set(keys)).sorted()
        for (i, key) in unique.enumerated() { XCTAssertTrue(index.insert(key, row: Int32(i)), key) }
        for (i, key) in unique.enumerated() {
            XCTAssertEqual(index.row(for: key), Int32(i), key)
            XCTAssertFalse(index.insert(key, row: 99), key)
        }
        XCTAssertNil(index.row(for: String(repeating: "x", count: 39) + "c"))
        XCTAssertNil(index.row(for: "\u{0}\u{0}"))
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

    /// Duplicate keys with doubled quotes (which the batch's look-ahead leaves alone) and of
    /// more than 8 bytes (held beside the slots) are found as any other.
    func testDuplicateKeysWithDoubledQuotesAndOfManyBytes() throws {
        let folder = TemporaryFolder()
        let extra = #"""
            "A""9",2026-07-06,종로구,workshop,Y,N,0
            ACTIVITY-000010,2026-07-06,종로구,workshop,Y,N,0
            "A""9",2026-07-07,종로구,workshop,Y,N,0
            ACTIVITY-000010,2026-07-07,종로구,workshop,Y,N,0
            "ACTIVITY-""11""",2026-07-06,종로구,workshop,Y,N,0
            "ACTIVITY-""11""",2026-07-07,종로구,workshop,Y,N,0

            """#
        let result = try TinyDataSet.evaluate(folder, replacing: ["activities.csv": TinyDataSet.activities + extra])
        XCTAssertEqual(result.allRejects.map(\.problem), [
            .duplicateKey(column: "activity_id", value: "A\"9", firstLine: 6),
            .duplicateKey(column: "activity_id", value: "ACTIVITY-000010", firstLine: 7),
            .duplicateKey(column: "activity_id", value: "ACTIVITY-\"11\"", firstLine: 10),
        ])
    }

    /// A slot keeps a key's length plus one in 32 bits, 0 marking an empty slot: a key of 4 GiB
    /// or more (only with limits raised that far) must neither look empty nor look short.
    func testTheLengthTagOfAHugeKeyIsNeitherEmptyNorShort() {
        let shortTags = Set((0...KeyIndex.inlineBytes).map(KeyIndex.lengthTag))
        for count in [Int(UInt32.max) - 2, Int(UInt32.max) - 1, Int(UInt32.max), 1 << 32, (1 << 32) + 3, 1 << 40] {
            let tag = KeyIndex.lengthTag(count)
            XCTAssertNotEqual(tag, 0, "\(count)")
            XCTAssertFalse(shortTags.contains(tag), "\(count)")
            XCTAssertEqual(tag & 0xFFFF_FFFF, 0, "\(count): the low half is the row's")
        }
        XCTAssertEqual(KeyIndex.lengthTag(0) >> 32, 1)
    }
}

extension KeyIndex {
    fileprivate func row(for key: String) -> Int32? {
        var key = key
        return key.withUTF8 { row(for: UnsafeRawBufferPointer($0)) }
    }
}
