import ArgumentParser
import DataContract
import Dispatch
import Evaluation
import Foundation
import Pipeline
import Results

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a data folder for one quarter and write <out>/<period>/.",
        discussion: """
            Writes results.json, report.txt, report.html, rejects.csv, data_quality.csv, portfolio.xlsx, projects/<id>.xlsx and \
            manifest.json into a folder beside the target (libxlsxwriter's temporary files too, not /tmp), checks \
            every workbook (exit 74 if one does not hold what was written), flushes everything to disk, then swaps it \
            with the previous report in one step; a failed or stopped run leaves the previous report as it was (exit 73 \
            when the output cannot be written). A report whose breakdowns would let a hidden group be worked out is not put in \
            place (exit 65; see check-release). rejects.csv holds raw input rows: it is internal, readable by its \
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

    @Option(help: "Language of report.txt, report.html and the workbooks: ko or en.")
    var lang: String = "ko"

    @Flag(help: "Evaluate projects one at a time instead of on all cores (the output is the same).")
    var serial = false

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        // Memory a project frees is kept for the next (where glibc refuses, the run is slower, not different).
        _ = MemoryReuse.keepFreedMemory()
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
            stoppingBySignal.lock()
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

/// Held by a signal handler from the moment it starts stopping the run: the removal of the
/// staging folder makes the run itself fail (73), and that failure must wait, not exit first.
let stoppingBySignal = NSLock()

/// On SIGINT or SIGTERM, stops the workers, removes the half-written report folder and exits
/// 130 or 143. The handler has a queue of its own, so that it runs even while the workers
/// keep every thread of the shared pool busy.
func removeOnSignal(_ staging: String) -> [DispatchSourceSignal] {
    let queue = DispatchQueue(label: "outcome-eval.signals")
    return [SIGINT, SIGTERM].map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
        source.setEventHandler {
            stoppingBySignal.lock()
            // Stopped first: a worker still writing a workbook would make the folder again.
            Workers.shared.stop()
            try? FileManager.default.removeItem(atPath: staging)
            printError("outcome-eval: stopped by signal \(number); the previous report is unchanged.")
            exit(128 + number)
        }
        source.resume()
        return source
    }
}
