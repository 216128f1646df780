"""Quotations: marks paired over the language's quote-mark table."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..types import Speaker
from .cues import _Cue
from .drafts import _Draft
from .sentences import _strip
from .speakers import _np_after, _sole_person, speaker_of
from .stances import _negated, _stance_for
from .tokens import _Doc


@dataclass
class _Quote:
    open: int  # index of the opening mark
    close: int | None  # index of the closing mark, None when missing
    start: int  # content start
    end: int  # content end
    warnings: tuple[str, ...] = ()


_LETTER = re.compile(r"[\w\u0600-\u06ff]")
_NONSPACE = re.compile(r"\S")
_NOT_COMMA_COLON = re.compile(r"[^ ،,:]")  # what text.strip(" ،,:") keeps
_NOT_TRAILER = re.compile(r"[^ .،,؛;\"”]")  # what text.strip(" .،,؛;\"”") keeps
_STARTS_TEXT = re.compile(r"\s*\S")
_MARK_RES: dict[frozenset, re.Pattern] = {}
_AFTER_OPEN = re.compile("[ '`\u00a0\u202f\u2009]*(.)", re.S)  # text[i:].lstrip(" '`\u00a0\u202f\u2009")[0]


def _blank(text: str, a: int, b: int) -> bool:
    """``not text[a:b].strip()`` without copying text[a:b]."""
    return _NONSPACE.search(text, a, b) is None


def _marks_re(chars: set[str]) -> re.Pattern:
    """The doubled marks ``'' and '' (tried first), else a character class of the quote marks (once per
    set of marks)."""
    key = frozenset(c for c in chars if len(c) == 1)
    if key not in _MARK_RES:
        alts = [re.escape(two) for two in _DOUBLED]
        if key:
            alts.append("[" + "".join(re.escape(c) for c in sorted(key)) + "]")
        _MARK_RES[key] = re.compile("|".join(alts))
    return _MARK_RES[key]


class _Stack:
    """The open quote marks, (position, mark) in text order, with what ``_pair_marks`` asks of them kept
    up to date: how many open marks each closer closes, and where each kind of mark last stands.
    ``closer_for``: an opener's first listed closer; ``closes``: every closer of an opener (German „…“ and „…”)."""

    def __init__(self, closer_for: dict[str, str], closes: dict[str, set[str]], double: set[str]):
        self.items: list[tuple[int, str]] = []
        self.closer_for, self.closes, self.double = closer_for, closes, double
        self.at: dict[str, list[int]] = {}  # open mark -> its indices in items, ascending
        self.closing: dict[str, int] = {}  # closer -> how many open marks it closes
        self.matching: dict[str, list[str]] = {}  # mark -> the open marks it may close

    def push(self, pos: int, ch: str) -> None:
        self.at.setdefault(ch, []).append(len(self.items))
        self.items.append((pos, ch))
        for c in self.closes[ch]:
            self.closing[c] = self.closing.get(c, 0) + 1

    def closes_any(self, ch: str) -> bool:
        """``any(ch in closes[o] for _, o in stack)``"""
        return self.closing.get(ch, 0) > 0

    def last_match(self, ch: str) -> int | None:
        """The index of the last open mark that ch closes (one of its closers, or double quotes of any form)."""
        if ch not in self.matching:
            cf, closes, double = self.closer_for, self.closes, self.double
            self.matching[ch] = [o for o in cf if ch in closes[o] or (ch in double and o in double and cf[o] in double)]
        found = [self.at[o][-1] for o in self.matching[ch] if self.at.get(o)]
        return max(found) if found else None

    def cut(self, k: int) -> None:
        """Drop the open marks from index k on."""
        for _, o in self.items[k:]:
            self.at[o].pop()
            for c in self.closes[o]:
                self.closing[c] -= 1
        del self.items[k:]


def find_quotes(D: _Doc, pstart: int, pend: int, sents: list[tuple[int, int]]) -> list[_Quote]:
    """Quotations in one paragraph, paired with a stack over the language's quote-mark table; an opener
    left unclosed runs to the end of its sentence (warning "unclosed quote"); quotes nested in another
    are part of the outer one."""
    closed, still_open = _pair_marks(D, pstart, pend)
    quotes = _with_unclosed(D.text, pend, sents, closed, still_open)
    quotes.sort(key=lambda q: q.open)
    return _outermost(D.text, quotes)


