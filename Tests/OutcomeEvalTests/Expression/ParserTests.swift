@testable import Definitions
import XCTest

/// The parser against a table of expressions and the tree each must give, written as an
/// S-expression (positions left out): precedence, associativity, `not in`, comments, literals.
final class ParserTests: XCTestCase {
    private let cases: [(text: String, tree: String)] = [
        // Precedence: * / over + - over comparisons over not over and over or.
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("1 * 2 + 3", "(+ (* 1 2) 3)"),
        ("-2 * 3", "(* (neg 2) 3)"),
        ("x + 1 < y * 2", "(< (+ x 1) (* y 2))"),
        ("a = 1 and b != 2", "(and (= a 1) (!= b 2))"),
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c", "(or (and a b) c)"),
        ("not a and b", "(and (not a) b)"),
        ("not a = 1", "(not (= a 1))"),
        ("not not a", "(not (not a))"),
        ("(a or b) and c", "(and (or a b) c)"),
        ("2 * (3 + 4)", "(* 2 (+ 3 4))"),
        // Associativity: left, for all four arithmetic operators and for and/or.
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("8 / 4 / 2", "(/ (/ 8 4) 2)"),
        ("1 - 2 + 3", "(+ (- 1 2) 3)"),
        ("a or b or c", "(or (or a b) c)"),
        ("a and b and c", "(and (and a b) c)"),
        ("- - x", "(neg (neg x))"),
        // Membership: lists, `not in`, windows, sets.
        ("x in (\"a\", \"b\")", "(in x \"a\" \"b\")"),
        ("x not in (1, 2)", "(not-in x 1 2)"),
        ("not x in (1)", "(not (in x 1))"),
        ("x + 1 in (2)", "(in (+ x 1) 2)"),
        ("date in quarter", "(in-window date quarter)"),
        ("date not in previous", "(not (in-window date previous))"),
        ("date in trailing4 and kind = \"pilot\"", "(and (in-window date trailing4) (= kind \"pilot\"))"),
        ("participant_id in (distinct participant_id from attendance where date in previous)",
         "(in-set participant_id (distinct participant_id from attendance where (in-window date previous)))"),
        ("participant_id not in (distinct participant_id from attendance)",
         "(not (in-set participant_id (distinct participant_id from attendance)))"),
        // Comments run to the end of the line; line breaks are white space.
        ("1 # one\n+ 2", "(+ 1 2)"),
        ("# a note first\nx # and after", "x"),
        ("a\n  and\n  b", "(and a b)"),
        // Literals and names.
        ("0.25", "0.25"),
        ("1_000", "1000"),
        ("\"마포구\"", "\"마포구\""),
        ("\"\"", "\"\""),
        ("true or false", "(or true false)"),
        ("x = missing", "(= x missing)"),
        ("project.target_participants", "project.target_participants"),
        ("participant.income_band = \"low\"", "(= participant.income_band \"low\")"),
        // Calls and their sources.
        ("abs(x - 1)", "(abs (- x 1))"),
        ("if_none(sum(amount_krw from finance), 0)", "(if_none (sum (amount_krw from finance)) 0)"),
        // A bare table is a name to the parser; the compiler reads it as rows.
        ("count(attendance)", "(count attendance)"),
        ("count(distinct participant_id from attendance where date in quarter)",
         "(count (distinct participant_id from attendance where (in-window date quarter)))"),
        ("share(activities where date in quarter, kind = \"festival\")",
         "(share (activities where (in-window date quarter)) (= kind \"festival\"))"),
        ("gini(attendance where date in quarter by participant_id)",
         "(gini (attendance where (in-window date quarter) by participant_id))"),
        ("min_max_ratio(distinct participant_id from proposals by participant.income_band, status = \"adopted\", 5)",
         "(min_max_ratio (distinct participant_id from proposals by participant.income_band) (= status \"adopted\") 5)"),
    ]

    func testEveryCaseGivesItsTree() {
        for (text, tree) in cases {
            do {
                let parsed = try Parser.parse(text)
                XCTAssertEqual(render(parsed), tree, text)
            } catch {
                XCTFail("\(text): \(error.message) at \(error.position)")
            }
        }
    }

    func testPositionsAreOfTheOperatorAndOneBasedOnEachLine() throws {
        guard case let .binary(.add, left, right, plus) = try Parser.parse("1 # one\n  + x") else {
            return XCTFail("not a sum")
        }
        XCTAssertEqual(plus, TextPosition(line: 2, column: 3))
        XCTAssertEqual(left.position, TextPosition(line: 1, column: 1))
        XCTAssertEqual(right.position, TextPosition(line: 2, column: 5))
    }

    func testWhatIsNotAnExpressionIsAnErrorWhereItGoesWrong() {
        let cases: [(String, TextPosition)] = [
            ("1 +", TextPosition(line: 1, column: 4)),
            ("a and or b", TextPosition(line: 1, column: 7)),
            ("x in (1, 2", TextPosition(line: 1, column: 11)),
            ("x not 1", TextPosition(line: 1, column: 3)),
            ("\"open", TextPosition(line: 1, column: 1)),
            ("1 ; 2", TextPosition(line: 1, column: 3)),
        ]
        for (text, position) in cases {
            XCTAssertThrowsError(try Parser.parse(text), text) { error in
                XCTAssertEqual((error as? ExpressionError)?.position, position, text)
            }
        }
    }

    /// The tree as an S-expression, positions left out.
    private func render(_ syntax: Syntax) -> String {
        switch syntax {
        case let .number(n, _): return n == n.rounded() ? String(Int(n)) : String(n)
        case let .string(s, _): return "\"\(s)\""
        case let .boolean(b, _): return String(b)
        case .missing: return "missing"
        case let .name(parts, _): return parts.joined(separator: ".")
        case let .unary(.negate, e, _): return "(neg \(render(e)))"
        case let .unary(.not, e, _): return "(not \(render(e)))"
        case let .binary(op, l, r, _): return "(\(op.rawValue) \(render(l)) \(render(r)))"
        case let .inList(e, items, negated, _):
            return "(\(negated ? "not-in" : "in") \(render(e)) \(items.map(render).joined(separator: " ")))"
        case let .inWindow(e, window, _): return "(in-window \(render(e)) \(window))"
        case let .inSource(e, source, _): return "(in-set \(render(e)) \(render(source)))"
        case let .call(name, arguments, _, _):
            let rendered = arguments.map { argument -> String in
                switch argument {
                case let .expression(e): return render(e)
                case let .source(s): return render(s)
                }
            }
            return "(\(([name] + rendered).joined(separator: " ")))"
        }
    }

    private func render(_ source: SourceSyntax) -> String {
        var parts: [String] = []
        if source.distinct { parts.append("distinct") }
        if let projection = source.projection { parts += [render(projection), "from"] }
        parts.append(source.table)
        if let filter = source.filter { parts += ["where", render(filter)] }
        if let group = source.group { parts += ["by", render(group)] }
        return "(" + parts.joined(separator: " ") + ")"
    }
}
