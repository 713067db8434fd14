#!/usr/bin/env python3
"""Reads a report's workbooks back with openpyxl and checks every number against results.json.

    python3 Tests/Reference/workbook_check.py REPORT_DIR

Checks: the portfolio's Summary (dimension and overall scores), its Indicators sheet (value,
interval low and high, score, previous value, previous score: real numbers, never text; the
band marked `*` exactly when results.json says `uncertain`, as in each project workbook), its
Rank robustness sheet (rank, median, 5th and 95th percentile), and each project workbook's
indicator table, group breakdowns (as results.json publishes them) and drivers of change.
Prints 'N passed, M failed' and exits 1 on any difference.
"""
import json, os, sys
import openpyxl

def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return isinstance(a, (int, float)) and abs(a - b) <= 1e-9

def table_rows(sheet, min_row=1):
    """The sheet's rows without the notes under the table (rows with only a first cell)."""
    rows = list(sheet.iter_rows(min_row=min_row, values_only=True))
    while rows and rows[-1][0] is not None and all(v is None for v in rows[-1][1:]):
        rows.pop()
    return rows

def marked(band, entry):
    """Whether a band cell carries the uncertain mark as results.json says it must."""
    return (band or "").endswith("*") == (entry["uncertain"] is True)

def main(report):
    results = json.load(open(os.path.join(report, "results.json"), encoding="utf-8"))
    projects = results["projects"]
    problems, checked = [], 0
    book = openpyxl.load_workbook(os.path.join(report, "portfolio.xlsx"))
    summary, indicators = book.worksheets[0], book.worksheets[2]
    header = [c.value for c in summary[1]]
    dims = list(next(iter(projects.values()))["dimensions"].keys())
    first_dim = len(header) - len(dims) - 4
    for row in summary.iter_rows(min_row=2, values_only=True):
        pid = row[1]
        expected = [projects[pid]["dimensions"][d]["score"] for d in dims] + [projects[pid]["overall"]["score"]]
        for got, want in zip(row[first_dim:first_dim + len(dims) + 1], expected):
            checked += 1
            if not close(got, want):
                problems.append(f"Summary {pid}: {got!r} != {want!r}")
    for row in table_rows(indicators, min_row=2):
        pid, indicator = row[0], row[3]
        entry = projects[pid]["indicators"][indicator]
        checked += 1
        if not marked(row[9], entry):
            problems.append(f"Indicators {pid} {indicator} band {row[9]!r}: uncertain is {entry['uncertain']!r}")
        interval = entry["interval"] or {"low": None, "high": None}
        wanted = (entry["value"], interval["low"], interval["high"], entry["score"], entry["previous_value"], entry["previous_score"])
        for got, want, key in zip([row[i] for i in (5, 6, 7, 8, 10, 11)], wanted, ("value", "low", "high", "score", "previous_value", "previous_score")):
            checked += 1
            if not close(got, want):
                problems.append(f"Indicators {pid} {indicator} {key}: {got!r} != {want!r}")
    ranked = [p for p in projects.values() if p["rank"]]
    rank_rows = [r for r in book.worksheets[3].iter_rows(min_row=2, values_only=True) if isinstance(r[0], (int, float))]
    checked += 1
    if len(rank_rows) != len(ranked):
        problems.append(f"Rank robustness: {len(rank_rows)} rows for {len(ranked)} ranked projects")
    for row in rank_rows:
        rank = projects[row[1]]["rank"]
        for got, key in zip(row[0:1] + row[3:6], ("position", "median", "p05", "p95")):
            checked += 1
            if got != rank[key]:
                problems.append(f"Rank robustness {row[1]} {key}: {got!r} != {rank[key]!r}")
    for pid, project in projects.items():
        sheet = openpyxl.load_workbook(os.path.join(report, "projects", pid + ".xlsx")).worksheets[0]
        rows = table_rows(sheet)
        # The indicator table is the last block: one row per indicator, in results.json order.
        table = rows[-len(project["indicators"]):]
        for row, (indicator, entry) in zip(table, project["indicators"].items()):
            checked += 1
            if not marked(row[4], entry):
                problems.append(f"{pid}.xlsx {indicator} band {row[4]!r}: uncertain is {entry['uncertain']!r}")
            for got, key in zip((row[2], row[3], row[5], row[6]), ("value", "score", "previous_value", "previous_score")):
                checked += 1
                if not close(got, entry[key]):
                    problems.append(f"{pid}.xlsx {indicator} {key}: {got!r} != {entry[key]!r}")
        got, failed = breakdowns(report, pid, project["breakdowns"], results["small_cell_threshold"])
        checked += got
        problems += failed
        drivers = project["overall"]["drivers"] or []
        sheet = openpyxl.load_workbook(os.path.join(report, "projects", pid + ".xlsx")).worksheets[-1]
        # The drivers sit between the header row and the total, in results.json's order.
        rows = list(sheet.iter_rows(min_row=3, values_only=True))[:len(drivers)]
        for row, driver in zip(rows, drivers):
            checked += 1
            if not close(row[2], driver["contribution"]):
                problems.append(f"{pid}.xlsx driver {driver['indicator']}: {row[2]!r} != {driver['contribution']!r}")
    for p in problems:
        print(p)
    print(f"{checked - len(problems)} passed, {len(problems)} failed")
    return 1 if problems else 0

def breakdowns(report, pid, published, threshold):
    """The Breakdowns sheet against results.json's breakdowns, which it is rendered from: per
    block a title, the rows, then a note (no data, withheld) or a header, one row per group
    (count, share, rate; a hidden group its mark and nothing else), the total row, a blank row."""
    rows = list(openpyxl.load_workbook(os.path.join(report, "projects", pid + ".xlsx")).worksheets[2].iter_rows(values_only=True))
    checked, problems, i = 0, [], 0
    for bid, b in published.items():
        i += 2
        if b is None or b["total"] is None:
            i += 2
            continue
        i += 1
        for g in b["groups"] + [{"group": "total", "count": b["total"], "suppressed": False, "share": None,
                                 "rate": b["hits"] / b["total"] if b["hits"] is not None and b["total"] else None}]:
            row = rows[i] + (None,) * 4
            i += 1
            if g["suppressed"]:
                want = [f"<{threshold}" if g["reason"] == "small_cell" else "x", None, None]
            else:
                want = [g["count"], g["share"], g["rate"]]
            got = [row[1], row[2], row[3]]
            for a, w in zip(got, want):
                checked += 1
                if not (a == w if isinstance(w, str) or w is None else close(a, w)):
                    problems.append(f"{pid}.xlsx {bid} {g['group']}: {got!r} != {want!r}")
        i += 1
    return checked, problems

if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
