#!/usr/bin/env python3
"""Writes REPORT_DIR/results.json with random published breakdowns, for comparing the tool's
attack (check-release) with the independent one (disclosure_attack.py) on many tables,
including ones that give groups away: random sizes, small groups hidden, some others hidden as
complementary, half of them with a rate whose hits are often none or all of a group.

    python3 Tests/Reference/random_breakdowns.py REPORT_DIR SEED
"""
import json, os, random, sys


def main(folder, seed):
    rng = random.Random(int(seed))
    threshold = 5
    projects = {}
    for p in range(300):
        breakdowns = {}
        for b in range(3):
            sizes = [rng.choice([1, 2, 3, 4, 5, 6, 7, 9, 12, 20]) for _ in range(rng.randint(1, 6))]
            rate = rng.random() < 0.5
            hits = [rng.randint(0, s) if rng.random() < 0.7 else rng.choice([0, s]) for s in sizes]
            groups = []
            for i, size in enumerate(sizes):
                reason = "small_cell" if size < threshold else ("complementary" if rng.random() < 0.3 else None)
                groups.append({"group": f"g{i}", "count": None if reason else size, "suppressed": reason is not None, "reason": reason,
                               "share": None, "rate": hits[i] / size if rate and not reason else None})
            breakdowns[f"b{b}"] = {"total": sum(sizes), "hits": sum(hits) if rate else None, "groups": groups}
        projects[f"p{p:03d}"] = {"breakdowns": breakdowns}
    with open(os.path.join(folder, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"small_cell_threshold": threshold, "projects": projects}, f)


if __name__ == "__main__":
    main(*sys.argv[1:3])
