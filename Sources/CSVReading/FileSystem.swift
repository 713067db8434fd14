import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few questions the run asks of the file system, answered one way everywhere.
package enum FileSystem {
    package static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The size of a file in bytes; 0 when it cannot be read. One `stat`: Foundation's
    /// attributes would also look up the owner's and group's names (reading /etc/passwd and
    /// /etc/group) on every call, some 1,500 times in a run of 100 projects.
    package static func size(of path: String) -> Int {
        var status = stat()
        guard stat(path, &status) == 0 else { return 0 }
        return Int(status.st_size)
    }

    /// Every file (not folder) under `folder`, as relative paths in byte order.
    package static func files(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        for case let relative as String in enumerator where !isDirectory(folder + "/" + relative) {
            files.append(relative)
        }
        return files.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
