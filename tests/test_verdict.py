"""Verdict logic on hand-built Arabic and English claims with the fake scorer's rows."""

from __future__ import annotations

import json

import pytest

from claims.types import Claim, InputError, Quantity, Speaker, Stance
from claims.verdict import (Thresholds, decide, intra_conflict, load_thresholds, quantity_conflicts,
                            save_thresholds, temporal_reason)

ENT = [0.9, 0.08, 0.02]
NEU = [0.1, 0.8, 0.1]
CON = [0.02, 0.08, 0.9]
TH = Thresholds()


def spk(name, text=None):
    return Speaker(text=text or name, start=0, end=len(text or name), name=name)


def claim(cid, text, *, doc="d1", speaker=None, stances=(), quantities=(), kind="reported", start=0):
    sp = spk(speaker) if isinstance(speaker, str) else speaker
    st = tuple(Stance(s, spk(src) if src else None) for s, src in stances)
    return Claim(id=cid, doc=doc, start=start, end=start + len(text), text=text, kind=kind, speaker=sp,
                 stance=st[0].stance if st else "asserts", stances=st, quantities=tuple(quantities))


def q(value, unit="count", kind="count", bound="exact", text=None):
    return Quantity(text=text or str(value), start=0, end=len(text or str(value)), value=value, unit=unit, kind=kind, bound=bound)


BONUS_AR = "عرضت Meta مكافآت توقيع بقيمة 100 مليون دولار"
BONUS_EN = "Meta offered $100 million signing bonuses"


@pytest.mark.parametrize("a,b,fwd,bwd,sim,expected,reason", [
    # stance conflict: same text, one confirms, one disputes -> contradiction even though NLI says entailment
    (claim("a", BONUS_AR, stances=[("confirms", "insiders")]), claim("b", BONUS_AR, doc="d2", stances=[("disputes", "meta")]),
     ENT, ENT, 0.99, "contradiction", "stance conflict"),
    (claim("a", BONUS_EN, stances=[("asserts", "altman")]), claim("b", BONUS_AR, doc="d2", stances=[("denies", "bosworth")]),
     ENT, ENT, 0.91, "contradiction", "stance conflict"),
    # a claim that carries both stances itself (001: "confirmed by insiders, disputed by Meta sources") holds the
    # dispute inside: its one-sided restatement is judged on content, and the reasons name the inner dispute
    (claim("a", BONUS_AR, stances=[("confirms", "insiders"), ("disputes", "meta")]),
     claim("b", BONUS_EN, doc="d2", stances=[("asserts", "altman")]), ENT, ENT, 0.95, "agreement", "a is itself disputed by meta"),
    (claim("a", BONUS_EN, stances=[("denies", "bosworth")]),
     claim("b", BONUS_AR, doc="d2", stances=[("confirms", "insiders"), ("disputes", "meta")]), NEU, NEU, 0.95, "neutral",
     "b is itself disputed by meta"),
    # hedged on one side only: no net stance, so no stance conflict
    (claim("a", BONUS_AR, stances=[("hedges", "reports")]), claim("b", BONUS_AR, doc="d2", stances=[("denies", "meta")]),
     ENT, ENT, 0.99, "agreement", "NLI"),
    # both deny the same thing -> agreement
    (claim("a", BONUS_EN, stances=[("denies", "meta")]), claim("b", BONUS_AR, doc="d2", stances=[("disputes", "bosworth")]),
     NEU, NEU, 0.97, "agreement", "both sources deny"),
    # quote identity across languages: same speaker, very similar -> agreement even with neutral NLI
    (claim("a", "كما لو أن أحدهم اقتحم منزلنا وسرق شيئًا", speaker="chen", kind="quote"),
     claim("b", "as if someone broke into our home and stole something", doc="d2", speaker="chen", kind="quote"),
     NEU, NEU, 0.95, "agreement", "same quote by chen"),
    # same quote, two articles, identical words, no similarity known
    (claim("a", "إنه سباق للبقاء في القمة", speaker="klein", kind="quote"),
     claim("b", "إنه سباق للبقاء في القمة", doc="d2", speaker="klein", kind="quote"), NEU, NEU, None, "agreement", "same quote by klein (same words)"),
    # different speakers, similar words: no quote identity
    (claim("a", "It is a race to stay on top", speaker="klein"), claim("b", "It is a race to stay at the top", doc="d2", speaker="miller"),
     NEU, NEU, 0.95, "neutral", "NLI"),
    # quantity conflict with bounds: at least 8 vs exactly 4 researchers
    (claim("a", "خسارة ما لا يقل عن ثمانية باحثين", quantities=[q(8, bound="at_least")]),
     claim("b", "OpenAI lost 4 researchers", doc="d2", quantities=[q(4)]), NEU, NEU, 0.92, "contradiction", "quantity conflict (count)"),
    # up to $100M vs $100M: compatible -> NLI decides (neutral)
    (claim("a", "offers of up to $100 million", quantities=[q(1e8, "USD", "money", "at_most")]),
     claim("b", "عروض بقيمة 100 مليون دولار", doc="d2", quantities=[q(1e8, "USD", "money")]), NEU, NEU, 0.8, "neutral", "NLI"),
    # at least 10 vs 11: compatible
    (claim("a", "at least 10 researchers", quantities=[q(10, bound="at_least")]),
     claim("b", "11 researchers", doc="d2", quantities=[q(11)]), ENT, ENT, 0.8, "agreement", "NLI"),
    # different units never conflict
    (claim("a", "80 hours a week", quantities=[q(80, "hour", "duration")]),
     claim("b", "a week off", doc="d2", quantities=[q(1, "week", "duration")]), NEU, NEU, 0.8, "neutral", "NLI"),
    # unrelated texts with different quantities: no quantity conflict
    (claim("a", "100 researchers", quantities=[q(100)]), claim("b", "3 cats", doc="d2", quantities=[q(3)]),
     NEU, NEU, 0.1, "neutral", "NLI"),
    # NLI contradiction must be seen in both directions (contradiction is symmetric; one-way "contradictions"
    # are mostly unrelated facts about the same actors)
    (claim("a", "Meta offered bonuses"), claim("b", "Meta did not offer bonuses", doc="d2"), CON, CON, 0.7, "contradiction", "content contradiction"),
    (claim("a", "Meta offered bonuses"), claim("b", "Meta hired a chef", doc="d2"), NEU, CON, 0.7, "neutral", "NLI"),
    # NLI entailment both ways
    (claim("a", "Chen wrote a memo"), claim("b", "كتب تشين مذكرة", doc="d2"), ENT, ENT, 0.7, "agreement", "NLI"),
])
def test_decide_table(a, b, fwd, bwd, sim, expected, reason):
    p = decide(a, b, fwd, bwd, thresholds=TH, similarity=sim)
    assert p.verdict == expected, p.reasons
    assert any(r.startswith(reason) for r in p.reasons), p.reasons
    assert (p.a, p.b) == (a.id, b.id)
    assert set(p.scores) == {"entailment", "neutral", "contradiction"}
    assert abs(sum(p.scores.values()) - 1) < 1e-6


