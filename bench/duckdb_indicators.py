#!/usr/bin/env python3
"""The sixteen default indicators in DuckDB: the peer that `make bench` times beside outcome-eval.

    python3 bench/duckdb_indicators.py DATA_DIR POPULATION_CSV PERIOD OUT.xlsx [--check RESULTS_JSON]

What a data engineer would write instead of outcome-eval: one read_csv per table over every
project (typed columns, SQL aggregates, DuckDB's default threads), the sixteen values of
../shared/spec/INDICATORS.md for PERIOD and the quarter before it, their scores, dimension and
overall scores, and one summary workbook. Written from the spec alone; it shares no code with the
tool. It checks no field and rejects no row, so it is run on a clean set (`outcome-eval
sample-data --clean`). With --check it compares every value with outcome-eval's results.json
(to 1e-9) and exits 1 on a difference.

A benchmark tool, not a test dependency: it needs `pip install duckdb openpyxl`.
"""
import json
import sys

import duckdb

# (id, dimension, direction is implied by floor/target, floor, target); the floor and target of
# active_participants come from the registry.
INDICATORS = [
    ("district_coverage", "fairness", 0.50, 0.85),
    ("vulnerable_inclusion", "fairness", 0.10, 0.30),
    ("adoption_parity", "fairness", 0.60, 0.95),
    ("gender_leadership_gap", "fairness", 0.30, 0.00),
    ("participation_gini", "fairness", 0.60, 0.20),
    ("active_participants", "participation", None, None),
    ("retention", "participation", 0.20, 0.60),
    ("engagement_depth", "participation", 1.0, 4.0),
    ("resident_led_share", "participation", 0.10, 0.50),
    ("proposal_adoption", "participation", 0.10, 0.40),
    ("self_financing", "sustainability", 0.05, 0.50),
    ("funding_diversity", "sustainability", 0.00, 0.60),
    ("partner_diversity", "sustainability", 1, 4),
    ("institutionalization", "sustainability", 1, 4),
    ("tech_linkage", "sustainability", 0.00, 0.30),
    ("continuity", "sustainability", 0.50, 1.00),
]
DIMENSIONS = ["fairness", "participation", "sustainability"]

TABLES = {
    "participants": {"participant_id": "VARCHAR", "district": "VARCHAR", "gender": "VARCHAR", "age_band": "VARCHAR",
                     "income_band": "VARCHAR", "disability": "VARCHAR", "role": "VARCHAR", "joined_on": "DATE"},
    "attendance": {"participant_id": "VARCHAR", "activity_id": "VARCHAR", "date": "DATE"},
    "activities": {"activity_id": "VARCHAR", "date": "DATE", "district": "VARCHAR", "kind": "VARCHAR",
                   "resident_led": "VARCHAR", "tech_linked": "VARCHAR", "cost_krw": "BIGINT"},
    "proposals": {"proposal_id": "VARCHAR", "participant_id": "VARCHAR", "submitted_on": "DATE", "status": "VARCHAR",
                  "decided_on": "DATE"},
    "finance": {"date": "DATE", "source": "VARCHAR", "amount_krw": "BIGINT"},
    "milestones": {"date": "DATE", "stage": "VARCHAR", "partner": "VARCHAR", "partner_sector": "VARCHAR", "note": "VARCHAR"},
}


def quarter(period, offset=0):
    """(first day, last day) of the quarter `offset` quarters from PERIOD, as ISO strings."""
    index = int(period[:4]) * 4 + int(period[5]) - 1 + offset
    year, q = divmod(index, 4)
    first = f"{year:04d}-{3 * q + 1:02d}-01"
    ny, nq = divmod(index + 1, 4)
    return first, f"(DATE '{ny:04d}-{3 * nq + 1:02d}-01' - INTERVAL 1 DAY)::DATE"


