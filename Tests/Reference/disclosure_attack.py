#!/usr/bin/env python3
"""An attacker independent of the tool: from a report's results.json alone, works out every
value each hidden group of each published breakdown could take, and lists the hidden groups
left with a single possible count (or rate).

    python3 Tests/Reference/disclosure_attack.py REPORT_DIR

What the reader knows: the shown counts, the breakdown's total and, for a rate breakdown,
its total hits and each shown group's rate; that a "small_cell" group holds 1 to
small_cell_threshold - 1 and a "complementary" one at least small_cell_threshold. Counts are
found by enumeration: the sums the other hidden groups can reach, built group by group, and
each value of a group whose rest is among them. Rates: every (count, hits) a group can take
with the other groups' hits anywhere from 0 to their counts. A rate the total alone gives
(no hits at all, or all) is not a disclosure of the breakdown.

Also checks that the published form is consistent: a suppressed group shows no count, share
or rate. Prints 'N breakdowns, M hidden groups, K recoverable' and exits 1 when K > 0 or a
group is inconsistent.
"""
import json, os, sys
from fractions import Fraction


def reachable(ranges, limit):
    sums = {0}
    for values in ranges:
        sums = {s + v for s in sums for v in values if s + v <= limit}
    return sums


def attack(breakdown, threshold):
    groups = breakdown["groups"]
    hidden = [i for i, g in enumerate(groups) if g["suppressed"]]
    if breakdown["total"] is None or not hidden:
        return []
    rest = breakdown["total"] - sum(g["count"] for g in groups if not g["suppressed"])
    ranges = {i: range(1, threshold) if groups[i]["reason"] == "small_cell" else range(threshold, rest + 1) for i in hidden}
    found = []
    for i in hidden:
        others = reachable([ranges[j] for j in hidden if j != i], rest)
        counts = [v for v in ranges[i] if rest - v in others]
        if len(counts) == 1:
            found.append((i, "count", counts[0]))
            continue
        hits = breakdown["hits"]
        if hits is None or hits in (0, breakdown["total"]):
            continue
        hidden_hits = hits - sum(round(g["rate"] * g["count"]) for g in groups if not g["suppressed"])
        rates = {Fraction(h, v) for v in counts for h in range(v + 1) if 0 <= hidden_hits - h <= rest - v}
        if len(rates) == 1:
            found.append((i, "rate", float(rates.pop())))
    return found


def consistent(group):
    if group["suppressed"]:
        return group["count"] is None and group["share"] is None and group["rate"] is None and group["reason"] in ("small_cell", "complementary")
    return isinstance(group["count"], int) and group["reason"] is None


def main(report):
    results = json.load(open(os.path.join(report, "results.json"), encoding="utf-8"))
    threshold = results["small_cell_threshold"]
    tables = hidden = 0
    problems = []
    for pid, project in results["projects"].items():
        for bid, breakdown in project["breakdowns"].items():
            if breakdown is None:
                continue
            tables += 1
            for g in breakdown["groups"]:
                hidden += g["suppressed"]
                if not consistent(g):
                    problems.append(f"{pid} / {bid} / {g['group']}: inconsistent {g}")
            for i, what, value in attack(breakdown, threshold):
                shown = value if what == "count" else f"{value * 100:.1f} %"
                problems.append(f"{pid} / {bid} / {breakdown['groups'][i]['group'] or '(not stated)'}: {what} {shown}")
    for p in problems:
        print(p)
    print(f"{tables} breakdowns, {hidden} hidden groups, {len(problems)} recoverable")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
