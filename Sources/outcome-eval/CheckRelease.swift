import ArgumentParser
import Pipeline

struct CheckRelease: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-release",
        abstract: "Try to work out every hidden group of a report's breakdowns from what its results.json publishes.",
        discussion: "Exit 0 when no hidden group can be worked out; exit 1 listing each one that can (project / breakdown / group: value).")

    @Argument(help: "The report folder, e.g. Reports/2026Q3 (it holds results.json).")
    var report: String

    func run() throws {
        let leaks: [ReleaseAudit.Leak]
        do {
            leaks = try ReleaseAudit.leaks(in: report)
        } catch {
            fail(error)
        }
        guard !leaks.isEmpty else {
            print("safe: no hidden group of \(report)/results.json can be worked out")
            return
        }
        print("unsafe: \(leaks.count) hidden group\(leaks.count == 1 ? "" : "s") of \(report)/results.json can be worked out")
        for leak in leaks { print("  \(leak)") }
        throw ExitCode(1)
    }
}
