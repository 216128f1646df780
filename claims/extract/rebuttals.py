"""Rebuttals: whom a claim answers (``Claim.rebuts``)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from ..lang import get_language
from ..quantities import fold, load_table, squeeze
from ..types import Claim
from .speakers import _is_named, _make_speaker, _name_in
from .tokens import _Doc


@lru_cache(maxsize=None)
def _rebuttal_cues(lang: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    table = load_table(lang).get("rebuttal_cues") or {}
    pre = get_language(lang).rebuttal_prefix

    def rx(words):
        words = sorted({squeeze(w) for w in words if squeeze(w)}, key=len, reverse=True)
        return re.compile(rf"(?<!\w){pre}(?:{'|'.join(re.escape(w) for w in words)})(?!\w)") if words else None

    return rx(table.get("strong", [])), rx(table.get("targeted", []))


def mark_rebuttals(D: _Doc, claims: list[Claim]) -> list[Claim]:
    """Record whom a claim answers: "ردًا على هذه التصريحات، اتهم بوسورث ألتمان بالمبالغة، قائلًا: …",
    "Bosworth hit back at Altman: …".

    The cue must stand in the claim's own stretch of its sentence (between the previous claim and the next
    one). The target is a person (else a named body) other than the speaker named there; for a 'strong' cue that names nobody
    ("in response to these remarks"), the speaker of the nearest earlier claim by another named person.
    """
    strong, targeted = _rebuttal_cues(D.lang)
    if strong is None and targeted is None:
        return claims
    folded = fold(D.text)
    out = []
    starts = [c.start for c in claims]  # the claims come sorted by (start, end)
    ends: list[int] = []  # the ends of the claims before the current one, sorted
    earlier = _Earlier(D, claims)
    for n, c in enumerate(claims):
        if n:
            bisect.insort(ends, claims[n - 1].end)
        if not (c.speaker and c.speaker.name and c.sentence):
            out.append(c)
            continue
        s0, s1 = c.sentence
        k = bisect.bisect_right(ends, c.start)  # the last earlier end at or before c's start, if in the sentence
        lo = max(s0, ends[k - 1]) if k else s0
        k = bisect.bisect_left(starts, c.end, n + 1)  # the first later start at or after c's end
        hi = min(s1, starts[k]) if k < len(claims) else s1
        regions = [(lo, c.start), (c.end, hi)]
        segs = [folded[a:b].replace("\x00", "") for a, b in regions if b > a]
        is_strong = strong is not None and any(strong.search(x) for x in segs)
        if not (is_strong or (targeted is not None and any(targeted.search(x) for x in segs))):
            out.append(c)
            continue
        target = None
        for a, b in regions:
            i, j = D.tok_at(a), D.tok_at(b)
            while i < j and target is None:
                hit = _name_in(D, i, j)  # a person first, else a named body ("accused Meta of …")
                if hit is None:
                    break
                spk = _make_speaker(D, hit[0], hit[1])
                if spk and spk.name and spk.name != c.speaker.name and a <= spk.start and spk.end <= b:
                    target = spk
                i = hit[1]
            if target:
                break
        if target is None and is_strong:
            target = earlier.last_other(n, c.speaker.name)
        out.append(replace(c, rebuts=target) if target else c)
    return out


class _Earlier:
    """The speaker of the last claim before claim n, by a named person, not a statement, and named
    otherwise than a given name: kept up to date over the claims in order (the last such claim, and the
    last one named otherwise than it), instead of a scan of all the claims before each."""

    def __init__(self, D: _Doc, claims: list[Claim]):
        self.D, self.claims, self.upto = D, claims, 0
        self.last = self.other = None  # speakers

    def last_other(self, n: int, name: str):
        while self.upto < n:
            p = self.claims[self.upto]
            self.upto += 1
            if p.speaker and p.speaker.name and p.kind != "statement" and _is_named(self.D, p.speaker):
                if self.last is not None and p.speaker.name != self.last.name:
                    self.other = self.last
                self.last = p.speaker
        if self.last is not None and self.last.name != name:
            return self.last
        return self.other
