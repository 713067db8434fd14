/// The tool's version, written into every output so a report names what made it.
public enum OutcomeEvalVersion {
    public static let string = "0.1.0"
}
