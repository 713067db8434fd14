/// A problem with an input file as a whole (not with one row of it).
public enum InputError: Error, Equatable, Sendable {
    case cannotOpen(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    /// Neither valid UTF-8 nor valid CP949; `offset` is the first byte that fits neither.
    case unknownEncoding(path: String, offset: Int)
}

extension InputError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "\(path): cannot open (\(reason)). Check that the file exists and is readable."
        case let .cannotRead(path, reason):
            return "\(path): cannot read (\(reason))."
        case let .unknownEncoding(path, offset):
            return "\(path): byte offset \(offset): the file is neither UTF-8 nor CP949/EUC-KR. "
                + "Save it again as \"CSV UTF-8\" and re-run."
        }
    }
}
