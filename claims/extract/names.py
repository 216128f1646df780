"""Names: one key per person or body across articles and scripts (``normalise_name``, ``names_in``)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang import get_language, supported
from ..quantities import load_table, squeeze
from .tables import _name_table, lang_table

_DEF_ART = re.compile(r"^(?:ال|لل)(?=..)")


@lru_cache(maxsize=None)
def _org_suffixes() -> frozenset[str]:
    return frozenset(w.lower() for c in supported() for w in load_table(c).get("org_suffixes", []))


@lru_cache(maxsize=None)
def _name_prefixes() -> tuple[str, ...]:
    """What a known name may carry in front in any text: every language's ``name_prefixes``."""
    return tuple(p for c in supported() for p in get_language(c).name_prefixes)


@lru_cache(maxsize=None)
def _first_names() -> frozenset[str]:
    return frozenset(w for c in supported() for w in lang_table(c).first_names)


def normalise_name(text: str) -> str:
    """A key that is the same for one person or body across articles and scripts.

    Known names come from the ``names`` tables (``ألتمان``، ``التمان`` and
    ``Altman`` -> ``"altman"``); otherwise diacritics, tatweel and the
    definite article are dropped, alef/ya/ta marbuta unified, Latin
    lower-cased, and for a person name (two or three name-like words) only
    the last word is kept.
    """
    words = squeeze(text).split()
    words = [w.strip(".,:;،؛\"'“”«»()[]") for w in words]
    words = [w for w in words if w]
    if not words:
        return ""
    table = _name_table()
    best = None
    for i in range(len(words)):
        cands = [words[i]] + [words[i][len(p):] for p in _name_prefixes() if words[i].startswith(p) and len(words[i]) - len(p) >= 2]
        for seq, key in table:
            for c in cands:
                if c == seq[0] and tuple(words[i + 1:i + len(seq)]) == seq[1:]:
                    best = key
                    break
            if best:
                break
        if best:
            return best
    latin = [w for w in words if re.fullmatch(r"[a-z][a-z.'\-]*", w)]
    if latin and len(latin) == len(words) and 1 <= len(words) <= 3:
        if not set(words) & _org_suffixes() and not words[0] in ("the", "a", "an"):
            return latin[-1]
    if words[0] in ("the", "a", "an") and len(words) > 1:
        words = words[1:]
    out = [_DEF_ART.sub("", w).replace("ة", "ه") if re.match("[\u0600-\u06ff]", w) else w for w in words]
    if 2 <= len(out) <= 3 and all(re.match("[\u0600-\u06ff]", w) for w in out) and squeeze(words[0]) in _first_names():
        return out[-1]
    return " ".join(out)


def names_in(text: str) -> set[str]:
    """Normalised keys of the known names (the ``names`` tables) anywhere in ``text``: "قال ألتمان إن ميتا"
    -> {"altman", "meta"}; a proclitic or the article in front of a name is allowed."""
    words = [w.strip(".,:;،؛\"'“”«»()[]") for w in squeeze(text).split()]
    found = set()
    by_first = _names_by_first_word()
    for i, w in enumerate(words):
        if not w:
            continue
        cands = {w} | {w[len(p):] for p in _name_prefixes() if w.startswith(p) and len(w) - len(p) >= 2}
        for c in cands:
            for seq, key in by_first.get(c, ()):
                if tuple(words[i + 1:i + len(seq)]) == seq[1:]:
                    found.add(key)
    return found


@lru_cache(maxsize=None)
def _names_by_first_word() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    out: dict[str, list] = {}
    for seq, key in _name_table():
        out.setdefault(seq[0], []).append((seq, key))
    return {k: tuple(v) for k, v in out.items()}


# --- sources as sides: named mentions only, one label across scripts ---------------------------------

# Latin letters and digraphs -> the consonant class an Arabic transliteration writes for them
_LATIN_CLASSES = (("sh", "s"), ("ch", "k"), ("th", "t"), ("ph", "f"), ("gh", "k"), ("kh", "k"), ("ck", "k"),
                  ("q", "k"), ("c", "k"), ("g", "k"), ("j", "k"), ("p", "b"), ("v", "f"), ("z", "s"), ("x", "ks"),
                  ("d", "t"))
