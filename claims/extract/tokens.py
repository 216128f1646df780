"""Tokens and the per-document context ``_Doc`` (text, its ``Language`` and word table, tokens, last named speaker)."""

from __future__ import annotations

import re
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


@dataclass
class _T:
    i: int
    start: int
    end: int
    raw: str
    key: str
    word: bool


def tokenise(text: str) -> list[_T]:
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        word = bool(re.match(r"[\w\u0640]", raw))
        out.append(_T(len(out), m.start(), m.end(), raw, squeeze(raw).replace("’", "'"), word))
    return out


def _variants(key: str, language: Language) -> list[tuple[str, int]]:
    """The key and the forms it may be looked up as (Arabic: without one attached proclitic)."""
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

    # -- helpers
    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after pos."""
        import bisect

        return bisect.bisect_left(self.starts, pos)

    def span(self, start: int, end: int) -> Span:
        return self.doc.span(start, end)
