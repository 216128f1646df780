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
