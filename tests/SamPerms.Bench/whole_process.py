#!/usr/bin/env python3
"""make bench, whole process: the samperms binary given (the installed tool, native where it is) against the AWS SAM
translator (in process, as the reference runs) and cfn-lint (whole process), on one template, on the corpus batch and
on the scaling series of issue 14. Wall times are medians; peak is the process's maximum resident set.
Usage: whole_process.py SAMPERMS_COMMAND CORPUS BENCH_DLL"""
import glob, json, logging, os, shlex, statistics, subprocess, sys, tempfile, time

logging.disable(logging.WARNING)
cli = shlex.split(sys.argv[1])
corpus = sys.argv[2]
bench_dll = sys.argv[3]
inputs = sorted(glob.glob(os.path.join(corpus, "input", "*.yaml")))
one = os.path.join(corpus, "input", "function_with_policy_templates.yaml")
devnull = subprocess.DEVNULL


LIMIT = float(os.environ.get("SAMPERMS_BENCH_LIMIT", "300"))  # seconds one process may run before it is stopped


# Processes are started by a small helper, forked before this script grows. Linux counts in a child's peak memory
# (ru_maxrss) the resident memory of the process it was forked from, as it was when the child called exec; and this
# script holds the reference translator and its templates by the end (over 150 MB): measured from here, every small
# process would have seemed that big.
_HELPER = r"""
import json, os, subprocess, sys, threading, time
for line in sys.stdin:
    args, limit = json.loads(line)
    start = time.perf_counter()
    try:
        p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except FileNotFoundError:
        print("null", flush=True)
        continue
    timer = threading.Timer(limit, p.kill)
    timer.start()
    _, _, usage = os.wait4(p.pid, 0)
    timer.cancel()
    print(json.dumps([min(time.perf_counter() - start, limit), usage.ru_maxrss / 1024]), flush=True)
"""
_helper = subprocess.Popen([sys.executable, "-c", _HELPER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def run(args, quiet=True):
    """Wall seconds and peak MiB of one process (stopped after LIMIT seconds: then the time shown is LIMIT)."""
    _helper.stdin.write(json.dumps([list(args), LIMIT]) + "\n")
    _helper.stdin.flush()
    measured = json.loads(_helper.stdout.readline())
    if measured is None:
        raise FileNotFoundError(args[0])
    return measured[0], measured[1]


def median(args, n):
    runs = [run(args) for _ in range(n)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def reference_seconds(paths, region="ap-southeast-1"):
    try:
        from unittest.mock import MagicMock
        from samtranslator.translator.transform import transform
        from samtranslator.yaml_helper import yaml_parse
    except ImportError:
        return None
    os.environ["AWS_DEFAULT_REGION"] = region
    loader = MagicMock()
    loader.load.return_value = {}
    texts = [open(p).read() for p in paths]
    start = time.perf_counter()
    for text in texts:
        try:
            transform(yaml_parse(text), {"param1": "value1", "param2": "value2"}, loader)
        except Exception:
            pass
    return time.perf_counter() - start


checks = []  # (target, measured, passed): the side-by-side table printed at the end


def check(target, measured, passed):
    checks.append((target, measured, passed))


print(f"whole process: {' '.join(cli)}")
t, peak = median(cli + ["transform", one, "--region", "us-east-1"], 9)
print(f"one template, transform: {1000 * t:.0f} ms, peak {peak:.1f} MiB   (target <= 20 ms, <= 30 MiB)")
check("one template, transform <= 20 ms, <= 30 MiB", f"{1000 * t:.0f} ms, {peak:.1f} MiB", t <= 0.020 and peak <= 30)
t, peak = median(cli + ["validate", one, "--region", "us-east-1"], 9)
print(f"one template, validate:  {1000 * t:.0f} ms, peak {peak:.1f} MiB   (target <= 30 ms)")
check("one template, validate <= 30 ms, <= 30 MiB", f"{1000 * t:.0f} ms, {peak:.1f} MiB", t <= 0.030 and peak <= 30)
try:
    lint, lint_peak = median(["cfn-lint", one], 3)
    print(f"one template, cfn-lint:  {1000 * lint:.0f} ms, peak {lint_peak:.1f} MiB   ({lint / t:.0f}x samperms validate)")
except FileNotFoundError:
    print("one template, cfn-lint: not installed")

# The reference is timed in process, writing nothing: the batch's outputs go to memory too (/dev/shm when there is
# one), so that the comparison is of the two tools and not of this machine's disk (creating a file on a loaded
# ext4 disk costs about a millisecond, most of the batch). The batch is a tenth of a second: the median of five runs,
# so that one slow moment of a shared machine does not decide it.
shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
with tempfile.TemporaryDirectory(dir=shm) as out:
    batch, peak = median(cli + ["transform", "--region", "ap-southeast-1", "--parameter-overrides", "param1=value1", "param2=value2",
                                "--out-dir", out] + inputs, 5)
ref = reference_seconds(inputs)
print(f"{len(inputs)}-template batch, transform --out-dir ({'in memory' if shm else 'on disk'}): {batch:.2f} s, peak {peak:.0f} MiB", end="")
print(f"; reference in process {ref:.1f} s: {ref / batch:.0f}x faster   (target >= 150x)" if ref else "; reference not installed")
check(f"{len(inputs)}-template batch >= 150x the reference", f"{ref / batch:.0f}x ({batch:.2f} s vs {ref:.1f} s)" if ref else "reference not installed", bool(ref) and ref / batch >= 150)

print("scaling, whole process (s, median of 9): N functions, each with two policy templates, an Api and a Schedule event")
print(f"{'N':>6} {'transform':>10} {'permissions':>12} {'validate':>9} {'can':>6} {'reference':>10}")
rows = {}
with tempfile.TemporaryDirectory() as tmp:
    # SAMPERMS_BENCH_SERIES: the N to run (default 100,200,400,800,1600; keep 400 and 1600 for the ratio);
    # SAMPERMS_BENCH_REF_MAX: the largest N the reference translator is timed on (it takes minutes beyond 400).
    series = [int(n) for n in os.environ.get("SAMPERMS_BENCH_SERIES", "100,200,400,800,1600").split(",")]
    ref_max = int(os.environ.get("SAMPERMS_BENCH_REF_MAX", "1600"))
    paths = {n: os.path.join(tmp, f"f{n}.yaml") for n in series}
    for n, path in paths.items():
        subprocess.run(["dotnet", bench_dll, "gen", "functions", str(n), path], check=True)

    def command(c, n):
        extra = [f"Fn{n // 2}", "s3:DeleteObject", "arn:aws:s3:::nothing/x"] if c == "can" else []
        return cli + [c, paths[n]] + extra + ["--region", "us-east-1"]

    # The ratio N=1600 / N=400 divides two times: the sizes take turns, round after round, so that a change in the
    # machine's load while the series runs falls on both; each cell is the median of its nine rounds (the short runs
    # of N=400 spread by a tenth from one run to the next, and the ratio divides by them).
    commands = ("transform", "permissions", "validate", "can")
    times = {(c, n): [] for c in commands for n in series}
    for _ in range(9):
        for n in series:
            for c in commands:
                times[(c, n)].append(run(command(c, n))[0])
    for n in series:
        row = [statistics.median(times[(c, n)]) for c in commands]
        row.append((reference_seconds([paths[n]], "us-east-1") or 0) if n <= ref_max else float("nan"))
        rows[n] = row
        print(f"{n:>6} " + " ".join(f"{v:>{w}.2f}" for v, w in zip(row, (10, 12, 9, 6, 10))))
    print(f"{'1600/400':>6} " + " ".join(f"{rows[1600][i] / rows[400][i]:>{w}.1f}" for i, w in zip(range(5), (10, 12, 9, 6, 10)))
          + "   (target: each <= 1 s at 1600, ratio <= 5)")
    for i, c in enumerate(commands):
        check(f"N=1600 {c} <= 1 s, N1600/N400 <= 5", f"{rows[1600][i]:.2f} s, ratio {rows[1600][i] / rows[400][i]:.1f}",
              rows[1600][i] <= 1 and rows[1600][i] / rows[400][i] <= 5)
    path = os.path.join(tmp, "s10000.yaml")
    subprocess.run(["dotnet", bench_dll, "gen", "statements", "10000", path], check=True)
    for c in ("validate", "permissions", "can"):
        args = cli + [c, path, "--region", "us-east-1"] + (["Fn", "s3:DeleteObject", "arn:aws:s3:::nothing/x"] if c == "can" else [])
        t, peak = run(args)
        print(f"10,000 statements, {c}: {t:.2f} s, peak {peak:.0f} MiB   (target <= 1 s, <= 200 MB)")
        check(f"10,000 statements {c} <= 1 s, <= 200 MB", f"{t:.2f} s, {peak:.0f} MiB", t <= 1 and peak * 1.048576 <= 200)

load = os.getloadavg()
print()
print(f"targets (issue 14), this run; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores (a shared machine runs slower):")
width = max(len(c[0]) for c in checks)
print(f"{'target':<{width}}  {'measured':<28} result")
for target, measured, passed in checks:
    print(f"{target:<{width}}  {measured:<28} {'pass' if passed else 'FAIL'}")
print(f"{sum(c[2] for c in checks)} of {len(checks)} targets met")
