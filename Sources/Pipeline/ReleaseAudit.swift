import DataContract
import Evaluation
import Foundation
import Results

/// `outcome-eval check-release`: reads a report folder's results.json as any reader would and
/// performs `DisclosureAttack` on every breakdown it publishes. `run` does the same to its
/// new report before it takes the old one's place.
public enum ReleaseAudit {
    /// A hidden group that can be worked out.
    public struct Leak: Sendable, Equatable, CustomStringConvertible {
        public var project: String
        public var breakdown: String
        /// `nil` for the "not stated" group.
        public var group: String?
        public var value: DisclosureAttack.Finding.Value

        public var description: String {
            let what: String
            switch value {
            case let .count(n): what = "count \(n)"
            case let .rate(r): what = "rate \(Fixed.string(r * 100, decimals: 1)) %"
            }
            return "\(project) / \(breakdown) / \(group ?? "(not stated)"): \(what)"
        }
    }

    /// Every leak of `folder/results.json`, by project id, breakdown id, then group order.
    public static func leaks(in folder: String) throws(RunError) -> [Leak] {
        let path = folder + "/results.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .inputMissing("\(path): no results.json there. Pass the folder of a report, e.g. Reports/2026Q3.")
        }
        let results: Released
        do {
            results = try JSONDecoder().decode(Released.self, from: data)
        } catch {
            throw .badData(["\(path): not a results.json this tool reads (\(describe(error)))."])
        }
        guard (1...Int(Int32.max)).contains(results.smallCellThreshold) else {
            throw .badData(["\(path): small_cell_threshold is not a count from 1 to \(Int32.max)."])
        }
        var leaks: [Leak] = []
        for (project, released) in results.projects.sorted(by: { $0.key < $1.key }) {
            for (id, breakdown) in (released.breakdowns ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let breakdown else { continue }
                let published = try breakdown.published(at: "\(path): \(project)/\(id)")
                leaks += DisclosureAttack.findings(published, threshold: results.smallCellThreshold).map {
                    Leak(project: project, breakdown: id, group: published.groups[$0.group].label, value: $0.value)
                }
            }
        }
        return leaks
    }

    /// Fails when a hidden group of `folder`'s report can be worked out, naming each one.
    static func requireSafe(_ folder: String) throws(RunError) {
        let found = try leaks(in: folder)
        guard !found.isEmpty else { return }
        throw .badData(
            found.map { "hidden group can be worked out: \($0)" }
                + [
                    "The report was not replaced: its breakdowns would disclose these groups. "
                        + "Keep complementary_suppression on in evaluation.yaml, or raise small_cell_threshold."
                ])
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, context): return "no \(key.stringValue) at \(codingPath(context))"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context), let DecodingError.dataCorrupted(context):
            return "\(context.debugDescription) at \(codingPath(context))"
        default: return "\(error)"
        }
    }

    private static func codingPath(_ context: DecodingError.Context) -> String {
        context.codingPath.isEmpty ? "the top" : context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: "/")
    }

    // The parts of results.json the audit reads.
    private struct Released: Decodable {
        var smallCellThreshold: Int
        var projects: [String: Project]

        enum CodingKeys: String, CodingKey {
            case smallCellThreshold = "small_cell_threshold"
            case projects
        }

        struct Project: Decodable {
            var breakdowns: [String: Breakdown?]?
        }
    }

    private struct Breakdown: Decodable {
        var total: Int?
        var hits: Int?
        var groups: [Group]

        struct Group: Decodable {
            var group: String?
            var count: Int?
            var suppressed: Bool
            var reason: String?
            var share: Double?
            var rate: Double?
        }

        /// As the library's value; a group that is neither shown nor hidden with a known reason is an error.
        func published(at place: String) throws(RunError) -> PublishedBreakdown {
            // The attack adds and subtracts counts: keep them in a range where that cannot overflow.
            let counts = [total, hits] + self.groups.map(\.count)
            guard counts.allSatisfy({ ($0 ?? 0) >= 0 && ($0 ?? 0) <= Int(Int32.max) }),
                self.groups.allSatisfy({ g in g.rate.map { $0.isFinite && (0...1).contains($0) } ?? true })
            else {
                throw .badData(["\(place): a count is not a whole number from 0 to \(Int32.max), or a rate is not from 0 to 1."])
            }
            var groups: [PublishedBreakdown.Group] = []
            for (i, g) in self.groups.enumerated() {
                let suppression = g.reason.flatMap(PublishedBreakdown.Suppression.init(rawValue:))
                guard g.suppressed == (suppression != nil), g.suppressed == (g.count == nil), g.reason == nil || suppression != nil else {
                    throw .badData(["\(place): group \(i + 1) is neither shown with a count nor suppressed with reason small_cell or complementary."])
                }
                groups.append(PublishedBreakdown.Group(label: g.group, count: g.count, suppression: suppression, share: g.share, rate: g.rate))
            }
            return PublishedBreakdown(total: total, hits: hits, hasRate: hits != nil, groups: groups)
        }
    }
}
