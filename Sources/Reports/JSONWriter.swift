/// Writes JSON with keys in the order given, so that equal results give equal bytes.
package struct JSONWriter {
    package private(set) var text = ""
    private var indent = 0
    /// A line break and two spaces per level of `indent`, made once per level change, not per member.
    private var lineStart = "\n"
    private var needsComma = [false]

    package init() {}

    package enum Scalar {
        case string(String?)
        case number(Double?)
        case integer(Int?)
        case bool(Bool)
    }

    package mutating func beginObject(_ key: String? = nil) { begin(key, "{") }

    package mutating func endObject() { end("}") }

    /// An array, whose members are written with a `nil` key.
    mutating func beginArray(_ key: String? = nil) { begin(key, "[") }

    mutating func endArray() { end("]") }

    private mutating func begin(_ key: String?, _ bracket: String) {
        prefix(key)
        text += bracket
        indent += 1
        lineStart += "  "
        needsComma.append(false)
    }

    private mutating func end(_ bracket: String) {
        indent -= 1
        lineStart.removeLast(2)
        let hadMembers = needsComma.removeLast()
        if hadMembers { text += lineStart }
        text += bracket
    }

    package mutating func value(_ key: String?, _ scalar: Scalar) {
        prefix(key)
        switch scalar {
        case let .string(s): text += s.map(JSONWriter.quoted) ?? "null"
        case let .number(n): text += n.map(JSONWriter.number) ?? "null"
        case let .integer(i): text += i.map { String($0) } ?? "null"
        case let .bool(b): text += b ? "true" : "false"
        }
    }

    private mutating func prefix(_ key: String?) {
        if needsComma[needsComma.count - 1] { text += "," }
        if indent > 0 { text += lineStart }
        needsComma[needsComma.count - 1] = true
        if let key { text += JSONWriter.quoted(key) + ": " }
    }

    /// Full precision, shortest round-trip form; never NaN or infinity (those are `null`).
    package static func number(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        if n == 0 { return "0.0" }
        return "\(n)"
    }

    static func quoted(_ s: String) -> String {
        // Most keys and texts need no escape; those bytes are ASCII, never inside a longer character.
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
