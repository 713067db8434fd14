import CSVReading
import DataContract
import Foundation

/// The CSV outputs that account for every row: `rejects.csv` and `data_quality.csv`.
package enum QualityCSV {
    /// A field of a CSV this tool writes: text from the input or the tool, or a number the tool made.
    enum Field {
        case text(String)
        case number(String)
    }

    package static func rejects(_ rejects: [Reject], language: Language) -> String {
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

    package static func dataQuality(_ files: [FileQuality]) -> String {
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

    /// A record: every field quoted the RFC 4180 way (`CSVField`), text neutralized first.
    /// Apart from that leading `'`, text is kept exactly as read, so a raw line is the line in
    /// the file.
    static func row(_ fields: [Field]) -> String {
        fields.map { field in
            switch field {
            case let .text(s): return CSVField.quoted(neutralized(s))
            case let .number(s): return CSVField.quoted(s)
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
