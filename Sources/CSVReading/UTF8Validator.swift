/// Checks UTF-8 validity incrementally over a buffer that fills piece by piece.
package struct UTF8Validator {
    /// Checks `bytes[from..<to]`; returns the index up to which the bytes are valid and complete.
    /// Stops before an incomplete sequence at the end unless `final`; `invalidAt` is the start
    /// of the first invalid sequence, if any.
    package static func validate(
        _ bytes: UnsafeRawBufferPointer, from: Int, to: Int, final: Bool
    ) -> (validUpTo: Int, invalidAt: Int?, sawNonASCII: Bool) {
        var i = from
        var sawNonASCII = false
        while i < to {
            // ASCII fast path, eight bytes at a time.
            while i + 8 <= to {
                let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i >= to { break }
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            sawNonASCII = true
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return (i, i, sawNonASCII)
            }
            for k in 1..<length {
                if i + k >= to {
                    return final ? (i, i, sawNonASCII) : (i, nil, sawNonASCII)
                }
                let byte = bytes[i + k]
                let low: UInt8 = k == 1 ? lower : 0x80
                let high: UInt8 = k == 1 ? upper : 0xBF
                if byte < low || byte > high { return (i, i, sawNonASCII) }
            }
            i += length
        }
        return (to, nil, sawNonASCII)
    }
}