# two-character marks: NYT-style ``…'' and ''…'' stand for a double quotation mark
_DOUBLED = {"``": '"', "''": '"'}
_INNER = re.compile(r"[ \t\u00a0\u202f\u2009]+(\S)")  # a space inside an opening mark, then the first character


def _mark_context(text: str, pos: int, pstart: int, pend: int, width: int = 1) -> tuple[bool, bool, bool, str, str]:
    """Whether the mark at pos can open or close a quote, whether it can open one with a space inside
    (``" We will …``), and the characters either side of it."""
    prev = text[pos - 1] if pos > pstart else " "
    nxt = text[pos + width] if pos + width < pend else " "
    prev_space = prev.isspace() or prev in "(:[،,—–-ـ" or pos == pstart or (
        _LETTER.match(prev) and (pos - 1 == pstart or not _LETTER.match(text[pos - 2])) and prev in "وفبلك"
    )
    next_word = bool(_LETTER.match(nxt)) or nxt in "[(.$€£" or nxt.isdigit()
    can_open = prev_space and next_word
    can_close = not prev.isspace() and pos > pstart and not (next_word and _LETTER.match(prev))
    inner = _INNER.match(text, pos + width, pend)  # (not a copy of the rest of the paragraph per mark)
    spaced_open = prev_space and inner is not None and bool(_LETTER.match(inner.group(1)) or inner.group(1).isdigit())
    return can_open, can_close, spaced_open, prev, nxt


def _marks(text: str, pstart: int, pend: int, known: set[str]) -> list[tuple[int, str, int]]:
    """The quotation marks of [pstart, pend): (position, mark, width); a doubled ``'' or '' is one mark.
    One regex over the paragraph (the doubled marks tried first at each position)."""
    out = []
    for m in _marks_re(known).finditer(text, pstart, pend):
        two = m.group()
        out.append((m.start(), _DOUBLED[two], 2) if len(two) == 2 else (m.start(), two, 1))
    return out


def _pair_marks(D: _Doc, pstart: int, pend: int) -> tuple[list[_Quote], list[tuple[int, str]]]:
    """Closed quotations, and the openers still open at the end of the paragraph."""
    text = D.text
    pairs = D.L.quote_pairs
    closer_for = {o: c for o, c in reversed(pairs)}  # the first pair listed for an opener
    closes: dict[str, set[str]] = {}
    for o, c in pairs:
        closes.setdefault(o, set()).add(c)  # German „…“ and „…”
    openers = set(closer_for)
    closers = {c for _, c in pairs}
    double = {'"', "“", "”"}  # straight and curly double quotes close each other in practice
    stack = _Stack(closer_for, closes, double)
    width: dict[int, int] = {}
    closed: list[_Quote] = []
    for pos, ch, w in _marks(text, pstart, pend, openers | closers):
        width[pos] = w
        can_open, can_close, spaced_open, prev, nxt = _mark_context(text, pos, pstart, pend, w)
        if ch in "’'" and _LETTER.match(prev) and _LETTER.match(nxt):
            continue  # apostrophe
        opener_only = ch in openers and closer_for[ch] != ch and not stack.closes_any(ch)
        if opener_only:
            if ch in "‘'" and not can_open:
                continue
            stack.push(pos, ch)
            continue
        match = stack.last_match(ch)
        if match is not None and (can_close or not can_open):
            opos, _ = stack.items[match]
            # anything opened after the matched opener and still open is dropped (stray marks)
            stack.cut(match)
            closed.append(_Quote(opos, pos + w - 1, opos + width[opos], pos))
            continue
        if ch in openers and (can_open or (match is None and spaced_open and ch != "'")):
            stack.push(pos, ch)
    return closed, stack.items


