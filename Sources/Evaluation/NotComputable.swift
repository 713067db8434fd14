import DataContract
import Definitions

/// Why an indicator has no value. Reported with its reason, never as 0.
public enum NotComputable: Error, Equatable, Sendable {
    /// The table's file is absent, empty, or could not be used.
    case tableUnavailable(table: String, why: TableUnavailable)
    /// The rows a value needs are not there (no activities this quarter, say).
    case noRows(source: String)
    case zeroDenominator(divisor: String)
    case tooFewGroups(found: Int, needed: Int, source: String)
    case zeroMaximum(source: String)
    case projectValueMissing(column: String)
    /// A value of the project that came out missing for no one field (rare: an expression
    /// of project values whose every field is there).
    case valueMissing
    case floorEqualsTarget
    /// `when_any(rows, x)` found no rows: the project sent no data for them (INDICATORS.md:
    /// a count over nothing has not scored 0, it has not been reported).
    case noData(source: String)
    /// The value, floor or target came out infinite or undefined (past ±1.8e308, or ∞ − ∞).
    case notFinite(Part)

    /// The three numbers of an indicator.
    public enum Part: String, Sendable {
        case value, floor, target

        func text(_ language: Language) -> String {
            switch (self, language) {
            case (.value, .en): return "value"
            case (.value, .ko): return "값"
            case (.floor, .en): return "floor"
            case (.floor, .ko): return "하한"
            case (.target, .en): return "target"
            case (.target, .ko): return "목표"
            }
        }
    }
    /// A math function outside its domain: `ln(0)`, `sqrt(-1)`, `exp(1000)`.
    case outsideDomain(call: String, problem: MathProblem)

    public var code: String {
        switch self {
        case .tableUnavailable: return "no_data"
        case .noRows: return "no_rows"
        case .zeroDenominator: return "zero_denominator"
        case .tooFewGroups: return "too_few_groups"
        case .zeroMaximum: return "zero_maximum"
        case .projectValueMissing: return "project_value_missing"
        case .valueMissing: return "value_missing"
        case .floorEqualsTarget: return "floor_equals_target"
        case .noData: return "no_data"
        case .notFinite: return "not_finite"
        case .outsideDomain: return "outside_domain"
        }
    }

    public func text(_ language: Language) -> String {
        switch (self, language) {
        case let (.tableUnavailable(table, why), .en): return "no data: \(table) \(why.text(.en))"
        case let (.tableUnavailable(table, why), .ko): return "자료 없음: \(table) \(why.text(.ko))"
        case let (.noRows(source), .en): return "no rows: \(source)"
        case let (.noRows(source), .ko): return "해당 행 없음: \(source)"
        case let (.zeroDenominator(divisor), .en): return "zero denominator: \(divisor) is 0"
        case let (.zeroDenominator(divisor), .ko): return "분모가 0: \(divisor)"
        case let (.tooFewGroups(found, needed, source), .en):
            return "too few groups: \(found) of at least \(needed) needed in \(source)"
        case let (.tooFewGroups(found, needed, source), .ko):
            return "집단 부족: \(source)에서 \(needed)개 이상 필요, \(found)개"
        case let (.zeroMaximum(source), .en): return "every group's rate is 0 in \(source)"
        case let (.zeroMaximum(source), .ko): return "모든 집단의 비율이 0: \(source)"
        case let (.projectValueMissing(column), .en): return "no \(column) in this row of the registry"
        case let (.projectValueMissing(column), .ko): return "목록의 이 행에 \(column) 값 없음"
        case (.valueMissing, .en): return "the value is missing"
        case (.valueMissing, .ko): return "값 없음"
        case (.floorEqualsTarget, .en): return "floor equals target, so no score can be given"
        case (.floorEqualsTarget, .ko): return "하한과 목표가 같아 점수를 낼 수 없음"
        case let (.noData(source), .en): return "no data: nothing in \(source)"
        case let (.noData(source), .ko): return "자료 없음: \(source)에 해당하는 행 없음"
        case let (.notFinite(part), .en):
            return "the \(part.text(.en)) is infinite or undefined (beyond ±1.8e308, or ∞ − ∞)"
        case let (.notFinite(part), .ko): return "\(part.text(.ko)): 무한대이거나 정의되지 않은 수 (±1.8e308 초과 또는 ∞ − ∞)"
        case let (.outsideDomain(call, problem), _): return problem.text(language, call: call)
        }
    }
}
