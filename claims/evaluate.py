"""Evaluation: labelled claim pairs, plain NLI sets, threshold sweeps and end-to-end findings.

Three gold formats, told apart by their fields:

* claim pairs (``eval/pairs/*.jsonl``): records with ``a``, ``b`` and ``label``
  (``agree``/``contradict``/``neutral``/``unrelated``). Both the pipeline's
  verdict step (NLI both ways, then ``verdict.decide``) and the NLI model alone
  are scored, as verdicts.
* plain NLI sets: premise / hypothesis / label in JSONL, a JSON array, CSV or
  TSV, under the usual column names (premise/hypothesis/label,
  sentence1/sentence2/gold_label, s1/s2/stance, t/h/label, sentence_A/sentence_B/
  entailment_judgment, ...). ``label_map`` turns the set's labels into
  entailment/neutral/contradiction (``{"0": "neutral", ...}``).
* findings (``eval/findings/*.jsonl``, used by :func:`evaluate_findings`):
  ``a``, ``b`` and ``relation`` (``contradict``/``agree``).

:func:`evaluate` returns one flat dict (also written to ``out/metrics.json``,
with ``out/index.html`` holding the plots); :func:`format_table` prints it.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import math
import sys
from collections.abc import Mapping, Sequence
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import numpy as np

from .io import atomic_write, read_jsonl
from .types import LABELS, VERDICTS, Claim, InputError, Speaker, Stance

# gold pair label -> verdict
PAIR_LABELS = ("agree", "contradict", "neutral", "unrelated")
PAIR_TO_VERDICT = {"agree": "agreement", "contradict": "contradiction", "neutral": "neutral", "unrelated": "neutral"}
NLI_TO_VERDICT = {"entailment": "agreement", "contradiction": "contradiction", "neutral": "neutral"}
VERDICT_TO_NLI = {v: k for k, v in NLI_TO_VERDICT.items()}
TAGS = ("numeric", "stance", "quote", "temporal", "negation", "crosslingual", "hard")
# gold relation -> the verdict that finds it; a ``compatible`` pair (same story, different facts that can both
# be true) is found when it is NOT called a contradiction
FINDING_RELATIONS = {"contradict": "contradiction", "agree": "agreement", "compatible": None, "unrelated": None}
N_BINS = 10

_PAIR_SYNONYMS = {
    "agree": "agree", "agreement": "agree", "entailment": "agree",
    "contradict": "contradict", "contradiction": "contradict", "disagree": "contradict",
    "neutral": "neutral", "unrelated": "unrelated",
}
_NLI_SYNONYMS = {
    "entailment": "entailment", "entails": "entailment", "entail": "entailment", "e": "entailment",
    "neutral": "neutral", "n": "neutral",
    "contradiction": "contradiction", "contradict": "contradiction", "contradictory": "contradiction", "c": "contradiction",
}
# column names, most specific first; matched case-insensitively
_PREMISE = ("premise", "sentence1", "s1", "t", "text_a", "sentence_a", "sent1", "text", "sentence1_ar")
_HYPOTHESIS = ("hypothesis", "hypo", "sentence2", "s2", "h", "text_b", "sentence_b", "sent2", "sentence2_ar")
_LABEL = ("gold_label", "label", "stance", "entailment_judgment", "entailment_label", "labels", "original_label")
_SKIP_LABELS = {"-", ""}  # SNLI rows without a consensus label

# scores already computed in this process: (model name, premise, hypothesis) -> length-3 array
_SCORE_CACHE: dict[tuple[str, str, str], np.ndarray] = {}


# --- reading gold ---------------------------------------------------------------------------------


def load_gold(gold, *, label_map: Mapping[str, str] | None = None) -> tuple[str, list[dict[str, Any]], int]:
    """Read a gold set and say which kind it is.

    Returns ``(kind, records, skipped)`` with kind ``"pairs"``, ``"findings"`` or
    ``"nli"``. Pair records keep their fields with ``label`` normalised to one of
    PAIR_LABELS; NLI records become ``{"premise", "hypothesis", "label"}`` with
    label in LABELS. ``gold`` is a path or a list of dicts.
    """
    name = "<gold>" if not isinstance(gold, (str, Path)) else str(gold)
    rows = list(gold) if not isinstance(gold, (str, Path)) else _read_rows(Path(gold))
    if not rows:
        raise InputError(name, "no records")
    lmap = {str(k): str(v) for k, v in (label_map or {}).items()}
    first = rows[0][1]
    if isinstance(first, dict) and "a" in first and "b" in first and ("label" in first or "relation" in first):
        kind = "findings" if "relation" in first and "label" not in first else "pairs"
        out = []
        for line, r in rows:
            out.append(_pair_record(name, line, r, lmap, kind))
        ids = [r["id"] for r in out]
        if len(set(ids)) != len(ids):
            dup = next(i for i in ids if ids.count(i) > 1)
            raise InputError(name, f"duplicate id {dup!r}")
        return kind, out, 0
    return "nli", *_nli_records(name, rows, lmap)


def _read_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    if path.is_dir() and ((path / "dataset_info.json").is_file() or (path / "dataset_dict.json").is_file()):
        return _read_hf_dataset(path)
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".json", ".ndjson"):
        try:
            head = path.read_text(encoding="utf-8-sig").lstrip()[:1]
        except FileNotFoundError:
            raise InputError(str(path), "no such file") from None
        except IsADirectoryError:
            raise InputError(str(path), "is a folder, expected a gold file (.jsonl, .json, .csv or .tsv)") from None
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(str(path), f"cannot read ({e})") from None
        if head == "[":
            try:
                data = json.loads(path.read_text(encoding="utf-8-sig"))
            except json.JSONDecodeError as e:
                raise InputError(str(path), f"malformed JSON ({e.msg}, line {e.lineno})") from None
            if not all(isinstance(r, dict) for r in data):
                raise InputError(str(path), "expected a JSON array of objects")
            return [(n, r) for n, r in enumerate(data, 1)]
        return list(read_jsonl(path))
    if suffix in (".csv", ".tsv", ".txt", ".tab"):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise InputError(str(path), "no such file") from None
        except IsADirectoryError:
            raise InputError(str(path), "is a folder, expected a gold file (.jsonl, .json, .csv or .tsv)") from None
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(str(path), f"cannot read ({e})") from None
        header = text.split("\n", 1)[0]
        delim = "\t" if (suffix in (".tsv", ".tab", ".txt") or "\t" in header) and "\t" in header else ","
        csv.field_size_limit(sys.maxsize)
        reader = csv.DictReader(io.StringIO(text), delimiter=delim)
        return [(n, dict(r)) for n, r in enumerate(reader, 2)]
    raise InputError(str(path), f"unknown gold format {suffix or '(no extension)'}: use .jsonl, .json, .csv or .tsv")


def _read_hf_dataset(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """Rows of a Hugging Face dataset saved with ``save_to_disk`` (one split: a Dataset folder, or a
    DatasetDict folder with a single split). Integer labels with a ``ClassLabel`` feature become their names."""
    try:
        import datasets
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError(str(path), "reading a saved dataset needs the 'datasets' package") from None
    try:
        ds = datasets.load_from_disk(str(path))
    except (OSError, ValueError, FileNotFoundError) as e:
        raise InputError(str(path), f"cannot load the saved dataset ({str(e).splitlines()[0] if str(e) else e})") from None
    if isinstance(ds, datasets.DatasetDict):
        if len(ds) != 1:
            raise InputError(str(path), f"holds the splits {', '.join(ds)}: give one split's folder, e.g. {path / next(iter(ds))}")
        ds = next(iter(ds.values()))
    names = {col: f.names for col, f in ds.features.items() if isinstance(f, datasets.ClassLabel)}
    rows = []
    for n, record in enumerate(ds, 1):
        for col, labels in names.items():
            value = record.get(col)
            if isinstance(value, int) and 0 <= value < len(labels):
                record[col] = labels[value]
        rows.append((n, record))
    return rows


def _pick(columns: Sequence[str], candidates: Sequence[str]) -> str | None:
    lower = {c.lower().strip(): c for c in columns if c is not None}
    for cand in candidates:
        if cand in lower:
            return lower[cand]
    for cand in candidates[:3]:  # sentence1_binary_parse etc. lose to sentence1; sentence1_sw wins when alone
        hits = [c for lc, c in lower.items() if lc.startswith(cand + "_") and "parse" not in lc and "token" not in lc]
        if len(hits) == 1:
            return hits[0]
    return None


def _nli_records(name: str, rows, lmap: dict[str, str]) -> tuple[list[dict[str, Any]], int]:
    columns = list(rows[0][1].keys())
    p, h, lab = _pick(columns, _PREMISE), _pick(columns, _HYPOTHESIS), _pick(columns, _LABEL)
    missing = [what for what, col in (("premise", p), ("hypothesis", h), ("label", lab)) if col is None]
    if missing:
        raise InputError(
            name,
            f"cannot tell the format: no {'/'.join(missing)} column among {columns[:12]} "
            "(expected claim pairs with a, b, label or NLI columns such as premise/hypothesis/label)",
        )
    out, skipped, unknown = [], 0, {}
    for line, r in rows:
        raw = r.get(lab)
        raw = "" if raw is None else str(raw).strip()
        if raw in _SKIP_LABELS:
            skipped += 1
            continue
        mapped = lmap.get(raw, raw)
        label = _NLI_SYNONYMS.get(mapped.lower())
        if label is None:
            unknown.setdefault(raw, line)
            continue
        premise, hypothesis = r.get(p), r.get(h)
        if not isinstance(premise, str) or not isinstance(hypothesis, str) or not premise.strip() or not hypothesis.strip():
            skipped += 1  # a row with an empty side cannot be scored
            continue
        out.append({"id": str(r.get("id", r.get("pairID", line))), "premise": premise, "hypothesis": hypothesis, "label": label})
    if unknown:
        shown = sorted(unknown)[:10]
        example = json.dumps({k: "entailment|neutral|contradiction" for k in shown}, ensure_ascii=False)
        raise InputError(
            name,
            f"label {shown[0]!r} is not entailment/neutral/contradiction (unmapped labels: {', '.join(map(repr, shown))}); "
            f"pass a label map: --label-map '{example}'",
            line=unknown[shown[0]],
        )
    if not out:
        raise InputError(name, "no labelled records")
    return out, skipped


def _pair_record(name: str, line: int, r: dict, lmap: dict[str, str], kind: str) -> dict[str, Any]:
    key = "label" if kind == "pairs" else "relation"
    raw = str(r.get(key, "")).strip()
    mapped = lmap.get(raw, raw).lower()
    if kind == "pairs":
        label = _PAIR_SYNONYMS.get(mapped)
        if label is None:
            raise InputError(name, f"label {raw!r} is not one of {', '.join(PAIR_LABELS)}", line=line)
    else:
        label = {"contradict": "contradict", "contradiction": "contradict", "agree": "agree", "agreement": "agree",
                 "compatible": "compatible", "unrelated": "unrelated"}.get(mapped)
        if label is None:
            raise InputError(name, f"relation {raw!r} is not contradict, agree, compatible or unrelated", line=line)
    sides = {}
    for side in ("a", "b"):
        s = r.get(side)
        if isinstance(s, str):
            s = {"text": s}
        if not isinstance(s, dict) or not isinstance(s.get("text"), str) or not s["text"].strip():
            raise InputError(name, f"{side!r} must be an object with a non-empty text", line=line)
        if s.get("doc") is not None:
            st, en = s.get("start"), s.get("end")
            if not isinstance(st, int) or not isinstance(en, int) or not 0 <= st <= en or en - st != len(s["text"]):
                raise InputError(name, f"{side!r}: start/end must be integer offsets spanning the text", line=line)
        sides[side] = s
    tags = r.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise InputError(name, "tags must be a list of strings", line=line)
    rec = dict(r)
    rec.update(id=str(r.get("id", f"line{line}")), a=sides["a"], b=sides["b"], tags=tags)
    rec["label" if kind == "pairs" else "relation"] = label
    return rec


# --- scoring ---------------------------------------------------------------------------------------


def _get_scorer(model, scorer):
    if scorer is not None:
        return scorer
    from .score import NLIScorer

    return NLIScorer(model)


def _scorer_name(scorer) -> str:
    return str(getattr(scorer, "name", None) or type(scorer).__name__)


def _predict(scorer, pairs: list[tuple[str, str]], progress: bool = False) -> np.ndarray:
    """Score pairs in one batched predict call, reusing scores computed earlier in this process."""
    name = _scorer_name(scorer)
    todo = sorted({p for p in pairs if (name, *p) not in _SCORE_CACHE})
    if todo:
        scores = scorer.predict(todo, show_progress_bar=True) if progress else scorer.predict(todo)
        scores = np.asarray(scores, dtype=float)
        if scores.shape != (len(todo), 3):
            raise ValueError(f"scorer returned shape {scores.shape}, expected ({len(todo)}, 3)")
        for p, s in zip(todo, scores):
            _SCORE_CACHE[(name, *p)] = s
    if not pairs:
        return np.zeros((0, 3))
    return np.stack([_SCORE_CACHE[(name, *p)] for p in pairs])


def _claim(rec: dict, side: str, lang_default: str | None = None) -> Claim:
    s = rec[side]
    text = s["text"]
    doc = s.get("doc") or f"{rec['id']}:{side}"
    start = s.get("start", 0) if s.get("doc") is not None else 0
    end = start + len(text)
    speaker = None
    sp = s.get("speaker")
    if isinstance(sp, str):
        speaker = Speaker(text=sp, start=start, end=start, name=sp)
    elif isinstance(sp, dict) and sp.get("name"):
        speaker = Speaker(text=sp.get("text", sp["name"]), start=sp.get("start", start), end=sp.get("end", start), name=sp["name"])
    stance = s.get("stance") or "asserts"
    quantities = ()
    try:
        from .quantities import parse_quantities
    except ImportError:
        parse_quantities = None
    if parse_quantities is not None:
        quantities = tuple(parse_quantities(text, offset=start, lang=s.get("lang") or lang_default))
    return Claim(
        id=f"{rec['id']}/{side}",
        doc=doc,
        start=start,
        end=end,
        text=text,
        kind=s.get("kind", "statement"),
        speaker=speaker,
        stance=stance,
        stances=(Stance(stance, source=speaker),) if s.get("stance") else (),
        quantities=quantities,
    )


def _pair_scores(records, scorer, progress=False):
    """Forward (a -> b) and backward (b -> a) NLI scores for every pair, from one predict call."""
    fwd = [(r["a"]["text"], r["b"]["text"]) for r in records]
    bwd = [(r["b"]["text"], r["a"]["text"]) for r in records]
    scores = _predict(scorer, fwd + bwd, progress)
    n = len(records)
    return scores[:n], scores[n:]


def _similarities(records, embedder):
    """Cosine similarity of each pair's two texts with ``embedder`` (as ``check`` computes it), or Nones.

    ``embedder``: None for the default encoder (claims.embed.Embedder), False for no similarity, or any
    object with ``encode(texts) -> L2-normalised rows``.
    """
    if embedder is False or not records:
        return [None] * len(records)
    if embedder is None:
        from .embed import Embedder

        embedder = Embedder()
    n = len(records)
    v = np.asarray(embedder.encode([r["a"]["text"] for r in records] + [r["b"]["text"] for r in records]), dtype=float)
    return [float(x) for x in (v[:n] * v[n:]).sum(1)]


def _decide_all(records, claims, fwd, bwd, thresholds, sims=None):
    from .verdict import decide

    verdicts, conf, pairs = [], [], []
    sims = sims if sims is not None else [None] * len(records)
    for r, (ca, cb), f, b, sim in zip(records, claims, fwd, bwd, sims):
        dates = (r["a"].get("date"), r["b"].get("date"))
        pair = decide(ca, cb, [float(x) for x in f], [float(x) for x in b], thresholds=thresholds, dates=dates,
                      similarity=sim)
        verdicts.append(pair.verdict)
        pairs.append(pair)
        sc = getattr(pair, "scores", None) or {}
        key = VERDICT_TO_NLI[pair.verdict]
        conf.append(float(sc[key]) if key in sc else float(((f + b) / 2)[LABELS.index(key)]))
    return verdicts, np.asarray(conf), pairs


# --- metrics ----------------------------------------------------------------------------------------


def expected_calibration_error(confidence, correct, n_bins: int = N_BINS, weights=None) -> tuple[float, list[dict[str, float]]]:
    """ECE over ``n_bins`` equal-width bins of the predicted class probability.

    Bin ``i`` holds confidences in ``(i/n, (i+1)/n]`` (the first also holds 0).
    Returns ``(ece, bins)``, bins being ``{lo, hi, n, confidence, accuracy}``. ``weights`` (how many items
    each stands for: a stratified sample's) weigh the bins' means and sizes; ``n`` stays the count.
    """
    confidence = np.asarray(confidence, dtype=float)
    correct = np.asarray(correct, dtype=float)
    if confidence.size == 0:
        return 0.0, []
    if weights is not None:
        return _weighted_ece(confidence, correct, np.asarray(weights, dtype=float), n_bins)
    idx = np.clip(np.ceil(confidence * n_bins - 1e-9) - 1, 0, n_bins - 1).astype(int)
    ece, bins = 0.0, []
    for i in range(n_bins):
        mask = idx == i
        k = int(mask.sum())
        row = {"lo": i / n_bins, "hi": (i + 1) / n_bins, "n": k, "confidence": 0.0, "accuracy": 0.0}
        if k:
            row["confidence"] = float(confidence[mask].mean())
            row["accuracy"] = float(correct[mask].mean())
            ece += k / confidence.size * abs(row["accuracy"] - row["confidence"])
        bins.append(row)
    return float(ece), bins


def _weighted_ece(confidence: np.ndarray, correct: np.ndarray, w: np.ndarray, n_bins: int):
    idx = np.clip(np.ceil(confidence * n_bins - 1e-9) - 1, 0, n_bins - 1).astype(int)
    ece, bins, total = 0.0, [], float(w.sum())
    for i in range(n_bins):
        mask = idx == i
        row = {"lo": i / n_bins, "hi": (i + 1) / n_bins, "n": int(mask.sum()), "confidence": 0.0, "accuracy": 0.0}
        if mask.any():
            wm = w[mask]
            row["confidence"] = float((confidence[mask] * wm).sum() / wm.sum())
            row["accuracy"] = float((correct[mask] * wm).sum() / wm.sum())
            ece += float(wm.sum()) / total * abs(row["accuracy"] - row["confidence"])
        bins.append(row)
    return float(ece), bins


def classification_metrics(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str], prefix: str = "") -> dict[str, Any]:
    """Accuracy, per-class precision/recall/F1/support, macro-F1 and the confusion matrix (rows gold, columns predicted)."""
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

    labels = list(labels)
    out: dict[str, Any] = {}
    if not gold:
        return {f"{prefix}n": 0}
    p, r, f, s = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    out[f"{prefix}n"] = len(gold)
    out[f"{prefix}accuracy"] = float(accuracy_score(gold, pred))
    out[f"{prefix}macro_f1"] = float(np.mean(f))
    for i, lab in enumerate(labels):
        out[f"{prefix}{lab}.precision"] = float(p[i])
        out[f"{prefix}{lab}.recall"] = float(r[i])
        out[f"{prefix}{lab}.f1"] = float(f[i])
        out[f"{prefix}{lab}.support"] = int(s[i])
    out[f"{prefix}confusion"] = confusion_matrix(gold, pred, labels=labels).tolist()
    return out


def _subset_metrics(gold, pred, prefix):
    """Accuracy and macro-F1 for a subset, macro over the labels present in its gold."""
    from sklearn.metrics import f1_score

    present = sorted(set(gold))
    return {
        f"{prefix}n": len(gold),
        f"{prefix}accuracy": float(np.mean([g == p for g, p in zip(gold, pred)])) if gold else 0.0,
        f"{prefix}macro_f1": float(f1_score(gold, pred, labels=present, average="macro", zero_division=0)) if gold else 0.0,
    }


def _system_metrics(name, gold, pred, conf, labels, records=None):
    m = classification_metrics(gold, pred, labels, prefix=f"{name}.")
    ece, bins = expected_calibration_error(conf, [g == p for g, p in zip(gold, pred)])
    m[f"{name}.ece"] = ece
    m[f"{name}.reliability"] = bins
    if records is not None:
        for tag in sorted({t for r in records for t in r["tags"]}):
            idx = [i for i, r in enumerate(records) if tag in r["tags"]]
            m.update(_subset_metrics([gold[i] for i in idx], [pred[i] for i in idx], f"{name}.tag.{tag}."))
        for lab in PAIR_LABELS:
            idx = [i for i, r in enumerate(records) if r["label"] == lab]
            if idx:
                m[f"{name}.gold.{lab}.n"] = len(idx)
                m[f"{name}.gold.{lab}.accuracy"] = float(np.mean([gold[i] == pred[i] for i in idx]))
    return m


# --- evaluate ---------------------------------------------------------------------------------------


def evaluate(
    gold,
    *,
    model: str | None = None,
    scorer=None,
    out: str | Path | None = None,
    label_map: Mapping[str, str] | None = None,
    progress: bool = False,
    thresholds=None,
    embedder=None,
    verdict_step: bool = True,
) -> dict[str, Any]:
    """Score a gold set (claim pairs or a plain NLI set, detected from its fields) and return flat metrics.

    Claim pairs: ``verdict.*`` is the pipeline's verdict step (``decide`` with
    ``thresholds``, default ``load_thresholds()``, and the embedding similarity of
    the two texts from ``embedder`` as ``check`` passes it: None for the default
    encoder, False for none), ``nli.*`` the NLI model alone
    (argmax of the two directions averaged), both in verdict labels
    (contradiction/agreement/neutral). Plain NLI sets: ``nli.*`` over
    entailment/neutral/contradiction, premise -> hypothesis only, and (unless
    ``verdict_step`` is False) ``verdict.*``, the verdict step on the same pairs
    taken as claims, its agreement read as entailment.
    With ``out``, writes ``out/metrics.json`` (the returned dict) and ``out/index.html``.
    """
    kind, records, skipped = load_gold(gold, label_map=label_map)
    if kind == "findings":
        raise InputError(str(gold), "this is a findings file: run it with the articles (claims eval FILE --articles DIR)")
    scorer = _get_scorer(model, scorer)
    m: dict[str, Any] = {
        "format": kind,
        "gold": str(gold) if isinstance(gold, (str, Path)) else "<records>",
        "model": _scorer_name(scorer),
        "n": len(records),
        "skipped": skipped,
    }
    if kind == "nli":
        pairs = [(r["premise"], r["hypothesis"]) for r in records]
        with_verdict = verdict_step and bool(records)
        scores = _predict(scorer, pairs + ([(h, p) for p, h in pairs] if with_verdict else []), progress)
        fwd = scores[: len(pairs)]
        pred = [LABELS[i] for i in fwd.argmax(1)]
        gold_labels = [r["label"] for r in records]
        m["labels"] = list(LABELS)
        for lab in LABELS:
            m[f"gold.{lab}"] = gold_labels.count(lab)
        if with_verdict:
            # the verdict step on the same pairs, as claims with no speaker (verdicts read back as NLI labels:
            # agreement -> entailment); it sees both directions and the similarity, as in check
            recs = [{"id": str(n), "a": {"text": p, "doc": None}, "b": {"text": h, "doc": None}, "tags": []}
                    for n, (p, h) in enumerate(pairs)]
            claims = [(_claim(r, "a"), _claim(r, "b")) for r in recs]
            pred_v, conf_v, _ = _decide_all(recs, claims, fwd, scores[len(pairs):], _thresholds(thresholds),
                                            _similarities(recs, embedder))
            m.update(_system_metrics("verdict", gold_labels, [VERDICT_TO_NLI[v] for v in pred_v], conf_v, LABELS))
            m["similarity"] = embedder is not False
        m.update(_system_metrics("nli", gold_labels, pred, fwd.max(1), LABELS))
    else:
        th = _thresholds(thresholds)
        m.update(_pairs_metrics(records, scorer, th, progress, sims=_similarities(records, embedder)))
        m["similarity"] = embedder is not False
    m = json.loads(json.dumps(m))  # exactly what metrics.json holds
    if out is not None:
        write_outputs(m, out)
    return m


def _thresholds(thresholds):
    if thresholds is not None:
        return thresholds
    from .verdict import load_thresholds

    return load_thresholds()


def _pairs_metrics(records, scorer, th, progress=False, *, fwd=None, bwd=None, sims=None):
    if fwd is None:
        fwd, bwd = _pair_scores(records, scorer, progress)
    claims = [(_claim(r, "a"), _claim(r, "b")) for r in records]
    gold_v = [PAIR_TO_VERDICT[r["label"]] for r in records]
    m: dict[str, Any] = {"labels": list(VERDICTS)}
    for lab in PAIR_LABELS:
        m[f"gold.{lab}"] = sum(r["label"] == lab for r in records)
    pred_v, conf_v, decided = _decide_all(records, claims, fwd, bwd, th, sims)
    m.update(_system_metrics("verdict", gold_v, pred_v, conf_v, VERDICTS, records))
    temporal = [i for i, r in enumerate(records) if r["label"] == "contradict" and "temporal" in r["tags"]]
    m["verdict.temporal.n"] = len(temporal)  # gold contradictions that time may explain
    m["verdict.temporal.flagged"] = sum(pred_v[i] == "contradiction" and bool(getattr(decided[i], "temporal", False))
                                        for i in temporal)
    avg = (fwd + bwd) / 2
    pred_n = [NLI_TO_VERDICT[LABELS[i]] for i in avg.argmax(1)]
    m.update(_system_metrics("nli", gold_v, pred_n, avg.max(1), VERDICTS, records))
    m["thresholds"] = _thresholds_dict(th)
    m["predictions"] = [
        {"id": r["id"], "label": r["label"], "tags": r["tags"], "verdict": v, "nli": n,
         "forward": [round(float(x), 4) for x in f], "backward": [round(float(x), 4) for x in b],
         "reasons": list(getattr(p, "reasons", ()) or ()), "temporal": bool(getattr(p, "temporal", False)),
         "a": r["a"]["text"], "b": r["b"]["text"]}
        for r, v, n, f, b, p in zip(records, pred_v, pred_n, fwd, bwd, decided)
    ]
    return m


def _thresholds_dict(th) -> dict[str, Any]:
    try:
        return {f.name: getattr(th, f.name) for f in fields(th)}
    except TypeError:
        return {}


# --- sweep ------------------------------------------------------------------------------------------


# NLI probability cut-offs below about a third (the chance level of a 3-way softmax) would call a pair
# an agreement or a contradiction on which the model does not even lean that way; the sweep stays above.
SWEEP_FLOOR = {"contradiction": 0.35, "entailment": 0.35}
# cosine cut-offs, set by hand from e5's cosine distribution and kept out of the sweep (see sweep's docstring)
COSINE_THRESHOLDS = frozenset({"quote_identity", "same_claim", "same_measure", "candidate", "topic"})


def sweep(
    dev_gold,
    *,
    model: str | None = None,
    scorer=None,
    write: bool = True,
    path: str | Path | None = None,
    out: str | Path | None = None,
    allow_test: bool = False,
    verbose: bool = True,
    progress: bool = False,
    embedder=None,
):
    """Pick the verdict thresholds that maximise macro-F1 on a DEV split of claim pairs.

    Reads only ``dev_gold``; refuses a file whose name says test (``allow_test``
    overrides). NLI scores and embedding similarities (``embedder`` as in
    :func:`evaluate`) are computed once; then each probability and tolerance
    threshold is searched over a 0.05 grid by coordinate ascent (three rounds,
    ties keep the current value). The cosine cut-offs (``COSINE_THRESHOLDS``) are
    not swept: a dev set of claim pairs holds too few pairs of different quotes
    by one speaker to see what a low ``quote_identity`` does (on the seeds, 0.80
    calls different Chen quotes the same quote); they are set by hand. With ``write``, saves the result where
    ``verdict.load_thresholds`` reads it (``path``, default claims/thresholds.json).
    Before/after dev metrics go to stderr (``verbose``) and to ``out/sweep.json``.
    """
    from .verdict import load_thresholds, save_thresholds

    if isinstance(dev_gold, (str, Path)) and "test" in Path(dev_gold).name.lower() and not allow_test:
        raise InputError(str(dev_gold), "refusing to tune thresholds on a test split: sweep the dev split")
    kind, records, _ = load_gold(dev_gold)
    if kind != "pairs":
        raise InputError(str(dev_gold), "the sweep needs claim pairs (records with a, b, label)")
    scorer = _get_scorer(model, scorer)
    fwd, bwd = _pair_scores(records, scorer, progress)
    sims = _similarities(records, embedder)
    claims = [(_claim(r, "a"), _claim(r, "b")) for r in records]
    gold_v = [PAIR_TO_VERDICT[r["label"]] for r in records]

    def score(th) -> float:
        pred, _, _ = _decide_all(records, claims, fwd, bwd, th, sims)
        return classification_metrics(gold_v, pred, VERDICTS)["macro_f1"]

    start = load_thresholds(path) if path is not None and Path(path).exists() else load_thresholds()
    names = [f.name for f in fields(start) if isinstance(getattr(start, f.name), float) and 0.0 <= getattr(start, f.name) <= 1.0
             and f.name not in COSINE_THRESHOLDS]
    before = score(start)
    best, best_f1 = _coordinate_ascent(start, before, names, score)
    report = {
        "gold": str(dev_gold) if isinstance(dev_gold, (str, Path)) else "<records>",
        "model": _scorer_name(scorer),
        "n": len(records),
        "before": {"macro_f1": before, "thresholds": _thresholds_dict(start)},
        "after": {"macro_f1": best_f1, "thresholds": _thresholds_dict(best)},
        "swept": names,
    }
    if verbose:
        changed = {k: v for k, v in report["after"]["thresholds"].items() if report["before"]["thresholds"].get(k) != v}
        print(f"sweep on {report['gold']} ({len(records)} pairs): verdict macro-F1 {before:.3f} -> {best_f1:.3f}; "
              f"changed {changed or 'nothing'}", file=sys.stderr)
    if out is not None:
        atomic_write(Path(out) / "sweep.json", json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    if write:
        if path is not None:
            save_thresholds(best, path)
        else:
            save_thresholds(best)
    return best


def _coordinate_ascent(start, start_f1: float, names: Sequence[str], score, rounds: int = 3):
    """Each threshold in ``names`` over a 0.05 grid (``SWEEP_FLOOR`` respected), one at a time, for up to
    ``rounds`` rounds; a value is kept only when it beats the best macro-F1 so far (ties keep the current)."""
    best, best_f1 = start, start_f1
    grid = [round(float(x), 2) for x in np.arange(0.05, 1.0, 0.05)]
    for _round in range(rounds):
        improved = False
        for name in names:
            for value in grid:
                if value < SWEEP_FLOOR.get(name, 0.0) or value == getattr(best, name):
                    continue
                try:
                    trial = replace(best, **{name: value})
                except (TypeError, ValueError):
                    continue
                f1 = score(trial)
                if f1 > best_f1 + 1e-12:
                    best, best_f1, improved = trial, f1, True
        if not improved:
            break
    return best, best_f1


# --- end to end -------------------------------------------------------------------------------------


def _overlaps(claim, span: dict) -> bool:
    return claim.doc == span.get("doc") and claim.start < span["end"] and span["start"] < claim.end


def evaluate_findings(
    articles_dir,
    findings_gold,
    *,
    model: str | None = None,
    scorer=None,
    out: str | Path | None = None,
    progress: bool = False,
    report=None,
    exclude: Sequence[str] = (),
) -> dict[str, Any]:
    """Run ``check`` on the articles and count the gold findings its report found.

    A gold finding is *scored* (``linked``) when some report pair links a claim overlapping span ``a`` and
    a claim overlapping span ``b`` (either order), and *found* when one such pair has the gold relation's
    verdict (contradict -> contradiction, agree -> agreement); a ``compatible`` finding is found when no
    linking pair calls it a contradiction, and ``compatible.flagged`` counts those that were. Counts also
    what the report's default view shows (``*.shown``: found by a pair above its verdict's confidence cut,
    see ``claims.confidence``). ``report`` skips running ``check`` (tests); ``exclude`` are file-name globs
    left out of the articles (``--exclude``).
    """
    kind, findings, _ = load_gold(findings_gold)
    if kind != "findings":
        raise InputError(str(findings_gold), "expected findings (records with a, b and relation contradict/agree/compatible)")
    for f in findings:
        for side in ("a", "b"):
            if f[side].get("doc") is None:
                raise InputError(str(findings_gold), f"finding {f['id']}: {side!r} needs doc, start and end")
    if report is None:
        from .documents import read_documents
        from .pipeline import check

        documents = read_documents([articles_dir], progress=progress, exclude=list(exclude))
        report = check(documents, model=model, scorer=scorer, progress=progress)
    m: dict[str, Any] = {
        "format": "findings",
        "gold": str(findings_gold),
        "articles": str(articles_dir),
        "model": str(report.meta.get("model", model or "")),
        "n": len(findings),
        "report.claims": len(report.claims),
        "report.pairs": len(report.pairs),
        "report.contradictions": sum(p.verdict == "contradiction" for p in report.pairs),
        "report.agreements": sum(p.verdict == "agreement" for p in report.pairs),
    }
    from .topics import default_view

    view = default_view(report)
    m["report.shown_contradictions"] = sum(p.verdict == "contradiction" and view.shows(p) for p in report.pairs)
    m["report.shown_agreements"] = sum(p.verdict == "agreement" and view.shows(p) for p in report.pairs)
    details = [_finding_detail(f, _linking_pairs(report, f), view) for f in findings]
    for rel in FINDING_RELATIONS:
        rows = [d for d in details if d["relation"] == rel]
        m[f"{rel}.n"] = len(rows)
        for key in ("linked", "found", "shown", "flagged", "flagged_shown"):
            m[f"{rel}.{key}"] = sum(d[key] for d in rows)
        m[f"{rel}.recall"] = m[f"{rel}.found"] / len(rows) if rows else 0.0
        m[f"{rel}.shown_recall"] = m[f"{rel}.shown"] / len(rows) if rows else 0.0
        m[f"{rel}.flagged_rate"] = m[f"{rel}.flagged"] / len(rows) if rows else 0.0
    m["agree.flagged_contradiction"] = m["agree.flagged"]  # the name earlier reports used
    m.update(confidence_metrics(report, findings))
    m["linked"] = sum(d["linked"] for d in details)
    m["linked_rate"] = m["linked"] / len(details) if details else 0.0
    m["found"] = sum(d["found"] for d in details)
    m["recall"] = m["found"] / len(details) if details else 0.0
    m["findings"] = details
    m = json.loads(json.dumps(m))
    if out is not None:
        write_outputs(m, out)
    return m


def confidence_metrics(report, findings: Sequence[dict]) -> dict[str, Any]:
    """ECE of the pairs' confidences against the labelled findings (weighted: a judged sample's record stands
    for ``weight`` report pairs), per verdict too, and how often the default view's pairs are right."""
    m: dict[str, Any] = {}
    rows = confidence_rows(report, findings, weights=True)
    scored = [(c, ok, w, v) for v, _, ok, c, w in rows if c is not None]
    m["confidence.n"] = len(scored)
    if scored:  # weighted: a judged sample's record stands for ``weight`` report pairs
        m["confidence.ece"], m["confidence.bins"] = expected_calibration_error(
            [c for c, *_ in scored], [ok for _, ok, *_ in scored], weights=[w for _, _, w, _ in scored])
        m["confidence.accuracy"] = sum(w for _, ok, w, _ in scored if ok) / sum(w for _, _, w, _ in scored)
        for verdict in ("contradiction", "agreement"):
            mine = [(c, ok, w) for c, ok, w, v in scored if v == verdict]
            if mine:
                m[f"confidence.{verdict}.ece"] = expected_calibration_error(
                    [c for c, _, _ in mine], [ok for _, ok, _ in mine], weights=[w for *_, w in mine])[0]
                m[f"confidence.{verdict}.n"] = len(mine)
        for verdict in ("contradiction", "agreement"):
            shown = [ok for (v, _, ok, c, _) in rows if v == verdict and c is not None and c >= _cut(report, v)]
            m[f"shown_{verdict}s.judged"] = len(shown)
            m[f"shown_{verdict}s.precision"] = sum(shown) / len(shown) if shown else None
    return m


