#!/usr/bin/env python3
"""The sixteen default indicators in DuckDB: the peer that `make bench` times beside outcome-eval.

    python3 bench/duckdb_indicators.py DATA_DIR POPULATION_CSV PERIOD OUT.xlsx [--check RESULTS_JSON]

What a data engineer would write instead of outcome-eval: one SQL statement that reads each
table once over every project (typed columns, only the columns and dates it needs, aggregated
while it reads, DuckDB's default threads), the sixteen values of ../shared/spec/INDICATORS.md
for PERIOD, their scores, dimension and overall scores, and one summary workbook. Written from
the spec alone; it shares no code with the tool. It checks no field and rejects no row, so it
is run on a clean set (`outcome-eval sample-data --clean`). With --check it also evaluates the
quarter before PERIOD (the same statement again, after the workbook) and compares every value
of both quarters with outcome-eval's results.json (to 1e-9); it exits 1 on a difference.

A benchmark tool, not a test dependency: it needs `pip install duckdb xlsxwriter`.
"""
import csv
import json
import sys

import duckdb

# (id, dimension, floor, target): the direction is implied by floor and target. The floor and
# target of active_participants come from projects.csv.
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

# The type of every column the statement reads; any other column is read as VARCHAR and not used.
TYPES = {"date": "DATE", "decided_on": "DATE", "amount_krw": "BIGINT"}
YES = "IN ('Y', '1', 'true')"


def shift(period, offset):
    """The name of the quarter `offset` quarters from PERIOD: shift("2026Q1", -1) == "2025Q4"."""
    year, q = divmod(int(period[:4]) * 4 + int(period[5]) - 1 + offset, 4)
    return f"{year:04d}Q{q + 1}"


def quarter(period):
    """(first day, last day) of PERIOD, as ISO dates."""
    year, q = int(period[:4]), int(period[5]) - 1
    days = (31, 30, 30, 31)[q]  # the last day of March, June, September, December
    return f"{year:04d}-{3 * q + 1:02d}-01", f"{year:04d}-{3 * q + 3:02d}-{days}"


class Tables:
    """Where each table's rows are: one file per project, in projects.csv's order, so that
    DuckDB's file_index is the project's position. Column order is free (DATA.md), so the
    files are read by their own headers: one read_csv per distinct header, by name. The
    headers are read here, a line each, because `union_by_name` sniffs every file: with it,
    reading the 183 MB set's participants took 1.86 s, without it 0.14 s."""

    def __init__(self, data, projects):
        self.data, self.projects = data, projects

    def read(self, table, columns):
        """A FROM item with `project` (the position in projects.csv) and `columns` of TABLE."""
        groups = {}
        for index, project in enumerate(self.projects):
            path = f"{self.data}/{project}/{table}.csv"
            with open(path, encoding="utf-8-sig", newline="") as f:
                header = tuple(next(csv.reader([f.readline()])))
            groups.setdefault(header, []).append((index, path))
        parts = []
        for header, files in groups.items():
            indices = [i for i, _ in files]
            every = indices == list(range(len(self.projects)))
            project = "file_index::BIGINT" if every else f"{indices}[file_index::BIGINT + 1]"
            types = {c: TYPES.get(c, "VARCHAR") for c in header}
            parts.append(f"""SELECT {project} AS project, {', '.join(columns)}
                FROM read_csv({[p for _, p in files]}, header = true, auto_detect = false,
                              columns = {json.dumps(types)})""")
        return "(" + " UNION ALL ".join(parts) + ")"


