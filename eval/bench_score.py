"""Scorer benchmark: pairs per second, side by side in one run, on the same model and the same pairs.

    python eval/bench_score.py [--pairs 512] [--model PATH] [--out eval/bench_score.results.json]

Three ways to score N claim pairs from the seed articles with the embedded NLI model (or --model):

* ``pipeline``: ``transformers.pipeline("text-classification")`` called pair by pair (its usual use);
* ``cross-encoder``: ``sentence_transformers.CrossEncoder.predict`` with batch_size 32;
* ``claims``: ``claims.score.NLIScorer.predict`` with batch_size 32, score cache off, default precision
  (bfloat16 autocast where the CPU has native bfloat16, else float32);
* ``claims-fp32``: the same, forced to float32 (what the speed-up owes to sorting and batching alone).

All three load the same folder; each is warmed up on a few pairs, then timed once over all N pairs, in
turn, in this one process, so their ratio is meaningful even on a noisy machine. Also measured: the
largest probability difference between the three (they must agree), and the time to the first score
in a fresh Python process, with the model already built in the cache and (``--cold``) from an empty cache.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def seed_pairs(n: int) -> list[tuple[str, str]]:
    from claims.documents import read_documents
    from claims.extract import extract

    claims = extract(read_documents([ROOT / "seeds"]))
    texts = [c.text for c in claims]
    rng = np.random.default_rng(0)
    return [(texts[i], texts[j]) for i, j in rng.integers(0, len(texts), size=(n, 2))]


def first_score_seconds(cache: str | None) -> float:
    env = dict(os.environ)
    if cache:
        env["CLAIMS_CACHE"] = cache
    code = ("from claims.score import NLIScorer; "
            "NLIScorer(use_cache=False).predict([('Meta hired eight researchers.', 'Meta hired nobody.')])")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)
    return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", type=int, default=512)
    ap.add_argument("--model", default=None, help="model folder (default: the embedded model)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--cold", action="store_true", help="also time the first score from an empty cache (rebuilds the model)")
    ap.add_argument("--out", type=Path, default=ROOT / "eval" / "bench_score.results.json")
    args = ap.parse_args(argv)

    import torch
    from sentence_transformers import CrossEncoder
    from transformers import pipeline
    from transformers.utils import logging as hf_logging

    from claims.embedded import nli_model_path
    from claims.score import NLIScorer, label_columns

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    path = args.model or str(nli_model_path())
    pairs = seed_pairs(args.pairs)
    warm = pairs[:8]
    results: dict[str, dict] = {}

    # 1. transformers pipeline, pair by pair
    pipe = pipeline("text-classification", model=path, device=-1, top_k=None)
    order = [pipe.model.config.id2label[i] for i in label_columns(pipe.model.config.id2label)]
    for p, h in warm:
        pipe({"text": p, "text_pair": h})
    t0 = time.perf_counter()
    rows = []
    for p, h in pairs:
        out = {d["label"]: d["score"] for d in pipe({"text": p, "text_pair": h})}
        rows.append([out[name] for name in order])
    results["pipeline"] = {"seconds": time.perf_counter() - t0}
    pipe_probs = np.array(rows)
    del pipe

    # 2. sentence-transformers CrossEncoder
    ce = CrossEncoder(path, device="cpu")
    cols = label_columns(ce.model.config.id2label)
    ce.predict(warm, batch_size=args.batch_size, apply_softmax=True)
    t0 = time.perf_counter()
    ce_probs = np.asarray(ce.predict(pairs, batch_size=args.batch_size, apply_softmax=True))[:, cols]
    results["cross-encoder"] = {"seconds": time.perf_counter() - t0}
    del ce

    # 3. claims NLIScorer
    scorer = NLIScorer(path if args.model else None, use_cache=False).load()
    scorer.predict(warm, batch_size=args.batch_size)
    t0 = time.perf_counter()
    ours = scorer.predict(pairs, batch_size=args.batch_size)
    results["claims"] = {"seconds": time.perf_counter() - t0, "precision": scorer.precision}
    fp32 = NLIScorer(path if args.model else None, use_cache=False, precision="fp32").load()
    fp32.predict(warm, batch_size=args.batch_size)
    t0 = time.perf_counter()
    exact = fp32.predict(pairs, batch_size=args.batch_size)
    results["claims-fp32"] = {"seconds": time.perf_counter() - t0, "precision": "fp32"}

    for r in results.values():
        r["pairs_per_second"] = round(args.pairs / r["seconds"], 2)
        r["seconds"] = round(r["seconds"], 3)
    speed = results["claims"]["pairs_per_second"]
    report = {
        "pairs": args.pairs,
        "batch_size": args.batch_size,
        "model": path if args.model else "embedded:nli-e5-small",
        "machine": {"cpus": os.cpu_count(), "torch_threads": torch.get_num_threads(), "python": platform.python_version(),
                    "torch": torch.__version__},
        "results": results,
        "speedup_vs_pipeline": round(speed / results["pipeline"]["pairs_per_second"], 2),
        "speedup_vs_cross_encoder": round(speed / results["cross-encoder"]["pairs_per_second"], 2),
        "speedup_fp32_vs_pipeline": round(results["claims-fp32"]["pairs_per_second"] / results["pipeline"]["pairs_per_second"], 2),
        "speedup_fp32_vs_cross_encoder": round(results["claims-fp32"]["pairs_per_second"] / results["cross-encoder"]["pairs_per_second"], 2),
        "max_abs_diff_fp32_vs_pipeline": float(np.abs(exact - pipe_probs).max()),
        "max_abs_diff_vs_pipeline": float(np.abs(ours - pipe_probs).max()),
        "max_abs_diff_vs_cross_encoder": float(np.abs(ours - ce_probs).max()),
        "argmax_agreement_vs_pipeline": float((ours.argmax(1) == pipe_probs.argmax(1)).mean()),
        "first_score_seconds_warm_cache": round(first_score_seconds(None), 2),
    }
    if args.cold:
        with tempfile.TemporaryDirectory() as tmp:
            report["first_score_seconds_cold_cache"] = round(first_score_seconds(tmp), 2)
    text = json.dumps(report, indent=1)
    print(text)
    if args.out:
        tmp = args.out.with_suffix(".tmp")
        tmp.write_text(text + "\n", encoding="utf-8")
        tmp.replace(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
