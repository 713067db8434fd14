#!/usr/bin/env python3
"""An independent check of the "Uncertainty" section of ../shared/spec/INDICATORS.md against
a report's results.json, written from the spec alone (shares no code with the tool).

    python3 Tests/Reference/uncertainty.py DEFINITIONS_DIR RESULTS_JSON

Recomputes from results.json and the definitions: each share indicator's Wilson interval,
its score interval and `uncertain` flag; each project's drivers of change (the spec's
formula, term by term); and the rank ranges, by its own Monte Carlo (Python's Mersenne
Twister and random.betavariate, 10,000 draws), compared statistically (see check_rank).
Prints 'N passed, M failed' and exits 1 on any difference.
"""
import glob, json, math, os, random, sys
import yaml

Z95 = 1.959963984540054
OWN_DRAWS = 10000

def load(definitions):
    settings = yaml.safe_load(open(os.path.join(definitions, "evaluation.yaml"), encoding="utf-8"))
    indicators = {}
    for path in sorted(glob.glob(os.path.join(definitions, "indicators", "*.yaml"))):
        d = yaml.safe_load(open(path, encoding="utf-8"))
        indicators[d["id"]] = d
    return settings, indicators

def strip_comments(text):
    """The expression without its '# …' comments (a '#' inside quotes is text)."""
    out = []
    for line in text.splitlines():
        quoted = False
        for i, ch in enumerate(line):
            if ch == '"':
                quoted = not quoted
            elif ch == "#" and not quoted:
                line = line[:i]
                break
        out.append(line)
    return " ".join(" ".join(out).split())

def call(text, name):
    """The arguments of `name(…)` when the whole text is that one call, split at top-level commas."""
    if not text.startswith(name + "("):
        return None
    depth, quoted, args, start = 0, False, [], len(name) + 1
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                if i != len(text) - 1:
                    return None
                args.append(text[start:i].strip())
        elif ch == "," and depth == 1:
            args.append(text[start:i].strip())
            start = i + 1
    return args

def is_one_share(text):
    """A value that is one share(…), itself or as the value of a when_any(rows, …) guard."""
    text = strip_comments(text)
    guarded = call(text, "when_any")
    if guarded is not None and len(guarded) == 2:
        text = guarded[1]
    return call(text, "share") is not None

def wilson(k, n, z):
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)

def score(value, floor, target):
    return min(max((value - floor) / (target - floor), 0.0), 1.0) * 100

def band(s, bands):
    return max((b["min"] for b in bands if s >= b["min"]), default=None)

class Checks:
    def __init__(self):
        self.problems, self.count = [], 0

    def expect(self, ok, message):
        self.count += 1
        if not ok:
            self.problems.append(message)

def close(a, b, tolerance=1e-12):
    return a is not None and b is not None and abs(a - b) <= tolerance

def check_intervals(pid, project, settings, indicators, checks):
    u = settings.get("uncertainty", {})
    level = u.get("level", 0.95)
    z = Z95 if level == 0.95 else None
    for iid, entry in project["indicators"].items():
        d = indicators[iid]
        share = is_one_share(d["value"])
        if not share or entry["value"] is None:
            checks.expect(entry["interval"] is None and entry["score_interval"] is None and entry["uncertain"] is None,
                          f"{pid} {iid}: expected no interval, got {entry['interval']}")
            continue
        got = entry["interval"]
        checks.expect(got is not None, f"{pid} {iid}: a share without an interval")
        if got is None or z is None:
            continue
        n = got["n"]
        k = round(entry["value"] * n)
        checks.expect(close(k / n, entry["value"]), f"{pid} {iid}: value {entry['value']} is not k/{n}")
        low, high = wilson(k, n, z)
        checks.expect(close(got["low"], low) and close(got["high"], high), f"{pid} {iid}: interval {got} != {low}, {high}")
        checks.expect(got["method"] == "wilson" and got["level"] == level, f"{pid} {iid}: method/level {got}")
        ends = sorted(score(x, float(d["floor"]), float(d["target"])) for x in (low, high))
        si = entry["score_interval"]
        checks.expect(close(si["low"], ends[0], 1e-9) and close(si["high"], ends[1], 1e-9), f"{pid} {iid}: score interval {si} != {ends}")
        own = band(entry["score"], settings["bands"])
        uncertain = band(ends[0], settings["bands"]) != own or band(ends[1], settings["bands"]) != own
        checks.expect(entry["uncertain"] == uncertain, f"{pid} {iid}: uncertain {entry['uncertain']} != {uncertain}")

