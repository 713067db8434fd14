import DataContract
import Definitions
import Evaluation
import Scoring

/// Why an indicator has no value, for people: the plain words of its definition instead of
/// the expression the reason quotes (results.json keeps the code and the full reason, and the
/// expression stays on the definitions sheet for analysts).
enum PlainReason {
    static func text(_ reason: NotComputable, definition: IndicatorDefinition, language: Language) -> String {
        switch reason {
        case .tableUnavailable, .projectValueMissing, .valueMissing, .floorEqualsTarget, .notFinite:
            // These name a file, a column or a number, not an expression: already plain.
            return reason.text(language)
        case .noData:
            // Not reported rather than zero (INDICATORS.md): say so before what is missing.
            let what = definition.missing ?? definition.description ?? definition.name
            return LocalizedText(ko: "자료 없음", en: "no data").text(language) + ": " + what.text(language)
        case .noRows, .zeroDenominator, .tooFewGroups, .zeroMaximum, .outsideDomain:
            if let missing = definition.missing { return missing.text(language) }
            // Without a `missing:` text, the kind of problem and what the indicator measures.
            let what = definition.description?.text(language) ?? definition.name.text(language)
            return kind(reason).text(language) + ": " + what
        }
    }

    private static func kind(_ reason: NotComputable) -> LocalizedText {
        switch reason {
        case let .tooFewGroups(found, needed, _):
            return LocalizedText(ko: "집단 부족(\(needed)개 이상 필요, \(found)개)", en: "too few groups (\(found) of at least \(needed))")
        case .zeroDenominator: return LocalizedText(ko: "분모가 0", en: "zero denominator")
        case .zeroMaximum: return LocalizedText(ko: "모든 집단의 비율이 0", en: "every group's rate is 0")
        case .outsideDomain: return LocalizedText(ko: "산식이 받을 수 없는 값(예: 0의 로그)", en: "a value the formula cannot take (e.g. the log of 0)")
        default: return LocalizedText(ko: "계산할 자료 없음", en: "nothing to compute from")
        }
    }
}

extension IndicatorScore {
    /// The not-computable reason for people, or "" when there is a value.
    func plainReason(_ definition: IndicatorDefinition, _ language: Language) -> String {
        outcome.reason.map { PlainReason.text($0, definition: definition, language: language) } ?? ""
    }
}
