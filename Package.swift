// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "outcome-eval",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "outcome-eval", targets: ["outcome-eval"]),
        .library(name: "OutcomeEval", targets: ["OutcomeEval"]),
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
        .target(
            name: "OutcomeEval",
            dependencies: ["XLSX", "CCrypto", "CPrefetch", "CExchange", .product(name: "Yams", package: "Yams"), .product(name: "Logging", package: "swift-log")],
            // The row loop is single-threaded per project and touches no shared mutable state;
            // the runtime's exclusivity checks cost it 3.9 % of its instructions (callgrind A/B in
            // BENCHMARKS.md, fifth session), so release builds skip them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // Writes synthetic data sets in the default data contract (Samples/, benchmarks, tests).
        .target(name: "SampleData", dependencies: ["OutcomeEval"]),
        .executableTarget(
            name: "outcome-eval",
            dependencies: [
                "OutcomeEval",
                "SampleData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Fuzz targets (make fuzz builds them with libFuzzer); built plainly, a regression runner.
        .executableTarget(name: "outcome-eval-fuzz", dependencies: ["OutcomeEval"]),
        .testTarget(name: "OutcomeEvalTests", dependencies: ["OutcomeEval", "SampleData", "XLSX"]),
    ],
    swiftLanguageModes: [.v6]
)
