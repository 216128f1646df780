"""Claim extraction: tables of (text, expected claims) per language, offsets, seeds, skips, scorer."""

from pathlib import Path

import pytest

from claims.extract import extract, extract_document, normalise_name
from claims.types import Document, Skip

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES_EN = ROOT / "tests" / "fixtures" / "en"
FIXTURES_AR = ROOT / "tests" / "fixtures" / "ar"
GOLD = ROOT / "eval" / "extraction" / "gold.jsonl"


def doc(text, lang, id="t", skips=()):
    return Document(id=id, text=text, lang=lang, skips=tuple(skips))


def summary(claims):
    return [(c.kind, c.text, c.speaker.name if c.speaker else None, c.stance) for c in claims]


# (lang, text, expected [(kind, content, speaker name, stance)])
CASES = [
    # --- Arabic
    ("ar", "وقال الوزير أحمد سالم إن الحكومة ستخفض الضرائب بنسبة 5٪.",
     [("reported", "الحكومة ستخفض الضرائب بنسبة 5٪", "سالم", "asserts")]),
    ("ar", "وكتب سالم: «الاقتصاد يتعافى بسرعة أكبر من المتوقع».",
     [("quote", "الاقتصاد يتعافى بسرعة أكبر من المتوقع", "سالم", "asserts")]),
    ("ar", "وكتب الوزير: ”هذه خطوة تاريخية للبلاد كلها”",
     [("quote", "هذه خطوة تاريخية للبلاد كلها", "وزير", "asserts")]),
    ("ar", "نفى المتحدث باسم الشركة أن تكون الشركة قد سرحت 300 موظف.",
     [("reported", "تكون الشركة قد سرحت 300 موظف", "متحدث باسم شركه", "denies")]),
    ("ar", "وشكك خبراء مستقلون في أن المشروع سيكتمل هذا العام.",
     [("reported", "المشروع سيكتمل هذا العام", "خبراء مستقلون", "disputes")]),
    ("ar", "وزعم المدير أن المبيعات تضاعفت.",
     [("reported", "المبيعات تضاعفت", "مدير", "hedges")]),
    ("ar", "قالت سارة: \"نعم\".", [("quote", "نعم", "سارة".replace("ة", "ه"), "asserts")]),
    ("ar", "ووفقًا لمصادر مطلعة، تخطط الشركة لإغلاق مكاتبها الأسبوع المقبل.",
     [("reported", "تخطط الشركة لإغلاق مكاتبها الأسبوع المقبل", "لمصادر مطلعه", "asserts")]),
    ("ar", "تشير التقارير إلى أن الشركة عرضت مكافآت بقيمة 100 مليون دولار.",
     [("reported", "الشركة عرضت مكافآت بقيمة 100 مليون دولار", "تقارير", "hedges")]),
    ("ar", "قامت الشركة بتعيين ١٧ باحثا جديدا في Meta.",
     [("statement", "قامت الشركة بتعيين ١٧ باحثا جديدا في Meta.", None, "asserts")]),
    ("ar", "وأضاف سالم: \"لن نتراجع عن قرارنا مهما حدث\". \"سنواصل العمل حتى النهاية\".",
     [("quote", "لن نتراجع عن قرارنا مهما حدث", "سالم", "asserts"),
      ("quote", "سنواصل العمل حتى النهاية", "سالم", "asserts")]),
    ("ar", "وقال سالم إنه سيستقيل. وأضاف أنه لن يترشح مرة أخرى.",
     [("reported", "إنه سيستقيل", "سالم", "asserts"), ("reported", "أنه لن يترشح مرة أخرى", "سالم", "asserts")]),
    ("ar", "«لن نبيع الشركة»، قال الرئيس التنفيذي جون سميث للصحفيين.",
     [("quote", "لن نبيع الشركة", "سميث", "asserts")]),
    ("ar", "وأوضحت الشركة في بيان أن أرباحها ارتفعت بنسبة 20 في المائة.",
     [("reported", "أرباحها ارتفعت بنسبة 20 في المائة", "شركه", "asserts")]),
    ("ar", "وبحسب ما أفادت به الشركة، فإن المبيعات ارتفعت بنسبة 12٪.",
     [("reported", "المبيعات ارتفعت بنسبة 12٪", "شركه", "asserts")]),
    ("ar", "وقال الوزير إن المبيعات ارتفعت بنسبة 12٪، على حد قوله.",
     [("reported", "المبيعات ارتفعت بنسبة 12٪", "وزير", "asserts")]),
    ("ar", "يُزعم أن الشركة دفعت رشاوى بقيمة 5 ملايين دولار.",
     [("reported", "الشركة دفعت رشاوى بقيمة 5 ملايين دولار", None, "hedges")]),
    ("ar", "ونقلت وكالة رويترز عن مسؤول حكومي قوله إن المحادثات توقفت.",
     [("reported", "المحادثات توقفت", "مسؤول حكومي", "asserts")]),
    # must yield nothing: short quoted names/terms, no cue, no figure or named actor
    ("ar", "انضم الباحثون إلى فريق \"الذكاء الفائق\" الجديد.", []),
    ("ar", "الطقس جميل اليوم.", []),
    ("ar", "تسعى للمحاذاة", []),
    ("ar", "", []),
    # --- English
    ("en", "Meta hired at least 11 senior researchers.",
     [("statement", "Meta hired at least 11 senior researchers.", None, "asserts")]),
    ("en", "\"We are not for sale,\" the chief executive said.",
     [("quote", "We are not for sale", "chief executive", "asserts")]),
    ("en", "Smith said: \"It's not a signing bonus.\"",
     [("quote", "It's not a signing bonus.", "smith", "denies")]),
    ("en", "The ministry denied that it had spent $2 billion on the project.",
     [("reported", "it had spent $2 billion on the project", "ministry", "denies")]),
    ("en", "According to sources close to the company, the deal is worth $5bn.",
     [("reported", "the deal is worth $5bn", "sources close to the company", "asserts")]),
    ("en", "Jane Doe, the company's chief financial officer, said the figures were final.",
     [("reported", "the figures were final", "doe", "asserts")]),
    ("en", "She wrote: „This is the end of an era for all of us“.",
     [("quote", "This is the end of an era for all of us", None, "asserts")]),
    ("en", "Critics disputed that the plan would save 3,000 jobs.",
     [("reported", "the plan would save 3,000 jobs", "critics", "disputes")]),
    ("en", "'We will fight this in court,' he said.",
     [("quote", "We will fight this in court", None, "asserts")]),
    ("en", "The players' union said the deal was fair.",
     [("reported", "the deal was fair", "players union", "asserts")]),
    ("en", "“We never agreed to that,” said Maria Lopez, the union’s president. “Not a single clause.”",
     [("quote", "We never agreed to that", "lopez", "asserts"), ("quote", "Not a single clause.", "lopez", "denies")]),
    ("en", "Officials insisted the plan was legal, while critics claimed it broke EU rules.",
     [("reported", "the plan was legal", "officials", "asserts"), ("reported", "it broke EU rules", "critics", "hedges")]),
    ("en", "The company says it will hire 500 engineers by 2026.",
     [("reported", "it will hire 500 engineers by 2026", "company", "asserts")]),
    ("en", "The firm is said to have paid $5m to the consultants.",
     [("statement", "The firm is said to have paid $5m to the consultants.", None, "hedges")]),
    ("en", "The ministry denied it.", []),
    ("en", "It's a nice day.", []),
    ("en", "A spokeswoman declined to comment.", []),
    ("en", "They called it \"the big one\".", []),
    ("en", "", []),
]


