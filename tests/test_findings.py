"""Findings that hold up on multilingual coverage (issue 14): cross-language candidates with a per-claim budget,
translated quotes, the denial rule, polarity cues, calibrated confidence and the default view, sides that are
sources merged across scripts, and the end-to-end counts of `claims eval --articles`."""

from __future__ import annotations

import json

import numpy as np
import pytest

from claims.confidence import Calibration, VerdictModel, apply, fit, load_calibration, pair_features, precision_cut
from claims.extract.names import is_named_source, skeleton
from claims.pair import Features, candidates_from_vectors, centred, mutual_language_neighbours
from claims.topics import SourceNames, default_view, summary
from claims.types import Claim, Document, InputError, Pair, Quantity, Report, Speaker, Stance
from claims.verdict import Thresholds, decide, polarity_cue


def feats(n, langs, docs=None):
    docs = docs or [f"d{i}" for i in range(n)]
    return [Features(docs[i], (0, 1), None, frozenset(), frozenset(), frozenset(), lang=langs[i]) for i in range(n)]


# --- candidates ---------------------------------------------------------------------------------------


def test_every_claim_meets_its_nearest_in_every_other_language():
    rng = np.random.default_rng(0)
    n = 60
    v = rng.normal(size=(n, 16)).astype(np.float32)
    langs = ["en"] * 40 + ["ar"] * 20
    # claim 45 (ar) is a translation of claim 3 (en), but a language offset pushes every Arabic vector away
    v[45] = v[3] + 0.05 * rng.normal(size=16)
    v[40:] += 6.0
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    f = feats(n, langs)
    plain = {(i, j) for i, j, _ in candidates_from_vectors(v, f, k=5, min_score=-1.0, per_language=0, lexical=False)}
    assert (3, 45) not in plain  # the overall nearest neighbours are all of the claim's own language
    ranked = {(i, j) for i, j, _ in candidates_from_vectors(v, f, k=5, min_score=-1.0, lexical=False,
                                                            ranking=centred(v, langs))}
    assert (3, 45) in ranked


def test_scored_pairs_per_claim_are_bounded():
    rng = np.random.default_rng(1)
    n = 200
    v = rng.normal(size=(n, 8)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    stats = {}
    pairs = candidates_from_vectors(v, feats(n, ["en", "ar", "fr", "de"] * 50), k=30, min_score=-1.0, max_per_claim=7,
                                    stats=stats)
    assert len(pairs) <= 7 * n and stats["kept"] == len(pairs) and stats["pairs_per_claim"] <= 7
    assert len(set((i, j) for i, j, _ in pairs)) == len(pairs) and all(i < j for i, j, _ in pairs)


def test_mutual_nearest_across_languages_marks_translations():
    v = np.eye(6, dtype=np.float32)
    v[3] = v[0] * 0.9 + v[1] * 0.1  # ar claim 3 ~ en claim 0
    v[4] = v[1] * 0.2 + v[5] * 0.8
    langs = ["en", "en", "en", "ar", "ar", "ar"]
    found = mutual_language_neighbours(centred(v, langs), langs, [f"d{i}" for i in range(6)], per_language=1)
    assert (0, 3) in found and all(langs[i] != langs[j] for i, j in found)
    assert mutual_language_neighbours(v, ["en"] * 6, [f"d{i}" for i in range(6)]) == set()


# --- rules and cues --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, lang, want", [
    ("No, we did not get 100M sign-on, that's fake news.", "en", True),
    ("Meta offered $100 million signing bonuses.", "en", False),
    ("Il falso mito dei 100 milioni di dollari alla firma", "it", True),
    ("ولم يحصل أي منهم على مكافأة", "ar", True),
    ("عرضت ميتا مكافآت لاستقطاب كبار الباحثين", "ar", False),
    ("Das ist Fake News", "de", True),
    ("Ce n'est pas un bonus", "fr", True),
    ("Knowledge is power", "en", False),
])
def test_polarity_cues_per_language(text, lang, want):
    assert polarity_cue(text, lang) is want


def _c(cid, doc, text, speaker=None, stance="asserts", quantities=()):
    sp = Speaker(speaker, 0, len(speaker), speaker.lower().split()[-1]) if speaker else None
    return Claim(id=cid, doc=doc, start=0, end=len(text), text=text, kind="reported", speaker=sp, stance=stance,
                 stances=(Stance(stance, sp),), quantities=tuple(quantities))


def test_a_denial_contradicts_on_one_direction_of_the_model():
    claim = _c("a#1", "a", "Meta offered $100 million signing bonuses", "Altman")
    denial = _c("b#1", "b", "No, we did not get 100M sign-on, that's fake news", "Beyer", stance="denies")
    fwd, bwd = [0.0, 0.09, 0.91], [0.0, 0.95, 0.05]  # the model sees it one way only
    p = decide(claim, denial, fwd, bwd, thresholds=Thresholds(), similarity=0.8, anchored=True)
    assert p.verdict == "contradiction" and p.rule == "denial" and "content contradiction" in p.reasons
    # the same scores without a denying side: one direction is not enough
    plain = _c("b#1", "b", "We got bonuses of another kind", "Beyer")
    assert decide(claim, plain, fwd, bwd, thresholds=Thresholds(), similarity=0.8, anchored=True).verdict == "neutral"
    # and an unanchored pair (nothing shared) is never decided by the model
    assert decide(claim, denial, fwd, bwd, thresholds=Thresholds(), anchored=False).rule != "denial"


