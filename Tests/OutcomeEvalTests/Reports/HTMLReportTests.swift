import Foundation
import XCTest

@testable import OutcomeEval

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
}
