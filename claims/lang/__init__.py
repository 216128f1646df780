"""Languages as plug-ins: one folder per language, as spaCy's ``lang/xx/`` packages.

``claims/lang/<code>/`` holds ``table.json`` (the words: reporting verbs, complementizers, titles,
number words, months, ...) and ``__init__.py``, a :class:`Language` with what cannot be data: how a
word sheds its proclitics (:meth:`Language.variants`), the matching normaliser
(:meth:`Language.normalise`, same length as its input so offsets carry over), the writing direction,
and the few grammatical facts the extraction and figure rules ask about (``subject_after_verb``,
``month_before_day``, ...). Stages ask the language; they never compare language codes.

The registry: :func:`get_language` (a registered code), :func:`supported` (the codes, sorted),
:func:`register` (a language added at run time, e.g. by a plug-in or a test) and
:func:`language_for` (a document's language, with the stated fallback: a code without a folder
gets the Arabic rules for mostly-Arabic-script text, else the English ones, and a warning naming the
supported languages, once per code and process).
"""

from __future__ import annotations

import importlib
import json
import re
import warnings
from functools import cached_property
from pathlib import Path

LANG_DIR = Path(__file__).resolve().parent

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")


def _fold_char(ch: str) -> str:
    """:func:`fold` of one character: :func:`claims.lang.ar.normalise_arabic`, then an Arabic-Indic digit
    becomes a Western digit and a letter is lower-cased (one whose lower case is two characters stays)."""
    ch = normalise_arabic(ch)
    low = ch.translate(_DIGITS).lower()
    return low if len(low) == 1 else ch


class _FoldTable(dict):
    """``str.translate`` table of :func:`fold`, filled in one character at a time as characters are met."""

    def __missing__(self, code: int) -> str:
        self[code] = out = _fold_char(chr(code))
        return out


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """A same-length copy of ``text`` for matching: offsets in it are offsets in ``text``.

    The Arabic letters as :func:`claims.lang.ar.normalise_arabic` folds them (alef forms ا, ى becomes ي,
    diacritics/tatweel become the placeholder ``\x00``, dropped by :func:`squeeze`); then, character by
    character, Arabic-Indic digits become Western digits and letters are lower-cased (a letter whose lower
    case is two characters stays as it is). Character by character (``_fold_char``), through one
    translate table filled as characters are met.
    """
    return text.translate(_FOLD)


def squeeze(text: str) -> str:
    """Normalised word for table look-ups (no diacritics, unified alef/ya, lower case): :func:`fold` with
    every ``\x00`` dropped."""
    return fold(text).replace("\x00", "")


def guess_lang(text: str) -> str:
    """``"ar"`` for mostly-Arabic-script text, else ``"en"``: the fallback for a language without a folder."""
    arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "ar" if arabic > latin * 0.5 and arabic > 0 else "en"


class Language:
    """A language the rules know: its code, name, writing direction, word table and rules.

    The class attributes are the defaults of a language without clitics written left to right in a
    cased script (what English is); a language's folder overrides what differs. Each one is named for
    what it means to the rules that read it.
    """

    code: str = ""
    name: str = ""
    direction: str = "ltr"  # "rtl" or "ltr": the report's dir= for this language's text
    folder: Path | None = None  # where table.json lives (None: the table is given)

    # -- words and their parts
    proclitics: tuple[str, ...] = ()  # attached particles a word may shed (longest first): وب، و، ب ...
    figure_proclitics: tuple[str, ...] = ()  # the same for number, unit and currency words (with the article)
    conjunction_prefix: str = ""  # "و" written onto the next word: "وأكد" = "and confirmed"
    name_prefixes: tuple[str, ...] = ()  # what a known name may carry in front in any text (والتمان، الميتا)
    name_proclitics: str = ""  # one-letter particles that may be glued onto a name ("وإيميت")
    rebuttal_prefix: str = ""  # regex allowed before a rebuttal cue word
    complementizer_prefixes: tuple[str, ...] = ()  # "بأن" = ب + أن
    phrase_final_proclitics: tuple[str, ...] = ()  # a phrase's last word written onto the next ("وفقا لـ" + "لموظف")
    # -- sentences
    abbreviation_periods: bool = True  # "Mr." / "U." do not end a sentence
    # -- clause structure
    subject_after_verb: bool = False  # "قال الوزير" (verb, then subject) rather than "the minister said"
    complementizer_window: int = 5  # tokens searched after a verb for its complementizer
    comma_stops_complementizer: bool = True  # "said, in a statement that": a comma ends the search
    determiner_complementizers: frozenset[str] = frozenset({"that"})  # "questioned that promise"
    lone_anaphoric_objects: bool = False  # a one-word anaphoric object ("هذا") counts with words after it
    reports_without_complementizer: bool = True  # "Klein said the company …"
    verbs_double_as_nouns: bool = True  # "reports", "claims": a reporting verb needs a verb context
    indicate_preposition: str | None = None  # "أشار إلى …": the content after this preposition
    clause_trailing_words: tuple[str, ...] = ()  # connectors trimmed off a clause's end (" و", " لكن")
    phrase_trailing_words: tuple[str, ...] = ()  # the same before an attribution phrase after its clause
    quote_cue_gap_words: int = 4  # words allowed between a quote and the cue after it
    quote_cue_needs_subject: bool = False  # "”، قالت الشركة": a cue after a quote needs its subject after it
    negation_words_first: bool = False  # negation is one of the first two words (else a leading phrase)
    hedge_pattern: str | None = None  # regex of a sentence-level hedge ("قد يـ…") that makes it no statement
    # -- names
    cased_names: bool = True  # a capital letter marks a name ("said Klein", "the Pilots")
    nouns_capitalised: bool = False  # every noun has a capital (German): after a determiner it marks no name
    latin_marks_names: bool = False  # a Latin word in this script marks a name ("OpenAI" in Arabic text)
    # -- figures
    month_before_day: bool = True  # "June 3" as well as "3 June"
    lone_one_words: tuple[str, ...] = ("one",)  # "one" alone is no figure
    conjoined_tens: bool = False  # "وعشرون" (and-twenty) continues a number word
    duration_after_lead: bool = False  # "لمدة أسبوع" = one week

    def __init__(self, code: str | None = None, name: str | None = None, *, table: dict | None = None, **rules):
        if code is not None:
            self.code = code
        if name is not None:
            self.name = name
        for key, value in rules.items():
            if not hasattr(type(self), key):
                raise TypeError(f"unknown language rule {key!r}")
            setattr(self, key, value)
        self._table = table

    def __repr__(self) -> str:
        return f"<Language {self.code} ({self.name}, {self.direction})>"

    @cached_property
    def table(self) -> dict:
        """The word table: ``table.json`` in the language's folder (or the one given)."""
        if self._table is not None:
            return self._table
        folder = self.folder or LANG_DIR / self.code
        return json.loads((folder / "table.json").read_text(encoding="utf-8"))

    def normalise(self, text: str) -> str:
        """The matching form of ``text``, the same length (offsets in it are offsets in ``text``)."""
        return fold(text)

    def squeeze(self, text: str) -> str:
        """:meth:`normalise` with its placeholders dropped: the key a word is looked up by (not offset-preserving)."""
        return squeeze(text)

    def strip_proclitics(self, key: str, proclitics: tuple[str, ...] | None = None) -> list[tuple[str, int]]:
        """``key`` and ``key`` without each attached proclitic that leaves two letters: (form, chars cut)."""
        out = [(key, 0)]
        for p in self.proclitics if proclitics is None else proclitics:
            if key.startswith(p) and len(key) - len(p) >= 2:
                out.append((key[len(p):], len(p)))
        return out

    def variants(self, key: str) -> list[tuple[str, int]]:
        """The forms a normalised word may be looked up as: itself and without a proclitic."""
        return self.strip_proclitics(key)

    def figure_variants(self, key: str) -> list[tuple[str, int]]:
        """The forms a number, unit or currency word may be looked up as."""
        return self.strip_proclitics(key, self.figure_proclitics)

    def stem(self, word: str) -> str:
        """A crude content stem of a case-folded word, for lexical blocking (none by default)."""
        return word


