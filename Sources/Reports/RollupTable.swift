import DataContract
import Definitions
import Results

/// The portfolio summed up by one registry column, as the workbook and the page show it.
struct RollupTable {
    struct Group {
        /// The column's value; `nil` when the registry leaves it empty.
        var label: String?
        var projects: Int
        /// Of the projects with an overall score.
        var mean: Double?
        var median: Double?
        /// Projects per band of the settings (highest first), then those without a score.
        var bands: [Int]
        var unscored: Int
        /// The mean of (score − previous score) over the projects scored in both quarters.
        var change: Double?
        /// How many projects that mean is over.
        var changeProjects: Int
    }

    let definition: RollupDefinition
    let groups: [Group]

    /// Groups in the column's enum order, or by their text (byte order), not stated last.
    init(_ definition: RollupDefinition, result: EvaluationResult) {
        self.definition = definition
        let registry = result.plan.schema.registry
        let current = result.quarters.count - 1
        let bandCount = result.plan.settings.bands.count
        var labels: [String?] = []
        var members: [[Int]] = []
        if let column = registry.columnIndex(definition.column) {
            for (index, outcome) in result.projects.enumerated() {
                let value = outcome.project.row[column]
                let label: String? = value == .missing ? nil : ValueText.of(value, column: registry.columns[column])
                if let at = labels.firstIndex(of: label) {
                    members[at].append(index)
                } else {
                    labels.append(label)
                    members.append([index])
                }
            }
        }
        let order: [String]? = registry.columnIndex(definition.column).flatMap {
            if case let .enumeration(values, _) = registry.columns[$0].type { return values }
            return nil
        }
        func key(_ label: String?) -> (Int, Int, [UInt8]) {
            guard let label else { return (2, 0, []) }
            if let order, let position = order.firstIndex(of: label) { return (0, position, []) }
            return (1, 0, Array(label.utf8))
        }
        let sorted = zip(labels, members).sorted { a, b in
            let (ka, kb) = (key(a.0), key(b.0))
            if ka.0 != kb.0 { return ka.0 < kb.0 }
            if ka.1 != kb.1 { return ka.1 < kb.1 }
            return ka.2.lexicographicallyPrecedes(kb.2)
        }
        groups = sorted.map { label, indices in
            let scores = indices.map { result.scores[$0][current] }
            let overall = scores.compactMap(\.overall)
            var bands = [Int](repeating: 0, count: bandCount)
            for score in scores { if let band = score.overallBandIndex { bands[band] += 1 } }
            let changes = indices.compactMap { i -> Double? in
                guard let now = result.scores[i][current].overall, let before = result.scores[i][current - 1].overall else { return nil }
                return now - before
            }
            return Group(
                label: label, projects: indices.count, mean: Self.mean(overall), median: Self.median(overall), bands: bands,
                unscored: scores.count - overall.count, change: Self.mean(changes), changeProjects: changes.count)
        }
    }

    static func all(_ result: EvaluationResult) -> [RollupTable] {
        result.plan.rollups.map { RollupTable($0, result: result) }
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The headings of a roll-up's columns after the group's own.
    static func headings(_ settings: Settings, _ words: Words) -> [String] {
        let unit = settings.wording
        return [words(unit.unit.ko + " 수", unit.unitsHeading(.en)), words("평균 종합", "Mean overall"), words("중앙값 종합", "Median overall")]
            + settings.bands.map { $0.name.text(words.language) }
            + [words("점수 없음", "No score"), words("전분기 대비 변화", "Change"), words("비교 " + unit.unit.ko + " 수", "Compared")]
    }

    /// The note every roll-up carries: what the change is a mean of.
    static func changeNote(_ settings: Settings, _ words: Words) -> String {
        let unit = settings.wording
        return words("전분기 대비 변화: 두 분기 모두 종합 점수가 있는 \(unit.unit.ko)(비교 \(unit.unit.ko))의 점수 변화 평균",
                     "Change: the mean of the overall-score changes of the \(unit.unitPlural) scored in both quarters (compared)")
    }
}
