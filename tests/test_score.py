"""Stage 4, score: label columns, sentence splitting, the score cache, NLIScorer and score().

Most tests use a tiny random BertForSequenceClassification (hidden 32, 2 layers) with a word-level
tokenizer, written to tmp_path, so they run in well under a second each. The tests marked ``slow`` load
the real embedded model (from the default cache, built on first use).
"""

from __future__ import annotations

import json
import sqlite3

import numpy as np
import pytest

from claims.score import ModelLabelError, ModelLoadError, NLIScorer, ScoreCache, _aggregate, label_columns, score, split_sentences
from claims.types import LABELS

# ------------------------------------------------------------------------------------------ label_columns


@pytest.mark.parametrize(
    "id2label, expected",
    [
        ({0: "CONTRADICTION", 1: "NEUTRAL", 2: "ENTAILMENT"}, [2, 1, 0]),
        ({0: "entailment", 1: "neutral", 2: "contradiction"}, [0, 1, 2]),
        ({"0": "contradiction", "1": "entailment", "2": "neutral"}, [1, 2, 0]),  # string keys, as in config.json
        ({0: "neutral", 1: "Contradiction", 2: "Entailment"}, [2, 0, 1]),
        ({0: "entailed", 1: "neutral", 2: "contradicts"}, [0, 1, 2]),  # synonyms
    ],
)
def test_label_columns_orders(id2label, expected):
    assert label_columns(id2label) == expected


@pytest.mark.parametrize(
    "id2label, missing",
    [
        ({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}, "entailment/neutral/contradiction"),
        ({0: "entailment", 1: "not_entailment"}, "neutral/contradiction"),
    ],
)
def test_label_columns_rejects_non_nli_labels(id2label, missing):
    with pytest.raises(ModelLabelError) as info:
        label_columns(id2label)
    message = str(info.value)
    assert missing in message
    for name in id2label.values():  # names the labels it found
        assert name in message
    assert isinstance(info.value, ValueError)


# ---------------------------------------------------------------------------------------- split_sentences


def test_split_sentences_english():
    text = "Meta hired eight researchers. OpenAI lost four!  Was it a raid? \"Yes.\" Done"
    assert split_sentences(text) == [
        "Meta hired eight researchers.", "OpenAI lost four!", "Was it a raid?", '"Yes."', "Done",
    ]


def test_split_sentences_arabic():
    text = "استقال ثمانية باحثين من أوبن إيه آي. هل انتقلوا إلى ميتا؟ نعم"
    assert split_sentences(text) == ["استقال ثمانية باحثين من أوبن إيه آي.", "هل انتقلوا إلى ميتا؟", "نعم"]


def test_split_sentences_chinese_and_line_breaks():
    assert split_sentences("八名研究人员离职。他们加入了Meta。") == ["八名研究人员离职。", "他们加入了Meta。"]
    assert split_sentences("first line\nsecond line\n\n") == ["first line", "second line"]


def test_split_sentences_never_empty():
    assert split_sentences("no end mark") == ["no end mark"]
    assert split_sentences("   ") == ["   "]  # nothing to split: the text itself comes back


# -------------------------------------------------------------------------------------------- _aggregate


def test_aggregate_prefers_strongest_entailment_when_it_beats_contradiction():
    rows = np.array([[0.1, 0.8, 0.1], [0.9, 0.05, 0.05], [0.2, 0.1, 0.7]], dtype=np.float32)
    assert np.array_equal(_aggregate(rows), rows[1])


def test_aggregate_else_strongest_contradiction():
    rows = np.array([[0.6, 0.3, 0.1], [0.1, 0.1, 0.8], [0.05, 0.2, 0.75]], dtype=np.float32)
    assert np.array_equal(_aggregate(rows), rows[1])


