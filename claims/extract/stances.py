"""Stances: the stance a cue gives a claim, negation, and stance tails ("a claim confirmed by X")."""

from __future__ import annotations

import bisect

from ..quantities import squeeze
from ..types import Speaker, Stance
from .cues import _Cue
from .speakers import _make_speaker, _np_after, speaker_of
from .tokens import _Doc, _variants


def _tail_stances(D: _Doc, t: int, sent_end: int, cues: list[_Cue]) -> list[Stance]:
    """Stances in "— a claim confirmed by X but disputed by Y" after a claim."""
    toks = D.toks
    out = []
    for c in _cues_from(D, cues, toks[t].start, sent_end):
        if c.kind != "verb":
            continue
        # the tail start matters only within the 6 words before the cue: the claims of a sentence share it
        key = ("tail stance", c.tok, sent_end, max(t, c.tok - 7))
        if key not in D.memo:
            D.memo[key] = _tail_stance(D, c, t, sent_end)
        out.append(D.memo[key])
    return out


def _tail_stance(D: _Doc, c: _Cue, t: int, sent_end: int) -> Stance:
    """The stance of verb cue c in a stance tail starting at token t, and who takes it."""
    toks, L = D.toks, D.L
    # agent: "من قبل X" / "by X" within 4 tokens, else the subject after the verb (Arabic)
    spk = None
    k = c.last + 1
    limit = D.tok_at(sent_end)
    for off in range(0, 5):
        for seq in L.agent_markers:
            n = len(seq)
            if tuple(x.key for x in toks[k + off:k + off + n]) == seq:
                a, b = _np_after(D, k + off + n - 1, limit)
                spk = _make_speaker(D, a, b)
                break
        if spk:
            break
    if spk is None and D.language.subject_after_verb:
        a, b = _np_after(D, c.last, limit)
        spk = _make_speaker(D, a, b)
    if spk is None and not D.language.subject_after_verb:
        a = c.tok
        while a - 1 >= t and toks[a - 1].word and c.tok - a < 6:
            a -= 1
        for i in range(c.tok - 1, a - 1, -1):
            seqs = [seq for seq in L.anaphora if tuple(x.key for x in toks[i:i + len(seq)]) == seq]
            if seqs:
                a = i + len(seqs[0])
                break
        spk = _make_speaker(D, a, c.tok)
    cue = D.span(toks[c.tok].start, toks[c.last].end)
    return Stance(c.stance, spk, cue)


def _cues_from(D: _Doc, cues: list[_Cue], lo: int, hi: int) -> list[_Cue]:
    """The cues (in text order) starting in [lo, hi), by bisection."""
    key = lambda c: D.toks[c.tok].start  # noqa: E731
    return cues[bisect.bisect_left(cues, lo, key=key):bisect.bisect_left(cues, hi, key=key)]


def _negated(D: _Doc, start: int, end: int) -> bool:
    if D.language.negation_words_first:
        words = []  # the first two words of [start, end)
        for k in range(D.tok_at(start), D.tok_at(end)):
            if D.toks[k].word:
                words.append(D.toks[k])
                if len(words) == 2:
                    break
        return any(w.key in D.L.negations for w in words)
    low = D.text[start:end].lower().replace("’", "'")
    return any(low.startswith(n) if n.endswith(",") else low.startswith(n + " ") for n in D.L.negations)


def _stance_for(D: _Doc, cue: _Cue | None, speaker: Speaker | None, start: int, end: int) -> str:
    stance = cue.stance if cue else "asserts"
    if speaker is not None:
        head = squeeze(speaker.text).split()
        hedge_heads = D.L.anon_hedges | (D.L.anon if cue is not None and cue.lemma_indicate else set())
        if head and any(v in hedge_heads for h in head[:1] for v, _ in _variants(h, D.language)):
            if stance == "asserts":
                stance = "hedges"
    if stance in ("asserts", "confirms") and _negated(D, start, end):
        stance = "denies"
    return stance


def tail_cue_tokens(D: _Doc, P) -> set[int]:
    """Cues in a stance tail such as "…, a figure the company denied": they react to the claim before
    them instead of reporting a clause."""
    out: set[int] = set()
    for s0, s1 in P.sents:
        for k in range(D.tok_at(s0), D.tok_at(s1)):
            if D.toks[k].raw not in ("،", ",", "-", "–", "—") or P.inside(D.toks[k].start):
                continue
            if any(tuple(x.key for x in D.toks[k + 1:k + 1 + len(seq)]) == seq for seq in D.L.anaphora):
                out |= {c.tok for c in _cues_from(D, P.cues, D.toks[k].start + 1, s1)}
                break
    return out


def attach_anaphoric(D: _Doc, P) -> None:
    """A confirm/deny cue with an anaphoric object ("أكدت مصادر هذا الرقم", "disputed the figures") adds
    its stance to the latest claim that ends before it (in this paragraph, else the one before; the first
    of those ending last)."""
    by_end = None
    for c, _b in P.anaphoric:
        if c.stance == "asserts":
            continue
        cs = D.toks[c.tok].start
        if by_end is None:  # the drafts by end, and among equal ends the first one last
            by_end = sorted(range(len(P.drafts)), key=lambda i: (P.drafts[i].end, -i))
            ends = [P.drafts[i].end for i in by_end]
        k = bisect.bisect_right(ends, cs)  # the drafts ending at or before the cue
        target = P.drafts[by_end[k - 1]] if k else P.prev_last
        if target is None:
            continue
        spk = speaker_of(D, P, c)
        target.extra.append(Stance(c.stance, spk, D.span(cs, D.toks[c.last].end)))