@pytest.mark.parametrize("lang,text,expected", CASES)
def test_extraction_table(lang, text, expected):
    claims = extract_document(doc(text, lang))
    assert summary(claims) == expected
    for c in claims:
        assert text[c.start:c.end] == c.text


def test_unclosed_quote_keeps_sentence_and_warns():
    text = "وقال سالم: \"سنبدأ العمل الأسبوع المقبل. ثم غادر القاعة"
    (c,) = [c for c in extract_document(doc(text, "ar")) if c.kind == "quote"]
    assert c.text == "سنبدأ العمل الأسبوع المقبل."
    assert c.warnings == ("unclosed quote",)
    assert c.speaker.name == "سالم"


def test_confirmed_but_disputed_is_one_claim_with_two_extra_stances():
    text = ("The company reportedly paid $100M in signing bonuses, "
            "a claim confirmed by insiders but disputed by rival executives.")
    (c,) = extract_document(doc(text, "en"))
    assert c.text == "The company reportedly paid $100M in signing bonuses"
    assert [(s.stance, s.source.text if s.source else None) for s in c.stances] == [
        ("hedges", None), ("confirms", "insiders"), ("disputes", "rival executives")]
    assert c.quantities[0].value == 1e8 and c.quantities[0].unit == "USD"


def test_tail_denial_with_subject_before_the_verb():
    text = "Reports indicate that at least 40 people were hired, a figure the company denied."
    (c,) = extract_document(doc(text, "en"))
    assert (c.text, c.stance, c.speaker.text) == ("at least 40 people were hired", "hedges", "Reports")
    assert [(s.stance, s.source.text) for s in c.stances[1:]] == [("denies", "the company")]


def test_anaphoric_confirmation_attaches_to_previous_claim():
    text = "وأفاد الوزير بأن الشركة وظفت 50 مهندسا. وقد أكدت مصادر مطلعة هذا الرقم."
    (c,) = extract_document(doc(text, "ar"))
    assert [(s.stance, s.source.text) for s in c.stances] == [("asserts", "الوزير"), ("confirms", "مصادر مطلعة")]


