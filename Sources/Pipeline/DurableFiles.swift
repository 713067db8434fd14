import CSVReading
import CExchange
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes that are checked to the last byte and reach the disk before a report is published.
enum DurableFiles {
    /// Creates `path` (replacing a file there) with `text`, checking every `write` and the `close`;
    /// `ownerOnly` makes it 0600 from its creation (no other user can open it in between): for
    /// files that hold raw input rows.
    static func create(_ path: String, with text: String, ownerOnly: Bool = false) throws(RunError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, ownerOnly ? 0o600 : 0o644)
        guard fd >= 0 else { throw failure(path, "cannot create the file") }
        // An existing file keeps its mode through O_TRUNC; make it 0600 as well.
        guard !ownerOnly || fchmod(fd, 0o600) == 0 else {
            let error = failure(path, "cannot make the file private")
            close(fd)
            throw error
        }
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + done }, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let error = failure(path, "cannot write")
                close(fd)
                throw error
            }
            done += n
        }
        guard close(fd) == 0 else { throw failure(path, "cannot write") }
    }

    /// `fsync` of every file and folder under `folder`, then of `folder` itself, so that a power
    /// cut after the swap cannot leave files that were never on the disk.
    static func sync(tree folder: String) throws(RunError) {
        let relatives = ((try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []).sorted()
        for relative in relatives { try sync(folder + "/" + relative) }
        try sync(folder)
    }

    /// `fsync` of one file or folder.
    static func sync(_ path: String) throws(RunError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, "cannot open to flush to disk") }
        guard fsync(fd) == 0 else {
            let error = failure(path, "cannot flush to disk")
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw failure(path, "cannot flush to disk") }
    }

    /// Swaps two existing paths in one step; false (with `errno`) where the system or the file
    /// system cannot (ENOSYS, EINVAL), or on any other failure.
    static func exchange(_ a: String, _ b: String) -> Bool { oe_exchange(a, b) == 0 }

    private static func failure(_ path: String, _ what: String) -> RunError {
        .cannotWrite("\(path): \(what) (\(systemErrorText())). Check the folder is writable and the disk is not full; the previous report is unchanged.")
    }
}
