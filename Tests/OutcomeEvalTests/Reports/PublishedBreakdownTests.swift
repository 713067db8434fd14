@testable import Definitions
@testable import Results
import XCTest

/// Complementary suppression on hand-made tables. Each expected table was worked out by hand
/// (the reasoning is beside it); the attack then confirms nothing in it can be worked out.
final class PublishedBreakdownTests: XCTestCase {
    let rule = DisclosureRule(threshold: 5, complementary: true)

    private func groups(_ sizes: [(String?, Int)], hits: [Int]? = nil) -> [BreakdownGroup] {
        sizes.enumerated().map { i, g in BreakdownGroup(label: g.0, size: g.1, hits: hits?[i] ?? 0) }
    }

    private func reasons(_ b: PublishedBreakdown) -> [PublishedBreakdown.Suppression?] { b.groups.map(\.suppression) }

    /// A 20, B 3, C 12, total 35: B alone would be 35 − 20 − 12 = 3. Hiding C (the smallest
    /// shown) leaves B + C = 15 with B in 1…4 and C at least 5: B 1…4, C 11…14.
    func testOneHiddenGroupAndThePublishedTotalNeedAComplement() {
        let b = PublishedBreakdown(groups: groups([("A", 20), ("B", 3), ("C", 12)]), hasRate: false, rule: rule)
        XCTAssertEqual(b.total, 35)
        XCTAssertEqual(reasons(b), [nil, .smallCell, .complementary])
        XCTAssertEqual(b.groups.map(\.count), [20, nil, nil])
        XCTAssertEqual(b.groups.map(\.share), [1.0, nil, nil], "shares are of the shown groups")
        XCTAssertEqual(DisclosureAttack.findings(b, threshold: 5), [])
    }

    /// A 50, D 9, B 4, C 4, total 67: B + C = 8 with each at most 4 makes both 4. D (9, the
    /// smallest shown) goes too: B + C + D = 17, B and C 1…4, D 9…15.
    func testTwoHiddenGroupsThatMustEachBeFourNeedAComplement() {
        let tallies = groups([("A", 50), ("D", 9), ("B", 4), ("C", 4)])
        let primary = PublishedBreakdown(groups: tallies, hasRate: false, rule: DisclosureRule(threshold: 5, complementary: false))
        XCTAssertEqual(DisclosureAttack.findings(primary, threshold: 5), [.init(group: 2, value: .count(4)), .init(group: 3, value: .count(4))])
        let b = PublishedBreakdown(groups: tallies, hasRate: false, rule: rule)
        XCTAssertEqual(reasons(b), [nil, .complementary, .smallCell, .smallCell])
        XCTAssertEqual(DisclosureAttack.findings(b, threshold: 5), [])
    }

    /// A 30, B 2, C 3, D 20, total 55: B + C = 5, each 1…4, so either is anything from 1 to 4.
    func testPrimarySuppressionAloneAlreadySafeAddsNothing() {
        let b = PublishedBreakdown(groups: groups([("A", 30), ("B", 2), ("C", 3), ("D", 20)]), hasRate: false, rule: rule)
        XCTAssertEqual(reasons(b), [nil, .smallCell, .smallCell, nil])
        XCTAssertEqual(b.groups.compactMap(\.share), [0.6, 0.4])
    }

    /// 2, 3 and 4 (total 9): three groups of 1…4 summing to 9 leave each 1…4; nothing to add.
    /// 4 and 4 (total 8): both are 4 whatever is hidden, so the breakdown is withheld.
    func testEverySmallGroup() {
        let safe = PublishedBreakdown(groups: groups([("A", 2), ("B", 3), (nil, 4)]), hasRate: false, rule: rule)
        XCTAssertEqual(reasons(safe), [.smallCell, .smallCell, .smallCell])
        XCTAssertEqual(safe.total, 9)
        XCTAssertNil(safe.groups[2].label, "the not-stated group is a cell like any other")
        let pinned = PublishedBreakdown(groups: groups([("A", 4), ("B", 4)]), hasRate: false, rule: rule)
        XCTAssertTrue(pinned.withheld)
        XCTAssertEqual(pinned.groups, [])
    }

    /// The not-stated group is hidden, and used as a complement, like any other.
    func testTheNotStatedGroupCanBeTheComplement() {
        let b = PublishedBreakdown(groups: groups([("F", 56), ("M", 49), ("X", 3), (nil, 6)]), hasRate: false, rule: rule)
        XCTAssertEqual(reasons(b), [nil, nil, .smallCell, .complementary])
    }

    /// Proposals by income band, with the number decided (35) and adopted (13) published
    /// through proposal_adoption and its n. low (3, 0 adopted) would be 35 − 20 − 12 = 3;
    /// high (12) hides it, and the 5 adopted of low + high may lie anywhere in them.
    func testAdoptionBreakdownWithItsProposalsCountPublished() {
        let b = PublishedBreakdown(groups: groups([("low", 3), ("middle", 20), ("high", 12)], hits: [0, 8, 5]), hasRate: true, rule: rule)
        XCTAssertEqual(b.total, 35)
        XCTAssertEqual(b.hits, 13)
        XCTAssertEqual(reasons(b), [.smallCell, nil, .complementary])
        XCTAssertEqual(b.groups.map(\.rate), [nil, 0.4, nil], "no suppressed group shows a rate")
    }

    /// As above, but high adopted none: with high hidden, the hidden groups' adopted are
    /// 8 − 8 = 0, so both would show a rate of 0. One complement is still enough: middle, the
    /// next smallest, instead of high. low + middle = 23 (low 1…4), and their 8 adopted may
    /// lie in either.
    func testAdoptionWhereTheHiddenGroupsWouldAllShowNone() {
        let tallies = groups([("low", 3), ("middle", 20), ("high", 12)], hits: [0, 8, 0])
        let once = PublishedBreakdown(tallies, hidden: [.smallCell, nil, .complementary], hasRate: true)
        XCTAssertEqual(DisclosureAttack.findings(once, threshold: 5), [.init(group: 0, value: .rate(0)), .init(group: 2, value: .rate(0))])
        let b = PublishedBreakdown(groups: tallies, hasRate: true, rule: rule)
        XCTAssertEqual(reasons(b), [.smallCell, .complementary, nil])
        XCTAssertEqual(DisclosureAttack.findings(b, threshold: 5), [])
    }

    /// Of several shown groups, the smallest goes first; of equal ones, the earliest.
    func testTheSmallestShownGroupIsChosen() {
        let b = PublishedBreakdown(groups: groups([("A", 30), ("B", 9), ("C", 2), ("D", 7), ("E", 7)]), hasRate: false, rule: rule)
        XCTAssertEqual(reasons(b), [nil, nil, .smallCell, .complementary, nil])
    }

    func testWithComplementarySuppressionOffOnlySmallGroupsAreHidden() {
        let b = PublishedBreakdown(
            groups: groups([("A", 20), ("B", 3), ("C", 12)]), hasRate: false, rule: DisclosureRule(threshold: 5, complementary: false))
        XCTAssertEqual(reasons(b), [nil, .smallCell, nil])
        XCTAssertEqual(DisclosureAttack.findings(b, threshold: 5), [.init(group: 1, value: .count(3))])
    }
}
