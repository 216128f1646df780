"""Shared fixtures: a deterministic FakeScorer and FakeEmbedder with the real signatures.

FakeScorer.predict(pairs, *, batch_size=32, show_progress_bar=None) -> ndarray (n, 3) in LABELS order
(entailment, neutral, contradiction):
  * an explicit ``table[(premise, hypothesis)] = "contradiction" | "entailment" | "neutral"`` (or a length-3
    row) wins;
  * identical texts (after case/space folding) -> entailment;
  * one text negated ("not", "no", "never", "لا", "لم", "ليس", "ليست", "ينفي"...) and the other not, with
    most words shared -> contradiction;
  * otherwise neutral.
Every call is recorded in ``.calls`` (a list of the pair lists) so tests can count predict calls.

FakeEmbedder.encode(texts, *, batch_size=64, show_progress_bar=None) -> float32 (n, d), L2-normalised:
a bag of hashed word vectors, so texts sharing words are close; ``aliases={text: other_text}`` embeds
``text`` as ``other_text`` (to stand in for cross-lingual similarity).
"""

from __future__ import annotations

import re
import zlib

import numpy as np
import pytest

NEGATIONS = frozenset({"not", "no", "never", "n't", "denies", "denied", "لا", "لم", "لن", "ليس", "ليست", "غير", "نفى", "ينفي"})


def _words(text: str) -> list[str]:
    return re.findall(r"\w+|n't", text.casefold())


class FakeScorer:
    name = "fake-nli"

    def __init__(self, table=None):
        self.table = dict(table or {})
        self.calls: list[list[tuple[str, str]]] = []

    def _row(self, p: str, h: str) -> list[float]:
        if (p, h) in self.table:
            v = self.table[(p, h)]
            if isinstance(v, str):
                return {"entailment": [0.9, 0.08, 0.02], "neutral": [0.1, 0.8, 0.1], "contradiction": [0.02, 0.08, 0.9]}[v]
            return [float(x) for x in v]
        wp, wh = _words(p), _words(h)
        if wp == wh:
            return [0.95, 0.04, 0.01]
        np_, nh = bool(NEGATIONS & set(wp)), bool(NEGATIONS & set(wh))
        sp, sh = set(wp) - NEGATIONS, set(wh) - NEGATIONS
        overlap = len(sp & sh) / max(1, len(sp | sh))
        if np_ != nh and overlap >= 0.5:
            return [0.03, 0.07, 0.90]
        if overlap >= 0.8:
            return [0.85, 0.1, 0.05]
        return [0.1, 0.8, 0.1]

    def predict(self, pairs, *, batch_size=32, show_progress_bar=None):
        pairs = [(str(p), str(h)) for p, h in pairs]
        self.calls.append(pairs)
        if not pairs:
            return np.zeros((0, 3), dtype=np.float32)
        return np.asarray([self._row(p, h) for p, h in pairs], dtype=np.float32)


class FakeEmbedder:
    name = "fake-embedder"

    def __init__(self, dim: int = 64, aliases=None):
        self.dim = dim
        self.aliases = dict(aliases or {})
        self.calls = 0

    def _vec(self, word: str) -> np.ndarray:
        rng = np.random.default_rng(zlib.crc32(word.encode("utf-8")))
        return rng.standard_normal(self.dim).astype(np.float32)

    def encode(self, texts, *, batch_size=64, show_progress_bar=None):
        self.calls += 1
        texts = [str(t) for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in _words(self.aliases.get(t, t)):
                if w not in NEGATIONS:
                    out[i] += self._vec(w)
            n = np.linalg.norm(out[i])
            out[i] = out[i] / n if n > 0 else self._vec("\0empty") / np.linalg.norm(self._vec("\0empty"))
        return out


@pytest.fixture
def fake_scorer():
    return FakeScorer()


@pytest.fixture
def fake_embedder():
    return FakeEmbedder()
