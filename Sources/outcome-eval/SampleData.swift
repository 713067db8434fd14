import ArgumentParser
import Foundation
import Pipeline
import SampleData

struct SampleDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-data",
        abstract: "Write a synthetic data set in the data contract (2025Q1-2026Q3), for trials and benchmarks.")

    @Option(help: "Seed of the random numbers: the same seed writes the same bytes.")
    var seed: UInt64 = 2026

    @Option(help: "How many projects (the six bureau programmes, then numbered copies).")
    var projects: Int = 6

    @Option(help: "Multiplies participants, activities and money per project.")
    var scale: Int = 1

    @Option(help: "Multiplies the attendance rows only, leaving the participants as they are.")
    var attendanceFactor: Int = 1

    @Flag(help: "Leave out the deliberate defects (CP949, BOM, bad rows, missing and header-only tables).")
    var clean = false

    @Option(help: "The folder to write.")
    var out: String

    func run() throws {
        guard projects >= 1, scale >= 1 else { fail(RunError.usage("--projects and --scale must be at least 1.")) }
        do {
            let summary = try SampleGenerator(seed: seed, projects: projects, scale: scale, attendanceFactor: attendanceFactor, clean: clean).write(to: out)
            printError("sample-data: \(summary.files) files, \(summary.rows) rows, \(summary.bytes / 1_000_000) MB in \(out)")
        } catch {
            fail(error)
        }
    }
}
