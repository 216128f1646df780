"""Every cut-off the verdict, pairing and topic steps use, in one dataclass, and where it is kept.

Defaults are here; tuned values live in ``claims/thresholds.json``, written by ``claims eval DEV --sweep``
(``claims.evaluate.sweep``) on the project's dev pairs, never on seeds/ or a test split. Applied by
:mod:`claims.verdict`; read by :mod:`claims.pair` (the candidate cut-off) too.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .types import InputError

THRESHOLDS_PATH = Path(__file__).with_name("thresholds.json")


@dataclass(frozen=True)
class Thresholds:
    """Every cut-off the verdict, pairing and topic steps use (all floats in [0, 1])."""

    contradiction: float = 0.5  # min(a->b, b->a) contradiction probability for an NLI contradiction
    entailment: float = 0.5  # mean entailment of both directions for an NLI agreement
    # cosine cut-offs are for multilingual e5 embeddings, whose cosines bunch high (unrelated claims ~0.87)
    quote_identity: float = 0.92  # cosine similarity for "same quote" (with the same speaker)
    same_claim: float = 0.95  # cosine similarity above which two texts state the same claim (stance conflict)
    same_measure: float = 0.9  # cosine similarity above which two quantities may measure the same thing
    quantity_tolerance: float = 0.05  # relative slack around an exact value
    approx_tolerance: float = 0.2  # relative slack around an "approx" value
    candidate: float = 0.8  # least feature score for a candidate pair
    topic: float = 0.95  # neutral pairs at least this similar still join a topic

    def __post_init__(self):
        for f in fields(self):
            v = getattr(self, f.name)
            if not isinstance(v, (int, float)) or isinstance(v, bool) or not 0.0 <= float(v) <= 1.0:
                raise ValueError(f"threshold {f.name} must be a number in [0, 1], got {v!r}")

    def to_dict(self) -> dict[str, float]:
        return {k: float(v) for k, v in asdict(self).items()}


def load_thresholds(path: str | Path | None = None) -> Thresholds:
    """Thresholds from ``path`` (default ``claims/thresholds.json``; defaults when that file is absent).

    Unknown keys raise InputError (a typo must not silently fall back to a default).
    """
    p = Path(path) if path is not None else THRESHOLDS_PATH
    if not p.exists():
        if path is None:
            return Thresholds()
        raise InputError(str(p), "no such file")
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(str(p), f"cannot read thresholds ({e})") from None
    if not isinstance(data, dict):
        raise InputError(str(p), "expected a JSON object of thresholds")
    data = data.get("thresholds", data) if isinstance(data.get("thresholds"), dict) else data
    known = {f.name for f in fields(Thresholds)}
    unknown = sorted(set(data) - known - {"_comment", "source"})
    if unknown:
        raise InputError(str(p), f"unknown thresholds {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    for k, v in data.items():
        if k in known and (isinstance(v, bool) or not isinstance(v, (int, float))):
            raise InputError(str(p), f"threshold {k} must be a number in [0, 1], got {json.dumps(v)}")
    try:
        return Thresholds(**{k: float(v) for k, v in data.items() if k in known})
    except (TypeError, ValueError) as e:
        raise InputError(str(p), str(e)) from None


def save_thresholds(th: Thresholds, path: str | Path | None = None) -> Path:
    from .io import atomic_write

    p = Path(path) if path is not None else THRESHOLDS_PATH
    atomic_write(p, json.dumps(th.to_dict(), indent=2) + "\n")
    return p


