"""Score claim extraction against a hand-written gold file (eval/extraction/gold.jsonl).

    python -m claims.extract_eval eval/extraction/gold.jsonl seeds/ tests/fixtures/en/

Like bbc/citron's evaluate: content, speaker and stance are scored with
precision/recall/F1 under two criteria, **exact** (same start and end) and
**overlap** (the spans share at least one character; gold and predicted
claims are paired one-to-one, largest overlap first).  Speaker and stance are
judged on the claim pairs found by the same criterion:

* speaker exact: same speaker span; speaker overlap: overlapping spans or the
  same normalised name.  P = correct / predicted claims with a speaker,
  R = correct / gold claims with a speaker; ``speaker.accuracy`` = correct
  (None == None counts) / paired claims.
* stance: the primary stance label is the same.  P = correct / predicted
  claims, R = correct / gold claims; ``stance.accuracy`` over paired claims.
  ``stances_extra.recall``: share of the gold's additional stances (the
  "confirmed by X but disputed by Y" kind) found on the paired claim with the
  same label.

Metrics are returned as one flat dict, keyed ``<lang>.<part>.<criterion>.<metric>``
with ``all`` for every language together.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Sequence

from .types import Claim, Document, InputError


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def load_gold(path: str | Path) -> list[dict]:
    """Extraction gold: JSON Lines records with at least doc, start, end and text (read by claims.io.read_jsonl,
    the one JSON Lines reader, so errors name the line)."""
    from .io import read_jsonl

    rows = []
    for n, row in read_jsonl(path):
        for key in ("doc", "start", "end", "text"):
            if key not in row:
                raise InputError(str(path), f"missing field {key!r}", line=n)
        rows.append(row)
    return rows


def _pairs(gold: list[dict], pred: list[Claim], exact: bool) -> list[tuple[int, int]]:
    if exact:
        idx = {(c.start, c.end): j for j, c in enumerate(pred)}
        return [(i, idx[(g["start"], g["end"])]) for i, g in enumerate(gold) if (g["start"], g["end"]) in idx]
    cands = []
    for i, g in enumerate(gold):
        for j, c in enumerate(pred):
            ov = min(g["end"], c.end) - max(g["start"], c.start)
            if ov > 0:
                cands.append((ov / max(g["end"] - g["start"], c.end - c.start), i, j))
    cands.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((i, j))
    return out


def _speaker_ok(g: dict, c: Claim, exact: bool) -> bool | None:
    gs = g.get("speaker")
    if gs is None or c.speaker is None:
        return None
    if exact:
        return gs["start"] == c.speaker.start and gs["end"] == c.speaker.end
    overlap = min(gs["end"], c.speaker.end) > max(gs["start"], c.speaker.start)
    return overlap or (gs.get("name") and gs.get("name") == c.speaker.name)


def score(gold: list[dict], pred: list[Claim]) -> dict[str, float]:
    """Metrics for one group of gold rows and the claims predicted for the same documents."""
    out: dict[str, float] = {"n_gold": len(gold), "n_pred": len(pred)}
    by_doc_g, by_doc_p = defaultdict(list), defaultdict(list)
    for g in gold:
        by_doc_g[g["doc"]].append(g)
    for c in pred:
        by_doc_p[c.doc].append(c)
    for crit in ("exact", "overlap"):
        tp = spk_tp = spk_acc = st_tp = extra_found = extra_total = 0
        paired = 0
        for doc in set(by_doc_g) | set(by_doc_p):
            gs, ps = by_doc_g.get(doc, []), by_doc_p.get(doc, [])
            pairs = _pairs(gs, ps, crit == "exact")
            tp += len(pairs)
            for i, j in pairs:
                g, c = gs[i], ps[j]
                paired += 1
                ok = _speaker_ok(g, c, crit == "exact")
                if ok:
                    spk_tp += 1
                if ok or (g.get("speaker") is None and c.speaker is None):
                    spk_acc += 1
                if g.get("stance", "asserts") == c.stance:
                    st_tp += 1
                for extra in (g.get("stances") or [])[1:]:
                    extra_total += 1
                    span = extra.get("source_span")
                    for st in c.stances[1:]:
                        if st.stance != extra["stance"]:
                            continue
                        src = st.source
                        if src is None:
                            continue
                        if (extra.get("source") and src.name == extra["source"]) or (
                                span and min(span["end"], src.end) > max(span["start"], src.start)):
                            extra_found += 1
                            break
        n_gold_spk = sum(1 for g in gold if g.get("speaker"))
        n_pred_spk = sum(1 for c in pred if c.speaker is not None)
        for k, v in _prf(tp, len(pred), len(gold)).items():
            out[f"content.{crit}.{k}"] = v
        for k, v in _prf(spk_tp, n_pred_spk, n_gold_spk).items():
            out[f"speaker.{crit}.{k}"] = v
        out[f"speaker.{crit}.accuracy"] = round(spk_acc / paired, 4) if paired else 0.0
        for k, v in _prf(st_tp, len(pred), len(gold)).items():
            out[f"stance.{crit}.{k}"] = v
        out[f"stance.{crit}.accuracy"] = round(st_tp / paired, 4) if paired else 0.0
        out[f"stances_extra.{crit}.recall"] = round(extra_found / extra_total, 4) if extra_total else 0.0
    return out


def _doc_keys(doc: Document) -> set[str]:
    keys = {doc.id}
    if doc.path:
        keys.add(Path(doc.path).stem)
        keys.add(Path(doc.path).name)
    return keys


def evaluate_extraction(gold_path: str | Path, documents: Iterable[Document]) -> dict[str, float]:
    """Extract claims from ``documents`` and score them against the gold file.

    Only documents named in the gold (by id or file stem) are scored.  Returns
    a flat dict: ``{"all.content.overlap.recall": ..., "ar.speaker.overlap.accuracy": ..., ...}``.
    """
    from .extract import extract_document

    gold = load_gold(gold_path)
    wanted = {g["doc"] for g in gold}
    docs = {}
    for doc in documents:
        hit = _doc_keys(doc) & wanted
        if hit:
            docs[hit.pop()] = doc
    missing = sorted(wanted - set(docs))
    pred: list[Claim] = []
    lang_of: dict[str, str] = {}
    for key, doc in docs.items():
        for c in extract_document(doc):
            pred.append(Claim(**{**c.__dict__, "doc": key}))
        lang_of[key] = doc.lang
    for g in gold:
        lang_of.setdefault(g["doc"], g.get("lang", "und"))
        if g.get("lang"):
            lang_of[g["doc"]] = g["lang"]
    gold = [g for g in gold if g["doc"] in docs]
    out: dict[str, float] = {"documents": len(docs), "documents_missing": len(missing)}
    groups = {"all": (gold, pred)}
    for lang in sorted({lang_of[d] for d in docs}):
        groups[lang] = ([g for g in gold if lang_of[g["doc"]] == lang], [c for c in pred if lang_of[c.doc] == lang])
    for name, (g, p) in groups.items():
        for k, v in score(g, p).items():
            out[f"{name}.{k}"] = v
    return out


def _read(paths: Sequence[str]) -> list[Document]:
    try:
        from .documents import read_documents
    except ImportError:
        read_documents = None
    if read_documents is not None:
        return read_documents(paths)
    # fallback while claims.documents is not there: plain .txt files, repeated paragraphs skipped
    from .quantities import guess_lang
    from .types import Skip

    docs = []
    for p in paths:
        p = Path(p)
        files = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        for f in files:
            text = f.read_text(encoding="utf-8")
            seen, skips, pos = set(), [], 0
            for line in text.split("\n"):
                key = line.strip()
                if key and key in seen and len(key) > 20:
                    skips.append(Skip(pos, pos + len(line), "duplicate"))
                seen.add(key)
                pos += len(line) + 1
            docs.append(Document(id=f.stem, text=text, lang=guess_lang(text[:2000]), path=str(f), skips=tuple(skips)))
    return docs


def format_table(metrics: dict[str, float]) -> str:
    langs = sorted({k.split(".")[0] for k in metrics if k.count(".") >= 2})
    lines = []
    for lang in langs:
        lines.append(f"[{lang}] gold={metrics.get(f'{lang}.n_gold', 0):.0f} predicted={metrics.get(f'{lang}.n_pred', 0):.0f}")
        lines.append(f"  {'part':<10}{'criterion':<10}{'P':>8}{'R':>8}{'F1':>8}{'acc':>8}")
        for part in ("content", "speaker", "stance"):
            for crit in ("exact", "overlap"):
                pre = f"{lang}.{part}.{crit}."
                acc = metrics.get(pre + "accuracy")
                lines.append(f"  {part:<10}{crit:<10}{metrics[pre + 'precision']:>8.3f}{metrics[pre + 'recall']:>8.3f}"
                             f"{metrics[pre + 'f1']:>8.3f}{'' if acc is None else format(acc, '8.3f'):>8}")
        lines.append(f"  extra stances found (overlap): {metrics.get(f'{lang}.stances_extra.overlap.recall', 0):.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m claims.extract_eval", description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("paths", nargs="+", help="article files or folders")
    ap.add_argument("--json", action="store_true", help="print the flat metrics dict as JSON")
    args = ap.parse_args(argv)
    try:
        metrics = evaluate_extraction(args.gold, _read(args.paths))
    except InputError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(metrics, indent=1) if args.json else format_table(metrics))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
