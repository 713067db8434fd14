import Foundation

/// A test-only pause point: with `OUTCOME_EVAL_TEST_PAUSE_AT=<step>` in the environment the
/// process stops itself (SIGSTOP) at that step of publication, so that a test can kill it
/// exactly there instead of after a guessed sleep. Steps: `written`, `synced`, `swapped`,
/// `durable`, `cleaned` (see `ReportWriter.publish`).
enum PausePoint {
    private static let requested = ProcessInfo.processInfo.environment["OUTCOME_EVAL_TEST_PAUSE_AT"]

    static func reached(_ step: String) {
        if step == requested { raise(SIGSTOP) }
    }
}