def test_aggregate_all_neutral_rows():
    rows = np.array([[0.1, 0.8, 0.1], [0.2, 0.7, 0.1], [0.05, 0.9, 0.05]], dtype=np.float32)
    # the strongest entailment (0.2) beats the strongest contradiction (0.1)
    assert np.array_equal(_aggregate(rows), rows[1])


# -------------------------------------------------------------------------------------------- ScoreCache


def test_score_cache_round_trip(tmp_path):
    path = tmp_path / "sub" / "scores.sqlite"
    cache = ScoreCache(path)
    k1, k2, k3 = ScoreCache.key("a", "b"), ScoreCache.key("b", "a"), ScoreCache.key("a", "c")
    assert len({k1, k2, k3}) == 3
    assert ScoreCache.key("ab", "") != ScoreCache.key("a", "b")  # the separator keeps the texts apart
    cache.put("model-1", [(k1, np.array([0.7, 0.2, 0.1])), (k2, np.array([0.1, 0.1, 0.8]))])
    got = cache.get("model-1", [k1, k2, k3])
    assert set(got) == {k1, k2}
    assert np.allclose(got[k1], [0.7, 0.2, 0.1]) and got[k1].dtype == np.float32
    assert np.allclose(got[k2], [0.1, 0.1, 0.8])
    assert cache.get("model-2", [k1, k2]) == {}  # keyed by model
    cache.put("model-1", [(k1, np.array([0.0, 1.0, 0.0]))])  # replaced, not duplicated
    reopened = ScoreCache(path)
    assert np.allclose(reopened.get("model-1", [k1])[k1], [0.0, 1.0, 0.0])
    assert cache.get("model-1", []) == {}


def test_score_cache_many_keys(tmp_path):
    cache = ScoreCache(tmp_path / "scores.sqlite")
    items = [(ScoreCache.key(str(i), "h"), np.array([i, 0, 0], dtype=np.float32)) for i in range(1203)]
    cache.put("m", items)
    got = cache.get("m", [k for k, _ in items])  # more keys than one SQL chunk (500)
    assert len(got) == 1203
    assert all(got[k][0] == v[0] for k, v in items)


# ---------------------------------------------------------------------------------- a tiny random model

WORDS = ("meta hired eight nobody four openai researchers from the company said it was sunny today in paris "
         "profit loss minister resigned did not a man is playing guitar . ! ?").split()


def _save_tiny_model(folder, id2label, seed=0):
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]
    vocab = {w: i for i, w in enumerate(specials + list(dict.fromkeys(WORDS)))}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])],
    )
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="[PAD]", unk_token="[UNK]",
                                   cls_token="[CLS]", sep_token="[SEP]")
    fast.save_pretrained(folder)
    torch.manual_seed(seed)
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=128, pad_token_id=0,
                        id2label=dict(id2label), label2id={v: k for k, v in id2label.items()})
    model = BertForSequenceClassification(config).eval()
    with torch.no_grad():  # spread the logits so that the three columns are clearly different
        model.classifier.weight.normal_(0.0, 2.0)
        model.classifier.bias.copy_(torch.tensor([0.3, -0.2, 0.1]))
    model.save_pretrained(folder, safe_serialization=True)
    return folder


SHUFFLED = {0: "contradiction", 1: "entailment", 2: "neutral"}


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    return _save_tiny_model(tmp_path_factory.mktemp("tiny-nli"), SHUFFLED)


def tiny_scorer(folder, tmp_path, **kw):
    kw.setdefault("cache_dir", tmp_path / "cache")
    kw.setdefault("precision", "fp32")
    return NLIScorer(folder, **kw)


def raw_probs(folder, pairs):
    """The model's own softmax, in its own column order, one pair at a time (no padding)."""
    import torch
    from transformers import AutoTokenizer, BertForSequenceClassification

    tok = AutoTokenizer.from_pretrained(folder)
    model = BertForSequenceClassification.from_pretrained(folder).eval()
    rows = []
    with torch.no_grad():
        for p, h in pairs:
            enc = tok(p, h, return_tensors="pt")
            logits = model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).logits
            rows.append(torch.softmax(logits, -1)[0].numpy())
    return np.stack(rows)


