/// Fixed-point formatting that does not depend on the locale. Total: every finite number
/// gives its digits, however large or small (NaN and infinity give ""); `decimals` is 0 to 15.
package enum Fixed {
    package static func string(_ value: Double, decimals: Int) -> String {
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
