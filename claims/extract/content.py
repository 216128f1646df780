"""Content: the clause a cue reports, and where it ends."""

from __future__ import annotations

import bisect
import re

from .cues import _Cue, _is_cue_tok
from .drafts import _Draft
from .quotes import _Quote
from .sentences import _strip
from .speakers import _np_after, _np_before, _subject_before, speaker_of
from .stances import _stance_for, _tail_stances
from .tokens import _QUOTE_CHARS, _Doc


_STOPS_BEFORE_CUE = ("،", ",", "؛", ";", "-", "–", "—")


def _spans_index(quotes: list[_Quote]) -> tuple[list[int], list[int]]:
    """The quotes' opening marks, sorted, and the furthest ``q.close or q.end`` of the quotes opened so far."""
    spans = sorted((q.open, q.close or q.end) for q in quotes)
    reach: list[int] = []
    for _, r in spans:
        reach.append(max(r, reach[-1]) if reach else r)
    return [o for o, _ in spans], reach


def _own_index(P) -> tuple[list[int], list[int]]:
    """``_spans_index(P.own_quotes)``, made once the quotes are attributed (the list only grows)."""
    key = ("own", len(P.own_quotes))
    if key not in P._index:
        P._index[key] = _spans_index(P.own_quotes)
    return P._index[key]


def _cut_at_cue(D: _Doc, start: int, end: int, cues: list[_Cue], skip: _Cue | None, own) -> int:
    """The end of a clause [start, end) cut at the first later cue of ``cues`` (sorted, ``skip`` left out)
    that follows a comma or dash, a conjunction with a comma, or a comma (not inside an own quote)."""
    text, toks = D.text, D.toks
    cp = D.language.conjunction_prefix
    opens, reach = own
    last_comma, scanned = -1, start  # the last comma in [start, scanned)
    for x in range(bisect.bisect_right(cues, start, key=lambda c: toks[c.tok].start), len(cues)):
        c = cues[x]
        cs = toks[c.tok].start
        if cs >= end:
            break
        if c is skip:
            continue
        j = cs  # text[start:cs].rstrip() ends with one of the stops
        while j > start and text[j - 1].isspace():
            j -= 1
        if j > start and text[j - 1] in _STOPS_BEFORE_CUE:
            return cs
        # "وأكد ..." joined by و without a comma
        if cp and toks[c.tok].key.startswith(cp) and c.kind == "verb" and toks[c.tok - 1].raw in ("،", ","):
            return cs
        # "…، كانت هناك أخبار تفيد بأن": another report after a comma ends this clause at the comma
        last_comma = max([last_comma] + [text.rfind(ch, scanned, cs) for ch in "،,؛;"])
        scanned = cs
        if last_comma >= 0:
            k = bisect.bisect_left(opens, last_comma)  # the own quotes opened before the comma
            if not (k and reach[k - 1] > last_comma):
                return last_comma
    return end


def _clause_end(D: _Doc, start: int, sent_end: int, cues: list[_Cue], quotes_own: list[_Quote],
                breaks: bool = True, skip: _Cue | None = None, own=None) -> tuple[int, int | None]:
    """End of a reported clause starting at ``start``; also the token where a stance tail begins.
    ``cues`` in text order (``skip``, the clause's own cue, left out); ``own``: ``_spans_index(quotes_own)``
    when the caller has it."""
    text, toks, L = D.text, D.toks, D.L
    own = own if own is not None else _spans_index(quotes_own)
    end = _cut_at_cue(D, start, sent_end, cues, skip, own)
    opens = own[0]
    k = bisect.bisect_right(opens, start)  # the first own quote opening in (start, end) ends the clause
    if k < len(opens) and opens[k] < end:
        end = opens[k]
    tail = None
    # ", however ..." / "، ومع ذلك" / "، لكن" end the reported clause
    t = D.tok_at(start)
    cp = D.language.conjunction_prefix  # "، ومع ذلك" = "، مع ذلك"
    while breaks and t < len(toks) and toks[t].start < end:
        if toks[t].raw in ("،", ",", "؛", ";") and toks[t].start > start:
            for seq in L.clause_breaks:
                n = len(seq)
                keys = tuple(x.key for x in toks[t + 1:t + 1 + n])
                if keys == seq or (cp and keys and keys[0].startswith(cp) and (keys[0][len(cp):],) + keys[1:] == seq):
                    end = toks[t].start
                    break
        t += 1
    # "- وهو ادعاء أكده ..." / ", a claim confirmed by ..."
    t = D.tok_at(start)
    firsts = _first_words(L.anaphora)
    while t < len(toks) and toks[t].start < min(sent_end, end + 3):
        if firsts is None or toks[t].key in firsts:
            for seq in L.anaphora:
                n = len(seq)
                if tuple(x.key for x in toks[t:t + n]) == seq:
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
    for w in D.language.clause_trailing_words:
        if text.endswith(w, s2, e2):
            e2 -= len(w)
            while e2 > s2 and text[e2 - 1] in ".،,؛;:-–— ":
                e2 -= 1
    return e2, tail


