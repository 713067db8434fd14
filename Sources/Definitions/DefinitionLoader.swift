import CSVReading
import DataContract
import Foundation
import Yams

/// A definitions folder read and compiled: the schema, the settings, the indicators and
/// breakdowns, and the aggregates their expressions need (numbered as they refer to them).
public struct CompiledDefinitions: Sendable {
    public let schema: Schema
    public let settings: Settings
    public let indicators: [CompiledIndicator]
    public let breakdowns: [CompiledBreakdown]
    public let rollups: [RollupDefinition]
    package let aggregates: [Aggregate]
    /// The definition files read, relative to the definitions folder, sorted.
    public let files: [String]
}

public struct CompiledIndicator: Sendable {
    public let definition: IndicatorDefinition
    package let appliesTo: Expr?
    package let value: Expr
    package let floor: Expr
    package let target: Expr
    /// When the value is one `share(…)`: its aggregate, whose k of n give the Wilson interval
    /// (INDICATORS.md, "Uncertainty").
    package let shareAggregate: Int?

    /// Whether the value is one share, k of n, and so has a sampling error.
    public var isShare: Bool { shareAggregate != nil }
}

/// Reads and compiles a definitions folder, reporting every problem at once.
public enum DefinitionLoader {
    public static let schemaFile = "schema.yaml"
    public static let settingsFile = "evaluation.yaml"
    public static let indicatorFolder = "indicators"