def test_claim_ids_and_order():
    text = "قال سالم إن المبيعات ارتفعت 10٪. وأضاف أن الأرباح تضاعفت. وقال أحمد إن الوضع صعب."
    claims = extract_document(doc(text, "ar", id="d7"))
    assert [c.id for c in claims] == ["d7#c1", "d7#c2", "d7#c3"]
    assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_skipped_regions_yield_no_claims():
    para = "وقال سالم إن الحكومة ستخفض الضرائب بنسبة 5٪ العام المقبل."
    text = para + "\n" + para
    claims = extract_document(doc(text, "ar", skips=[Skip(len(para) + 1, len(text), "duplicate")]))
    assert len(claims) == 1 and claims[0].end <= len(para)


@pytest.mark.parametrize("text,key", [
    ("ألتمان", "altman"), ("التمان", "altman"), ("Altman", "altman"), ("Sam Altman", "altman"), ("سام ألتمان", "altman"),
    ("بوسورث", "bosworth"), ("أندرو بوسورث", "bosworth"), ("Andrew Bosworth", "bosworth"),
    ("مارك تشين", "chen"), ("Mark Chen", "chen"), ("زوكربيرج", "zuckerberg"), ("زوكربيرغ", "zuckerberg"),
    ("Mark Zuckerberg", "zuckerberg"), ("ميتا", "meta"), ("Meta", "meta"), ("OpenAI", "openai"),
    ("مصادر Meta", "meta"), ("Jane Doe", "doe"), ("the Finance Ministry", "finance ministry"),
    ("الوزارةُ", "وزاره"), ("أحمد سالم", "سالم"),
])
def test_normalise_name(text, key):
    assert normalise_name(text) == key


# --- every extractor keeps offsets on real articles

def _mark_repeats(text):
    """Repeated paragraphs as duplicate skips (what claims.documents does, enough for these tests)."""
    pos, seen, skips = 0, set(), []
    for line in text.split("\n"):
        key = line.strip()
        if key and key in seen and len(key) > 20:
            skips.append(Skip(pos, pos + len(line), "duplicate"))
        seen.add(key)
        pos += len(line) + 1
    return tuple(skips)


