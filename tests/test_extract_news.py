"""Issue 12, extraction on real news text: one table per failure class, per language, each with inputs
that must yield nothing. Sentences are written for these tests (no corpus text)."""

import warnings

import pytest

from claims.extract import extract_document
from claims.extract.sentences import paragraphs
from claims.extract.tokens import _QUOTE_CHARS
from claims.quantities import parse_quantities
from claims.types import Document


def run(text, lang):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every language here has its own folder: no fallback warning
        claims = extract_document(Document("t", text, lang=lang))
    for c in claims:
        assert text[c.start:c.end] == c.text
    return claims


def summary(claims):
    return [(c.kind, c.text, c.speaker.text if c.speaker else None, c.stance) for c in claims]


def quotes(claims):
    return [(c.text, c.speaker.text if c.speaker else None) for c in claims if c.kind == "quote"]


# 1. a short quote after or before a reporting cue is a claim; a quoted term without a cue is not
SHORT = [
    ("en", 'Lena Ortiz said, "We won."', [("We won.", "Lena Ortiz")]),
    ("en", '"No," the mayor replied.', [("No", "the mayor")]),
    ("en", 'The ministry denied the report, calling it "fabricated".', [("fabricated", "The ministry")]),
    ("en", 'They called it "the big one".', []),
    ("en", 'The so-called "smart" meters arrived late.', []),
    ("ar", 'وقال سالم: "انتصرنا".', [("انتصرنا", "سالم")]),
    ("ar", 'انضم الباحثون إلى فريق "الذكاء الفائق" الجديد.', []),
    ("fr", '« Jamais », a répondu la ministre.', [("Jamais", "la ministre")]),
    ("fr", 'Le projet « vert » a pris du retard.', []),
    ("de", '„Niemals“, sagte die Ministerin.', [("Niemals", "die Ministerin")]),
    ("de", 'Das sogenannte „Paket“ kam zu spät.', []),
    ("es", '«Nunca», dijo la ministra.', [("Nunca", "la ministra")]),
]


@pytest.mark.parametrize("lang,text,expected", SHORT)
def test_short_quotes_after_a_cue(lang, text, expected):
    assert quotes(run(text, lang)) == expected


# 2. spaces just inside the marks, doubled ``…'' / ''…'' marks, and any language's marks
SPACED = [
    ("en", '" We will not resign , " the minister said.', [("We will not resign", "the minister")]),
    ("en", "''We will not resign,'' the minister said.", [("We will not resign", "the minister")]),
    ("en", "``We will not resign,'' the minister said.", [("We will not resign", "the minister")]),
    ("en", "The players' union's lawyers met on Monday.", []),
    ("fr", "« Nous ne démissionnerons pas », a déclaré le ministre.", [("Nous ne démissionnerons pas", "le ministre")]),
    ("fr", "«\u00a0Nous restons\u00a0», a déclaré le ministre.", [("Nous restons", "le ministre")]),
    ("de", "„Wir treten nicht zurück“, sagte der Minister.", [("Wir treten nicht zurück", "der Minister")]),
    ("de", "»Das ist falsch«, sagte die Sprecherin.", [("Das ist falsch", "die Sprecherin")]),
    ("ar", '" لن نستقيل أبدا " ، قال الوزير سالم.', [("لن نستقيل أبدا", "الوزير سالم")]),
]


@pytest.mark.parametrize("lang,text,expected", SPACED)
def test_quote_marks(lang, text, expected):
    assert quotes(run(text, lang)) == expected


def test_quote_marks_come_from_unicode_classes():
    for ch in "“”„‚‘’«»‹›「」『』\"'":
        assert ch in _QUOTE_CHARS


# 3. a parenthetical reporting clause inside the sentence it reports
PARENTHETICAL = [
    ("en", "The deal, he said, was never signed.", [("reported", "The deal, he said, was never signed", None, "asserts")]),
    ("en", "The bridge, said Maria Lopez, would reopen in May.",
     [("reported", "The bridge, said Maria Lopez, would reopen in May", "Maria Lopez", "asserts")]),
    ("ar", "الصفقة، كما قال الوزير، لم توقع أبدا.", [("reported", "الصفقة، كما قال الوزير، لم توقع أبدا", "الوزير", "asserts")]),
    ("en", "The deal, signed in May, was never honoured.", []),
]


