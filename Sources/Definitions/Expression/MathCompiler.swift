extension Compiler {
    /// `min` and `max` name both an aggregate (`min(x from t)`) and a function of two numbers
    /// (`min(a, b)`): rows of a table first (a source, or a table's bare name) make the aggregate.
    func isAggregateCall(_ function: AggregateFunction, _ arguments: [Argument]) -> Bool {
        guard function == .min || function == .max else { return true }
        switch arguments.first {
        case .source?: return true
        case let .expression(.name(parts, _))?: return parts.count == 1 && schema.tables.contains { $0.name == parts[0] }
        default: return false
        }
    }

    /// Compiles `ln(x)`, `pow(a, b)`, `round(x, digits)` …: numbers in, a number out. Arguments
    /// known when the definitions are read are worked out then, and one outside the function's
    /// domain (`ln(0)`, `round(x, 0.5)`) is an error of the definition, not of every project.
    func math(
        _ function: MathFunction, _ arguments: [Argument], at position: TextPosition, text: String, in scope: Scope
    ) throws(ExpressionError) -> (Expr, ExprType) {
        let name = function.rawValue
        let hint = function == .min || function == .max ? "; the \(name) of a column is \(name)(column from table ...)" : ""
        let numbers = try arguments.map { argument throws(ExpressionError) -> Expr in
            guard case let .expression(syntax) = argument else {
                throw ExpressionError(position: position, message: "\(name)(...) takes numbers, not rows of a table" + hint)
            }
            return try number(syntax, in: scope)
        }
        guard numbers.count == function.arity else {
            let n = function.arity
            throw ExpressionError(position: position, message: "\(name)(...) takes \(n) number\(n == 1 ? "" : "s")" + hint)
        }
        let constants = numbers.compactMap { expr -> Double? in
            if case let .constant(.number(n)) = expr { return n }
            return nil
        }
        // Every argument known: the value itself. Only round's digits known: whether they can be.
        var known: Result<Double, MathProblem>?
        if constants.count == numbers.count {
            known = function.apply(constants[0], constants.count > 1 ? constants[1] : 0)
        } else if function == .round, case let .constant(.number(digits)) = numbers[1],
            case let .failure(problem) = function.apply(0, digits)
        {
            known = .failure(problem)
        }
        switch known {
        case let .failure(problem)?:
            throw ExpressionError(position: position, message: "never computable: " + problem.text(.en, call: text))
        case let .success(value)?:
            return (.constant(.number(value)), .number)
        case nil:
            return (.math(function, numbers, text: text), .number)
        }
    }
}