def test_a_quote_and_its_translation_by_one_speaker_agree():
    a = _c("a#1", "a", "I heard Meta sees us as its biggest competitor", "Altman")
    b = _c("b#1", "b", "Ich habe gehört, dass Meta uns als ihren größten Konkurrenten ansieht", "Sam Altman")
    neutral = [0.05, 0.9, 0.05]
    assert decide(a, b, neutral, neutral, similarity=0.82, anchored=True).verdict == "neutral"
    p = decide(a, b, neutral, neutral, similarity=0.82, anchored=True, translated=True)
    assert p.verdict == "agreement" and p.rule == "same_quote" and "translation" in p.reasons[0]


# --- confidence ---------------------------------------------------------------------------------------------


def test_precision_cut_is_the_lowest_that_keeps_the_target():
    conf = [0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5]
    ok = [True, True, True, True, False, False, False]
    assert precision_cut(conf, ok, target=0.85, min_shown=3) == 0.8  # 4 of 4 right; with 0.7 only 4 of 5
    assert precision_cut(conf, ok, target=0.8, min_shown=3) == 0.7
    assert precision_cut(conf, [False] * 7, target=0.8, min_shown=3) == 1.0  # nothing reaches it: nothing shown
    assert precision_cut(conf, ok, target=0.8) == 1.0  # fewer than MIN_SHOWN labelled pairs: no cut is trusted


def test_fit_then_apply_gives_probabilities_and_the_default_view():
    rng = np.random.default_rng(2)
    rows = []
    for _ in range(200):
        gap = float(rng.random() < 0.5)
        right = rng.random() < (0.9 if gap else 0.1)
        rows.append(("contradiction", {"polarity_gap": gap, "contradiction": float(rng.random())}, right, 1.0))
    cal = fit(rows, target=0.8)
    m = cal.models["contradiction"]
    assert m.probability({"polarity_gap": 1.0, "contradiction": 0.5}) > 0.7 > m.probability({"polarity_gap": 0.0, "contradiction": 0.5})
    assert m.cut < 1.0 and m.fitted["dev_shown_precision"] >= 0.8
    a = _c("a#1", "a", "Meta offered $100 million", "Altman", quantities=[Quantity("$100 million", 0, 1, 1e8, "USD", "money")])
    b = _c("b#1", "b", "We did not get $100 million, fake news", "Beyer", stance="denies",
           quantities=[Quantity("$100 million", 0, 1, 1e8, "USD", "money")])
    x = pair_features(Pair(a.id, b.id, "contradiction", {"entailment": 0, "neutral": 0.1, "contradiction": 0.9}, (), 0.8),
                      a, b, "en", "en")
    assert x["polarity_gap"] == 1.0 and x["shared_figure"] == 1.0 and x["gap_and_figure"] == 1.0
    pairs = [Pair(a.id, b.id, "contradiction", {"entailment": 0, "neutral": 0.1, "contradiction": 0.9}, (), 0.8),
             Pair(a.id, b.id, "neutral", {"entailment": 0, "neutral": 0.9, "contradiction": 0.1}, (), 0.8)]
    out = apply(pairs, {a.id: a, b.id: b}, {"a": "en", "b": "en"}, cal)
    assert out[0].confidence is not None and out[0].shown is True
    assert out[1].confidence is None and out[1].shown is False
    assert apply(pairs, {a.id: a, b.id: b}, {}, None)[0].shown is None  # no calibration: the rules decide


def test_confidence_file_errors_are_one_line(tmp_path):
    p = tmp_path / "c.json"
    p.write_text(json.dumps({"contradiction": {"features": ["x"], "weights": [1.0], "intercept": 0.0, "cut": 2}}))
    with pytest.raises(InputError, match="cut must be in"):
        load_calibration(p)
    p.write_text(json.dumps({"maybe": {}}))
    with pytest.raises(InputError, match="expected an object with keys"):
        load_calibration(p)
    p.write_text("{")
    with pytest.raises(InputError, match="not a confidence file"):
        load_calibration(p)
    with pytest.raises(InputError, match="no such file"):
        load_calibration(tmp_path / "missing.json")


# --- sides are sources -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("a, b", [("Altman", "ألتمان"), ("Trump", "ترامب"), ("Bosworth", "بوسورث"),
                                  ("Hegseth", "هيغسيث"), ("Zuckerberg", "زوكربيرغ"), ("Natanz", "نطنز")])