def _cut(report, verdict: str) -> float:
    cuts = report.meta.get("confidence_cuts") or {}
    return float(cuts.get(verdict, 0.0))


def confidence_rows(report, findings: Sequence[dict], *, weights: bool = False) -> list[tuple]:
    """(verdict, features, correct, confidence) for every contradiction or agreement pair of ``report`` that
    links a labelled finding: right when the verdict is the gold relation's (contradict -> contradiction, agree
    -> agreement); a contradiction or agreement on a compatible or unrelated pair is wrong. What
    ``claims.confidence.fit`` is fitted on, and what ECE is measured on. With ``weights`` each row also
    carries its finding's ``weight`` (default 1: how many report pairs a sampled, judged pair stands for)."""
    from .confidence import pair_features

    claims = {c.id: c for c in report.claims}
    lang = {d.id: d.lang for d in report.documents}
    out, seen = [], set()
    for f in findings:
        for p in _linking_pairs(report, f):
            if p.verdict == "neutral" or (p.a, p.b) in seen:
                continue
            seen.add((p.a, p.b))
            a, b = claims[p.a], claims[p.b]
            row = (p.verdict, pair_features(p, a, b, lang.get(a.doc), lang.get(b.doc)),
                   FINDING_RELATIONS[f["relation"]] == p.verdict, p.confidence)
            out.append(row + (float(f.get("weight", 1.0)),) if weights else row)
    return out


