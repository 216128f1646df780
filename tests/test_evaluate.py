"""claims.evaluate: gold formats, label maps, metrics, ECE, outputs, sweep, findings; and the gold set's integrity."""

from __future__ import annotations

import json
import sys
import types
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

import importlib

ev = importlib.import_module("claims.evaluate")  # the module (claims.evaluate is the function)
from claims.types import LABELS, Claim, InputError, Pair, Report

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PAIRS = ROOT / "eval" / "pairs"
FINDINGS = ROOT / "eval" / "findings" / "seeds.jsonl"

NEUTRAL = [0.1, 0.8, 0.1]


class TableScorer:
    """Deterministic fake with the real predict signature: looks scores up by (premise, hypothesis)."""

    name = "fake-table"

    def __init__(self, table=None, default=NEUTRAL):
        self.table = dict(table or {})
        self.default = default
        self.calls = []

    def predict(self, pairs, *, batch_size=32, show_progress_bar=None):
        pairs = list(pairs)
        self.calls.append(pairs)
        return np.array([self.table.get(tuple(p), self.default) for p in pairs], dtype=float).reshape(len(pairs), 3)


@pytest.fixture(autouse=True)
def _fresh_cache():
    ev._SCORE_CACHE.clear()
    yield
    ev._SCORE_CACHE.clear()


@pytest.fixture
def fake_verdict(monkeypatch):
    """A stand-in claims.verdict with one contradiction and one entailment cut-off, so numbers are hand-checkable."""

    @dataclass(frozen=True)
    class Thresholds:
        contradiction: float = 0.5
        entailment: float = 0.5
        name: str = "fake"

    saved = {}

    def decide(a: Claim, b: Claim, forward, backward, *, thresholds, dates=(None, None), similarity=None):
        saved.setdefault("similarities", []).append(similarity)
        avg = [(x + y) / 2 for x, y in zip(forward, backward)]
        if avg[2] >= thresholds.contradiction:
            verdict = "contradiction"
        elif avg[0] >= thresholds.entailment:
            verdict = "agreement"
        else:
            verdict = "neutral"
        return Pair(a.id, b.id, verdict, dict(zip(LABELS, avg)))

    mod = types.ModuleType("claims.verdict")
    mod.Thresholds = Thresholds
    mod.decide = decide
    mod.load_thresholds = lambda path=None: saved.get(str(path), Thresholds())
    mod.save_thresholds = lambda th, path=None: saved.__setitem__(str(path), th)
    mod.saved = saved
    monkeypatch.setitem(sys.modules, "claims.verdict", mod)
    import claims

    monkeypatch.setattr(claims, "verdict", mod, raising=False)
    return mod


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def pair(pid, a, b, label, tags=()):
    return {"id": pid, "a": {"doc": None, "lang": "en", "text": a}, "b": {"doc": None, "lang": "en", "text": b},
            "label": label, "tags": list(tags)}


# --- format detection and label maps -------------------------------------------------------------------


def test_detects_claim_pairs(tmp_path):
    p = write(tmp_path / "g.jsonl", json.dumps(pair("x", "A", "B", "contradict", ["numeric"])) + "\n")
    kind, recs, skipped = ev.load_gold(p)
    assert kind == "pairs" and recs[0]["label"] == "contradict" and skipped == 0


@pytest.mark.parametrize(
    "name, text, label_map, expected",
    [
        ("a.jsonl", '{"premise": "p", "hypothesis": "h", "label": "entailment"}\n', None, "entailment"),
        ("a.json", '[{"sentence1": "p", "sentence2": "h", "gold_label": "contradiction"}]', None, "contradiction"),
        ("ans.csv", "s1,s2,stance\np,h,disagree\n",
         {"agree": "entailment", "disagree": "contradiction", "other": "neutral"}, "contradiction"),
        ("arsick.csv", "t,h,label,relatedness_score,sentence_h_en,sentence_t_en\np,h,0,2.9,x,y\n",
         {"0": "neutral", "1": "entailment", "2": "contradiction"}, "neutral"),
        ("xnli.tsv", "sentence1\tsentence2\tgold_label\np\th\tneutral\n", None, "neutral"),
        ("sick.txt", "pair_ID\tsentence_A\tsentence_B\trelatedness_score\tentailment_judgment\n1\tp\th\t3.3\tNEUTRAL\n",
         None, "neutral"),
        ("sw.tsv", "genre\tlabel\tsentence1_sw\tsentence2_sw\nx\tentailment\tp\th\n", None, "entailment"),
        ("parsi.csv", ",sent1,sent2,label,source\n1,p,h,c,x\n", None, "contradiction"),
        ("snli.jsonl", '{"sentence1": "p", "sentence1_binary_parse": "( p )", "sentence2": "h", "gold_label": "e"}\n',
         None, "entailment"),
    ],
)
def test_detects_nli_layouts(tmp_path, name, text, label_map, expected):
    kind, recs, _ = ev.load_gold(write(tmp_path / name, text), label_map=label_map)
    assert kind == "nli"
    assert recs == [{"id": recs[0]["id"], "premise": "p", "hypothesis": "h", "label": expected}]