def values(con, tables, population, period):
    """Per project (in projects.csv's order) a row: the values of INDICATORS in their order up to
    continuity, None where not computable, then whether each quarter of trailing4 had an activity;
    and the last days of those quarters."""
    trailing = [quarter(shift(period, k)) for k in (-3, -2, -1, 0)]
    (tf, _), _, (pf, _), (qf, ql) = [(f"DATE '{f}'", f"DATE '{l}'") for f, l in trailing]
    read = tables.read
    sql = f"""
    WITH
    attended AS (  -- per participant: attendance rows in Q (x) and whether seen in the quarter before
        SELECT project, participant_id, count(*) FILTER (WHERE date >= {qf}) AS x, bool_or(date < {qf}) AS before
        FROM {read('attendance', ['participant_id', 'date'])}
        WHERE date BETWEEN {pf} AND {ql} GROUP BY ALL),
    decided AS (
        SELECT project, participant_id, count(*) FILTER (WHERE status = 'adopted') AS adopted, count(*) AS decided
        FROM {read('proposals', ['participant_id', 'status', 'decided_on'])}
        WHERE decided_on BETWEEN {qf} AND {ql} AND status IN ('adopted', 'rejected') GROUP BY ALL),
    persons AS (  -- a row per participant with attendance and one per proposer, with their attributes
        SELECT * FROM (SELECT *, NULL AS adopted, NULL AS decided FROM attended
                       UNION ALL SELECT project, participant_id, NULL, NULL, adopted, decided FROM decided)
        JOIN {read('participants', ['participant_id', 'district', 'gender', 'age_band', 'income_band',
                                    'disability', 'role'])} USING (project, participant_id)),
    cells AS MATERIALIZED (  -- the persons counted per project, x and district, or per project and income band
        SELECT project, x, if(decided IS NULL, district, NULL) AS district,
               if(decided IS NULL, NULL, income_band) AS band,
               count(*) FILTER (WHERE x > 0) AS n,
               count(*) FILTER (WHERE x > 0 AND (income_band = 'low' OR disability {YES}
                                                 OR age_band IN ('65-74', '75+'))) AS vulnerable,
               count(*) FILTER (WHERE x > 0 AND gender = 'F') AS f,
               count(*) FILTER (WHERE x > 0 AND gender IN ('F', 'M', 'X')) AS stated,
               count(*) FILTER (WHERE x > 0 AND gender = 'F' AND role = 'organizer') AS f_org,
               count(*) FILTER (WHERE x > 0 AND gender IN ('F', 'M', 'X') AND role = 'organizer') AS stated_org,
               count(*) FILTER (WHERE before) AS before, count(*) FILTER (WHERE before AND x > 0) AS stayed,
               sum(adopted) AS adopted, sum(decided) AS decided
        FROM persons GROUP BY ALL),
    over_a AS (
        SELECT project, nullif(sum(n), 0) AS n, sum(x * n) AS x_sum, sum(x * n) / nullif(sum(n), 0) AS depth,
               sum(vulnerable) / nullif(sum(n), 0) AS vulnerable,
               abs(sum(f_org) / nullif(sum(stated_org), 0) - sum(f) / nullif(sum(stated), 0)) AS gender_gap,
               sum(stayed) / nullif(sum(before), 0) AS retention, sum(adopted) / nullif(sum(decided), 0) AS adoption
        FROM cells GROUP BY project),
    xs AS (SELECT project, x, sum(n) AS c FROM cells WHERE n > 0 GROUP BY project, x),
    gini AS (  -- the spec's Σ_i Σ_j |x_i − x_j| / (2 n² mean), with the people counted per value of x
        SELECT project, sum(a.c * b.c * abs(a.x - b.x)) / (2.0 * any_value(n) * any_value(x_sum)) AS v
        FROM xs a JOIN xs b USING (project) JOIN over_a USING (project) GROUP BY project),
    inside AS (SELECT project, district, sum(n) / sum(sum(n)) OVER (PARTITION BY project) AS a
               FROM cells WHERE n > 0 AND district <> '기타' GROUP BY project, district),
    pop AS (SELECT district, population / sum(population) OVER () AS p FROM read_csv('{population}', header = true)),
    coverage AS (  -- 1 − ½ Σ_g |a_g − p_g| over the reference table's districts
        SELECT c.project, 1 - 0.5 * sum(abs(coalesce(i.a, 0) - pop.p)) AS v
        FROM (SELECT DISTINCT project FROM inside) c CROSS JOIN pop
        LEFT JOIN inside i ON i.project = c.project AND i.district = pop.district GROUP BY c.project),
    band_rates AS (SELECT project, sum(adopted) / sum(decided) AS r FROM cells
                   WHERE band <> '' GROUP BY project, band HAVING sum(decided) >= 5),
    parity AS (SELECT project, CASE WHEN count(*) >= 2 AND max(r) > 0 THEN min(r) / max(r) END AS v
               FROM band_rates GROUP BY project),
    acts AS (
        SELECT project,
               count(*) FILTER (WHERE date >= {qf} AND resident_led {YES})
                   / nullif(count(*) FILTER (WHERE date >= {qf}), 0) AS resident_led,
               count(*) FILTER (WHERE tech_linked {YES}) / count(*) AS tech,
               {', '.join(f"bool_or(date BETWEEN DATE '{f}' AND DATE '{l}') AS in_{k}"
                          for k, (f, l) in enumerate(trailing))}
        FROM {read('activities', ['date', 'resident_led', 'tech_linked'])}
        WHERE date BETWEEN {tf} AND {ql} GROUP BY project),
    money AS (SELECT project, source, sum(amount_krw)::DOUBLE AS m
              FROM {read('finance', ['date', 'source', 'amount_krw'])}
              WHERE date BETWEEN {tf} AND {ql} GROUP BY project, source),
    funding AS (SELECT project,
                       coalesce(sum(m) FILTER (WHERE source IN ('self_revenue', 'private_donation', 'crowdfunding')), 0)
                           / nullif(sum(m), 0) AS own,
                       CASE WHEN sum(m) > 0 THEN 1 - sum((m / t) * (m / t)) END AS diversity
                FROM (SELECT *, sum(m) OVER (PARTITION BY project) AS t FROM money) GROUP BY project),
    stages AS (SELECT project, count(DISTINCT partner_sector) AS partners,
                      max(CASE stage WHEN 'network' THEN 1 WHEN 'pilot' THEN 2 WHEN 'scale_up' THEN 3
                                     WHEN 'institutionalized' THEN 4 END) AS stage
               FROM {read('milestones', ['date', 'stage', 'partner_sector'])} WHERE date <= {ql} GROUP BY project)
    SELECT coverage.v, over_a.vulnerable, parity.v, over_a.gender_gap, gini.v, over_a.n, over_a.retention, over_a.depth,
           acts.resident_led, over_a.adoption, funding.own, funding.diversity, coalesce(stages.partners, 0),
           coalesce(stages.stage, 0), acts.tech, acts.in_0, acts.in_1, acts.in_2, acts.in_3
    FROM range({len(tables.projects)}) t(project)
    LEFT JOIN over_a USING (project) LEFT JOIN coverage USING (project) LEFT JOIN gini USING (project)
    LEFT JOIN parity USING (project)
    LEFT JOIN acts USING (project) LEFT JOIN funding USING (project) LEFT JOIN stages USING (project)
    ORDER BY project"""
    return con.execute(sql).fetchall(), [l for _, l in trailing]


