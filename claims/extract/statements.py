"""Statements: sentences with a figure or a named actor, attributed to the article itself."""

from __future__ import annotations

import re

from ..quantities import parse_quantities
from .content import _clause_end
from .drafts import _Draft
from .speakers import _name_keys
from .stances import _tail_stances
from .tokens import _Doc

def _is_statement(D: _Doc, s: int, e: int) -> bool:
    text = D.text[s:e]
    toks = [t for t in D.toks[D.tok_at(s):D.tok_at(e)] if t.word]
    if len(toks) < 4:
        return False
    if text.rstrip().endswith(("?", "؟", ":")):
        return False
    keys = [t.key for t in toks]
    if D.language.hedge_pattern and re.search(D.language.hedge_pattern, text):
        return False
    for seq in D.L.opinion:
        n = len(seq)
        if any(tuple(keys[i:i + n]) == seq for i in range(len(keys) - n + 1)):
            return False
    qs = [q for q in parse_quantities(text, lang=D.lang)]
    if qs:
        return True
    a, b = D.tok_at(s), D.tok_at(e)
    for i in range(a, b):
        t = D.toks[i]
        if not t.word:
            continue
        if D.language.latin_marks_names and re.match(r"[A-Za-z]", t.raw):
            return True
        if D.language.cased_names and re.match(r"[A-Z]", t.raw) and i > a and D.toks[i - 1].raw not in (".", "\"", "“"):
            return True
        if _name_keys(D, t.key)[0]:  # the first word of a known name
            return True
    return False


def statement_claims(D: _Doc, P) -> None:
    """Statements into ``P.drafts``: sentences of P that hold no claim yet, no cue and no opinion marker,
    with a figure or a named actor. A statement may carry a hedge ("reportedly") and a stance tail
    ("…, a figure confirmed by X")."""
    text = D.text
    for s, e in P.sents:
        if any(not (d.end <= s or d.start >= e) for d in P.drafts):
            continue
        e2, tail = _clause_end(D, s, e, [], [], breaks=False)
        if text[e2:e].strip(" .") == "":
            e2 = e
        if any(s <= D.toks[c.tok].start < e2 and c.kind != "adverb" for c in P.cues):
            continue
        if _is_statement(D, s, e2):
            m = re.match(r"[-•*·▪–—]+\s*", text[s:e2])
            s2 = s + (m.end() if m else 0)
            hedge = next((c for c in P.cues if s <= D.toks[c.tok].start < e2 and c.kind == "adverb"), None)
            d = _Draft(s2, e2, "statement", None, "hedges" if hedge else "asserts",
                       (D.toks[hedge.tok].start, D.toks[hedge.last].end) if hedge else None, (s, e))
            if tail is not None:
                d.extra = _tail_stances(D, tail, e, P.cues)
            P.drafts.append(d)
