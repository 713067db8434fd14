@testable import Uncertainty
import XCTest

/// The generators against their authors' published outputs, and the Beta sampler's moments.
final class RandomTests: XCTestCase {
    /// SplitMix64 seeded with 1234567: the first outputs of Vigna's reference splitmix64.c.
    func testSplitMix64MatchesTheReference() {
        var generator = SplitMix64(state: 1_234_567)
        XCTAssertEqual(
            (0..<5).map { _ in generator.next() },
            [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423, 4_593_380_528_125_082_431, 16_408_922_859_458_223_821])
    }

    /// xoshiro256** from the state {1, 2, 3, 4}: the first outputs of the reference xoshiro256starstar.c.
    func testXoshiroMatchesTheReference() {
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        XCTAssertEqual((0..<4).map { _ in generator.next() }, [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
    }

    func testStreamsDifferAndRepeat() {
        var a = Xoshiro256StarStar(seed: 2026, stream: 0)
        var b = Xoshiro256StarStar(seed: 2026, stream: 1)
        var c = Xoshiro256StarStar(seed: 2026, stream: 0)
        let first = (0..<4).map { _ in a.next() }
        XCTAssertNotEqual(first, (0..<4).map { _ in b.next() })
        XCTAssertEqual(first, (0..<4).map { _ in c.next() })
    }

    /// Mean a/(a+b) and variance ab/((a+b)²(a+b+1)) over 40,000 draws, within 5 standard
    /// errors, for shapes below and above 1 (k = 0 gives ½).
    func testBetaHasItsMeanAndVariance() {
        var random = Xoshiro256StarStar(seed: 17)
        for (a, b) in [(0.5, 10.5), (3.5, 9.5), (40.5, 2.5)] {
            let sampler = BetaSampler(a, b)
            let n = 40_000
            let draws = (0..<n).map { _ in sampler.sample(&random) }
            let mean = draws.reduce(0, +) / Double(n)
            let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
            let expectedMean = a / (a + b)
            let expectedVariance = a * b / ((a + b) * (a + b) * (a + b + 1))
            XCTAssertTrue(draws.allSatisfy { $0 > 0 && $0 < 1 })
            XCTAssertEqual(mean, expectedMean, accuracy: 5 * (expectedVariance / Double(n)).squareRoot(), "Beta(\(a), \(b))")
            // The variance of a sample variance is below 2σ⁴/n·(1 + kurtosis excess) — 3σ²·√(2/n) is ample.
            XCTAssertEqual(variance, expectedVariance, accuracy: 5 * expectedVariance * (2.0 / Double(n)).squareRoot() * 2, "Beta(\(a), \(b))")
        }
    }
}
