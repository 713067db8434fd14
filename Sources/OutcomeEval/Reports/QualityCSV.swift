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

/// Fixed-point formatting that does not depend on the locale. Total: every finite number
/// gives its digits, however large or small (NaN and infinity give ""); `decimals` is 0 to 15.
enum Fixed {
    static func string(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "" }
        let decimals = min(max(decimals, 0), 15)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled > 0 else { return decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals) }
        var text: String
        if scaled < 0x1p63 {
            let integer = UInt64(scaled)
            text = String(integer / UInt64(scale))
            if decimals > 0 { text += "." + padded(integer % UInt64(scale), to: decimals) }
        } else {
            // Too large to scale into a UInt64: the whole part and the fraction apart.
            var whole = abs(value).rounded(.towardZero)
            var fraction = ((abs(value) - whole) * scale).rounded()
            if fraction >= scale {
                whole += 1
                fraction = 0
            }
            text = whole < 0x1p63 ? String(UInt64(whole)) : wholeDigits(whole)
            if decimals > 0 { text += "." + padded(UInt64(fraction), to: decimals) }
        }
        return value < 0 ? "-" + text : text
    }

    private static func padded(_ n: UInt64, to width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }

    /// The exact decimal digits of a double of 2^63 or more (every such double is whole):
    /// its 53-bit significand doubled `exponent − 52` times, in limbs of nine digits.
    static func wholeDigits(_ whole: Double) -> String {
        let billion: UInt64 = 1_000_000_000
        var significand = (1 << 52) | whole.significandBitPattern
        var limbs: [UInt64] = []  // least significant first
        while significand > 0 {
            limbs.append(significand % billion)
            significand /= billion
        }
        var doublings = Int(whole.exponent) - 52
        while doublings > 0 {
            let step = min(doublings, 30)  // a limb × 2^30 stays far below 2^64
            var carry: UInt64 = 0
            for i in limbs.indices {
                let product = limbs[i] << UInt64(step) + carry
                limbs[i] = product % billion
                carry = product / billion
            }
            while carry > 0 {
                limbs.append(carry % billion)
                carry /= billion
            }
            doublings -= step
        }
        return String(limbs.last ?? 0) + limbs.dropLast().reversed().map { padded($0, to: 9) }.joined()
    }
}
