import Foundation
import XCTest

/// Every seed and every input that once crashed, fed again to each fuzz target
/// (the plain build of outcome-eval-fuzz runs them once; see Tests/Fuzz/README.md).
final class FuzzRegressionTests: XCTestCase {
    func testCorpusAndRegressionsRunClean() throws {
        let runner = repositoryRoot + "/.build/debug/outcome-eval-fuzz"
        try requireBuilt(runner)
        var total = 0
        for target in ["csv", "chunks", "encoding", "expression", "definition", "numbers"] {
            let inputs = ["corpus", "regressions"].flatMap { kind -> [String] in
                let folder = repositoryRoot + "/Tests/Fuzz/\(kind)/\(target)"
                return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
            }
            XCTAssertFalse(inputs.isEmpty, target)
            // The csv inputs also go through the encoding target: they are bytes of files.
            let result = try runProcess(runner, [target] + inputs, environment: ["FUZZ_INDICATORS": defaultIndicators])
            XCTAssertEqual(result.status, 0, "\(target): \(result.stderr)")
            XCTAssertEqual(result.stdout, "\(target): \(inputs.count) inputs, no crash\n")
            total += inputs.count
        }
        XCTAssertGreaterThan(total, 25)
    }
}
