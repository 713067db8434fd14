import Foundation
import XCTest

/// The targets of Package.swift follow the data's way: each may depend only on targets of
/// a lower layer (README, "Layout"), and each source file imports only targets its own
/// depends on (SwiftPM would let it import any module built before it).
final class TargetLayerTests: XCTestCase {
    /// Lowest first; CSVReading … Pipeline are the library. Every target must have a place here.
    static let layers: [[String]] = [
        ["CXLSXWriter", "CCrypto", "CPrefetch", "CExchange", "CMalloc"],
        ["XLSX"],
        ["CSVReading"],
        ["DataContract"],
        ["Definitions"],
        ["Evaluation"],
        ["Scoring"],
        ["Uncertainty"],
        ["Results"],
        ["Reports"],
        ["Pipeline"],
        ["SampleData", "FuzzHooks"],
        ["outcome-eval", "outcome-eval-fuzz"],
        ["OutcomeEvalTests"],
    ]

    func testNoTargetDependsOnATargetOfItsOwnLayerOrAbove() throws {
        let text = try String(contentsOfFile: repositoryRoot + "/Package.swift", encoding: .utf8)
        let targets = Self.targets(in: text)
        XCTAssertTrue(targets.keys.contains("Pipeline"), "Package.swift was not read: \(targets)")
        XCTAssertEqual(Self.problems(targets), [])
    }

    func testEverySourceFileImportsOnlyWhatItsTargetDependsOn() throws {
        let text = try String(contentsOfFile: repositoryRoot + "/Package.swift", encoding: .utf8)
        let targets = Self.targets(in: text)
        func below(_ target: String) -> Set<String> {
            var seen: Set<String> = []
            var next = targets[target] ?? []
            while let name = next.popLast() {
                if seen.insert(name).inserted { next += targets[name] ?? [] }
            }
            return seen
        }
        let system: Set<String> = ["Foundation", "Glibc", "Darwin", "Dispatch", "Synchronization", "XCTest", "Yams", "Logging", "ArgumentParser"]
        var problems: [String] = []
        var files = 0
        for target in targets.keys.sorted() {
            let folder = repositoryRoot + "/Sources/" + target
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { continue }
            let allowed = below(target).union(system)
            for case let file as String in enumerator where file.hasSuffix(".swift") {
                files += 1
                let source = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                for line in source.split(separator: "\n") {
                    guard let match = line.wholeMatch(of: #/(?:@testable )?import (\w+)/#) else { continue }
                    let module = String(match.output.1)
                    if !allowed.contains(module) { problems.append("\(target)/\(file) imports \(module)") }
                }
            }
        }
        XCTAssertGreaterThan(files, 100, "the sources were not found")
        XCTAssertEqual(problems, [])
    }

    func testABackwardEdgeAndAnUnplacedTargetAreFound() {
        let text = """
            targets: [
                .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto"),
                .target(name: "CSVReading", dependencies: ["CCrypto"]),
                .target(name: "Evaluation", dependencies: ["CSVReading", .product(name: "Yams", package: "Yams")]),
                .target(
                    name: "Definitions",
                    dependencies: ["CSVReading", "Evaluation"]
                ),
                .target(name: "Scoring", dependencies: ["Scoring"]),
                .target(name: "Extra", dependencies: []),
            ]
            """
        let targets = Self.targets(in: text)
        XCTAssertEqual(targets["Evaluation"], ["CSVReading"])
        XCTAssertEqual(targets["Definitions"], ["CSVReading", "Evaluation"])
        XCTAssertEqual(Self.problems(targets), [
            "Definitions depends on Evaluation, which is not below it",
            "Extra has no layer in TargetLayerTests.layers",
            "Scoring depends on Scoring, which is not below it",
        ])
    }

    /// Each target's name and the targets (not products) it depends on, from the text of a
    /// package manifest whose dependency lists name targets by string.
    static func targets(in text: String) -> [String: [String]] {
        let declarations = text.matches(of: #/\.(?:target|executableTarget|testTarget|systemLibrary)\(\s*name:\s*"([^"]+)"/#)
        var targets: [String: [String]] = [:]
        for (k, declaration) in declarations.enumerated() {
            let end = k + 1 < declarations.count ? declarations[k + 1].range.lowerBound : text.endIndex
            let body = text[declaration.range.lowerBound..<end]
            var dependencies: [String] = []
            if let start = body.range(of: "dependencies:"), let open = body[start.upperBound...].firstIndex(of: "[") {
                var depth = 0
                var close = open
                for i in body[open...].indices {
                    if body[i] == "[" { depth += 1 }
                    if body[i] == "]" { depth -= 1 }
                    if depth == 0 {
                        close = i
                        break
                    }
                }
                // Products of other packages are not targets of this one.
                let list = String(body[open...close]).replacing(#/\.product\([^)]*\)/#, with: "")
                dependencies = list.matches(of: #/"([^"]+)"/#).map { String($0.output.1) }
            }
            targets[String(declaration.output.1)] = dependencies
        }
        return targets
    }

    /// Every dependency that is not on a lower layer, and every target with no layer, sorted.
    static func problems(_ targets: [String: [String]]) -> [String] {
        func layer(_ name: String) -> Int? { layers.firstIndex { $0.contains(name) } }
        var problems: [String] = []
        for (target, dependencies) in targets {
            guard let own = layer(target) else {
                problems.append("\(target) has no layer in TargetLayerTests.layers")
                continue
            }
            for dependency in dependencies {
                guard let theirs = layer(dependency) else {
                    problems.append("\(dependency) (a dependency of \(target)) has no layer in TargetLayerTests.layers")
                    continue
                }
                if theirs >= own { problems.append("\(target) depends on \(dependency), which is not below it") }
            }
        }
        return problems.sorted()
    }
}