_ARABIC_CLASSES = {"ب": "b", "پ": "b", "ت": "t", "ث": "t", "ط": "t", "د": "t", "ذ": "s", "ض": "t", "ج": "k",
                   "چ": "k", "ح": "h", "ه": "h", "ة": "", "خ": "k", "ك": "k", "ق": "k", "غ": "k", "گ": "k",
                   "ر": "r", "ز": "s", "س": "s", "ش": "s", "ص": "s", "ظ": "s", "ف": "f", "ڤ": "f", "ل": "l",
                   "م": "m", "ن": "n", "ع": "", "ء": "", "ئ": "", "ؤ": ""}


def skeleton(name: str) -> str:
    """A script-free consonant skeleton of a name, so that a name and its transliteration match:
    ``Altman`` and ``ألتمان`` -> ``ltmn``, ``Trump`` and ``ترامب`` -> ``trmb``, ``Bosworth`` and ``بوسورث``
    -> ``bsrt``. Vowels, and the letters Arabic writes for vowels (alef, waw, ya), are dropped; letters that
    transliterate into one another fall into one class (p/b; g/j/k/q/c/ch/gh/kh; th/t/d; s/z/sh)."""
    t = squeeze(name)
    out = []
    if re.search(r"[\u0600-\u06ff]", t):
        t = t.replace("تش", "ك")  # "ch" written t+sh (تشين)
        for ch in t:
            out.append(_ARABIC_CLASSES.get(ch, "") if "\u0600" <= ch <= "\u06ff" else "")
    else:
        t = re.sub(r"[^a-z]", "", t.lower())
        for a, b in _LATIN_CLASSES:
            t = t.replace(a, b.upper())  # upper case: already mapped, not mapped again
        t = t.lower()
        out = [ch for ch in t if ch not in "aeiouwy"]
    s = "".join(out)
    return re.sub(r"(.)\1+", r"\1", s)  # doubled letters (Shaddah in one script, "tt" in the other) once


_LATIN_DETERMINERS = frozenset("""the a an his her their its this that these those our my your one some many several
another other such each every all both no any few most""".split())


@lru_cache(maxsize=None)
def _generic_words() -> frozenset[str]:
    """Words that make a mention a pronoun or a common noun, not a source: every language's pronouns,
    anonymous sources, claim anaphora and organisation words (``the company``)."""
    out = set(_LATIN_DETERMINERS)
    for c in supported():
        t = load_table(c)
        for key in ("pronouns", "anonymous_sources", "claim_anaphora", "anaphoric_objects", "object_pronouns", "org_words"):
            out.update(squeeze(w) for w in t.get(key, []) if isinstance(w, str))
    return frozenset(out)


def is_named_source(text: str | None, key: str | None) -> bool:
    """True when a speaker mention names a person, organisation or outlet (``Sam Altman``, ``مصادر Meta``
    -> Meta, ``صحيفة وول ستريت جورنال``, ``Boston police``), False for a pronoun or a common noun (``His
    announcement``, ``The report``, ``المصادر``, ``أحدهم``, ``مجلس الإدارة``). Known names (the ``names``
    tables) and Latin capitals decide; an Arabic mention must carry a known name, a first name or a title
    in front of a name."""
    if not text or not key:
        return False
    if key in _known_keys():
        return True
    words = [w.strip(".,:;،؛\"'“”«»()[]") for w in text.split()]
    words = [w for w in words if w]
    if not words:
        return False
    generic = _generic_words()
    if re.search(r"[A-Za-z]", text):
        caps = [w for w in words if re.match(r"[A-Z0-9]", w) and squeeze(w) not in generic]
        return bool(caps) and not (len(words) == 1 and squeeze(words[0]) in generic)
    sq = [squeeze(w) for w in words]
    if squeeze(text) in generic or sq[0] in generic:
        return False
    if sq[0] in {squeeze(w) for w in _first_names()}:
        return True
    rest = " ".join(words)
    for c in supported():  # a title in front of a name: the name part must not be a common noun (no article)
        for title in get_language(c).table.get("titles", []):
            if rest.startswith(title + " ") and not rest[len(title) + 1:].startswith("ال"):
                return True
    return False


@lru_cache(maxsize=None)
def _known_keys() -> frozenset[str]:
    return frozenset(key for _, key in _name_table())