def fit_confidence(articles_dir, judged, *, model: str | None = None, scorer=None, exclude: Sequence[str] = (),
                   path: str | Path | None = None, progress: bool = False, report=None,
                   also: Sequence[str | Path] = ()) -> dict[str, Any]:
    """Fit ``claims/confidence.json`` (or ``path``) on a dev set: run ``check`` on the articles (without a
    calibration), join its contradiction and agreement pairs to the labelled pairs of ``judged`` and of each
    file in ``also`` (hand-judged samples of the report's own pairs, and gold findings, in the findings format;
    a record's ``weight``, default 1, says how many report pairs a sampled pair stands for), fit
    (scikit-learn) and save. Returns what was fitted, per verdict."""
    from .confidence import fit, save_calibration

    findings = []
    for gold in [judged, *also]:
        kind, rows, _ = load_gold(gold)
        if kind != "findings":
            raise InputError(str(gold), "expected judged pairs or findings (records with a, b and relation)")
        for r in rows:
            w = r.get("weight", 1.0)
            if isinstance(w, bool) or not isinstance(w, (int, float)) or not math.isfinite(w) or w <= 0:
                raise InputError(str(gold), f"{r['id']}: weight must be a positive number, not {w!r}")
        findings += rows
    if report is None:
        from .documents import read_documents
        from .pipeline import check

        documents = read_documents([articles_dir], progress=progress, exclude=list(exclude))
        report = check(documents, model=model, scorer=scorer, progress=progress, calibration=False)
    rows = [(v, x, ok, w) for v, x, ok, _, w in confidence_rows(report, findings, weights=True)]
    cal = fit(rows, sources={"fitted_on": [str(g) for g in [judged, *also]], "articles": str(articles_dir)})
    saved = save_calibration(cal, path)
    return {"path": str(saved), **{v: dict(m.fitted, cut=m.cut) for v, m in cal.models.items()}}


