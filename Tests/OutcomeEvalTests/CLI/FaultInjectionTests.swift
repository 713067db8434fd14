import Foundation
import XCTest

/// A failing disk under a real run. `Tests/Faults/faultshim.c`, built here with `cc` and
/// loaded with LD_PRELOAD, makes the N-th output call (write, fputc, fprintf, fclose, fsync,
/// renameat2, …, on a file under the output folder) fail with EIO. After each: no crash, the
/// report folder is the previous report or the exact new one, exit 0 for the new one and
/// for it alone, and the next run without faults succeeds and leaves no debris.
///
/// `make test` tries `FAULT_SPREAD` (6) positions spread over the run and five of the
/// publication step, and five again where the swap falls back to two renames; `make faults`
/// sets FAULT_SPREAD=60 and FAULT_PUBLICATION=all (every call from the first fsync to the end).
final class FaultInjectionTests: XCTestCase {
    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    func testAFailedOutputCallNeverPublishesABrokenReport() throws {
        let folder = TemporaryFolder()
        let shim = try buildShim(in: folder)
        let data = folder.path + "/data"
        XCTAssertEqual(try runTool(["sample-data", "--projects", "1", "--scale", "1", "--out", data]).status, 0)
        // --serial: the same calls in the same order in every run, so that N names one call.
        func evaluate(_ out: String, _ extra: [String] = [], faultAt: Int? = nil, noExchange: Bool = false) throws -> CommandResult {
            var faults = faultAt.map { ["LD_PRELOAD": shim, "FAULT_PREFIX": out, "FAULT_AT": "\($0)", "FAULT_REPORT": folder.path + "/fault-report"] } ?? [:]
            if noExchange { faults["FAULT_NO_EXCHANGE"] = "1" }
            return try runTool(
                ["run", "--data", data, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", out, "--serial", "--quiet"] + extra,
                environment: faults)
        }
        XCTAssertEqual(try evaluate(folder.path + "/reference").status, 0)
        let new = filesUnder(folder.path + "/reference/2026Q3")
        XCTAssertEqual(try evaluate(folder.path + "/previous", ["--lang", "en"]).status, 0)
        let old = filesUnder(folder.path + "/previous/2026Q3")
        XCTAssertNotEqual(old, new)

        let out = folder.path + "/out"
        func resetOut() throws {
            try? FileManager.default.removeItem(atPath: out)
            try FileManager.default.copyItem(atPath: folder.path + "/previous", toPath: out)
        }
        // Where renameat2 cannot swap (an old kernel, some file systems; the shim's
        // FAULT_NO_EXCHANGE answers EINVAL), publication falls back to two renames: its calls too.
        for noExchange in [false, true] {
            try resetOut()
            XCTAssertEqual(try evaluate(out, faultAt: 0, noExchange: noExchange).status, 0)
            let counted = try faultReport(folder)
            let calls = try XCTUnwrap(Int(counted["calls"] ?? ""))
            let firstSync = try XCTUnwrap(Int(counted["first_sync"] ?? ""))
            XCTAssertGreaterThan(firstSync, 1000, "libxlsxwriter's writes under the output folder are counted")

            let spread = noExchange ? 0 : Int(environment["FAULT_SPREAD"] ?? "") ?? 6
            let before = (0..<spread).map { 1 + $0 * (firstSync - 1) / spread }
            let publication = environment["FAULT_PUBLICATION"] == "all"
                ? Array(firstSync...calls) : (0..<5).map { firstSync + $0 * (calls - firstSync) / 4 }
            var outcomes: [String: Int] = [:]
            for at in before + publication {
                try resetOut()
                let faulty = try evaluate(out, faultAt: at, noExchange: noExchange)
                let failed = try faultReport(folder)["failed"] ?? "-"
                XCTAssertNotEqual(failed, "-", "call \(at) of \(calls) was not reached")
                XCTAssertTrue([0, 73, 74].contains(faulty.status), "call \(at) (\(failed)): exit \(faulty.status)\n\(faulty.stderr)")
                let published = filesUnder(out + "/2026Q3")
                XCTAssertTrue(published == old || published == new, "call \(at) (\(failed)): the report folder is neither the old nor the new report")
                // Exit 0 only for the new report, and a failed run (one fault: its undo succeeds) keeps the old.
                XCTAssertEqual(faulty.status == 0, published == new, "call \(at) (\(failed)): exit \(faulty.status)")
                outcomes["exit \(faulty.status), \(published == new ? "new" : published == old ? "old" : "broken") report", default: 0] += 1

                XCTAssertEqual(try evaluate(out).status, 0, "the run after call \(at) failed")
                XCTAssertTrue(filesUnder(out + "/2026Q3") == new, "the run after call \(at)")
                XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(), [".outcome-eval.lock", "2026Q3"], "after call \(at)")
            }
            print("fault injection\(noExchange ? " (two renames)" : ""): \(before.count + publication.count) positions of \(calls) output calls "
                + "(publication from \(firstSync)): " + outcomes.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: ", "))
        }
    }

    /// libxlsxwriter's temporary files go beside the workbook: a full `/tmp` (a tiny tmpfs in a
    /// private mount namespace) does not reach the report, which comes out byte for byte.
    func testAFullTmpDoesNotReachTheReport() throws {
        let scratch = try privateScratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let result = try runInNamespace(
            """
            mount -t tmpfs -o size=64k tmpfs /tmp && keep_root && { dd if=/dev/zero of=/tmp/fill bs=4k 2>/dev/null; true; } &&
            "$0" run --data "$1" --indicators "$2" --period 2026Q3 --out "$3" --quiet
            """, [repositoryRoot + "/Samples", defaultIndicators, scratch + "/out"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(filesUnder(scratch + "/out/2026Q3") == filesUnder(repositoryRoot + "/Reports/2026Q3"))
    }

    /// A full output disk: exit 73 and the previous report as it was, nothing left beside it.
    func testAFullOutputDiskKeepsThePreviousReport() throws {
        let scratch = try privateScratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let samples = repositoryRoot + "/Samples"
        XCTAssertEqual(try runTool(["run", "--data", samples, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", scratch + "/previous", "--lang", "en"]).status, 0)
        try FileManager.default.createDirectory(atPath: scratch + "/out", withIntermediateDirectories: true)
        // The tmpfs exists only inside the namespace: what the run left is copied out before it ends.
        let result = try runInNamespace(
            """
            mount -t tmpfs -o size=1m tmpfs "$3" && cp -a "$4/." "$3/" && { dd if=/dev/zero of="$3/fill" bs=4k 2>/dev/null; true; } &&
            "$0" run --data "$1" --indicators "$2" --period 2026Q3 --out "$3" --quiet; status=$?
            cp -a "$3/2026Q3" "$4/after" && ls -A "$3" > "$4/listing"; exit $status
            """, [samples, defaultIndicators, scratch + "/out", scratch + "/previous"])
        XCTAssertEqual(result.status, 73, result.stderr)
        XCTAssertTrue(result.stderr.contains("disk is not full"), result.stderr)
        XCTAssertTrue(filesUnder(scratch + "/previous/after") == filesUnder(scratch + "/previous/2026Q3"))
        XCTAssertEqual(try String(contentsOfFile: scratch + "/previous/listing", encoding: .utf8), ".outcome-eval.lock\n2026Q3\nfill\n")
    }

    /// Compiles the shim; skips where there is no C compiler (fails with CI=true, see `missing`).
    private func buildShim(in folder: TemporaryFolder) throws -> String {
        let shim = folder.path + "/faultshim.so"
        let cc = try? runProcess("/usr/bin/env", ["cc", "-shared", "-fPIC", "-O2", "-o", shim, repositoryRoot + "/Tests/Faults/faultshim.c", "-ldl"])
        guard let cc, cc.status == 0 else { try missing("cannot build the fault shim with cc: \(cc?.stderr ?? "no cc")") }
        return shim
    }

    /// `key value` lines the shim writes at exit.
    private func faultReport(_ folder: TemporaryFolder) throws -> [String: String] {
        var report: [String: String] = [:]
        for line in folder.read("fault-report").split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { report[String(parts[0])] = String(parts[1]) }
        }
        return report
    }

    /// A folder outside /tmp (the tests mount over /tmp), removed by the caller.
    private func privateScratch() throws -> String {
        let path = repositoryRoot + "/.build/fault-tests/\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `script` with sh in a private mount namespace (`unshare -m`), $0 the binary and
    /// $1… the arguments; skips with the reason where namespaces are not allowed. A script that
    /// mounts over /tmp calls `keep_root` next: CI may clone the repository under /tmp, and the
    /// checkout (binary, samples, scratch folders) is put back at its own path over the tmpfs.
    private func runInNamespace(_ script: String, _ arguments: [String]) throws -> CommandResult {
        try requireBuilt(executable)
        let probe = try? runProcess("/usr/bin/env", ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt"])
        guard let probe, probe.status == 0 else {
            throw XCTSkip("a private mount namespace with a tmpfs is not allowed here (unshare -m: \(probe?.stderr ?? "not found")); the full-disk cases are not tried")
        }
        let prologue = """
            mount --bind "$OUTCOME_EVAL_ROOT" /mnt || exit 70
            keep_root() { mkdir -p "$OUTCOME_EVAL_ROOT" && mount --bind /mnt "$OUTCOME_EVAL_ROOT"; }

            """
        return try runProcess(
            "/usr/bin/env", ["unshare", "-m", "sh", "-c", prologue + script, executable] + arguments,
            environment: ["OUTCOME_EVAL_ROOT": repositoryRoot])
    }
}