def evaluate(con, tables, population, projects, period):
    """{project_id: {indicator: value, None (not computable) or 'n/a'}} for PERIOD."""
    rows, quarter_ends = values(con, tables, population, period)
    out = {}
    for (project, (scope, start, target)), row in zip(projects.items(), rows):
        v = {ident: None if x is None else float(x) for (ident, *_), x in zip(INDICATORS, row[:15])}
        # Continuity: of the four quarters that end on or after the start date, the share with an activity.
        counted = [bool(flag) for flag, end in zip(row[15:], quarter_ends) if end >= start]
        v["continuity"] = sum(counted) / len(counted) if counted else None
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


def workbook(path, current):
    """One sheet: per project its dimension and overall scores and the sixteen values."""
    import xlsxwriter
    book = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = book.add_worksheet("Summary")
    sheet.write_row(0, 0, ["project_id"] + DIMENSIONS + ["overall"] + [i[0] for i in INDICATORS])
    for r, (project, v) in enumerate(current.items(), start=1):
        _, dimension_scores, overall = scores(v)
        sheet.write_row(r, 0, [project] + [dimension_scores.get(d) for d in DIMENSIONS] + [overall]
                        + [None if v[i[0]] == "n/a" else v[i[0]] for i in INDICATORS])
    book.close()


def check(results_path, current, previous):
    with open(results_path, encoding="utf-8") as f:
        results = json.load(f)["projects"]
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
    with open(f"{data}/projects.csv", encoding="utf-8-sig", newline="") as f:
        projects = {r["project_id"]: (r["scope"], r["start_date"], r["target_participants"]) for r in csv.DictReader(f)}
    con = duckdb.connect()
    tables = Tables(data, list(projects))
    current = evaluate(con, tables, population, projects, period)
    workbook(out, current)
    if len(argv) > 5 and argv[4] == "--check":
        previous = evaluate(con, tables, population, projects, shift(period, -1))
        return check(argv[5], current, previous)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
