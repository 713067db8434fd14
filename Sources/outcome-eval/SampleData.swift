import ArgumentParser
import OutcomeEval

struct SampleData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-data", abstract: "Write a synthetic data set in the data contract.")

    func run() throws {}
}
