@testable import DataContract
@testable import Definitions
@testable import Evaluation
import Foundation
import FuzzHooks
@testable import Reports
@testable import Scoring
import XCTest

@testable import SampleData

/// Every number path is total: seeded, generated extreme doubles (NaN, ±∞, ±0, subnormals,
/// the largest doubles, 18-digit amounts) through formatting and scoring, each checked
/// against an independent answer (C's printf, 80-bit arithmetic).
final class NumberTotalityTests: XCTestCase {
    /// Seeded (the sample generator's SplitMix64): the same values on every run.
    struct Generator {
        var source: RandomSource

        init(state: UInt64) { source = RandomSource(seed: state) }

        mutating func next() -> UInt64 { source.next() }

        /// Special values, raw bit patterns, any decimal exponent, and whole numbers.
        mutating func extreme() -> Double {
            let specials: [Double] = [
                .nan, .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 0x1p53, 0x1p53 + 2,
                0x1p63, 0x1p64, Double(Int64(999_999_999_999_999_999)), 0.005, 0.125, 2.5,
            ]
            let r = next()
            switch r % 4 {
            case 0: return specials[Int(next() % UInt64(specials.count))]
            case 1: return Double(bitPattern: next())
            case 2:
                let exponent = Double(Int(next() % 630)) - 320
                let mantissa = Double(next() % 1_000_000) / 100_000
                return (r & 8 == 0 ? 1 : -1) * mantissa * pow(10, exponent)
            default: return Double(Int64(bitPattern: next()))
            }
        }
    }

    func testFixedGivesTheDigitsOfEveryFiniteDouble() {
        var random = Generator(state: 2026)
        for _ in 0..<20_000 {
            let value = random.extreme()
            for decimals in 0...4 {
                let text = Fixed.string(value, decimals: decimals)
                guard value.isFinite else {
                    XCTAssertEqual(text, "", "\(value)")
                    continue
                }
                let unit = pow(10, -Double(decimals))
                if abs(value) / unit >= 0x1p63 {
                    // No fraction is lost at this size: printf's exact digits must match.
                    XCTAssertEqual(text, String(format: "%.\(decimals)f", value), "\(value)")
                } else {
                    let back = Double(text) ?? .nan
                    XCTAssertLessThanOrEqual(abs(back - value), unit / 2 * (1 + 1e-12) + abs(value) * 0x1p-50, "\(value) as \(text)")
                }
                XCTAssertFalse(text.hasPrefix("-") && Double(text) == 0, "\(value) as \(text): no negative zero")
            }
        }
    }

    func testFixedAtTheEdges() {
        XCTAssertEqual(Fixed.string(Double(Int64(999_999_999_999_999_999)), decimals: 2), "1000000000000000000.00")
        XCTAssertEqual(Fixed.string(1e20, decimals: 2), "100000000000000000000.00")
        XCTAssertEqual(Fixed.string(1e23, decimals: 0), "99999999999999991611392")
        XCTAssertEqual(Fixed.string(-0x1p64, decimals: 1), "-18446744073709551616.0")
        XCTAssertEqual(Fixed.string(-0.0, decimals: 2), "0.00")
        XCTAssertEqual(Fixed.string(-1e-300, decimals: 1), "0.0")
        XCTAssertEqual(Fixed.string(.leastNonzeroMagnitude, decimals: 4), "0.0000")
        XCTAssertEqual(Fixed.string(.greatestFiniteMagnitude, decimals: 0).count, 309)
        XCTAssertEqual(Fixed.string(.nan, decimals: 2), "")
        XCTAssertEqual(IndicatorDefinition.Format.percent.text(-0x1p1023), "-" + Fixed.wholeDigits(0x1p1023) + "00.0%")
        XCTAssertEqual(IndicatorDefinition.Format.percent.text(0.125), "12.5%")
        XCTAssertEqual(IndicatorDefinition.Format.percent.text(.nan), "—")
        XCTAssertEqual(IndicatorDefinition.Format.number.text(-.infinity), "—")
        XCTAssertEqual(IndicatorDefinition.Format.count.text(1e18), "1000000000000000000")
    }

    func testJSONNumbersReadBackExactlyOrAreNull() {
        var random = Generator(state: 7)
        for _ in 0..<20_000 {
            let value = random.extreme()
            let text = JSONWriter.number(value)
            if value.isFinite {
                XCTAssertEqual(Double(text), value, text)
            } else {
                XCTAssertEqual(text, "null")
            }
        }
    }

    func testScoresAgreeWithEightyBitArithmetic() {
        var random = Generator(state: 14)
        for _ in 0..<20_000 {
            let (value, floor, target) = (random.extreme(), random.extreme(), random.extreme())
            let score = Scorer.score(value: value, floor: floor, target: target)
            guard value.isFinite, floor.isFinite, target.isFinite, floor != target else {
                XCTAssertNil(score, "\(value), \(floor), \(target)")
                continue
            }
            // 80-bit floats hold every double difference without overflow.
            let exact = (Float80(value) - Float80(floor)) / (Float80(target) - Float80(floor))
            let expected = Double(min(max(exact, 0), 1) * 100)
            XCTAssertEqual(score ?? .nan, expected, accuracy: 1e-9, "\(value), \(floor), \(target)")
        }
    }

    func testWeightedMeansSurviveHugeWeights() throws {
        let huge = Double.greatestFiniteMagnitude
        // Every mean of Aggregation.combine, the one place weighted scores are combined.
        func mean(_ method: Aggregation, _ terms: [(weight: Double, score: Double)]) -> Double? { method.combine(terms)?.score }
        XCTAssertEqual(try XCTUnwrap(mean(.arithmetic, [(huge, 100), (huge, 50)])), 75, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(mean(.arithmetic, [(huge, 100), (1, 0)])), 100, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(mean(.arithmetic, [(1, 80), (3, 40)])), 50, accuracy: 1e-12)
        XCTAssertNil(mean(.arithmetic, []))
        // √(100 · 25) = 50 and 2 / (1/100 + 1/25) = 40, whatever the (equal) weights.
        XCTAssertEqual(try XCTUnwrap(mean(.geometric, [(huge, 100), (huge, 25)])), 50, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(mean(.harmonic, [(huge, 100), (huge, 25)])), 40, accuracy: 1e-9)
        XCTAssertEqual(Scorer.ratio([huge], of: [huge, huge]), 0.5, accuracy: 1e-12)
    }

    /// The fuzz target's own checks (`Fuzzing.numbers`), on seeded bytes against the default plan.
    func testTheNumbersFuzzTargetHoldsOnGeneratedInputs() throws {
        let plan = try EvaluationPlan.load(directory: defaultIndicators)
        var random = Generator(state: 65)
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 24 + 3) {
                let value = random.extreme()
                withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
            }
            Fuzzing.numbers(bytes, plan: plan)
        }
    }
}
