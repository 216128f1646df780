"""Quotations: marks paired over the language's quote-mark table."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import _strip
from .tokens import _Doc

@dataclass
class _Quote:
    open: int  # index of the opening mark
    close: int | None  # index of the closing mark, None when missing
    start: int  # content start
    end: int  # content end
    warnings: tuple[str, ...] = ()


_LETTER = re.compile(r"[\w\u0600-\u06ff]")


def _find_quotes(D: _Doc, pstart: int, pend: int, sents: list[tuple[int, int]]) -> list[_Quote]:
    """Quotations in one paragraph, paired with a stack over the language's quote-mark table."""
    text = D.text
    pairs = D.L.quote_pairs
    closer_for = {o: c for o, c in pairs}
    openers = set(closer_for)
    closers = {c for _, c in pairs}
    double = {'"', "“", "”"}  # straight and curly double quotes close each other in practice
    marks = [(i, text[i]) for i in range(pstart, pend) if text[i] in openers or text[i] in closers]
    stack: list[tuple[int, str]] = []
    closed: list[_Quote] = []
    for pos, ch in marks:
        prev = text[pos - 1] if pos > pstart else " "
        nxt = text[pos + 1] if pos + 1 < pend else " "
        prev_space = prev.isspace() or prev in "(:[،,—–-ـ" or pos == pstart or (
            _LETTER.match(prev) and (pos - 1 == pstart or not _LETTER.match(text[pos - 2])) and prev in "وفبلك"
        )
        next_word = bool(_LETTER.match(nxt)) or nxt in "[(.$€£" or nxt.isdigit()
        can_open = prev_space and next_word
        can_close = not prev.isspace() and pos > pstart and not (next_word and _LETTER.match(prev))
        if ch in "’'" and _LETTER.match(prev) and _LETTER.match(nxt):
            continue  # apostrophe
        opener_only = ch in openers and closer_for[ch] != ch and not any(closer_for[o] == ch for _, o in stack)
        if opener_only:
            if ch in "‘'" and not can_open:
                continue
            stack.append((pos, ch))
            continue
        match = None
        for k in range(len(stack) - 1, -1, -1):
            o = stack[k][1]
            if closer_for[o] == ch or (ch in double and o in double and closer_for[o] in double):
                match = k
                break
        if match is not None and (can_close or not can_open):
            opos, _ = stack[match]
            # anything opened after the matched opener and still open is dropped (stray marks)
            del stack[match:]
            closed.append(_Quote(opos, pos, opos + 1, pos))
            continue
        if can_open and ch in openers:
            stack.append((pos, ch))
    quotes = []
    for q in closed:
        quotes.append(q)
    # unclosed openers: an outer quote whose inner quote closes the paragraph shares that closing mark
    for opos, ch in stack:
        if ch == "'":
            continue  # an ASCII apostrophe-like mark left open is not a quote
        tail = [q for q in quotes if q.open > opos]
        last = max(tail, key=lambda q: q.close) if tail else None
        if last is not None and not text[last.close + 1:pend].strip(" .،,؛;\"”") and ch in "“«\"":
            quotes = [q for q in quotes if not (q.open > opos and q.close <= last.close)]
            quotes.append(_Quote(opos, last.close, opos + 1, last.close))
            continue
        if not re.match(r"\s*\S", text[opos + 1:pend]) or not _LETTER.match(text[opos + 1:opos + 2] or " ") and text[opos + 1:opos + 2] not in "[(":
            continue
        send = next((e for s, e in sents if s <= opos < e), pend)
        quotes.append(_Quote(opos, None, opos + 1, send, ("unclosed quote",)))
    quotes.sort(key=lambda q: q.open)
    # drop quotes nested inside another (kept as part of the outer content)
    out = []
    for q in quotes:
        if out and q.open < out[-1].end:
            continue
        s, e = _strip(text, q.start, q.end)
        while e > s and text[e - 1] in ",،":
            e -= 1
        if e > s:
            q.start, q.end = s, e
            out.append(q)
    return out
