import TextCells

/// One bar: its label, the value its length shows, and texts beside it.
public struct BarChartItem: Sendable, Equatable {
    public var label: String
    public var value: Int64
    public var valueText: String
    public var detailText: String

    public init(label: String, value: Int64, valueText: String, detailText: String) {
        self.label = label
        self.value = value
        self.valueText = valueText
        self.detailText = detailText
    }
}

/// A horizontal bar chart, one bar a row, lengths exact to an eighth of a cell.
public struct BarChartView {
    public var items: [BarChartItem]
    public var scroll: ScrollState

    public init(items: [BarChartItem], scroll: ScrollState) {
        self.items = items
        self.scroll = scroll
    }

    /// The bar's text for `value` out of `maximum` in `width` cells.
    public static func bar(value: Int64, maximum: Int64, width: Int, glyphs: Glyphs) -> String {
        guard maximum > 0, value > 0, width > 0 else { return "" }
        let eighths = Int((Double(value) / Double(maximum) * Double(width * 8)).rounded())
        let clamped = min(max(eighths, 1), width * 8)
        var bar = String(repeating: glyphs.barFull, count: clamped / 8) + glyphs.barEighths[clamped % 8]
        if bar.isEmpty { bar = glyphs.isASCII ? "+" : "▏" }
        return bar
    }

    public func draw(in rect: Rect, canvas: inout Canvas, theme: Theme, glyphs: Glyphs) {
        guard !rect.isEmpty, !items.isEmpty else { return }
        let labelWidth = min(max(8, items.map { DisplayWidth.of($0.label) }.max() ?? 0), max(8, rect.width / 3))
        let valueWidth = items.map { DisplayWidth.of($0.valueText) }.max() ?? 0
        let detailWidth = items.map { DisplayWidth.of($0.detailText) }.max() ?? 0
        let barWidth = max(1, rect.width - labelWidth - valueWidth - detailWidth - 3)
        let maximum = items.map(\.value).max() ?? 0
        for line in 0..<rect.height {
            let index = scroll.top + line
            guard index < items.count else { break }
            let item = items[index]
            let y = rect.y + line
            let isSelected = index == scroll.selected
            let rowStyle = isSelected ? theme.selected : theme.normal
            canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: rowStyle)
            var x = rect.x
            canvas.draw(ColumnFit.pad(item.label, to: labelWidth), x: x, y: y, style: rowStyle, clip: rect)
            x += labelWidth + 1
            let bar = Self.bar(value: item.value, maximum: maximum, width: barWidth, glyphs: glyphs)
            canvas.draw(bar, x: x, y: y, style: isSelected ? theme.selectedBar : theme.bar, clip: rect)
            x += barWidth + 1
            canvas.draw(ColumnFit.pad(item.valueText, to: valueWidth, alignment: .right), x: x, y: y, style: rowStyle, clip: rect)
            x += valueWidth + 1
            canvas.draw(ColumnFit.pad(item.detailText, to: detailWidth, alignment: .right), x: x, y: y, style: rowStyle, clip: rect)
        }
    }
}
