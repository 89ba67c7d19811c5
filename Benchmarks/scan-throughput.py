#!/usr/bin/env python3
"""Throughput and memory of `canonym scan` on generated news-like text.

    python3 Benchmarks/scan-throughput.py [--sizes 5,50] [--seed 7] [--jobs 1,2] [--rounds 3]
    python3 Benchmarks/scan-throughput.py --sizes 10,50 --block 1 --jobs 2     # flat memory

Builds a French news-like corpus from sentence templates filled with names drawn from the
shipped gazetteers (every spelling, in all languages), misspelled names (one letter changed) and
unknown names (random syllables), so that repeated spans do not flatter the finder's cache more
than real news would. With --block B, the corpus is a generated block of B MB repeated, its
paragraphs shuffled in each copy: the names stay as varied as in one block, but the distinct
unknown names (and so their clusters, which the run keeps) stop growing after the first copy,
so the peak at two sizes shows whether anything else grows with the input. The corpus is
written to a temporary directory (`TMPDIR`, default /tmp: 500 MB needs that much free space)
and the outputs are hashed as they stream, so the script's own memory stays small.

For each size (MB) it reports MB/s and peak resident memory of one `canonym scan --jobs J`
process for each J of --jobs (runs alternate between the J values, --rounds times; the median is
shown, and the ratio to the first J) and the cores it kept busy (CPU time over wall time: on a
shared machine, less than J says the others took the rest); it stops if two J wrote different
bytes. With --processes, also MB/s of one `--jobs 1` process per core (the corpus split in as
many files, scanned side by side). Flat memory shows as the same peak for every size. Needs a
release build.
"""
import argparse
import hashlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
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


def corpus(size_mb, seed, block_mb=None):
    if block_mb:
        paragraphs = corpus(block_mb, seed).splitlines(keepends=True)
        copies = []
        for copy in range(max(1, round(size_mb / block_mb))):
            random.Random(seed + copy).shuffle(paragraphs)
            copies.append("".join(paragraphs))
        return "".join(copies)
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


def write_corpus(path, size_mb, seed, block_mb=None):
    """Writes corpus(size_mb, seed, block_mb) to path, a block copy at a time (a 500 MB corpus
    is never held in memory); returns its size in bytes."""
    with open(path, "w", encoding="utf-8") as f:
        if not block_mb:
            f.write(corpus(size_mb, seed))
        else:
            paragraphs = corpus(block_mb, seed).splitlines(keepends=True)
            for copy in range(max(1, round(size_mb / block_mb))):
                random.Random(seed + copy).shuffle(paragraphs)
                f.writelines(paragraphs)
    return os.path.getsize(path)


def timed(commands):
    """Runs commands side by side; returns (seconds, peak RSS in MB of the largest, mentions,
    digest of the outputs, CPU seconds of all). Outputs are hashed as they stream (one after
    the other in the digest), never held whole."""
    start = time.perf_counter()
    procs = [subprocess.Popen(["/usr/bin/time", "-f", "%M %U %S"] + c, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c in commands]
    readers, results = [], [None] * len(procs)

    def drain(index, proc):
        digest, lines = hashlib.sha256(), 0
        while chunk := proc.stdout.read(1 << 20):
            digest.update(chunk)
            lines += chunk.count(b"\n")
        results[index] = (digest.hexdigest(), lines, proc.stderr.read())
        proc.wait()

    for index, proc in enumerate(procs):
        readers.append(threading.Thread(target=drain, args=(index, proc)))
        readers[-1].start()
    for reader in readers:
        reader.join()
    seconds = time.perf_counter() - start
    usages = [err.decode().strip().splitlines()[-1].split() for _, _, err in results]
    peaks = [int(usage[0]) / 1024 for usage in usages]
    cpu = sum(float(usage[1]) + float(usage[2]) for usage in usages)
    mentions = sum(lines for _, lines, _ in results)
    digest = hashlib.sha256("".join(d for d, _, _ in results).encode()).hexdigest()
    return seconds, max(peaks), mentions, digest, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="5,50", help="corpus sizes in MB, comma-separated")
    ap.add_argument("--seed", type=int, default=7)
    cores = os.cpu_count() or 1
    ap.add_argument("--jobs", default=f"1,{cores}", help="values of scan --jobs to time, comma-separated (default 1 and the cores)")
    ap.add_argument("--rounds", type=int, default=1, help="runs per --jobs value, alternating; the median is reported")
    ap.add_argument("--block", type=float, help="build each corpus by repeating a generated block of this many MB")
    ap.add_argument("--processes", action="store_true", help="also time one --jobs 1 process per core on split files")
    a = ap.parse_args()
    if not os.path.exists(BINARY):
        sys.exit("build first: swift build -c release")
    jobs = [int(j) for j in a.jobs.split(",")]
    header = f"{'MB':>6} {'mentions':>9}" + "".join(f" {f'jobs {j} MB/s':>12} {'cores':>5} {'peak MB':>8}" for j in jobs)
    header += "".join(f" {f'{j}/{jobs[0]}':>6}" for j in jobs[1:]) + (f" {f'{cores} processes MB/s':>18}" if a.processes else "")
    print(header, flush=True)
    with tempfile.TemporaryDirectory() as work:
        for size in (float(s) for s in a.sizes.split(",")):
            whole = os.path.join(work, "corpus.txt")
            megabytes = write_corpus(whole, size, a.seed, a.block) / 1e6
            rates, busy, peaks = {j: [] for j in jobs}, {j: [] for j in jobs}, {j: 0.0 for j in jobs}
            digests, mentions = set(), 0
            for round_ in range(a.rounds):
                # Alternate the order so that a slow patch of the shared machine hits every J alike.
                for j in (jobs if round_ % 2 == 0 else list(reversed(jobs))):
                    seconds, peak, mentions, digest, cpu = timed([[BINARY, "scan", "--jobs", str(j), whole]])
                    rates[j].append(megabytes / seconds)
                    busy[j].append(cpu / seconds)
                    peaks[j] = max(peaks[j], peak)
                    digests.add(digest)
            if len(digests) != 1:
                sys.exit(f"the outputs differ between --jobs values at {size} MB")
            median = {j: statistics.median(rates[j]) for j in jobs}
            line = f"{megabytes:>6.1f} {mentions:>9}" + "".join(
                f" {median[j]:>12.3f} {statistics.median(busy[j]):>5.2f} {peaks[j]:>8.0f}" for j in jobs)
            line += "".join(f" {median[j] / median[jobs[0]]:>6.2f}" for j in jobs[1:])
            if a.processes:
                with open(whole, encoding="utf-8") as f:
                    lines = f.readlines()
                parts = []
                for k in range(cores):
                    part = os.path.join(work, f"part{k}.txt")
                    with open(part, "w", encoding="utf-8") as f:
                        f.writelines(lines[k::cores])
                    parts.append(part)
                many, _, _, _, _ = timed([[BINARY, "scan", "--jobs", "1", part] for part in parts])
                line += f" {megabytes / many:>18.3f}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
