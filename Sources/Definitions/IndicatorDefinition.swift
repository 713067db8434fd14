import DataContract

/// One indicator as an evaluator wrote it in `Indicators/indicators/`.
public struct IndicatorDefinition: Sendable {
    public enum Direction: String, Sendable {
        case higher, lower
    }

    /// How a value is shown in reports.
    public enum Format: String, Sendable {
        /// A share from 0 to 1, shown as a percentage.
        case percent
        /// A plain number with decimals.
        case number
        /// A whole number.
        case count
    }

    public var id: String
    public var name: LocalizedText
    public var dimension: String
    /// The condition on the project's registry row, as written; `nil` means every project.
    public var appliesTo: String?
    public var value: String
    public var direction: Direction
    public var floor: String
    public var target: String
    public var weight: Double
    public var format: Format
    public var description: LocalizedText?
    /// What is missing, in plain words, when the value cannot be computed from the rows
    /// (`missing:`); reports show it instead of the expression a reason quotes.
    public var missing: LocalizedText?
    /// The definition file, relative to the definitions folder.
    public var file: String
}