def load(con, data, population):
    con.execute(f"""CREATE TABLE projects AS SELECT * FROM read_csv('{data}/projects.csv', header = true,
        columns = {{'project_id': 'VARCHAR', 'name_ko': 'VARCHAR', 'name_en': 'VARCHAR', 'department': 'VARCHAR',
                    'program_type': 'VARCHAR', 'scope': 'VARCHAR', 'start_date': 'DATE', 'funding_end_date': 'DATE',
                    'target_participants': 'BIGINT'}})""")
    for table, columns in TABLES.items():
        # One read over every project's file; the project is the file's folder. Columns are
        # matched by name across files only for participants, where an extra column may stand
        # (union_by_name triples the read time, so it is not used where every file agrees).
        by_name = "union_by_name = true, " if table == "participants" else ""
        con.execute(f"""CREATE TABLE {table} AS
            SELECT split_part(filename, '/', -2) AS project_id, * EXCLUDE (filename)
            FROM read_csv('{data}/*/{table}.csv', header = true, {by_name}filename = true,
                          types = {json.dumps(columns)})""")
    con.execute(f"CREATE TABLE population AS SELECT * FROM read_csv('{population}', header = true)")


def values(con, period):
    """{project_id: {indicator: value or None}} for PERIOD; 'n/a' where an indicator does not apply."""
    qf, ql = quarter(period)
    pf, pl = quarter(period, -1)
    tf, _ = quarter(period, -3)
    yes = "IN ('Y', '1', 'true')"
    sql = f"""
    WITH
    q_att AS (SELECT * FROM attendance WHERE date BETWEEN DATE '{qf}' AND {ql}),
    active AS (SELECT DISTINCT a.project_id, a.participant_id, p.district, p.gender, p.age_band, p.income_band,
                      p.disability, p.role
               FROM q_att a JOIN participants p USING (project_id, participant_id)),
    n_active AS (SELECT project_id, count(*) AS n FROM active GROUP BY project_id),
    pop AS (SELECT district, population / sum(population) OVER () AS p FROM population),
    inside AS (SELECT project_id, district, count(*) AS c, sum(count(*)) OVER (PARTITION BY project_id) AS n
               FROM active WHERE district <> '기타' GROUP BY project_id, district),
    coverage AS (SELECT pr.project_id, 1 - 0.5 * sum(abs(coalesce(i.c / i.n, 0) - pop.p)) AS v
                 FROM projects pr CROSS JOIN pop
                 LEFT JOIN inside i ON i.project_id = pr.project_id AND i.district = pop.district
                 WHERE pr.project_id IN (SELECT project_id FROM inside) GROUP BY pr.project_id),
    vulnerable AS (SELECT project_id, avg(CASE WHEN income_band = 'low' OR disability {yes}
                                            OR age_band IN ('65-74', '75+') THEN 1.0 ELSE 0.0 END) AS v
                   FROM active GROUP BY project_id),
    decided AS (SELECT r.project_id, r.status, p.income_band FROM proposals r
                JOIN participants p USING (project_id, participant_id)
                WHERE r.decided_on BETWEEN DATE '{qf}' AND {ql} AND r.status IN ('adopted', 'rejected')),
    band_rates AS (SELECT project_id, avg(CASE WHEN status = 'adopted' THEN 1.0 ELSE 0.0 END) AS r
                   FROM decided WHERE income_band IS NOT NULL AND income_band <> ''
                   GROUP BY project_id, income_band HAVING count(*) >= 5),
    parity AS (SELECT project_id, CASE WHEN count(*) >= 2 AND max(r) > 0 THEN min(r) / max(r) END AS v
               FROM band_rates GROUP BY project_id),
    adoption AS (SELECT project_id, avg(CASE WHEN status = 'adopted' THEN 1.0 ELSE 0.0 END) AS v
                 FROM decided GROUP BY project_id),
    stated AS (SELECT * FROM active WHERE gender IN ('F', 'M', 'X')),
    gender_gap AS (SELECT project_id,
                     abs(avg(CASE WHEN gender = 'F' THEN 1.0 ELSE 0.0 END) FILTER (WHERE role = 'organizer')
                         - avg(CASE WHEN gender = 'F' THEN 1.0 ELSE 0.0 END)) AS v
                   FROM stated GROUP BY project_id),
    per_person AS (SELECT project_id, participant_id, count(*) AS x
                   FROM q_att SEMI JOIN participants USING (project_id, participant_id)
                   GROUP BY project_id, participant_id),
    ranked AS (SELECT project_id, x, row_number() OVER (PARTITION BY project_id ORDER BY x) AS i FROM per_person),
    gini AS (SELECT project_id, 2.0 * sum(i * x) / (count(*) * sum(x)) - (count(*) + 1.0) / count(*) AS v
             FROM ranked GROUP BY project_id),
    prev AS (SELECT DISTINCT project_id, participant_id FROM attendance WHERE date BETWEEN DATE '{pf}' AND {pl}),
    retention AS (SELECT pv.project_id, avg(CASE WHEN a.participant_id IS NOT NULL THEN 1.0 ELSE 0.0 END) AS v
                  FROM prev pv LEFT JOIN active a USING (project_id, participant_id) GROUP BY pv.project_id),
    depth AS (SELECT project_id, count(*) / any_value(n) AS v FROM q_att JOIN n_active USING (project_id) GROUP BY project_id),
    q_act AS (SELECT project_id, avg(CASE WHEN resident_led {yes} THEN 1.0 ELSE 0.0 END) AS v
              FROM activities WHERE date BETWEEN DATE '{qf}' AND {ql} GROUP BY project_id),
    money AS (SELECT project_id, source, sum(amount_krw)::DOUBLE AS m FROM finance
              WHERE date BETWEEN DATE '{tf}' AND {ql} GROUP BY project_id, source),
    funding AS (SELECT project_id,
                  CASE WHEN sum(m) > 0 THEN coalesce(sum(m) FILTER (WHERE source IN ('self_revenue', 'private_donation',
                                                                            'crowdfunding')), 0) / sum(m) END AS own,
                  CASE WHEN sum(m) > 0 THEN 1 - sum((m / t) * (m / t)) END AS diversity
                FROM (SELECT *, sum(m) OVER (PARTITION BY project_id) AS t FROM money) GROUP BY project_id),
    so_far AS (SELECT * FROM milestones WHERE date <= {ql}),
    partners AS (SELECT pr.project_id, count(DISTINCT s.partner_sector)::DOUBLE AS partners,
                   coalesce(max(CASE s.stage WHEN 'network' THEN 1 WHEN 'pilot' THEN 2 WHEN 'scale_up' THEN 3
                                              WHEN 'institutionalized' THEN 4 END), 0)::DOUBLE AS stage
                 FROM projects pr LEFT JOIN so_far s USING (project_id) GROUP BY pr.project_id),
    tech AS (SELECT project_id, avg(CASE WHEN tech_linked {yes} THEN 1.0 ELSE 0.0 END) AS v
             FROM activities WHERE date BETWEEN DATE '{tf}' AND {ql} GROUP BY project_id),
    quarters AS (SELECT k, (DATE '{tf}' + to_months(3 * k))::DATE AS first,
                           (DATE '{tf}' + to_months(3 * k + 3) - INTERVAL 1 DAY)::DATE AS last FROM range(4) t(k)),
    active_quarters AS (SELECT DISTINCT a.project_id, qs.k FROM activities a
                        JOIN quarters qs ON a.date BETWEEN qs.first AND qs.last),
    continuity AS (SELECT pr.project_id, avg(CASE WHEN aq.k IS NOT NULL THEN 1.0 ELSE 0.0 END) AS v
                   FROM projects pr JOIN quarters qs ON qs.last >= pr.start_date
                   LEFT JOIN active_quarters aq ON aq.project_id = pr.project_id AND aq.k = qs.k
                   GROUP BY pr.project_id)
    SELECT pr.project_id, pr.scope, pr.target_participants,
           coverage.v, vulnerable.v, parity.v, gender_gap.v, gini.v,
           n_active.n, retention.v, depth.v, q_act.v, adoption.v,
           funding.own, funding.diversity, partners.partners, partners.stage, tech.v, continuity.v
    FROM projects pr
    LEFT JOIN coverage USING (project_id) LEFT JOIN vulnerable USING (project_id) LEFT JOIN parity USING (project_id)
    LEFT JOIN gender_gap USING (project_id) LEFT JOIN gini USING (project_id) LEFT JOIN n_active USING (project_id)
    LEFT JOIN retention USING (project_id) LEFT JOIN depth USING (project_id) LEFT JOIN q_act USING (project_id)
    LEFT JOIN adoption USING (project_id) LEFT JOIN funding USING (project_id) LEFT JOIN partners USING (project_id)
    LEFT JOIN tech USING (project_id) LEFT JOIN continuity USING (project_id)
    ORDER BY pr.project_id"""
    out = {}
    for row in con.execute(sql).fetchall():
        project, scope, target = row[0], row[1], row[2]
        v = dict(zip([i[0] for i in INDICATORS], [float(x) if x is not None else None for x in row[3:]]))
        if scope != "citywide":
            v["district_coverage"] = "n/a"
        v["_target"] = float(target)
        out[project] = v
    return out