PAIRS = [
    ("meta hired eight openai researchers .", "meta hired nobody from openai ."),
    ("the minister resigned .", "the minister did not resign ."),
    ("a man is playing a guitar", "a man is playing"),
    ("it was sunny today in paris !", "the company said it was a loss ?"),
    ("profit", "loss"),
    ("meta hired eight openai researchers from the company .", "four"),
]


def test_tiny_model_columns_reordered_from_id2label(tiny_model, tmp_path):
    scorer = tiny_scorer(tiny_model, tmp_path)
    got = scorer.predict(PAIRS)
    raw = raw_probs(tiny_model, PAIRS)  # columns: contradiction, entailment, neutral
    expected = raw[:, [1, 2, 0]]  # -> entailment, neutral, contradiction
    assert got.shape == (len(PAIRS), 3) and got.dtype == np.float32
    assert np.allclose(got, expected, atol=1e-5)
    assert np.allclose(got.sum(1), 1.0, atol=1e-5)
    assert not np.allclose(got, raw, atol=1e-3)  # the permutation matters for this model


def test_tiny_model_empty_input(tiny_model, tmp_path):
    scorer = tiny_scorer(tiny_model, tmp_path)
    out = scorer.predict([])
    assert out.shape == (0, 3)
    assert scorer._model is None  # nothing loaded for nothing to score


def test_tiny_model_rows_in_input_order_and_batch_size_invariant(tiny_model, tmp_path):
    together = tiny_scorer(tiny_model, tmp_path, use_cache=False).predict(PAIRS, batch_size=32)
    one_by_one = np.concatenate([tiny_scorer(tiny_model, tmp_path, use_cache=False).predict([pair]) for pair in PAIRS])
    batch_of_one = tiny_scorer(tiny_model, tmp_path, use_cache=False).predict(PAIRS, batch_size=1)
    batch_of_two = tiny_scorer(tiny_model, tmp_path, use_cache=False).predict(PAIRS[::-1], batch_size=2)[::-1]
    assert np.allclose(together, one_by_one, atol=1e-5)
    assert np.allclose(together, batch_of_one, atol=1e-5)
    assert np.allclose(together, batch_of_two, atol=1e-5)


def test_tiny_model_duplicates_scored_once(tiny_model, tmp_path, monkeypatch):
    scorer = tiny_scorer(tiny_model, tmp_path, use_cache=False)
    seen = []
    original = NLIScorer._predict_uncached

    def spy(self, pairs, batch_size, show_progress_bar):
        seen.append(list(pairs))
        return original(self, pairs, batch_size, show_progress_bar)

    monkeypatch.setattr(NLIScorer, "_predict_uncached", spy)
    out = scorer.predict([PAIRS[0], PAIRS[1], PAIRS[0], PAIRS[0]])
    assert seen == [[PAIRS[0], PAIRS[1]]]
    assert np.array_equal(out[0], out[2]) and np.array_equal(out[0], out[3])


def test_tiny_model_second_predict_hits_the_cache(tiny_model, tmp_path, monkeypatch):
    first = tiny_scorer(tiny_model, tmp_path).predict(PAIRS)
    assert (tmp_path / "cache" / "scores.sqlite").is_file()

    seen = []
    original = NLIScorer._predict_uncached

    def spy(self, pairs, batch_size, show_progress_bar):
        seen.append(list(pairs))
        return original(self, pairs, batch_size, show_progress_bar)

    monkeypatch.setattr(NLIScorer, "_predict_uncached", spy)
    again = tiny_scorer(tiny_model, tmp_path).predict(PAIRS)  # a fresh scorer, same cache folder
    assert seen == []
    assert np.allclose(first, again, atol=1e-6)
    extra = ("a man is playing", "nobody is playing")
    mixed = tiny_scorer(tiny_model, tmp_path).predict([PAIRS[2], extra, PAIRS[0]])
    assert seen == [[extra]]  # only the new pair is scored
    assert np.allclose(mixed[[0, 2]], first[[2, 0]], atol=1e-6)


