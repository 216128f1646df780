"""The per-paragraph context ``_Para`` the stages fill in.

A paragraph is one line of the file. It starts with its sentences and quotations; the stages (cues,
speakers, quotes, content, stances, statements) then add to the same ``_Para``.
"""

from __future__ import annotations

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

    def inside(self, p: int) -> bool:
        """Whether character p lies within a quotation (marks included)."""
        return any(q.open <= p <= (q.close if q.close is not None else q.end) for q in self.quotes)

    def sent_of(self, p: int) -> tuple[int, int]:
        for s, e in self.sents:
            if s <= p < e:
                return s, e
        return self.start, self.end
