/// What may be published of a breakdown: `small_cell_threshold` and `complementary_suppression`
/// of evaluation.yaml.
public struct DisclosureRule: Sendable, Equatable {
    public var threshold: Int
    public var complementary: Bool

    public init(threshold: Int, complementary: Bool) {
        self.threshold = threshold
        self.complementary = complementary
    }
}
