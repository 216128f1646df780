"""Claim extraction: direct quotes, reported speech and factual statements.

Pure rules over language tables (``claims/lang/<iso>.json``): no model.

* **quotes**: text inside quotation marks of any news style (“…”, «…», „…“,
  "…", ‘…’, ”…” at both ends), introduced by a reporting cue before
  (``وكتب: "…"``, ``قائلاً: "…"``, ``Klein said: "…"``) or after
  (``"…", said Klein``), or long enough to stand on its own.  A quote whose
  closing mark is missing runs to the end of its sentence and carries the
  warning ``"unclosed quote"``.  Short quoted terms without a cue are not claims.
* **reported** speech: a reporting verb (with clitics and inflections) or an
  attribution phrase (وفقًا لـ، بحسب، according to) plus the reported clause.
* **statements**: other sentences with a figure or a named actor, attributed
  to the article itself (speaker ``None``, stance ``asserts``).

Every span is a slice of ``Document.text`` exactly as read; regions the
document marks as skipped (duplicates, boilerplate) yield no claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from ..quantities import parse_quantities
from ..types import Claim, Document, Speaker, Stance
from .cues import _Cue, _find_cues, _is_cue_tok
from .content import _clause_end
from .names import names_in, normalise_name  # noqa: F401 (re-exported)
from .quotes import _find_quotes, _Quote
from .rebuttals import _mark_rebuttals
from .sentences import _sentences, _strip
from .speakers import (_clause_walk, _is_named, _make_speaker, _is_plain_name, _is_pronoun, _is_title, _np_after, _np_before,
                       _recent_person, _sole_person, _subject_before)
from .stances import _negated, _stance_for, _tail_stances
from .statements import _is_statement
from .tokens import _QUOTE_CHARS, _Doc

__all__ = ["extract", "extract_document", "normalise_name", "parse_quantities"]


@dataclass
class _Draft:
    start: int
    end: int
    kind: str
    speaker: Speaker | None
    stance: str
    cue: tuple[int, int] | None
    sentence: tuple[int, int]
    warnings: tuple[str, ...] = ()
    extra: list = field(default_factory=list)  # extra Stance objects


def extract_document(doc: Document) -> list[Claim]:
    """Claims of one document, in text order, with ids ``f"{doc.id}#c{n}"``.

    Paragraph by paragraph (one line of the file each):

    1. sentences (``_sentences``), quotations paired over the language's quote marks (``_find_quotes``)
       and cues: reporting verbs and attribution phrases outside quotes (``_find_cues``);
    2. each cue's speaker, in text order (``speaker_of``: the subject after an Arabic verb or before an
       English one, a name after a title, a pronoun or a missing subject resolved by walking back clause
       by clause and then to the last named speaker);
    3. quotes with a cue before (``قال: "…"``) or after (``"…" قال فلان``), continuations (``“…”. “…”``),
       block quotes after a paragraph ending ``مضيفًا:``, and long quotes standing alone;
    4. reported clauses after a complementizer (أن، إن، بأن، that), after a colon, after an
       attribution phrase (``وفقًا لـ X، …``) or before it (``…، بحسب X``), each cut at the next cue,
       contrast or stance tail (``- وهو ادعاء أكده X لكن شككت فيه Y``), whose cues become extra stances;
       a confirm/deny verb with an anaphoric object (``أكدت مصادر هذا الرقم``) adds a stance to the
       claim before it;
    5. statements: remaining sentences with a figure or a named actor and no cue or opinion marker.

    Claims in regions the document skips (``doc.is_skipped``) are dropped; every span is a slice of
    ``doc.text``.
    """
    D = _Doc(doc)
    text = D.text
    drafts: list[_Draft] = []
    pos = 0
    paragraphs = []
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if line.strip():
            paragraphs.append(_strip(text, s, e))
    prev_tail: tuple[_Cue, Speaker | None] | None = None  # a paragraph ending "…، مضيفًا:" introduces the next
    prev_par_last: _Draft | None = None
    for pstart, pend in paragraphs:
        sents = _sentences(D, pstart, pend)
        quotes = _find_quotes(D, pstart, pend, sents)
        # sentence boundaries inside closed quotes do not count
        merged: list[tuple[int, int]] = []
        for s, e in sents:
            if merged and any(q.close is not None and q.open < s <= q.close for q in quotes):
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        sents = merged

        def inside(p: int) -> bool:
            return any(q.open <= p <= (q.close if q.close is not None else q.end) for q in quotes)

        t0, t1 = D.tok_at(pstart), D.tok_at(pend)
        if prev_tail is not None and not quotes:
            c, spk = prev_tail
            cs, ce = _strip(text, pstart, pend)
            d = _Draft(cs, ce, "quote", spk, _stance_for(D, c, spk, cs, ce),
                       (D.toks[c.tok].start, D.toks[c.last].end), (cs, ce), ("no quotation marks",))
            if not doc.is_skipped(cs, ce):
                drafts.append(d)
                if spk is not None:
                    D.last_speaker = spk
            prev_tail = None
            prev_par_last = d
            continue
        cues = _find_cues(D, t0, t1, inside)
        par_drafts: list[_Draft] = []
        skipped_par = doc.is_skipped(pstart, pend)

        def sent_of(p: int) -> tuple[int, int]:
            for s, e in sents:
                if s <= p < e:
                    return s, e
            return pstart, pend

        cue_speakers: dict[int, Speaker | None] = {}

        def speaker_of(c: _Cue) -> Speaker | None:
            if c.tok in cue_speakers:
                return cue_speakers[c.tok]
            toks = D.toks
            s_start, s_end = sent_of(toks[c.tok].start)
            limit = D.tok_at(s_end)
            spk = None
            if D.lang == "ar" or c.kind == "phrase":
                a, b = _np_after(D, c.last, limit)
                if b > a and D.lang == "ar" and _is_title(D, a, b) and b + 1 < limit and toks[b].raw in ("،", ","):
                    # "وقال رئيس مجلس الإدارة، حسام الدين فاروق، إن …": the name after the title
                    m = b + 1
                    while m < limit and toks[m].word and m - b <= 4 and toks[m].key not in D.L.comp_bare | D.L.comp_pron:
                        m += 1
                    if m > b + 1 and m < limit and (toks[m].raw in ("،", ",") or toks[m].key in D.L.comp_bare | D.L.comp_pron):
                        a, b = b + 1, m
                if b > a and not _is_pronoun(D, a, b):
                    spk = _make_speaker(D, a, b)
                elif b > a:
                    spk = D.last_speaker
            else:
                lo = D.tok_at(s_start)
                a, b = _np_before(D, c.tok, lo)
                participle = toks[c.tok].key.endswith("ing")
                if participle:
                    a = b
                if b > a and not _is_pronoun(D, a, b):
                    spk = _make_speaker(D, a, b)
                elif b > a:
                    spk = _recent_person(D, pstart, c.tok, inside) or D.last_speaker
                elif not participle:
                    # inverted: "…," said Klein / said the company
                    a, b = _np_after(D, c.last, limit)
                    if b > a and not _is_pronoun(D, a, b):
                        spk = _make_speaker(D, a, b)
                    elif b > a:
                        spk = _recent_person(D, pstart, c.tok, inside) or D.last_speaker
            if spk is None:
                # a cue without its own subject ("، قائلاً:", "وأضاف أنه"): walk back clause by clause
                # through the sentence; the first clause naming a person or holding an earlier cue decides
                spk = _clause_walk(D, c, s_start, cues, speaker_of, inside)
            if spk is None:
                spk = D.last_speaker
            cue_speakers[c.tok] = spk
            return spk

        for c in cues:
            sp = speaker_of(c)
            if sp is not None and (_is_named(D, sp) or _is_plain_name(D, sp)):
                D.last_speaker = sp
        used_cues: set[int] = set()
        # --- quotes
        own_quotes: list[_Quote] = []
        quote_info = []
        for qi, q in enumerate(quotes):
            s_start, s_end = sent_of(q.open)
            left_lo = max([s_start] + [quotes[qi - 1].close + 1 if qi > 0 and quotes[qi - 1].close is not None else s_start])
            before = [c for c in cues if left_lo <= D.toks[c.tok].start < q.open]
            cue = None
            direct = False
            left_text = text[left_lo:q.open].rstrip()
            if before:
                c = before[-1]
                between = text[D.toks[c.last].end:q.open].strip()
                if left_text.endswith((":", "،", ",", "بـ", "ب")) or not between or between.endswith((":", "،", ",")):
                    cue, direct = c, True
            if cue is None and not text[pstart:q.open].strip() and prev_tail is not None:
                quote_info.append((q, prev_tail[0], prev_tail[1], False))
                own_quotes.append(q)
                continue
            if cue is None:
                after_end = (q.close + 1) if q.close is not None else q.end
                nxt = [c for c in cues if after_end <= D.toks[c.tok].start <= after_end + 40 and D.toks[c.tok].start < s_end + 40]
                if nxt and D.lang == "ar":
                    a0, b0 = _np_after(D, nxt[0].last, D.tok_at(s_end + 40))
                    if b0 <= a0 or D.toks[nxt[0].tok].key.startswith("و"):
                        nxt = []
                if nxt:
                    gap = text[after_end:D.toks[nxt[0].tok].start]
                    gap_words = [w for w in re.findall(r"\w+", gap)]
                    if len(gap_words) <= (4 if D.lang == "en" else 0) and not re.search(r"[.؟?!]", gap):
                        cue, direct = nxt[0], True
            words = len(re.findall(r"\w+", text[q.start:q.end]))
            if cue is None and text[left_lo:q.open].strip(" ،,:.") in ("", "و", "and") and quote_info and qi > 0 and quote_info[-1][0] is quotes[qi - 1]:
                # continuation: “…”. “…” by the same speaker
                quote_info.append((q, quote_info[-1][1], quote_info[-1][2], True))
                own_quotes.append(q)
                continue
            content = text[q.start:q.end].strip()
            single_question = content.endswith(("?", "؟")) and not re.search(r"[.!]\s", content)
            if single_question and not direct:
                continue
            cue_before = cue is not None and D.toks[cue.tok].start < q.open
            if direct and cue_before and words < 4 and not left_text.endswith(":"):
                continue  # a quoted term after a cue ("واصفًا إياها بـ”المُسيئة”")
            if direct and cue is not None:
                quote_info.append((q, cue, speaker_of(cue), False))
                own_quotes.append(q)
                used_cues.add(cue.tok)
            elif words >= 8 or (words >= 4 and not text[s_start:q.open].strip(" ،,:")):
                # no cue: the one person named in the sentence (or, for a quote opening the paragraph,
                # in the rest of the paragraph) is taken as the speaker
                spk = _sole_person(D, s_start, s_end, inside)
                if spk is None and (q.close is None or not text[pstart:q.open].strip()):
                    spk = _sole_person(D, s_start, pend, inside)
                quote_info.append((q, None, spk, False))
        # cues in a tail such as "…, a figure the company denied" react to the claim before them
        tail_cues: set[int] = set()
        for s0, s1 in sents:
            for k in range(D.tok_at(s0), D.tok_at(s1)):
                if D.toks[k].raw not in ("،", ",", "-", "–", "—") or inside(D.toks[k].start):
                    continue
                if any(tuple(x.key for x in D.toks[k + 1:k + 1 + len(seq)]) == seq for seq in D.L.anaphora):
                    tail_cues |= {c.tok for c in cues if D.toks[k].start < D.toks[c.tok].start < s1}
                    break
        # --- reported speech
        reported: list[_Draft] = []
        anaphoric: list[tuple[_Cue, int]] = []
        for c in cues:
            if c.tok in used_cues or c.kind == "adverb" or c.tok in tail_cues:
                continue
            toks = D.toks
            s_start, s_end = sent_of(toks[c.tok].start)
            limit = D.tok_at(s_end)
            content_start = None
            if c.kind == "lead":
                content_start = toks[c.last].end
                c_end, tail = _clause_end(D, content_start, s_end, [x for x in cues if x is not c], own_quotes)
                s2, e2 = _strip(text, content_start, c_end)
                if e2 - s2 >= 5:
                    reported.append(_Draft(s2, e2, "reported", None, c.stance, (toks[c.tok].start, toks[c.last].end),
                                           (s_start, s_end)))
                continue
            if c.kind == "phrase":
                a, b = _np_after(D, c.last, limit)
                ph_start = toks[c.tok].start
                head = text[s_start:ph_start].strip(" ،,")
                after_np = text[toks[b - 1].end:s_end] if b > a else text[toks[c.last].end:s_end]
                forward = not head or re.fullmatch(r"[وف]?", head) or re.match(r"\s*[،,]\s*\w", after_np)
                if forward:
                    # "وفقًا لمصادر متعددة، CONTENT"
                    k = b
                    while k < limit and toks[k].raw not in ("،", ","):
                        k += 1
                    if k < limit:
                        content_start = toks[k].end
                        c_end, tail = _clause_end(D, content_start, s_end, [x for x in cues if x is not c], own_quotes)
                    else:
                        continue
                else:
                    # "CONTENT، بحسب مصدر" : the clause before the phrase
                    if toks[c.tok].key in ("علي", "as") and any(
                            x.kind == "verb" and s_start <= toks[x.tok].start < ph_start for x in cues):
                        continue  # "وقال الوزير إن …، على حد قوله": the verb already attributes the clause
                    cs, ce = _strip(text, s_start, ph_start)
                    while ce > cs and text[ce - 1] in "،,؛;-–— ":
                        ce -= 1
                    if D.lang == "ar":
                        for w in (" و",):
                            if text[cs:ce].endswith(w):
                                ce -= len(w)
                    if ce - cs < 10:
                        continue
                    spk = speaker_of(c)
                    reported.append(_Draft(cs, ce, "reported", spk, _stance_for(D, c, spk, cs, ce),
                                           (toks[c.tok].start, toks[c.last].end), (s_start, s_end)))
                    continue
            else:
                # verb: look for a complementizer within the next tokens
                k = c.last + 1
                found = None
                steps = 0
                max_steps = 25 if D.lang == "ar" else 5  # English: "said (in a statement) that", not a later relative "that"
                while k < limit and steps < max_steps:
                    t = toks[k]
                    if D.lang != "ar" and t.raw in (",", ";"):
                        break
                    if t.raw in (":",) and c.kind == "verb" and k + 1 < limit and not any(q.open == toks[k + 1].start for q in quotes):
                        # "أخبر العالم كيف كان…: لقد صدم…" - unquoted content after a colon
                        found = ("colon", k)
                        break
                    if (t.raw in _QUOTE_CHARS and any(q.open == t.start for q in own_quotes)) or t.raw in (":",) or (
                            k > c.last + 1 and _is_cue_tok(D, k) and t.key not in D.L.comp_bare):
                        break
                    if t.key in D.L.comp_bare:
                        found = ("bare", k)
                        break
                    if t.key in D.L.comp_pron:
                        found = ("pron", k)
                        break
                    if D.lang == "ar" and any(t.key == p + comp for p in ("ب",) for comp in D.L.comp_bare | D.L.comp_pron):
                        found = ("bare" if t.key[1:] in D.L.comp_bare else "pron", k)
                        break
                    k += 1
                    steps += 1
                if found is None:
                    # anaphoric confirmation: "وقد أكدت مصادر مطلعة هذا الرقم"
                    a, b = _np_after(D, c.last, limit) if D.lang == "ar" else (c.last + 1, c.last + 1)
                    done = False
                    for bb in range(b, min(limit, b + 10) if (D.lang == "ar" or c.stance != "asserts") else b):
                        if done or toks[bb].raw in _QUOTE_CHARS or toks[bb].key in D.L.comp_bare:
                            break
                        for seq in D.L.anaphoric_objects:
                            n = len(seq)
                            if tuple(x.key for x in toks[bb:bb + n]) == seq and (
                                    n > 1 or D.lang == "ar" or bb + 1 >= limit or not toks[bb + 1].word):
                                anaphoric.append((c, bb))
                                done = True
                                break
                    if not done and c.lemma_indicate and D.lang == "ar":
                        # "أشار تشين إلى ضرورة ..." / "مشيرة إلى الحاجة ...": content after the preposition
                        k = b if b > a else c.last + 1
                        if k < limit and toks[k].key in ("الي",) and k + 1 < limit and toks[k + 1].word:
                            content_start = toks[k + 1].start
                            c_end, tail = _clause_end(D, content_start, s_end, [x for x in cues if x is not c], own_quotes)
                            if c_end - content_start > 15:
                                spk = speaker_of(c)
                                reported.append(_Draft(content_start, c_end, "reported", spk,
                                                       _stance_for(D, c, spk, content_start, c_end),
                                                       (toks[c.tok].start, toks[c.last].end), (s_start, s_end)))
                            continue
                    if D.lang == "en" and c.kind == "verb" and not done:
                        # English reported speech without "that": "Klein said the company ..."
                        nxt = toks[c.last + 1] if c.last + 1 < limit else None
                        a2, b2 = _np_before(D, c.tok, D.tok_at(s_start))
                        participle = toks[c.tok].key.endswith("ing")
                        if nxt is not None and c.stance != "asserts" and nxt.key in ("the", "this", "these", "those", "his", "her", "its", "their"):
                            anaphoric.append((c, c.last + 1))  # "Ortiz disputed the ministry's numbers"
                            continue
                        at_least = nxt is not None and nxt.key == "at" and c.last + 2 < limit and toks[c.last + 2].key in ("least", "most")
                        if nxt is not None and nxt.word and (b2 > a2 or participle) and (at_least or nxt.key not in (
                                "by", "in", "on", "to", "at", "that", "reporters", "parliament") + (
                                    ("it", "this") if c.stance != "asserts" and not (
                                        c.last + 2 < limit and toks[c.last + 2].word) else ())):
                            content_start = nxt.start
                            c_end, tail = _clause_end(D, content_start, s_end, [x for x in cues if x is not c], own_quotes)
                            if c_end - content_start > 15:
                                spk = speaker_of(c)
                                reported.append(_Draft(content_start, c_end, "reported", spk, _stance_for(D, c, spk, content_start, c_end),
                                                       (toks[c.tok].start, toks[c.last].end), (s_start, s_end)))
                                continue
                        # "CONTENT, X said." - the clause before the subject
                        rest = text[toks[c.last].end:s_end].strip(" .\"”")
                        if b2 > a2 and a2 > D.tok_at(s_start) and toks[a2 - 1].raw == "," and (
                                not rest or re.match(r"(in|on|at|during|to|after|before|last|this|late|early|via|through|when)\b", rest)):
                            cs, ce = _strip(text, s_start, toks[a2 - 1].start)
                            if ce - cs > 15 and not inside(cs):
                                spk = speaker_of(c)
                                reported.append(_Draft(cs, ce, "reported", spk, _stance_for(D, c, spk, cs, ce),
                                                       (toks[c.tok].start, toks[c.last].end), (s_start, s_end)))
                    continue
                kind, k = found
                tok = toks[k]
                if D.lang != "ar" and tok.key == "that":
                    rest = [x for x in toks[k + 1:limit] if x.word]
                    clause = [x for x in toks[k + 1:limit] if x.raw not in (",", ";")][:3]
                    if len(rest) < 3 or any(not x.word for x in clause):
                        # "questioned that promise": a determiner, not a clause
                        if c.stance != "asserts":
                            anaphoric.append((c, k))
                        continue
                if D.lang == "ar":
                    a0, b0 = _np_after(D, c.last, limit)
                    np_words = [x for x in toks[a0:b0] if x.key not in D.L.cue_preps and x.key not in ("ب", "ل")]
                    prev = toks[c.tok - 1] if c.tok > 0 else None
                    if not np_words and prev is not None and prev.word and prev.key not in (
                            "و", "ثم", "كما", "حيث", "قد", "وقد", "لقد", "ف", "وكما", "فقد", "ان") and prev.key not in D.L.comp_pron:
                        subj = _subject_before(D, c.tok, D.tok_at(s_start))
                        if subj is None and c.lemma_indicate:
                            continue  # "فإن الحملة ... تشير إلى أن": the subject is a thing, not a source
                        if subj is not None:
                            cue_speakers[c.tok] = subj
                if kind in ("bare", "colon"):
                    content_start = tok.end
                else:
                    content_start = tok.start
                c_end, tail = _clause_end(D, content_start, s_end, [x for x in cues if x is not c], own_quotes)
            s2, e2 = _strip(text, content_start, c_end)
            if e2 - s2 >= 2 and text[s2] in _QUOTE_CHARS and text[e2 - 1] in _QUOTE_CHARS and not any(
                    ch in _QUOTE_CHARS for ch in text[s2 + 1:e2 - 1]):
                s2, e2 = s2 + 1, e2 - 1  # بأن "…" : the clause is the quote
            if e2 - s2 < 5:
                continue
            spk = speaker_of(c)
            d = _Draft(s2, e2, "reported", spk, _stance_for(D, c, spk, s2, e2),
                       (toks[c.tok].start, toks[c.last].end), (s_start, s_end))
            if tail is not None:
                d.extra = _tail_stances(D, tail, s_end, cues)
            reported.append(d)
        # quotes inside a reported clause are part of it unless they carry their own cue
        for q, cue, spk, cont in quote_info:
            own = any(q is o for o in own_quotes)
            if not own and any(r.start <= q.end and q.open <= r.end for r in reported):
                continue
            s_start, s_end = sent_of(q.open)
            if cont:
                cue = None
            sent = (min(s_start, q.open), max(s_end, q.end))
            cue_span = (D.toks[cue.tok].start, D.toks[cue.last].end) if cue else None
            st = _stance_for(D, cue, spk, q.start, q.end) if cue else ("denies" if _negated(D, q.start, q.end) else "asserts")
            par_drafts.append(_Draft(q.start, q.end, "quote", spk, st, cue_span, sent, q.warnings))
        # drop reported clauses that are only a cue's quote (content inside a quote claim)
        for r in reported:
            if any(p.kind == "quote" and p.start <= r.start and r.end <= p.end + 1 for p in par_drafts):
                continue
            par_drafts.append(r)
        # anaphoric stances attach to the latest claim that ends before the cue
        for c, _b in anaphoric:
            if c.stance == "asserts":
                continue
            cs = D.toks[c.tok].start
            prior = [d for d in par_drafts if d.end <= cs] or ([prev_par_last] if prev_par_last else [])
            if not prior:
                continue
            target = max(prior, key=lambda d: d.end)
            spk = speaker_of(c)
            target.extra.append(Stance(c.stance, spk, D.span(cs, D.toks[c.last].end)))
        # --- statements
        for s, e in sents:
            if any(not (d.end <= s or d.start >= e) for d in par_drafts):
                continue
            # a statement may carry a hedge ("reportedly") and a stance tail ("…, a figure confirmed by X")
            e2, tail = _clause_end(D, s, e, [], [], breaks=False)
            if text[e2:e].strip(" .") == "":
                e2 = e
            if any(s <= D.toks[c.tok].start < e2 and c.kind != "adverb" for c in cues):
                continue
            if _is_statement(D, s, e2):
                m = re.match(r"[-•*·▪–—]+\s*", text[s:e2])
                s2 = s + (m.end() if m else 0)
                hedge = next((c for c in cues if s <= D.toks[c.tok].start < e2 and c.kind == "adverb"), None)
                d = _Draft(s2, e2, "statement", None, "hedges" if hedge else "asserts",
                           (D.toks[hedge.tok].start, D.toks[hedge.last].end) if hedge else None, (s, e))
                if tail is not None:
                    d.extra = _tail_stances(D, tail, e, cues)
                par_drafts.append(d)
        par_drafts.sort(key=lambda d: d.start)
        for d in par_drafts:
            if d.speaker is not None and d.kind != "statement" and _is_named(D, d.speaker):
                D.last_speaker = d.speaker
        if not skipped_par:
            drafts.extend(d for d in par_drafts if not doc.is_skipped(d.start, d.end))
        prev_tail = None
        last_s = sents[-1] if sents else (pstart, pend)
        tail_cues = [c for c in cues if D.toks[c.tok].start >= last_s[0]]
        if text[pstart:pend].rstrip().endswith((":", "،", ",")) and tail_cues and not any(
                d.end >= D.toks[tail_cues[-1].last].end and d.kind != "statement" for d in par_drafts):
            prev_tail = (tail_cues[-1], speaker_of(tail_cues[-1]))
        prev_par_last = par_drafts[-1] if par_drafts else prev_par_last
    # ids, quantities, dedupe
    claims: list[Claim] = []
    seen = set()
    for d in sorted(drafts, key=lambda d: (d.start, d.end)):
        if (d.start, d.end) in seen or d.end <= d.start:
            continue
        seen.add((d.start, d.end))
        cue = D.span(*d.cue) if d.cue else None
        first = Stance(d.stance, d.speaker, cue)
        stances = (first,) + tuple(d.extra)
        quantities = tuple(parse_quantities(text[d.start:d.end], offset=d.start, lang=D.lang))
        claims.append(Claim(
            id=f"{doc.id}#c{len(claims) + 1}",
            doc=doc.id,
            start=d.start,
            end=d.end,
            text=text[d.start:d.end],
            kind=d.kind,
            speaker=d.speaker,
            stance=d.stance,
            stances=stances,
            quantities=quantities,
            cue=cue,
            sentence=d.sentence,
            warnings=d.warnings,
        ))
    return _mark_rebuttals(D, claims)


def extract(documents: Iterable[Document], *, progress: bool = False) -> list[Claim]:
    """Claims of all documents, document by document."""
    docs = list(documents)
    it = docs
    if progress:
        try:
            from tqdm import tqdm

            it = tqdm(docs, desc="extract", unit="doc", file=__import__("sys").stderr)
        except ImportError:  # pragma: no cover
            pass
    out: list[Claim] = []
    for doc in it:
        out.extend(extract_document(doc))
    return out