    public static func load(directory: String) throws(DefinitionErrors) -> CompiledDefinitions {
        let diagnostics = Diagnostics()
        func open(_ name: String) -> YAMLFile? {
            diagnostics.collect { try YAMLFile(path: directory + "/" + name, displayPath: name) }
        }
        let schemaYAML = open(schemaFile)
        let settingsYAML = open(settingsFile)
        let schema = schemaYAML.flatMap { SchemaLoader.load($0, diagnostics: diagnostics) }
        let settings = settingsYAML.flatMap { SettingsLoader.load($0, directory: directory, diagnostics: diagnostics) }
        let indicatorFiles = listIndicatorFiles(directory: directory, diagnostics: diagnostics)
        var indicators: [CompiledIndicator] = []
        var aggregates: [Aggregate] = []
        var breakdowns: [CompiledBreakdown] = []
        var rollups: [RollupDefinition] = []
        if let schema, let settings, let settingsYAML {
            let compiler = Compiler(schema: schema, references: settings.references)
            var seen: [String: String] = [:]
            for name in indicatorFiles {
                guard let file = open(indicatorFolder + "/" + name) else { continue }
                guard let indicator = diagnostics.collect({
                    try compileIndicator(file, compiler: compiler, settings: settings, diagnostics: diagnostics)
                }) else { continue }
                if let other = seen[indicator.definition.id] {
                    diagnostics.add(file.error(file.root, "the id '\(indicator.definition.id)' is already used by \(other)"))
                    continue
                }
                seen[indicator.definition.id] = file.path
                indicators.append(indicator)
            }
            breakdowns = BreakdownLoader.load(settingsYAML, compiler: compiler, diagnostics: diagnostics)
            rollups = RollupLoader.load(settingsYAML, registry: schema.registry, diagnostics: diagnostics)
            aggregates = compiler.aggregates
            let order = Dictionary(settings.dimensions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            indicators = indicators.enumerated().sorted {
                (order[$0.element.definition.dimension] ?? 0, $0.offset) < (order[$1.element.definition.dimension] ?? 0, $1.offset)
            }.map(\.element)
        }
        try diagnostics.throwIfAny()
        guard let schema, let settings else {
            // Each failed load added a diagnostic, so this is only a guard against a bug.
            throw DefinitionErrors(diagnostics: [Diagnostic(file: schemaFile, line: 0, column: 0, message: "the schema or the settings could not be loaded")])
        }
        if indicators.isEmpty {
            throw DefinitionErrors(diagnostics: [
                Diagnostic(file: indicatorFolder, line: 0, column: 0, message: "no indicator files (*.yaml) found")
            ])
        }
        return CompiledDefinitions(
            schema: schema, settings: settings, indicators: indicators, breakdowns: breakdowns, rollups: rollups, aggregates: aggregates,
            files: definitionFiles(directory: directory, indicators: indicatorFiles))
    }

    private static func listIndicatorFiles(directory: String, diagnostics: Diagnostics) -> [String] {
        let folder = directory + "/" + indicatorFolder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            diagnostics.add(Diagnostic(file: indicatorFolder, line: 0, column: 0, message: "the folder \(folder) is missing"))
            return []
        }
        // Byte order, not locale order, so every machine lists them alike.
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Every file of the definitions folder that a run depends on, for the manifest.
    private static func definitionFiles(directory: String, indicators: [String]) -> [String] {
        let files = [schemaFile, settingsFile] + indicators.map { indicatorFolder + "/" + $0 }
            + FileSystem.files(under: directory).filter { $0.hasSuffix(".csv") }
        return files.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    static let indicatorKeys: Set<String> = [
        "id", "name", "dimension", "applies_to", "value", "direction", "floor", "target", "weight", "format", "description", "missing",
    ]

    private static func compileIndicator(
        _ file: YAMLFile, compiler: Compiler, settings: Settings, diagnostics: Diagnostics
    ) throws -> CompiledIndicator {
        let root = try file.mapping(file.root, "an indicator")
        file.rejectUnknownKeys(root, allowed: indicatorKeys, diagnostics: diagnostics)
        func text(_ key: String) throws -> (String, Node) {
            let node = try file.required(root, key, in: file.root)
            return (try file.string(node, key), node)
        }
        let id = try text("id").0
        let (dimension, dimensionNode) = try text("dimension")
        if !settings.dimensions.contains(where: { $0.id == dimension }) {
            diagnostics.add(file.error(
                dimensionNode,
                "unknown dimension '\(dimension)'; expected one of: \(settings.dimensions.map(\.id).joined(separator: ", "))"))
        }
        let (directionText, directionNode) = try text("direction")
        let direction = IndicatorDefinition.Direction(rawValue: directionText)
        if direction == nil {
            diagnostics.add(file.error(directionNode, "direction must be 'higher' or 'lower'"))
        }
        let formatNode = root["format"]
        let format = try formatNode.map { node -> IndicatorDefinition.Format in
            guard let f = IndicatorDefinition.Format(rawValue: try file.string(node, "format")) else {
                throw file.error(node, "format must be percent, number or count")
            }
            return f
        } ?? .number
        let weight = try root["weight"].map { try file.number($0, "weight") } ?? 1
        guard weight > 0 else { throw file.error(root["weight"], "weight must be above 0; to retire an indicator, delete its file") }

        func compile(_ key: String, _ body: (Syntax) throws -> Expr) throws -> Expr? {
            guard let node = root[key] else { return nil }
            let source: String
            if let scalar = node.scalar { source = scalar.string } else { throw file.error(node, "\(key) must be an expression") }
            do {
                return try body(try Parser.parse(source))
            } catch let error as ExpressionError {
                throw ExpressionLocation.diagnostic(error, node: node, file: file)
            }
        }
        // Each expression reports its own problem, so one file can show several.
        let value = diagnostics.collect { try compile("value") { try compiler.number($0, in: .indicator) } }
        let floor = diagnostics.collect { try compile("floor") { try compiler.number($0, in: .project) } }
        let target = diagnostics.collect { try compile("target") { try compiler.number($0, in: .project) } }
        let appliesTo = diagnostics.collect { try compile("applies_to") { try compiler.condition($0, in: .project) } }
        for key in ["value", "floor", "target"] where root[key] == nil {
            diagnostics.add(file.error(file.root, "missing key '\(key)'"))
        }
        guard let value = value ?? nil, let floor = floor ?? nil, let target = target ?? nil, let appliesTo, let direction,
            settings.dimensions.contains(where: { $0.id == dimension })
        else {
            // Each problem is already collected above.
            throw DefinitionErrors(diagnostics: [])
        }
        if case let .constant(.number(f)) = floor, case let .constant(.number(t)) = target {
            if f == t { throw file.error(root["target"], "floor and target are equal, so no score can be computed") }
            if (direction == .higher) != (t > f) {
                throw file.error(
                    directionNode,
                    "direction '\(directionText)' does not fit floor \(f) and target \(t): "
                        + "for 'higher' the target is above the floor, for 'lower' below it")
            }
        }
        let definition = IndicatorDefinition(
            id: id, name: try file.localized(try file.required(root, "name", in: file.root), "name"), dimension: dimension,
            appliesTo: root["applies_to"]?.scalar?.string, value: root["value"]!.scalar!.string, direction: direction,
            floor: root["floor"]!.scalar!.string, target: root["target"]!.scalar!.string, weight: weight, format: format,
            description: try root["description"].map { try file.localized($0, "description") },
            missing: try root["missing"].map { try file.localized($0, "missing") }, file: file.path)
        return CompiledIndicator(
            definition: definition, appliesTo: appliesTo, value: value, floor: floor, target: target,
            shareAggregate: shareAggregate(of: value, compiler: compiler))
    }

    /// The `share` aggregate a value is, itself or behind a `when_any(rows, …)` guard (which
    /// only says when there is no data); `nil` for any other value.
    private static func shareAggregate(of value: Expr, compiler: Compiler) -> Int? {
        switch value {
        case let .aggregate(id): return compiler.aggregates[id].function == .share ? id : nil
        case let .call(.whenAny, arguments): return arguments.last.flatMap { shareAggregate(of: $0, compiler: compiler) }
        default: return nil
        }
    }
}
