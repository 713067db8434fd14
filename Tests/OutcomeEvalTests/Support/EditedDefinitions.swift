@testable import Evaluation
import Foundation

/// A copy of the default definitions in `folder`, with `old` replaced by `new` in `file`
/// (relative to the definitions folder); its path. Throws when `old` is not there, so that a
/// test never runs on definitions its edit missed.
func editedDefinitions(in folder: TemporaryFolder, file: String, replacing old: String, with new: String) throws -> String {
    let definitions = folder.copy(defaultIndicators, to: "Indicators")
    let path = definitions + "/" + file
    let text = try String(contentsOfFile: path, encoding: .utf8)
    guard text.contains(old) else { throw EditMissed(file: file, text: old) }
    try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    return definitions
}

struct EditMissed: Error {
    let file: String
    let text: String
}

/// The default definitions loaded with their evaluation.yaml's text changed by `edit`.
func definitions(editingSettings edit: (String) -> String) throws -> EvaluationPlan {
    let folder = TemporaryFolder()
    let definitions = folder.copy(defaultIndicators, to: "Indicators")
    let path = definitions + "/evaluation.yaml"
    try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    return try EvaluationPlan.load(directory: definitions)
}

/// The default definitions copied into `folder` with one participation indicator added per
/// `(id, value)`, for a test that needs a quantity the defaults do not compute; its floor and
/// target (0 and 10) only set its score.
func defaultDefinitions(in folder: TemporaryFolder, adding indicators: [(id: String, value: String)]) -> String {
    let definitions = folder.copy(defaultIndicators, to: "Indicators")
    for (n, indicator) in indicators.enumerated() {
        folder.write("Indicators/indicators/\(90 + n)-\(indicator.id).yaml", """
            id: \(indicator.id)
            name: {ko: \(indicator.id), en: \(indicator.id)}
            dimension: participation
            value: \(indicator.value)
            direction: higher
            floor: 0
            target: 10
            """)
    }
    return definitions
}
