import CSVReading
import Definitions
import Evaluation

/// Entry points for the fuzz targets (Fuzz/) and their regression tests: each takes any bytes
/// and must neither crash nor hang; where there is an independent answer, it checks it.
public enum Fuzzing {
    /// The CSV reader over arbitrary bytes, with small limits so that every path of the buffer
    /// handling is reached; falls back to CP949 as a data file would. The fields of a batch's
    /// records read ahead (as the table scan parses them) must be those read at each record.
    public static func csv(_ bytes: [UInt8]) {
        let limits = CSVLimits(maxFieldBytes: 64, maxRecordBytes: 256)
        func read(_ reader: CSVReader) throws {
            var records = 0
            var ahead: [[[UInt8]]?] = []
            while try reader.next() {
                records += 1
                let fields = (0..<reader.fieldCount).map { Array(reader.field($0)) }
                if reader.startedBatch {
                    // Records of the first record's width, split cleanly, read ahead.
                    let width = reader.fieldCount
                    ahead = (0..<reader.batchCount).map { k in
                        reader.isWhole(record: k, width: width) ? (0..<width).map { Array(reader.field($0, ofRecord: k)) } : nil
                    }
                }
                precondition(reader.isWhole(record: reader.batchPosition, width: reader.fieldCount) == (reader.problem == nil))
                if let read = ahead[reader.batchPosition] { precondition(read == fields, "a field read ahead must be the field") }
                _ = reader.rawRecord
                precondition(reader.line >= records, "line numbers must not fall behind records")
            }
        }
        do {
            try read(CSVReader(path: "fuzz", source: MemoryByteSource(bytes), validatesUTF8: true, limits: limits))
        } catch CSVReadError.notUTF8 {
            guard let transcoder = Transcoder(from: "CP949", to: "UTF-8"), case let .success(utf8) = transcoder.convertAll(bytes) else { return }
            try? read(CSVReader(path: "fuzz", source: MemoryByteSource(utf8), validatesUTF8: false, limits: limits))
        } catch {}
    }

    /// The chunk planner against one sequential read: written to `scratch` (a file path), split
    /// into 16-byte chunks, and into about three (so that the planner's word-at-a-time pass runs
    /// between boundaries), when the planner allows, the chunks must give the same records
    /// with the same line numbers.
    public static func chunks(_ bytes: [UInt8], scratch: String) {
        guard let handle = fopen(scratch, "wb") else { return }
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, bytes.count, handle) }
        fclose(handle)
        let limits = CSVLimits(maxFieldBytes: 64, maxRecordBytes: 256)
        func records(_ reader: CSVReader) throws -> [String] {
            var out: [String] = []
            while try reader.next() {
                out.append("\(reader.line):\(reader.problem.map { "\($0)" } ?? "")" + (0..<reader.fieldCount).map { reader.string($0) }.joined(separator: "|"))
            }
            return out
        }
        guard let whole = try? records(CSVReader(path: scratch, encoding: .utf8, limits: limits)) else { return }
        for chunkBytes in [16, 16 + bytes.count / 3] {
            guard let plan = try? ChunkPlan.make(path: scratch, chunkBytes: chunkBytes, limits: limits) else { continue }
            var pieces: [String] = []
            for (i, range) in plan.ranges.enumerated() {
                guard let source = try? FileByteSource(path: scratch, range: range),
                    let part = try? records(CSVReader(path: scratch, source: source, validatesUTF8: true, limits: limits, firstLine: plan.firstLines[i]))
                else { preconditionFailure("a chunk could not be read") }
                pieces += part
            }
            precondition(pieces == whole, "chunked records (\(chunkBytes)-byte chunks) differ from one read:\n\(pieces)\n\(whole)")
        }
    }

    /// The streaming UTF-8 check must agree with Swift's own decoder, wherever the pieces split.
    public static func encoding(_ bytes: [UInt8]) {
        let expected = String(validating: bytes, as: UTF8.self) != nil
        let found = bytes.withUnsafeBytes { raw -> Bool in
            var from = 0
            var end = 0
            while end < raw.count {
                end = min(raw.count, end + 5)
                let result = UTF8Validator.validate(raw, from: from, to: end, final: end == raw.count)
                if result.invalidAt != nil { return false }
                from = result.validUpTo
            }
            return true
        }
        precondition(found == expected, "UTF8Validator says \(found), Swift says \(expected) for \(bytes)")
        _ = encodeCP949(bytes)
        if let transcoder = Transcoder(from: "CP949", to: "UTF-8") { _ = transcoder.convertAll(bytes) }
    }

    /// The indicator language: parse and compile any text against the given definitions' schema.
    public static func expression(_ bytes: [UInt8], plan: EvaluationPlan) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let compiler = Compiler(schema: plan.schema, references: plan.settings.references)
        if let syntax = try? Parser.parse(text) {
            _ = try? compiler.number(syntax, in: .indicator)
            _ = try? compiler.condition(syntax, in: .project)
        }
        _ = try? Parser.parseSource(text)
    }

    /// A whole indicator file, YAML included, in a copy of the definitions folder `directory`.
    public static func definitionFile(_ bytes: [UInt8], directory: String) {
        let path = directory + "/indicators/99-fuzz.yaml"
        guard let handle = fopen(path, "wb") else { return }
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, bytes.count, handle) }
        fclose(handle)
        _ = try? EvaluationPlan.load(directory: directory)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
