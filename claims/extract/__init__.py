"""Claim extraction: direct quotes, reported speech and factual statements.

Pure rules over the languages of ``claims/lang/<code>/`` (their ``table.json`` and ``Language`` rules): no model.

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

Layout: this module is the orchestrator (``extract``, ``extract_document``);
each stage is a module over the per-document ``tokens._Doc`` and the
per-paragraph ``paragraph._Para``, filling in ``drafts._Draft``: ``tables``
(language tables), ``tokens``, ``sentences``, ``names``, ``cues``, ``quotes``,
``speakers`` (and coreference), ``content`` (reported clauses), ``stances``,
``statements``, ``rebuttals``.
"""

from __future__ import annotations

from typing import Iterable

from ..quantities import parse_quantities
from ..types import Claim, Document, Stance
from .content import reported_claims
from .cues import find_cues
from .drafts import _Draft
from .names import names_in, normalise_name  # noqa: F401 (re-exported: pair.py, tests)
from .paragraph import _Para
from .quotes import attribute_quotes, block_quote, find_quotes, introduces_block, quote_claims
from .rebuttals import mark_rebuttals
from .sentences import merge_quoted, paragraphs, split_sentences
from .speakers import _is_named, _is_plain_name, speaker_of
from .stances import attach_anaphoric, tail_cue_tokens
from .statements import statement_claims
from .tokens import _Doc

__all__ = ["extract", "extract_document", "normalise_name", "parse_quantities"]


def extract_document(doc: Document) -> list[Claim]:
    """Claims of one document, in text order, with ids ``f"{doc.id}#c{n}"``.

    Paragraph by paragraph (one line of the file each):

    1. sentences (``sentences``), quotations paired over the language's quote marks (``quotes``)
       and cues: reporting verbs and attribution phrases outside quotes (``cues``);
    2. each cue's speaker, in text order (``speakers.speaker_of``: the subject after an Arabic verb or
       before an English one, a name after a title, a pronoun or a missing subject resolved by walking
       back clause by clause and then to the last named speaker);
    3. quotes with a cue before (``قال: "…"``) or after (``"…" قال فلان``), continuations (``“…”. “…”``),
       block quotes after a paragraph ending ``مضيفًا:``, and long quotes standing alone (``quotes``);
    4. reported clauses (``content``) after a complementizer (أن، إن، بأن، that), after a colon, after an
       attribution phrase (``وفقًا لـ X، …``) or before it (``…، بحسب X``), each cut at the next cue,
       contrast or stance tail (``- وهو ادعاء أكده X لكن شككت فيه Y``), whose cues become extra stances;
       a confirm/deny verb with an anaphoric object (``أكدت مصادر هذا الرقم``) adds a stance to the
       claim before it (``stances``);
    5. statements (``statements``): remaining sentences with a figure or a named actor and no cue or
       opinion marker.

    Claims in regions the document skips (``doc.is_skipped``) are dropped; every span is a slice of
    ``doc.text``. Last, whom each claim answers (``rebuttals``).
    """
    D = _Doc(doc)
    drafts: list[_Draft] = []
    prev_tail = None  # (cue, speaker) of a paragraph ending "…، مضيفًا:": it introduces the next
    prev_last: _Draft | None = None
    for pstart, pend in paragraphs(D.text):
        sents = split_sentences(D, pstart, pend)
        quotes = find_quotes(D, pstart, pend, sents)
        P = _Para(pstart, pend, merge_quoted(sents, quotes), quotes, prev_tail, prev_last)
        if prev_tail is not None and not quotes:
            d = block_quote(D, P)
            if not D.is_skipped(d.start, d.end):
                drafts.append(d)
                if d.speaker is not None:
                    D.last_speaker = d.speaker
            prev_tail, prev_last = None, d
            continue
        _paragraph_claims(D, P)
        if not D.is_skipped(pstart, pend):
            drafts.extend(d for d in P.drafts if not D.is_skipped(d.start, d.end))
        prev_tail = introduces_block(D, P)
        prev_last = P.drafts[-1] if P.drafts else prev_last
    return mark_rebuttals(D, _claims(D, drafts))


def _paragraph_claims(D: _Doc, P: _Para) -> None:
    """The stages over one paragraph, in order; the claims end in ``P.drafts``, sorted by start."""
    P.cues = find_cues(D, D.tok_at(P.start), D.tok_at(P.end), P.inside)
    for c in P.cues:
        sp = speaker_of(D, P, c)
        if sp is not None and (_is_named(D, sp) or _is_plain_name(D, sp)):
            D.last_speaker = sp
    attribute_quotes(D, P)
    P.tail_cues = tail_cue_tokens(D, P)
    reported_claims(D, P)
    quote_claims(D, P)
    attach_anaphoric(D, P)
    statement_claims(D, P)
    P.drafts.sort(key=lambda d: d.start)
    for d in P.drafts:
        if d.speaker is not None and d.kind != "statement" and _is_named(D, d.speaker):
            D.last_speaker = d.speaker


def _claims(D: _Doc, drafts: list[_Draft]) -> list[Claim]:
    """Claims from the drafts in text order: duplicates and empty spans dropped, ids numbered, figures parsed."""
    doc, text = D.doc, D.text
    claims: list[Claim] = []
    seen = set()
    for d in sorted(drafts, key=lambda d: (d.start, d.end)):
        if (d.start, d.end) in seen or d.end <= d.start:
            continue
        seen.add((d.start, d.end))
        cue = D.span(*d.cue) if d.cue else None
        first = Stance(d.stance, d.speaker, cue)
        stances = (first,) + tuple(d.extra)
        found = D.figures.get((d.start, d.end))  # parsed already when the span was tried as a statement
        if found is None:
            found = parse_quantities(text[d.start:d.end], offset=d.start, lang=D.lang)
        quantities = tuple(found)
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
    return claims


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
