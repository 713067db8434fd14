import DataContract

/// Resolves an expression's names against the schema, checks its types, and records the
/// aggregates it needs in one plan shared by all indicators.
package final class Compiler {
    let schema: Schema
    let references: [String: ReferenceTable]
    /// Every aggregate the compiled expressions refer to, by number.
    var aggregates: [Aggregate] = []

    /// Where an expression is evaluated, which decides the names it may use.
    package enum Scope {
        /// Once per project: registry fields and constants (applies_to, floor, target).
        case project
        /// Once per project and quarter: aggregates, registry fields and constants.
        case indicator
        /// Once per row of a table: its columns and lookups through its references.
        case row(table: Int)
        /// Once per distinct value of `column` of `table` (-1 when the value is not a column).
        case key(table: Int, column: Int)
    }

    package init(schema: Schema, references: [String: ReferenceTable]) {
        self.schema = schema
        self.references = references
    }

    package func number(_ syntax: Syntax, in scope: Scope) throws(ExpressionError) -> Expr {
        let (expr, type) = try compile(syntax, in: scope)
        guard type == .number || type.isOrderedSymbol else {
            throw ExpressionError(position: syntax.position, message: "expected a number, found \(type)")
        }
        return expr
    }

    package func condition(_ syntax: Syntax, in scope: Scope) throws(ExpressionError) -> Expr {
        let (expr, type) = try compile(syntax, in: scope)
        guard type == .boolean else {
            throw ExpressionError(position: syntax.position, message: "expected a condition, found \(type)")
        }
        return expr
    }

    func compile(_ syntax: Syntax, in scope: Scope) throws(ExpressionError) -> (Expr, ExprType) {
        switch syntax {
        case let .number(value, _):
            return (.constant(.number(value)), .number)
        case let .string(text, _):
            return (.constant(.text(text)), .text)
        case let .boolean(value, _):
            return (.constant(.bool(value)), .boolean)
        case let .missing(position):
            throw ExpressionError(position: position, message: "'missing' can only be compared with = or !=")
        case let .name(parts, position):
            return try name(parts, at: position, in: scope)
        case let .unary(op, operand, _):
            if op == .not { return (.not(try condition(operand, in: scope)), .boolean) }
            let inner = try number(operand, in: scope)
            if case let .constant(.number(n)) = inner { return (.constant(.number(-n)), .number) }
            return (.negate(inner), .number)
        case let .binary(op, left, right, position):
            return try binary(op, left, right, at: position, in: scope)
        case let .inList(subject, items, negated, _):
            let (expr, type) = try compile(subject, in: scope)
            let values = try items.map { item throws(ExpressionError) in try literal(item, as: type) }
            return (.inList(expr, values, negated: negated), .boolean)
        case let .inWindow(subject, window, position):
            let (expr, type) = try compile(subject, in: scope)
            guard type == .date else {
                throw ExpressionError(position: position, message: "'in \(window)' needs a date, found \(type)")
            }
            guard case .row = scope else {
                throw ExpressionError(position: position, message: "'in \(window)' can only filter the rows of a table")
            }
            guard let window = Window(rawValue: window) else {
                throw ExpressionError(position: position, message: "'\(window)' is not a period; use quarter, previous, trailing4 or to_date")
            }
            return (.inWindow(expr, window), .boolean)
        case let .inSource(subject, source, position):
            return try membership(subject, source, at: position, in: scope)
        case let .call(name, arguments, position, text):
            return try call(name, arguments, at: position, text: text, in: scope)
        }
    }

    // MARK: - Names

    private func name(_ parts: [String], at position: TextPosition, in scope: Scope) throws(ExpressionError) -> (Expr, ExprType) {
        let registry = schema.registry
        if parts.count == 2 && parts[0] == registry.name {
            guard let index = registry.columnIndex(parts[1]) else {
                throw ExpressionError(
                    position: position,
                    message: "\(registry.file) has no column '\(parts[1])'; it has \(columnList(registry))")
            }
            return (.projectField(index), ExprType(column: registry.columns[index], schema: schema))
        }
        switch scope {
        case .project, .indicator:
            throw ExpressionError(
                position: position,
                message: "'\(parts.joined(separator: "."))' is not known here; columns of a table can only be used "
                    + "inside an aggregate such as count(table where ...), and the project's as \(registry.name).column")
        case let .row(tableIndex):
            let table = schema.tables[tableIndex]
            if parts.count == 1 {
                guard let index = table.columnIndex(parts[0]) else {
                    throw ExpressionError(
                        position: position, message: "\(table.name) has no column '\(parts[0])'; it has \(columnList(table))")
                }
                return (.column(index), ExprType(column: table.columns[index], schema: schema))
            }
            guard parts.count == 2, let through = table.columns.firstIndex(where: { $0.type.alias == parts[0] }) else {
                let aliases = table.columns.compactMap(\.type.alias)
                throw ExpressionError(
                    position: position,
                    message: "'\(parts[0])' is not a reference of \(table.name)"
                        + (aliases.isEmpty ? "" : "; it has \(aliases.map { "\($0).column" }.joined(separator: ", "))"))
            }
            let (target, field) = try referencedField(table.columns[through], parts[1], at: position)
            return (.lookup(through: through, table: target, field: field), ExprType(column: schema.tables[target].columns[field], schema: schema))
        case let .key(tableIndex, column):
            let table = schema.tables[tableIndex]
            guard column >= 0 else {
                throw ExpressionError(position: position, message: "this condition is per distinct value and cannot use columns")
            }
            let keyColumn = table.columns[column]
            if parts == [keyColumn.name] { return (.key, ExprType(column: keyColumn, schema: schema)) }
            if parts.count == 2, let alias = keyColumn.type.alias, parts[0] == alias {
                let (target, field) = try referencedField(keyColumn, parts[1], at: position)
                return (.keyLookup(table: target, field: field), ExprType(column: schema.tables[target].columns[field], schema: schema))
            }
            let allowed = [keyColumn.name] + (keyColumn.type.alias.map { ["\($0).column"] } ?? [])
            throw ExpressionError(
                position: position,
                message: "this condition is checked once per distinct \(keyColumn.name), so it can only use "
                    + allowed.joined(separator: " and "))
        }
    }

    private func referencedField(_ column: ColumnSchema, _ name: String, at position: TextPosition) throws(ExpressionError) -> (Int, Int) {
        guard case let .reference(tableName, _) = column.type,
            let target = schema.tables.firstIndex(where: { $0.name == tableName })
        else { throw ExpressionError(position: position, message: "\(column.name) is not a reference") }
        guard let field = schema.tables[target].columnIndex(name) else {
            throw ExpressionError(
                position: position,
                message: "\(tableName) has no column '\(name)'; it has \(columnList(schema.tables[target]))")
        }
        return (target, field)
    }

    private func columnList(_ table: TableSchema) -> String {
        table.columns.map(\.name).joined(separator: ", ")
    }

    // MARK: - Operators

    private func binary(
        _ op: BinaryOperator, _ left: Syntax, _ right: Syntax, at position: TextPosition, in scope: Scope
    ) throws(ExpressionError) -> (Expr, ExprType) {
        switch op {
        case .and:
            return (.and(try condition(left, in: scope), try condition(right, in: scope)), .boolean)
        case .or:
            return (.or(try condition(left, in: scope), try condition(right, in: scope)), .boolean)
        case .add, .subtract, .multiply, .divide:
            let l = try number(left, in: scope)
            let r = try number(right, in: scope)
            if case let .constant(.number(b)) = r, op == .divide, b == 0 {
                throw ExpressionError(position: position, message: "division by zero: the divisor is always 0")
            }
            if case let .constant(.number(a)) = l, case let .constant(.number(b)) = r {
                return (.constant(.number(Arithmetic.apply(op, a, b) ?? .nan)), .number)
            }
            return (.arithmetic(op, l, r, divisorText: Compiler.text(of: right)), .number)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            return (try comparison(op, left, right, at: position, in: scope), .boolean)
        }
    }

    private func comparison(
        _ op: BinaryOperator, _ left: Syntax, _ right: Syntax, at position: TextPosition, in scope: Scope
    ) throws(ExpressionError) -> Expr {
        if case .missing = right { return try missingTest(op, left, at: position, in: scope) }
        if case .missing = left { return try missingTest(op, right, at: position, in: scope) }
        var (l, lt) = try compile(left, in: scope)
        var (r, rt) = try compile(right, in: scope)
        if isLiteral(right) && !isLiteral(left) {
            r = .constant(try literal(right, as: lt))
            rt = lt
        } else if isLiteral(left) && !isLiteral(right) {
            l = .constant(try literal(left, as: rt))
            lt = rt
        }
        let ordering = ![BinaryOperator.equal, .notEqual].contains(op)
        let comparable: Bool
        switch (lt, rt) {
        case (.number, .number), (.date, .date): comparable = true
        case (.text, .text), (.boolean, .boolean): comparable = !ordering
        case let (.symbol(a, values, ordered), .symbol(b, otherValues, _)):
            comparable = (a == b || values == otherValues) && (!ordering || ordered)
        case let (.row(a, _), .row(b, _)): comparable = a == b && !ordering
        default: comparable = false
        }
        guard comparable else {
            throw ExpressionError(
                position: position,
                message: ordering
                    ? "'\(op.rawValue)' cannot order \(lt) and \(rt)"
                    : "cannot compare \(lt) with \(rt)")
        }
        return .compare(op, l, r)
    }

    private func missingTest(_ op: BinaryOperator, _ subject: Syntax, at position: TextPosition, in scope: Scope) throws(ExpressionError) -> Expr {
        guard op == .equal || op == .notEqual else {
            throw ExpressionError(position: position, message: "'missing' can only be compared with = or !=")
        }
        return .isMissing(try compile(subject, in: scope).0, negated: op == .notEqual)
    }

    private func isLiteral(_ syntax: Syntax) -> Bool {
        switch syntax {
        case .string, .number, .boolean: return true
        default: return false
        }
    }

    /// A literal as a value of `type`: enum text becomes its position, date text a day.
    private func literal(_ syntax: Syntax, as type: ExprType) throws(ExpressionError) -> Value {
        switch (syntax, type) {
        case let (.string(text, position), .symbol(column, values, _)):
            guard let index = values.firstIndex(of: text) else {
                throw ExpressionError(
                    position: position,
                    message: "\"\(text)\" is not a value of \(column); expected one of: \(values.joined(separator: ", "))")
            }
            return .symbol(Int32(index))
        case let (.string(text, position), .date):
            guard let day = Day(iso: text) else {
                throw ExpressionError(position: position, message: "\"\(text)\" is not a date YYYY-MM-DD")
            }
            return .date(day)
        case let (.string(text, _), .text): return .text(text)
        case let (.number(n, _), .number): return .number(n)
        case let (.boolean(b, _), .boolean): return .bool(b)
        default:
            throw ExpressionError(position: syntax.position, message: "expected \(type) here")
        }
    }

    // MARK: - Functions

    private func call(
        _ name: String, _ arguments: [Argument], at position: TextPosition, text: String, in scope: Scope
    ) throws(ExpressionError) -> (Expr, ExprType) {
        if let function = AggregateFunction(rawValue: name), function != .groups, isAggregateCall(function, arguments) {
            guard case .indicator = scope else {
                throw ExpressionError(position: position, message: "\(name)(...) cannot be used inside another aggregate or in applies_to/floor/target")
            }
            return (.aggregate(try aggregate(function, arguments, at: position, text: text)), .number)
        }
        if let function = MathFunction(rawValue: name) {
            return try math(function, arguments, at: position, text: text, in: scope)
        }
        guard let function = ScalarFunction(rawValue: name) else {
            let names = AggregateFunction.named.map(\.rawValue) + ScalarFunction.allCases.map(\.rawValue) + MathFunction.allCases.map(\.rawValue)
            let known = Set(names).sorted()
            throw ExpressionError(position: position, message: "unknown function '\(name)'; known: \(known.joined(separator: ", "))")
        }
        // when_any takes rows first, and reads its own arguments.
        let expressions = function == .whenAny ? [] : try arguments.map { argument throws(ExpressionError) -> Syntax in
            guard case let .expression(syntax) = argument else {
                throw ExpressionError(position: position, message: "\(name)(...) takes values, not rows of a table")
            }
            return syntax
        }
        func arity(_ n: Int) throws(ExpressionError) {
            guard expressions.count == n else {
                throw ExpressionError(position: position, message: "\(name)(...) takes \(n) argument\(n == 1 ? "" : "s")")
            }
        }
        switch function {
        case .abs:
            try arity(1)
            return (.call(.abs, [try number(expressions[0], in: scope)]), .number)
        case .ifNone:
            try arity(2)
            return (.call(.ifNone, [try number(expressions[0], in: scope), try number(expressions[1], in: scope)]), .number)
        case .whenAny:
            return try whenAny(arguments, at: position, in: scope)
        case .quarterOf, .quarterEnd:
            try arity(1)
            let (date, type) = try compile(expressions[0], in: scope)
            guard type == .date else { throw ExpressionError(position: expressions[0].position, message: "\(name) needs a date") }
            return (.call(function, [date]), function == .quarterOf ? .number : .date)
        case .quartersIn:
            try arity(2)
            guard case let .name(parts, windowPosition) = expressions[0], parts.count == 1,
                let window = Window(rawValue: parts[0]), window != .toDate
            else {
                throw ExpressionError(position: expressions[0].position, message: "quarters_in needs a window first: quarter, previous or trailing4")
            }
            _ = windowPosition
            let (date, type) = try compile(expressions[1], in: scope)
            guard type == .date else { throw ExpressionError(position: expressions[1].position, message: "quarters_in needs a date second") }
            return (.call(.quartersIn, [.constant(.text(window.rawValue)), date]), .number)
        }
    }

    /// `when_any(rows, x)`: the rows are counted as `count(rows)` would (the evaluation plan lets them share one feed).
    private func whenAny(_ arguments: [Argument], at position: TextPosition, in scope: Scope) throws(ExpressionError) -> (Expr, ExprType) {
        guard case .indicator = scope else {
            throw ExpressionError(position: position, message: "when_any(...) can only be used in value, where tables are read")
        }
        guard arguments.count == 2, case let .expression(value) = arguments[1] else {
            throw ExpressionError(
                position: position, message: "when_any(...) takes the rows of a table and a value, e.g. when_any(attendance where date in quarter, count(...))")
        }
        let text: String
        switch arguments[0] {
        case let .source(source): text = source.text
        case let .expression(syntax): text = Compiler.text(of: syntax)
        }
        let rows = try aggregate(.count, [arguments[0]], at: position, text: text)
        return (.call(.whenAny, [.aggregate(rows), .constant(.text(text)), try number(value, in: scope)]), .number)
    }

    private func membership(
        _ subject: Syntax, _ source: SourceSyntax, at position: TextPosition, in scope: Scope
    ) throws(ExpressionError) -> (Expr, ExprType) {
        guard case .key = scope else {
            throw ExpressionError(
                position: position,
                message: "'in (distinct ...)' can only be used in the condition of a distinct source, e.g. share(distinct x from t ..., x in (distinct x from t ...))")
        }
        let (expr, type) = try compile(subject, in: scope)
        let id = try aggregate(.count, [.source(source)], at: position, text: source.text)
        let setType = try projectionType(of: aggregates[id])
        guard setType == type else {
            throw ExpressionError(position: position, message: "cannot look for \(type) among \(setType)")
        }
        return (.inSet(expr, aggregate: id), .boolean)
    }

    private func projectionType(of aggregate: Aggregate) throws(ExpressionError) -> ExprType {
        guard let projection = aggregate.projection else { return .missing }
        return try typeOf(projection, table: aggregate.table)
    }

    private func typeOf(_ expr: Expr, table: Int) throws(ExpressionError) -> ExprType {
        switch expr {
        case let .column(index): return ExprType(column: schema.tables[table].columns[index], schema: schema)
        case let .lookup(_, target, field): return ExprType(column: schema.tables[target].columns[field], schema: schema)
        default: return .number
        }
    }
}

extension ExprType {
    var isOrderedSymbol: Bool {
        if case .symbol(_, _, true) = self { return true }
        return false
    }
}

extension ColumnType {
    /// The name a reference column is looked up through (`participant` in `participant.district`).
    var alias: String? {
        if case let .reference(_, alias) = self { return alias }
        return nil
    }
}

extension Compiler {
    /// A short text for a divisor in "zero denominator" reasons.
    static func text(of syntax: Syntax) -> String {
        switch syntax {
        case let .call(_, _, _, text): return text
        case let .name(parts, _): return parts.joined(separator: ".")
        case let .number(n, _): return "\(n)"
        default: return "the divisor"
        }
    }
}

package enum Arithmetic {
    /// `nil` on division by zero.
    package static func apply(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Double? {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return b == 0 ? nil : a / b
        default: return nil
        }
    }
}
