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
        if D.language.abbreviation_periods and m.group().startswith("."):
            word = re.search(r"(\S+)$", text[s:m.start()])
            if word and (word.group(1).lower() + "." in D.L.abbreviations or re.fullmatch(r"[A-Z]", word.group(1))):
                continue
        e = m.end()
        if text[s:e].strip():
            out.append(_strip(text, s, e))
        s = e
    if text[s:pend].strip():
        out.append(_strip(text, s, pend))
    return out


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
    merged: list[tuple[int, int]] = []
    for s, e in sents:
        if merged and any(q.close is not None and q.open < s <= q.close for q in quotes):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged
