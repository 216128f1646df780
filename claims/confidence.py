"""Confidence: a calibrated probability that a pair's verdict is right, and the cut of the default view.

A verdict is a rule's or the model's; how often each kind is right on real coverage is an empirical
question, answered on dev: ``claims eval GOLD --articles DIR --fit-confidence`` runs ``check``, joins the
report's pairs to the gold findings (and to hand-judged samples of the report's own pairs), and fits one
logistic regression per verdict (scikit-learn) on the features below. The fitted weights, and for each
verdict the lowest cut at which the dev findings above it are at least ``TARGET_PRECISION`` right, are
stored in ``claims/confidence.json``; applying them needs numpy only.

A pair whose confidence reaches its verdict's cut is *shown*: it is a finding of the report's default view
(JSON ``summary``, the Markdown and the HTML first screen); the rest are leads, behind a filter.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .types import Claim, Pair

CONFIDENCE_PATH = Path(__file__).with_name("confidence.json")
TARGET_PRECISION = 0.80
MIN_SHOWN = 10  # labelled dev pairs a cut must keep above it: fewer say nothing about its precision
VERDICTS = ("contradiction", "agreement")


def pair_features(pair: Pair, a: Claim, b: Claim, lang_a: str | None, lang_b: str | None) -> dict[str, float]:
    """What confidence is fitted on: which rule decided, the model's mean scores, the embedding cosine,
    whether one side negates or denies and the other not (``polarity_gap``), whether both give the same
    figure, and whether the pair crosses languages or articles, shares a speaker, or may be explained by time."""
    from .verdict import polarity, polarity_cue

    rule = pair.rule or ""
    sa = a.speaker.name if a.speaker else None
    sb = b.speaker.name if b.speaker else None
    neg_a = polarity(a.stance) < 0 or polarity_cue(a.text, lang_a)
    neg_b = polarity(b.stance) < 0 or polarity_cue(b.text, lang_b)
    figures = {(q.kind, q.unit, float(q.value)) for q in a.quantities if q.kind != "date"} & {
        (q.kind, q.unit, float(q.value)) for q in b.quantities if q.kind != "date"}
    gap = float(neg_a != neg_b)  # one side negates or denies, the other does not: how a real contradiction reads
    return {
        "polarity_gap": gap,
        "shared_figure": float(bool(figures)),
        "gap_and_figure": gap * float(bool(figures)),
        "rule_stance": float(rule in ("stance_conflict", "shared_denial")),
        "rule_text": float(rule in ("rebuttal", "quantity_conflict", "same_quote")),
        "rule_model": float(rule in ("model_contradiction", "model_agreement")),
        "contradiction": float(pair.scores.get("contradiction", 0.0)),
        "entailment": float(pair.scores.get("entailment", 0.0)),
        "similarity": float(pair.similarity) if pair.similarity is not None else 0.0,
        "cross_language": float(bool(lang_a and lang_b and lang_a != lang_b)),
        "same_document": float(a.doc == b.doc),
        "same_speaker": float(bool(sa) and sa == sb),
        "attributed": float(bool(sa) and bool(sb)),
        "temporal": float(pair.temporal),
    }


@dataclass(frozen=True)
class VerdictModel:
    """One verdict's logistic regression over named features, and its default-view cut."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    intercept: float
    cut: float
    fitted: Mapping[str, Any] = field(default_factory=dict)  # what it was fitted on, and its dev numbers

    def probability(self, x: Mapping[str, float]) -> float:
        z = self.intercept + sum(w * float(x.get(f, 0.0)) for f, w in zip(self.features, self.weights))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@dataclass(frozen=True)
class Calibration:
    models: Mapping[str, VerdictModel]

    def to_dict(self) -> dict[str, Any]:
        return {v: {"features": list(m.features), "weights": [round(w, 6) for w in m.weights],
                    "intercept": round(m.intercept, 6), "cut": round(m.cut, 4), "fitted": dict(m.fitted)}
                for v, m in self.models.items()}


def _check_model(path: str, verdict: str, raw: Any) -> VerdictModel:
    from .io import InputError

    if not isinstance(raw, dict):
        raise InputError(path, f"{verdict!r} must be an object")
    feats, weights = raw.get("features"), raw.get("weights")
    if not isinstance(feats, list) or not isinstance(weights, list) or len(feats) != len(weights):
        raise InputError(path, f"{verdict!r}: features and weights must be lists of one length")
    nums = [*weights, raw.get("intercept"), raw.get("cut")]
    if not all(isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x) for x in nums):
        raise InputError(path, f"{verdict!r}: weights, intercept and cut must be finite numbers")
    if not 0.0 <= raw["cut"] <= 1.0:
        raise InputError(path, f"{verdict!r}: cut must be in [0, 1]")
    return VerdictModel(tuple(map(str, feats)), tuple(map(float, weights)), float(raw["intercept"]), float(raw["cut"]),
                        raw.get("fitted") or {})


