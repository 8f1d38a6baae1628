#!/usr/bin/env python3
"""reportlint benchmark: CPU time next to wall time, against its peers in the same run.

    python bench/run.py                 # the table, and bench/results.json
    python bench/run.py --quick         # fewer repeats, smaller scale runs
    python bench/run.py --scale         # also peak memory over 100,000 reports (1.1 GB of files)
    python bench/run.py --python PY     # time the reportlint installed for another interpreter

Every figure is measured on child processes with GNU time: user + system CPU seconds (which
do not move with the load of a shared machine, unlike wall time, also shown) and peak RSS.
The corpora are built in a temporary folder from examples/ and, when present,
../shared/corpus/: one report; 1,000 reports (the sources cycled, each made unique); one
10 MB file; 10,000 (and with --scale 100,000) reports for memory.

reportlint runs as a user runs it, with its user cache (a private, empty one, in the
temporary folder): the parser tables and prepared rules come from the cache, filled by one
warm-up run, while every timed run reads files it has never seen, so no result is reused
(each is written to the cache, as on a first run).

Peers, on the same files in the same run, when installed: autocorrect (its Python package
`autocorrect-py`, a Rust core that checks spacing and punctuation only; `pip install
'.[bench]'`) and zhlint (node; installed with npm into bench/.peers when npm is there).

Targets (issue 22): CPU throughput >= 0.45x autocorrect's on the 1,000 reports and on the 10 MB
file, with every default rule on; cold start <= 1.15x `python -c "import click, yaml, lark"`
(CPU, median of interleaved runs); peak memory <= 120 MB at 10,000 and 100,000 reports and
<= 8x the size of one large file.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
PEERS = ROOT / "bench" / ".peers"
MB = 1024 * 1024
TIME = shutil.which("time") or "/usr/bin/time"


class Run:
    __slots__ = ("wall", "cpu", "peak_kb")

    def __init__(self, wall: float, cpu: float, peak_kb: int):
        self.wall, self.cpu, self.peak_kb = wall, cpu, peak_kb


def measured(cmd, env=None, ok=(0, 1)) -> Run:
    """Wall seconds, CPU seconds (user + system, with every child it waited for) and peak RSS."""
    proc = subprocess.run([TIME, "-f", "@@ %e %U %S %M", *map(str, cmd)], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, env=env)
    line = next((ln for ln in reversed(proc.stderr.splitlines()) if ln.startswith("@@ ")), None)
    if proc.returncode not in ok or line is None:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed ({proc.returncode}): {proc.stderr[-400:]}")
    wall, user, system, peak = line.split()[1:]
    return Run(float(wall), float(user) + float(system), int(peak))


def sources() -> list[str]:
    files = sorted(ROOT.glob("examples/*.txt"))
    if CORPUS.is_dir():
        files += sorted(CORPUS.glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def reports(folder: Path, n: int, texts: list[str], tag: str = "") -> int:
    """n unique reports in `folder` (the sources cycled); their size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        data = (f"〔样本{tag}{i:06d}〕\n" + texts[i % len(texts)]).encode("utf-8")
        (folder / f"r{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def big_file(path: Path, texts: list[str], size: int = 10 * MB, tag: str = "") -> int:
    chunk = "\n\n".join(texts)
    path.write_text(f"〔{tag:>6}〕\n" + "\n\n".join([chunk] * max(1, size // len(chunk.encode("utf-8")))),
                    encoding="utf-8")
    return path.stat().st_size


def best(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: r.cpu)


# -- peers ---------------------------------------------------------------------------

AUTOCORRECT = r"""
import sys, pathlib, autocorrect_py
paths = sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")) if pathlib.Path(sys.argv[1]).is_dir() else [pathlib.Path(sys.argv[1])]
for p in paths:
    autocorrect_py.lint_for(p.read_text(encoding="utf-8"), str(p))
"""


def autocorrect_cmd(py: str):
    ok = subprocess.run([py, "-c", "import autocorrect_py"], capture_output=True).returncode == 0
    return (lambda target: [py, "-c", AUTOCORRECT, str(target)]) if ok else None


def zhlint_cmd():
    """zhlint from npm, installed once into bench/.peers (git-ignored), or None."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if not npm or not node:
        return None
    script = PEERS / "node_modules" / "zhlint" / "bin" / "index.js"
    if not script.exists():
        PEERS.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run([npm, "install", "--prefix", str(PEERS), "--no-audit", "--no-fund", "zhlint"],
                              capture_output=True, text=True)
        if proc.returncode != 0 or not script.exists():
            return None
    # NOTE: zhlint lints the files its first argument names (a glob relative to the working
    # folder, which its ignore filter insists on) and ignores any other argument
    def command(target):
        target = Path(target)
        folder, glob = (target, "*.txt") if target.is_dir() else (target.parent, target.name)
        return ["sh", "-c", 'cd "$1" && exec "$2" "$3" "$4"', "sh", str(folder), node, str(script), glob]
    return command


# -- main ----------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--scale", action="store_true", help="also 100,000 reports for peak memory (1.1 GB of files)")
    ap.add_argument("--python", default=sys.executable, help="the interpreter whose reportlint install to time")
    ap.add_argument("--json", default=str(ROOT / "bench" / "results.json"))
    args = ap.parse_args()
    py = args.python
    script = Path(py).with_name("reportlint")
    cli = [str(script)] if script.exists() else [py, "-c", "from checker.cli.entry import main; main()"]
    check = [*cli, "check", "--no-progress"]
    reps, starts = (1, 7) if args.quick else (3, 15)
    texts = sources()
    tmp = Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(NO_COLOR="1", XDG_CACHE_HOME=str(tmp / "cache"))
    r: dict = {}
    try:
        ones = []
        for i in range(starts + 1):  # a new file each run: nothing comes from the result cache
            ones.append(tmp / "one" / f"one{i}.txt")
            ones[-1].parent.mkdir(exist_ok=True)
            ones[-1].write_text(f"〔样本{i}〕\n" + texts[-1], encoding="utf-8")
        measured([*check, ones[-1]], env)  # warm the OS file cache and fill the code caches
        ours, ref = [], []
        for one in ones[:-1]:  # interleaved: a slow spell hits both alike
            ours.append(measured([*check, one], env).cpu)
            ref.append(measured([py, "-c", "import click, yaml, lark"], env).cpu)
        r["cold_start_cpu_ms"] = round(statistics.median(ours) * 1000, 1)
        r["reference_cpu_ms"] = round(statistics.median(ref) * 1000, 1)
        r["cold_start_ratio"] = round(statistics.median(ours) / statistics.median(ref), 3)

        runs: dict[str, list[Run]] = {"j1": [], "j2": [], "big": []}
        for rep in range(reps):
            many_bytes = reports(tmp / f"many{rep}", 1000, texts, tag=f"{rep}-")
            big_bytes = big_file(tmp / f"big{rep}.txt", texts, tag=f"{rep}")
            runs["j1"].append(measured([*check, "-j", "1", tmp / f"many{rep}"], env))
            reports(tmp / f"many{rep}j2", 1000, texts, tag=f"{rep}j2-")
            runs["j2"].append(measured([*check, "-j", "2", tmp / f"many{rep}j2"], env))
            runs["big"].append(measured([*check, tmp / f"big{rep}.txt"], env))
        j1, j2, big = best(runs["j1"]), best(runs["j2"]), best(runs["big"])
        r.update(reportlint_mb_s_cpu=round(many_bytes / MB / j1.cpu, 2),
                 reportlint_mb_s_wall=round(many_bytes / MB / j1.wall, 2),
                 j2_speedup_wall=round(j1.wall / j2.wall, 2),
                 big_file_mb_s_cpu=round(big_bytes / MB / big.cpu, 2),
                 big_file_mb_s_wall=round(big_bytes / MB / big.wall, 2),
                 peak_mb_1000=round(j1.peak_kb / 1024, 1),
                 peak_mb_big=round(big.peak_kb / 1024, 1),
                 big_file_mb=round(big_bytes / MB, 1))
        r["peak_big_over_size"] = round(big.peak_kb * 1024 / big_bytes, 2)

        for name, make in (("autocorrect", autocorrect_cmd(py)), ("zhlint", zhlint_cmd())):
            if make is None:
                r[f"{name}_mb_s_cpu"] = None
                continue
            many = best([measured(make(tmp / "many0"), env, ok=(0, 1, 2)) for _ in range(reps)])
            r[f"{name}_mb_s_cpu"] = round(many_bytes / MB / many.cpu, 2)
            if name == "autocorrect":
                one_big = best([measured(make(tmp / "big0.txt"), env, ok=(0, 1, 2)) for _ in range(reps)])
                r["autocorrect_big_mb_s_cpu"] = round(big_bytes / MB / one_big.cpu, 2)
        if r.get("autocorrect_mb_s_cpu"):
            r["ratio_to_autocorrect"] = round(r["reportlint_mb_s_cpu"] / r["autocorrect_mb_s_cpu"], 3)
            r["big_ratio_to_autocorrect"] = round(r["big_file_mb_s_cpu"] / r["autocorrect_big_mb_s_cpu"], 3)

        for n in (10_000, *((100_000,) if args.scale else ())):
            folder = tmp / f"n{n}"
            reports(folder, n, texts)
            run = measured([*check, "--format", "json", "-j", "2", folder], env)
            r[f"peak_mb_{n}"] = round(run.peak_kb / 1024, 1)
            r[f"mb_s_cpu_{n}"] = round(sum(p.stat().st_size for p in folder.iterdir()) / MB / run.cpu, 2)
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    targets = {"cold_start_ratio": ("<=", 1.15), "ratio_to_autocorrect": (">=", 0.45),
               "big_ratio_to_autocorrect": (">=", 0.45), "peak_mb_10000": ("<=", 120.0),
               "peak_mb_100000": ("<=", 120.0), "peak_big_over_size": ("<=", 8.0)}
    print(f"{'measure':<28}{'value':>10}  target")
    for key, value in r.items():
        goal = targets.get(key)
        mark = ""
        if goal and value is not None:
            met = value <= goal[1] if goal[0] == "<=" else value >= goal[1]
            mark = f"{goal[0]} {goal[1]:g}  {'met' if met else 'MISSED'}"
        print(f"{key:<28}{str(value):>10}  {mark}")
    Path(args.json).write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
