import Foundation
@testable import Reports
import XCTest

/// manifest.json names the libraries under the bytes, and `verify` says first when they differ.
final class ManifestLibrariesTests: XCTestCase {
    func testLibrariesAreThoseOfPackageResolvedAndTheHeader() throws {
        let resolved = try XCTUnwrap(FileManager.default.contents(atPath: repositoryRoot + "/Package.resolved"))
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: resolved) as? [String: Any])
        let pins = try XCTUnwrap(root["pins"] as? [[String: Any]]).map { pin in
            "\(pin["identity"] ?? "?") \((pin["state"] as? [String: Any])?["version"] ?? "?")"
        }
        let libraries = OutcomeEvalVersion.libraries.map { "\($0.name) \($0.version)" }
        XCTAssertEqual(Array(libraries.dropFirst()), pins.sorted())
        // The header the build used says the same as the binary.
        let header = try String(contentsOfFile: "/usr/include/xlsxwriter.h", encoding: .utf8)
        let line = try XCTUnwrap(header.split(separator: "\n").first { $0.hasPrefix("#define LXW_VERSION ") })
        XCTAssertEqual(libraries.first, "libxlsxwriter " + line.split(separator: "\"")[1])
    }

    func testVerifyNamesADifferentLibraryBeforeTheFiles() throws {
        let folder = TemporaryFolder()
        let samples = repositoryRoot + "/Samples"
        XCTAssertEqual(try runTool(["run", "--data", samples, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path, "--quiet"]).status, 0)
        let manifestPath = folder.path + "/2026Q3/manifest.json"
        let manifest = try String(contentsOfFile: manifestPath, encoding: .utf8)
        let recorded = "\"libxlsxwriter\": \"\(OutcomeEvalVersion.libraries[0].version)\""
        XCTAssertTrue(manifest.contains("\"libraries\": {\n    " + recorded + ",\n    \"swift-argument-parser\": "), manifest)
        try manifest.replacingOccurrences(of: recorded, with: "\"libxlsxwriter\": \"0.9.9\"").write(toFile: manifestPath, atomically: true, encoding: .utf8)
        let verify = try runTool(["verify", "--data", samples, "--indicators", defaultIndicators, "--report", folder.path + "/2026Q3", "--quiet"])
        XCTAssertEqual(verify.status, 1, verify.stderr)
        let lines = verify.stdout.split(separator: "\n")
        XCTAssertEqual(
            lines.dropFirst().first,
            "  library libxlsxwriter: the report was made with 0.9.9, this binary has \(OutcomeEvalVersion.libraries[0].version); outputs may differ for that alone")
        XCTAssertEqual(lines.last, "  output differs: manifest.json")
    }
}
