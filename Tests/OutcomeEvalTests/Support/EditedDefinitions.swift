@testable import Evaluation
import Foundation

/// The default definitions loaded with their evaluation.yaml's text changed by `edit`.
func definitions(editingSettings edit: (String) -> String) throws -> EvaluationPlan {
    let folder = TemporaryFolder()
    let definitions = folder.copy(defaultIndicators, to: "Indicators")
    let path = definitions + "/evaluation.yaml"
    try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    return try EvaluationPlan.load(directory: definitions)
}
