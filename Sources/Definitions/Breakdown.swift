import DataContract
import Yams

/// A group breakdown of evaluation.yaml, compiled: which rows, grouped how, with which rate.
public struct CompiledBreakdown: Sendable {
    public var id: String
    public var name: LocalizedText
    /// What the table counts, in plain words, for the people who read the reports.
    public var description: LocalizedText?
    /// The expressions as written, for analysts (the definitions sheet).
    public var rows: String
    public var by: String
    public var rate: String?
    public var hasRate: Bool
    package let aggregate: Int
    /// For enum groups, the values in enum order (so groups are listed in that order).
    package let labels: [String]?
}

/// One group of a breakdown for one project, for the evaluation quarter.
public struct BreakdownGroup: Sendable, Equatable {
    /// `nil` for rows whose group value is missing (not stated).
    public var label: String?
    /// People (distinct values) or rows in the group.
    public var size: Int
    /// Of those, how many meet the rate's condition.
    public var hits: Int

    package init(label: String? = nil, size: Int, hits: Int) {
        self.label = label
        self.size = size
        self.hits = hits
    }
}

enum BreakdownLoader {
    static func load(_ file: YAMLFile, compiler: Compiler, diagnostics: Diagnostics) -> [CompiledBreakdown] {
        guard let root = file.root.mapping, let node = root["breakdowns"] else { return [] }
        guard let list = node.sequence else {
            diagnostics.add(file.error(node, "breakdowns must be a list of {id, name, rows, by, rate}"))
            return []
        }
        var result: [CompiledBreakdown] = []
        for item in list {
            let compiled = diagnostics.collect { () throws -> CompiledBreakdown in
                let map = try file.mapping(item, "a breakdown")
                file.rejectUnknownKeys(map, allowed: ["id", "name", "description", "rows", "by", "rate"], diagnostics: diagnostics)
                let rowsNode = try file.required(map, "rows", in: item)
                let byNode = try file.required(map, "by", in: item)
                let rows = try file.string(rowsNode, "rows")
                func parse(_ text: String, _ node: Node) throws -> Syntax {
                    do {
                        return try Parser.parse(text)
                    } catch {
                        throw ExpressionLocation.diagnostic(error, node: node, file: file)
                    }
                }
                let by = try file.string(byNode, "by")
                let group = try parse(by, byNode)
                let rateText = try map["rate"].map { try file.string($0, "rate") }
                let rate = try map["rate"].map { try parse(try file.string($0, "rate"), $0) }
                let source: SourceSyntax
                do {
                    source = try Parser.parseSource(rows)
                } catch let error as ExpressionError {
                    throw ExpressionLocation.diagnostic(error, node: rowsNode, file: file)
                }
                var grouped = source
                grouped.group = group
                let compiled: (id: Int, labels: [String]?)
                do {
                    compiled = try compiler.breakdown(grouped, rate: rate)
                } catch let error as ExpressionError {
                    throw ExpressionLocation.diagnostic(error, node: rowsNode, file: file)
                }
                return CompiledBreakdown(
                    id: try file.string(try file.required(map, "id", in: item), "id"),
                    name: try file.localized(try file.required(map, "name", in: item), "name"),
                    description: try map["description"].map { try file.localized($0, "description") }, rows: rows, by: by, rate: rateText,
                    hasRate: rate != nil,
                    aggregate: compiled.id, labels: compiled.labels)
            }
            if let compiled { result.append(compiled) }
        }
        return result
    }
}
