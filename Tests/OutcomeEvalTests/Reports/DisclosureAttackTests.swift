@testable import Results
import XCTest

/// The attack on published tables, as a reader would make it. Expected values by hand.
final class DisclosureAttackTests: XCTestCase {
    private func gender(total: Int) -> PublishedBreakdown {
        PublishedBreakdown(total: total, hits: nil, hasRate: false, groups: [
            .init(label: "F", count: 56, suppression: nil, share: nil, rate: nil),
            .init(label: "M", count: 49, suppression: nil, share: nil, rate: nil),
            .init(label: "X", count: nil, suppression: .smallCell, share: nil, rate: nil),
            .init(label: nil, count: nil, suppression: .smallCell, share: nil, rate: nil),
        ])
    }

    /// mapo-village's gender table of the issue: F 56, M 49 and two groups under 5.
    func testTwoSmallGroupsAgainstTheTotal() {
        // 110: X + unstated = 5, each 1…4: open.
        XCTAssertEqual(DisclosureAttack.findings(gender(total: 110), threshold: 5), [])
        // 113: they add up to 8, so both are 4.
        XCTAssertEqual(DisclosureAttack.findings(gender(total: 113), threshold: 5), [.init(group: 2, value: .count(4)), .init(group: 3, value: .count(4))])
        // 107: they add up to 2, so both are 1.
        XCTAssertEqual(DisclosureAttack.findings(gender(total: 107), threshold: 5), [.init(group: 2, value: .count(1)), .init(group: 3, value: .count(1))])
        // 111: 6 = 2 + 4 … 4 + 2: open.
        XCTAssertEqual(DisclosureAttack.findings(gender(total: 111), threshold: 5), [])
    }

    /// A complementary group is at least the threshold: with 6 hidden, a small group and a
    /// complementary one can only be 1 and 5.
    func testAComplementaryGroupIsAtLeastTheThreshold() {
        let b = PublishedBreakdown(total: 26, hits: nil, hasRate: false, groups: [
            .init(label: "A", count: 20, suppression: nil, share: nil, rate: nil),
            .init(label: "B", count: nil, suppression: .smallCell, share: nil, rate: nil),
            .init(label: "C", count: nil, suppression: .complementary, share: nil, rate: nil),
        ])
        XCTAssertEqual(DisclosureAttack.findings(b, threshold: 5), [.init(group: 1, value: .count(1)), .init(group: 2, value: .count(5))])
    }

    /// All hidden groups adopted everything they proposed: 10 − 4 = 6 adopted of 6 hidden.
    /// When every proposal was adopted, the total says so already, and the groups add nothing.
    func testRatesOfHiddenGroupsFromTheHits() {
        func table(hits: Int, shownRate: Double) -> PublishedBreakdown {
            PublishedBreakdown(total: 16, hits: hits, hasRate: true, groups: [
                .init(label: "A", count: 10, suppression: nil, share: nil, rate: shownRate),
                .init(label: "B", count: nil, suppression: .smallCell, share: nil, rate: nil),
                .init(label: "C", count: nil, suppression: .smallCell, share: nil, rate: nil),
            ])
        }
        XCTAssertEqual(DisclosureAttack.findings(table(hits: 10, shownRate: 0.4), threshold: 5), [.init(group: 1, value: .rate(1)), .init(group: 2, value: .rate(1))])
        XCTAssertEqual(DisclosureAttack.findings(table(hits: 9, shownRate: 0.4), threshold: 5), [])
        XCTAssertEqual(DisclosureAttack.findings(table(hits: 16, shownRate: 1), threshold: 5), [])
    }

    func testAWithheldOrFullyShownTableDisclosesNothingHidden() {
        XCTAssertEqual(DisclosureAttack.findings(PublishedBreakdown(total: nil, hits: nil, hasRate: false, groups: []), threshold: 5), [])
        let shown = PublishedBreakdown(total: 12, hits: nil, hasRate: false, groups: [.init(label: "A", count: 12, suppression: nil, share: 1, rate: nil)])
        XCTAssertEqual(DisclosureAttack.findings(shown, threshold: 5), [])
    }
}