@pytest.mark.parametrize("lang,text,expected", PARENTHETICAL)
def test_parenthetical_reporting_clause(lang, text, expected):
    assert summary(run(text, lang)) == expected


# 4. the full range of reporting verbs (after the quote and before a clause), with their stances
VERBS = [
    ("en", '"We lost," Smith conceded.', "confirms"),
    ("en", '"Typical," Smith grumbled.', "asserts"),
    ("en", '"Here we go again," Smith sighed.', "asserts"),
    ("en", '"It is a tax," Smith quipped.', "asserts"),
    ("en", '"The plan works," Smith explained.', "asserts"),
    ("en", '"The figure is wrong," Smith countered.', "disputes"),
    ("en", '"The report is false," Smith insisted.', "asserts"),
    ("ar", 'وتشرح سارة: "المصنع يعمل بكامل طاقته".', "asserts"),
    ("ar", 'ونفت الشركة: "لم نسرح أحدا من الموظفين".', "denies"),
    ("ar", 'واعترف المدير: "أخطأنا في الحساب هذه المرة".', "confirms"),
    ("fr", "« Le chiffre est faux », a démenti le porte-parole.", "denies"),
    ("de", "„Die Zahl ist falsch“, bestritt der Sprecher.", "denies"),
    ("es", "«La cifra es falsa», negó el portavoz.", "denies"),
    ("it", "«La cifra è falsa», ha smentito il portavoce.", "denies"),
]


@pytest.mark.parametrize("lang,text,stance", VERBS)
def test_reporting_verbs_after_a_quote(lang, text, stance):
    got = [c for c in run(text, lang) if c.kind == "quote"]
    assert len(got) == 1 and got[0].speaker is not None and got[0].stance == stance


WEAK = [
    ("en", "Smith posted a photo of the bridge on Monday.", []),
    ("en", "Smith posted that the bridge would close.", [("reported", "the bridge would close", "Smith", "asserts")]),
    ("ar", "نشر سالم العديد من المقالات حول الاقتصاد.", []),
]


@pytest.mark.parametrize("lang,text,expected", WEAK)
def test_weak_reporting_verbs_need_a_clause(lang, text, expected):
    assert [s for s in summary(run(text, lang)) if s[0] != "statement"] == expected


# 5. Arabic: a quote after the subject without a colon; addressees and quoted names are not speakers
ARABIC = [
    ('وقال الوزير "لن نتراجع عن القرار".', [("quote", "لن نتراجع عن القرار", "الوزير", "asserts")]),
    ('وقال الوزير أحمد سالم "نعم".', [("quote", "نعم", "أحمد سالم", "asserts")]),
    ('وقالت صحيفة "وول ستريت جورنال" إن الشركة ستغلق مكاتبها.',
     [("reported", "الشركة ستغلق مكاتبها", 'صحيفة "وول ستريت جورنال', "asserts")]),
    ('انضم إلى صحيفة "الأهرام" الأسبوع الماضي.', []),
    ('وقالت مصادر نقابية لـ"الأهرام" إن العمال سيتلقون تعويضات.',
     [("reported", "العمال سيتلقون تعويضات", "مصادر نقابية", "asserts")]),
]


@pytest.mark.parametrize("text,expected", ARABIC)
def test_arabic_quotes_and_speakers(text, expected):
    assert [s for s in summary(run(text, "ar")) if s[0] != "statement"] == expected


# 6. the whole noun phrase is the speaker
NP = [
    ("Boston police said the suspect fled on foot.", "Boston police"),
    ("A CBS/YouGov poll found that most voters back the plan.", "A CBS/YouGov poll"),
    ("Sixty percent of voters said the economy was weak.", "Sixty percent of voters"),
    ("OpenAI said it would not comment on the talks.", "OpenAI"),
]


@pytest.mark.parametrize("text,speaker", NP)
def test_speaker_is_the_whole_noun_phrase(text, speaker):
    got = [c for c in run(text, "en") if c.kind == "reported"]
    assert [c.speaker.text for c in got] == [speaker]


