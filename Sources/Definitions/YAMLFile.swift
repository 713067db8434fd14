import DataContract
import Foundation
import Yams

/// A YAML definition file and typed access to its nodes, with every error located.
struct YAMLFile {
    let path: String
    let text: String
    let root: Node

    init(path: String, displayPath: String) throws {
        self.path = displayPath
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(file: displayPath, line: 0, column: 0, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(file: displayPath, line: 1, column: 1, message: "the file is not UTF-8 text")
        }
        self.text = text
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw Diagnostic(file: displayPath, line: 1, column: 1, message: "the file is empty")
            }
            root = node
        } catch let error as YamlError {
            throw YAMLFile.diagnostic(from: error, file: displayPath)
        }
    }

    private static func diagnostic(from error: YamlError, file: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
            return Diagnostic(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(what)")
        default:
            return Diagnostic(file: file, line: 1, column: 1, message: "YAML: \(error)")
        }
    }

    func error(_ node: Node?, _ message: String) -> Diagnostic {
        Diagnostic(file: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message)
    }

    func mapping(_ node: Node, _ what: String) throws -> Node.Mapping {
        guard let mapping = node.mapping else { throw error(node, "\(what) must be a mapping (key: value)") }
        return mapping
    }

    /// The value at `key`, or an error naming the key when it is absent.
    func required(_ mapping: Node.Mapping, _ key: String, in node: Node) throws -> Node {
        guard let value = mapping[key] else { throw error(node, "missing key '\(key)'") }
        return value
    }

    func string(_ node: Node, _ what: String) throws -> String {
        guard let scalar = node.scalar else { throw error(node, "\(what) must be a single value") }
        return scalar.string
    }

    func number(_ node: Node, _ what: String) throws -> Double {
        guard let scalar = node.scalar, let value = Double(scalar.string), value.isFinite else {
            throw error(node, "\(what) must be a number")
        }
        return value
    }

    func int(_ node: Node, _ what: String) throws -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string) else {
            throw error(node, "\(what) must be a whole number")
        }
        return value
    }

    func bool(_ node: Node, _ what: String) throws -> Bool {
        guard let scalar = node.scalar, let value = Bool(scalar.string) else {
            throw error(node, "\(what) must be true or false")
        }
        return value
    }

    func strings(_ node: Node, _ what: String) throws -> [String] {
        guard let sequence = node.sequence else { throw error(node, "\(what) must be a list") }
        return try sequence.map { try string($0, what) }
    }

    /// Keys of a mapping in file order, each with its node for locating errors.
    func entries(_ mapping: Node.Mapping) throws -> [(key: String, keyNode: Node, value: Node)] {
        try mapping.map { pair in (try string(pair.key, "a key"), pair.key, pair.value) }
    }

    /// Reports keys a definition does not know, so a typo is not silently ignored.
    func rejectUnknownKeys(_ mapping: Node.Mapping, allowed: Set<String>, diagnostics: Diagnostics) {
        for (key, _) in mapping {
            if let name = key.scalar?.string, !allowed.contains(name) {
                diagnostics.add(error(key, "unknown key '\(name)'; expected one of: \(allowed.sorted().joined(separator: ", "))"))
            }
        }
    }

    /// A Korean/English pair written as `{ko: ..., en: ...}`.
    func localized(_ node: Node, _ what: String) throws -> LocalizedText {
        let map = try mapping(node, what)
        return LocalizedText(
            ko: try string(try required(map, "ko", in: node), "\(what).ko"),
            en: try string(try required(map, "en", in: node), "\(what).en"))
    }
}
