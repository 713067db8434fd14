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

    static func value(_ v: Double?, _ format: IndicatorDefinition.Format) -> String {
        guard let v else { return "—" }
        switch format {
        case .percent: return percent(v)
        case .count: return Fixed.string(v, decimals: 0)
        case .number: return Fixed.string(v, decimals: 2)
        }
    }

    static func percent(_ share: Double) -> String { Fixed.string(share * 100, decimals: 1) + "%" }
}
