"""What the benchmark scripts share: running a command with its own wall time and peak memory."""
import json
import subprocess
import sys

# Runs a command as its own child and writes its wall time, peak RSS and exit code as JSON. A child's
# peak RSS (ru_maxrss) starts at its parent's size when it forks, so a big parent (a script with
# the GeoNames data loaded) would inflate it: this small launcher is the parent instead.
LAUNCHER = """
import json, os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execv(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as f:
    json.dump({"wall": time.perf_counter() - start, "maxrss_kb": usage.ru_maxrss,
               "exit": os.waitstatus_to_exitcode(status)}, f)
"""


def log(message):
    print(message, file=sys.stderr, flush=True)


def run(args, stdin_path, stdout_path):
    """Runs a command (through LAUNCHER); -> (wall seconds, peak RSS MB of the command, exit code, stderr tail)."""
    err_path, stats_path = stdout_path + ".err", stdout_path + ".stats"
    with open(stdin_path, "rb") as fin, open(stdout_path, "wb") as fout, open(err_path, "wb") as ferr:
        subprocess.run([sys.executable, "-I", "-S", "-c", LAUNCHER, stats_path, *args], stdin=fin, stdout=fout, stderr=ferr)
    with open(stats_path) as f:
        stats = json.load(f)
    with open(err_path, encoding="utf-8", errors="replace") as f:
        tail = f.read()[-600:]
    return stats["wall"], stats["maxrss_kb"] / 1024, stats["exit"], tail
