"""Tokens and the per-document context ``_Doc`` (text, language table, tokens, last named speaker)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..quantities import guess_lang, squeeze
from ..types import Document, Span, Speaker
from .tables import _AR_PROCLITICS, lang_table

_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640'’\-]+|[^\s\w]", re.UNICODE)


_QUOTE_CHARS = "\"“”«»„‘’‹›"


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


def _variants(key: str, lang: str) -> list[tuple[str, int]]:
    """The key and, for Arabic, the key without one attached proclitic."""
    out = [(key, 0)]
    if lang == "ar":
        for p in _AR_PROCLITICS:
            if key.startswith(p) and len(key) - len(p) >= 2:
                out.append((key[len(p):], len(p)))
        if key.startswith("لل") and len(key) > 4:
            out.append(("ال" + key[2:], 1))  # للتقارير = ل + التقارير
    return out


class _Doc:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        code = doc.lang if doc.lang in ("ar", "en") else guess_lang(doc.text[:5000])
        self.lang = code
        self.L = lang_table(code)
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
