import Foundation
import FuzzHooks
import Pipeline

/// The fuzz targets: `csv`, `chunks`, `encoding`, `expression`, `definition` and `numbers`.
///
/// Built with `-DFUZZING -sanitize=fuzzer,address` (`make fuzz`), this is a libFuzzer binary
/// and FUZZ_TARGET picks the target. Built plainly, it is the regression runner:
/// `outcome-eval-fuzz TARGET FILE...` feeds each file to the target once.
enum FuzzTarget: String, CaseIterable {
    case csv, chunks, encoding, expression, definition, numbers

    static let plan = try? DataSetEvaluation.loadDefinitions(indicators)

    /// A scratch copy of the definitions for the `definition` target.
    static let scratch: String = {
        let folder = NSTemporaryDirectory() + "outcome-eval-fuzz-\(getpid())"
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.copyItem(atPath: indicators, toPath: folder)
        return folder
    }()

    static var indicators: String { ProcessInfo.processInfo.environment["FUZZ_INDICATORS"] ?? "Indicators" }

    func run(_ bytes: [UInt8]) {
        switch self {
        case .csv: Fuzzing.csv(bytes)
        case .chunks: Fuzzing.chunks(bytes, scratch: FuzzTarget.scratch + "/chunks.csv")
        case .encoding: Fuzzing.encoding(bytes)
        case .expression: if let plan = FuzzTarget.plan { Fuzzing.expression(bytes, plan: plan) }
        case .definition: Fuzzing.definitionFile(bytes, directory: FuzzTarget.scratch)
        case .numbers: if let plan = FuzzTarget.plan { Fuzzing.numbers(bytes, plan: plan) }
        }
    }
}

#if FUZZING
private let selected = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "") ?? {
    FileHandle.standardError.write(Data("set FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
    exit(64)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    selected.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM makes an executable's `main` call this symbol; libFuzzer's driver takes over here.
@_cdecl("outcome_eval_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#else
@main
enum RegressionRunner {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: outcome-eval-fuzz csv|chunks|encoding|expression|definition|numbers FILE...\n".utf8))
            exit(64)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): cannot read\n".utf8))
                exit(66)
            }
            target.run(Array(data))
        }
        print("\(target.rawValue): \(arguments.count - 1) inputs, no crash")
    }
}
#endif
