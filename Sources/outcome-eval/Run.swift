import ArgumentParser
import Foundation
import OutcomeEval

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a data folder for one quarter and write Reports/<period>/.")

    @Option(help: "The folder with projects.csv and one folder per project.")
    var data: String

    @Option(help: "The definitions folder (schema.yaml, evaluation.yaml, indicators/).")
    var indicators: String = "Indicators"

    @Option(help: "The quarter to evaluate, e.g. 2026Q3.")
    var period: String

    @Option(help: "Where to write <period>/.")
    var out: String = "Reports"

    @Option(help: "Report language: ko or en.")
    var lang: String = "ko"

    @Flag(help: "Evaluate projects one at a time instead of on all cores.")
    var serial = false

    func run() throws {
        guard let quarter = Quarter(period) else {
            fail(RunError.usage("--period '\(period)' is not a quarter like 2026Q3 (quarters are Q1 to Q4)."))
        }
        guard let language = Language(rawValue: lang) else {
            fail(RunError.usage("--lang '\(lang)' is not ko or en."))
        }
        do {
            let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
            let result = try Evaluation.run(
                RunConfiguration(
                    dataDirectory: data, indicatorsDirectory: indicators, period: quarter, language: language, serial: serial,
                    documentTime: epoch))
            let over = result.filesOverCeiling
            if !over.isEmpty {
                let lines = over.map { f in
                    "\(f.file): \(f.rejected) of \(f.read) rows rejected, above the ceiling; top reasons: "
                        + f.topReasons.prefix(3).map { "\($0.code) \($0.count)" }.joined(separator: ", ")
                }
                throw RunError.badData(lines + ["The report was not replaced. Fix the rows (see the reasons) or raise reject_ceiling in evaluation.yaml."])
            }
            let warnings = try ReportWriter.publish(result, to: out)
            for warning in warnings { printError("outcome-eval: warning: \(warning)") }
            print("\(out)/\(quarter)")
        } catch {
            fail(error)
        }
    }
}
