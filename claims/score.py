"""Stage 4, score: natural-language-inference probabilities for (premise, hypothesis) pairs.

:class:`NLIScorer` follows ``sentence_transformers.CrossEncoder.predict``: ``predict(pairs) -> (n, 3)``
probabilities in the column order ``claims.types.LABELS`` (entailment, neutral, contradiction). Scoring
never decides: thresholds are applied later, by :mod:`claims.verdict`.

Inside ``predict``:

1. cached pairs are looked up in an on-disk SQLite cache keyed by model and text, so a re-run scores
   nothing twice;
2. the rest are tokenized once, sorted by length and cut into batches padded only to their own longest
   pair (dynamic padding);
3. the forward pass runs under ``torch.inference_mode()`` on all the CPU threads torch was given, in
   bfloat16 autocast where the CPU does bfloat16 natively (AMX or AVX512-BF16; about 2.5x faster here,
   probabilities within about 0.01 of float32), else in float32 (``precision`` chooses);
4. softmax, columns re-ordered from the model's own ``id2label`` (checkpoints order their labels
   differently), rows restored to input order.

Pairs longer than the model's window are split into sentences: every premise sentence is scored against
the hypothesis and the rows are aggregated (the strongest entailment if it beats the strongest
contradiction, else the strongest contradiction; SummaC-ZS style).

``model=None`` is the embedded model (:mod:`claims.embedded`, offline); anything else is a Hugging Face
model id or a local folder, loaded from safetensors only, with ``trust_remote_code`` off.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import struct
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from .cache import BlobCache
from .modeling import ModelLoadError, check_batch_size, local_weights_digest, padded_batches
from .modeling import first_line as _first_line
from .modeling import quiet_hf as _quiet_hf
from .types import LABELS

_SYNONYMS = {
    "entailment": "entailment", "entailed": "entailment", "entails": "entailment", "entail": "entailment",
    "neutral": "neutral",
    "contradiction": "contradiction", "contradicts": "contradiction", "contradict": "contradiction",
    "contradictory": "contradiction",
}
_SENTENCE = re.compile(r"[^.!?؟。！？\n]+[.!?؟。！？]*[\"”»’']?\s*|\n+")


class ModelLabelError(ValueError):
    """The model's id2label does not name entailment, neutral and contradiction."""


