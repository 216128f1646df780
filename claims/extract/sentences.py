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
        if D.language.abbreviation_periods and m.group().startswith(".") and _abbreviation(D, s, m.start(), m.end(), pend):
            continue
        e = m.end()
        if text[s:e].strip():
            out.append(_strip(text, s, e))
        s = e
    if text[s:pend].strip():
        out.append(_strip(text, s, pend))
    return out


_INITIALS = re.compile(r"(?:\w\.)+\w|[A-Z]|[A-Z][a-z]?")  # "U.S", "a.m", "J", "Th"
_NEXT_WORD = re.compile(r"\s*([\w$€£]+)")


def _abbreviation(D: _Doc, s: int, dot: int, after: int, pend: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation, not the sentence: a word of the language's
    list ("Mr.", "Dept."), an abbreviation before a number ("No. 10"), an initial ("J. K. Rowling"), or a
    dotted acronym ("U.S.", "a.m.") not followed by a word that opens sentences ("… the U.S. The …")."""
    text, L = D.text, D.L
    word = _last_word(text, s, dot)
    if not word:
        return False
    w = word.lstrip("(\"“‘«")
    nxt = _NEXT_WORD.match(text, after, pend)  # (not a copy of the rest of the paragraph per period)
    if not nxt:
        return False  # the paragraph ends here
    if w.lower() + "." in L.number_abbreviations:
        return nxt.group(1)[:1].isdigit()
    if re.fullmatch(r"(?:\w\.)+\w", w):
        return nxt.group(1).lower() not in L.sentence_starters
    return w.lower() + "." in L.abbreviations or bool(re.fullmatch(r"[A-Z]", w))


def _last_word(text: str, s: int, e: int) -> str:
    """The run of non-space characters ending at e (not before s): ``re.search(r"(\\S+)$", text[s:e])``
    without copying the sentence so far at every period. As there, ``$`` also matches before a final
    newline (a paragraph may now hold a hard-wrapped line break)."""
    if e > s and text[e - 1] == "\n":
        e -= 1
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


_STOP_END = re.compile(r"[.!?؟…:;؛\"”»’')\]]\s*$")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs, whitespace-stripped: lines of the file, except that a single line break inside a
    sentence (hard-wrapped text) is no boundary. A break is kept after a blank line, after a line ending
    in a sentence stop (or colon, closing quote), and before a capitalised line unless the text is
    hard-wrapped and the line runs to the wrap width (a short headline stays its own paragraph)."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    width = _wrap_width([ln for _, _, ln in lines])
    out: list[tuple[int, int]] = []
    prev = None  # the previous non-blank line, when the one before this was not blank
    for s, e, line in lines:
        if not line.strip():
            prev = None
            continue
        if prev is not None and out and _soft_break(prev, line, width):
            out[-1] = (out[-1][0], _strip(text, s, e)[1])
        else:
            out.append(_strip(text, s, e))
        prev = line
    return out


def _wrap_width(lines: list[str]) -> int | None:
    """The wrap width of hard-wrapped text (most lines within a few characters of it), else None."""
    lens = [len(ln.rstrip()) for ln in lines if ln.strip()]
    if len(lens) < 4:
        return None
    width = max(lens)
    near = sum(1 for n in lens if n >= 0.75 * width)
    return width if width <= 120 and near >= 0.6 * len(lens) else None


def _soft_break(prev: str, line: str, width: int | None) -> bool:
    """Whether the line break between ``prev`` and ``line`` falls inside a sentence."""
    if _STOP_END.search(prev):
        return False
    first = line.lstrip()[:1]
    if first.islower() or first.isdigit() or first in "%$€£,;)":
        return True  # "$100" / "million", "rose by 0.5" / "percent"
    return width is not None and len(prev.rstrip()) >= 0.75 * width


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