def check_drivers(pid, project, settings, indicators, checks):
    got = project["overall"]["drivers"]
    now, before = project["overall"]["score"], project["overall"]["previous_score"]
    if now is None or before is None:
        checks.expect(got is None, f"{pid}: drivers without two overall scores")
        return
    dims = {d["id"]: float(d.get("weight", 1)) for d in settings["dimensions"]}
    total = sum(dims.values())
    entries = project["indicators"]
    def weight_of(dim, key):
        return sum(float(indicators[i].get("weight", 1)) for i, e in entries.items() if indicators[i]["dimension"] == dim and e[key] is not None)
    expected = {}
    for iid, e in entries.items():
        if e["score"] is None and e["previous_score"] is None:
            continue
        d = indicators[iid]
        w, dim = float(d.get("weight", 1)), d["dimension"]
        term_now = w * e["score"] / weight_of(dim, "score") if e["score"] is not None else 0.0
        term_before = w * e["previous_score"] / weight_of(dim, "previous_score") if e["previous_score"] is not None else 0.0
        expected[iid] = dims[dim] / total * (term_now - term_before)
    checks.expect(got is not None and sorted(x["indicator"] for x in got) == sorted(expected), f"{pid}: drivers of {got} != {sorted(expected)}")
    if got is None:
        return
    for x in got:
        checks.expect(close(x["contribution"], expected.get(x["indicator"]), 1e-9), f"{pid} {x['indicator']}: {x['contribution']} != {expected.get(x['indicator'])}")
    sizes = [abs(x["contribution"]) for x in got]
    checks.expect(sizes == sorted(sizes, reverse=True), f"{pid}: drivers not largest first")
    checks.expect(abs(sum(x["contribution"] for x in got) - (now - before)) <= 1e-9, f"{pid}: drivers do not add up to {now - before}")

def simulate(results, settings, indicators, seed):
    """Rank of each ranked project in each of OWN_DRAWS draws, by the spec's recipe."""
    u = settings.get("uncertainty", {})
    s = u.get("weight_spread", 0.5)
    rng = random.Random(seed)
    dims = [(d["id"], float(d.get("weight", 1))) for d in settings["dimensions"]]
    ids = list(indicators)
    ranked = [pid for pid, p in results["projects"].items() if p["overall"]["score"] is not None]
    ranks = {pid: [] for pid in ranked}
    for _ in range(OWN_DRAWS):
        f = {i: rng.uniform(1 - s, 1 + s) for i in ids}
        g = {d: rng.uniform(1 - s, 1 + s) for d, _ in dims}
        overall = {}
        for pid in ranked:
            entries = results["projects"][pid]["indicators"]
            dim_scores = []
            for dim, W in dims:
                num = den = 0.0
                for iid, e in entries.items():
                    d = indicators[iid]
                    if d["dimension"] != dim or e["score"] is None:
                        continue
                    sc = e["score"]
                    if e["interval"] is not None:
                        n = e["interval"]["n"]
                        k = round(e["value"] * n)
                        sc = score(rng.betavariate(k + 0.5, n - k + 0.5), float(d["floor"]), float(d["target"]))
                    w = float(d.get("weight", 1)) * f[iid]
                    num += w * sc
                    den += w
                dim_scores.append((W * g[dim], num / den))
            overall[pid] = sum(w * x for w, x in dim_scores) / sum(w for w, _ in dim_scores)
        for pid in ranked:
            ranks[pid].append(1 + sum(1 for other in ranked if overall[other] > overall[pid]))
    return ranks

def check_rank(pid, got, own, checks):
    """The tool's ⌈q·N⌉-th smallest rank r of its N draws means its empirical CDF G has
    G(r) ≥ q and G(r − 1) < q. Our CDF F from our own draws estimates the same true CDF;
    at any rank x, G(x) and F(x) each differ from it by a binomial error of standard
    deviation √(F(1−F)/N). So we require F(r) ≥ q − 4σ(r) and F(r − 1) < q + 4σ(r − 1), with
    σ the sum of both errors: a deterministic check (both seeds fixed) that a wrong
    percentile, a wrong weight spread or a missing share redraw fails."""
    n_tool = got["draws"]
    def cdf(x):
        return sum(1 for r in own if r <= x) / len(own)
    def sigma(p):
        return math.sqrt(p * (1 - p) / n_tool) + math.sqrt(p * (1 - p) / len(own)) + 1e-12
    for key, q in (("p05", 0.05), ("median", 0.5), ("p95", 0.95)):
        r = got[key]
        high, low = cdf(r), cdf(r - 1)
        checks.expect(high >= q - 4 * sigma(high), f"{pid} rank {key} {r}: our CDF there is only {high:.4f}")
        checks.expect(low < q + 4 * sigma(low), f"{pid} rank {key} {r}: our CDF below it is already {low:.4f}")

def main(definitions, results_path):
    settings, indicators = load(definitions)
    results = json.load(open(results_path, encoding="utf-8"))
    checks = Checks()
    projects = results["projects"]
    order = sorted((pid for pid in projects if projects[pid]["overall"]["score"] is not None),
                   key=lambda pid: (-projects[pid]["overall"]["score"], pid))
    for pid, project in projects.items():
        check_intervals(pid, project, settings, indicators, checks)
        check_drivers(pid, project, settings, indicators, checks)
    own = simulate(results, settings, indicators, seed=20261117)
    for pid, project in projects.items():
        rank = project["rank"]
        if project["overall"]["score"] is None:
            checks.expect(rank is None, f"{pid}: a rank without an overall score")
            continue
        checks.expect(rank is not None and rank["position"] == order.index(pid) + 1, f"{pid}: position {rank}")
        checks.expect(rank["draws"] == settings.get("uncertainty", {}).get("draws", 1000), f"{pid}: draws {rank['draws']}")
        checks.expect(rank["p05"] <= rank["median"] <= rank["p95"], f"{pid}: percentiles out of order {rank}")
        check_rank(pid, rank, own[pid], checks)
    for p in checks.problems:
        print(p)
    print(f"{checks.count - len(checks.problems)} passed, {len(checks.problems)} failed")
    return 1 if checks.problems else 0

if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