def _with_unclosed(text: str, pend: int, sents: list[tuple[int, int]], closed: list[_Quote],
                   still_open: list[tuple[int, str]]) -> list[_Quote]:
    """The closed quotes plus the unclosed openers: an outer quote whose inner quote closes the paragraph
    shares that closing mark; any other runs to the end of its sentence."""
    quotes = list(closed)
    # the closed quotes by opening mark, and from each on the one closing last (closing marks are distinct):
    # the openers still open come in text order, and once one takes over the closing mark of all the
    # quotes after it, none is left after the later ones
    by_open = sorted(closed, key=lambda q: q.open)
    opens = [q.open for q in by_open]
    last_from: list[_Quote] = by_open[:]
    for k in range(len(by_open) - 2, -1, -1):
        if last_from[k + 1].close > last_from[k].close:
            last_from[k] = last_from[k + 1]
    sent_starts = [s for s, _ in sents]
    shared = False
    for opos, ch in still_open:
        if ch == "'":
            continue  # an ASCII apostrophe-like mark left open is not a quote
        k = bisect.bisect_right(opens, opos)
        last = last_from[k] if k < len(by_open) and not shared else None
        if last is not None and not _NOT_TRAILER.search(text, last.close + 1, pend) and ch in "“«\"":
            quotes = [q for q in quotes if not (q.open > opos and q.close <= last.close)]
            quotes.append(_Quote(opos, last.close, opos + 1, last.close))
            shared = True
            continue
        after = _AFTER_OPEN.match(text, opos + 1, pend)  # "« Nous …": a space inside the mark
        if after is None or not _LETTER.match(after.group(1)) and after.group(1) not in "[(":
            continue
        k = bisect.bisect_right(sent_starts, opos) - 1
        send = sents[k][1] if k >= 0 and opos < sents[k][1] else pend
        w = 2 if text[opos:opos + 2] in _DOUBLED else 1
        quotes.append(_Quote(opos, None, opos + w, send, ("unclosed quote",)))
    return quotes


def _outermost(text: str, quotes: list[_Quote]) -> list[_Quote]:
    """Quotes in text order without those nested inside another (kept as part of the outer content),
    each trimmed of whitespace and trailing commas."""
    out = []
    for q in quotes:
        if out and q.open < out[-1].end:
            continue
        s, e = _strip(text, q.start, q.end)
        while e > s and text[e - 1] in ",،":
            e -= 1
            s, e = _strip(text, s, e)  # "… resign , "
        if e > s:
            q.start, q.end = s, e
            out.append(q)
    return out


def attribute_quotes(D: _Doc, P) -> None:
    """Give each quotation of P its cue and speaker (``P.quote_info``): a cue before (``قال: "…"``) or
    after (``"…" قال فلان``), the cue of a paragraph ending ``مضيفًا:``, the previous quote's (a
    continuation ``“…”. “…”``), or for a long quote without a cue the one person named around it.
    Short quoted terms and lone questions without a cue are not claims."""
    for qi, q in enumerate(P.quotes):
        _attribute(D, P, qi, q)


def _attribute(D: _Doc, P, qi: int, q: _Quote) -> None:
    text, quotes = D.text, P.quotes
    s_start, s_end = P.sent_of(q.open)
    left_lo = max([s_start] + [quotes[qi - 1].close + 1 if qi > 0 and quotes[qi - 1].close is not None else s_start])
    left_text = text[left_lo:q.open].rstrip()
    cue, adjacent = _cue_before(D, P, q, left_lo, left_text)
    direct = cue is not None
    if cue is None and _blank(text, P.start, q.open) and P.prev_tail is not None:
        _own(P, q, P.prev_tail[0], P.prev_tail[1], False)
        return
    if cue is None:
        cue = _cue_after(D, P, q, s_end)
        direct = adjacent = cue is not None
    words = len(re.findall(r"\w+", text[q.start:q.end]))
    k = D.tok_at(q.open) - 1
    if words <= 4 and q.close is not None and k >= 0 and D.toks[k].word and (
            D.toks[k].key in D.L.name_heads or D.toks[k].key.rstrip("\u0640") in ("ل", "to")):
        return  # صحيفة «واشنطن بوست», لـ"الأهرام", told "Le Monde": a quoted name (an outlet, an addressee)
    k2 = D.tok_at(q.close + 1) if q.close is not None else len(D.toks)
    if words <= 4 and k2 < len(D.toks) and (D.toks[k2].key in D.L.comp_bare or D.toks[k2].key in D.L.comp_pron) and cue is not None \
            and D.toks[cue.last].end <= q.open and not _NOT_COMMA_COLON.search(text, D.toks[cue.last].end, q.open):
        return  # ذكرت "وول ستريت جورنال" أن …: the quoted name is the subject of the cue before it
    info = P.quote_info
    if cue is None and text[left_lo:q.open].strip(" ،,:.") in ("", "و", "and") and info and qi > 0 and info[-1][0] is quotes[qi - 1]:
        _own(P, q, info[-1][1], info[-1][2], True)  # continuation: “…”. “…” by the same speaker
        return
    content = text[q.start:q.end].strip()
    single_question = content.endswith(("?", "؟")) and not re.search(r"[.!]\s", content)
    if single_question and not direct:
        return
    cue_before = cue is not None and D.toks[cue.tok].start < q.open
    if direct and not adjacent and words < 4 and speaker_of(D, P, cue) is None:
        return  # a quoted term after a cue's object, with no speaker ("They called it “the big one”")
    if direct and cue is not None and not adjacent:
        # "calling it “fabricated”", "said talks were “at an advanced stage”": the cue's quote unless its
        # reported clause holds it
        info.append((q, cue, speaker_of(D, P, cue), False))
    elif direct and cue is not None:
        _own(P, q, cue, speaker_of(D, P, cue), False)
        P.used_cues.add(cue.tok)
    elif words >= 8 or (words >= 4 and not _NOT_COMMA_COLON.search(text, s_start, q.open)):
        # no cue: the one person named in the sentence (or, for a quote opening the paragraph,
        # in the rest of the paragraph) is taken as the speaker
        spk = _sole_person_in(D, P, s_start, s_end)
        if spk is None and (q.close is None or _blank(text, P.start, q.open)):
            spk = _sole_person_in(D, P, s_start, P.end)
        info.append((q, None, spk, False))