def scores(v):
    """Indicator, dimension and overall scores of one project's values (INDICATORS.md, "Scores")."""
    result, dims = {}, {}
    for ident, dimension, floor, target in INDICATORS:
        if ident == "active_participants":
            floor, target = 0.5 * v["_target"], v["_target"]
        value = v[ident]
        if value == "n/a":
            continue
        applicable = dims.setdefault(dimension, [0.0, 0.0, 0.0])
        applicable[0] += 1
        if value is not None:
            s = min(max((value - floor) / (target - floor), 0), 1) * 100
            result[ident] = s
            applicable[1] += 1
            applicable[2] += s
    dimension_scores = {d: (w[2] / w[1] if w[0] and w[1] / w[0] >= 0.5 else None) for d, w in dims.items()}
    overall = (sum(dimension_scores.values()) / 3
               if len(dimension_scores) == 3 and None not in dimension_scores.values() else None)
    return result, dimension_scores, overall


def workbook(path, period, current):
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.title = "Summary"
    sheet.append(["project_id"] + DIMENSIONS + ["overall"] + [i[0] for i in INDICATORS])
    for project, v in current.items():
        _, dimension_scores, overall = scores(v)
        sheet.append([project] + [dimension_scores.get(d) for d in DIMENSIONS] + [overall]
                     + [None if v[i[0]] == "n/a" else v[i[0]] for i in INDICATORS])
    book.save(path)


def check(results_path, current, previous):
    results = json.load(open(results_path, encoding="utf-8"))["projects"]
    problems, checked = [], 0
    for key, table in (("value", current), ("previous_value", previous)):
        for project, v in table.items():
            for ident, *_ in INDICATORS:
                got, want = results[project]["indicators"][ident], v[ident]
                checked += 1
                if want == "n/a":
                    ok = got["status"] == "not_applicable"
                elif want is None:
                    ok = got[key] is None
                else:
                    ok = got[key] is not None and abs(got[key] - want) <= 1e-9
                if not ok:
                    problems.append(f"{project} {ident} {key}: duckdb {want!r}, outcome-eval {got.get(key)!r}")
    for p in problems:
        print(p)
    print(f"{checked - len(problems)} passed, {len(problems)} failed")
    return 1 if problems else 0


def main(argv):
    data, population, period, out = argv[:4]
    con = duckdb.connect()
    load(con, data, population)
    current = values(con, period)
    workbook(out, period, current)
    if len(argv) > 5 and argv[4] == "--check":
        previous_period = "%04d" % (int(period[:4]) - (period[5] == "1")) + "Q" + str((int(period[5]) - 2) % 4 + 1)
        return check(argv[5], current, values(con, previous_period))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
