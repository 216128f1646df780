"""Paragraphs and sentences: character ranges, whitespace-stripped."""

from __future__ import annotations

import re

from .tokens import _Doc

_END = re.compile(r"(?:\.{2,}|[.!?؟…])+[\"”»’']*(?=\s|$)")


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


def _abbreviation(D: _Doc, s: int, dot: int, after: int, pend: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation, not the sentence: a word of the language's
    list ("Mr.", "Dept."), an abbreviation before a number ("No. 10"), an initial ("J. K. Rowling"), or a
    dotted acronym ("U.S.", "a.m.") not followed by a word that opens sentences ("… the U.S. The …")."""
    text, L = D.text, D.L
    word = re.search(r"(\S+)$", text[s:dot])
    if not word:
        return False
    w = word.group(1).lstrip("(\"“‘«")
    nxt = re.match(r"\s*([\w$€£]+)", text[after:pend])
    if not nxt:
        return False  # the paragraph ends here
    if w.lower() + "." in L.number_abbreviations:
        return nxt.group(1)[:1].isdigit()
    if re.fullmatch(r"(?:\w\.)+\w", w):
        return nxt.group(1).lower() not in L.sentence_starters
    return w.lower() + "." in L.abbreviations or bool(re.fullmatch(r"[A-Z]", w))


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
    merged: list[tuple[int, int]] = []
    for s, e in sents:
        if merged and any(q.close is not None and q.open < s <= q.close for q in quotes):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged
