/// One group breakdown of one project as every report publishes it: a group under the
/// small-cell threshold shows neither its count nor a share, and is left out of the others'
/// shares. The workbook and the page both render this value, so they hide the same cells.
struct BreakdownTable {
    struct Row {
        /// `nil` for the rows whose group value is missing (not stated).
        var label: String?
        /// `nil` when the group is under the threshold.
        var count: Int?
        var share: Double?
        /// Hits over count, for a breakdown with a rate.
        var rate: Double?
    }

    var rows: [Row]
    var hasRate: Bool
    /// The mark a hidden count is shown with, e.g. "<5".
    var smallMark: String

    init(_ groups: [BreakdownGroup], hasRate: Bool, threshold: Int) {
        let shown = Double(groups.reduce(0) { $0 + ($1.size >= threshold ? $1.size : 0) })
        self.hasRate = hasRate
        smallMark = "<\(threshold)"
        rows = groups.map { group in
            guard group.size >= threshold else { return Row(label: group.label) }
            return Row(
                label: group.label, count: group.size, share: Double(group.size) / shown,
                rate: hasRate ? Double(group.hits) / Double(group.size) : nil)
        }
    }

    /// The published tables of a project, by breakdown of the plan; `nil` when its table is unavailable.
    static func all(_ outcome: ProjectOutcome, plan: EvaluationPlan) -> [BreakdownTable?] {
        zip(plan.breakdowns, outcome.breakdowns).map { breakdown, groups in
            groups.map { BreakdownTable($0, hasRate: breakdown.hasRate, threshold: plan.settings.smallCellThreshold) }
        }
    }

    /// The footnote that explains the mark.
    static func note(threshold: Int, words: Words) -> String {
        words("\(threshold)명(건) 미만 집단은 <\(threshold)로 표시하고 비율에서 제외", "Groups under \(threshold) are shown as <\(threshold) and left out of the shares")
    }
}