_REGISTRY: dict[str, Language] = {}
# the language folders: every claims/lang/<code>/ with an __init__.py defining LANGUAGE
_BUILTIN = tuple(sorted(p.name for p in LANG_DIR.iterdir() if (p / "__init__.py").is_file()))
_warned: set[str] = set()
_loaded: list[bool] = []


def register(language: Language) -> Language:
    """Add (or replace) a language at run time; ``language.code`` is its key."""
    _REGISTRY[language.code] = language
    return language


def unregister(code: str) -> None:
    """Remove a language added by :func:`register` (tests)."""
    _REGISTRY.pop(code, None)
    _warned.discard(code)


def _load_builtin() -> None:
    """Register each language folder (once; a language registered under the same code first wins)."""
    if _loaded:
        return
    _loaded.append(True)
    for code in _BUILTIN:
        if code not in _REGISTRY:
            register(importlib.import_module(f"{__name__}.{code}").LANGUAGE)


def supported() -> list[str]:
    """The codes of the languages with rules, sorted."""
    _load_builtin()
    return sorted(_REGISTRY)


def get_language(code: str) -> Language:
    """The registered language ``code``; KeyError naming the supported ones otherwise."""
    _load_builtin()
    try:
        return _REGISTRY[code]
    except KeyError:
        raise KeyError(f"no language {code!r}: supported are {', '.join(supported())}") from None


def is_supported(code: str | None) -> bool:
    _load_builtin()
    return isinstance(code, str) and code in _REGISTRY


# written right to left, for codes without a folder (the report's dir= for them)
RTL_WITHOUT_FOLDER = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "ckb", "sd", "ug", "dv"})


def direction(code: str | None) -> str:
    """``"rtl"`` or ``"ltr"`` for a language code (``ar-EG`` is ``ar``): the language's own
    :attr:`Language.direction` when it has a folder, else by :data:`RTL_WITHOUT_FOLDER`."""
    base = (code or "").split("-")[0].lower()
    if is_supported(base):
        return _REGISTRY[base].direction
    return "rtl" if base in RTL_WITHOUT_FOLDER else "ltr"


def by_script(text: str) -> Language:
    """The language by script: Arabic for mostly-Arabic-script text, else English."""
    return get_language(guess_lang(text))


def fallback(text: str) -> Language:
    """The stated fallback for a language without a folder: :func:`by_script`."""
    return by_script(text)


def language_for(code: str | None, text: str) -> Language:
    """The language of a document declared ``code``: its own when supported, else :func:`fallback`
    with a warning (once per code and process) naming the supported languages."""
    if is_supported(code):
        return _REGISTRY[code]
    chosen = fallback(text)
    key = code if isinstance(code, str) else repr(code)
    if key not in _warned:
        _warned.add(key)
        warnings.warn(f"no rules for language {code!r}: using the {chosen.name} rules (by script); "
                      f"supported languages: {', '.join(supported())}", UserWarning, stacklevel=2)
    return chosen


# The Arabic plug-in holds the Arabic letter normaliser that fold() is built on. Imported last: claims/lang/ar
# imports Language from here.
from .ar import MARKS, normalise_arabic  # noqa: E402

_DIACRITICS = re.compile("[" + "".join(sorted(MARKS)) + "]")  # the same marks as a pattern (older callers)
