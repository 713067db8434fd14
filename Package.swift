// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "outcome-eval",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "outcome-eval", targets: ["outcome-eval"]),
        .library(
            name: "OutcomeEval",
            targets: ["CSVReading", "DataContract", "Definitions", "Evaluation", "Scoring", "Uncertainty", "Results", "Reports", "Pipeline"]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // Debian's libxlsxwriter-dev; only the XLSX module may import it.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "XLSX", dependencies: ["CXLSXWriter"]),
        // OpenSSL's libcrypto (Debian's libssl-dev), for SHA-256 only.
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // The compiler's prefetch builtin, which Swift has no spelling for (a header, no library).
        .systemLibrary(name: "CPrefetch"),
        // renameat2(RENAME_EXCHANGE), which Swift's Glibc module does not declare (a header, no library).
        .systemLibrary(name: "CExchange"),
        // glibc's malloc thresholds (mallopt), which Swift's Glibc module does not declare.
        .systemLibrary(name: "CMalloc"),
        // The library, one target per step along the data's way; each imports only those before
        // it (TargetLayerTests reads this file and fails on a backward edge).
        // Bytes to records: encodings, the quote machine, chunk planning, SHA-256; knows no schema.
        .target(name: "CSVReading", dependencies: ["CCrypto"]),
        // The data contract: the schema's types, field parsing, keys, kept rows, rejects and their reasons.
        .target(name: "DataContract", dependencies: ["CSVReading", "CPrefetch"]),
        // The definitions folder: YAML, settings, the expression language (lexer, parser, typed compiler).
        .target(name: "Definitions", dependencies: ["DataContract", .product(name: "Yams", package: "Yams")]),
        // The plan (feeds shared by aggregates), the table scans, accumulators and finalisation.
        .target(name: "Evaluation", dependencies: ["Definitions"]),
        // Indicator, dimension and overall scores.
        .target(name: "Scoring", dependencies: ["Evaluation"]),
        // Intervals, rank ranges (seeded draws) and drivers of change.
        .target(name: "Uncertainty", dependencies: ["Scoring"]),
        // The evaluated quarter assembled, with the breakdowns as they may be published.
        .target(name: "Results", dependencies: ["Uncertainty"]),
        // report.txt, results.json, report.html, the CSVs and the workbooks (over XLSX).
        .target(name: "Reports", dependencies: ["Results", "XLSX"]),
        // The run: definitions and data read, projects evaluated on all cores, reports published
        // (lock, staging, checks, durable swap), manifest and verify.
        .target(
            name: "Pipeline",
            dependencies: ["Reports", "CExchange", "CMalloc", .product(name: "Logging", package: "swift-log")]
        ),
        // Writes synthetic data sets in the default data contract (Samples/, benchmarks, tests).
        .target(name: "SampleData", dependencies: ["Pipeline"]),
        .executableTarget(
            name: "outcome-eval",
            dependencies: [
                "Pipeline",
                "SampleData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What each fuzz target checks, apart from libFuzzer's entry point so that tests can run
        // it too; not part of the library product.
        .target(name: "FuzzHooks", dependencies: ["Pipeline"]),
        // Fuzz targets (make fuzz builds them with libFuzzer); built plainly, a regression runner.
        .executableTarget(name: "outcome-eval-fuzz", dependencies: ["FuzzHooks"]),
        .testTarget(name: "OutcomeEvalTests", dependencies: ["Pipeline", "SampleData", "FuzzHooks", "XLSX"]),
    ],
    swiftLanguageModes: [.v6]
)
