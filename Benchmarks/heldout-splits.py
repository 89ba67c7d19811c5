#!/usr/bin/env python3
"""Accuracy on held-out splits of a gazetteer: labelled queries made from the gazetteer itself.

    python3 Benchmarks/heldout-splits.py [--gazetteer G.tsv] [--seeds 7,8] [--lend 0.11] [--absent 0.015] [--canonym BIN]

For each seed, an alias is taken out of a share of the entities with two aliases or more (the
query should find that entity) and a share of the entities is left out altogether (one of its
names is a query that should come back unknown); a name that a kept entity carries as written is
left out, as a lookup. `canonym evaluate` then measures the reduced
gazetteer on those queries with the threshold rule, and with a confidence model that
`canonym gazetteer calibrate` learns from the reduced gazetteer alone (its own held-out names,
drawn with its own seed, never these). The figures check a change to the matcher or the model on
names that are not the dev set's: the best F1 over every level, and the most recall at precision
0.95 and 0.90. Defaults: the dev kit's places gazetteer (../shared/eval-dev), seeds 7 and 8.
Needs a release build (`swift build -c release`).
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CANONYM = os.path.join(ROOT, ".build", "release", "canonym")  # --canonym: another build, to compare
DEFAULT_GAZETTEER = os.path.join(ROOT, "..", "shared", "eval-dev", "data", "places-gazetteer.tsv")


def split(lines, seed, lend, absent):
    """(gazetteer lines, queries as (name, expected id or "")) for one seed."""
    rows = [line for line in lines if line and not line.startswith("#")]
    header, rows = rows[0], rows[1:]
    columns = header.split("\t")
    if "aliases" not in columns:
        sys.exit("the gazetteer has no aliases column: nothing to hold out")
    ids, aliases_at = columns.index("id"), columns.index("aliases")
    canonical_at = columns.index("canonical")
    random_ = random.Random(seed)
    kept, queries = [header], []
    for row in rows:
        cells = row.split("\t")
        cells += [""] * (len(columns) - len(cells))
        aliases = [a for a in cells[aliases_at].split("|") if a]
        draw = random_.random()
        if draw < absent:
            queries.append((random_.choice([cells[canonical_at]] + aliases), ""))
            continue
        if len(aliases) >= 2 and draw < absent + lend:
            k = random_.randrange(len(aliases))
            queries.append((aliases.pop(k), cells[ids]))
            cells[aliases_at] = "|".join(aliases)
        kept.append("\t".join(cells))
    # A name that a kept entity carries as it is would be a lookup, not a test of matching.
    names = {name.lower() for line in kept[1:] for name in [line.split("\t")[canonical_at]] + line.split("\t")[aliases_at].split("|")}
    queries = [(name, expected) for name, expected in queries if name.lower() not in names]
    random_.shuffle(queries)
    return kept, queries


def evaluate(gazetteer, queries, extra=()):
    """The evaluate report's JSON, at precision 0.95 and at 0.90."""
    reports = []
    for target in ("0.95", "0.90"):
        out = subprocess.run([CANONYM, "evaluate", "--gazetteer", gazetteer, "--queries", queries, "--errors", "0",
                              "--format", "json", "--target-precision", target, *extra], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"canonym evaluate failed: {out.stderr.strip()[-400:]}")
        reports.append(json.loads(out.stdout))
    return reports


def row(label, reports):
    best = reports[0]["best_f1"] or {}
    def recall(report):
        at = report["at_target_precision"]
        return f"{at['recall']:.4f}" if at else "-"
    print(f"  {label:14} best F1 {best.get('f1', 0):.4f} (P {best.get('precision', 0):.3f}, R {best.get('recall', 0):.3f})"
          f"   recall at P≥0.95 {recall(reports[0])}   at P≥0.90 {recall(reports[1])}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gazetteer", default=DEFAULT_GAZETTEER)
    ap.add_argument("--seeds", default="7,8")
    ap.add_argument("--lend", type=float, default=0.11, help="share of the entities that lend an alias (of those with two or more)")
    ap.add_argument("--absent", type=float, default=0.015, help="share of the entities left out")
    ap.add_argument("--canonym", help="the canonym binary to measure (default: this checkout's release build)")
    a = ap.parse_args()
    global CANONYM
    CANONYM = a.canonym or CANONYM
    if not os.path.exists(CANONYM):
        sys.exit("no release build: swift build -c release")
    with open(a.gazetteer, encoding="utf-8") as f:
        lines = f.read().split("\n")
    with tempfile.TemporaryDirectory(prefix="canonym-splits-") as directory:
        for seed in (int(s) for s in a.seeds.split(",")):
            kept, queries = split(lines, seed, a.lend, a.absent)
            gazetteer = os.path.join(directory, f"g{seed}.tsv")
            labelled = os.path.join(directory, f"q{seed}.tsv")
            with open(gazetteer, "w", encoding="utf-8") as f:
                f.write("\n".join(kept) + "\n")
            with open(labelled, "w", encoding="utf-8") as f:
                f.write("query\texpected_id\n" + "".join(f"{name}\t{expected}\n" for name, expected in queries))
            positives = sum(1 for _, expected in queries if expected)
            print(f"seed {seed}: {len(kept) - 1} entities kept, {positives} held-out aliases, {len(queries) - positives} absent names")
            row("threshold rule", evaluate(gazetteer, labelled))
            model = os.path.join(directory, f"m{seed}.json")
            calibrate = subprocess.run([CANONYM, "gazetteer", "calibrate", gazetteer, "-o", model], capture_output=True, text=True)
            if calibrate.returncode != 0:
                print(f"  no confidence model: {calibrate.stderr.strip()[-300:]}")
                continue
            row("model", evaluate(gazetteer, labelled, ["--confidence-model", model]))


if __name__ == "__main__":
    main()
