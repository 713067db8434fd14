import DataContract

/// The page's charts as inline SVG, each with a `<title>` and a `<desc>` that say in words
/// what it shows; the tables beside them hold the same numbers.
enum SVGCharts {
    /// One bar per labelled score on a 0 to 100 scale; a missing score has no bar and says so.
    struct Bar {
        var label: String
        var score: Double?
        /// `#RRGGBB` of the score's band.
        var color: String?
        /// What is written after the bar: the score and its band in words.
        var text: String
    }

    static func bars(_ bars: [Bar], id: String, title: String, description: String, into html: inout HTMLWriter) {
        let rowHeight = 26.0
        let labelWidth = textWidth(bars.map(\.label))
        let scale = 2.0  // 200 units for 100 points
        let height = rowHeight * Double(bars.count) + 20
        open(id: id, width: labelWidth + 206 + textWidth(bars.map(\.text)), height: height, title: title, description: description, into: &html)
        for tick in stride(from: 0.0, through: 100, by: 25) {
            let x = labelWidth + tick * scale
            html.void("line", ["class": "grid", "x1": n(x), "y1": "0", "x2": n(x), "y2": n(height - 16)], selfClosing: true)
            html.element("text", ["x": n(x), "y": n(height - 4), "text-anchor": "middle"], n(tick))
        }
        for (i, bar) in bars.enumerated() {
            let y = rowHeight * Double(i)
            html.element("text", ["x": "0", "y": n(y + 18)], bar.label)
            let width = (bar.score ?? 0) * scale
            if bar.score != nil {
                html.void(
                    "rect", ["class": "bar", "x": n(labelWidth), "y": n(y + 4), "width": n(width), "height": n(rowHeight - 8), "fill": bar.color ?? "#cccccc"],
                    selfClosing: true)
            }
            html.element("text", ["x": n(labelWidth + width + 6), "y": n(y + 18)], bar.text)
        }
        html.close("svg")
    }

    /// Series over the quarters on a 0 to 100 scale; a missing point breaks its line. Series
    /// differ in dash pattern as well as colour, and the legend shows both.
    struct Series {
        var name: String
        var points: [Double?]
    }

    static func lines(_ series: [Series], quarters: [String], id: String, title: String, description: String, into html: inout HTMLWriter) {
        let (left, top, plotWidth, plotHeight) = (30.0, 10.0, 260.0, 170.0)
        let width = left + plotWidth + 40 + textWidth(series.map(\.name))
        let height = top + plotHeight + 30
        open(id: id, width: width, height: height, title: title, description: description, into: &html)
        func x(_ q: Int) -> Double { left + (quarters.count > 1 ? plotWidth * Double(q) / Double(quarters.count - 1) : plotWidth / 2) }
        func y(_ score: Double) -> Double { top + plotHeight * (1 - score / 100) }
        for tick in stride(from: 0.0, through: 100, by: 25) {
            html.void("line", ["class": "grid", "x1": n(left), "y1": n(y(tick)), "x2": n(left + plotWidth), "y2": n(y(tick))], selfClosing: true)
            html.element("text", ["x": n(left - 4), "y": n(y(tick) + 4), "text-anchor": "end"], n(tick))
        }
        for (q, quarter) in quarters.enumerated() {
            html.element("text", ["x": n(x(q)), "y": n(height - 8), "text-anchor": "middle"], quarter)
        }
        for (s, line) in series.enumerated() {
            var path = ""
            var previous: Double?
            for (q, point) in line.points.enumerated() {
                guard let point else {
                    previous = nil
                    continue
                }
                path += (previous == nil ? "M" : "L") + n(x(q)) + " " + n(y(point)) + " "
                previous = point
            }
            let style = "line s\(s % 6)"
            if !path.isEmpty { html.void("path", ["class": style, "d": String(path.dropLast())], selfClosing: true) }
            for (q, point) in line.points.enumerated() {
                guard let point else { continue }
                html.void("circle", ["class": style, "cx": n(x(q)), "cy": n(y(point)), "r": "3", "fill": "#ffffff"], selfClosing: true)
            }
            // The legend: a sample of the line's colour and dash, and its name.
            let legendY = top + 10 + Double(s) * 20
            html.void("line", ["class": style, "x1": n(left + plotWidth + 10), "y1": n(legendY), "x2": n(left + plotWidth + 34), "y2": n(legendY)], selfClosing: true)
            html.element("text", ["x": n(left + plotWidth + 40), "y": n(legendY + 4)], line.name)
        }
        html.close("svg")
    }

    private static func open(id: String, width: Double, height: Double, title: String, description: String, into html: inout HTMLWriter) {
        html.open("svg", ["viewBox": "0 0 \(n(width)) \(n(height))", "role": "img", "aria-labelledby": "\(id)-t \(id)-d"])
        html.element("title", ["id": "\(id)-t"], title)
        html.element("desc", ["id": "\(id)-d"], description)
    }

    /// Room for the longest of `texts` at 8 units a character cell (a Hangul syllable is two),
    /// so that no label is cut whatever the language.
    private static func textWidth(_ texts: [String]) -> Double {
        Double(texts.map(DisplayWidth.of).max() ?? 0) * 8 + 10
    }

    /// Coordinates with one decimal, the same on every machine.
    static func n(_ value: Double) -> String {
        let text = Fixed.string(value, decimals: 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
