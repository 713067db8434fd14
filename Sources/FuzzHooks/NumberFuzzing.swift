import DataContract
import Definitions
import Evaluation
import Reports
import Scoring

extension Fuzzing {
    /// Every number path from a value to its text and score, over the doubles the bytes spell
    /// (8 bytes each, as bit patterns: NaN, ±∞, subnormals and −0 included, and as whole
    /// numbers): formatting for report.txt, the CSVs and results.json, indicator scores, and
    /// the dimension and overall scores of the plan. None may trap, and each answer must be
    /// in its range.
    public static func numbers(_ bytes: [UInt8], plan: EvaluationPlan) {
        var doubles: [Double] = []
        var offset = 0
        while offset + 8 <= bytes.count {
            var bits: UInt64 = 0
            for byte in bytes[offset..<offset + 8].reversed() { bits = bits << 8 | UInt64(byte) }
            doubles += [Double(bitPattern: bits), Double(Int64(bitPattern: bits))]
            offset += 8
        }
        for value in doubles { format(value) }
        guard doubles.count >= 3 else { return }
        var outcomes: [IndicatorOutcome] = []
        for i in plan.indicators.indices {
            let (value, floor, target) = (doubles[i % doubles.count], doubles[(i + 1) % doubles.count], doubles[(i + 2) % doubles.count])
            let score = Scorer.score(value: value, floor: floor, target: target)
            if let score { precondition((0...100).contains(score), "score \(score) of \(value), \(floor), \(target)") }
            precondition((score == nil) == (!value.isFinite || !floor.isFinite || !target.isFinite || floor == target))
            outcomes.append(i % 5 == 4 ? .notComputable(.notFinite(.value)) : .value(value, floor: floor, target: target, share: nil))
        }
        let scores = Scorer.scores(outcomes, plan: plan)
        for dimension in scores.dimensions {
            if let s = dimension.score { precondition((0...100).contains(s), "dimension score \(s)") }
            if let c = dimension.coverage { precondition((0...1).contains(c), "coverage \(c)") }
        }
        if let overall = scores.overall { precondition((0...100).contains(overall), "overall \(overall)") }
    }

    /// Text for every format: digits that read back as the value, rounded to the decimals
    /// (nothing for NaN and ±∞); JSON that reads back exactly.
    private static func format(_ value: Double) {
        var unit = 1.0
        for decimals in 0...4 {
            let text = Fixed.string(value, decimals: decimals)
            defer { unit /= 10 }
            guard value.isFinite else {
                precondition(text.isEmpty)
                continue
            }
            let parts = text.drop { $0 == "-" }.split(separator: ".", omittingEmptySubsequences: false)
            precondition(parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }, text)
            precondition(parts.count == (decimals == 0 ? 1 : 2) && (decimals == 0 || parts[1].count == decimals), text)
            guard let back = Double(text) else { preconditionFailure(text) }
            precondition(abs(back - value) <= unit / 2 * (1 + 0x1p-40) + abs(value) * 0x1p-50, "\(value) as \(text)")
        }
        for format in [IndicatorDefinition.Format.percent, .count, .number] {
            precondition(!format.text(value).isEmpty)
        }
        let json = JSONWriter.number(value)
        precondition(value.isFinite ? Double(json) == value : json == "null", "\(value) as JSON: \(json)")
    }
}
