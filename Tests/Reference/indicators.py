#!/usr/bin/env python3
"""An independent implementation of the sixteen default indicators, written from
../shared/spec/INDICATORS.md and DATA.md alone, to check outcome-eval's results.json.

    python3 Tests/Reference/indicators.py DATA_DIR POPULATION_CSV RESULTS_JSON

Exits 0 when every value (this quarter and the previous one) agrees to 1e-9 and every
status agrees; otherwise prints each difference and exits 1. Shares no code with the tool.
"""
import csv, datetime, io, json, os, sys

DISTRICTS = "종로구 중구 용산구 성동구 광진구 동대문구 중랑구 성북구 강북구 도봉구 노원구 은평구 서대문구 마포구 양천구 강서구 구로구 금천구 영등포구 동작구 관악구 서초구 강남구 송파구 강동구".split()

def read(path):
    """Rows of a CSV as dicts, UTF-8 (BOM or not) or CP949; None when the file is absent."""
    if not os.path.exists(path):
        return None
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp949")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return None
    header = [h.strip() for h in rows[0]]
    return [dict(zip(header, r)) for r in rows[1:] if len(r) == len(header) and r != [""]]

def date(s):
    try:
        return datetime.date.fromisoformat(s)
    except ValueError:
        return None

def quarter_bounds(year, q):
    first = datetime.date(year, 3 * q - 2, 1)
    last = (datetime.date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - datetime.timedelta(days=1))
    return first, last

def shift(year, q, n):
    i = year * 4 + q - 1 + n
    return i // 4, i % 4 + 1

def evaluate(folder, project, pop, year, q):
    qf, ql = quarter_bounds(year, q)
    pf, pl = quarter_bounds(*shift(year, q, -1))
    tf, _ = quarter_bounds(*shift(year, q, -3))
    people = {r["participant_id"]: r for r in (read(folder + "/participants.csv") or [])}
    activities = read(folder + "/activities.csv") or []
    acts = {a["activity_id"] for a in activities if date(a["date"])}
    att = [r for r in (read(folder + "/attendance.csv") or [])
           if date(r["date"]) and r["participant_id"] in people and r["activity_id"] in acts]
    out = {}
    A = sorted({r["participant_id"] for r in att if qf <= date(r["date"]) <= ql})
    prev = {r["participant_id"] for r in att if pf <= date(r["date"]) <= pl}
    # fairness
    if project["scope"] == "citywide":
        inside = [p for p in A if people[p]["district"] != "기타"]
        total = sum(pop.values())
        if inside:
            a = {g: sum(1 for p in inside if people[p]["district"] == g) / len(inside) for g in DISTRICTS}
            out["district_coverage"] = 1 - 0.5 * sum(abs(a[g] - pop[g] / total) for g in DISTRICTS)
        else:
            out["district_coverage"] = None
    else:
        out["district_coverage"] = "n/a"
    vulnerable = [p for p in A if people[p]["income_band"] == "low" or people[p]["disability"] == "Y" or people[p]["age_band"] in ("65-74", "75+")]
    out["vulnerable_inclusion"] = len(vulnerable) / len(A) if A else None
    proposals = read(folder + "/proposals.csv")
    if proposals is None:
        out["adoption_parity"] = out["proposal_adoption"] = None
    else:
        seen, good = set(), []
        for r in proposals:
            if r["proposal_id"] in seen or r["participant_id"] not in people or r["status"] not in ("pending", "adopted", "rejected"):
                continue
            seen.add(r["proposal_id"])
            good.append(r)
        decided = [r for r in good if r["status"] in ("adopted", "rejected") and date(r["decided_on"]) and qf <= date(r["decided_on"]) <= ql]
        groups = {}
        for r in decided:
            band = people[r["participant_id"]]["income_band"]
            if band:
                groups.setdefault(band, []).append(r["status"] == "adopted")
        rates = [sum(v) / len(v) for v in groups.values() if len(v) >= 5]
        out["adoption_parity"] = min(rates) / max(rates) if len(rates) >= 2 and max(rates) > 0 else None
        out["proposal_adoption"] = sum(r["status"] == "adopted" for r in decided) / len(decided) if decided else None
    stated = [p for p in A if people[p]["gender"]]
    organizers = [p for p in stated if people[p]["role"] == "organizer"]
    w = lambda ps: sum(people[p]["gender"] == "F" for p in ps) / len(ps)
    out["gender_leadership_gap"] = abs(w(organizers) - w(stated)) if stated and organizers else None
    counts = [sum(1 for r in att if r["participant_id"] == p and qf <= date(r["date"]) <= ql) for p in A]
    if counts:
        n, mean = len(counts), sum(counts) / len(counts)
        out["participation_gini"] = sum(abs(x - y) for x in counts for y in counts) / (2 * n * n * mean)
    else:
        out["participation_gini"] = None
    # participation
    out["active_participants"] = float(len(A))
    out["retention"] = len(prev & set(A)) / len(prev) if prev else None
    rows_q = sum(1 for r in att if qf <= date(r["date"]) <= ql)
    out["engagement_depth"] = rows_q / len(A) if A else None
    in_q = [a for a in activities if date(a["date"]) and qf <= date(a["date"]) <= ql]
    out["resident_led_share"] = sum(a["resident_led"] == "Y" for a in in_q) / len(in_q) if in_q else None
    # sustainability
    finance = read(folder + "/finance.csv")
    if finance is None:
        out["self_financing"] = out["funding_diversity"] = None
    else:
        money = [(r["source"], int(r["amount_krw"])) for r in finance if date(r["date"]) and tf <= date(r["date"]) <= ql and int(r["amount_krw"]) >= 0]
        total = sum(m for _, m in money)
        own = sum(m for s, m in money if s in ("self_revenue", "private_donation", "crowdfunding"))
        out["self_financing"] = own / total if total else None
        shares = [sum(m for s2, m in money if s2 == s) / total for s in ("public_grant", "self_revenue", "private_donation", "crowdfunding", "in_kind")] if total else None
        out["funding_diversity"] = 1 - sum(x * x for x in shares) if shares else None
    milestones = read(folder + "/milestones.csv")
    if milestones is None:
        out["partner_diversity"] = out["institutionalization"] = None
    else:
        so_far = [m for m in milestones if date(m["date"]) and date(m["date"]) <= ql]
        out["partner_diversity"] = float(len({m["partner_sector"] for m in so_far}))
        order = {"network": 1, "pilot": 2, "scale_up": 3, "institutionalized": 4}
        out["institutionalization"] = float(max([order[m["stage"]] for m in so_far], default=0))
    trailing = [a for a in activities if date(a["date"]) and tf <= date(a["date"]) <= ql]
    out["tech_linkage"] = sum(a["tech_linked"] == "Y" for a in trailing) / len(trailing) if trailing else None
    start = date(project["start_date"])
    quarters = [shift(year, q, k) for k in (-3, -2, -1, 0)]
    counted = [yq for yq in quarters if quarter_bounds(*yq)[1] >= start]
    with_activity = [yq for yq in counted if any(quarter_bounds(*yq)[0] <= date(a["date"]) <= quarter_bounds(*yq)[1] for a in activities if date(a["date"]))]
    out["continuity"] = len(with_activity) / len(counted) if counted else None
    if not A:
        # INDICATORS.md: no attendance in Q, so every indicator over A is "no data" (not 0).
        for indicator in OVER_A:
            if out[indicator] != "n/a":
                out[indicator] = NO_DATA
    return out

