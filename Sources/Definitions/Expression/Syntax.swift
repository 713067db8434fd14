/// A place in an expression's text, 1-based, counted in Unicode scalars.
public struct TextPosition: Sendable, Equatable {
    public var line: Int
    public var column: Int
}

/// An error in an expression, at a place in its text.
package struct ExpressionError: Error, Equatable {
    var position: TextPosition
    var message: String
}

/// An indicator expression as written, before names are resolved against the schema.
package indirect enum Syntax: Equatable {
    case number(Double, TextPosition)
    case string(String, TextPosition)
    case boolean(Bool, TextPosition)
    case missing(TextPosition)
    /// `name` or `qualifier.name`.
    case name([String], TextPosition)
    case unary(UnaryOperator, Syntax, TextPosition)
    case binary(BinaryOperator, Syntax, Syntax, TextPosition)
    /// `x in ("a", "b")`, `x not in (...)`.
    case inList(Syntax, [Syntax], negated: Bool, TextPosition)
    /// `date in quarter`: membership in a period window.
    case inWindow(Syntax, String, TextPosition)
    /// `x in (distinct x from table where ...)`.
    case inSource(Syntax, SourceSyntax, TextPosition)
    /// `text` is the call as written, for messages such as "zero denominator in ...".
    case call(String, [Argument], TextPosition, text: String)

    var position: TextPosition {
        switch self {
        case let .number(_, p), let .string(_, p), let .boolean(_, p), let .missing(p), let .name(_, p),
            let .unary(_, _, p), let .binary(_, _, _, p), let .inList(_, _, _, p), let .inWindow(_, _, p),
            let .inSource(_, _, p), let .call(_, _, p, _):
            return p
        }
    }
}

/// A function argument: an expression, or rows of a table (for aggregates).
package enum Argument: Equatable {
    case expression(Syntax)
    case source(SourceSyntax)
}

/// `[distinct] [projection from] table [where filter] [by group]`.
package struct SourceSyntax: Equatable {
    var distinct: Bool
    var projection: Syntax?
    var table: String
    var tablePosition: TextPosition
    var filter: Syntax?
    var group: Syntax?
    var position: TextPosition
    /// The source as written, for messages such as "no rows in ...".
    var text: String
}

package enum UnaryOperator: String, Equatable {
    case negate = "-"
    case not
}

package enum BinaryOperator: String, Equatable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and, or
}
