import DataContract
import Definitions
import Uncertainty

/// How the text outputs (report.txt, report.html) write a rank range, a share's interval and
/// the uncertain mark, and the footnotes that explain them once, in the report language.
struct UncertaintyText {
    let settings: Settings
    let language: Language

    private var t: Words { Words(language: language) }

    /// Marks a band that the share's interval does not make certain.
    static let uncertainMark = "*"

    /// `3 (2–6)`: the published rank (tied scores share the smaller one) and its 90 % range;
    /// `place` in the ranking alone for a project without a range.
    func rank(_ place: Int, _ range: RankRange?) -> String {
        guard let range else { return String(place) }
        return "\(range.position) (\(range.p05)–\(range.p95))"
    }

    /// `13.8–60.9%`: a share's interval in its indicator's format, the unit written once.
    func interval(_ interval: WilsonInterval, _ format: IndicatorDefinition.Format) -> String {
        let low = ReportNumbers.value(interval.low, format)
        let high = ReportNumbers.value(interval.high, format)
        return (format == .percent ? String(low.dropLast()) : low) + "–" + high
    }

    /// The band of a score, with the mark when its share's interval reaches another band.
    static func band(_ name: String, _ interval: ShareInterval?) -> String {
        name + (interval?.uncertain == true ? Self.uncertainMark : "")
    }

    /// What the uncertain mark means (also under the workbooks' indicator tables).
    func markNote() -> String {
        Self.uncertainMark + " " + t("구간의 점수가 다른 등급에 걸침: 이 등급은 확실하지 않음.",
                                     "the interval's scores reach into another band: this band is not certain.")
    }

    /// What a rank range, an interval, the mark and the drivers mean, one sentence each.
    func notes() -> [String] {
        let uncertainty = settings.uncertainty
        let percent = uncertainty.level * 100
        let level = Fixed.string(percent, decimals: percent == percent.rounded() ? 0 : 1) + "%"
        let spread = Fixed.string(uncertainty.weightSpread * 100, decimals: 0) + "%"
        let draws = String(uncertainty.draws)
        return [
            t("순위 3 (2–6): 가중치를 ±\(spread) 안에서 바꾸고 비율 지표를 표본 오차만큼 다시 뽑아 \(draws)번 다시 매긴 순위의 90% 범위(5–95번째 백분위수).",
              "Rank 3 (2–6): the 90% range (5th to 95th percentile) of the rank over \(draws) rescorings with every weight moved within ±\(spread) and every share redrawn from its sampling error."),
            t("비율 33.3% (13.8–60.9%): 괄호 안은 \(level) 윌슨 신뢰구간(사례 수가 적을수록 넓음).",
              "Share 33.3% (13.8–60.9%): in brackets its \(level) Wilson interval (the fewer the cases, the wider)."),
            markNote(),
            t("변화 요인: 전분기 대비 종합 점수 변화를 지표별로 나눈 몫(모든 지표의 몫을 더하면 변화), 큰 것부터.",
              "Drivers of change: the change of the overall score since the previous quarter split by indicator (the parts add up to the change), largest first."),
        ]
    }
}