def test_scores_are_the_mean_of_both_directions():
    p = decide(claim("a", "x"), claim("b", "y", doc="d2"), [0.2, 0.2, 0.6], [0.0, 0.6, 0.4], thresholds=TH)
    assert p.scores == pytest.approx({"entailment": 0.1, "neutral": 0.4, "contradiction": 0.5})


def test_temporal_flag_on_different_dates():
    a, b = claim("a", "OpenAI has 100 staff", quantities=[q(100)]), claim("b", "OpenAI has 300 staff", doc="d2", quantities=[q(300)])
    p = decide(a, b, NEU, NEU, thresholds=TH, dates=("2024-06-01", "2025-07-01"), similarity=0.92)
    assert p.verdict == "contradiction" and p.temporal
    assert any(r.startswith("possibly temporal") for r in p.reasons)
    same_day = decide(a, b, NEU, NEU, thresholds=TH, dates=("2025-07-01", "2025-07-01T10:00"), similarity=0.92)
    assert same_day.verdict == "contradiction" and not same_day.temporal


def test_temporal_flag_from_text_markers():
    a = claim("a", "كان عدد الموظفين 100 العام الماضي", quantities=[q(100)])
    b = claim("b", "The company has 300 employees", doc="d2", quantities=[q(300)])
    p = decide(a, b, NEU, NEU, thresholds=TH, similarity=0.92)
    assert p.verdict == "contradiction" and p.temporal
    assert temporal_reason(claim("x", "in 2023 it had 5"), claim("y", "in 2025 it had 9"), (None, None))


@pytest.mark.parametrize("ta,tb,words", [
    ("Mira Murati has left OpenAI.", "ميرا موراتي ، CTO في OpenAI ، التي تولت منصب الرئيس التنفيذي المؤقت", ["left", "تولت"]),
    ("وعاد ألتمان إلى منصبه", "Altman is out as chief executive", ["وعاد"]),
    ("أطاح مجلس الإدارة بألتمان", "Altman leads OpenAI", ["أطاح"]),
])
def test_temporal_flag_from_a_change_of_state(ta, tb, words):
    p = decide(claim("a", ta), claim("b", tb, doc="d2"), CON, CON, thresholds=TH, similarity=0.9)
    assert p.verdict == "contradiction" and p.temporal
    assert p.reasons[-1] == "possibly temporal: a change of state (" + ", ".join(words) + ")"


