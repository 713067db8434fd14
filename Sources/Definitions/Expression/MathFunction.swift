import DataContract
import Foundation

/// The language's functions of numbers: logs, powers, the smaller or larger of two, rounding.
/// Each either gives a finite number or says why it cannot (never −∞, ∞ or NaN).
package enum MathFunction: String, Sendable, CaseIterable {
    case ln, log10, exp, sqrt, pow, min, max, round

    var arity: Int {
        switch self {
        case .ln, .log10, .exp, .sqrt: return 1
        case .pow, .min, .max, .round: return 2
        }
    }

    /// `round` keeps at most this many digits either side of the point: a double has no more.
    static let roundDigits = 15

    /// `b` is ignored by the functions of one argument.
    package func apply(_ a: Double, _ b: Double) -> Result<Double, MathProblem> {
        let result: Double
        switch self {
        case .ln, .log10:
            guard a > 0 else { return .failure(.notPositive(a)) }
            result = self == .ln ? Foundation.log(a) : Foundation.log10(a)
        case .sqrt:
            guard a >= 0 else { return .failure(.negative(a)) }
            result = a.squareRoot()
        case .exp: result = Foundation.exp(a)
        case .pow: result = Foundation.pow(a, b)
        case .min: result = Swift.min(a, b)
        case .max: result = Swift.max(a, b)
        case .round:
            guard b == b.rounded(), Swift.abs(b) <= Double(Self.roundDigits) else { return .failure(.digits(b)) }
            result = Self.round(a, digits: Int(b))
        }
        if result.isNaN { return .failure(.undefined) }
        return result.isFinite ? .success(result) : .failure(.overflow)
    }

    /// Half away from zero, as a spreadsheet's ROUND, on the double's own value
    /// (`round(2.675, 2)` is 2.67: the double is 2.67499…).
    private static func round(_ x: Double, digits: Int) -> Double {
        // Powers of ten up to 10^22 are exact doubles.
        let scale = (0..<Swift.abs(digits)).reduce(1.0) { value, _ in value * 10 }
        if digits < 0 { return (x / scale).rounded(.toNearestOrAwayFromZero) * scale }
        let scaled = x * scale
        // From 2^52 on a double has no fraction left to round.
        guard Swift.abs(scaled) < 0x1p52 else { return x }
        return scaled.rounded(.toNearestOrAwayFromZero) / scale
    }
}

/// Why a math function has no value for its arguments.
public enum MathProblem: Error, Equatable, Sendable {
    /// `ln` or `log10` of 0 or less.
    case notPositive(Double)
    /// `sqrt` of a negative number.
    case negative(Double)
    /// The result is beyond the largest double (`exp(1000)`, `pow(0, -1)`).
    case overflow
    /// No real result (`pow(-8, 0.5)`).
    case undefined
    /// `round`'s digits are not a whole number from −15 to 15.
    case digits(Double)

    /// The reason, after the call as written (`ln(x): …`).
    package func text(_ language: Language, call: String) -> String {
        let limit = MathFunction.roundDigits
        switch (self, language) {
        case let (.notPositive(x), .en): return "\(call) needs a number above 0, found \(Self.number(x))"
        case let (.notPositive(x), .ko): return "\(call): 0보다 큰 수가 필요한데 \(Self.number(x))"
        case let (.negative(x), .en): return "\(call) needs a number of 0 or more, found \(Self.number(x))"
        case let (.negative(x), .ko): return "\(call): 0 이상의 수가 필요한데 \(Self.number(x))"
        case (.overflow, .en): return "\(call) is too large to compute"
        case (.overflow, .ko): return "\(call): 값이 너무 커서 계산할 수 없음"
        case (.undefined, .en): return "\(call) has no real value"
        case (.undefined, .ko): return "\(call): 실수 값이 없음"
        case let (.digits(d), .en): return "\(call): the digits must be a whole number from -\(limit) to \(limit), found \(Self.number(d))"
        case let (.digits(d), .ko): return "\(call): 자릿수는 -\(limit)에서 \(limit) 사이의 정수여야 하는데 \(Self.number(d))"
        }
    }

    /// Whole numbers without ".0"; others as Swift writes them (shortest exact, no locale).
    private static func number(_ x: Double) -> String {
        x == x.rounded() && Swift.abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }
}
