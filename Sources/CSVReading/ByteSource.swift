#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream of bytes that the CSV reader pulls from.
package protocol ByteSource: AnyObject {
    /// Fills `buffer` from its start; returns how many bytes were written, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int
    /// Offset in the original file of the next byte `read` will consume, for messages.
    var fileOffset: Int { get }
    /// SHA-256 of the file's bytes as stored, once the end has been read.
    var digest: String? { get }
}

/// Reads a file with `read(2)`, skipping a UTF-8 byte-order mark at its start unless asked
/// for the raw bytes.
///
/// Its `var`s are `@exclusivity(unchecked)`: a source belongs to the one reader that drains it, and
/// no method holds an access to one open across a call that could come back to it (the overlap the
/// run-time checks look for, which across targets would cost the run: BENCHMARKS.md, "The split
/// into nine targets").
package final class FileByteSource: ByteSource {
    let path: String
    private let descriptor: Int32
    @exclusivity(unchecked) package private(set) var fileOffset = 0
    /// True when the file began with EF BB BF.
    @exclusivity(unchecked) private(set) var hadByteOrderMark = false
    @exclusivity(unchecked) private var checkedByteOrderMark = false
    // Hashed as read, so the manifest costs no second pass over the file.
    private let hasher: SHA256
    @exclusivity(unchecked) private var hashes = true
    @exclusivity(unchecked) package private(set) var digest: String?

    /// Bytes left to read when reading a range of the file; `nil` reads to the end.
    @exclusivity(unchecked) private var remaining: Int?

    /// Reads the whole file, or with `range` only those bytes (a chunk; a BOM is looked for
    /// only at offset 0, and no digest is made).
    package init(path: String, raw: Bool = false, range: Range<Int>? = nil) throws(InputError) {
        self.path = path
        checkedByteOrderMark = raw || (range.map { $0.lowerBound > 0 } ?? false)
        do {
            hasher = try SHA256()
        } catch {
            throw .cannotRead(path: path, reason: error.description)
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError.cannotOpen(path: path, reason: systemErrorText()) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw InputError.cannotOpen(path: path, reason: "it is a directory")
        }
        descriptor = fd
        if let range {
            guard lseek(fd, off_t(range.lowerBound), SEEK_SET) >= 0 else {
                close(fd)
                throw InputError.cannotRead(path: path, reason: systemErrorText())
            }
            fileOffset = range.lowerBound
            remaining = range.count
            hashes = false
        }
    }

    deinit { close(descriptor) }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        var count = try readSome(into: buffer)
        if !checkedByteOrderMark {
            checkedByteOrderMark = true
            // Top up so that a BOM split over two reads is still seen.
            while count < 3 && count < buffer.count {
                let more = try readSome(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
                if more == 0 { break }
                count += more
            }
            if count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
                hadByteOrderMark = true
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[3..<count]))
                count -= 3
            }
        }
        return count
    }

    private func readSome(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while true {
            let wanted = min(buffer.count, remaining ?? buffer.count)
            if wanted == 0 { return 0 }
            let n = Glibc.read(descriptor, buffer.baseAddress, wanted)
            if n >= 0 {
                fileOffset += n
                if let left = remaining { remaining = left - n }
                if !hashes { return n }
                do {
                    if n > 0 {
                        try hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                    } else if digest == nil {
                        digest = try hasher.finish()
                    }
                } catch {
                    throw .cannotRead(path: path, reason: error.description)
                }
                return n
            }
            if errno == EINTR { continue }
            throw InputError.cannotRead(path: path, reason: systemErrorText())
        }
    }
}

package func systemErrorText() -> String {
    String(cString: strerror(errno))
}

/// Bytes already in memory, handed out a few at a time (for fuzzing and tests).
///
/// Its `var`s are `@exclusivity(unchecked)`: a source belongs to the one reader that drains it, and
/// no method holds an access to one open across a call that could come back to it (the overlap the
/// run-time checks look for, which across targets would cost the run: BENCHMARKS.md, "The split
/// into nine targets").
package final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private let piece: Int
    @exclusivity(unchecked) package private(set) var fileOffset = 0
    package var digest: String? { nil }

    /// `piece` bounds how much one read returns, so that records cross refills.
    package init(_ bytes: [UInt8], piece: Int = 7) {
        self.bytes = bytes
        self.piece = max(1, piece)
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let n = min(piece, buffer.count, bytes.count - fileOffset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[fileOffset..<(fileOffset + n)])) }
        fileOffset += n
        return n
    }
}