def test_rows_without_a_gold_label_are_skipped(tmp_path):
    text = '{"sentence1": "p", "sentence2": "h", "gold_label": "-"}\n{"sentence1": "p", "sentence2": "h", "gold_label": "neutral"}\n'
    kind, recs, skipped = ev.load_gold(write(tmp_path / "s.jsonl", text))
    assert (kind, len(recs), skipped) == ("nli", 1, 1)


def test_numeric_labels_need_a_label_map(tmp_path):
    with pytest.raises(InputError, match="label '0'.*label map"):
        ev.load_gold(write(tmp_path / "x.csv", "t,h,label\np,h,0\n"))


def test_unknown_columns_are_a_one_line_error(tmp_path):
    with pytest.raises(InputError, match="cannot tell the format"):
        ev.load_gold(write(tmp_path / "x.csv", "foo,bar\n1,2\n"))


def test_pair_labels_are_checked_and_mapped(tmp_path):
    p = write(tmp_path / "g.jsonl", json.dumps(pair("x", "A", "B", "yes")) + "\n")
    with pytest.raises(InputError, match="label 'yes'"):
        ev.load_gold(p)
    _, recs, _ = ev.load_gold(p, label_map={"yes": "agree"})
    assert recs[0]["label"] == "agree"


def test_shared_sets_load_when_present():
    data = ROOT.parent / "shared" / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is not on this machine")
    kind, recs, _ = ev.load_gold(data / "ans" / "dev.csv",
                                 label_map={"agree": "entailment", "disagree": "contradiction", "other": "neutral"})
    assert kind == "nli" and len(recs) > 500
    kind, recs, _ = ev.load_gold(data / "nli" / "ArNLI_ArSICK" / "test_nli.csv",
                                 label_map={"0": "neutral", "1": "entailment", "2": "contradiction"})
    assert kind == "nli" and len(recs) > 500


# --- metrics ------------------------------------------------------------------------------------------


def test_classification_metrics_by_hand():
    gold = ["contradiction", "contradiction", "agreement", "neutral"]
    pred = ["contradiction", "agreement", "agreement", "agreement"]
    m = ev.classification_metrics(gold, pred, ["contradiction", "agreement", "neutral"])
    assert m["accuracy"] == 0.5
    assert m["contradiction.precision"] == 1.0 and m["contradiction.recall"] == 0.5
    assert m["contradiction.f1"] == pytest.approx(2 / 3)
    assert m["agreement.precision"] == pytest.approx(1 / 3) and m["agreement.recall"] == 1.0
    assert m["agreement.f1"] == pytest.approx(0.5)
    assert m["neutral.f1"] == 0.0 and m["neutral.support"] == 1
    assert m["macro_f1"] == pytest.approx((2 / 3 + 0.5 + 0) / 3)
    assert m["confusion"] == [[1, 1, 0], [0, 1, 0], [0, 1, 0]]


def test_ece_known_case():
    ece, bins = ev.expected_calibration_error([0.9, 0.9, 0.6, 0.6], [1, 0, 1, 1])
    # bin (0.8, 0.9]: accuracy 0.5 at confidence 0.9; bin (0.5, 0.6]: accuracy 1 at 0.6 -> 0.5*0.4 + 0.5*0.4
    assert ece == pytest.approx(0.4)
    assert [b["n"] for b in bins] == [0, 0, 0, 0, 0, 2, 0, 0, 2, 0]
    assert ev.expected_calibration_error([1.0, 0.0], [1, 0])[0] == 0.0
    perfect, _ = ev.expected_calibration_error([0.75] * 4, [1, 1, 1, 0])
    assert perfect == pytest.approx(0.0)


