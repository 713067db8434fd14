import DataContract
import Definitions

/// Numbers as the text report and the page show them ("—" for none).
enum ReportNumbers {
    static func score(_ s: Double?) -> String { s.map { Fixed.string($0, decimals: 1) } ?? "—" }

    /// A change; a difference that rounds to 0.0 is "±0.0".
    static func change(_ now: Double?, _ before: Double?) -> String {
        guard let now, let before else { return "—" }
        return difference(now - before)
    }

    static func difference(_ d: Double) -> String {
        let text = Fixed.string(abs(d), decimals: 1)
        return text == "0.0" ? "±0.0" : (d > 0 ? "+" : "-") + text
    }

    static func value(_ v: Double?, _ format: IndicatorDefinition.Format) -> String { format.text(v) }

    static func percent(_ share: Double) -> String { IndicatorDefinition.Format.percent.text(share) }
}

extension IndicatorDefinition.Format {
    /// A value as the text reports show it; "—" when there is none or it has no digits (NaN, ±∞).
    package func text(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        switch self {
        case .percent:
            // × 100 may pass 1.8e308; such a value is whole, so its digits and "00" are exact.
            let percent = value * 100
            return (percent.isFinite ? Fixed.string(percent, decimals: 1) : Fixed.string(value, decimals: 0) + "00.0") + "%"
        case .count: return Fixed.string(value, decimals: 0)
        case .number: return Fixed.string(value, decimals: 2)
        }
    }
}