def test_tiny_model_cache_is_keyed_by_precision(tiny_model, tmp_path, monkeypatch):
    tiny_scorer(tiny_model, tmp_path, precision="fp32").predict(PAIRS[:2])
    calls = []
    monkeypatch.setattr(NLIScorer, "_predict_uncached", lambda self, pairs, *a: calls.append(pairs) or np.full((len(pairs), 3), 1 / 3, np.float32))
    tiny_scorer(tiny_model, tmp_path, precision="bf16").predict(PAIRS[:2])
    assert len(calls) == 1  # a bf16 run does not reuse fp32 scores


def test_tiny_model_use_cache_false_writes_nothing(tiny_model, tmp_path):
    cache_dir = tmp_path / "no-cache"
    out = tiny_scorer(tiny_model, tmp_path, cache_dir=cache_dir, use_cache=False).predict(PAIRS)
    assert out.shape == (len(PAIRS), 3)
    assert not (cache_dir / "scores.sqlite").exists()
    assert not cache_dir.exists()


def test_tiny_model_unwritable_cache_does_not_stop_scoring(tiny_model, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    scorer = tiny_scorer(tiny_model, tmp_path, cache_dir=blocker / "cache")
    out = scorer.predict(PAIRS[:2])
    assert out.shape == (2, 3)
    assert scorer.use_cache is False


def test_tiny_model_long_pairs_scored_sentence_by_sentence(tiny_model, tmp_path):
    hypothesis = "meta hired nobody ."
    sentences = ["meta hired eight openai researchers .", "the minister resigned !", "it was sunny today in paris ?"]
    premise = " ".join(sentences)
    scorer = tiny_scorer(tiny_model, tmp_path, max_length=16, use_cache=False)
    assert len(scorer.load()._tokenizer(premise, hypothesis)["input_ids"]) > 16
    assert all(len(scorer._tokenizer(s, hypothesis)["input_ids"]) <= 16 for s in sentences)
    short = ("profit", "loss")
    out = scorer.predict([short, (premise, hypothesis)])
    assert out.shape == (2, 3)
    per_sentence = scorer.predict([(s, hypothesis) for s in sentences])
    assert np.allclose(out[1], _aggregate(per_sentence), atol=1e-5)
    assert np.allclose(out[0], scorer.predict([short])[0], atol=1e-5)
    assert np.allclose(out.sum(1), 1.0, atol=1e-5)


def test_tiny_model_one_sentence_longer_than_the_window_is_truncated(tiny_model, tmp_path):
    premise = " ".join(["the company said it was a profit"] * 6)  # no sentence end: one long sentence
    scorer = tiny_scorer(tiny_model, tmp_path, max_length=16, use_cache=False)
    out = scorer.predict([(premise, "loss"), (premise + " .", premise)])
    assert out.shape == (2, 3)
    assert np.isfinite(out).all() and np.allclose(out.sum(1), 1.0, atol=1e-5)


def test_model_without_nli_labels_raises(tmp_path):
    # label_columns raises ModelLabelError; NLIScorer.load turns it into a one-line ModelLoadError
    # ("<model>: <problem>", an InputError and an OSError) since commit 6255180.
    folder = _save_tiny_model(tmp_path / "not-nli", {0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"})
    with pytest.raises((ModelLabelError, ModelLoadError)) as info:
        NLIScorer(folder, cache_dir=tmp_path / "cache").predict([("a", "b")])
    message = str(info.value)
    assert "LABEL_0" in message and "entailment" in message
    assert len(message.splitlines()) == 1
    if isinstance(info.value, ModelLoadError):
        assert message.startswith(f"{folder}: ")
    assert not (tmp_path / "cache" / "scores.sqlite").exists()


def test_missing_model_folder_is_a_one_line_oserror(tmp_path):
    missing = tmp_path / "nowhere"
    with pytest.raises(OSError, match="cannot load an NLI model") as info:
        NLIScorer(missing, cache_dir=tmp_path / "cache").load()
    assert str(info.value).startswith(f"{missing}: ") and len(str(info.value).splitlines()) == 1


def test_bad_precision_rejected():
    with pytest.raises(ValueError, match="precision"):
        NLIScorer(precision="fp16")


# ----------------------------------------------------------------------------------------------- score()


def test_score_records_both_directions(tiny_model, tmp_path):
    scorer = tiny_scorer(tiny_model, tmp_path)
    records = [{"id": i, "premise": p, "hypothesis": h, "extra": {"k": [i]}} for i, (p, h) in enumerate(PAIRS)]
    out = score(records, scorer=scorer, both_directions=True)
    forward = scorer.predict(PAIRS)
    backward = scorer.predict([(h, p) for p, h in PAIRS])
    assert len(out) == len(records)
    for i, (record, row) in enumerate(zip(records, out)):
        for key, value in record.items():
            assert row[key] == value  # other fields pass through
        assert "label" not in record  # the input records are not modified
        assert set(row["scores"]) == set(LABELS) and set(row["scores_reverse"]) == set(LABELS)
        assert row["label"] == LABELS[int(np.argmax(forward[i]))]
        assert row["label"] == max(row["scores"], key=row["scores"].get)
        assert row["label_reverse"] == LABELS[int(np.argmax(backward[i]))]
        assert np.allclose([row["scores"][k] for k in LABELS], forward[i], atol=1e-6)
        assert np.allclose([row["scores_reverse"][k] for k in LABELS], backward[i], atol=1e-6)
    json.dumps(out)  # plain JSON types only


def test_score_one_direction_has_no_reverse_fields(tiny_model, tmp_path):
    out = score([{"premise": "profit", "hypothesis": "loss"}], scorer=tiny_scorer(tiny_model, tmp_path))
    assert set(out[0]) == {"premise", "hypothesis", "label", "scores"}


def test_score_empty():
    assert score([]) == []
    assert score(iter([]), both_directions=True) == []


# ------------------------------------------------------------------------------ the real embedded model

# Pairs the embedded model gets right with a clear margin (checked by hand, probabilities >= 0.8 for the
# argmax); none of them comes from the seed articles.
REAL_PAIRS = [
    ("Meta hired eight OpenAI researchers.", "Meta hired nobody from OpenAI.", "contradiction"),
    ("Meta hired eight OpenAI researchers.", "Meta hired four OpenAI researchers.", "contradiction"),
    ("A woman is slicing an onion.", "No woman is slicing an onion.", "contradiction"),
    ("Meta hired eight OpenAI researchers.", "Meta recruited eight researchers from OpenAI.", "entailment"),
    ("Meta hired eight OpenAI researchers.", "Meta hired researchers.", "entailment"),
    ("A man is playing a guitar.", "A man is playing an instrument.", "entailment"),
    ("Meta hired eight OpenAI researchers.", "The researchers were offered large bonuses.", "neutral"),
    ("The company opened a new office in Berlin.", "The company plans to hire more engineers next year.", "neutral"),
    ("استقال ثمانية باحثين من أوبن إيه آي", "استقال أربعة باحثين من أوبن إيه آي", "contradiction"),
    ("استقال ثمانية باحثين من أوبن إيه آي", "لم يستقل أي باحث من أوبن إيه آي", "contradiction"),
    ("امرأة تقطع البصل", "لا توجد امرأة تقطع البصل", "contradiction"),
    ("امرأة تقطع البصل", "امرأة تقطع خضروات", "entailment"),
    ("استقال ثمانية باحثين من أوبن إيه آي", "الطقس مشمس في القاهرة اليوم", "neutral"),
    ("امرأة تقطع البصل", "الطقس مشمس في القاهرة اليوم", "neutral"),
    ("Meta hired eight OpenAI researchers.", "ميتا لم توظف أي باحث من أوبن إيه آي", "contradiction"),  # cross-lingual
]


@pytest.fixture(scope="module")
def real_scorer(tmp_path_factory):
    return NLIScorer(cache_dir=tmp_path_factory.mktemp("real-cache"))


@pytest.mark.slow
def test_real_model_obvious_pairs(real_scorer):
    probs = real_scorer.predict([(p, h) for p, h, _ in REAL_PAIRS])
    assert probs.shape == (len(REAL_PAIRS), 3)
    assert np.allclose(probs.sum(1), 1.0, atol=1e-3)
    wrong = []
    for (p, h, gold), row in zip(REAL_PAIRS, probs):
        got = LABELS[int(np.argmax(row))]
        second = np.sort(row)[-2]
        if got != gold or row.max() - second < 0.3:
            wrong.append((p, h, gold, row.round(3).tolist()))
    assert not wrong, wrong
    assert real_scorer.name == "embedded:nli-e5-small"
    assert (real_scorer.cache_dir / "scores.sqlite").is_file()
    with sqlite3.connect(real_scorer.cache_dir / "scores.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM scores").fetchone()[0] == len(REAL_PAIRS)


@pytest.mark.slow
def test_real_model_long_premise_is_split(real_scorer):
    filler = "The weather in Paris was mild and the trains ran on time. " * 30
    premise = filler + "Meta hired eight OpenAI researchers."
    hypothesis = "Meta hired nobody from OpenAI."
    assert len(real_scorer.load()._tokenizer(premise, hypothesis)["input_ids"]) > real_scorer.max_length
    row = real_scorer.predict([(premise, hypothesis)])[0]
    assert LABELS[int(np.argmax(row))] == "contradiction"


@pytest.mark.slow
def test_cli_score_with_the_real_model(tmp_path, capsys):
    from claims.cli import main

    pairs = tmp_path / "pairs.jsonl"
    rows = [
        {"id": "en", "premise": "Meta hired eight OpenAI researchers.", "hypothesis": "Meta hired nobody from OpenAI.", "note": [1, 2]},
        {"id": "ar", "premise": "استقال ثمانية باحثين من أوبن إيه آي", "hypothesis": "استقال أربعة باحثين من أوبن إيه آي"},
        {"id": "para", "premise": "A man is playing a guitar.", "hypothesis": "A man is playing an instrument."},
    ]
    pairs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    target = tmp_path / "scored.jsonl"
    assert main(["score", str(pairs), "-o", str(target), "--quiet"]) == 0, capsys.readouterr().err
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in out] == ["en", "ar", "para"]
    assert out[0]["note"] == [1, 2] and out[1]["premise"] == rows[1]["premise"]
    assert [r["label"] for r in out] == ["contradiction", "contradiction", "entailment"]
    for r in out:
        assert set(r["scores"]) == set(LABELS)
        assert abs(sum(r["scores"].values()) - 1.0) < 1e-3
        assert "scores_reverse" not in r and "label_reverse" not in r

    both = tmp_path / "both.jsonl"
    assert main(["score", str(pairs), "-o", str(both), "--both-directions", "--batch-size", "2", "--quiet"]) == 0
    out2 = [json.loads(line) for line in both.read_text(encoding="utf-8").splitlines()]
    assert [r["label"] for r in out2] == [r["label"] for r in out]
    for r in out2:
        assert set(r["scores_reverse"]) == set(LABELS)
        assert r["label_reverse"] in LABELS
    assert out2[0]["label_reverse"] == "contradiction"  # "nobody" vs "eight" contradicts either way
