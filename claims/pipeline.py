"""``check``: documents in, Report out (extract -> candidates -> NLI both ways -> decide -> topics)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

import numpy as np

from .types import Document, Report


def package_version() -> str:
    try:
        from . import __version__

        return str(__version__)
    except ImportError:
        pass
    try:
        from importlib.metadata import version

        return version("claims")
    except Exception:  # noqa: BLE001 - not installed: still report something
        return "unknown"


def check(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    scorer=None,
    embedder=None,
    thresholds=None,
    progress: bool = False,
    k: int = 20,
    precision: str = "auto",
    calibration=None,
) -> Report:
    """Extract claims, pair them, score every candidate a -> b, and b -> a where that leaves the verdict open, decide, group.

    ``scorer`` (anything with ``predict(pairs, batch_size=, show_progress_bar=) -> (n, 3)``) defaults to
    ``NLIScorer(model)``; ``embedder`` (``encode(texts) -> L2-normalised rows``) to ``Embedder()``;
    ``thresholds`` to ``load_thresholds()`` (claims/thresholds.json). ``precision`` (``auto``, ``fp32``,
    ``bf16``) is the default scorer's arithmetic; the one used is recorded in ``meta["precision"]``.
    ``k``: nearest neighbours per claim (at least 1). ``calibration`` (a ``claims.confidence.Calibration``;
    default ``claims/confidence.json``; ``False`` for none) sets each pair's confidence and whether the
    default view shows it.
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"k must be a whole number of at least 1, not {k!r}")
    from .extract import extract
    from .topics import build_topics
    from .confidence import apply as apply_confidence
    from .confidence import load_calibration
    from .verdict import load_thresholds

    docs = tuple(documents)
    th = thresholds if thresholds is not None else load_thresholds()
    claims = tuple(extract(docs, progress=progress))
    n = len(claims)
    if scorer is None:
        from .score import NLIScorer

        scorer = NLIScorer(model, precision=precision)
    if embedder is None and n >= 2:
        from .embed import Embedder

        embedder = Embedder()
    if progress:
        print(f"{n} claims from {len(docs)} documents; pairing", file=sys.stderr)
    lang_of = {d.id: d.lang for d in docs}
    pairing: dict[str, Any] = {}
    pairs = judged_pairs(claims, docs, embedder, scorer, th, k=k, progress=progress, stats=pairing)
    pairs, topics = build_topics(claims, pairs, th, docs)
    calibration = load_calibration() if calibration is None else calibration
    pairs = apply_confidence(pairs, {c.id: c for c in claims}, lang_of, calibration or None)
    meta: dict[str, Any] = {
        "generator": "claims",  # first, so that write_report knows its own files by their first lines
        "version": package_version(),
        "model": getattr(scorer, "name", None) or model or type(scorer).__name__,
        "precision": getattr(scorer, "resolved_precision", None),
        "embedder": getattr(embedder, "name", None) or (type(embedder).__name__ if embedder is not None else None),
        "thresholds": th.to_dict(),
        "confidence_cuts": {v: vm.cut for v, vm in calibration.models.items()} if calibration else None,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "counts": {
            "documents": len(docs),
            "claims": n,
            "pairs_scored": len(pairs),
            "pairs_possible": n * (n - 1) // 2,
            "contradictions": sum(p.verdict == "contradiction" for p in pairs),
            "agreements": sum(p.verdict == "agreement" for p in pairs),
            "topics": len(topics),
        },
        "pairing": pairing,  # pairs each candidate channel proposed, pairs kept, scored pairs per claim (mean, max)
    }
    return Report(meta=meta, documents=docs, claims=claims, pairs=tuple(pairs), topics=tuple(topics))


def judged_pairs(claims: tuple, docs: tuple, embedder, scorer, th, *, k: int, progress: bool = False,
                 stats: dict[str, Any] | None = None) -> list:
    """Candidate pairs (``pair.candidates``), scored a -> b and, where that leaves the verdict open, b -> a (:func:`score_both_ways`), each decided
    (``verdict.decide``) with its anchors, dates and whether the two claims are each other's translation."""
    from .pair import _normalised, anchors, candidates, centred, mutual_language_neighbours
    from .verdict import decide

    n = len(claims)
    if n < 2:
        return []
    lang_of = {d.id: d.lang for d in docs}
    langs = [lang_of.get(c.doc) for c in claims]
    vectors = _normalised(np.asarray(embedder.encode([c.text for c in claims]), dtype=np.float32))
    cands = candidates(claims, embedder, k=k, min_score=th.candidate, langs=langs, vectors=vectors, stats=stats)
    translated = mutual_language_neighbours(centred(vectors, langs), langs, [c.doc for c in claims])
    fwd, bwd = score_both_ways(scorer, [(claims[i].text, claims[j].text) for i, j, _ in cands], progress=progress,
                               stats=stats)
    dates = {d.id: d.date for d in docs}
    ties = anchors(claims, {d.id: d.text for d in docs}) if cands else []
    pairs = []
    for (i, j, sim), fwd, bwd in zip(cands, fwd, bwd):
        a, b = claims[i], claims[j]
        anchored = True if a.doc == b.doc else bool(ties[i] & ties[j])  # one article is one story
        pairs.append(decide(a, b, fwd, bwd, thresholds=th, dates=(dates.get(a.doc), dates.get(b.doc)), similarity=sim,
                            anchored=anchored, translated=(i, j) in translated))
    return pairs


BACKWARD_SKIP_NEUTRAL = 0.8  # forward neutral at least this: the reverse direction is not scored


def score_both_ways(scorer, texts: list[tuple[str, str]], *, progress: bool = False,
                    stats: dict[str, Any] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """NLI scores a -> b for every pair, and b -> a only where a -> b leaves the verdict open.

    When the forward direction is at least ``BACKWARD_SKIP_NEUTRAL`` neutral, its contradiction and
    entailment are both at most 0.2, so no two-way contradiction, no mean entailment at the thresholds and no
    one-way contradiction can come from the model: the reverse is taken to be the same (symmetric), and not
    scored. What it saves and what it changes are measured in the README (Benchmarks: the 50 articles).
    """
    def predict(batch):
        out = np.asarray(scorer.predict(batch, show_progress_bar=progress) if batch else np.zeros((0, 3)), dtype=float)
        if out.shape != (len(batch), 3):
            raise ValueError(f"scorer returned shape {out.shape}, expected {(len(batch), 3)}")
        return out

    fwd = predict(texts)
    open_ = np.flatnonzero(fwd[:, 1] < BACKWARD_SKIP_NEUTRAL) if len(fwd) else np.zeros(0, dtype=int)
    bwd = fwd.copy()
    if len(open_):
        bwd[open_] = predict([(texts[t][1], texts[t][0]) for t in open_.tolist()])
    if stats is not None:
        stats.update(nli_calls=int(len(texts) + len(open_)), backward_scored=int(len(open_)))
    return fwd, bwd
