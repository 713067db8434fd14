import ArgumentParser
import Dispatch
import Foundation
import OutcomeEval

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a data folder for one quarter and write <out>/<period>/.",
        discussion: """
            Writes results.json, report.txt, rejects.csv, data_quality.csv, portfolio.xlsx, projects/<id>.xlsx and
            manifest.json into a folder beside the target, then puts it in place; a failed or stopped run leaves the
            previous report as it was. A report whose breakdowns would let a hidden group be worked out is not put in
            place (exit 65; see check-release). rejects.csv holds raw input rows: it is internal, readable by its
            owner only. One run at a time per --out folder (exit 75 otherwise).
            """)

    @Option(help: "The folder with the registry (projects.csv by default) and one folder per unit.")
    var data: String

    @Option(help: "The definitions folder (schema.yaml, evaluation.yaml, indicators/).")
    var indicators: String = "Indicators"

    @Option(help: "The quarter to evaluate, e.g. 2026Q3 (default: the last complete quarter, Seoul time).")
    var period: String?

    @Option(help: "Where to write <period>/.")
    var out: String = "Reports"

    @Option(help: "Language of report.txt and the workbooks: ko or en.")
    var lang: String = "ko"

    @Flag(help: "Evaluate projects one at a time instead of on all cores (the output is the same).")
    var serial = false

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        let quarter = parsePeriod(period)
        guard let language = Language(rawValue: lang) else { fail(RunError.usage("--lang '\(lang)' is not ko or en.")) }
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
        let configuration = RunConfiguration(
            dataDirectory: data, indicatorsDirectory: indicators, period: quarter, language: language, serial: serial, documentTime: epoch)
        let stopping = removeOnSignal(ReportWriter.stagingFolder(output: out, period: quarter))
        defer { withExtendedLifetime(stopping) {} }
        do {
            let summary = try RunPipeline.run(
                configuration, output: out, logger: logging.makeLogger(),
                progress: logging.showsProgress ? progressLine("evaluating projects") : nil)
            print(summary.reportFolder)
        } catch {
            fail(error)
        }
    }
}

/// `--period`, or the last complete quarter before today in Seoul (UTC+9) when it is absent.
func parsePeriod(_ text: String?) -> Quarter {
    guard let text else {
        let seoulDay = Int32((Date().timeIntervalSince1970 + 9 * 3600) / 86_400)
        return Quarter(containing: Day(ordinal: seoulDay)).previous
    }
    guard let quarter = Quarter(text) else {
        fail(RunError.usage("--period '\(text)' is not a quarter like 2026Q3 (a year, Q, and 1 to 4)."))
    }
    return quarter
}

/// On SIGINT or SIGTERM, removes the half-written report folder and exits 130 or 143.
func removeOnSignal(_ staging: String) -> [DispatchSourceSignal] {
    [SIGINT, SIGTERM].map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler {
            try? FileManager.default.removeItem(atPath: staging)
            printError("outcome-eval: stopped by signal \(number); the previous report is unchanged.")
            exit(128 + number)
        }
        source.resume()
        return source
    }
}
