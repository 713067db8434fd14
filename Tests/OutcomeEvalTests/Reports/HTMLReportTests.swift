@testable import DataContract
import Foundation
@testable import Reports
@testable import Results
import XCTest

/// report.html: escaping done once and right, nothing from outside, the same bytes each time.
final class HTMLReportTests: XCTestCase {
    func testEscapeReplacesTheFiveSpecialCharactersAndKeepsHangul() {
        XCTAssertEqual(
            HTMLWriter.escape(#"<a href="x">Tom & 'Jerry' 가나</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39; 가나&lt;/a&gt;")
        XCTAssertEqual(HTMLWriter.escape("마포구 0.5"), "마포구 0.5")
        // Already escaped text is text: escaped again, never passed through.
        XCTAssertEqual(HTMLWriter.escape("&amp;"), "&amp;amp;")
    }

    /// A quote or `<` followed by a combining mark is one Swift Character but, to a browser, a
    /// quote (which would end the attribute) or a `<` then the mark: escaped all the same.
    func testSpecialCharactersFollowedByCombiningMarksAreEscaped() {
        XCTAssertEqual(HTMLWriter.escape("a\"\u{301} onmouseover=x"), "a&quot;\u{301} onmouseover=x")
        XCTAssertEqual(HTMLWriter.escape("<\u{338}b &\u{20DD}"), "&lt;\u{338}b &amp;\u{20DD}")
        XCTAssertEqual(HTMLWriter.escape("e\u{301} 가\u{11A8}"), "e\u{301} 가\u{11A8}")
    }

    func testAttributesAreEscapedAndMissingOnesLeftOut() {
        var html = HTMLWriter()
        html.element("td", ["title": #"a"b<'c'"#, "class": nil], "1 < 2 & 가")
        XCTAssertEqual(html.text, #"<td title="a&quot;b&lt;&#39;c&#39;">1 &lt; 2 &amp; 가</td>"#)
    }

    /// A project whose names hold markup: shown as text everywhere, in Korean and in English.
    func testHostileNamesAreTextAndThePageReferencesNothingOutside() throws {
        let folder = TemporaryFolder()
        let registry = TinyDataSet.projects.replacingOccurrences(
            of: "p1,시험 사업,Test project,", with: #"p1,"<script>alert(""x"")</script> & '가'","<img src=x onerror=alert(1)>","#)
        let result = try TinyDataSet.evaluate(folder, registry: registry)
        for language in Language.allCases {
            let page = HTMLReport(result: result, words: Words(language: language), toolVersion: "0.1.0").render()
            XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">"))
            // The page's own script is the only one.
            XCTAssertEqual(page.components(separatedBy: "<script").count, 2, language.rawValue)
            XCTAssertFalse(page.contains("<img"), language.rawValue)
            let name = language == .ko ? "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;가&#39;" : "&lt;img src=x onerror=alert(1)&gt;"
            XCTAssertTrue(page.contains("<th scope=\"row\"><a href=\"#p-p1\">\(name)</a></th>"), language.rawValue)
            for outside in ["http:", "https:", " src=\"", "<link", "@import", "url("] {
                XCTAssertFalse(page.contains(outside), "\(language.rawValue): \(outside)")
            }
        }
    }

    func testEnglishPageHasNoKoreanWordsOfItsOwn() throws {
        let folder = TemporaryFolder()
        let result = try TinyDataSet.evaluate(folder)
        let page = HTMLReport(result: result, words: Words(language: .en), toolVersion: "0.1.0").render()
        // Hangul may come only from the data (names, districts, departments) and definitions.
        for word in ["사업 순위", "종합", "등급", "자료 품질", "정의", "집단"] {
            XCTAssertFalse(page.contains(">" + word + "<"), word)
        }
        XCTAssertTrue(page.contains("<caption>Projects by overall score</caption>"))
    }

    func testTwoRunsWriteTheSamePageAndTheManifestListsIt() throws {
        let folder = TemporaryFolder()
        var pages: [Data] = []
        for n in 1...2 {
            let run = try runTool(["run", "--data", repositoryRoot + "/Samples", "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path + "/\(n)", "--serial", "--quiet"])
            XCTAssertEqual(run.status, 0, run.stderr)
            pages.append(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/\(n)/2026Q3/report.html")))
            let manifest = try String(contentsOfFile: folder.path + "/\(n)/2026Q3/manifest.json", encoding: .utf8)
            XCTAssertTrue(manifest.contains("\"report.html\": \""), manifest)
        }
        XCTAssertEqual(pages[0], pages[1])
        XCTAssertGreaterThan(pages[0].count, 10_000)
    }

    /// A withheld breakdown shows the note instead of a table, a missing one "no data", and
    /// the others their groups with the marks of the published table.
    func testBreakdownsFollowThePublishedTable() throws {
        let folder = TemporaryFolder()
        var result = try TinyDataSet.evaluate(folder)
        let names = result.plan.breakdowns.map { $0.name.text(.en) }
        result.breakdowns[0][0] = PublishedBreakdown(total: nil, hits: nil, hasRate: false, groups: [])
        result.breakdowns[0][1] = nil
        result.breakdowns[0][2] = PublishedBreakdown(total: 12, hits: nil, hasRate: false, groups: [
            .init(label: "F", count: 8, suppression: nil, share: 1, rate: nil),
            .init(label: nil, count: nil, suppression: .complementary, share: nil, rate: nil),
            .init(label: "X", count: nil, suppression: .smallCell, share: nil, rate: nil),
        ])
        let page = HTMLReport(result: result, words: Words(language: .en), toolVersion: "0.1.0").render()
        XCTAssertTrue(page.contains("<h4>\(names[0])</h4>"))
        XCTAssertFalse(page.contains("<caption>\(names[0])</caption>"))
        XCTAssertTrue(page.contains("<p>withheld: even with every group hidden, a small group could be worked out from the total</p>"))
        XCTAssertFalse(page.contains("<caption>\(names[1])</caption>"))
        XCTAssertTrue(page.contains("<h4>\(names[1])</h4><p class=\"note\">People who took part in an activity this quarter, by gender</p><p>no data</p>"))
        XCTAssertTrue(page.contains(
            "<tr><th scope=\"row\">F</th><td class=\"n\">8</td><td class=\"n\">100.0%</td></tr>"
                + "<tr><th scope=\"row\">(not stated)</th><td class=\"n\">x</td><td class=\"n\"></td></tr>"
                + "<tr><th scope=\"row\">X</th><td class=\"n\">&lt;5</td><td class=\"n\"></td></tr>"
                + "<tr><th scope=\"row\">Total</th><td class=\"n\">12</td><td class=\"n\"></td></tr>"), page)
        XCTAssertTrue(page.contains("<p class=\"note\">x: a group of 5 or more, hidden too so that the &lt;5 groups cannot be worked out from the total</p>"))
    }
}
