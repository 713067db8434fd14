@testable import Pipeline
import XCTest

/// The project ids of the report a run replaces, read from its results.json.
final class DroppedProjectsTests: XCTestCase {
    func testProjectIDsAreTheKeysOfProjectsSorted() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/results.json"
        let cases: [(String, [String])] = [
            (#"{"tool_version": "1", "projects": {"seongsu-b": {"scores": [1, {"x": null}]}, "마포-a": 3, "gangnam": "text"}}"#, ["gangnam", "seongsu-b", "마포-a"]),
            (#"{"projects": {}}"#, []),
            // Not a results.json: no projects object, another root, not JSON at all.
            (#"{"projects": ["a", "b"]}"#, []),
            (#"{"period": "2026Q3"}"#, []),
            (#"["projects"]"#, []),
            ("{\"projects\": {\"a\": 1", []),
        ]
        for (json, ids) in cases {
            try json.write(toFile: path, atomically: false, encoding: .utf8)
            XCTAssertEqual(DroppedProjects.projectIDs(inResults: path), ids, json)
        }
        XCTAssertEqual(DroppedProjects.projectIDs(inResults: folder.path + "/absent.json"), [])
    }
}
