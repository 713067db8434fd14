/// A recursive-descent parser for indicator expressions.
///
/// Grammar, lowest precedence first:
///
///     expr    := and ('or' and)*
///     and     := not ('and' not)*
///     not     := 'not' not | compare
///     compare := sum (('=' | '!=' | '<' | '<=' | '>' | '>=') sum
///                    | ['not'] 'in' ( WINDOW | '(' list ')' | '(' source ')' ))?
///     sum     := product (('+' | '-') product)*
///     product := unary (('*' | '/') unary)*
///     unary   := '-' unary | primary
///     primary := NUMBER | STRING | 'true' | 'false' | 'missing' | '(' expr ')'
///              | NAME ['.' NAME] | NAME '(' [argument (',' argument)*] ')'
///     source  := ['distinct'] expr ['from' NAME] ['where' expr] ['by' expr]
package struct Parser {
    private let text: [Unicode.Scalar]
    private var tokens: [Lexer.Token]
    private var index = 0

    static let keywords: Set<String> = ["and", "or", "not", "in", "distinct", "from", "where", "by", "missing", "true", "false"]
    /// The period windows of INDICATORS.md that `in` accepts.
    static let windows: Set<String> = ["quarter", "previous", "trailing4", "to_date"]

    package static func parse(_ text: String) throws(ExpressionError) -> Syntax {
        var parser = Parser(text: Array(text.unicodeScalars), tokens: try Lexer.tokens(text))
        let expression = try parser.expression()
        guard case .end = parser.current.kind else {
            throw parser.unexpected("an operator or the end of the expression")
        }
        return expression
    }

    /// Parses rows of a table on their own: `[distinct] [x from] table [where ...]`.
    package static func parseSource(_ text: String) throws(ExpressionError) -> SourceSyntax {
        var parser = Parser(text: Array(text.unicodeScalars), tokens: try Lexer.tokens(text))
        let source = try parser.source(start: parser.current)
        guard case .end = parser.current.kind else { throw parser.unexpected("the end of the rows") }
        return source
    }

    private init(text: [Unicode.Scalar], tokens: [Lexer.Token]) {
        self.text = text
        self.tokens = tokens
    }

    private var current: Lexer.Token { tokens[index] }

    private func isKeyword(_ word: String) -> Bool { current.kind == .identifier(word) }
    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    private mutating func advance() -> Lexer.Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func unexpected(_ expected: String) -> ExpressionError {
        let found: String
        switch current.kind {
        case .end: found = "the end of the expression"
        case let .identifier(word): found = "'\(word)'"
        case let .number(n): found = "the number \(n)"
        case let .string(s): found = "\"\(s)\""
        case let .symbol(s): found = "'\(s)'"
        }
        return ExpressionError(position: current.position, message: "expected \(expected), found \(found)")
    }

    private mutating func expect(_ symbol: String, _ what: String) throws(ExpressionError) {
        guard isSymbol(symbol) else { throw unexpected("'\(symbol)' \(what)") }
        _ = advance()
    }

    private mutating func expression() throws(ExpressionError) -> Syntax {
        var left = try conjunction()
        while isKeyword("or") {
            let op = advance()
            left = .binary(.or, left, try conjunction(), op.position)
        }
        return left
    }

    private mutating func conjunction() throws(ExpressionError) -> Syntax {
        var left = try negation()
        while isKeyword("and") {
            let op = advance()
            left = .binary(.and, left, try negation(), op.position)
        }
        return left
    }

    private mutating func negation() throws(ExpressionError) -> Syntax {
        if isKeyword("not") {
            let op = advance()
            return .unary(.not, try negation(), op.position)
        }
        return try comparison()
    }

    private mutating func comparison() throws(ExpressionError) -> Syntax {
        let left = try sum()
        if case let .symbol(s) = current.kind, let op = BinaryOperator(rawValue: s),
            [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(op)
        {
            let token = advance()
            return .binary(op, left, try sum(), token.position)
        }
        var negated = false
        if isKeyword("not") && tokens[index + 1].kind == .identifier("in") {
            _ = advance()
            negated = true
        }
        guard isKeyword("in") else { return left }
        let token = advance()
        if case let .identifier(word) = current.kind, Parser.windows.contains(word) {
            _ = advance()
            let membership = Syntax.inWindow(left, word, token.position)
            return negated ? .unary(.not, membership, token.position) : membership
        }
        try expect("(", "after 'in' (or a period: quarter, previous, trailing4, to_date)")
        if isKeyword("distinct") {
            let source = try self.source(start: current)
            try expect(")", "to close the set")
            let membership = Syntax.inSource(left, source, token.position)
            return negated ? .unary(.not, membership, token.position) : membership
        }
        var items = [try expression()]
        while isSymbol(",") {
            _ = advance()
            items.append(try expression())
        }
        try expect(")", "to close the list")
        return .inList(left, items, negated: negated, token.position)
    }

    private mutating func sum() throws(ExpressionError) -> Syntax {
        var left = try product()
        while isSymbol("+") || isSymbol("-") {
            let op = advance()
            left = .binary(op.kind == .symbol("+") ? .add : .subtract, left, try product(), op.position)
        }
        return left
    }

    private mutating func product() throws(ExpressionError) -> Syntax {
        var left = try unary()
        while isSymbol("*") || isSymbol("/") {
            let op = advance()
            left = .binary(op.kind == .symbol("*") ? .multiply : .divide, left, try unary(), op.position)
        }
        return left
    }

    private mutating func unary() throws(ExpressionError) -> Syntax {
        if isSymbol("-") {
            let op = advance()
            return .unary(.negate, try unary(), op.position)
        }
        return try primary()
    }

    private mutating func primary() throws(ExpressionError) -> Syntax {
        let token = current
        switch token.kind {
        case let .number(value):
            _ = advance()
            return .number(value, token.position)
        case let .string(value):
            _ = advance()
            return .string(value, token.position)
        case .symbol("("):
            _ = advance()
            let inner = try expression()
            try expect(")", "to close '('")
            return inner
        case let .identifier(word):
            switch word {
            case "true", "false":
                _ = advance()
                return .boolean(word == "true", token.position)
            case "missing":
                _ = advance()
                return .missing(token.position)
            case _ where Parser.keywords.contains(word):
                throw unexpected("a value, a column or a function")
            default:
                break
            }
            _ = advance()
            if isSymbol("(") {
                _ = advance()
                let arguments = try self.arguments()
                return .call(word, arguments, token.position, text: textSince(token))
            }
            var parts = [word]
            while isSymbol(".") {
                _ = advance()
                guard case let .identifier(next) = current.kind, !Parser.keywords.contains(next) else {
                    throw unexpected("a column name after '.'")
                }
                _ = advance()
                parts.append(next)
            }
            return .name(parts, token.position)
        default:
            throw unexpected("a value, a column or a function")
        }
    }

    private mutating func arguments() throws(ExpressionError) -> [Argument] {
        var arguments: [Argument] = []
        if isSymbol(")") {
            _ = advance()
            return arguments
        }
        repeat {
            if !arguments.isEmpty { _ = advance() }
            arguments.append(try argument())
        } while isSymbol(",")
        try expect(")", "after the arguments")
        return arguments
    }

    /// An argument is a source when it says `distinct`, `from`, `where` or `by`.
    private mutating func argument() throws(ExpressionError) -> Argument {
        let start = current
        if isKeyword("distinct") { return .source(try source(start: start)) }
        let saved = index
        let first = try expression()
        if isKeyword("from") || isKeyword("where") || isKeyword("by") {
            index = saved
            return .source(try source(start: start))
        }
        return .expression(first)
    }

    private mutating func source(start: Lexer.Token) throws(ExpressionError) -> SourceSyntax {
        var distinct = false
        if isKeyword("distinct") {
            _ = advance()
            distinct = true
        }
        let first = try expression()
        var projection: Syntax?
        let table: String
        let tablePosition: TextPosition
        if isKeyword("from") {
            _ = advance()
            guard case let .identifier(name) = current.kind, !Parser.keywords.contains(name) else {
                throw unexpected("a table name after 'from'")
            }
            tablePosition = current.position
            _ = advance()
            projection = first
            table = name
        } else if case let .name(parts, position) = first, parts.count == 1 {
            table = parts[0]
            tablePosition = position
        } else {
            throw ExpressionError(
                position: first.position,
                message: "expected a table name, or 'column from table'")
        }
        var filter: Syntax?
        if isKeyword("where") {
            _ = advance()
            filter = try expression()
        }
        var group: Syntax?
        if isKeyword("by") {
            _ = advance()
            group = try expression()
        }
        return SourceSyntax(
            distinct: distinct, projection: projection, table: table, tablePosition: tablePosition,
            filter: filter, group: group, position: start.position, text: textSince(start))
    }

    /// The text from `start` to the last token read, with runs of white space made one space.
    private func textSince(_ start: Lexer.Token) -> String {
        let end = tokens[index - 1].endOffset
        return String(String.UnicodeScalarView(text[start.offset..<end]))
            .split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
