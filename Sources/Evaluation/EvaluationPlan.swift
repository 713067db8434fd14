import DataContract
import Definitions

/// Everything needed to evaluate a data set: the compiled definitions, and the feeds that
/// the table scans fill for their aggregates.
public struct EvaluationPlan: Sendable {
    public let schema: Schema
    public let settings: Settings
    public let indicators: [CompiledIndicator]
    public let breakdowns: [CompiledBreakdown]
    public let rollups: [RollupDefinition]
    /// The definition files read, relative to the definitions folder, sorted.
    public let files: [String]
    package let aggregates: [Aggregate]
    package let feeds: [Feed]
    /// By aggregate: the number of the feed it reads.
    package let feedOfAggregate: [Int]

    /// Aggregates with equal keys (the same rows, values, groups and conditions) share one
    /// feed, numbered in the order the aggregates first need them.
    public init(_ definitions: CompiledDefinitions) {
        schema = definitions.schema
        settings = definitions.settings
        indicators = definitions.indicators
        breakdowns = definitions.breakdowns
        rollups = definitions.rollups
        files = definitions.files
        aggregates = definitions.aggregates
        var feeds: [Feed] = []
        var numbers: [String: Int] = [:]
        feedOfAggregate = aggregates.map { aggregate in
            let key = Feed.key(of: aggregate)
            if let shared = numbers[key] { return shared }
            feeds.append(Feed(of: aggregate))
            numbers[key] = feeds.count - 1
            return feeds.count - 1
        }
        self.feeds = feeds
    }

    /// Reads, compiles and plans a definitions folder.
    public static func load(directory: String) throws(DefinitionErrors) -> EvaluationPlan {
        EvaluationPlan(try DefinitionLoader.load(directory: directory))
    }

    /// The feeds over each table (by schema table index), as (plan number, feed).
    func feeds(over table: Int) -> [(id: Int, feed: Feed)] {
        feeds.enumerated().filter { $0.element.table == table }.map { ($0.offset, $0.element) }
    }
}
