@testable import DataContract
@testable import Pipeline
@testable import Results
import XCTest

/// Text columns of kept tables (activities' district is text) are kept as strings only when
/// the plan reads them through a reference; these indicators do, by row and by distinct value.
final class KeptTextTests: XCTestCase {
    func testTextReadThroughAReferenceIsKept() throws {
        let folder = TemporaryFolder()
        let definitions = folder.copy(defaultIndicators, to: "Indicators")
        folder.write("Indicators/indicators/17-districts_visited.yaml", """
            id: districts_visited
            name: {ko: 활동 자치구 수, en: Districts visited}
            dimension: participation
            value: count(distinct activity.district from attendance where date in quarter)
            direction: higher
            floor: 0
            target: 2
            """)
        folder.write("Indicators/indicators/18-jongno_share.yaml", """
            id: jongno_share
            name: {ko: 종로구 활동 비율, en: Jongno share}
            dimension: participation
            value: share(distinct activity_id from attendance where date in quarter, activity.district = "종로구")
            direction: higher
            floor: 0
            target: 1
            """)
        let data = TinyDataSet.write(to: folder)
        let result = try DataSetEvaluation.run(RunConfiguration(dataDirectory: data, indicatorsDirectory: definitions, period: Quarter("2026Q3")!))
        // Q3 attendance is at A1 (종로구) and A2 (중구).
        XCTAssertEqual(result.value("districts_visited"), 2)
        XCTAssertEqual(result.value("jongno_share"), 0.5)
    }
}
