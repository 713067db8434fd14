/// Builds an HTML document as text. Every text and attribute value goes through `escape`
/// here and nowhere else; only the page's own constant CSS, script and numbers are written raw.
struct HTMLWriter {
    private(set) var text = ""

    /// `&`, `<`, `>`, `"` and `'` as character references: safe in text and in a quoted
    /// attribute alike. Everything else (Hangul included) stays as it is, in UTF-8.
    static func escape(_ raw: String) -> String {
        guard raw.contains(where: { "&<>\"'".contains($0) }) else { return raw }
        var out = ""
        out.reserveCapacity(raw.utf8.count + 16)
        for character in raw {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
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
