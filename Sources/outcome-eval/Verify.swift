import ArgumentParser
import Foundation
import Pipeline

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regenerate a report from the raw CSVs and compare it with the published one, byte for byte.",
        discussion: "Exit 0 when every file is identical; exit 1 with the list of what differs.")

    @Option(help: "The data folder the report was made from.")
    var data: String

    @Option(help: "The definitions folder the report was made with.")
    var indicators: String = "Indicators"

    @Option(help: "The report folder, e.g. Reports/2026Q3 (it holds manifest.json).")
    var report: String

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        // Memory a project frees is kept for the next (where glibc refuses, the run is slower, not different).
        _ = MemoryReuse.keepFreedMemory()
        do {
            let result = try Verification.verify(data: data, indicators: indicators, report: report, logger: logging.makeLogger())
            if result.differences.isEmpty {
                print("identical: \(result.filesCompared) files of \(report) are reproduced byte for byte")
            } else {
                print("differs: \(report) is not what the data and definitions give now")
                for line in result.differences { print("  " + line) }
                throw ExitCode(1)
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            fail(error)
        }
    }
}
