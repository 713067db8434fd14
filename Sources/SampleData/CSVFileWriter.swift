import CSVReading
import Foundation
import Pipeline

/// Writes a CSV file through a buffer, quoting fields the RFC 4180 way (`CSVField`).
final class CSVFileWriter {
    enum Encoding { case utf8, utf8WithBOM, cp949 }

    private let path: String
    private let handle: FileHandle
    private let lineEnd: String
    private let encoding: Encoding
    private var buffer: [UInt8] = []
    private(set) var rows = 0
    private(set) var bytes = 0

    init(path: String, header: [String], encoding: Encoding = .utf8, crlf: Bool = false) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw RunError.cannotWrite("\(path): cannot create the file")
        }
        self.handle = handle
        self.encoding = encoding
        lineEnd = crlf ? "\r\n" : "\n"
        buffer.reserveCapacity(1 << 20)
        if encoding == .utf8WithBOM { buffer += [0xEF, 0xBB, 0xBF] }
        writeLine(header.map(CSVField.quoted).joined(separator: ","))
    }

    func row(_ fields: [String]) {
        rows += 1
        writeLine(fields.map(CSVField.quoted).joined(separator: ","))
    }

    /// A line exactly as given, for the deliberately broken rows.
    func rawLine(_ line: String) {
        rows += 1
        writeLine(line)
    }

    private func writeLine(_ line: String) {
        buffer += Array((line + lineEnd).utf8)
        if buffer.count >= 1 << 20 && encoding != .cp949 { flush() }
    }

    private func flush() {
        bytes += buffer.count
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        if encoding == .cp949 {
            guard let encoded = encodeCP949(buffer) else { throw RunError.internalError("\(path): text without a CP949 form") }
            buffer = encoded
        }
        flush()
        try handle.close()
    }
}
