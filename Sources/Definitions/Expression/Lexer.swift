import Foundation

/// Splits an expression into tokens, remembering where each starts.
package struct Lexer {
    enum Kind: Equatable {
        case identifier(String)
        case number(Double)
        case string(String)
        case symbol(String)
        case end
    }

    struct Token: Equatable {
        var kind: Kind
        var position: TextPosition
        /// Offset of the token's first scalar in the text, to cut source text for messages.
        var offset: Int
        var endOffset: Int
    }

    static func tokens(_ text: String) throws(ExpressionError) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        var line = 1
        var lineStart = 0
        func position(_ at: Int) -> TextPosition { TextPosition(line: line, column: at - lineStart + 1) }
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" {
                line += 1
                i += 1
                lineStart = i
                continue
            }
            if c == " " || c == "\t" || c == "\r" {
                i += 1
                continue
            }
            if c == "#" {  // a comment runs to the end of the line
                while i < scalars.count && scalars[i] != "\n" { i += 1 }
                continue
            }
            let start = i
            let pos = position(i)
            if c.properties.isAlphabetic || c == "_" {
                while i < scalars.count && (scalars[i].properties.isAlphabetic || scalars[i] == "_" || ("0"..."9").contains(scalars[i])) {
                    i += 1
                }
                let word = String(String.UnicodeScalarView(scalars[start..<i]))
                tokens.append(Token(kind: .identifier(word), position: pos, offset: start, endOffset: i))
            } else if ("0"..."9").contains(c) {
                while i < scalars.count && (("0"..."9").contains(scalars[i]) || scalars[i] == "." || scalars[i] == "_") { i += 1 }
                let literal = String(String.UnicodeScalarView(scalars[start..<i])).replacingOccurrences(of: "_", with: "")
                guard let value = Double(literal) else {
                    throw ExpressionError(position: pos, message: "'\(literal)' is not a number")
                }
                tokens.append(Token(kind: .number(value), position: pos, offset: start, endOffset: i))
            } else if c == "\"" {
                i += 1
                var value = String.UnicodeScalarView()
                while i < scalars.count && scalars[i] != "\"" {
                    if scalars[i] == "\n" { break }
                    value.append(scalars[i])
                    i += 1
                }
                guard i < scalars.count && scalars[i] == "\"" else {
                    throw ExpressionError(position: pos, message: "the text starting here has no closing '\"'")
                }
                i += 1
                tokens.append(Token(kind: .string(String(value)), position: pos, offset: start, endOffset: i))
            } else {
                let two = i + 1 < scalars.count ? String(String.UnicodeScalarView([c, scalars[i + 1]])) : ""
                if ["!=", "<=", ">="].contains(two) {
                    i += 2
                    tokens.append(Token(kind: .symbol(two), position: pos, offset: start, endOffset: i))
                } else if "+-*/=<>(),.".unicodeScalars.contains(c) {
                    i += 1
                    tokens.append(Token(kind: .symbol(String(c)), position: pos, offset: start, endOffset: i))
                } else {
                    throw ExpressionError(position: pos, message: "unexpected character '\(c)'")
                }
            }
        }
        tokens.append(Token(kind: .end, position: position(i), offset: i, endOffset: i))
        return tokens
    }
}
