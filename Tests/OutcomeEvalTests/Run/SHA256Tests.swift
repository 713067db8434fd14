@testable import CSVReading
import XCTest

final class SHA256Tests: XCTestCase {
    private func digest(_ bytes: [UInt8], pieces: Int = 1) throws -> String {
        let hash = try SHA256()
        let size = max(1, bytes.count / pieces)
        var i = 0
        while i < bytes.count {
            try hash.update(Array(bytes[i..<min(bytes.count, i + size)]))
            i += size
        }
        return try hash.finish()
    }

    func testFIPSVectors() throws {
        // FIPS 180-4 examples.
        XCTAssertEqual(try digest([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(try digest(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            try digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testPiecesDoNotChangeTheDigest() throws {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        XCTAssertEqual(try digest(million), expected)
        XCTAssertEqual(try digest(million, pieces: 7), expected)
        XCTAssertEqual(try digest(million, pieces: 999), expected)
    }

    func testFileDigestIncludesTheByteOrderMark() throws {
        let folder = TemporaryFolder()
        let path = folder.write("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("abc".utf8))
        XCTAssertEqual(try SHA256.file(path), try digest([0xEF, 0xBB, 0xBF] + Array("abc".utf8)))
    }
}
