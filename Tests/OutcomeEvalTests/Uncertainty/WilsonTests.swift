@testable import Uncertainty
import XCTest

/// The Wilson interval of INDICATORS.md, against values worked out by hand from its formula.
final class WilsonTests: XCTestCase {
    let z = 1.959963984540054
    var z2: Double { z * z }

    /// k = 0: p = 0, so centre = half = (z²/2n)/(1 + z²/n); low 0, high z²/(n + z²).
    func testNoHits() {
        let interval = WilsonInterval(hits: 0, of: 10, z: z)
        XCTAssertEqual(interval.low, 0)
        XCTAssertEqual(interval.high, z2 / (10 + z2), accuracy: 1e-15)
        XCTAssertEqual(interval.high, 0.27753, accuracy: 1e-5)
    }

    /// k = n: the mirror image, low n/(n + z²), high 1.
    func testAllHits() {
        let interval = WilsonInterval(hits: 10, of: 10, z: z)
        XCTAssertEqual(interval.low, 10 / (10 + z2), accuracy: 1e-15)
        XCTAssertEqual(interval.low, 0.72247, accuracy: 1e-5)
        XCTAssertEqual(interval.high, 1, accuracy: 1e-15)
    }

    /// n = 1: one case says little; 1 of 1 gives 1/(1 + z²) to 1, 0 of 1 gives 0 to z²/(1 + z²).
    func testOneCase() {
        let one = WilsonInterval(hits: 1, of: 1, z: z)
        XCTAssertEqual(one.low, 1 / (1 + z2), accuracy: 1e-15)
        XCTAssertEqual(one.low, 0.20655, accuracy: 1e-5)
        XCTAssertEqual(one.high, 1, accuracy: 1e-15)
        let none = WilsonInterval(hits: 0, of: 1, z: z)
        XCTAssertEqual(none.low, 0)
        XCTAssertEqual(none.high, 0.79345, accuracy: 1e-5)
    }

    /// 4 of 12, the example 33.3 % (13.8–60.9 %): centre (1/3 + z²/24)/(1 + z²/12)
    /// = 0.373755, half 1.96·√(2/27/12 + z²/576)/(1 + z²/12) = 0.235629.
    func testMiddleCase() {
        let interval = WilsonInterval(hits: 4, of: 12, z: z)
        XCTAssertEqual(interval.low, 0.13812, accuracy: 1e-5)
        XCTAssertEqual(interval.high, 0.60938, accuracy: 1e-5)
    }

    func testLevelGivesZ() {
        XCTAssertEqual(WilsonInterval.z(level: 0.95), 1.959963984540054)
        // Tables of the normal distribution (and Python's statistics.NormalDist).
        XCTAssertEqual(WilsonInterval.z(level: 0.99), 2.5758293035489, accuracy: 1e-12)
        XCTAssertEqual(WilsonInterval.z(level: 0.90), 1.6448536269514715, accuracy: 1e-12)
        XCTAssertEqual(WilsonInterval.z(level: 0.999), 3.2905267314919255, accuracy: 1e-12)
        XCTAssertEqual(WilsonInterval.inverseNormal(0.975), 1.959963984540054, accuracy: 1e-13)
    }
}
