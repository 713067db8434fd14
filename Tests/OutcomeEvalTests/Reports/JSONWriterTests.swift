import Foundation
@testable import Reports
import XCTest

/// `JSONWriter`'s strings and numbers: the escapes RFC 8259 requires and no others, so
/// Hangul and characters beyond the BMP stay readable UTF-8; and a decoder gets back exactly
/// what was written.
final class JSONWriterTests: XCTestCase {
    func testEscapesWhatJSONRequiresByHand() {
        let cases: [(String, String)] = [
            ("plain", #""plain""#),
            ("say \"hi\"", #""say \"hi\"""#),
            ("C:\\data", #""C:\\data""#),
            ("a\nb\rc\td", #""a\nb\rc\td""#),
            // Other control characters as \u00XX, lower-case hex; DEL (0x7F) needs no escape.
            ("\u{0}\u{1}\u{8}\u{C}\u{1B}\u{1F}", #""\u0000\u0001\u0008\u000c\u001b\u001f""#),
            ("\u{7F}", "\"\u{7F}\""),
            // Hangul and beyond the BMP as UTF-8, never as \u escapes or surrogate pairs.
            ("마포 마을", "\"마포 마을\""),
            ("𝄞😀", "\"𝄞😀\""),
            ("\u{2028}\u{2029}", "\"\u{2028}\u{2029}\""),
            ("", #""""#),
        ]
        for (text, json) in cases {
            XCTAssertEqual(JSONWriter.quoted(text), json, text.debugDescription)
        }
        XCTAssertEqual(Array(JSONWriter.quoted("😀").utf8), [0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22])
    }

    func testALoneSurrogateInTheInputIsWrittenAsTheReplacementCharacter() {
        // The bytes of U+D800 (ED A0 80) are not UTF-8; a String made of them holds U+FFFD,
        // so the JSON never carries an unpaired surrogate.
        let text = String(decoding: [0x61, 0xED, 0xA0, 0x80, 0x62], as: UTF8.self)
        XCTAssertTrue(text.unicodeScalars.contains("\u{FFFD}"))
        XCTAssertEqual(JSONWriter.quoted(text), "\"" + text + "\"")
    }

    func testADecoderReadsBackEveryScalarClass() throws {
        var text = String.UnicodeScalarView()
        for value in Array(0..<0x80) + [0xAC00, 0xD7A3, 0xFFFD, 0xFEFF, 0x1_0000, 0x1_F600, 0x10_FFFF] {
            text.append(Unicode.Scalar(UInt32(value))!)
        }
        let original = String(text)
        let json = "[" + JSONWriter.quoted(original) + "]"
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        XCTAssertEqual(decoded, [original])
    }

    func testNumbersAreShortestRoundTripAndNonFiniteIsNull() {
        let cases: [(Double, String)] = [
            (0, "0.0"), (-0.0, "0.0"), (1, "1.0"), (0.1, "0.1"), (1.0 / 3.0, "0.3333333333333333"),
            (-2.5, "-2.5"), (1e-7, "1e-07"), (.nan, "null"), (.infinity, "null"), (-.infinity, "null"),
        ]
        for (n, text) in cases {
            XCTAssertEqual(JSONWriter.number(n), text, "\(n)")
        }
    }

    func testObjectsKeepKeyOrderAndNullForMissing() {
        var json = JSONWriter()
        json.beginObject()
        json.value("z", .string(nil))
        json.value("a", .number(nil))
        json.beginObject("m")
        json.endObject()
        json.value("n", .integer(-3))
        json.endObject()
        XCTAssertEqual(json.text, "{\n  \"z\": null,\n  \"a\": null,\n  \"m\": {},\n  \"n\": -3\n}")
    }
}