def test_evaluate_nli_set_writes_the_returned_dict(tmp_path):
    rows = [("p1", "h1", "entailment"), ("p2", "h2", "contradiction"), ("p3", "h3", "neutral"), ("p4", "h4", "neutral")]
    gold = write(tmp_path / "g.jsonl", "".join(json.dumps({"premise": p, "hypothesis": h, "label": l}) + "\n" for p, h, l in rows))
    scorer = TableScorer({("p1", "h1"): [0.9, 0.05, 0.05], ("p2", "h2"): [0.6, 0.1, 0.3], ("p3", "h3"): [0.1, 0.7, 0.2]})
    m = ev.evaluate(gold, scorer=scorer, embedder=False, out=tmp_path / "out")
    assert len(scorer.calls) == 1  # one batched call
    assert m["format"] == "nli" and m["n"] == 4 and m["model"] == "fake-table"
    assert m["nli.accuracy"] == 0.75
    assert m["nli.confusion"] == [[1, 0, 0], [0, 2, 0], [1, 0, 0]]  # rows gold in LABELS order
    # confidences 0.9 (right), 0.6 (wrong), 0.7 (right), 0.8 (right)
    assert m["nli.ece"] == pytest.approx((abs(1 - 0.9) + abs(0 - 0.6) + abs(1 - 0.7) + abs(1 - 0.8)) / 4)
    assert json.loads((tmp_path / "out" / "metrics.json").read_text(encoding="utf-8")) == m
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in html and "<script" not in html and "http" not in html.split("<body>")[1]
    table = ev.format_table(m)
    assert "0.750" in table and "nli" in table


def test_evaluate_claim_pairs_reports_verdict_and_nli(tmp_path, fake_verdict):
    recs = [
        pair("1", "a1", "b1", "contradict", ["numeric"]),
        pair("2", "a2", "b2", "agree", ["quote"]),
        pair("3", "a3", "b3", "neutral", ["numeric"]),
        pair("4", "a4", "b4", "unrelated"),
    ]
    gold = write(tmp_path / "pairs.jsonl", "".join(json.dumps(r) + "\n" for r in recs))
    scorer = TableScorer({
        ("a1", "b1"): [0.1, 0.2, 0.7], ("b1", "a1"): [0.1, 0.5, 0.4],   # avg c 0.55 -> contradiction
        ("a2", "b2"): [0.8, 0.1, 0.1], ("b2", "a2"): [0.4, 0.5, 0.1],   # avg e 0.6 -> agreement
        ("a3", "b3"): [0.3, 0.2, 0.5], ("b3", "a3"): [0.3, 0.4, 0.3],   # avg c 0.4, e 0.3 -> neutral; nli argmax c
    })
    m = ev.evaluate(gold, scorer=scorer, embedder=False, out=tmp_path / "o")
    assert len(scorer.calls) == 1 and len(scorer.calls[0]) == 8  # both directions, one call
    assert m["labels"] == ["contradiction", "agreement", "neutral"]
    assert m["verdict.accuracy"] == 1.0 and m["verdict.macro_f1"] == 1.0
    assert m["nli.accuracy"] == 0.75  # pair 3: averaged argmax is contradiction
    assert m["nli.confusion"] == [[1, 0, 0], [0, 1, 0], [1, 0, 1]]
    assert m["verdict.tag.numeric.n"] == 2 and m["nli.tag.numeric.accuracy"] == 0.5
    assert m["gold.unrelated"] == 1 and m["verdict.gold.unrelated.accuracy"] == 1.0
    assert m["thresholds"] == {"contradiction": 0.5, "entailment": 0.5, "name": "fake"}
    assert json.loads((tmp_path / "o" / "metrics.json").read_text(encoding="utf-8")) == m
    assert "verdict" in ev.format_table(m)


