#!/usr/bin/env python3
"""Canonym and the RapidFuzz peers side by side on the dev sets, in one run.

    python3 Benchmarks/compare-peers.py [--limit N] [--sets places,people,...]

Runs ../shared/eval-dev/score.py for each matcher on each set (same queries, same gazetteer,
same machine, back to back) and prints F1, precision, unknown-handling, queries per second net
of load time, and Canonym's throughput as a ratio of each peer's. Canonym also runs with a
confidence model learnt from the set's gazetteer (`canonym gazetteer calibrate`, seed 1) at
--min-confidence (default 0.5), where the gazetteer has the aliases to learn from. The machines are noisy:
compare the ratios, not the absolute times. Needs `pip install rapidfuzz unidecode` for the peers
and a release build (`swift build -c release`).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KIT = os.path.join(ROOT, "..", "shared", "eval-dev")
SETS = {
    "places": ("places-gazetteer.tsv", "places-queries.tsv"),
    "people": ("people-gazetteer.tsv", "people-queries.tsv"),
    "noise-places": ("places-gazetteer.tsv", "noise-places-queries.tsv"),
    "noise-people": ("people-gazetteer.tsv", "noise-people-queries.tsv"),
}
MATCHERS = {
    "canonym": os.path.join(ROOT, ".build", "release", "canonym") + " match",
    "rapidfuzz-jw": f"python3 {os.path.join(KIT, 'peers', 'rapidfuzz_jw_peer.py')}",
    "rapidfuzz-wratio": f"python3 {os.path.join(KIT, 'peers', 'rapidfuzz_peer.py')}",
}


def score(cmd, gazetteer, queries, limit):
    args = [sys.executable, os.path.join(KIT, "score.py"), "--cmd", cmd,
            "--gazetteer", os.path.join(KIT, "data", gazetteer), "--queries", os.path.join(KIT, "data", queries)]
    if limit:
        args += ["--limit", str(limit)]
    out = subprocess.run(args, capture_output=True, text=True).stdout
    try:
        return json.loads(out[out.index("{"):])
    except ValueError:
        return None


def calibrated(gazetteer, directory):
    """A confidence model learnt from the gazetteer, or why there is none."""
    model = os.path.join(directory, gazetteer + ".confidence.json")
    if not os.path.exists(model):
        run = subprocess.run([MATCHERS["canonym"].split()[0], "gazetteer", "calibrate", os.path.join(KIT, "data", gazetteer), "-o", model],
                             capture_output=True, text=True)
        if run.returncode != 0:
            return None, (run.stderr.strip().splitlines() or ["calibrate failed"])[-1]
    return model, None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--min-confidence", type=float, default=0.5, help="for the run with a confidence model")
    a = ap.parse_args()
    if not os.path.isdir(KIT):
        sys.exit("no ../shared/eval-dev beside the project")
    with tempfile.TemporaryDirectory(prefix="canonym-peers-") as models:
        print(f"{'set':13} {'matcher':17} {'F1':>6} {'prec':>6} {'unk-neg':>7} {'q/s net':>9} {'load s':>7}  canonym q/s ratio")
        for name in a.sets.split(","):
            gazetteer, queries = SETS[name]
            results = {m: score(cmd, gazetteer, queries, a.limit) for m, cmd in MATCHERS.items()}
            ours = (results.get("canonym") or {}).get("qps_net_of_load") or (results.get("canonym") or {}).get("qps")
            model, why = calibrated(gazetteer, models)
            confident = f"canonym@{a.min_confidence:g}"
            if model:
                results[confident] = score(f"{MATCHERS['canonym']} --confidence-model {model} --min-confidence {a.min_confidence}",
                                           gazetteer, queries, a.limit)
            else:
                print(f"{name:13} {confident:17} no confidence model: {why}")
            for matcher, r in results.items():
                # A matcher that did not run (a peer not installed) still gets a report, with F1 0: say so.
                if not r or not r.get("ok", True):
                    tail = next((e.get("stderr_tail") for e in (r or {}).get("error_examples", []) if e.get("stderr_tail")), "")
                    why = tail.strip().splitlines()[-1] if tail.strip() else "no report"
                    print(f"{name:13} {matcher:17} failed: {why} (the peers need: pip install rapidfuzz unidecode)")
                    continue
                qps = r.get("qps_net_of_load") or r.get("qps")
                fmt = lambda k: "-" if r.get(k) is None else f"{r[k]:.3f}"
                ratio = f"{ours / qps:.3g}x" if ours and qps and not matcher.startswith("canonym") else ""
                print(f"{name:13} {matcher:17} {fmt('f1'):>6} {fmt('precision'):>6} {fmt('correct_unknown_rate_neg'):>7} "
                      f"{qps or 0:>9.1f} {r.get('load_s') or 0:>7.2f}  {ratio}")


if __name__ == "__main__":
    main()
