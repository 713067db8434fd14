@testable import DataContract
@testable import Definitions
@testable import Evaluation
import XCTest

/// Conditions on distinct values worked out a set at a time (`RowEvaluator.select`), and the
/// compiled condition asked value by value, must both pick exactly the values that the
/// language's rules say yes to, worked out here on `Value`s (`expected(_:_:)`): both read
/// stored cells where they can, so neither is the other's check.
final class KeySetsTests: XCTestCase {
    /// A kept table whose first column holds every kind of value, the second booleans and
    /// missing, the third enum values; keys are all its rows and two values that are no rows.
    private func fixture() -> (RowEvaluator, DistinctValues) {
        let mixed: [Value] = [
            .missing, .symbol(0), .symbol(1), .bool(true), .bool(false), .number(0), .number(-0.0), .number(1),
            .date(Day(ordinal: 1)), .row(0), .text("A"),
        ]
        var kept = KeptRows(width: 3)
        for (i, value) in mixed.enumerated() {
            let flag: Value = i % 3 == 0 ? .missing : .bool(i % 3 == 1)
            kept.append([value, flag, .symbol(Int32(i % 4))])
        }
        let evaluator = RowEvaluator(tables: [kept], project: [], quarter: Quarter("2026Q3")!)
        var subset = DistinctValues()
        for r in stride(from: 0, to: mixed.count, by: 2) { subset.insert(.row(Int32(r))) }
        subset.insert(.number(7))
        evaluator.sets = { _ in subset }
        var keys = DistinctValues()
        for r in mixed.indices { keys.insert(.row(Int32(r))) }
        keys.insert(.number(7))
        keys.insert(.text("x"))
        return (evaluator, keys)
    }

    private func members(_ set: DistinctValues) -> [Value] {
        var all: [Value] = []
        set.forEach { all.append($0) }
        return all.sorted { "\($0)" < "\($1)" }
    }

    func testSetsAgreeWithTheConditionValueByValue() {
        let (evaluator, keys) = fixture()
        let mixed = Expr.keyLookup(table: 0, field: 0)
        let flag = Expr.keyLookup(table: 0, field: 1)
        let band = Expr.keyLookup(table: 0, field: 2)
        let constants: [Value] = [.symbol(0), .symbol(1), .bool(true), .bool(false), .date(Day(ordinal: 1)), .row(0), .number(0), .text("A")]
        var leaves: [Expr] = [
            flag,
            .isMissing(mixed, negated: false), .isMissing(flag, negated: true),
            .inList(band, [.symbol(1), .symbol(3)], negated: false), .inList(band, [.symbol(1), .symbol(3)], negated: true),
            .inList(mixed, [.number(1), .symbol(0)], negated: false),
            .inList(mixed, [.symbol(0), .bool(true)], negated: false), .inList(mixed, [.symbol(0), .bool(true)], negated: true),
            .inList(flag, [.bool(true)], negated: true),
            .inSet(.key, aggregate: 0),
            .compare(.less, mixed, .constant(.number(1))),
        ]
        for constant in constants {
            leaves.append(.compare(.equal, mixed, .constant(constant)))
            leaves.append(.compare(.notEqual, mixed, .constant(constant)))
        }
        var conditions = leaves
        for (i, a) in leaves.enumerated() {
            let b = leaves[(i * 7 + 3) % leaves.count]
            conditions += [.and(a, b), .or(a, b), .not(a), .not(.or(a, .not(b)))]
        }
        for condition in conditions {
            var expected = DistinctValues()
            keys.forEach { if self.expected(condition, $0, evaluator) { expected.insert($0) } }
            let selected = evaluator.select(condition, from: keys)
            XCTAssertEqual(members(selected), members(expected), "\(condition)")
            XCTAssertEqual(selected.count, expected.count, "\(condition)")
            let test = evaluator.condition(condition)
            var compiled = DistinctValues()
            keys.forEach { if test(noRow, $0) { compiled.insert($0) } }
            XCTAssertEqual(members(compiled), members(expected), "compiled: \(condition)")
        }
    }

    /// The conditions above by the language's rules on values: a comparison with a missing
    /// value, or one of another kind, is false; `in` and `not in` are both false for a missing
    /// value; a boolean on its own is true only when it holds true. The leaves' values come from
    /// `RowEvaluator.function`, which decodes the stored cell into a `Value`.
    private func expected(_ condition: Expr, _ key: Value, _ evaluator: RowEvaluator) -> Bool {
        let value = { (e: Expr) in evaluator.function(e)(noRow, key) }
        switch condition {
        case let .and(a, b): return expected(a, key, evaluator) && expected(b, key, evaluator)
        case let .or(a, b): return expected(a, key, evaluator) || expected(b, key, evaluator)
        case let .not(a): return !expected(a, key, evaluator)
        case let .isMissing(e, negated): return value(e).isMissing != negated
        case let .inList(e, list, negated):
            let v = value(e)
            return !v.isMissing && list.contains(v) != negated
        case let .inSet(e, aggregate):
            let v = value(e)
            return !v.isMissing && (evaluator.sets?(aggregate) ?? DistinctValues()).contains(v)
        case let .compare(op, a, b): return RowEvaluator.compare(op, value(a), value(b))
        default: return value(condition) == .bool(true)
        }
    }

    func testGroupsOfEachValueAgreeWithTheGroupFunction() {
        let (evaluator, keys) = fixture()
        for group in [Expr.keyLookup(table: 0, field: 2), .keyLookup(table: 0, field: 0), .key] {
            let groupOf = evaluator.function(group)
            var expected: [String] = []
            keys.forEach { expected.append("\($0) \(groupOf(noRow, $0))") }
            var found: [String] = []
            evaluator.forEach(keys, groupedBy: group) { found.append("\($0) \($1)") }
            XCTAssertEqual(found, expected, "\(group)")
        }
    }

    /// Values other than references come in runs (the quarter of activities listed by date)
    /// and come back after others; each is counted once, as a plain set counts them.
    func testValuesInRunsAndComingBackAreCountedOnce() {
        var values: [Value] = [.number(1), .number(1), .number(2), .number(1), .missing, .number(-0.0), .number(0), .text("A"), .text("A")]
        var state: UInt64 = 7
        for _ in 0..<500 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            let value = Value.number(Double(state >> 60))
            values += Array(repeating: value, count: Int(state >> 62) + 1)
        }
        var set = DistinctValues()
        for value in values { set.insert(value) }
        let expected = Set(values.filter { !$0.isMissing })
        XCTAssertEqual(set.count, expected.count)
        XCTAssertEqual(members(set), expected.sorted { "\($0)" < "\($1)" })
        XCTAssertTrue(set.contains(.number(2)) && !set.contains(.number(99)))
    }
}
