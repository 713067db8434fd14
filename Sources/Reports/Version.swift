import XLSX

/// The tool's version, written into every output so a report names what made it.
public enum OutcomeEvalVersion {
    public static let string = "0.1.0"

    /// The libraries whose versions the output bytes may depend on, by name: libxlsxwriter
    /// (the workbooks) and the Swift packages of Package.resolved (a test keeps them equal).
    /// manifest.json records them, and `verify` names any that differ.
    public static let libraries: [(name: String, version: String)] = [
        ("libxlsxwriter", Workbook.libraryVersion),
        ("swift-argument-parser", "1.8.2"),
        ("swift-log", "1.16.2"),
        ("yams", "6.2.2"),
    ]
}
