#!/usr/bin/env python3
"""Throughput and memory of `canonym scan` on generated news-like text.

    python3 Benchmarks/scan-throughput.py [--sizes 5,50] [--seed 7]

Builds a French news-like corpus from sentence templates filled with names drawn from the
shipped gazetteers (every spelling, in all languages), misspelled names (one letter changed) and
unknown names (random syllables), so that repeated spans do not flatter the finder's cache more
than real news would. For each size (MB) it reports MB/s on one process and on one process per
core (the corpus split in as many files, scanned side by side), and the peak resident memory:
flat memory shows as the same peak for every size. Needs a release build.
"""
import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "canonym")
TEMPLATES = [
    "Le président {p} a reçu jeudi à {c} son homologue {p2}, selon un communiqué.",
    "À {c}, M. {p} a évoqué la situation en {k} avec les représentants de {o}.",
    "« Nous suivons de près la situation », a déclaré {p} lors d'une conférence de presse à {c}.",
    "Selon {o}, les échanges entre la {k} et le {k2} ont progressé de 12 % l'an dernier.",
    "Interrogé par des journalistes, {p2} n'a pas souhaité commenter les propos de {p}.",
    "La délégation de {k} est arrivée mardi à {c}, où elle doit rencontrer {p}.",
]


def gazetteer_names():
    names = {"person": [], "place": [], "organization": []}
    for name in os.listdir(os.path.join(ROOT, "gazetteers")):
        if not name.endswith(".tsv"):
            continue
        with open(os.path.join(ROOT, "gazetteers", name), encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
        header = rows[0]
        for row in rows[1:]:
            record = dict(zip(header, row))
            spellings = [record["canonical"]] + [a for a in record.get("aliases", "").split("|") if a]
            names.setdefault(record.get("type") or "place", []).extend(spellings)
    return names


def misspell(name, rng):
    letters = [i for i, c in enumerate(name) if c.isalpha() and c.islower()]
    if not letters:
        return name
    i = rng.choice(letters)
    return name[:i] + rng.choice("aeiouklmnrst") + name[i + 1:]


def unknown_name(rng):
    syllables = ["ka", "lo", "mir", "sa", "tov", "ber", "dan", "ye", "zhan", "gul", "ov", "ko", "na", "rat"]
    word = lambda: "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word()} {word()}"


def corpus(size_mb, seed):
    rng = random.Random(seed)
    names = gazetteer_names()
    people, places, orgs = names["person"], names["place"], names["organization"]

    def person():
        roll = rng.random()
        return misspell(rng.choice(people), rng) if roll < 0.15 else unknown_name(rng) if roll < 0.3 else rng.choice(people)

    out, size = [], 0
    while size < size_mb * 1_000_000:
        sentence = rng.choice(TEMPLATES).format(p=person(), p2=person(), c=rng.choice(places), k=rng.choice(places),
                                                k2=rng.choice(places), o=rng.choice(orgs))
        paragraph = sentence + (" " + rng.choice(TEMPLATES).format(p=person(), p2=person(), c=rng.choice(places),
                                k=rng.choice(places), k2=rng.choice(places), o=rng.choice(orgs)) if rng.random() < 0.5 else "") + "\n"
        out.append(paragraph)
        size += len(paragraph.encode("utf-8"))
    return "".join(out)


def timed(commands):
    """Runs commands side by side; returns (seconds, peak RSS in MB of the largest, mentions)."""
    start = time.perf_counter()
    procs = [subprocess.Popen(["/usr/bin/time", "-f", "%M"] + c, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c in commands]
    outputs = [p.communicate() for p in procs]
    seconds = time.perf_counter() - start
    peaks = [int(err.decode().strip().splitlines()[-1]) / 1024 for _, err in outputs]
    mentions = sum(out.count(b"\n") for out, _ in outputs)
    return seconds, max(peaks), mentions


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="5,50", help="corpus sizes in MB, comma-separated")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    if not os.path.exists(BINARY):
        sys.exit("build first: swift build -c release")
    cores = os.cpu_count() or 1
    print(f"{'MB':>6} {'mentions':>9} {'1 process MB/s':>15} {'peak MB':>8} {f'{cores} processes MB/s':>18}")
    with tempfile.TemporaryDirectory() as work:
        for size in (float(s) for s in a.sizes.split(",")):
            text = corpus(size, a.seed)
            whole = os.path.join(work, "corpus.txt")
            with open(whole, "w", encoding="utf-8") as f:
                f.write(text)
            lines = text.splitlines(keepends=True)
            parts = []
            for k in range(cores):
                part = os.path.join(work, f"part{k}.txt")
                with open(part, "w", encoding="utf-8") as f:
                    f.writelines(lines[k::cores])
                parts.append(part)
            megabytes = len(text.encode("utf-8")) / 1e6
            one, peak, mentions = timed([[BINARY, "scan", whole]])
            many, _, _ = timed([[BINARY, "scan", part] for part in parts])
            print(f"{megabytes:>6.1f} {mentions:>9} {megabytes / one:>15.2f} {peak:>8.0f} {megabytes / many:>18.2f}")


if __name__ == "__main__":
    main()
