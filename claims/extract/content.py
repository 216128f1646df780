"""Content: where a reported clause ends."""

from __future__ import annotations

import re

from .cues import _Cue
from .quotes import _Quote
from .sentences import _strip
from .tokens import _Doc

def _clause_end(D: _Doc, start: int, sent_end: int, cues: list[_Cue], quotes_own: list[_Quote],
                breaks: bool = True) -> tuple[int, int | None]:
    """End of a reported clause starting at ``start``; also the token where a stance tail begins."""
    text, toks, L = D.text, D.toks, D.L
    end = sent_end
    tail = None
    for c in cues:
        cs = toks[c.tok].start
        if start < cs < end:
            before = text[start:cs].rstrip()
            if before.endswith(("،", ",", "؛", ";", "-", "–", "—")) or D.lang == "en" and before.endswith(","):
                end = cs
                break
            # "وأكد ..." joined by و without a comma
            if D.lang == "ar" and toks[c.tok].key.startswith("و") and c.kind == "verb" and toks[c.tok - 1].raw in ("،", ","):
                end = cs
                break
            # "…، كانت هناك أخبار تفيد بأن": another report after a comma ends this clause at the comma
            commas = [m.start() for m in re.finditer(r"[،,؛;]", text[start:cs])]
            if commas and not any(q.open < start + commas[-1] < (q.close or q.end) for q in quotes_own):
                end = start + commas[-1]
                break
    for q in quotes_own:
        if start < q.open < end:
            end = q.open
    # ", however ..." / "، ومع ذلك" / "، لكن" end the reported clause
    t = D.tok_at(start)
    while breaks and t < len(toks) and toks[t].start < end:
        if toks[t].raw in ("،", ",", "؛", ";") and toks[t].start > start:
            for seq in L.clause_breaks:
                n = len(seq)
                keys = tuple(x.key for x in toks[t + 1:t + 1 + n])
                if keys == seq or (D.lang == "ar" and keys and keys[0].startswith("و") and (keys[0][1:],) + keys[1:] == seq):
                    end = toks[t].start
                    break
        t += 1
    # "- وهو ادعاء أكده ..." / ", a claim confirmed by ..."
    t = D.tok_at(start)
    while t < len(toks) and toks[t].start < min(sent_end, end + 3):
        for seq in L.anaphora:
            n = len(seq)
            if tuple(x.key for x in toks[t:t + n]) == seq or (D.lang == "ar" and t + n <= len(toks) and toks[t].key == seq[0]
                                                                  and tuple(x.key for x in toks[t + 1:t + n]) == seq[1:]):
                if toks[t].start > start:
                    end = min(end, toks[t].start)
                    tail = t
                    break
        if tail is not None:
            break
        t += 1
    # trim trailing punctuation and connectors
    s2, e2 = _strip(text, start, end)
    while e2 > s2 and text[e2 - 1] in ".،,؛;:-–— ":
        e2 -= 1
    if D.lang == "ar":
        for w in (" حيث", " و", " بينما", " لكن", " إلا", " أما"):
            if text[s2:e2].endswith(w):
                e2 -= len(w)
                while e2 > s2 and text[e2 - 1] in ".،,؛;:-–— ":
                    e2 -= 1
    return e2, tail
