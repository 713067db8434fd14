import Foundation

/// The CSV outputs that account for every row: `rejects.csv` and `data_quality.csv`.
enum QualityCSV {
    static func rejects(_ rejects: [Reject], language: Language) -> String {
        var out = "file,line,column,reason_code,reason,raw_line\r\n"
        for r in rejects {
            out += [r.file, String(r.line), r.problem.column, r.problem.code, r.problem.text(language), r.raw]
                .map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func dataQuality(_ files: [FileQuality]) -> String {
        var out = "file,table,status,encoding,read,accepted,rejected,rejected_share,blank_lines,top_reasons\r\n"
        for f in files {
            let reasons = f.topReasons.prefix(3).map { "\($0.code)=\($0.count)" }.joined(separator: " ")
            out += [
                f.file, f.table, f.status.code, f.encoding?.rawValue ?? "", String(f.read), String(f.accepted),
                String(f.rejected), Fixed.string(f.rejectedShare, decimals: 4), String(f.blankLines), reasons,
            ].map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// RFC 4180 quoting. Text is kept exactly as read, so a raw line is the line in the file.
    static func field(_ s: String) -> String {
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
