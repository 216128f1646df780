"""Tokens and the per-document context ``_Doc`` (text, its ``Language`` and word table, tokens, last named speaker)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass

from ..lang import Language, language_for, squeeze
from ..types import Document, Span, Speaker
from .tables import lang_table

# a word starts with a letter or digit ("'We" is a quote mark and a word; "union's", "players'" are words)
_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640][\w\u0610-\u061a\u064b-\u065f\u0670\u0640'’\-]*|[^\s\w]",
                    re.UNICODE)


def _quote_chars() -> str:
    """Every quotation mark: Unicode initial/final punctuation (Pi/Pf), the low-9 marks, ASCII and CJK marks."""
    import unicodedata

    marks = {ch for ch in map(chr, range(0x2000, 0x2E50)) if unicodedata.category(ch) in ("Pi", "Pf")}
    marks |= {ch for ch in map(chr, range(0x80, 0x2000)) if unicodedata.category(ch) in ("Pi", "Pf")}
    marks |= set("\"'„‚「」『』〝〞＂`")
    return "".join(sorted(marks))


_QUOTE_CHARS = _quote_chars()


@dataclass(slots=True)
class _T:
    i: int
    start: int
    end: int
    raw: str
    key: str
    word: bool


_WORD_START = re.compile(r"[\w\u0640]")
_KEYS: dict[str, tuple[str, bool]] = {}  # raw token -> (key, is a word): the same words recur


def tokenise(text: str) -> list[_T]:
    out = []
    keys = _KEYS
    for m in _TOKEN.finditer(text):
        raw = m.group()
        known = keys.get(raw)
        if known is None:
            known = (squeeze(raw).replace("’", "'"), bool(_WORD_START.match(raw)))
            if len(keys) < 500_000:
                keys[raw] = known
        out.append(_T(len(out), m.start(), m.end(), raw, known[0], known[1]))
    return out


@lru_cache(maxsize=500_000)
def _variants(key: str, language: Language) -> list[tuple[str, int]]:
    """The key and the forms it may be looked up as (Arabic: without one attached proclitic), computed
    once per language and key (the callers only read the list)."""
    return language.variants(key)


class _Doc:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.language = language_for(doc.lang, doc.text[:5000])  # the stated fallback, with a warning
        self.lang = self.language.code
        self.L = lang_table(self.language)
        self.toks = tokenise(self.text)
        self.starts = [t.start for t in self.toks]
        self.last_speaker: Speaker | None = None
        self.figures: dict[tuple[int, int], list] = {}  # parse_quantities of a span, offsets absolute
        self.memo: dict = {}  # what a stage computed once for the document (keys name the stage)
        skips = doc.skips
        ordered = all(s.start <= s.end for s in skips) and all(
            skips[k].end <= skips[k + 1].start for k in range(len(skips) - 1))
        self._skip_ends = [s.end for s in skips] if ordered else None

    # -- helpers
    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after pos."""
        return bisect.bisect_left(self.starts, pos)

    def is_skipped(self, start: int, end: int) -> bool:
        """``doc.is_skipped(start, end)``, by bisection over the skips when they are sorted and disjoint
        (as ``documents`` makes them) instead of a sum over all of them."""
        if self._skip_ends is None:
            return self.doc.is_skipped(start, end)
        if end <= start:
            return False
        skips = self.doc.skips
        covered = 0
        for k in range(bisect.bisect_right(self._skip_ends, start), len(skips)):
            s = skips[k]
            if s.start >= end:
                break
            covered += max(0, min(end, s.end) - max(start, s.start))
        return covered * 2 > end - start

    def span(self, start: int, end: int) -> Span:
        return self.doc.span(start, end)