def test_claims_built_from_gold_spans(fake_verdict):
    rec = {"id": "p", "a": {"doc": "d.txt", "start": 5, "end": 8, "text": "abc",
                            "speaker": {"name": "altman", "text": "ألتمان", "start": 0, "end": 6}, "stance": "denies"},
           "b": {"doc": None, "lang": "en", "text": "xyz"}, "label": "agree", "tags": []}
    a, b = ev._claim(rec, "a"), ev._claim(rec, "b")
    assert (a.doc, a.start, a.end, a.kind, a.stance, a.speaker.name) == ("d.txt", 5, 8, "statement", "denies", "altman")
    assert (b.doc, b.start, b.end, b.speaker, b.stance) == ("p:b", 0, 3, None, "asserts")


# --- sweep ----------------------------------------------------------------------------------------------


def _sweep_set(tmp_path):
    recs = [pair(str(i), f"c{i}", f"d{i}", "contradict") for i in range(3)]
    recs += [pair(str(i), f"n{i}", f"m{i}", "neutral") for i in range(3, 6)]
    scorer = TableScorer({**{(f"c{i}", f"d{i}"): [0.2, 0.5, 0.3] for i in range(3)},
                          **{(f"d{i}", f"c{i}"): [0.2, 0.5, 0.3] for i in range(3)}})
    dev = tmp_path / "dev.jsonl"
    write(dev, "".join(json.dumps(r) + "\n" for r in recs))
    return dev, scorer


def test_sweep_tunes_on_dev_and_saves(tmp_path, fake_verdict, monkeypatch, capsys):
    monkeypatch.setattr(ev, "SWEEP_FLOOR", {})  # the grid mechanics; the floor has its own test
    dev, scorer = _sweep_set(tmp_path)
    write(tmp_path / "test.jsonl", "this file must never be read\n")
    read = []
    real = ev._read_rows
    monkeypatch.setattr(ev, "_read_rows", lambda p: read.append(Path(p)) or real(p))
    before = ev.evaluate(dev, scorer=scorer, embedder=False)["verdict.macro_f1"]
    th = ev.sweep(dev, scorer=scorer, embedder=False, path=tmp_path / "th.json", out=tmp_path / "o")  # th.json not there yet
    assert th.contradiction == 0.15  # first grid value that separates 0.3 (contradict) from 0.1 (neutral)
    assert th.entailment == 0.5 and th.name == "fake"
    assert fake_verdict.saved[str(tmp_path / "th.json")] == th
    assert set(read) == {dev}
    after = ev.evaluate(dev, scorer=scorer, embedder=False, thresholds=th)["verdict.macro_f1"]
    assert after == pytest.approx(2 / 3) and before < after  # macro over 3 verdicts; no agreement in this set
    assert ev.evaluate(dev, scorer=scorer, embedder=False, thresholds=th)["verdict.accuracy"] == 1.0
    report = json.loads((tmp_path / "o" / "sweep.json").read_text(encoding="utf-8"))
    assert report["before"]["macro_f1"] == pytest.approx(before) and report["after"]["macro_f1"] == pytest.approx(after)
    assert "->" in capsys.readouterr().err


def test_sweep_never_goes_below_the_probability_floor(tmp_path, fake_verdict):
    dev, scorer = _sweep_set(tmp_path)  # best separation would be 0.15, under the floor
    th = ev.sweep(dev, scorer=scorer, embedder=False, write=False, verbose=False)
    assert th.contradiction >= ev.SWEEP_FLOOR["contradiction"] and th.entailment >= ev.SWEEP_FLOOR["entailment"]


def test_sweep_scores_once(tmp_path, fake_verdict):
    dev, scorer = _sweep_set(tmp_path)
    ev.sweep(dev, scorer=scorer, embedder=False, write=False, verbose=False)
    assert len(scorer.calls) == 1
    ev.evaluate(dev, scorer=scorer, embedder=False)
    assert len(scorer.calls) == 1  # cached


def test_sweep_refuses_a_test_split(tmp_path, fake_verdict):
    dev, scorer = _sweep_set(tmp_path)
    test = write(tmp_path / "test.jsonl", dev.read_text(encoding="utf-8"))
    with pytest.raises(InputError, match="test split"):
        ev.sweep(test, scorer=scorer, embedder=False, write=False)


# --- end to end: findings ---------------------------------------------------------------------------------


