import DataContract
import Definitions

/// One group breakdown of one project exactly as every output publishes it: the workbook,
/// `results.json` and any other renderer read this value and never the raw tallies, so that
/// what is hidden is decided once (`init(groups:hasRate:rule:)`) and shown the same everywhere.
///
/// Published: the total (always), the total hits of a rate breakdown, and each group's label;
/// a group is either shown (count, share, rate) or suppressed with its reason and nothing else.
/// A renderer finds it as `EvaluationResult.breakdowns[project][breakdown]` (`nil` when the
/// breakdown's table is unavailable), with its marks and notes below.
public struct PublishedBreakdown: Sendable, Equatable {
    /// Why a group's count is not shown.
    public enum Suppression: String, Sendable, Equatable {
        /// Under the small-cell threshold: the reader knows it holds 1 to threshold − 1 ("<5").
        case smallCell = "small_cell"
        /// At or above the threshold, hidden so that the small cells cannot be worked out by
        /// subtraction from the total ("x"); the reader knows only that it is at least the threshold.
        case complementary
    }

    public struct Group: Sendable, Equatable {
        /// `nil` for the rows whose group value is missing ("not stated"), a cell like any other.
        public var label: String?
        /// People or rows in the group; `nil` when suppressed.
        public var count: Int?
        public var suppression: Suppression?
        /// The group's part of the shown groups' sum; `nil` when suppressed.
        public var share: Double?
        /// Hits over count for a rate breakdown; `nil` when suppressed or without a rate.
        public var rate: Double?

        public var suppressed: Bool { suppression != nil }

        public init(label: String?, count: Int?, suppression: Suppression?, share: Double?, rate: Double?) {
            self.label = label
            self.count = count
            self.suppression = suppression
            self.share = share
            self.rate = rate
        }
    }

    /// The sum of every group, hidden ones included; `nil` when the breakdown is withheld.
    public var total: Int?
    /// For a rate breakdown, the hits of every group (the adopted proposals, say); else `nil`.
    public var hits: Int?
    public var hasRate: Bool
    /// In the order the reports list them: enum order, then by label, "not stated" last.
    /// Empty when the breakdown is withheld.
    public var groups: [Group]

    /// Withheld: even with every group hidden a count could be worked out (a total of 6 in a
    /// group under 5 and one of at least 5 can only be 1 + 5), so nothing of it is published.
    public var withheld: Bool { total == nil }

    public init(total: Int?, hits: Int?, hasRate: Bool, groups: [Group]) {
        self.total = total
        self.hits = hits
        self.hasRate = hasRate
        self.groups = groups
    }

    /// The published form of a project's tallies under `rule`: primary suppression of the
    /// small groups, then, when the rule asks for it, the fewest further groups (smallest
    /// first) that leave no hidden count or rate to be worked out (`DisclosureAttack`).
    public init(groups tallies: [BreakdownGroup], hasRate: Bool, rule: DisclosureRule) {
        let primary = tallies.map { $0.size < rule.threshold ? Suppression.smallCell : nil }
        let hidden = rule.complementary ? Suppression.complementaryCells(tallies, primary: primary, hasRate: hasRate, rule: rule) : primary
        if let hidden {
            self = PublishedBreakdown(tallies, hidden: hidden, hasRate: hasRate)
        } else {
            self.init(total: nil, hits: nil, hasRate: hasRate, groups: [])
        }
    }

    /// The table with `hidden[i]` as group i's suppression.
    init(_ tallies: [BreakdownGroup], hidden: [Suppression?], hasRate: Bool) {
        let shownSum = zip(tallies, hidden).reduce(0) { $0 + ($1.1 == nil ? $1.0.size : 0) }
        self.init(
            total: tallies.reduce(0) { $0 + $1.size }, hits: hasRate ? tallies.reduce(0) { $0 + $1.hits } : nil, hasRate: hasRate,
            groups: zip(tallies, hidden).map { tally, suppression in
                guard suppression == nil else {
                    return Group(label: tally.label, count: nil, suppression: suppression, share: nil, rate: nil)
                }
                return Group(
                    label: tally.label, count: tally.size, suppression: nil, share: Double(tally.size) / Double(shownSum),
                    rate: hasRate ? Double(tally.hits) / Double(tally.size) : nil)
            })
    }
}

/// The marks and notes every renderer shows, so that a workbook and a web page say the same.
extension PublishedBreakdown.Suppression {
    /// How a hidden group is shown in place of its count: `<5`, or `x` (hidden without claiming to be small).
    public func mark(threshold: Int) -> String { self == .smallCell ? "<\(threshold)" : "x" }

    /// The footnote that explains the mark, once per page or sheet.
    public func footnote(threshold: Int) -> LocalizedText {
        let mark = mark(threshold: threshold)
        let small = Self.smallCell.mark(threshold: threshold)
        switch self {
        case .smallCell:
            return LocalizedText(ko: "\(mark): \(threshold)명(건) 미만이라 숨긴 집단 (비율에서 제외)", en: "\(mark): a group under \(threshold), hidden and left out of the shares")
        case .complementary:
            return LocalizedText(
                ko: "\(mark): \(threshold)명(건) 이상이지만, 합계에서 빼서 \(small) 집단을 알아낼 수 없도록 함께 숨긴 집단",
                en: "\(mark): a group of \(threshold) or more, hidden too so that the \(small) groups cannot be worked out from the total")
        }
    }
}

extension PublishedBreakdown {
    /// In place of a withheld breakdown's table.
    public static let withheldNote = LocalizedText(
        ko: "공개하지 않음: 모든 집단을 숨겨도 합계에서 작은 집단을 알아낼 수 있는 표",
        en: "withheld: even with every group hidden, a small group could be worked out from the total")
}

extension PublishedBreakdown {
    /// The rate of all groups together, for the total row: total hits over the total; `nil`
    /// without a rate, for an empty table, or when withheld.
    public var totalRate: Double? {
        guard let hits, let total, total > 0 else { return nil }
        return Double(hits) / Double(total)
    }
}