def _docs(folder, lang):
    out = []
    for p in sorted(folder.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        out.append(Document(id=p.stem, text=text, lang=lang, path=str(p), skips=_mark_repeats(text)))
    return out


@pytest.mark.parametrize("folder,lang", [(SEEDS, "ar"), (FIXTURES_EN, "en"), (FIXTURES_AR, "ar")])
def test_offsets_hold_for_every_span(folder, lang):
    docs = _docs(folder, lang)
    assert docs
    for d, claims in ((d, extract_document(d)) for d in docs):
        assert claims
        for c in claims:
            assert d.text[c.start:c.end] == c.text
            assert c.kind in ("quote", "reported", "statement")
            if c.speaker:
                assert d.text[c.speaker.start:c.speaker.end] == c.speaker.text
            if c.cue:
                assert d.text[c.cue.start:c.cue.end] == c.cue.text
            for s in c.stances:
                if s.source:
                    assert d.text[s.source.start:s.source.end] == s.source.text
                if s.cue:
                    assert d.text[s.cue.start:s.cue.end] == s.cue.text
            for q in c.quantities:
                assert d.text[q.start:q.end] == q.text
            assert c.stance == c.stances[0].stance
            s0, s1 = c.sentence
            assert s0 <= c.start and c.end <= s1


def test_chen_quote_found_in_the_three_articles_that_carry_it():
    docs = _docs(SEEDS, "ar")
    found = {c.doc for c in extract(docs) if "اقتحم منزلنا" in c.text and c.speaker and c.speaker.name == "chen"}
    assert found == {"001_2a287f6f6595dccf", "002_ac22526983ea9195", "003_cc3b97634c642159"}


def test_bosworth_not_a_signing_bonus():
    docs = _docs(SEEDS, "ar")
    hits = [c for c in extract(docs) if "ليست مكافأة توقيع" in c.text]
    assert hits and all(c.speaker.name == "bosworth" and c.stance in ("denies", "disputes") for c in hits)


def test_signing_bonus_claim_is_confirmed_and_disputed():
    docs = _docs(SEEDS, "ar")
    (c,) = [c for c in extract(docs) if c.doc.startswith("001") and "100 مليون دولار على بعض موظفي" in c.text]
    extra = [(s.stance, s.source.name) for s in c.stances[1:]]
    assert extra == [("confirms", "openai"), ("disputes", "meta")]
    assert any(q.value == 1e8 and q.unit == "USD" for q in c.quantities)


def test_duplicate_half_of_seed_004_yields_no_duplicate_claims():
    (d,) = [d for d in _docs(SEEDS, "ar") if d.id.startswith("004")]
    assert d.skips
    texts = [c.text for c in extract_document(d)]
    assert len(texts) == len(set(texts))
    assert all(not d.is_skipped(c.start, c.end) for c in extract_document(d))


# --- the scorer

def test_evaluate_extraction_meets_targets_on_gold():
    from claims.extract_eval import evaluate_extraction

    docs = _docs(SEEDS, "ar") + _docs(FIXTURES_EN, "en")
    m = evaluate_extraction(GOLD, docs)
    assert m["documents"] == 8 and m["documents_missing"] == 0
    assert m["ar.content.overlap.recall"] >= 0.90 and m["ar.content.overlap.precision"] >= 0.80
    assert m["ar.speaker.overlap.accuracy"] >= 0.85
    for k in ("all", "ar", "en"):
        for part in ("content", "speaker", "stance"):
            for crit in ("exact", "overlap"):
                for metric in ("precision", "recall", "f1"):
                    assert 0.0 <= m[f"{k}.{part}.{crit}.{metric}"] <= 1.0


def test_heldout_arabic_article():
    from claims.extract_eval import evaluate_extraction

    m = evaluate_extraction(ROOT / "eval" / "extraction" / "heldout.jsonl", _docs(FIXTURES_AR, "ar"))
    assert m["ar.content.overlap.f1"] >= 0.9 and m["ar.speaker.overlap.accuracy"] >= 0.8


def test_evaluate_extraction_perfect_and_empty(tmp_path):
    import json

    from claims.extract_eval import evaluate_extraction

    text = "وقال سالم إن الحكومة ستخفض الضرائب."
    d = doc(text, "ar", id="x")
    (c,) = extract_document(d)
    row = {"doc": "x", "lang": "ar", "kind": c.kind, "text": c.text, "start": c.start, "end": c.end,
           "speaker": c.speaker.to_dict(), "stance": c.stance}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    m = evaluate_extraction(gold, [d])
    assert m["ar.content.exact.f1"] == 1.0 and m["ar.speaker.exact.f1"] == 1.0 and m["ar.stance.exact.f1"] == 1.0
    m = evaluate_extraction(gold, [doc("الطقس جميل.", "ar", id="x")])
    assert m["ar.content.overlap.recall"] == 0.0


def test_bad_gold_line_is_an_input_error(tmp_path):
    from claims.extract_eval import load_gold
    from claims.types import InputError

    gold = tmp_path / "gold.jsonl"
    gold.write_text("{not json}\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_gold(gold)


@pytest.mark.parametrize("lang,text,expected", [
    # a named target next to an adversarial cue
    ("ar", "قال ألتمان إن ميتا لم تستقطب أفضل موظفيها. ردًا على هذه التصريحات، اتهم بوسورث ألتمان بالمبالغة في الموقف، "
           "قائلًا: “نحن ننجح في استقطاب المواهب من OpenAI”",
     [None, ("bosworth", "altman")]),
    ("en", 'Altman said Meta had not hired his best people. Bosworth accused Altman of exaggerating, saying: '
           '"We are succeeding in hiring talent from OpenAI."',
     [None, ("bosworth", "altman")]),
    # a strong cue that names nobody points back to the last other named speaker
    ("en", 'Altman said Meta had not hired his best people. Bosworth hit back, saying: "We are succeeding."',
     [None, ("bosworth", "altman")]),
    # a plain reply is not a rebuttal (replies often agree)
    ("ar", "قال تشين إن الشركة ستقاتل للاحتفاظ بموظفيها. وفي رد على المذكرة، كتب سام ألتمان: “من الرائع مشاهدة قيادة مارك”",
     [None, None]),
    ("en", 'Chen said the company would fight to keep its staff. In response, Altman wrote: "It is great to watch Mark lead."',
     [None, None]),
    # an accusation of someone who made no claim is still recorded (the target is named)
    ("en", 'Smith, accusing Jones of lying, said: "The report is false."', [("smith", "jones")]),
    # the cue before an earlier claim in the same sentence does not leak into the next one
    ("ar", "اتهم بوسورث ألتمان بالمبالغة قائلًا: “نحن ننجح”، بينما أكد زوكربيرغ أن الشركة ستركز على الذكاء الفائق",
     [("bosworth", "altman"), None]),
])
def test_rebuttal_target(lang, text, expected):
    claims = extract_document(doc(text, lang))
    got = [(c.speaker.name, c.rebuts.name) if c.rebuts else None for c in claims]
    assert got == expected, [(c.text, c.speaker and c.speaker.name) for c in claims]
    for c in claims:
        if c.rebuts:
            assert text[c.rebuts.start:c.rebuts.end] == c.rebuts.text
