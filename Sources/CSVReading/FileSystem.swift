import Foundation

/// The few questions the run asks of the file system, answered one way everywhere.
package enum FileSystem {
    package static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The size of a file in bytes; 0 when it cannot be read.
    package static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
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