def _sole_person_in(D: _Doc, P, start: int, end: int) -> Speaker | None:
    """``_sole_person`` outside P's quotes, once per range (the quotes of a sentence share it)."""
    key = ("sole", start, end)
    if key not in P._index:
        P._index[key] = _sole_person(D, start, end, P.inside)
    return P._index[key]


def _cues_in(D: _Doc, P, lo: int, hi: int) -> list[_Cue]:
    """P's cues (in text order) starting in [lo, hi), by bisection."""
    key = lambda c: D.toks[c.tok].start  # noqa: E731
    return P.cues[bisect.bisect_left(P.cues, lo, key=key):bisect.bisect_left(P.cues, hi, key=key)]


def _own(P, q: _Quote, cue: _Cue | None, spk: Speaker | None, continued: bool) -> None:
    P.quote_info.append((q, cue, spk, continued))
    P.own_quotes.append(q)


def _cue_before(D: _Doc, P, q: _Quote, left_lo: int, left_text: str) -> tuple[_Cue | None, bool]:
    """The last cue between the previous quote (or the sentence start) and q when it introduces q, and
    whether it is adjacent: only punctuation or the cue's own subject between (``said, "…"``,
    ``وقال الوزير "…"``), not an object (``calling it "…"``, ``واصفًا إياها بـ"…"``)."""
    before = _cues_in(D, P, left_lo, q.open)
    if not before:
        return None, False
    c = before[-1]
    lo = D.toks[c.last].end
    between = D.text[lo:q.open].strip()
    if not between or between.endswith((":", "،", ",")) or left_text.endswith((":", "،", ",")):
        return c, True
    t0, t1 = D.tok_at(lo), D.tok_at(q.open)
    words = [t for t in D.toks[t0:t1] if t.word]
    if len(words) > 6 or re.search(r"[.!?؟;؛]", between) or any(
            t.key in D.L.comp_bare or t.key in D.L.comp_pron or t.key in D.language.determiner_complementizers
            for t in words):
        return None, False
    if D.language.subject_after_verb:
        a, b = _np_after(D, c.last, D.tok_at(P.sent_of(q.open)[1]))
        if b > a and b == t1:
            return c, True  # "وقال الوزير "…"": the subject, then the quote
        if b > t1:
            return None, False  # صحيفة "وول ستريت جورنال": a quoted name inside the subject
    return c, False


def _cue_after(D: _Doc, P, q: _Quote, s_end: int) -> _Cue | None:
    """A cue right after q (``"…"، قال فلان``, ``"…," said Klein``)."""
    text = D.text
    after_end = (q.close + 1) if q.close is not None else q.end
    nxt = _cues_in(D, P, after_end, min(after_end + 41, s_end + 40))
    cp = D.language.conjunction_prefix
    if nxt and D.language.quote_cue_needs_subject:
        a0, b0 = _np_after(D, nxt[0].last, D.tok_at(s_end + 40))
        if b0 <= a0 or (cp and D.toks[nxt[0].tok].key.startswith(cp)):
            nxt = []
    if nxt:
        gap = text[after_end:D.toks[nxt[0].tok].start]
        gap_words = [w for w in re.findall(r"\w+", gap)]
        if len(gap_words) <= D.language.quote_cue_gap_words and not re.search(r"[.؟?!]", gap):
            return nxt[0]
    return None


