import Yams

/// Maps a place in an expression back to a place in its YAML file.
///
/// A literal block (`value: |`) keeps its lines, so line k of the expression is the k-th
/// line under the key. Plain, quoted and folded scalars join their lines with single spaces,
/// so the place is found by walking the file's lines and counting characters.
enum ExpressionLocation {
    static func diagnostic(_ error: ExpressionError, node: Node, file: YAMLFile) -> Diagnostic {
        let (line, column) = locate(error.position, node: node, file: file)
        return Diagnostic(file: file.path, line: line, column: column, message: error.message)
    }

    static func locate(_ position: TextPosition, node: Node, file: YAMLFile) -> (Int, Int) {
        guard let mark = node.mark, let scalar = node.scalar else { return (position.line, position.column) }
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        func indentation(_ line: Int) -> Int {
            guard line - 1 < lines.count else { return 0 }
            return lines[line - 1].prefix { $0 == " " }.count
        }
        switch scalar.style {
        case .literal:
            // The block's indentation is that of its first line; deeper lines keep the rest.
            return (mark.line + position.line, indentation(mark.line + 1) + position.column)
        case .folded:
            return walk(position.column, segmentsFrom: mark.line + 1, firstColumn: nil, lines: lines)
        case .singleQuoted, .doubleQuoted:
            return walk(position.column, segmentsFrom: mark.line, firstColumn: mark.column + 1, lines: lines)
        case .plain, .any:
            return walk(position.column, segmentsFrom: mark.line, firstColumn: mark.column, lines: lines)
        }
    }

    /// Finds the file place of character `column` of text made of file lines joined by spaces.
    private static func walk(_ column: Int, segmentsFrom firstLine: Int, firstColumn: Int?, lines: [[Unicode.Scalar]]) -> (Int, Int) {
        var remaining = column - 1
        var line = firstLine
        while line - 1 < lines.count {
            let text = lines[line - 1]
            let start = line == firstLine && firstColumn != nil ? firstColumn! - 1 : text.prefix { $0 == " " }.count
            let length = max(0, text.count - start)
            if remaining <= length || line - 1 == lines.count - 1 {
                return (line, start + remaining + 1)
            }
            remaining -= length + 1
            line += 1
        }
        return (firstLine, (firstColumn ?? 1) + column - 1)
    }
}