def label_columns(id2label: dict) -> list[int]:
    """Model output column for each of LABELS, read from ``config.id2label``.

    >>> label_columns({0: "CONTRADICTION", 1: "NEUTRAL", 2: "ENTAILMENT"})
    [2, 1, 0]
    """
    found: dict[str, int] = {}
    for idx, name in id2label.items():
        key = _SYNONYMS.get(str(name).strip().lower().replace("_", " ").split()[0] if str(name).strip() else "")
        if key and key not in found:
            found[key] = int(idx)
    missing = [name for name in LABELS if name not in found]
    if missing:
        names = ", ".join(str(v) for _, v in sorted(id2label.items(), key=lambda kv: int(kv[0])))
        raise ModelLabelError(
            f"cannot find {'/'.join(missing)} among the model's labels ({names}); "
            "an NLI model with entailment, neutral and contradiction labels is needed"
        )
    return [found[name] for name in LABELS]


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` (Latin, Arabic and CJK end marks and line breaks), whitespace trimmed."""
    parts = [m.group().strip() for m in _SENTENCE.finditer(text)]
    return [p for p in parts if p] or [text]


# ------------------------------------------------------------------------------------------ score cache


class ScoreCache(BlobCache):
    """SQLite table (model key, sha256 of the pair) -> three float32 probabilities in LABELS order."""

    def __init__(self, path: Path):
        super().__init__(path, "scores", "pair")

    @staticmethod
    def key(premise: str, hypothesis: str) -> bytes:
        return hashlib.sha256(premise.encode("utf-8") + b"\x00" + hypothesis.encode("utf-8")).digest()

    def get(self, model: str, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        return {k: np.array(struct.unpack("<3f", v), dtype=np.float32) for k, v in self.get_raw(model, keys).items()
                if len(v) == 12}

    def put(self, model: str, items: Iterable[tuple[bytes, np.ndarray]]) -> None:
        self.put_raw(model, [(k, struct.pack("<3f", *map(float, v))) for k, v in items])


# ----------------------------------------------------------------------------------------------- scorer


def valid_probabilities(rows: np.ndarray) -> np.ndarray:
    """Boolean mask of the rows that are probabilities: finite, in [0, 1], summing to 1 (within 1e-3)."""
    rows = np.asarray(rows, dtype=np.float64)
    if rows.ndim != 2 or rows.shape[1] != 3:
        return np.zeros(len(rows), dtype=bool)
    finite = np.isfinite(rows).all(axis=1)
    safe = np.where(np.isfinite(rows), rows, -1.0)
    return finite & (safe >= 0).all(axis=1) & (safe <= 1).all(axis=1) & (np.abs(safe.sum(axis=1) - 1.0) <= 1e-3)


def native_bf16() -> bool:
    """Whether this machine does bfloat16 natively (a CUDA GPU, or a CPU with AMX or AVX512-BF16).

    Read from /proc/cpuinfo where there is one and no GPU driver, so a fully cached run never imports torch.
    """
    cpuinfo = Path("/proc/cpuinfo")
    gpu = Path("/dev/nvidia0").exists() or Path("/proc/driver/nvidia").exists()
    if cpuinfo.is_file() and not gpu:
        try:
            flags = set(cpuinfo.read_text(errors="replace").split())
        except OSError:
            flags = set()
        return bool({"amx_bf16", "avx512_bf16"} & flags)
    import torch

    return torch.cuda.is_available() or torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported()


PRECISIONS = ("auto", "fp32", "bf16")


class NLIScorer:
    """Three-way NLI scorer.

    >>> scorer = NLIScorer()                      # the embedded multilingual model, offline
    >>> scorer.predict([("Meta hired eight OpenAI researchers.", "Meta hired nobody from OpenAI.")])
    array([[0.01, 0.02, 0.97]], dtype=float32)    # entailment, neutral, contradiction

    ``model``: ``None`` (embedded), a Hugging Face id or a local folder. ``cache_dir``: where scores are
    cached (default: the claims cache folder, ``$CLAIMS_CACHE``); ``use_cache=False`` turns the cache off.
    ``max_length``: longest pair, in tokens, scored in one piece; longer pairs are scored sentence by sentence.
    ``precision``: ``"auto"`` (bfloat16 autocast where the machine does bfloat16 natively, else float32),
    ``"fp32"`` or ``"bf16"``; :attr:`resolved_precision` says which one ``auto`` chose.

    Cached scores are looked up before anything is loaded: a run whose pairs are all cached never loads
    the model (nor imports torch, for the embedded model or a local folder).
    """

    def __init__(self, model: str | os.PathLike | None = None, *, cache_dir: str | os.PathLike | None = None,
                 use_cache: bool = True, max_length: int = 256, device: str | None = None,
                 precision: str = "auto"):
        if precision not in PRECISIONS:
            raise ValueError(f"precision must be 'auto', 'fp32' or 'bf16', not {precision!r}")
        if isinstance(max_length, bool) or not isinstance(max_length, int) or max_length < 8:
            raise ValueError(f"max_length must be a whole number of at least 8, not {max_length!r}")
        self.precision = precision
        self.model_arg = None if model is None else str(model)
        self.max_length = int(max_length)
        self.device = device
        self.use_cache = use_cache
        self.cache_dir = cache_dir
        self._model = None
        self._tokenizer = None
        self._columns: list[int] | None = None
        self._cache: ScoreCache | None = None
        self._key: str | None = None

    @property
    def name(self) -> str:
        return self.model_arg or "embedded:nli-e5-small"

    @property
    def resolved_precision(self) -> str:
        """``fp32`` or ``bf16``: the arithmetic this scorer uses (``auto`` resolved for this machine)."""
        if self.precision == "auto":
            on_gpu = (self.device or "").startswith("cuda")
            self.precision = "bf16" if on_gpu or (self.device in (None, "cpu") and native_bf16()) else "fp32"
        return self.precision

    # -- loading

    def _path(self) -> str:
        return self.model_arg if self.model_arg is not None else "(embedded)"

    def load(self) -> "NLIScorer":
        """Load tokenizer and model now (``predict`` does it on first use)."""
        if self._model is not None:
            return self
        import torch

        if self.model_arg is None:
            from .embedded import load_nli, load_tokenizer

            self._tokenizer, model = _quiet_hf(lambda: (load_tokenizer(), load_nli()))
        else:
            model = self._load_hf(self.model_arg)
        try:
            self._columns = label_columns(model.config.id2label)
        except ModelLabelError as exc:
            raise ModelLoadError(self._path(), str(exc)) from None
        device = self.device or ("cuda" if torch.cuda.is_available() else "cpu")
        self._model = model.to(device).eval()
        self.resolved_precision  # noqa: B018 - resolve "auto" now that the device is known
        if self._key is None:
            self._key = self._model_key()
        return self

    def _load_hf(self, path: str):
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        def load():
            self._tokenizer = AutoTokenizer.from_pretrained(path, trust_remote_code=False)
            return AutoModelForSequenceClassification.from_pretrained(path, use_safetensors=True, trust_remote_code=False)

        try:
            return _quiet_hf(load)
        except (OSError, ValueError) as exc:
            raise ModelLoadError(path, f"cannot load an NLI model ({_first_line(exc)})") from None

    def _model_key(self) -> str:
        """What cached scores are filed under: the model's exact weights, max_length and precision.

        Known without loading anything for the embedded model and local folders."""
        tail = f"{self.max_length}@{self.resolved_precision}"
        if self.model_arg is None:
            from .embedded import nli_weights_key

            return f"{self.name}@{nli_weights_key()[:16]}@{tail}"
        digest = local_weights_digest(self.model_arg)  # a local folder: its exact weights
        if digest:
            return f"{self.name}@{digest}@{tail}"
        self.load()  # a hub id: its commit hash is known once loaded
        return f"{self.name}@{getattr(self._model.config, '_commit_hash', None)}@{tail}"

    def _score_cache(self, create: bool = True) -> ScoreCache | None:
        """The score cache; with ``create=False`` only one that exists already (a lookup creates nothing)."""
        if not self.use_cache:
            return None
        if self._cache is None:
            from .embedded import cache_root

            root = Path(self.cache_dir).expanduser() if self.cache_dir else cache_root()
            if not create and not (root / "scores.sqlite").is_file():
                return None
            try:
                self._cache = ScoreCache(root / "scores.sqlite")
            except (OSError, sqlite3.Error):
                self.use_cache = False  # an unwritable cache never stops scoring
                return None
        return self._cache

    # -- predicting

    def predict(self, pairs: Sequence[tuple[str, str]], *, batch_size: int = 32,
                show_progress_bar: bool | None = None) -> np.ndarray:
        """(n, 3) float32 probabilities, columns entailment, neutral, contradiction.

        ``batch_size`` must be at least 1 (ValueError otherwise). Only rows that are real probabilities
        (finite, summing to 1) are stored in the cache; a model that returns anything else raises.
        """
        batch_size = check_batch_size(batch_size)
        pairs = [(str(p), str(h)) for p, h in pairs]
        out = np.zeros((len(pairs), 3), dtype=np.float32)
        if not pairs:
            return out
        cache = self._score_cache(create=False)
        if cache and self._key is None:
            self._key = self._model_key()
        keys = [ScoreCache.key(p, h) for p, h in pairs]
        try:
            known = cache.get(self._key, list(set(keys))) if cache else {}
        except sqlite3.Error:
            known = {}
        if known:  # rows that are not probabilities (an old bug's zeros) are scored again
            ok = valid_probabilities(np.stack(list(known.values())))
            known = {k: v for (k, v), good in zip(known.items(), ok) if good}
        todo_index: dict[bytes, int] = {}
        todo: list[tuple[str, str]] = []
        for k, pair in zip(keys, pairs):
            if k not in known and k not in todo_index:
                todo_index[k] = len(todo)
                todo.append(pair)
        if todo:
            self.load()
            fresh = self._predict_uncached(todo, batch_size, show_progress_bar)
            ok = valid_probabilities(fresh)
            if not ok.all():
                bad = int(np.flatnonzero(~ok)[0])
                raise ValueError(f"{self.name}: the model returned {fresh[bad].tolist()} for pair {bad}, not probabilities")
            cache = cache or self._score_cache()
            if cache:
                try:
                    cache.put(self._key, zip(todo_index, fresh))
                except sqlite3.Error:
                    pass
            for k, i in todo_index.items():
                known[k] = fresh[i]
        for row, k in enumerate(keys):
            out[row] = known[k]
        return out

    def _predict_uncached(self, pairs, batch_size, show_progress_bar) -> np.ndarray:
        tok = self._tokenizer
        # verbose=False: pairs over the window are split below, so the "indexing errors" warning is wrong here
        enc = tok([p for p, _ in pairs], [h for _, h in pairs], add_special_tokens=True, truncation=False,
                  verbose=False)["input_ids"]
        units: list[tuple[int, list[int]]] = []  # (pair index, token ids)
        long_pairs = []
        for i, ids in enumerate(enc):
            if len(ids) <= self.max_length:
                units.append((i, ids))
            else:
                long_pairs.append(i)
        # long pairs: every premise sentence against the hypothesis (both truncated to fit)
        for i in long_pairs:
            premise, hypothesis = pairs[i]
            sentences = split_sentences(premise)
            sub = tok(sentences, [hypothesis] * len(sentences), truncation="longest_first",
                      max_length=self.max_length)["input_ids"]
            units.extend((i, ids) for ids in sub)
        probs = self._forward([ids for _, ids in units], batch_size, show_progress_bar)
        out = np.zeros((len(pairs), 3), dtype=np.float32)
        groups: dict[int, list[np.ndarray]] = {}
        for (i, _), row in zip(units, probs):
            groups.setdefault(i, []).append(row)
        for i, rows in groups.items():
            out[i] = rows[0] if len(rows) == 1 else _aggregate(np.stack(rows))
        return out

    def _forward(self, sequences: list[list[int]], batch_size: int, show_progress_bar) -> np.ndarray:
        import torch

        probs = np.zeros((len(sequences), 3), dtype=np.float32)
        pad = self._tokenizer.pad_token_id if self._tokenizer.pad_token_id is not None else 0
        device = next(self._model.parameters()).device
        bar = None
        if show_progress_bar and len(sequences) > batch_size:
            from tqdm import tqdm

            bar = tqdm(total=len(sequences), desc="score", unit="pair", file=sys.stderr)
        autocast = torch.autocast(device.type, dtype=torch.bfloat16, enabled=self.resolved_precision == "bf16")
        with torch.inference_mode(), autocast:
            for idx, ids, mask in padded_batches(sequences, batch_size, pad):
                logits = self._model(input_ids=ids.to(device), attention_mask=mask.to(device)).logits
                probs[idx] = torch.softmax(logits.float(), dim=-1)[:, self._columns].cpu().numpy()
                if bar is not None:
                    bar.update(len(idx))
        if bar is not None:
            bar.close()
        return probs


def _aggregate(rows: np.ndarray) -> np.ndarray:
    """One row for a premise scored sentence by sentence: the strongest entailment if it beats the
    strongest contradiction, else the strongest contradiction."""
    e, c = rows[:, 0].argmax(), rows[:, 2].argmax()
    return rows[e] if rows[e, 0] >= rows[c, 2] else rows[c]


# --------------------------------------------------------------------------------------- records API


def score(records: Iterable[dict], *, model: str | None = None, scorer: NLIScorer | None = None,
          batch_size: int = 32, both_directions: bool = False, progress: bool = False,
          precision: str = "auto") -> list[dict]:
    """Score ``{"premise", "hypothesis", ...}`` records; other fields pass through.

    Each output record adds ``label`` (the most probable of LABELS) and ``scores`` (a dict of the three
    probabilities); with ``both_directions`` also ``label_reverse`` and ``scores_reverse`` (hypothesis ->
    premise), scored in the same call.
    """
    batch_size = check_batch_size(batch_size)
    records = list(records)
    if not records:
        return []
    scorer = scorer or NLIScorer(model, precision=precision)
    pairs = [(r["premise"], r["hypothesis"]) for r in records]
    if both_directions:
        pairs += [(h, p) for p, h in pairs]
    probs = scorer.predict(pairs, batch_size=batch_size, show_progress_bar=progress)
    n = len(records)
    out = []
    for i, record in enumerate(records):
        row = dict(record)
        row["label"], row["scores"] = _labelled(probs[i])
        if both_directions:
            row["label_reverse"], row["scores_reverse"] = _labelled(probs[n + i])
        out.append(row)
    return out


def _labelled(row: np.ndarray) -> tuple[str, dict[str, float]]:
    return LABELS[int(np.argmax(row))], {name: round(float(v), 6) for name, v in zip(LABELS, row)}
