"""Statements: sentences with a figure or a named actor, attributed to the article itself."""

from __future__ import annotations

import bisect
import re

from ..quantities import parse_quantities
from .content import _clause_end, _first_words
from .drafts import _Draft
from .speakers import _name_keys
from .stances import _cues_from, _tail_stances
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
    if _has_opinion(D, keys):
        return False
    qs = parse_quantities(text, offset=s, lang=D.lang)
    D.figures[(s, e)] = qs  # the claim's figures if [s, e) becomes a statement
    if qs:
        return True
    a, b = D.tok_at(s), D.tok_at(e)
    for i in range(a, b):
        t = D.toks[i]
        if not t.word:
            continue
        if D.language.latin_marks_names and re.match(r"[A-Za-z]", t.raw):
            return True
        if D.language.cased_names and re.match(r"[A-Z]", t.raw) and i > a and D.toks[i - 1].raw not in (".", "\"", "“") and not (
                D.language.nouns_capitalised and (D.toks[i - 1].key in D.L.determiners or re.fullmatch(r"[a-zäöüß]+e[nrsm]?", D.toks[i - 1].raw))):
            return True  # a name; in German "das Unternehmen", "neue Regeln" are nouns
        if _name_keys(D, t.key)[0]:  # the first word of a known name
            return True
    return False


def _has_opinion(D: _Doc, keys: list[str]) -> bool:
    """Whether an opinion marker (a word sequence) occurs in ``keys``, tried only where its first word is."""
    firsts = _first_words(D.L.opinion)
    at: dict[str, list[int]] = {}  # where each first word of a marker stands
    for i, k in enumerate(keys):
        if firsts is None or k in firsts:
            at.setdefault(k, []).append(i)
    for seq in D.L.opinion:
        n = len(seq)
        starts = range(len(keys) - n + 1) if firsts is None else at.get(seq[0], ())
        if any(tuple(keys[i:i + n]) == seq for i in starts):
            return True
    return False


def statement_claims(D: _Doc, P) -> None:
    """Statements into ``P.drafts``: sentences of P that hold no claim yet, no cue and no opinion marker,
    with a figure or a named actor. A statement may carry a hedge ("reportedly") and a stance tail
    ("…, a figure confirmed by X")."""
    text = D.text
    # the claims so far by start, with the furthest end among those starting before each: a sentence
    # overlaps one iff one starting before its end reaches past its start (statements added here stay
    # inside their own sentence, before the later ones)
    spans = sorted((d.start, d.end) for d in P.drafts)
    starts, reach = [s for s, _ in spans], []
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    for s, e in P.sents:
        k = bisect.bisect_left(starts, e)
        if k and reach[k - 1] > s:
            continue
        e2, tail = _clause_end(D, s, e, [], [], breaks=False)
        if text[e2:e].strip(" .") == "":
            e2 = e
        cues = _cues_from(D, P.cues, s, e2)
        if any(c.kind != "adverb" for c in cues):
            continue
        if _is_statement(D, s, e2):
            m = re.match(r"[-•*·▪–—]+\s*", text[s:e2])
            s2 = s + (m.end() if m else 0)
            hedge = next((c for c in cues if c.kind == "adverb"), None)
            d = _Draft(s2, e2, "statement", None, "hedges" if hedge else "asserts",
                       (D.toks[hedge.tok].start, D.toks[hedge.last].end) if hedge else None, (s, e))
            if tail is not None:
                d.extra = _tail_stances(D, tail, e, P.cues)
            P.drafts.append(d)
