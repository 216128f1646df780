"""Statements: sentences with a figure or a named actor, attributed to the article itself."""

from __future__ import annotations

import re

from ..quantities import parse_quantities
from .tokens import _Doc, _variants

_HEDGE_AR = re.compile(r"(?:^|\s)(?:قد)\s+[يتنأ]\S+")


def _is_statement(D: _Doc, s: int, e: int) -> bool:
    text = D.text[s:e]
    toks = [t for t in D.toks[D.tok_at(s):D.tok_at(e)] if t.word]
    if len(toks) < 4:
        return False
    if text.rstrip().endswith(("?", "؟", ":")):
        return False
    keys = [t.key for t in toks]
    if D.lang == "ar" and _HEDGE_AR.search(text):
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
        if D.lang == "ar" and re.match(r"[A-Za-z]", t.raw):
            return True
        if D.lang == "en" and re.match(r"[A-Z]", t.raw) and i > a and D.toks[i - 1].raw not in (".", "\"", "“"):
            return True
        keys0 = [v for v, _ in _variants(t.key, D.lang)]
        if any(seq[0] in keys0 for seq, _ in D.L.names):
            return True
    return False
