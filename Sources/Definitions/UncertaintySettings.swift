import Yams

/// How sure a score and a rank are (INDICATORS.md, "Uncertainty"): `uncertainty:` of
/// `evaluation.yaml`.
public struct UncertaintySettings: Sendable, Equatable {
    /// Monte Carlo runs of the scoring for the rank ranges.
    public var draws = 1000
    /// The generator's seed: the same seed gives the same ranges on every machine.
    public var seed: UInt64 = 2026
    /// Each weight is multiplied by a factor drawn uniformly from [1 − s, 1 + s].
    public var weightSpread = 0.5
    /// Confidence level of the shares' Wilson intervals.
    public var level = 0.95

    public init() {}
}

enum UncertaintySettingsLoader {
    static let keys: Set<String> = ["draws", "seed", "weight_spread", "level"]

    /// Reads `uncertainty:`; every key is optional and defaults to the spec's value.
    static func load(_ node: Node?, file: YAMLFile, diagnostics: Diagnostics) throws -> UncertaintySettings {
        var settings = UncertaintySettings()
        guard let node else { return settings }
        let map = try file.mapping(node, "uncertainty")
        file.rejectUnknownKeys(map, allowed: keys, diagnostics: diagnostics)
        if let draws = map["draws"] {
            settings.draws = try file.int(draws, "draws")
            // A million draws already take seconds a project; more is a typo.
            guard (1...1_000_000).contains(settings.draws) else { throw file.error(draws, "draws must be a whole number from 1 to 1000000") }
        }
        if let seed = map["seed"] {
            guard let scalar = seed.scalar, let value = UInt64(scalar.string) else {
                throw file.error(seed, "seed must be a whole number from 0 to 18446744073709551615")
            }
            settings.seed = value
        }
        if let spread = map["weight_spread"] {
            settings.weightSpread = try file.number(spread, "weight_spread")
            // At 1 a weight could be drawn as 0 and leave a dimension without weight.
            guard (0..<1).contains(settings.weightSpread) else { throw file.error(spread, "weight_spread must be at least 0 and below 1") }
        }
        if let level = map["level"] {
            settings.level = try file.number(level, "level")
            guard settings.level > 0, settings.level < 1 else { throw file.error(level, "level must be above 0 and below 1, e.g. 0.95") }
        }
        return settings
    }
}