def _first_words(seqs: list[tuple[str, ...]]) -> frozenset[str] | None:
    """The first words of word sequences; None (no filter) when one is empty (it matches anywhere)."""
    return None if any(not s for s in seqs) else frozenset(s[0] for s in seqs)


def reported_claims(D: _Doc, P) -> None:
    """Reported clauses of P's cues into ``P.reported`` (and confirm/deny cues with an anaphoric object
    into ``P.anaphoric``): after a complementizer (أن، إن، بأن، that), after a colon, after an
    attribution phrase (``وفقًا لـ X، …``) or before it (``…، بحسب X``), each cut at the next cue,
    contrast or stance tail, whose cues become extra stances. Cues that introduce a quote, hedging adverbs
    and cues inside a stance tail report no clause of their own."""
    for c in P.cues:
        if c.tok in P.used_cues or c.kind == "adverb" or c.tok in P.tail_cues:
            continue
        sent = P.sent_of(D.toks[c.tok].start)
        if c.kind == "lead":
            _lead(D, P, c, sent)
            continue
        if c.kind == "verb" and _parenthetical(D, P, c, sent):
            continue
        found = _after_phrase(D, P, c, sent) if c.kind == "phrase" else _after_verb(D, P, c, sent)
        if found is not None:
            _add_clause(D, P, c, sent, *found)


_COMMAS = (",", "،")


def _parenthetical(D: _Doc, P, c: _Cue, sent: tuple[int, int]) -> bool:
    """A reporting clause set off by commas inside the sentence it reports ("The deal, he said, was never
    signed.", "The deal, said Smith, was …", "الصفقة، كما قال الوزير، لم …"): the whole sentence is the
    claim (its final stop dropped). True when it was added."""
    toks, text = D.toks, D.text
    lo, hi = D.tok_at(sent[0]), D.tok_at(sent[1])
    k0 = c.tok - 1
    while k0 >= lo and toks[k0].word and c.tok - k0 <= 5 and not P.inside(toks[k0].start):
        k0 -= 1
    k1 = c.last + 1
    while k1 < hi and toks[k1].word and k1 - c.last <= 5 and not P.inside(toks[k1].start):
        k1 += 1
    if not (lo < k0 < c.tok and k1 < hi and toks[k0].raw in _COMMAS and toks[k1].raw in _COMMAS):
        return False
    leads = D.L.parenthetical_leads
    if D.language.subject_after_verb and not (toks[k0 + 1].key in leads or any(
            toks[c.tok].key.startswith(w) for w in leads)) or text[sent[0]:sent[1]].rstrip().endswith(":"):
        return False  # a verb-first language sets off "كما قال الوزير", not a sentence-initial "أعرب X،"
    inner = toks[k0 + 1:k1]
    if any(t.key in D.L.comp_bare or t.key in D.L.comp_pron for t in inner) or any(
            x is not c and k0 < x.tok < k1 for x in P.cues):
        return False
    head = [t for t in toks[lo:k0] if t.word and not P.inside(t.start)]
    rest = [t for t in toks[k1 + 1:hi] if t.word and not P.inside(t.start)]
    if not head or len(rest) < 2 or any(lo <= x.tok < k0 or k1 < x.tok < hi for x in P.cues if x is not c):
        return False
    s2, e2 = _strip(text, sent[0], sent[1])
    while e2 > s2 and text[e2 - 1] in ".!؟?":
        e2 -= 1
    _report(D, P, c, s2, e2, sent)
    return True


def _clause_for(D: _Doc, P, c: _Cue, start: int, s_end: int) -> tuple[int, int | None]:
    """``_clause_end`` of the clause c reports, cut at the paragraph's other cues and own quotes."""
    return _clause_end(D, start, s_end, P.cues, P.own_quotes, skip=c, own=_own_index(P))


def _report(D: _Doc, P, c: _Cue, start: int, end: int, sent: tuple[int, int]) -> _Draft:
    """A reported-speech draft of [start, end) by c's speaker, added to ``P.reported``."""
    spk = speaker_of(D, P, c)
    d = _Draft(start, end, "reported", spk, _stance_for(D, c, spk, start, end),
               (D.toks[c.tok].start, D.toks[c.last].end), sent)
    P.reported.append(d)
    return d


def _lead(D: _Doc, P, c: _Cue, sent: tuple[int, int]) -> None:
    """"يُزعم أن …": a hedging phrase leading its clause; no speaker."""
    toks = D.toks
    content_start = toks[c.last].end
    c_end, _tail = _clause_for(D, P, c, content_start, sent[1])
    s2, e2 = _strip(D.text, content_start, c_end)
    if e2 - s2 >= 5:
        P.reported.append(_Draft(s2, e2, "reported", None, c.stance, (toks[c.tok].start, toks[c.last].end), sent))


