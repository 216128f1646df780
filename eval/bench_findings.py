"""The findings run over the real corpus, timed: `claims check ../shared/corpus/ --exclude SOURCES.md --exclude
README.md` (all 50 articles, both stories) with nothing scored before (a fresh cache, warmed on seeds/ only so
that the tokenizer build is not counted), for this checkout and, side by side in one run, an earlier commit.

    python eval/bench_findings.py --baseline d2c9c5b

Reports wall seconds, peak resident memory, claims, pairs scored and scored pairs per claim, and the CPU.
Writes eval/bench_findings.results.json. Target (issue 14): this checkout no slower than the baseline.
Needs ../shared/corpus (skips with a message where it is absent).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import _cpu, timed  # noqa: E402 - one timer and one CPU description for every benchmark

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def measure(label: str, tree: Path, corpus: Path, work: Path) -> dict:
    cache = work / f"cache-{label}"
    shutil.rmtree(cache, ignore_errors=True)
    env = {**os.environ, "CLAIMS_CACHE": str(cache), "PYTHONPATH": str(tree)}
    check = [sys.executable, "-m", "claims", "check"]
    timed([*check, str(ROOT / "seeds"), "--out", str(work / f"warm-{label}"), "--quiet"], env, tree)
    out = work / f"out-{label}"
    run = timed([*check, str(corpus), "--exclude", "SOURCES.md", "--exclude", "README.md", "--out", str(out), "--quiet"],
                env, tree)
    counts = json.loads((out / "report.json").read_text(encoding="utf-8"))["meta"]["counts"]
    return {**run, "claims": counts["claims"], "pairs_scored": counts["pairs_scored"],
            "pairs_per_claim": round(counts["pairs_scored"] / max(1, counts["claims"]), 2),
            "contradictions": counts["contradictions"], "agreements": counts["agreements"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", default=None, metavar="REV", help="also measure this git revision, in the same run")
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--out", default=str(ROOT / "eval" / "bench_findings.results.json"))
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        raise SystemExit(f"{corpus}: no such folder (the real-news corpus lives outside the repository): nothing measured")
    results = {"machine": _cpu(), "python": platform.python_version(), "load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="claims-bench-") as tmp:
        work = Path(tmp)
        results["current"] = measure("current", ROOT, corpus, work)
        if args.baseline:
            tree = work / "baseline"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.baseline],
                           check=True, capture_output=True)
            try:
                results["baseline"] = {"rev": args.baseline, **measure("baseline", tree, corpus, work)}
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
            results["time_ratio"] = round(results["current"]["wall_s"] / results["baseline"]["wall_s"], 3)
    results["load_after"] = os.getloadavg()
    print(json.dumps(results, indent=2))
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
