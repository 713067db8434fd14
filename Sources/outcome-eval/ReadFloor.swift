import ArgumentParser
import Foundation
import Pipeline

/// For `make bench` only (hidden from --help): the floor that a run's time is compared with.
struct ReadFloor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read-floor",
        abstract: "Read, SHA-256 hash and split every input file of a data folder, and nothing else (for make bench).",
        shouldDisplay: false)

    @Option(help: "The data folder.")
    var data: String

    @Option(help: "The definitions folder (its schema names the files).")
    var indicators: String = "Indicators"

    func run() throws {
        do {
            let totals = try ReadingFloor.measure(data: data, plan: try DataSetEvaluation.loadDefinitions(indicators))
            print("\(totals.files) files, \(totals.bytes) bytes, \(totals.records) records")
        } catch {
            fail(error)
        }
    }
}
