/// A problem in a definition file, with the place it was found.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// Every problem found in a set of definitions; `check` lists them all at once.
public struct DefinitionErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    package init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while loading, so one run reports every problem.
final class Diagnostics {
    private(set) var all: [Diagnostic] = []

    func add(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    /// Runs `body`, turning a thrown diagnostic into a collected one.
    func collect<R>(_ body: () throws -> R) -> R? {
        do {
            return try body()
        } catch let diagnostic as Diagnostic {
            add(diagnostic)
        } catch let errors as DefinitionErrors {
            all += errors.diagnostics
        } catch {
            add(Diagnostic(file: "?", line: 0, column: 0, message: "\(error)"))
        }
        return nil
    }

    func throwIfAny() throws(DefinitionErrors) {
        if !all.isEmpty { throw DefinitionErrors(diagnostics: all) }
    }
}
