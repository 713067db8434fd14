import ArgumentParser
import DataContract
import Foundation
import Logging

/// How the steps of a run are logged, on stderr; stdout carries results only.
struct LoggingOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument {
        case human, json
    }

    @Option(help: "Log lines as 'human' text or 'json' objects (for log collectors).")
    var logFormat: Format = .human

    @Flag(help: "Log errors only (for cron).")
    var quiet = false

    /// Whether to draw a progress line: only for a person watching a terminal.
    var showsProgress: Bool { !quiet && logFormat == .human && isatty(STDERR_FILENO) == 1 }

    func makeLogger() -> Logger {
        let level: Logger.Level = quiet ? .error : .info
        let format = logFormat
        return Logger(label: "outcome-eval") { _ in
            var handler = StderrLogHandler(format: format)
            handler.logLevel = level
            return handler
        }
    }
}

/// Writes log records to stderr as a human line or a JSON object.
struct StderrLogHandler: LogHandler {
    let format: LoggingOptions.Format
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let level = event.level
        let message = event.message
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let text: String
        switch format {
        case .human:
            let details = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            let prefix = level >= .warning ? "\(level): " : ""
            text = "outcome-eval: \(prefix)\(message)" + (details.isEmpty ? "" : " (\(details))")
        case .json:
            var object: [String: Any] = [
                "time": ISO8601DateFormatter().string(from: Date()), "level": level.rawValue, "message": "\(message)",
            ]
            for (key, value) in all { object[key] = "\(value)" }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            text = String(decoding: data, as: UTF8.self)
        }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// A one-line progress display, redrawn in place.
func progressLine(_ label: String) -> @Sendable (Int, Int) -> Void {
    { done, total in
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(label) [\(bar)] \(done)/\(total)\(done == total ? "\n" : "")".utf8))
    }
}