def test_findings_counted_from_a_report(tmp_path):
    findings = [
        {"id": "f1", "relation": "contradict", "a": {"doc": "x", "start": 0, "end": 5, "text": "01234"},
         "b": {"doc": "y", "start": 10, "end": 12, "text": "ab"}},
        {"id": "f2", "relation": "agree", "a": {"doc": "x", "start": 20, "end": 25, "text": "abcde"},
         "b": {"doc": "y", "start": 30, "end": 35, "text": "abcde"}},
        {"id": "f3", "relation": "agree", "a": {"doc": "x", "start": 40, "end": 45, "text": "abcde"},
         "b": {"doc": "y", "start": 50, "end": 55, "text": "abcde"}},
    ]
    gold = write(tmp_path / "f.jsonl", "".join(json.dumps(f) + "\n" for f in findings))

    def c(cid, doc, s, e):
        return Claim(cid, doc, s, e, "t" * (e - s), "statement")

    claims = (c("x#c1", "x", 2, 9), c("y#c1", "y", 0, 11), c("x#c2", "x", 22, 23), c("y#c2", "y", 34, 40),
              c("x#c3", "x", 40, 45), c("y#c3", "y", 60, 70))
    sc = dict(zip(LABELS, NEUTRAL))
    report = Report(meta={"model": "m"}, documents=(), claims=claims, pairs=(
        Pair("y#c1", "x#c1", "contradiction", sc),   # f1, reversed order: found
        Pair("x#c2", "y#c2", "contradiction", sc),   # f2 agree flagged as contradiction
        Pair("x#c3", "y#c3", "agreement", sc),       # f3: y#c3 misses the gold span
    ))
    m = ev.evaluate_findings(tmp_path, gold, report=report, out=tmp_path / "o")
    assert (m["contradict.n"], m["contradict.found"], m["contradict.recall"]) == (1, 1, 1.0)
    assert (m["agree.n"], m["agree.found"], m["agree.linked"]) == (2, 0, 1)
    assert m["agree.flagged_contradiction"] == 1 and m["found"] == 1
    assert json.loads((tmp_path / "o" / "metrics.json").read_text(encoding="utf-8")) == m
    assert "flagged as contradictions: 1" in ev.format_table(m)


# --- the shipped gold sets ----------------------------------------------------------------------------------


def _records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _check_span(span, texts, where):
    if span.get("doc") is None:
        assert span["lang"] == "en" and span["text"].strip() and "start" not in span, where
        return
    text = texts[span["doc"]]
    assert text[span["start"]:span["end"]] == span["text"], where
    sp = span.get("speaker")
    if sp:
        assert text[sp["start"]:sp["end"]] == sp["text"], where
    if "stance" in span:
        assert span["stance"] in ("asserts", "confirms", "denies", "disputes", "hedges"), where