def test_no_change_of_state_no_temporal_flag():
    p = decide(claim("a", "Meta offered bonuses"), claim("b", "Meta did not offer bonuses", doc="d2"), CON, CON, thresholds=TH)
    assert p.verdict == "contradiction" and not p.temporal


def test_agreement_is_never_temporal():
    p = decide(claim("a", "x"), claim("b", "x", doc="d2"), ENT, ENT, thresholds=TH, dates=("2020-01-01", "2025-01-01"))
    assert p.verdict == "agreement" and not p.temporal


def test_intra_claim_conflict():
    c = claim("a", BONUS_AR, stances=[("hedges", "reports"), ("confirms", "insiders"), ("disputes", "meta")])
    assert intra_conflict(c)
    assert not intra_conflict(claim("b", BONUS_AR, stances=[("confirms", "insiders"), ("asserts", None)]))


def test_quantity_conflict_needs_every_value_incompatible():
    a = claim("a", "300M over four years, 100M in year one", quantities=[q(3e8, "USD", "money"), q(1e8, "USD", "money")])
    b = claim("b", "100M", quantities=[q(1e8, "USD", "money")])
    assert quantity_conflicts(a, b, TH) == []
    assert quantity_conflicts(a, claim("c", "50M", quantities=[q(5e7, "USD", "money")]), TH)
    approx = claim("d", "about 110M", quantities=[q(1.1e8, "USD", "money", "approx")])
    assert quantity_conflicts(b, approx, TH) == []


def test_thresholds_round_trip(tmp_path):
    th = Thresholds(contradiction=0.7)
    p = save_thresholds(th, tmp_path / "t.json")
    assert load_thresholds(p) == th
    assert json.loads(p.read_text())["contradiction"] == 0.7
    (tmp_path / "bad.json").write_text('{"contradictoin": 0.4}')
    with pytest.raises(InputError, match="unknown thresholds contradictoin"):
        load_thresholds(tmp_path / "bad.json")
    (tmp_path / "range.json").write_text('{"contradiction": 4}')
    with pytest.raises(InputError, match=r"\[0, 1\]"):
        load_thresholds(tmp_path / "range.json")
    with pytest.raises(InputError, match="no such file"):
        load_thresholds(tmp_path / "missing.json")


def test_shipped_thresholds_load():
    assert isinstance(load_thresholds(), Thresholds)


def test_bad_score_length():
    with pytest.raises(ValueError):
        decide(claim("a", "x"), claim("b", "y"), [0.5, 0.5], NEU, thresholds=TH)


def test_counts_of_different_things_do_not_conflict():
    t1, t2, t3 = "خسارة ما لا يقل عن ثمانية باحثين", "أرسل سبعة رؤساء أبحاث رسائل", "ضم أربعة باحثين بارزين"
    a = claim("a", t1, quantities=[Quantity("ثمانية", t1.index("ثمانية"), t1.index("ثمانية") + 6, 8, "count", "count", "at_least")])
    b = claim("b", t2, doc="d2", quantities=[Quantity("سبعة", t2.index("سبعة"), t2.index("سبعة") + 4, 7, "count", "count")])
    c = claim("c", t3, doc="d3", quantities=[Quantity("أربعة", t3.index("أربعة"), t3.index("أربعة") + 5, 4, "count", "count")])
    assert quantity_conflicts(a, b, TH) == []  # researchers vs research heads
    assert quantity_conflicts(a, c, TH)  # at least 8 researchers vs 4 researchers


def test_rebuttal_in_one_article_needs_one_direction():
    altman = claim("a", "Meta did not get our top people", speaker="altman", stances=[("asserts", "altman")])
    bos = Claim(**{**claim("b", "We are succeeding in hiring talent from OpenAI", speaker="bosworth",
                           stances=[("asserts", "bosworth")], start=100).__dict__, "rebuts": spk("altman")})
    one_way = [0.05, 0.15, 0.8]
    p = decide(altman, bos, NEU, one_way, thresholds=TH, similarity=0.8)
    assert p.verdict == "contradiction", p.reasons
    assert p.reasons[0] == "content contradiction" and p.reasons[1].startswith("rebuttal: bosworth answers altman")
    # without the rebuttal mark the same scores are one-way only: neutral
    plain = claim("b", bos.text, speaker="bosworth", stances=[("asserts", "bosworth")], start=100)
    assert decide(altman, plain, NEU, one_way, thresholds=TH, similarity=0.8).verdict == "neutral"
    # in another article the mark does not apply; and a rebuttal the model does not see stays neutral, with a reason
    other = Claim(**{**bos.__dict__, "doc": "d2"})
    assert decide(altman, other, NEU, one_way, thresholds=TH).verdict == "neutral"
    q = decide(altman, bos, NEU, NEU, thresholds=TH)
    assert q.verdict == "neutral" and any("bosworth rebuts altman" in r for r in q.reasons)


