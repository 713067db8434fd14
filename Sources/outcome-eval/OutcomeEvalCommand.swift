import ArgumentParser
import Foundation
import OutcomeEval

@main
struct OutcomeEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome-eval",
        abstract: "Scores Seoul social-innovation projects from their outcome CSVs.",
        version: OutcomeEvalVersion.string,
        subcommands: [Run.self, Check.self, SampleDataCommand.self])
}

/// Turns a library error into a message on stderr and the documented exit code.
func fail(_ error: Error) -> Never {
    if let error = error as? RunError {
        FileHandle.standardError.write(Data("outcome-eval: \(error)\n".utf8))
        Foundation.exit(error.exitCode)
    }
    FileHandle.standardError.write(Data("outcome-eval: internal error: \(error)\n".utf8))
    Foundation.exit(70)
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