def quote_claims(D: _Doc, P) -> None:
    """Quote drafts into ``P.drafts``; a quote inside a reported clause is part of it unless it has its own
    cue, and a reported clause that is only a cue's quote is dropped."""
    own_ids = {id(o) for o in P.own_quotes}
    starts, reach = _reach([(r.start, r.end) for r in P.reported])
    for q, cue, spk, cont in P.quote_info:
        own = id(q) in own_ids
        k = bisect.bisect_right(starts, q.end)  # a reported clause starting by q's end and reaching q
        if not own and k and reach[k - 1] >= q.open:
            continue
        s_start, s_end = P.sent_of(q.open)
        if cont:
            cue = None
        sent = (min(s_start, q.open), max(s_end, q.end))
        cue_span = (D.toks[cue.tok].start, D.toks[cue.last].end) if cue else None
        st = _stance_for(D, cue, spk, q.start, q.end) if cue else ("denies" if _negated(D, q.start, q.end) else "asserts")
        P.drafts.append(_Draft(q.start, q.end, "quote", spk, st, cue_span, sent, q.warnings))
    starts, reach = _reach([(p.start, p.end) for p in P.drafts if p.kind == "quote"])
    nested = _nested_index(P.reported)
    for r in P.reported:
        k = bisect.bisect_right(starts, r.start)  # a quote starting by r's start and reaching r's end
        if k and reach[k - 1] + 1 >= r.end:
            continue
        if _nested(nested, r):
            continue  # "قال X إنه لاحظ أن …": the nested report is part of the outer one
        P.drafts.append(r)  # (a reported draft: never one of the quotes looked at)


def _reach(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Spans sorted by start: the starts, and the furthest end among the spans up to each."""
    spans = sorted(spans)
    reach: list[int] = []
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    return [s for s, _ in spans], reach


def _nested_index(reported: list[_Draft]) -> dict[str, tuple[list[int], list[int]]]:
    """The reported clauses with a speaker, by speaker name: ``_reach`` of their spans."""
    by_name: dict[str, list[tuple[int, int]]] = {}
    for r in reported:
        if r.speaker is not None:
            by_name.setdefault(r.speaker.name, []).append((r.start, r.end))
    return {name: _reach(spans) for name, spans in by_name.items()}


def _nested(index: dict[str, tuple[list[int], list[int]]], r: _Draft) -> bool:
    """``any(o is not r and o.start <= r.start and r.end <= o.end and (o.start, o.end) != (r.start, r.end)
    and _same_source(o, r) for o in reported)`` by bisection: a clause of the same speaker starting before r
    and reaching r's end, or starting by r's start and reaching past r's end."""
    if r.speaker is None or r.speaker.name not in index:
        return False
    starts, reach = index[r.speaker.name]
    k1 = bisect.bisect_left(starts, r.start)  # spans starting before r
    if k1 and reach[k1 - 1] >= r.end:
        return True
    k2 = bisect.bisect_right(starts, r.start)  # spans starting by r's start
    return bool(k2) and reach[k2 - 1] > r.end


def _same_source(a: _Draft, b: _Draft) -> bool:
    return a.speaker is not None and b.speaker is not None and a.speaker.name == b.speaker.name


def introduces_block(D: _Doc, P) -> tuple[_Cue, Speaker | None] | None:
    """The cue and speaker of a paragraph ending "…، مضيفًا:" whose cue introduces no claim of its own:
    the next paragraph is its quote."""
    last_s = P.sents[-1] if P.sents else (P.start, P.end)
    tail_cues = [c for c in P.cues if D.toks[c.tok].start >= last_s[0]]
    if D.text[P.start:P.end].rstrip().endswith((":", "،", ",")) and tail_cues and not any(
            d.end >= D.toks[tail_cues[-1].last].end and d.kind != "statement" for d in P.drafts):
        return tail_cues[-1], speaker_of(D, P, tail_cues[-1])
    return None


def block_quote(D: _Doc, P) -> _Draft:
    """A paragraph without quotation marks after one ending "…، مضيفًا:": the whole paragraph is the quote."""
    c, spk = P.prev_tail
    cs, ce = _strip(D.text, P.start, P.end)
    return _Draft(cs, ce, "quote", spk, _stance_for(D, c, spk, cs, ce),
                  (D.toks[c.tok].start, D.toks[c.last].end), (cs, ce), ("no quotation marks",))