def _add_clause(D: _Doc, P, c: _Cue, sent: tuple[int, int], content_start: int, c_end: int, tail: int | None) -> None:
    text = D.text
    s2, e2 = _strip(text, content_start, c_end)
    if e2 - s2 >= 2 and text[s2] in _QUOTE_CHARS and text[e2 - 1] in _QUOTE_CHARS and not any(
            ch in _QUOTE_CHARS for ch in text[s2 + 1:e2 - 1]):
        s2, e2 = s2 + 1, e2 - 1  # بأن "…" : the clause is the quote
    if e2 - s2 < 5:
        return
    d = _report(D, P, c, s2, e2, sent)
    if tail is not None:
        d.extra = _tail_stances(D, tail, sent[1], P.cues)


def _after_phrase(D: _Doc, P, c: _Cue, sent: tuple[int, int]) -> tuple[int, int, int | None] | None:
    """An attribution phrase: "وفقًا لمصادر متعددة، CONTENT" (returned as a clause to add) or
    "CONTENT، بحسب مصدر" (added here)."""
    text, toks = D.text, D.toks
    s_start, s_end = sent
    limit = D.tok_at(s_end)
    a, b = _np_after(D, c.last, limit)
    ph_start = toks[c.tok].start
    head = text[s_start:ph_start].strip(" ،,")
    after_np = text[toks[b - 1].end:s_end] if b > a else text[toks[c.last].end:s_end]
    forward = not head or re.fullmatch(r"[وف]?", head) or re.match(r"\s*[،,]\s*\w", after_np)
    if forward:
        k = b
        while k < limit and toks[k].raw not in ("،", ","):
            k += 1
        if k >= limit:
            return None
        content_start = toks[k].end
        return (content_start, *_clause_for(D, P, c, content_start, s_end))
    if toks[c.tok].key in ("علي", "as") and any(x.kind == "verb" and s_start <= toks[x.tok].start < ph_start for x in P.cues):
        return None  # "وقال الوزير إن …، على حد قوله": the verb already attributes the clause
    cs, ce = _strip(text, s_start, ph_start)
    while ce > cs and text[ce - 1] in "،,؛;-–— ":
        ce -= 1
    for w in D.language.phrase_trailing_words:
        if text[cs:ce].endswith(w):
            ce -= len(w)
    if ce - cs >= 10:
        _report(D, P, c, cs, ce, sent)
    return None


def _complementizer(D: _Doc, P, c: _Cue, limit: int) -> tuple[str, int] | None:
    """The complementizer (or colon) that opens the clause a verb reports, within the next tokens."""
    toks = D.toks
    k = c.last + 1
    steps = 0
    max_steps = D.language.complementizer_window  # English: "said (in a statement) that", not a later relative "that"
    while k < limit and steps < max_steps:
        t = toks[k]
        if D.language.comma_stops_complementizer and t.raw in (",", ";"):
            return None
        if t.raw in (":",) and c.kind == "verb" and k + 1 < limit and not any(q.open == toks[k + 1].start for q in P.quotes):
            return "colon", k  # "أخبر العالم كيف كان…: لقد صدم…" - unquoted content after a colon
        if (t.raw in _QUOTE_CHARS and any(q.open == t.start for q in P.own_quotes)) or t.raw in (":",) or (
                k > c.last + 1 and _is_cue_tok(D, k) and t.key not in D.L.comp_bare):
            return None
        if t.key in D.L.comp_bare:
            return "bare", k
        if t.key in D.L.comp_pron:
            return "pron", k
        pre = next((p for p in D.language.complementizer_prefixes
                    if any(t.key == p + comp for comp in D.L.comp_bare | D.L.comp_pron)), None)
        if pre is not None:  # "بأن" = ب + أن
            return ("bare" if t.key[len(pre):] in D.L.comp_bare else "pron"), k
        k += 1
        steps += 1
    return None


