"""The per-paragraph context ``_Para`` the stages fill in.

A paragraph is one line of the file. It starts with its sentences and quotations; the stages (cues,
speakers, quotes, content, stances, statements) then add to the same ``_Para``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from ..types import Speaker
from .cues import _Cue
from .drafts import _Draft
from .quotes import _Quote


@dataclass
class _Para:
    start: int
    end: int
    sents: list[tuple[int, int]]
    quotes: list[_Quote]
    prev_tail: tuple[_Cue, Speaker | None] | None  # the previous paragraph ended "…، مضيفًا:"
    prev_last: _Draft | None  # the last claim of the paragraphs before
    cues: list[_Cue] = field(default_factory=list)
    cue_speakers: dict[int, Speaker | None] = field(default_factory=dict)
    own_quotes: list[_Quote] = field(default_factory=list)  # quotes attributed to a cue or continued
    quote_info: list[tuple[_Quote, _Cue | None, Speaker | None, bool]] = field(default_factory=list)
    used_cues: set[int] = field(default_factory=set)  # cues that introduce a quote
    tail_cues: set[int] = field(default_factory=set)  # cues in a stance tail ("…, a figure X denied")
    reported: list[_Draft] = field(default_factory=list)
    anaphoric: list[tuple[_Cue, int]] = field(default_factory=list)  # "confirmed this figure"
    drafts: list[_Draft] = field(default_factory=list)
    _index: dict = field(default_factory=dict, repr=False)  # look-up tables, made on first use

    def inside(self, p: int) -> bool:
        """Whether character p lies within a quotation (marks included)."""
        opens, reach = self._quote_index()
        k = bisect_right(opens, p)  # the quotes opened at or before p
        return k > 0 and reach[k - 1] >= p

    def _quote_index(self) -> tuple[list[int], list[int]]:
        """The quotes' opening marks, sorted, and for each the furthest end (closing mark, else content
        end) of the quotes opened so far: p is inside one iff that reach is >= p."""
        if "quotes" not in self._index:
            spans = sorted((q.open, q.close if q.close is not None else q.end) for q in self.quotes)
            reach: list[int] = []
            for _, r in spans:
                reach.append(max(r, reach[-1]) if reach else r)
            self._index["quotes"] = ([o for o, _ in spans], reach)
        return self._index["quotes"]

    def quote_opens(self) -> set[int]:
        """The opening marks of the quotes (``any(q.open == x for q in P.quotes)`` as a set look-up)."""
        if "opens" not in self._index:
            self._index["opens"] = {q.open for q in self.quotes}
        return self._index["opens"]

    def sent_of(self, p: int) -> tuple[int, int]:
        """The sentence holding character p (the sentences are sorted and disjoint), else the paragraph."""
        if "sents" not in self._index:
            self._index["sents"] = [s for s, _ in self.sents]
        k = bisect_right(self._index["sents"], p) - 1
        if k >= 0 and p < self.sents[k][1]:
            return self.sents[k]
        return self.start, self.end
