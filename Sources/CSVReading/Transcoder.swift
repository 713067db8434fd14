#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts between encodings with the C library's iconv; owns its conversion descriptor.
///
/// Its `var`s are `@exclusivity(unchecked)`: a transcoder belongs to the one source that uses it,
/// and no method holds an access to one open across a call that could come back to it (the overlap
/// the run-time checks look for, which across targets would cost the run: BENCHMARKS.md, "The split
/// into nine targets").
package final class Transcoder {
    private let descriptor: iconv_t

    /// `nil` when the C library does not know one of the encodings.
    package init?(from source: String, to target: String) {
        guard let cd = iconv_open(target, source), cd != iconv_t(bitPattern: -1) else { return nil }
        descriptor = cd
    }

    deinit { iconv_close(descriptor) }

    enum Step {
        /// Converted what fit; `consumed` input bytes and `produced` output bytes.
        case progressed(consumed: Int, produced: Int)
        /// The input at `consumed` is not valid in the source encoding.
        case invalid(consumed: Int, produced: Int)
    }

    /// One call of iconv(3); an incomplete sequence at the end of `input` is left unconsumed.
    func convert(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Step {
        var inPointer = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: CChar.self))
        var inLeft = input.count
        var outPointer = output.baseAddress?.assumingMemoryBound(to: CChar.self)
        var outLeft = output.count
        let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
        let consumed = input.count - inLeft
        let produced = output.count - outLeft
        if result == -1 && errno == EILSEQ {
            return .invalid(consumed: consumed, produced: produced)
        }
        return .progressed(consumed: consumed, produced: produced)
    }

    /// Converts a whole byte string, or returns the offset of the first invalid byte.
    package func convertAll(_ bytes: [UInt8]) -> Result<[UInt8], InvalidOffset> {
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var consumedTotal = 0
        var producedTotal = 0
        while consumedTotal < bytes.count {
            let step = bytes.withUnsafeBytes { input in
                output.withUnsafeMutableBytes { out in
                    convert(
                        UnsafeRawBufferPointer(rebasing: input[consumedTotal...]),
                        into: UnsafeMutableRawBufferPointer(rebasing: out[producedTotal...]))
                }
            }
            switch step {
            case let .invalid(consumed, _):
                return .failure(InvalidOffset(offset: consumedTotal + consumed))
            case let .progressed(consumed, produced):
                consumedTotal += consumed
                producedTotal += produced
                if consumed == 0 && produced == 0 {
                    // Output full or truncated input at the end.
                    if output.count - producedTotal < 16 {
                        output += [UInt8](repeating: 0, count: output.count)
                    } else {
                        return .failure(InvalidOffset(offset: consumedTotal))
                    }
                }
            }
        }
        return .success(Array(output[..<producedTotal]))
    }

    package struct InvalidOffset: Error { let offset: Int }
}

/// Reads a CP949 (or EUC-KR, its subset) file as UTF-8.
///
/// Its `var`s are `@exclusivity(unchecked)`: a source belongs to the one reader that drains it, and
/// no method holds an access to one open across a call that could come back to it (the overlap the
/// run-time checks look for, which across targets would cost the run: BENCHMARKS.md, "The split
/// into nine targets").
final class CP949ByteSource: ByteSource {
    private let file: FileByteSource
    private let transcoder: Transcoder
    @exclusivity(unchecked) private var pending: [UInt8] = []
    @exclusivity(unchecked) private var pendingStart = 0
    @exclusivity(unchecked) private var atEnd = false
    @exclusivity(unchecked) private var consumedOffset = 0

    init(path: String) throws(InputError) {
        file = try FileByteSource(path: path)
        guard let transcoder = Transcoder(from: "CP949", to: "UTF-8") else {
            throw InputError.cannotRead(path: path, reason: "this system's iconv has no CP949")
        }
        self.transcoder = transcoder
        pending.reserveCapacity(1 << 16)
    }

    var fileOffset: Int { consumedOffset }
    var digest: String? { file.digest }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while true {
            if pendingStart < pending.count {
                let available = pending.count - pendingStart
                let step = pending.withUnsafeBytes { input in
                    transcoder.convert(UnsafeRawBufferPointer(rebasing: input[pendingStart...]), into: buffer)
                }
                switch step {
                case let .invalid(consumed, _):
                    throw InputError.unknownEncoding(path: file.path, offset: consumedOffset + consumed)
                case let .progressed(consumed, produced):
                    pendingStart += consumed
                    consumedOffset += consumed
                    if produced > 0 { return produced }
                    if atEnd && consumed == 0 && available > 0 {
                        // A lead byte with no trail byte at the end of the file.
                        throw InputError.unknownEncoding(path: file.path, offset: consumedOffset)
                    }
                }
            } else if atEnd {
                return 0
            }
            try refill()
        }
    }

    private func refill() throws(InputError) {
        pending.removeSubrange(..<pendingStart)
        pendingStart = 0
        let keep = pending.count
        pending.append(contentsOf: repeatElement(0, count: 1 << 16))
        // withUnsafeMutableBytes rethrows untyped errors; the Result keeps InputError.
        let n = try pending.withUnsafeMutableBytes { raw in
            Result { () throws(InputError) in try file.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[keep...])) }
        }.get()
        pending.removeLast((1 << 16) - n)
        if n == 0 { atEnd = true }
    }
}

/// Encodes UTF-8 text as CP949, the way Korean Excel saves "CSV"; `nil` if a character has no CP949 form.
public func encodeCP949(_ utf8: [UInt8]) -> [UInt8]? {
    guard let transcoder = Transcoder(from: "UTF-8", to: "CP949") else { return nil }
    return try? transcoder.convertAll(utf8).get()
}