OVER_A = ["district_coverage", "vulnerable_inclusion", "gender_leadership_gap", "participation_gini",
          "active_participants", "retention", "engagement_depth"]
NO_DATA = "no data"

def main(data, population, results_path, period):
    pop = {r["district"]: float(r["population"]) for r in read(population)}
    results = json.load(open(results_path, encoding="utf-8"))
    year, q = int(period[:4]), int(period[5])
    problems, checked = [], 0
    for project in read(data + "/projects.csv"):
        pid = project["project_id"]
        folder = data + "/" + pid
        for key, (y, qq) in (("value", (year, q)), ("previous_value", shift(year, q, -1))):
            expected = evaluate(folder, project, pop, y, qq)
            for indicator, value in expected.items():
                got = results["projects"][pid]["indicators"][indicator]
                checked += 1
                if value == "n/a":
                    if got["status"] != "not_applicable":
                        problems.append(f"{pid} {indicator}: expected not_applicable, got {got['status']}")
                elif value is None or value == NO_DATA:
                    if got[key] is not None:
                        problems.append(f"{pid} {indicator} {key}: expected not computable, got {got[key]}")
                    elif value == NO_DATA and key == "value" and not (got["reason"] or "").startswith("no data"):
                        problems.append(f"{pid} {indicator}: expected the reason 'no data', got {got['reason']!r}")
                elif got[key] is None or abs(got[key] - value) > 1e-9:
                    problems.append(f"{pid} {indicator} {key}: expected {value!r}, got {got[key]!r}")
    for p in problems:
        print(p)
    print(f"{checked - len(problems)} passed, {len(problems)} failed")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