def load_calibration(path: str | Path | None = None) -> Calibration | None:
    """The fitted calibration (``claims/confidence.json`` by default); None when there is none."""
    from .io import InputError

    p = Path(path) if path is not None else CONFIDENCE_PATH
    if path is None:
        return _default_calibration()
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(p), "no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(str(p), f"not a confidence file: {e}") from None
    return _parse(str(p), raw)


def _parse(path: str, raw: Any) -> Calibration:
    from .io import InputError

    if not isinstance(raw, dict) or not set(raw) <= set(VERDICTS):
        raise InputError(path, f"expected an object with keys {', '.join(VERDICTS)}")
    return Calibration({v: _check_model(path, v, m) for v, m in raw.items()})


@lru_cache(maxsize=1)
def _default_calibration() -> Calibration | None:
    if not CONFIDENCE_PATH.is_file():
        return None
    return _parse(str(CONFIDENCE_PATH), json.loads(CONFIDENCE_PATH.read_text(encoding="utf-8")))


def apply(pairs: Sequence[Pair], claims: Mapping[str, Claim], langs: Mapping[str, str],
          calibration: Calibration | None) -> list[Pair]:
    """Each pair with its ``confidence`` (verdict pairs; None for neutral) and ``shown`` set. Without a
    calibration for its verdict a pair keeps confidence None and ``shown`` None: only the verdicts a rule
    decided are then shown (``claims.topics.default_view``), the model's alone are leads."""
    out = []
    for p in pairs:
        if p.verdict == "neutral":
            out.append(replace(p, confidence=None, shown=False))
            continue
        model = calibration.models.get(p.verdict) if calibration else None
        if model is None:
            out.append(replace(p, confidence=None, shown=None))
            continue
        a, b = claims[p.a], claims[p.b]
        conf = model.probability(pair_features(p, a, b, langs.get(a.doc), langs.get(b.doc)))
        out.append(replace(p, confidence=conf, shown=conf >= model.cut))
    return out


# --- fitting (scikit-learn; claims eval --fit-confidence) --------------------------------------------


def precision_cut(conf: Sequence[float], correct: Sequence[bool], target: float = TARGET_PRECISION,
                  min_shown: int = MIN_SHOWN, weights: Sequence[float] | None = None) -> float:
    """The lowest cut whose pairs at or above it are at least ``target`` right (weighted by ``weights``: how
    many pairs of the report each stands for), with at least ``min_shown`` of them; 1.0 (nothing shown) when
    no cut reaches the target."""
    w = list(weights) if weights is not None else [1.0] * len(conf)
    rows = sorted(zip(conf, correct, w), key=lambda t: -t[0])
    best, right, total = 1.0, 0.0, 0.0
    for n, (c, ok, wt) in enumerate(rows, 1):
        right += wt * bool(ok)
        total += wt
        last_of_tie = n == len(rows) or rows[n][0] < c
        if last_of_tie and n >= min_shown and right / total >= target:
            best = c
    return float(best)


def fit(rows: Sequence[tuple[str, Mapping[str, float], bool, float]], *, target: float = TARGET_PRECISION,
        sources: Mapping[str, Any] | None = None) -> Calibration:
    """One logistic regression per verdict on ``rows`` of (verdict, features, correct, weight).

    ``weight`` lets a hand-judged random sample of the report's pairs stand for all the pairs it was drawn
    from. Regularised (C=1) and class-balanced off: the probabilities are the point, not the ranking.
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    models = {}
    for verdict in VERDICTS:
        mine = [r for r in rows if r[0] == verdict]
        labels = {bool(r[2]) for r in mine}
        if len(mine) < 10 or len(labels) < 2:
            continue
        names = tuple(sorted({k for r in mine for k in r[1]}))
        x = np.array([[r[1].get(k, 0.0) for k in names] for r in mine])
        y = np.array([bool(r[2]) for r in mine])
        w = np.array([float(r[3]) for r in mine])
        lr = LogisticRegression(C=1.0, max_iter=1000).fit(x, y, sample_weight=w)
        m = VerdictModel(names, tuple(float(v) for v in lr.coef_[0]), float(lr.intercept_[0]), 1.0)
        conf = [m.probability(r[1]) for r in mine]
        cut = precision_cut(conf, y.tolist(), target, weights=w.tolist())
        shown = [(ok, wt) for c, ok, wt in zip(conf, y, w) if c >= cut]
        right = sum(wt for ok, wt in shown if ok)
        fitted = {"n": len(mine), "correct": int(y.sum()), "target_precision": target, "cut": round(float(cut), 4),
                  "dev_shown": len(shown),
                  "dev_shown_precision": round(float(right / sum(wt for _, wt in shown)), 4) if shown else None,
                  **(dict(sources) if sources else {})}
        models[verdict] = replace(m, cut=cut, fitted=fitted)
    return Calibration(models)


def save_calibration(cal: Calibration, path: str | Path | None = None) -> Path:
    from .io import atomic_write

    p = Path(path) if path is not None else CONFIDENCE_PATH
    atomic_write(p, json.dumps(cal.to_dict(), indent=2, ensure_ascii=False) + "\n")
    if path is None:
        _default_calibration.cache_clear()
    return p
