import Foundation

/// The CSV outputs that account for every row: `rejects.csv` and `data_quality.csv`.
enum QualityCSV {
    /// A field of a CSV this tool writes: text from the input or the tool, or a number the tool made.
    enum Field {
        case text(String)
        case number(String)
    }

    static func rejects(_ rejects: [Reject], language: Language) -> String {
        let words = Words(language: language)
        var out = row([
            words("파일", "file"), words("행", "line"), words("열", "column"), words("사유_코드", "reason_code"), words("사유", "reason"),
            words("원본_행", "raw_line"),
        ].map(Field.text))
        for r in rejects {
            out += row([.text(r.file), .number(String(r.line)), .text(r.problem.column), .text(r.problem.code), .text(r.problem.text(language)), .text(r.raw)])
        }
        return out
    }

    static func dataQuality(_ files: [FileQuality]) -> String {
        var out = row(["file", "table", "status", "encoding", "read", "accepted", "rejected", "rejected_share", "blank_lines", "top_reasons"].map(Field.text))
        for f in files {
            let reasons = f.topReasons.prefix(3).map { "\($0.code)=\($0.count)" }.joined(separator: " ")
            out += row([
                .text(f.file), .text(f.table), .text(f.status.code), .text(f.encoding?.rawValue ?? ""), .number(String(f.read)), .number(String(f.accepted)),
                .number(String(f.rejected)), .number(Fixed.string(f.rejectedShare, decimals: 4)), .number(String(f.blankLines)), .text(reasons),
            ])
        }
        return out
    }

    static func row(_ fields: [Field]) -> String {
        fields.map { field in
            switch field {
            case let .text(s): return quoted(neutralized(s))
            case let .number(s): return quoted(s)
            }
        }.joined(separator: ",") + "\r\n"
    }

    /// Text that a spreadsheet would take for a formula (a leading `=`, `+`, `-`, `@`, tab or
    /// carriage return: OWASP's CSV injection) gets a leading `'`, so that it opens as text.
    /// Numbers the tool itself writes are never text here, so a negative one stays a number.
    static func neutralized(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        return "'" + s
    }

    /// RFC 4180 quoting. Apart from the leading `'` above, text is kept exactly as read, so a
    /// raw line is the line in the file.
    static func quoted(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}

extension FileQuality.Status {
    public var code: String {
        switch self {
        case .read: return "read"
        case .missing: return "missing"
        case .empty: return "empty"
        case .skipped: return "skipped"
        }
    }
}

/// Fixed-point formatting that does not depend on the locale.
enum Fixed {
    static func string(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let negative = value < 0 && scaled > 0
        let integer = UInt64(scaled)
        let whole = integer / UInt64(scale)
        var text = String(whole)
        if decimals > 0 {
            let fraction = String(integer % UInt64(scale))
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return negative ? "-" + text : text
    }
}
