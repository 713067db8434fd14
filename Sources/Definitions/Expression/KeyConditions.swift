/// Splits the filter of a `distinct column` source into the conditions that need the row and
/// those that depend on the distinct value alone.
///
/// `distinct participant_id from attendance where date in quarter and participant.role =
/// "organizer"` holds the participants seen in the quarter whose role is organizer: the
/// second condition reads only the participant, so it can be asked once per participant
/// after the scan instead of for every attendance row. Then several indicators' sources that
/// differ only in such conditions read one feed, and each attendance row is offered to fewer
/// feeds. The sets are the same either way: a value is kept when some row with it passes the
/// row conditions and the value passes its own.
enum KeyConditions {
    /// The row conditions (window conditions first, so that `FeedDispatch` can use them) and
    /// the value's conditions rewritten to read the value (`key`, `keyLookup`).
    static func split(_ filter: Expr?, keyColumn: Int) -> (rows: Expr?, key: Expr?) {
        guard let filter else { return (nil, nil) }
        var windows: [Expr] = []
        var rows: [Expr] = []
        var key: [Expr] = []
        for condition in conjuncts(filter) {
            if case .inWindow = condition {
                windows.append(condition)
            } else if let rewritten = onKey(condition, keyColumn) {
                key.append(rewritten)
            } else {
                rows.append(condition)
            }
        }
        return (all(windows + rows), all(key))
    }

    private static func conjuncts(_ e: Expr) -> [Expr] {
        if case let .and(l, r) = e { return conjuncts(l) + conjuncts(r) }
        return [e]
    }

    /// `a and (b and (c ...))`, so that a leading window stands alone on the left.
    private static func all(_ conditions: [Expr]) -> Expr? {
        guard let last = conditions.last else { return nil }
        return conditions.dropLast().reversed().reduce(last) { .and($1, $0) }
    }

    /// The expression rewritten to read the distinct value instead of the row, or `nil` when
    /// it needs anything else of the row. Set membership and aggregates stay with the rows.
    private static func onKey(_ e: Expr, _ c: Int) -> Expr? {
        switch e {
        case .constant, .projectField:
            return e
        case let .column(i):
            return i == c ? .key : nil
        case let .lookup(through, table, field):
            return through == c ? .keyLookup(table: table, field: field) : nil
        case .key, .keyLookup, .aggregate, .inSet, .inWindow:
            return nil
        case let .negate(x):
            return onKey(x, c).map { .negate($0) }
        case let .not(x):
            return onKey(x, c).map { .not($0) }
        case let .isMissing(x, negated):
            return onKey(x, c).map { .isMissing($0, negated: negated) }
        case let .inList(x, values, negated):
            return onKey(x, c).map { .inList($0, values, negated: negated) }
        case let .arithmetic(op, l, r, text):
            guard let a = onKey(l, c), let b = onKey(r, c) else { return nil }
            return .arithmetic(op, a, b, divisorText: text)
        case let .compare(op, l, r):
            guard let a = onKey(l, c), let b = onKey(r, c) else { return nil }
            return .compare(op, a, b)
        case let .and(l, r):
            guard let a = onKey(l, c), let b = onKey(r, c) else { return nil }
            return .and(a, b)
        case let .or(l, r):
            guard let a = onKey(l, c), let b = onKey(r, c) else { return nil }
            return .or(a, b)
        case let .call(function, arguments):
            return onKey(arguments, c).map { .call(function, $0) }
        case let .math(function, arguments, text):
            return onKey(arguments, c).map { .math(function, $0, text: text) }
        }
    }

    private static func onKey(_ arguments: [Expr], _ c: Int) -> [Expr]? {
        var rewritten: [Expr] = []
        for argument in arguments {
            guard let a = onKey(argument, c) else { return nil }
            rewritten.append(a)
        }
        return rewritten
    }
}