def test_unanchored_pairs_are_not_judged_by_the_model_alone():
    a = claim("a", "an agreement had been reached", stances=[("asserts", "whitfield")])
    b = claim("b", "There is no deal. It's not even close", doc="d2", stances=[("denies", "haugen")])
    assert decide(a, b, CON, CON, thresholds=TH, similarity=0.85).verdict == "contradiction"
    p = decide(a, b, CON, CON, thresholds=TH, similarity=0.85, anchored=False)
    assert p.verdict == "neutral" and any(r.startswith("no shared name") for r in p.reasons)
    # nor a stance conflict on entailment alone
    assert decide(a, b, ENT, ENT, thresholds=TH, similarity=0.85, anchored=False).verdict == "neutral"
    # the same words still make the same claim, and a quantity conflict needs a related pair
    c = claim("c", BONUS_AR, stances=[("confirms", "insiders")])
    d = claim("d", BONUS_AR, doc="d2", stances=[("disputes", "meta")])
    assert decide(c, d, ENT, ENT, thresholds=TH, anchored=False).verdict == "contradiction"
    e = claim("e", "خسارة ما لا يقل عن ثمانية باحثين", quantities=[q(8, bound="at_least")])
    f = claim("f", "OpenAI lost 4 researchers", doc="d2", quantities=[q(4)])
    assert decide(e, f, NEU, NEU, thresholds=TH, similarity=0.92, anchored=False).verdict == "neutral"


def test_one_way_entailment_does_not_make_the_same_claim():
    # "OpenAI is nothing without its people" (asserted) vs a denial of something else: one direction of the
    # model leaning to entailment must not turn the pair into a stance conflict
    a = claim("a", "إنها ليست مكافأة توقيع", stances=[("denies", "bosworth")])
    b = claim("b", "OpenAI is nothing without its people", doc="d2", stances=[("asserts", "altman")])
    p = decide(a, b, [0.75, 0.2, 0.05], [0.1, 0.85, 0.05], thresholds=TH, similarity=0.87)
    assert not any(r.startswith("stance conflict") for r in p.reasons), p.reasons


def test_figures_of_claims_about_different_actors_do_not_conflict():
    six = claim("a", "ويأتي رحيلها بعد ست سنوات بعد استقالة إيليا سوتسكيفر", quantities=[q(6, "year", "duration")])
    seven = claim("b", "استقال مدير الأبحاث في OpenAI بعد سبع سنوات", doc="d2", quantities=[q(7, "year", "duration")])
    assert decide(six, seven, NEU, NEU, thresholds=TH, similarity=0.92).verdict == "neutral"
    # the same actor named on both sides: the figures are compared
    seven_s = claim("c", "استقال سوتسكيفر بعد سبع سنوات", doc="d2", quantities=[q(7, "year", "duration")])
    p = decide(six, seven_s, NEU, NEU, thresholds=TH, similarity=0.92)
    assert p.verdict == "contradiction" and any(r.startswith("quantity conflict") for r in p.reasons)


def test_a_new_rule_plugs_into_the_registry(monkeypatch):
    """Contributing: a rule is a function (a, b, evidence) -> Finding | None, listed in verdict.RULES."""
    import claims.verdict as verdict
    from claims.documents import document_from_text
    from claims.extract import extract
    from claims.report import basis, rule_decided

    def same_first_word(a, b, ev):
        if a.text.split()[0] == b.text.split()[0]:
            return verdict.Finding("agreement", "toy_first_word", (f"toy: both start with {a.text.split()[0]}",))
        return None

    a, b = extract([document_from_text("a", "Meta hired eight researchers from OpenAI.", lang="en"),
                    document_from_text("b", "Meta hired nobody from OpenAI at all.", lang="en")])
    neutral = [0.1, 0.8, 0.1]
    assert verdict.decide(a, b, neutral, neutral).rule is None
    monkeypatch.setattr(verdict, "RULES", (same_first_word, *verdict.RULES))
    monkeypatch.setattr(verdict, "RULE_DECIDED", verdict.RULE_DECIDED | {"toy_first_word"})
    pair = verdict.decide(a, b, neutral, neutral)
    assert (pair.verdict, pair.rule) == ("agreement", "toy_first_word")
    assert pair.reasons[0] == "toy: both start with Meta" and pair.to_dict()["rule"] == "toy_first_word"
    assert rule_decided(pair) and basis(pair) == "toy: both start with Meta"
