import Foundation
import XCTest

/// The workbooks read back with a real reader (openpyxl), every number against results.json.
final class WorkbookReadBackTests: XCTestCase {
    func testWorkbookNumbersEqualResultsJSON() throws {
        let folder = TemporaryFolder()
        let run = try runTool(["run", "--data", repositoryRoot + "/Samples", "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let probe = try runProcess("/usr/bin/env", ["python3", "-c", "import openpyxl"])
        guard probe.status == 0 else { try missing("openpyxl is not installed (make test installs it with pip)") }
        let check = try runProcess("/usr/bin/env", ["python3", repositoryRoot + "/Tests/Reference/workbook_check.py", folder.path + "/2026Q3"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.hasSuffix("2011 passed, 0 failed\n"), check.stdout)
    }

    func testWorkbooksHaveTheExpectedSheetsAndProjectFiles() throws {
        let folder = TemporaryFolder()
        XCTAssertEqual(try runTool(["run", "--data", repositoryRoot + "/Samples", "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path]).status, 0)
        let list = try runProcess("/usr/bin/env", ["python3", "-c", """
            import re,sys,zipfile
            z = zipfile.ZipFile(sys.argv[1]); w = z.read('xl/workbook.xml').decode()
            print(' | '.join(re.findall(r'<sheet name="([^"]+)"', w)))
            print(len([n for n in z.namelist() if n.startswith('xl/charts/chart')]))
            print(re.search(r'<dcterms:created[^>]*>([^<]+)<', z.read('docProps/core.xml').decode()).group(1))
            """, folder.path + "/2026Q3/portfolio.xlsx"])
        XCTAssertEqual(list.stdout, "요약 | 차트 | 지표 | 순위 안정성 | 부서·유형별 | 자료 품질 | 정의\n3\n2026-09-30T00:00:00Z\n")
        let projects = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/2026Q3/projects").sorted()
        XCTAssertEqual(projects, [
            "citizen-idea.xlsx", "conflict-mediation.xlsx", "mapo-village.xlsx", "senior-reemployment.xlsx", "seongdong-living-lab.xlsx",
            "youth-social-venture.xlsx",
        ])
    }

    /// Every sheet of every workbook prints on landscape A4 with the period, page and version
    /// in its footer, and has a print area; table sheets are one page wide with their header
    /// on every page, chart sheets at full size with a break before the second chart.
    func testEverySheetIsSetUpForPrinting() throws {
        let folder = TemporaryFolder()
        XCTAssertEqual(try runTool(["run", "--data", repositoryRoot + "/Samples", "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path, "--quiet"]).status, 0)
        let check = try runProcess("/usr/bin/env", ["python3", "-c", """
            import re, sys, zipfile
            for path in sys.argv[1:]:
                z = zipfile.ZipFile(path)
                book = z.read('xl/workbook.xml').decode()
                names = re.findall(r'<sheet name="([^"]+)"', book)
                for i, name in enumerate(names):
                    xml = z.read('xl/worksheets/sheet%d.xml' % (i + 1)).decode()
                    footer = '<oddFooter>&amp;L평가 기간 2026Q3&amp;C&amp;P / &amp;N&amp;Routcome-eval 0.1.0</oddFooter>' in xml
                    area = 'name="_xlnm.Print_Area" localSheetId="%d"' % i in book
                    titles = 'name="_xlnm.Print_Titles" localSheetId="%d"' % i in book
                    breaks = re.findall(r'<brk id="(\\d+)"', xml)
                    print(path.split('/')[-1], name, 'paperSize="9"' in xml and 'orientation="landscape"' in xml, footer, area,
                          'fitToPage="1"' in xml, titles, ','.join(breaks))
            """, folder.path + "/2026Q3/portfolio.xlsx", folder.path + "/2026Q3/projects/mapo-village.xlsx"])
        XCTAssertEqual(check.stdout, """
            portfolio.xlsx 요약 True True True True True 
            portfolio.xlsx 차트 True True True False False 30
            portfolio.xlsx 지표 True True True True True 
            portfolio.xlsx 순위 안정성 True True True True True 
            portfolio.xlsx 부서·유형별 True True True True False 
            portfolio.xlsx 자료 품질 True True True True True 
            portfolio.xlsx 정의 True True True True True 
            mapo-village.xlsx 평가 True True True True True 
            mapo-village.xlsx 추이 True True True False False 
            mapo-village.xlsx 집단별 True True True False False 29
            mapo-village.xlsx 변화 요인 True True True True True 

            """, check.stderr)
    }

    func testSourceDateEpochSetsTheCreatedTime() throws {
        let folder = TemporaryFolder()
        let run = try runTool(
            ["run", "--data", repositoryRoot + "/Samples", "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path],
            environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        XCTAssertEqual(run.status, 0)
        let created = try runProcess("/usr/bin/env", ["python3", "-c", "import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read('docProps/core.xml').decode().count('2023-11-14T22:13:20Z'))", folder.path + "/2026Q3/portfolio.xlsx"])
        XCTAssertEqual(created.stdout, "2\n")
    }
}