# 7. abbreviations do not end sentences
ABBREVIATIONS = [
    ("en", "Officials at the U.S. Dept. of State said the talks had failed.", 1),
    ("en", "Mr. Smith and Dr. Jones met at 9 a.m. on Monday in the city.", 1),
    ("en", "She lives at No. 10 Downing Street, J. K. Rowling said.", 1),
    ("en", "He moved to the U.S. The move cost him $5,000.", 2),
    ("fr", "M. Dupont a rencontré Mme Durand à Paris hier soir.", 1),
    ("de", "Dr. Müller traf Prof. Schmidt am Montag in Berlin.", 1),
]


@pytest.mark.parametrize("lang,text,n", ABBREVIATIONS)
def test_abbreviations_do_not_split_sentences(lang, text, n):
    from claims.extract.sentences import split_sentences
    from claims.extract.tokens import _Doc

    D = _Doc(Document("t", text, lang=lang))
    assert len(split_sentences(D, 0, len(text))) == n


# 8. hard-wrapped text: a single newline inside a sentence is no boundary
WRAPPED = ("The company said it would spend $100\nmillion on the plant, and that output rose by 0.5\n"
           "percent last year.\n\nA second paragraph starts here.")


def test_hard_wrapped_lines_join_inside_a_sentence():
    paras = paragraphs(WRAPPED)
    assert len(paras) == 2
    claims = run(WRAPPED, "en")
    reported = [c for c in claims if c.kind == "reported"]
    assert len(reported) == 1 and reported[0].speaker.text == "The company"
    values = sorted(q.value for q in reported[0].quantities)
    assert 1e8 in values and 0.5 in values
    assert [(q.value, q.unit) for q in parse_quantities("$100\nmillion", lang="en")][0][0] == 1e8


def test_line_breaks_after_stops_and_headlines_stay():
    text = "Factory to close\nThe owner said the plant will close.\nWorkers were told on Friday."
    assert len(paragraphs(text)) == 3
    assert len(paragraphs("one line only")) == 1


# 9. languages with their own folder: reported speech with speaker and stance
LANGS = [
    ("fr", "Le ministre a affirmé que le budget augmenterait de 5 %.", ("le budget augmenterait de 5 %", "Le ministre", "asserts")),
    ("fr", "Le porte-parole a démenti que la société ait licencié 300 employés.",
     ("la société ait licencié 300 employés", "Le porte-parole", "denies")),
    ("de", "Der Minister sagte, dass der Haushalt um 5 Prozent steigen werde.",
     ("der Haushalt um 5 Prozent steigen werde", "Der Minister", "asserts")),
    ("de", "Die Sprecherin bestritt, dass das Unternehmen 300 Mitarbeiter entlassen habe.",
     ("das Unternehmen 300 Mitarbeiter entlassen habe", "Die Sprecherin", "denies")),
    ("es", "El ministro afirmó que el presupuesto subiría un 5 %.", ("el presupuesto subiría un 5 %", "El ministro", "asserts")),
    ("it", "Il ministro ha affermato che il bilancio crescerà del 5 %.", ("il bilancio crescerà del 5 %", "Il ministro", "asserts")),
    ("id", "Menteri itu mengatakan bahwa anggaran akan naik 5 persen.", ("anggaran akan naik 5 persen", "Menteri itu", "asserts")),
]


@pytest.mark.parametrize("lang,text,expected", LANGS)
def test_reported_speech_per_language(lang, text, expected):
    got = [s[1:] for s in summary(run(text, lang)) if s[0] == "reported"]
    assert got == [expected]


NOTHING = [
    ("fr", "Il fait beau aujourd’hui."),
    ("de", "Das Wetter ist heute schön."),
    ("es", "Hace buen tiempo hoy."),
    ("it", "Oggi fa bel tempo."),
    ("id", "Cuaca hari ini cerah."),
]


@pytest.mark.parametrize("lang,text", NOTHING)
def test_plain_sentences_yield_nothing(lang, text):
    assert run(text, lang) == []
