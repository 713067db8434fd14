@testable import CSVReading
import XCTest

/// The validator against the standard library's own UTF-8 check, on ASCII runs of every
/// length up to 80 bytes (its ASCII path takes eight at a time), with Korean, other valid
/// sequences and invalid bytes placed at every offset of the runs up to 40 bytes and at nine
/// spread over the longer ones.
final class UTF8ValidatorTests: XCTestCase {
    func testAgreesWithTheStandardLibrary() {
        let pieces: [[UInt8]] = [
            Array("종로구".utf8), Array("é".utf8), Array("😀".utf8), [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80],
        ]
        for length in 0..<80 {
            for piece in pieces {
                for offset in stride(from: 0, through: length, by: length <= 40 ? 1 : length / 9) {
                    var bytes = (0..<length).map { UInt8(0x20 + ($0 * 7 + length) % 95) }
                    bytes.insert(contentsOf: piece, at: offset)
                    check(bytes)
                }
            }
        }
    }

    private func check(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        let (validUpTo, invalidAt, sawNonASCII) = bytes.withUnsafeBytes {
            UTF8Validator.validate($0, from: 0, to: bytes.count, final: true)
        }
        let valid = String(validating: bytes, as: UTF8.self) != nil
        XCTAssertEqual(invalidAt == nil, valid, "\(bytes)", file: file, line: line)
        XCTAssertEqual(sawNonASCII || invalidAt != nil, bytes.contains { $0 >= 0x80 }, "\(bytes)", file: file, line: line)
        if let invalidAt {
            XCTAssertEqual(validUpTo, invalidAt, file: file, line: line)
            XCTAssertNotNil(String(validating: bytes[..<invalidAt], as: UTF8.self), "the bytes before \(invalidAt) of \(bytes)", file: file, line: line)
            XCTAssertNil(String(validating: bytes[..<(invalidAt + 4 < bytes.count ? invalidAt + 4 : bytes.count)], as: UTF8.self), file: file, line: line)
        } else {
            XCTAssertEqual(validUpTo, bytes.count, file: file, line: line)
        }
    }
}
