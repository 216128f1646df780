"""Benchmark the candidate search + feature scoring of claims/pair.py at 1k, 10k and 100k claims.

Synthetic corpus: claims come in groups of 4 (one claim reported by four articles), each a random unit
vector (dim 384, like multilingual-e5-small) plus noise, with fake documents, speakers and quantities.
Embedding 100k real texts on a shared 2-core CPU is out of scope, so this measures what ``pair.candidates``
does after ``Embedder.encode``: index build, k-NN search, the lexical blocking channel (synthetic stems),
filtering and feature scoring.

Each size runs in its own subprocess (1 thread) so peak memory (ru_maxrss) is per size.

    python eval/bench_pair.py                 # 1000 10000 100000
    python eval/bench_pair.py --sizes 1000 10000 --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

DIM = 384
GROUP = 4


def run_one(n: int, k: int, seed: int = 0) -> dict:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import resource

    import faiss
    import numpy as np

    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from claims.pair import Features, candidates_from_vectors

    faiss.omp_set_num_threads(1)
    rng = np.random.default_rng(seed)
    groups = (n + GROUP - 1) // GROUP
    centres = rng.standard_normal((groups, DIM), dtype=np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    gid = np.arange(n) // GROUP
    vecs = centres[gid] + rng.standard_normal((n, DIM), dtype=np.float32) * (0.6 / np.sqrt(DIM))
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    ndocs = max(2, n // 20)
    docs = rng.integers(0, ndocs, n)
    docs = (docs + np.arange(n) % GROUP) % ndocs  # group members sit in different documents
    names = [f"person{i}" for i in range(1000)]
    vocab = max(1000, n // 2)  # 3 words shared by a group, 3 random words from a vocabulary growing with n
    words = [frozenset({f"g{gid[i]}a", f"g{gid[i]}b", f"g{gid[i]}c"} | {f"w{x}" for x in rng.integers(0, vocab, 3)})
             for i in range(n)]
    feats = [Features(doc=f"doc{docs[i]}", span=(i, i + 10), speaker=names[gid[i] % 1000],
                      sources=frozenset({names[gid[i] % 1000]}), actors=frozenset({names[gid[i] % 1000], "openai"}),
                      measures=frozenset({("money", "USD", float(gid[i] % 50))}), stems=words[i]) for i in range(n)]
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    pairs = candidates_from_vectors(vecs, feats, k=k, min_score=0.55)
    elapsed = time.perf_counter() - t0
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    found = sum(1 for i, j, _ in pairs if gid[i] == gid[j])
    truth = groups * GROUP * (GROUP - 1) // 2
    # the nearest-neighbour channel alone (the synthetic shared words let the lexical channel find most groups)
    ann = candidates_from_vectors(vecs, feats, k=k, min_score=0.55, lexical=False)
    ann_found = sum(1 for i, j, _ in ann if gid[i] == gid[j])
    return {"n": n, "k": k, "seconds": round(elapsed, 3), "pairs": len(pairs), "pairs_possible": n * (n - 1) // 2,
            "recall_of_true_pairs": round(found / truth, 4), "pairs_ann_only": len(ann),
            "recall_ann_only": round(ann_found / truth, 4), "peak_rss_mib": round(peak_rss / 1024, 1),
            "rss_growth_mib": round((peak_rss - base_rss) / 1024, 1),
            "input_vectors_mib": round(vecs.nbytes / 2**20, 1), "index": "IndexFlatIP" if n <= 5000 else "IndexHNSWSQ fp16 (M=16) on PCA-48, searched from each row + exact re-rank"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("-k", type=int, default=10)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--json", default=None, help="also write the results here")
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.k)))
        return 0
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    results = []
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "-k", str(args.k)], env=env,
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(r)
        print(f"{r['n']:>7} claims  {r['seconds']:8.2f} s  peak RSS {r['peak_rss_mib']:7.1f} MiB "
              f"(+{r['rss_growth_mib']:.1f} in the call)  {r['pairs']:>7} pairs  recall {r['recall_of_true_pairs']:.4f} "
              f"(nearest neighbours alone {r['recall_ann_only']:.4f})  {r['index']}",
              flush=True)
    for a, b in zip(results, results[1:]):
        print(f"{a['n']} -> {b['n']}: time x{b['seconds'] / max(a['seconds'], 1e-9):.1f}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
