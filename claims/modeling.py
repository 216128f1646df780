"""Model plumbing shared by the scorer (:mod:`claims.score`), the embedder (:mod:`claims.embed`) and the
training recipe: the interfaces the pipeline expects, quiet Hugging Face loading, batch-size checks and
length-sorted, dynamically padded batches.

A scorer or an embedder of your own needs no base class: anything with the methods of :class:`Scorer` or
:class:`Embedder` plugs into ``claims.check(docs, scorer=..., embedder=...)``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from .types import InputError


@runtime_checkable
class Scorer(Protocol):
    """``predict(pairs) -> (n, 3)`` probabilities, columns entailment, neutral, contradiction."""

    def predict(self, pairs: Sequence[tuple[str, str]], *, batch_size: int = 32,
                show_progress_bar: bool | None = None) -> np.ndarray: ...


@runtime_checkable
class Embedder(Protocol):
    """``encode(texts) -> (n, d)`` float32 rows, L2-normalised (a dot product is a cosine)."""

    def encode(self, texts: Sequence[str], *, batch_size: int = 64,
               show_progress_bar: bool | None = None) -> np.ndarray: ...


class ModelLoadError(InputError, OSError):
    """A model given by the user cannot be loaded; ``str(err)`` is ``"<model>: <problem>"``."""


def first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def local_weights_digest(model: str) -> str | None:
    """For a local model folder: 16 hex digits naming its exact weights (the ``claims_weights_sha256`` its
    config.json records, else the config's own digest), which is what cached results are filed under.
    None for anything else (a hub id is named by its commit hash once loaded)."""
    import hashlib
    import json
    from pathlib import Path

    config = Path(model) / "config.json"
    if not config.is_file():
        return None
    meta = json.loads(config.read_text(encoding="utf-8"))
    return (meta.get("claims_weights_sha256") or hashlib.sha256(config.read_bytes()).hexdigest())[:16]


def check_batch_size(batch_size) -> int:
    """``batch_size`` as a positive int, or ValueError (0, -1, 2.5 and True are refused)."""
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) or batch_size < 1:
        raise ValueError(f"batch size must be a whole number of at least 1, not {batch_size!r}")
    return int(batch_size)


def quiet_hf(load):
    """Run ``load()`` with transformers' logging and progress bars off (restored afterwards)."""
    from transformers.utils import logging as hf_logging

    verbosity, bars = hf_logging.get_verbosity(), hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        return load()
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()


def padded_batches(sequences: Sequence[Sequence[int]], batch_size: int, pad: int) -> Iterator[tuple[np.ndarray, object, object]]:
    """``(indexes, input_ids, attention_mask)`` per batch: longest sequences first, each batch padded only to
    its own longest (dynamic padding). ``indexes`` say which input rows the batch holds."""
    import torch

    order = np.argsort([-len(s) for s in sequences], kind="stable")
    for start in range(0, len(order), batch_size):
        idx = order[start : start + batch_size]
        width = len(sequences[idx[0]])
        ids = torch.full((len(idx), width), pad, dtype=torch.long)
        mask = torch.zeros((len(idx), width), dtype=torch.long)
        for r, i in enumerate(idx):
            seq = sequences[i]
            ids[r, : len(seq)] = torch.tensor(seq)
            mask[r, : len(seq)] = 1
        yield idx, ids, mask
