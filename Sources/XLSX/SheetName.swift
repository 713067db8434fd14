/// Excel's rules for sheet names, checked before libxlsxwriter sees a name.
public enum SheetName {
    public static let maximumLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    static func validate(_ name: String, existing: Set<String>) throws(XLSXError) {
        let operation = "sheet name '\(name)'"
        if name.isEmpty { throw XLSXError(operation: operation, message: "a sheet name cannot be empty") }
        if name.count > maximumLength {
            throw XLSXError(operation: operation, message: "longer than \(maximumLength) characters")
        }
        if let bad = name.first(where: { forbidden.contains($0) }) {
            throw XLSXError(operation: operation, message: "contains '\(bad)', which Excel does not allow ([]:*?/\\)")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw XLSXError(operation: operation, message: "cannot start or end with an apostrophe")
        }
        if existing.contains(name.lowercased()) {
            throw XLSXError(operation: operation, message: "already used (Excel ignores case)")
        }
    }

    /// A valid, unused sheet name made from any text (a project name, say).
    public static func make(from text: String, existing: Set<String>) -> String {
        var base = String(text.map { forbidden.contains($0) ? "_" : $0 })
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "Sheet" }
        base = String(base.prefix(maximumLength))
        var candidate = base
        var n = 2
        let lowered = Set(existing.map { $0.lowercased() })
        while lowered.contains(candidate.lowercased()) {
            let suffix = " (\(n))"
            candidate = String(base.prefix(maximumLength - suffix.count)) + suffix
            n += 1
        }
        return candidate
    }
}