def test_a_name_and_its_transliteration_share_a_skeleton(a, b):
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize("text, key, named", [
    ("Sam Altman", "altman", True), ("Boston police", "police", True), ("the White House", "white house", True),
    ("مصادر Meta", "meta", True), ("الرئيس ترامب", "ترامب", True),
    ("His announcement", "his announcement", False), ("The report", "report", False), ("officials", "officials", False),
    ("المصادر", "مصادر", False), ("أحدهم", "احدهم", False), ("مجلس الإدارة", "مجلس اداره", False),
])
def test_only_named_mentions_are_sources(text, key, named):
    assert is_named_source(text, key) is named


def test_sides_merge_scripts_and_never_list_pronouns():
    d1 = Document("ar.txt", "x", "ar", source="Al Ahram")
    d2 = Document("en.txt", "x", "en")
    trump_ar = Claim("ar.txt#1", "ar.txt", 0, 1, "x", "reported", speaker=Speaker("ترامب", 0, 5, "ترامب"))
    trump_en = Claim("en.txt#1", "en.txt", 0, 1, "x", "reported", speaker=Speaker("Donald Trump", 0, 12, "trump"))
    his = Claim("en.txt#2", "en.txt", 0, 1, "x", "reported", speaker=Speaker("His announcement", 0, 16, "his announcement"))
    rep = Report(meta={}, documents=(d1, d2), claims=(trump_ar, trump_en, his), pairs=(), topics=())
    names = SourceNames(rep)
    assert names.label("ترامب", "ترامب", "ar.txt") == names.label("Donald Trump", "trump", "en.txt") == "Donald Trump"
    assert names.label("His announcement", "his announcement", "en.txt") == "the article en.txt"
    assert names.label(None, None, "ar.txt") == "Al Ahram"


def test_the_default_view_follows_the_confidence_cut():
    a = _c("a#1", "a", "Meta offered $100 million", "Altman")
    b = _c("b#1", "b", "We did not get it", "Beyer", stance="denies")
    c = _c("c#1", "c", "Meta offered a lot", "Chen")
    sure = Pair(a.id, b.id, "contradiction", {"entailment": 0, "neutral": 0.1, "contradiction": 0.9}, (), 0.8,
                topic=1, rule="denial", confidence=0.9, shown=True)
    unsure = Pair(a.id, c.id, "contradiction", {"entailment": 0, "neutral": 0.1, "contradiction": 0.9}, (), 0.8,
                  topic=2, rule="model_contradiction", confidence=0.2, shown=False)
    from claims.types import Topic

    topics = (Topic(1, "x", (a.id, b.id), "contradiction", {"confirm": (a.id,), "dispute": (b.id,)}, a.id),
              Topic(2, "y", (a.id, c.id), "contradiction", {"confirm": (a.id,), "dispute": (c.id,)}, a.id))
    rep = Report(meta={}, documents=(Document("a", "x"), Document("b", "x"), Document("c", "x")), claims=(a, b, c),
                 pairs=(sure, unsure), topics=topics)
    view = default_view(rep)
    assert view.topics == {1} and view.shows(sure) and not view.shows(unsure)
    items = summary(rep)
    assert [i["topic"] for i in items] == [1] and items[0]["confidence"] == 0.9 and items[0]["why"].startswith("denial")
    assert [i["topic"] for i in summary(rep, leads=True)] == [2]


# --- claims eval --articles ------------------------------------------------------------------------------------


def test_eval_counts_compatible_pairs_flagged_and_pairs_scored(tmp_path):
    from claims.evaluate import evaluate_findings

    a = _c("a#1", "a", "Meta hired three researchers")
    b = _c("b#1", "b", "OpenAI shut down for a week")
    c = _c("c#1", "c", "Meta hired four researchers")
    pairs = (Pair(a.id, b.id, "contradiction", {"entailment": 0, "neutral": 0.1, "contradiction": 0.9}, (), 0.8),)
    rep = Report(meta={"model": "m"}, documents=(Document("a", a.text), Document("b", b.text), Document("c", c.text)),
                 claims=(a, b, c), pairs=pairs, topics=())
    span = lambda cl: {"doc": cl.doc, "start": 0, "end": len(cl.text), "text": cl.text}  # noqa: E731
    gold = tmp_path / "g.jsonl"
    gold.write_text("\n".join(json.dumps(x) for x in [
        {"id": "c1", "relation": "compatible", "a": span(a), "b": span(b)},
        {"id": "c2", "relation": "compatible", "a": span(a), "b": span(c)},
        {"id": "u1", "relation": "unrelated", "a": span(b), "b": span(c)},
    ]) + "\n")
    m = evaluate_findings(tmp_path, gold, report=rep)
    assert (m["compatible.n"], m["compatible.linked"], m["compatible.flagged"]) == (2, 1, 1)
    assert m["compatible.flagged_rate"] == 0.5 and m["linked"] == 1 and abs(m["linked_rate"] - 1 / 3) < 1e-9
    assert m["unrelated.n"] == 1 and m["unrelated.flagged"] == 0
