import DataContract
import Definitions
import Evaluation
import Scoring

/// What reports say about how scores were combined: the legend's sentence, and the note on a
/// dimension or overall that a score of 0 made 0 under a geometric or harmonic mean.
/// With every level arithmetic (the default) the legend is the one reports always had.
struct AggregationText {
    let settings: Settings
    let language: Language

    private func t(_ ko: String, _ en: String) -> String { language == .ko ? ko : en }

    func name(_ method: Aggregation) -> String {
        switch method {
        case .arithmetic: return t("산술평균", "arithmetic mean")
        case .geometric: return t("기하평균", "geometric mean")
        case .harmonic: return t("조화평균", "harmonic mean")
        }
    }

    /// `nil` when nothing scored 0 (or the level is arithmetic, where a 0 is only a low score).
    func zeroNote(_ method: Aggregation, parts: [String]) -> String? {
        guard !parts.isEmpty else { return nil }
        let list = parts.joined(separator: ", ")
        return t("\(name(method))에 0점이 있어(\(list)) 0점", "\(name(method)) with a score of 0 (\(list)), so 0")
    }

    func dimensionNote(_ d: Int, _ score: DimensionScore, plan: EvaluationPlan) -> String? {
        zeroNote(settings.dimensions[d].aggregation, parts: score.zeros.map { plan.indicators[$0].definition.name.text(language) })
    }

    func overallNote(_ scores: ProjectScores) -> String? {
        zeroNote(settings.overallAggregation, parts: scores.overallZeros.map { settings.dimensions[$0].name.text(language) })
    }

    /// Every note of a project's scores, each after the name of its level ("종합: …").
    func notes(_ scores: ProjectScores, plan: EvaluationPlan) -> [String] {
        let overall = overallNote(scores).map { t("종합", "Overall") + ": " + $0 }
        let dimensions = settings.dimensions.indices.map { d in
            dimensionNote(d, scores.dimensions[d], plan: plan).map { settings.dimensions[d].name.text(language) + ": " + $0 }
        }
        return ([overall] + dimensions).compactMap { $0 }
    }

    /// The legend's line on scores.
    func legend() -> String {
        let formula = t("점수 = (값 − 하한) / (목표 − 하한) × 100, 0~100으로 제한.", "score = (value − floor) / (target − floor) × 100, clamped to 0–100;")
        let methods = Set(settings.dimensions.map(\.aggregation))
        if methods == [.arithmetic] && settings.overallAggregation == .arithmetic {
            return formula + t(" 차원 점수는 산출 가능한 지표의 가중 평균.", " a dimension is the weighted mean of its computable indicators.")
        }
        let dimensions = methods.count == 1
            ? name(settings.dimensions[0].aggregation)
            : t("평균", "mean") + " (" + settings.dimensions.map { "\($0.name.text(language)): \(name($0.aggregation))" }.joined(separator: ", ") + ")"
        return formula
            + t(" 차원 점수는 산출 가능한 지표의 가중 \(dimensions), 종합 점수는 차원의 가중 \(name(settings.overallAggregation)). 기하평균과 조화평균은 0점이 하나라도 있으면 0.",
                " a dimension is the weighted \(dimensions) of its computable indicators, the overall the weighted \(name(settings.overallAggregation)) of the dimensions; a geometric or harmonic mean with a score of 0 is 0.")
    }
}
