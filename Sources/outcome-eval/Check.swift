import ArgumentParser
import Foundation
import Pipeline

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every indicator definition and list each problem with file:line:column.")

    @Option(help: "The definitions folder.")
    var indicators: String = "Indicators"

    @Option(help: "A data folder whose file headers to check against the columns the definitions use.")
    var data: String?

    func run() throws {
        do {
            let plan = try DataSetEvaluation.loadDefinitions(indicators)
            print("\(indicators): \(plan.indicators.count) indicators, \(plan.breakdowns.count) breakdowns, \(plan.schema.tables.count) tables: OK")
            guard let data else { return }
            try DataCheck.requireHeaders(plan: plan, data: data)
            print("\(data): every file has the columns the definitions use: OK")
        } catch {
            fail(error)
        }
    }
}