def test_gold_pairs_integrity():
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    dev, test = _records(PAIRS / "dev.jsonl"), _records(PAIRS / "test.jsonl")
    assert len(dev) + len(test) >= 80
    ids = [r["id"] for r in dev + test]
    assert len(ids) == len(set(ids))
    for r in dev + test:
        assert r["label"] in ev.PAIR_LABELS, r["id"]
        assert set(r["tags"]) <= set(ev.TAGS), r["id"]
        assert ("crosslingual" in r["tags"]) == (r["a"]["doc"] is None or r["b"]["doc"] is None), r["id"]
        _check_span(r["a"], texts, r["id"])
        _check_span(r["b"], texts, r["id"])
    # disjoint: no shared record, no shared topic, no shared claim pair
    assert not {r["topic"] for r in dev} & {r["topic"] for r in test}
    key = lambda r: frozenset((r["a"]["text"], r["b"]["text"]))  # noqa: E731
    assert not {key(r) for r in dev} & {key(r) for r in test}
    # stratified: every label in both splits, each split about half of each label
    for lab in ev.PAIR_LABELS:
        d, t = Counter(r["label"] for r in dev)[lab], Counter(r["label"] for r in test)[lab]
        assert d and t and abs(d - t) <= max(3, (d + t) // 5), lab
    assert ev.load_gold(PAIRS / "dev.jsonl")[0] == "pairs"


def test_gold_findings_integrity():
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    recs = _records(FINDINGS)
    assert len(recs) >= 8 and len({r["id"] for r in recs}) == len(recs)
    assert {r["relation"] for r in recs} == {"contradict", "agree"}
    for r in recs:
        for side in ("a", "b"):
            assert r[side]["doc"] in texts, r["id"]
            _check_span(r[side], texts, r["id"])
    assert ev.load_gold(FINDINGS)[0] == "findings"


def test_english_gold_findings_integrity():
    folder = ROOT / "tests" / "fixtures" / "en"
    texts = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.txt")}
    recs = _records(FINDINGS.with_name("fixtures-en.jsonl"))
    assert recs and len({r["id"] for r in recs}) == len(recs)
    for r in recs:
        for side in ("a", "b"):
            assert r[side]["doc"] in texts, r["id"]
            _check_span(r[side], texts, r["id"])


def test_real_verdict_step_runs_on_the_dev_split():
    pytest.importorskip("claims.verdict", reason="claims/verdict.py (report helper) not there yet")
    recs = _records(PAIRS / "dev.jsonl")
    m = ev.evaluate(PAIRS / "dev.jsonl", scorer=TableScorer(), embedder=False)
    assert m["n"] == len(recs) and m["verdict.n"] == len(recs)
    assert sum(map(sum, m["verdict.confusion"])) == len(recs)


def test_claim_pairs_are_decided_with_the_embedding_similarity_check_uses(tmp_path, fake_verdict):
    from conftest import FakeEmbedder

    recs = [pair("1", "a1", "b1", "contradict"), pair("2", "a2", "a2", "agree")]
    gold = write(tmp_path / "pairs.jsonl", "".join(json.dumps(r) + "\n" for r in recs))
    m = ev.evaluate(gold, scorer=TableScorer(), embedder=FakeEmbedder())
    sims = fake_verdict.saved["similarities"]
    assert m["similarity"] is True and len(sims) == 2
    assert sims[1] == pytest.approx(1.0) and -1.0 <= sims[0] < 0.999  # identical texts: cosine 1
    fake_verdict.saved["similarities"].clear()
    assert ev.evaluate(gold, scorer=TableScorer(), embedder=False)["similarity"] is False
    assert fake_verdict.saved["similarities"] == [None, None]


def test_plain_nli_sets_also_score_the_verdict_step(tmp_path, fake_verdict):
    gold = write(tmp_path / "nli.jsonl", "".join(json.dumps(r) + "\n" for r in [
        {"premise": "a1", "hypothesis": "b1", "label": "contradiction"},
        {"premise": "a2", "hypothesis": "b2", "label": "entailment"},
    ]))
    scorer = TableScorer({
        ("a1", "b1"): [0.1, 0.2, 0.7], ("b1", "a1"): [0.1, 0.2, 0.7],
        ("a2", "b2"): [0.9, 0.05, 0.05], ("b2", "a2"): [0.1, 0.8, 0.1],   # one-way entailment: avg e 0.5
    })
    m = ev.evaluate(gold, scorer=scorer, embedder=False)
    assert len(scorer.calls) == 1 and len(scorer.calls[0]) == 4  # both directions in one call
    assert m["nli.accuracy"] == 1.0
    assert m["verdict.accuracy"] == 1.0 and m["verdict.confusion"] == [[1, 0, 0], [0, 0, 0], [0, 0, 1]]
    assert "verdict" in ev.format_table(m)
    m2 = ev.evaluate(gold, scorer=scorer, verdict_step=False)
    assert "verdict.accuracy" not in m2 and m2["nli.accuracy"] == 1.0


def test_a_saved_hugging_face_dataset_is_a_gold_set(tmp_path):
    import datasets

    from claims.evaluate import load_gold

    features = datasets.Features({"premise": datasets.Value("string"), "hypothesis": datasets.Value("string"),
                                  "label": datasets.ClassLabel(names=["entailment", "neutral", "contradiction"])})
    ds = datasets.Dataset.from_dict({"premise": ["Meta hired eight researchers.", "Altman spoke."],
                                     "hypothesis": ["Meta hired nobody.", "Altman said something."],
                                     "label": [2, 0]}, features=features)
    ds.save_to_disk(str(tmp_path / "one"))
    kind, records, skipped = load_gold(tmp_path / "one")
    assert kind == "nli" and [r["label"] for r in records] == ["contradiction", "entailment"] and skipped == 0
    datasets.DatasetDict({"dev": ds, "test": ds}).save_to_disk(str(tmp_path / "two"))
    with pytest.raises(InputError, match="splits dev, test"):
        load_gold(tmp_path / "two")
    assert load_gold(tmp_path / "two" / "test")[0] == "nli"
