import ArgumentParser
import Foundation
import OutcomeEval

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every indicator definition and list each problem with file:line:column.")

    @Option(help: "The definitions folder.")
    var indicators: String = "Indicators"

    func run() throws {
        do {
            let plan = try Evaluation.loadDefinitions(indicators)
            print("\(indicators): \(plan.indicators.count) indicators, \(plan.breakdowns.count) breakdowns, \(plan.schema.tables.count) tables: OK")
        } catch {
            fail(error)
        }
    }
}
