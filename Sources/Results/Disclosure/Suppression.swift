import Definitions

extension PublishedBreakdown.Suppression {
    /// Most combinations of further groups tried before hiding every group instead: far more
    /// than any real breakdown needs (25 districts, three more groups: 2,300), and a bound on
    /// the time of a pathological one.
    static let searchLimit = 100_000

    /// Complementary suppression: `primary` plus the fewest shown groups that leave nothing
    /// to work out (`DisclosureAttack`); among as many groups, those with the smallest sum,
    /// then the earliest. `nil` when even hiding every group is not enough (the breakdown is
    /// then withheld).
    static func complementaryCells(_ tallies: [BreakdownGroup], primary: [Self?], hasRate: Bool, rule: DisclosureRule) -> [Self?]? {
        func safe(_ hidden: [Self?]) -> Bool {
            DisclosureAttack.findings(PublishedBreakdown(tallies, hidden: hidden, hasRate: hasRate), threshold: rule.threshold).isEmpty
        }
        if safe(primary) { return primary }
        let everything = primary.map { $0 ?? .complementary }
        guard safe(everything) else { return nil }
        let candidates = primary.indices.filter { primary[$0] == nil }.sorted { (tallies[$0].size, $0) < (tallies[$1].size, $1) }
        var tried = 0
        for size in 1..<max(candidates.count, 1) {
            guard let choices = combinations(of: candidates.count, choosing: size, limit: searchLimit - tried) else { break }
            tried += choices.count
            func sum(_ choice: [Int]) -> Int { choice.reduce(0) { $0 + tallies[candidates[$1]].size } }
            let ordered = choices.sorted { a, b in sum(a) != sum(b) ? sum(a) < sum(b) : a.lexicographicallyPrecedes(b) }
            for choice in ordered {
                var hidden = primary
                for c in choice { hidden[candidates[c]] = .complementary }
                if safe(hidden) { return hidden }
            }
        }
        return everything
    }

    /// Every way to choose `k` of `0..<n`, in lexicographic order; `nil` when there are more than `limit`.
    static func combinations(of n: Int, choosing k: Int, limit: Int) -> [[Int]]? {
        var result: [[Int]] = []
        var current = Array(0..<k)
        while true {
            guard result.count < limit else { return nil }
            result.append(current)
            var i = k - 1
            while i >= 0 && current[i] == n - k + i { i -= 1 }
            guard i >= 0 else { return result }
            current[i] += 1
            for j in (i + 1)..<k { current[j] = current[j - 1] + 1 }
        }
    }
}
