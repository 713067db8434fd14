@testable import DataContract
@testable import Pipeline
@testable import Results
import XCTest

/// Text columns of kept tables (activities' district is text) are kept as strings only when
/// the plan reads them through a reference; these indicators do, by row and by distinct value.
final class KeptTextTests: XCTestCase {
    func testTextReadThroughAReferenceIsKept() throws {
        let folder = TemporaryFolder()
        let definitions = defaultDefinitions(in: folder, adding: [
            (id: "districts_visited", value: "count(distinct activity.district from attendance where date in quarter)"),
            (id: "jongno_share", value: #"share(distinct activity_id from attendance where date in quarter, activity.district = "종로구")"#),
        ])
        let data = TinyDataSet.write(to: folder)
        let result = try DataSetEvaluation.run(RunConfiguration(dataDirectory: data, indicatorsDirectory: definitions, period: Quarter("2026Q3")!))
        // Q3 attendance is at A1 (종로구) and A2 (중구).
        XCTAssertEqual(result.value("districts_visited"), 2)
        XCTAssertEqual(result.value("jongno_share"), 0.5)
    }
}