def _linking_pairs(report, f: dict) -> list:
    """The report's pairs that join a claim overlapping gold span ``a`` with one overlapping span ``b``."""
    claims = {c.id: c for c in report.claims}
    out = []
    for p in report.pairs:
        ca, cb = claims.get(p.a), claims.get(p.b)
        if ca is None or cb is None:
            continue
        if (_overlaps(ca, f["a"]) and _overlaps(cb, f["b"])) or (_overlaps(ca, f["b"]) and _overlaps(cb, f["a"])):
            out.append(p)
    return out


def _finding_detail(f: dict, linking: list, view) -> dict[str, Any]:
    """One gold finding against the pairs linking it: linked, found, shown (found in the default view),
    flagged (called a contradiction though the gold says agree or compatible)."""
    want = FINDING_RELATIONS[f["relation"]]
    verdicts = sorted({p.verdict for p in linking})
    shown = sorted({p.verdict for p in linking if view.shows(p)})
    wrong = f["relation"] != "contradict" and "contradiction" in verdicts
    if want is None:
        found, shown_found = bool(linking) and not wrong, bool(linking) and "contradiction" not in shown
    else:
        found, shown_found = want in verdicts, want in shown
    conf = [p.confidence for p in linking if p.confidence is not None and p.verdict != "neutral"]
    return {"id": f["id"], "relation": f["relation"], "linked": bool(linking), "found": found, "shown": shown_found,
            "flagged": wrong, "flagged_shown": f["relation"] != "contradict" and "contradiction" in shown,
            "verdicts": verdicts, "confidence": max(conf) if conf else None,
            "flagged_contradiction": f["relation"] == "agree" and wrong}


