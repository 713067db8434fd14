/// Builds an HTML document as text. Every text and attribute value goes through `escape`
/// here and nowhere else; only the page's own constant CSS, script and numbers are written raw.
struct HTMLWriter {
    private(set) var text = ""

    /// `&`, `<`, `>`, `"` and `'` as character references: safe in text and in a quoted
    /// attribute alike. Everything else (Hangul included) stays as it is, in UTF-8.
    /// Byte by byte: an HTML parser reads code points, so a `"` followed by a combining mark
    /// (one Swift `Character`, not equal to `"`) still ends an attribute and must be escaped.
    static func escape(_ raw: String) -> String {
        guard raw.utf8.contains(where: isSpecial) else { return raw }
        var out: [UInt8] = []
        out.reserveCapacity(raw.utf8.count + 16)
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// Attributes in the order given; a `nil` value leaves the attribute out.
    private static func attributes(_ attributes: KeyValuePairs<String, String?>) -> String {
        var out = ""
        for (name, value) in attributes {
            guard let value else { continue }
            out += " \(name)=\"\(escape(value))\""
        }
        return out
    }

    mutating func open(_ tag: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        text += "<\(tag)\(Self.attributes(attributes))>"
    }

    mutating func close(_ tag: String) { text += "</\(tag)>" }

    /// Text content, escaped.
    mutating func write(_ content: String) { text += Self.escape(content) }

    /// An element holding only text.
    mutating func element(_ tag: String, _ content: String) { element(tag, [:], content) }

    mutating func element(_ tag: String, _ attributes: KeyValuePairs<String, String?>, _ content: String) {
        open(tag, attributes)
        write(content)
        close(tag)
    }

    /// An element with no content or end tag (`<meta>`, `<rect/>` in SVG).
    mutating func void(_ tag: String, _ attributes: KeyValuePairs<String, String?> = [:], selfClosing: Bool = false) {
        text += "<\(tag)\(Self.attributes(attributes))\(selfClosing ? "/" : "")>"
    }

    mutating func newline() { text += "\n" }

    /// The page's own constant markup (stylesheet, script); never data.
    mutating func constant(_ markup: StaticString) { text += markup.description }
}
