import CSVReading
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One run at a time per output folder: an `flock` on `<out>/.outcome-eval.lock`.
///
/// The kernel drops the lock when its process dies, however it dies, so a killed run never
/// leaves a lock that blocks the next one. The file holds the holder's process id for messages.
public final class OutputLock {
    private let descriptor: Int32
    public static let fileName = ".outcome-eval.lock"

    public init(directory: String) throws(RunError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite("\(directory): cannot create the output folder (\(error.localizedDescription)).")
        }
        let path = directory + "/" + OutputLock.fileName
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite("\(path): cannot open the lock file (\(systemErrorText())).") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, buffer.count, 0)
            close(fd)
            let holder = String(decoding: buffer.prefix(max(0, n)), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .locked(
                "\(directory): another outcome-eval run (process \(holder.isEmpty ? "unknown" : holder)) is writing here; "
                    + "wait for it to finish, or use another --out.")
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.utf8.count, 0)
        descriptor = fd
        OutputLock.recoverInterruptedRuns(in: directory)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Removes what killed runs left behind; puts back a report a run had moved aside but not replaced.
    private static func recoverInterruptedRuns(in directory: String) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(".") {
            if let range = name.range(of: ".previous-") {
                let target = directory + "/" + String(name[name.index(after: name.startIndex)..<range.lowerBound])
                if !fm.fileExists(atPath: target) {
                    _ = rename(directory + "/" + name, target)
                    continue
                }
                try? fm.removeItem(atPath: directory + "/" + name)
            } else if name.contains(".partial-") {
                try? fm.removeItem(atPath: directory + "/" + name)
            }
        }
    }
}
