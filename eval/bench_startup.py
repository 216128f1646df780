"""Start-up benchmark: `claims check seeds/` cold (empty cache) and warm (everything cached), measured
with `/usr/bin/time -v` (wall seconds, peak resident memory) plus the size of the cache folder.

    python eval/bench_startup.py                       # this checkout
    python eval/bench_startup.py --baseline a25e586    # and an earlier commit, side by side in one run

The baseline is checked out with `git worktree` into a temporary folder and run with the same Python
(PYTHONPATH pointing at it), so both see the same machine at the same time. Results go to stdout and
to eval/bench_startup.results.json. Targets (issue 10): warm <= 3 s, cold <= 60 s with peak <= 1.5 GB,
cache <= 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _cpu() -> str:
    try:
        info = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor()
    name = re.search(r"model name\s*:\s*(.*)", info)
    flags = set(re.search(r"flags\s*:\s*(.*)", info).group(1).split()) if "flags" in info else set()
    bf16 = "native bf16 (" + ", ".join(sorted({"amx_bf16", "avx512_bf16"} & flags)) + ")" if {"amx_bf16", "avx512_bf16"} & flags else "no native bf16"
    return f"{name.group(1) if name else '?'}, {os.cpu_count()} CPUs, {bf16}"


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def timed(cmd: list[str], env: dict, cwd: Path) -> dict:
    # cwd = the tree measured: `python -m` puts the working folder first on sys.path
    done = subprocess.run(["/usr/bin/time", "-v", *cmd], env=env, capture_output=True, text=True, cwd=cwd)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)", done.stderr).group(1)
    parts = [float(x) for x in wall.split(":")]
    seconds = sum(v * 60 ** i for i, v in enumerate(reversed(parts)))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    return {"wall_s": round(seconds, 2), "peak_mb": round(rss / 1024, 1)}


def measure(label: str, pythonpath: Path, seeds: Path, work: Path, warm_runs: int) -> dict:
    cache = work / f"cache-{label}"
    shutil.rmtree(cache, ignore_errors=True)
    env = {**os.environ, "CLAIMS_CACHE": str(cache), "PYTHONPATH": str(pythonpath), "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "")}
    env = {k: v for k, v in env.items() if v != ""}
    cmd = [sys.executable, "-m", "claims", "check", str(seeds), "--out", str(work / f"out-{label}"), "--quiet"]
    probe = subprocess.run([sys.executable, "-c", "import claims; print(claims.__file__)"], env=env, cwd=pythonpath,
                           capture_output=True, text=True).stdout.strip()
    if not probe.startswith(str(pythonpath)):
        raise SystemExit(f"{label}: imports claims from {probe}, not from {pythonpath}")
    cold = timed(cmd, env, pythonpath)
    warm = [timed(cmd, env, pythonpath) for _ in range(warm_runs)]
    best = min(warm, key=lambda r: r["wall_s"])
    return {"cold": cold, "warm": best, "warm_runs": warm, "cache_mb": round(_du(cache) / 2**20, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", default=None, metavar="REV", help="also measure this git revision, in the same run")
    ap.add_argument("--warm-runs", type=int, default=3)
    ap.add_argument("--seeds", default=str(ROOT / "seeds"))
    ap.add_argument("--out", default=str(ROOT / "eval" / "bench_startup.results.json"))
    args = ap.parse_args()
    results = {"machine": _cpu(), "python": platform.python_version(), "load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="claims-bench-") as tmp:
        work = Path(tmp)
        results["current"] = measure("current", ROOT, Path(args.seeds), work, args.warm_runs)
        if args.baseline:
            tree = work / "baseline"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.baseline],
                           check=True, capture_output=True)
            try:
                results["baseline"] = {"rev": args.baseline, **measure("baseline", tree, Path(args.seeds), work, args.warm_runs)}
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
    results["load_after"] = os.getloadavg()
    print(json.dumps(results, indent=2))
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
