"""Arabic: right to left; proclitics (و، ف، ب، ل، ك) written onto the next word; verb before subject.

The one Arabic letter normaliser lives here (:func:`normalise_arabic`, same length as its input, and
:func:`squeeze_arabic`, the same folding with the marks dropped); :func:`claims.lang.fold` (every
language's matching form: Arabic names occur in any text) and the callers in documents.py and pair.py are
built on it.
"""

from __future__ import annotations

from pathlib import Path

from .. import Language

# harakat (064B-065F), superscript alef (0670), Quranic marks (0610-061A, 06D6-06ED) and tatweel (0640)
MARKS = frozenset(map(chr, (*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x0640)))
PLACEHOLDER = "\x00"  # what a mark becomes in the same-length form (dropped by the squeezed one)
_LETTERS = {**dict.fromkeys(map(ord, "أإآٱ"), "ا"), ord("ى"): "ي"}  # alef forms -> bare alef, alef maqsura -> ya
_NORMALISE = {**dict.fromkeys(map(ord, MARKS), PLACEHOLDER), **_LETTERS}
_SQUEEZE = {**dict.fromkeys(map(ord, MARKS), None), **_LETTERS}
# for near-duplicate keys only (documents.py): ta marbuta and the hamza seats as well
_LOOSE = {**_SQUEEZE, ord("ة"): "ه", ord("ؤ"): "و", ord("ئ"): "ي"}


def normalise_arabic(text: str) -> str:
    """``text`` with its Arabic letters folded, character for character (same length, so offsets in it are
    offsets in ``text``): alef forms (أ إ آ ٱ) -> ا, ى -> ي, each mark (harakat, superscript alef, Quranic
    marks, tatweel) -> :data:`PLACEHOLDER`. Everything else, other scripts included, is left as it is."""
    return text.translate(_NORMALISE)


def squeeze_arabic(text: str, *, loose: bool = False) -> str:
    """:func:`normalise_arabic` with the marks dropped instead of kept as placeholders (shorter; for keys, not
    offsets). A :data:`PLACEHOLDER` already in ``text`` is kept. ``loose``: also ة -> ه, ؤ -> و, ئ -> ي (the key
    for near-exact repeats of a line)."""
    return text.translate(_LOOSE if loose else _SQUEEZE)


class Arabic(Language):
    code = "ar"
    name = "Arabic"
    direction = "rtl"
    folder = Path(__file__).resolve().parent

    proclitics = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
    figure_proclitics = ("وب", "ول", "وال", "بال", "لل", "و", "ب", "ل", "ف", "ال")
    conjunction_prefix = "و"
    name_prefixes = proclitics + ("ال", "لل")
    name_proclitics = "وفبل"
    rebuttal_prefix = "(?:[وفبل])?"
    complementizer_prefixes = ("ب",)
    phrase_final_proclitics = ("ل", "لـ")
    abbreviation_periods = False
    subject_after_verb = True
    complementizer_window = 25
    comma_stops_complementizer = False
    determiner_complementizers = frozenset()
    lone_anaphoric_objects = True
    reports_without_complementizer = False
    verbs_double_as_nouns = False
    indicate_preposition = "الي"
    clause_trailing_words = (" حيث", " و", " بينما", " لكن", " إلا", " أما")
    phrase_trailing_words = (" و",)
    quote_cue_gap_words = 0
    quote_cue_needs_subject = True
    negation_words_first = True
    hedge_pattern = r"(?:^|\s)(?:قد)\s+[يتنأ]\S+"
    cased_names = False
    latin_marks_names = True
    month_before_day = False
    lone_one_words = ("احد", "احدي", "واحد", "واحدة")
    conjoined_tens = True
    duration_after_lead = True

    stem_prefixes = ("وال", "بال", "كال", "فال", "لل", "ال")
    stem_suffixes = ("ات", "ون", "ين", "ها", "هم", "ة", "ه")

    def stem(self, word: str) -> str:
        """One article prefix and one suffix off (three letters kept), a particle before ا, a final vowel."""
        w = word
        for pre in self.stem_prefixes:
            if w.startswith(pre) and len(w) - len(pre) >= 3:
                w = w[len(pre):]
                break
        for suf in self.stem_suffixes:
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                w = w[: -len(suf)]
                break
        if w[0] in "وفبلك" and w[1:2] == "ا" and len(w) >= 5:  # لاستقطاب -> استقطاب, لافضل -> افضل
            w = w[1:]
        if len(w) >= 4 and w[-1] in "اوي":  # مكافأة / مكافآت -> مكاف
            w = w[:-1]
        return w

    def variants(self, key: str) -> list[tuple[str, int]]:
        """The key and the key without one attached proclitic; ``للتقارير`` is also ل + ``التقارير``."""
        out = self.strip_proclitics(key)
        if key.startswith("لل") and len(key) > 4:
            out.append(("ال" + key[2:], 1))
        return out


LANGUAGE = Arabic()