def _after_verb(D: _Doc, P, c: _Cue, sent: tuple[int, int]) -> tuple[int, int, int | None] | None:
    """A reporting verb: the clause after its complementizer, or (none found) ``_without_complementizer``."""
    toks = D.toks
    s_start, s_end = sent
    limit = D.tok_at(s_end)
    found = _complementizer(D, P, c, limit)
    if found is None:
        _without_complementizer(D, P, c, sent, limit)
        return None
    kind, k = found
    tok = toks[k]
    if tok.key in D.language.determiner_complementizers:
        rest = [x for x in toks[k + 1:limit] if x.word]
        clause = [x for x in toks[k + 1:limit] if x.raw not in (",", ";")][:3]
        if len(rest) < 3 or any(not x.word for x in clause):
            # "questioned that promise": a determiner, not a clause
            if c.stance != "asserts":
                P.anaphoric.append((c, k))
            return None
    if D.language.subject_after_verb:
        a0, b0 = _np_after(D, c.last, limit)
        np_words = [x for x in toks[a0:b0] if x.key not in D.L.cue_preps and x.key not in ("ب", "ل")]
        prev = toks[c.tok - 1] if c.tok > 0 else None
        if not np_words and prev is not None and prev.word and prev.key not in (
                "و", "ثم", "كما", "حيث", "قد", "وقد", "لقد", "ف", "وكما", "فقد", "ان") and prev.key not in D.L.comp_pron:
            subj = _subject_before(D, c.tok, D.tok_at(s_start))
            if subj is None and c.lemma_indicate:
                return None  # "فإن الحملة ... تشير إلى أن": the subject is a thing, not a source
            if subj is not None:
                P.cue_speakers[c.tok] = subj
    content_start = tok.end if kind in ("bare", "colon") else tok.start
    return (content_start, *_clause_for(D, P, c, content_start, s_end))


def _without_complementizer(D: _Doc, P, c: _Cue, sent: tuple[int, int], limit: int) -> None:
    """A verb with no complementizer: an anaphoric object ("وقد أكدت مصادر مطلعة هذا الرقم"), Arabic
    "أشار إلى …", or English reported speech without "that"."""
    toks = D.toks
    a, b = _np_after(D, c.last, limit) if D.language.subject_after_verb else (c.last + 1, c.last + 1)
    done = False
    for bb in range(b, min(limit, b + 10) if (D.language.subject_after_verb or c.stance != "asserts") else b):
        if done or toks[bb].raw in _QUOTE_CHARS or toks[bb].key in D.L.comp_bare:
            break
        for seq in D.L.anaphoric_objects:
            n = len(seq)
            if tuple(x.key for x in toks[bb:bb + n]) == seq and (
                    n > 1 or D.language.lone_anaphoric_objects or bb + 1 >= limit or not toks[bb + 1].word):
                P.anaphoric.append((c, bb))
                done = True
                break
    if not done and c.lemma_indicate and D.language.indicate_preposition:
        # "أشار تشين إلى ضرورة ..." / "مشيرة إلى الحاجة ...": content after the preposition
        k = b if b > a else c.last + 1
        if k < limit and toks[k].key == D.language.indicate_preposition and k + 1 < limit and toks[k + 1].word:
            content_start = toks[k + 1].start
            c_end, _tail = _clause_for(D, P, c, content_start, sent[1])
            if c_end - content_start > 15:
                _report(D, P, c, content_start, c_end, sent)
            return
    if D.language.reports_without_complementizer and c.kind == "verb" and not done:
        _en_without_that(D, P, c, sent, limit)


def _en_without_that(D: _Doc, P, c: _Cue, sent: tuple[int, int], limit: int) -> None:
    """"Klein said the company …", "Ortiz disputed the ministry's numbers" (anaphoric), or
    "CONTENT, X said." (the clause before the subject)."""
    text, toks = D.text, D.toks
    s_start, s_end = sent
    if speaker_of(D, P, c) is None:
        return  # "They called it “the big one”": no source to attribute a clause to
    nxt = toks[c.last + 1] if c.last + 1 < limit else None
    a2, b2 = _np_before(D, c.tok, D.tok_at(s_start))
    participle = toks[c.tok].key.endswith("ing")
    if nxt is not None and c.stance != "asserts" and nxt.key in ("the", "this", "these", "those", "his", "her", "its", "their"):
        P.anaphoric.append((c, c.last + 1))
        return
    at_least = nxt is not None and nxt.key == "at" and c.last + 2 < limit and toks[c.last + 2].key in ("least", "most")
    if nxt is not None and nxt.word and (b2 > a2 or participle) and (at_least or nxt.key not in (
            "by", "in", "on", "to", "at", "that", "reporters", "parliament") + (
                ("it", "this") if c.stance != "asserts" and not (c.last + 2 < limit and toks[c.last + 2].word) else ())):
        content_start = nxt.start
        c_end, _tail = _clause_for(D, P, c, content_start, s_end)
        if c_end - content_start > 15:
            _report(D, P, c, content_start, c_end, sent)
            return
    rest = text[toks[c.last].end:s_end].strip(" .\"”")
    if b2 > a2 and a2 > D.tok_at(s_start) and toks[a2 - 1].raw == "," and (
            not rest or re.match(r"(in|on|at|during|to|after|before|last|this|late|early|via|through|when)\b", rest)):
        cs, ce = _strip(text, s_start, toks[a2 - 1].start)
        if ce - cs > 15 and not P.inside(cs):
            _report(D, P, c, cs, ce, sent)