# --- output -----------------------------------------------------------------------------------------


def _fmt(x) -> str:
    if isinstance(x, float):
        return f"{x:.3f}"
    return str(x)


def format_table(metrics: Mapping[str, Any]) -> str:
    """A plain-text summary of :func:`evaluate` / :func:`evaluate_findings` output for the terminal."""
    lines = []
    fmt = metrics.get("format")
    if fmt == "findings":
        lines.append(f"findings: {metrics['gold']} on {metrics['articles']} (model {metrics['model']})")
        lines.append(f"report: {metrics['report.claims']} claims, {metrics['report.pairs']} pairs, "
                     f"{metrics['report.contradictions']} contradictions, {metrics['report.agreements']} agreements")
        lines.append(f"shown by default: {metrics.get('report.shown_contradictions', 0)} contradictions, "
                     f"{metrics.get('report.shown_agreements', 0)} agreements")
        lines.append(f"{'relation':<12}{'gold':>6}{'scored':>8}{'found':>7}{'recall':>8}{'shown':>7}{'recall':>8}"
                     f"{'flagged':>9}{'rate':>7}")
        for rel in FINDING_RELATIONS:
            if not metrics.get(f"{rel}.n"):
                continue
            lines.append(f"{rel:<12}{metrics[f'{rel}.n']:>6}{metrics[f'{rel}.linked']:>8}{metrics[f'{rel}.found']:>7}"
                         f"{metrics[f'{rel}.recall']:>8.3f}{metrics[f'{rel}.shown']:>7}{metrics[f'{rel}.shown_recall']:>8.3f}"
                         f"{metrics[f'{rel}.flagged']:>9}{metrics[f'{rel}.flagged_rate']:>7.3f}")
        lines.append(f"gold agreements flagged as contradictions: {metrics['agree.flagged_contradiction']}")
        lines.append(f"gold findings scored as a pair: {metrics['linked']}/{metrics['n']} ({metrics['linked_rate']:.3f}); "
                     "flagged = called a contradiction though the gold says agree, compatible or unrelated")
        if metrics.get("confidence.n"):
            per = "; ".join(f"{v} ECE {metrics[f'confidence.{v}.ece']:.3f} (n {metrics[f'confidence.{v}.n']})"
                            for v in ("contradiction", "agreement") if f"confidence.{v}.ece" in metrics)
            lines.append(f"confidence of the {metrics['confidence.n']} verdict pairs linking gold (weighted): ECE "
                         f"{metrics['confidence.ece']:.3f}, right {metrics['confidence.accuracy']:.3f}; {per}")
        for v in ("contradiction", "agreement"):
            if metrics.get(f"shown_{v}s.judged"):
                lines.append(f"{v}s in the default view linking gold: {metrics[f'shown_{v}s.judged']}, "
                             f"right {metrics[f'shown_{v}s.precision']:.3f}")
        return "\n".join(lines)
    labels = metrics.get("labels", [])
    systems = [s for s in ("verdict", "nli") if f"{s}.accuracy" in metrics]
    lines.append(f"{fmt}: {metrics.get('gold')} ({metrics.get('n')} records, model {metrics.get('model')})"
                 + (f", {metrics['skipped']} skipped" if metrics.get("skipped") else ""))
    head = f"{'system':<9}{'acc':>7}{'macroF1':>9}{'ECE':>7}" + "".join(f"{('F1 ' + lab):>17}" for lab in labels)
    lines.append(head)
    for s in systems:
        lines.append(f"{s:<9}{metrics[f'{s}.accuracy']:>7.3f}{metrics[f'{s}.macro_f1']:>9.3f}{metrics[f'{s}.ece']:>7.3f}"
                     + "".join(f"{metrics[f'{s}.{lab}.f1']:>17.3f}" for lab in labels))
    for s in systems:
        lines.append(f"confusion ({s}; rows gold, columns predicted: {', '.join(labels)})")
        for lab, row in zip(labels, metrics[f"{s}.confusion"]):
            lines.append(f"  {lab:<14}" + "".join(f"{v:>6}" for v in row))
    if "verdict.temporal.n" in metrics:
        lines.append(f"gold contradictions that time may explain, reported as temporal contradictions: "
                     f"{metrics['verdict.temporal.flagged']}/{metrics['verdict.temporal.n']}")
    tags = sorted({k.split(".")[2] for k in metrics if k.startswith(f"{systems[0]}.tag.")}) if systems else []
    if tags:
        lines.append(f"{'tag':<14}{'n':>5}" + "".join(f"{s + ' acc':>13}{s + ' F1':>12}" for s in systems))
        for t in tags:
            lines.append(f"{t:<14}{metrics[f'{systems[0]}.tag.{t}.n']:>5}"
                         + "".join(f"{metrics[f'{s}.tag.{t}.accuracy']:>13.3f}{metrics[f'{s}.tag.{t}.macro_f1']:>12.3f}"
                                   for s in systems))
    return "\n".join(lines)


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _plots(m: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(title, base64 PNG) per plot; none without the optional matplotlib (``pip install 'claims[plots]'``)."""
    try:
        import matplotlib
    except ImportError:
        return []

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = []
    labels = m.get("labels", [])
    for s in ("verdict", "nli"):
        if f"{s}.confusion" not in m:
            continue
        cm = np.asarray(m[f"{s}.confusion"])
        fig, ax = plt.subplots(figsize=(4, 3.5))
        ax.imshow(cm, cmap="Blues")
        ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right")
        ax.set_yticks(range(len(labels)), labels)
        ax.set_xlabel("predicted")
        ax.set_ylabel("gold")
        for i in range(cm.shape[0]):
            for j in range(cm.shape[1]):
                ax.text(j, i, int(cm[i, j]), ha="center", va="center", color="black")
        ax.set_title(f"{s}: confusion")
        out.append((f"{s} confusion matrix", _png(fig)))
        bins = m[f"{s}.reliability"]
        fig, ax = plt.subplots(figsize=(4, 3.5))
        centers = [(b["lo"] + b["hi"]) / 2 for b in bins]
        ax.bar(centers, [b["accuracy"] if b["n"] else 0 for b in bins], width=1 / len(bins), edgecolor="k", alpha=0.7,
               label="accuracy")
        ax.plot([0, 1], [0, 1], "r--", label="perfect calibration")
        ax.set_xlabel("predicted class probability")
        ax.set_ylabel("accuracy")
        ax.set_title(f"{s}: reliability (ECE {m[f'{s}.ece']:.3f})")
        ax.legend(loc="upper left", fontsize=8)
        out.append((f"{s} reliability", _png(fig)))
    return out


def render_html(m: Mapping[str, Any]) -> str:
    from html import escape

    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>claims eval</title>",
             "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}img{margin:4px}</style></head><body>",
             f"<h1>Evaluation: {escape(str(m.get('gold')))}</h1>",
             f"<pre>{escape(format_table(m))}</pre>"]
    if m.get("format") != "findings":
        for title, png in _plots(m):
            parts.append(f"<img alt='{escape(title)}' title='{escape(title)}' src='data:image/png;base64,{png}'>")
    wrong = [p for p in m.get("predictions", []) if PAIR_TO_VERDICT.get(p["label"]) != p["verdict"]]
    if wrong:
        parts.append(f"<h2>Verdict errors ({len(wrong)})</h2><table><tr><th>id</th><th>gold</th><th>verdict</th>"
                     "<th>NLI</th><th>tags</th><th>a</th><th>b</th><th>reasons</th></tr>")
        parts.extend(
            f"<tr><td>{escape(p['id'])}</td><td>{escape(p['label'])}</td><td>{escape(p['verdict'])}</td>"
            f"<td>{escape(p['nli'])}</td><td>{escape(' '.join(p['tags']))}</td>"
            f"<td dir='auto' style='text-align:start'>{escape(p['a'])}</td>"
            f"<td dir='auto' style='text-align:start'>{escape(p['b'])}</td><td>{escape('; '.join(p['reasons']))}</td></tr>"
            for p in wrong)
        parts.append("</table>")
    scalars = [(k, v) for k, v in m.items() if isinstance(v, (int, float, str)) or v is None]
    parts.append("<h2>All metrics</h2><table>")
    parts.extend(f"<tr><th style='text-align:left'>{escape(k)}</th><td>{escape(_fmt(v))}</td></tr>" for k, v in scalars)
    parts.append("</table></body></html>\n")
    return "".join(parts)


def write_outputs(m: Mapping[str, Any], out: str | Path) -> dict[str, Path]:
    out = Path(out)
    paths = {"metrics": out / "metrics.json", "html": out / "index.html"}
    atomic_write(paths["metrics"], json.dumps(m, indent=2, ensure_ascii=False) + "\n")
    atomic_write(paths["html"], render_html(m))
    return paths
