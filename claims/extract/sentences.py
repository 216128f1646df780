"""Paragraphs and sentences: character ranges, whitespace-stripped."""

from __future__ import annotations

import re
from bisect import bisect_left

from .tokens import _Doc

# A run of stops (".", "...", "!?", "؟", "…"), closing quotes, then a space or the end. The run and the
# quotes are possessive and a match never starts inside a run: a shorter run ends before another stop,
# which is never followed by a space, so backtracking into a run can only fail (and the former
# "(?:\.{2,}|[.!?؟…])+" took exponential time to fail on "....x").
_END = re.compile(r"(?<![.!?؟…])[.!?؟…]++[\"”»’']*+(?=\s|$)")


def split_sentences(D: _Doc, pstart: int, pend: int) -> list[tuple[int, int]]:
    text = D.text
    out = []
    s = pstart
    for m in _END.finditer(text, pstart, pend):
        if D.language.abbreviation_periods and m.group().startswith("."):
            word = _last_word(text, s, m.start())
            if word and (word.lower() + "." in D.L.abbreviations or re.fullmatch(r"[A-Z]", word)):
                continue
        e = m.end()
        if text[s:e].strip():
            out.append(_strip(text, s, e))
        s = e
    if text[s:pend].strip():
        out.append(_strip(text, s, pend))
    return out


def _last_word(text: str, s: int, e: int) -> str:
    """The run of non-space characters ending at e (not before s): ``re.search(r"(\\S+)$", text[s:e])``
    without copying the sentence so far at every period."""
    j = e
    while j > s and not text[j - 1].isspace():
        j -= 1
    return text[j:e]


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs: one non-blank line of the file each, whitespace-stripped."""
    out = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if line.strip():
            out.append(_strip(text, s, e))
    return out


def merge_quoted(sents: list[tuple[int, int]], quotes) -> list[tuple[int, int]]:
    """Sentences with the boundaries that fall inside a closed quotation removed."""
    closed = sorted((q.open, q.close) for q in quotes if q.close is not None)
    opens = [o for o, _ in closed]
    reach = []  # reach[k]: the furthest closing mark of the closed quotes opened before opens[k + 1]
    for _, c in closed:
        reach.append(max(c, reach[-1]) if reach else c)
    merged: list[tuple[int, int]] = []
    for s, e in sents:
        k = bisect_left(opens, s)  # the closed quotes opened before s: a boundary at s is inside one
        if merged and k and reach[k - 1] >= s:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged
