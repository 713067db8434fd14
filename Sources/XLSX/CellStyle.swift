/// How a cell looks. Equal styles share one libxlsxwriter format.
public struct CellStyle: Hashable, Sendable {
    public var bold = false
    /// An Excel number format such as `0.0%` or `#,##0`.
    public var numberFormat: String?
    /// Fill colour as 0xRRGGBB.
    public var fill: UInt32?
    public var wrap = false
    public var alignRight = false
    public var border = false

    public init(bold: Bool = false, numberFormat: String? = nil, fill: UInt32? = nil, wrap: Bool = false, alignRight: Bool = false, border: Bool = false) {
        self.bold = bold
        self.numberFormat = numberFormat
        self.fill = fill
        self.wrap = wrap
        self.alignRight = alignRight
        self.border = border
    }
}
