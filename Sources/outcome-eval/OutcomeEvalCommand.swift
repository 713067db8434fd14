import ArgumentParser
import Foundation
import Pipeline
import Reports

@main
struct OutcomeEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome-eval",
        abstract: "Scores the units of a registry (projects, regions, …) from their outcome CSVs, by indicators written as data.",
        discussion: "Exit codes: 0 done, 1 verify found differences or check-release found a group it could work out, 64 bad command line, 65 bad data or definitions, "
            + "66 input missing, 70 internal error, 73 output not writable, 74 a workbook on disk is not what was written (I/O error), 75 another run holds the output folder.",
        version: OutcomeEvalVersion.string,
        subcommands: [Run.self, Check.self, Verify.self, CheckRelease.self, SampleDataCommand.self, ReadFloor.self])
}

/// Prints a library error and exits with its documented code; never a stack trace.
func fail(_ error: Error) -> Never {
    if let error = error as? RunError {
        printError("outcome-eval: \(error)")
        Foundation.exit(error.exitCode)
    }
    printError("outcome-eval: internal error: \(error)")
    Foundation.exit(70)
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
