"""The breakdowns of report.html against those of each project workbook, cell by cell.

Usage: breakdown_check.py REPORT_FOLDER. Reads the page with html.parser and the workbooks'
third sheet with openpyxl; prints one line per project and exits 1 on the first difference.
"""
import html.parser
import os
import sys

import openpyxl


class Tables(html.parser.HTMLParser):
    """Rows of the breakdown tables of each project section: {project: [[cell, ...], ...]}."""

    def __init__(self):
        super().__init__()
        self.project = None
        self.in_breakdowns = 0
        self.rows = {}
        self.cell = None
        self.row = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("id", "").startswith("p-"):
            self.project = attrs["id"][2:]
            self.rows[self.project] = []
        if tag == "div" and attrs.get("class") == "breakdowns":
            self.in_breakdowns = 1
        elif tag == "div" and self.in_breakdowns:
            self.in_breakdowns += 1
        if self.in_breakdowns and tag == "tr":
            self.row = []
        if self.in_breakdowns and tag in ("td", "th") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "div" and self.in_breakdowns:
            self.in_breakdowns -= 1
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell)
            self.cell = None
        if tag == "tr" and self.row is not None:
            self.rows[self.project].append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def workbook_rows(path):
    """Header and group rows of the breakdowns sheet, as the page would write them."""
    sheet = openpyxl.load_workbook(path).worksheets[2]
    rows = []
    for values in sheet.iter_rows(values_only=True):
        cells = [v for v in values]
        while cells and cells[-1] is None:
            cells.pop()
        if len(cells) < 2:
            continue  # titles, descriptions, notes, blank rows
        rows.append(cells)
    return rows


def same(page, book):
    """A page cell shows a workbook cell: the same text, count, or share to 0.1 %."""
    if isinstance(book, (int, float)) and not isinstance(book, bool):
        text = page.replace(",", "")
        if text.endswith("%"):
            return abs(float(text[:-1]) - book * 100) <= 0.05 + 1e-9
        return float(text) == book
    return page == ("" if book is None else str(book))


def main():
    folder = sys.argv[1]
    parser = Tables()
    parser.feed(open(os.path.join(folder, "report.html"), encoding="utf-8").read())
    failed = False
    for project, page_rows in sorted(parser.rows.items()):
        book_rows = workbook_rows(os.path.join(folder, "projects", project + ".xlsx"))
        ok = len(page_rows) == len(book_rows) and all(
            len(p) >= len(b) and all(same(p[i], b[i]) for i in range(len(b))) and all(c == "" for c in p[len(b):])
            for p, b in zip(page_rows, book_rows))
        print(project, len(book_rows), "rows", "same" if ok else "DIFFERENT")
        if not ok:
            failed = True
            for p, b in zip(page_rows, book_rows):
                print("  page", p, "workbook", b)
    sys.exit(1 if failed else 0)


main()
