import Definitions

/// Why a run failed, with the exit code cron and scripts see (sysexits).
public enum RunError: Error, Sendable, CustomStringConvertible {
    /// 64: the command line is wrong.
    case usage(String)
    /// 65: a definition file is wrong.
    case definitions(DefinitionErrors)
    /// 65: data that cannot be used as it is.
    case badData([String])
    /// 66: an input folder or file is missing or unreadable.
    case inputMissing(String)
    /// 73: the output cannot be written.
    case cannotWrite(String)
    /// 74: a file was written but does not hold what was written to it (an I/O error on the way).
    case ioError(String)
    /// 75: another run holds the output folder.
    case locked(String)
    /// 70: a bug.
    case internalError(String)

    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .definitions, .badData: return 65
        case .inputMissing: return 66
        case .internalError: return 70
        case .cannotWrite: return 73
        case .ioError: return 74
        case .locked: return 75
        }
    }

    public var description: String {
        switch self {
        case let .usage(message): return message
        case let .definitions(errors):
            return errors.description + "\n\(errors.diagnostics.count) problem\(errors.diagnostics.count == 1 ? "" : "s") found; fix them and run again."
        case let .badData(messages): return messages.joined(separator: "\n")
        case let .inputMissing(message), let .cannotWrite(message), let .ioError(message), let .locked(message), let .internalError(message):
            return message
        }
    }
}
