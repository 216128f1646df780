"""Languages as plug-ins (claims/lang/<code>/): the registry, each folder's table, a toy language
added at run time (and from a folder), and the stated fallback with its warning."""

from __future__ import annotations

import json
import warnings

import pytest

from claims.extract import extract_document
from claims.lang import Language, direction, get_language, language_for, register, supported, unregister
from claims.quantities import parse_quantities
from claims.types import Document

TOY_TABLE = {
    "lang": "xx",
    "reporting_verbs": {"asserts": ["blorfs"], "denies": ["gnarps"]},
    "complementizers": {"bare": ["ke"]},
    "number_words": {"units": {"zwo": 2}},
}


def test_registry_lists_the_folders():
    from claims.lang import LANG_DIR, _BUILTIN

    assert supported() == ["ar", "de", "en", "es", "fr", "id", "it"] == list(_BUILTIN)
    assert all((LANG_DIR / c / "__init__.py").is_file() and (LANG_DIR / c / "table.json").is_file() for c in _BUILTIN)
    ar, en = get_language("ar"), get_language("en")
    assert (ar.code, ar.name, ar.direction) == ("ar", "Arabic", "rtl")
    assert (en.code, en.name, en.direction) == ("en", "English", "ltr")
    with pytest.raises(KeyError, match="supported are ar, de, en, es, fr, id, it"):
        get_language("xx")


@pytest.mark.parametrize("code", ["ar", "de", "en", "es", "fr", "id", "it"])
def test_each_language_folder_has_its_table(code):
    lang = get_language(code)
    t = lang.table
    assert t["lang"] == code and (lang.folder / "table.json").is_file()
    assert t["reporting_verbs"] and t["complementizers"]["bare"]
    assert set(t["reporting_verbs"]) <= {"asserts", "confirms", "denies", "disputes", "hedges"}
    assert lang.direction in ("rtl", "ltr")
    sample = "قالت الوزيرة إن ١٢ شخصاً" if code == "ar" else "The Minister said 12 people"
    assert len(lang.normalise(sample)) == len(sample)  # offset-preserving


def _toy_claims(lang: Language, verb: str = "blorfs") -> list:
    register(lang)
    try:
        doc = Document("toy", f"Zork {verb} ke the bridge over the river is closed today.\n", lang="xx")
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a registered language gets no fallback warning
            return extract_document(doc)
    finally:
        unregister("xx")


def test_a_toy_language_registered_at_run_time_uses_its_reporting_verb():
    claims = _toy_claims(Language("xx", "Toy", table=TOY_TABLE))
    reported = [c for c in claims if c.kind == "reported"]
    assert [(c.cue.text, c.text, c.speaker.text, c.stance) for c in reported] == [
        ("blorfs", "the bridge over the river is closed today", "Zork", "asserts")]
    # the same text as English has no reporting verb in it
    assert not [c for c in extract_document(Document("en", "Zork blorfs ke the bridge over the river is closed today.\n",
                                                     lang="en")) if c.kind == "reported"]


def test_a_toy_language_from_its_own_folder(tmp_path):
    folder = tmp_path / "xx"
    folder.mkdir()
    table = dict(TOY_TABLE, reporting_verbs={"asserts": ["wumps"]})  # another toy: nothing cached from the first
    (folder / "table.json").write_text(json.dumps(table), encoding="utf-8")
    lang = Language("xx", "Toy", folder=folder, month_before_day=False)
    assert lang.table == table and not lang.month_before_day
    assert [c.cue.text for c in _toy_claims(lang, "wumps") if c.kind == "reported"] == ["wumps"]
    assert not [c for c in _toy_claims(lang, "blorfs") if c.kind == "reported"]
    register(lang)
    try:
        assert [(q.text, q.value) for q in parse_quantities("zwo bridges", lang="xx")] == [("zwo", 2.0)]
    finally:
        unregister("xx")


def test_direction_of_a_code():
    assert [direction(c) for c in ("ar", "ar-EG", "AR", "en", "fa", "he", "de", "und", None, "")] == [
        "rtl", "rtl", "rtl", "ltr", "rtl", "rtl", "ltr", "ltr", "ltr", "ltr"]
    register(Language("xx", "Toy", table=TOY_TABLE, direction="rtl"))
    try:
        assert direction("xx") == "rtl"
    finally:
        unregister("xx")


def test_unknown_rule_is_refused():
    with pytest.raises(TypeError, match="unknown language rule"):
        Language("xx", "Toy", table=TOY_TABLE, subject_after_the_verb=True)


def test_unsupported_language_warns_once_naming_the_supported_and_falls_back():
    en_text = "The minister said that the budget would rise by 5 percent next year.\n"
    ar_text = "قال الوزير إن الميزانية سترتفع بنسبة 5 في المئة العام المقبل.\n"
    with pytest.warns(UserWarning, match=r"no rules for language 'qq'.*English.*supported languages: ar, de, en, es, fr, id, it"):
        got = extract_document(Document("d", en_text, lang="qq"))
    assert got == extract_document(Document("d", en_text, lang="en"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # once per code and process
        assert language_for("qq", ar_text).code == "ar"  # by script: Arabic rules for Arabic text
    with pytest.warns(UserWarning, match=r"'qz'.*Arabic.*supported languages: ar, de, en, es, fr, id, it"):
        got = extract_document(Document("d", ar_text, lang="qz"))
    assert got == extract_document(Document("d", ar_text, lang="ar"))


def test_the_arabic_normaliser_keeps_offsets_and_its_squeeze_drops_the_marks():
    from claims.lang import fold, squeeze
    from claims.lang.ar import PLACEHOLDER, normalise_arabic, squeeze_arabic

    text = "قالَ أحمد إنّ ٱلمستشفى آمنة ـ Émile"
    folded = normalise_arabic(text)
    assert len(folded) == len(text)  # character for character: offsets carry over
    assert folded == "قال\x00 احمد ان\x00 المستشفي امنة \x00 Émile"
    assert squeeze_arabic(text) == folded.replace(PLACEHOLDER, "") == "قال احمد ان المستشفي امنة  Émile"
    assert squeeze_arabic("مسؤولة رئيس", loose=True) == "مسووله رييس"
    assert fold(text) == normalise_arabic(text).lower() and len(fold(text)) == len(text)  # fold = these + digits/case
    assert squeeze("أكّد ١٢") == get_language("ar").squeeze("أكّد ١٢") == "اكد 12"
