"""Verdicts: turn NLI scores (both directions) plus stance, quote, quantity and time evidence into a Pair.

Scoring never decides; this module does, after scoring, with every cut-off in one
place: :class:`Thresholds` (defaults here, tuned values in ``claims/thresholds.json``,
written by ``claims.evaluate.sweep`` on the project's dev pairs, never on seeds/).

Evidence, in order of precedence (each piece found is listed in ``Pair.reasons``):

1. stance conflict: the same claim confirmed/asserted by one source and denied or
   disputed by another is a contradiction even when the two texts look alike;
   rebuttal: a claim the article marks as answering the other claim's speaker
   ("اتهم بوسورث ألتمان بالمبالغة") is a contradiction when the model sees one in
   either direction;
2. quote identity: the same speaker and (nearly) the same words, in one language or
   two, is agreement;
3. quantity conflict: the same measure (kind and unit) with values that cannot both
   hold, respecting bounds ("at least 8" vs "4" conflicts, "up to 100" vs "100" does not);
4. NLI: contradiction in both directions (the smaller of the two) or mean entailment --
   unless the two claims come from different articles and share no anchor (no name,
   speaker, source or distinctive word; ``anchored=False``, computed by ``pair.anchors``),
   when the model alone links nothing.

A contradiction between documents of different dates, or whose texts mark different
times, is kept but flagged ``temporal=True`` with a "possibly temporal" reason.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .types import LABELS, Claim, Pair, Quantity

# Thresholds live in their own module (pairing reads them too); re-exported here, where they are applied.
from .thresholds import THRESHOLDS_PATH, Thresholds, load_thresholds, save_thresholds  # noqa: E402,F401

POSITIVE = frozenset({"asserts", "confirms"})
NEGATIVE = frozenset({"denies", "disputes"})

_E, _N, _C = (LABELS.index(x) for x in ("entailment", "neutral", "contradiction"))


# --- evidence ---------------------------------------------------------------------------------------

def stances_of(claim: Claim) -> list[tuple[str, str | None]]:
    """(stance, source name) for every stance on the claim; the claim's own stance when none are listed."""
    if claim.stances:
        return [(s.stance, s.source.name if s.source else None) for s in claim.stances]
    return [(claim.stance, claim.speaker.name if claim.speaker else None)]


def polarity(stance: str) -> int:
    return 1 if stance in POSITIVE else -1 if stance in NEGATIVE else 0


def _net(stances: set[tuple[int, str | None]]) -> int:
    """+1 when every stance is positive, -1 when every one is negative, 0 when mixed or only hedged."""
    pols = {p for p, _ in stances if p}
    return 1 if pols == {1} else -1 if pols == {-1} else 0


def intra_conflict(claim: Claim) -> bool:
    """True when one claim carries opposite stances (confirmed by some, disputed by others)."""
    p = {polarity(s) for s, _ in stances_of(claim)}
    return 1 in p and -1 in p


def _norm_text(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).casefold()
    t = re.sub(r"[\u064b-\u0652\u0640]", "", t)  # Arabic diacritics and tatweel
    return " ".join(re.findall(r"\w+", t))


def _interval(q: Quantity, th: Thresholds) -> tuple[float, float]:
    v = float(q.value)
    if q.bound == "at_least":
        return v, math.inf
    if q.bound == "at_most":
        return -math.inf if v < 0 else 0.0, v
    tol = th.approx_tolerance if q.bound == "approx" else th.quantity_tolerance
    d = abs(v) * tol
    return v - d, v + d


def quantity_conflicts(a: Claim, b: Claim, th: Thresholds) -> list[str]:
    """Reasons for each measure (kind, unit) that both claims give with values that cannot both hold.

    A measure conflicts only when no value on one side is compatible with any on the other
    (a claim may give "300M over four years" and "100M in the first year" at once).
    Dates are left to the time check.
    """
    out = []
    groups: dict[tuple[str, str], tuple[list[Quantity], list[Quantity]]] = {}
    for side, c in ((0, a), (1, b)):
        for q in c.quantities:
            if q.kind == "date":
                continue
            groups.setdefault((q.kind, q.unit), ([], []))[side].append(q)
    for (kind, unit), (qa, qb) in sorted(groups.items()):
        if not qa or not qb:
            continue
        if kind == "count":
            # counts of different things ("8 researchers" vs "7 research heads") are not one measure
            na = {n for x in qa for n in [_counted(a, x)] if n}
            nb = {n for y in qb for n in [_counted(b, y)] if n}
            script = {("ar" if "\u0600" <= n[0] <= "\u06ff" else "other") for n in na | nb}
            if na and nb and not na & nb and len(script) == 1:  # across scripts the words cannot be compared
                continue
        compatible = False
        for x in qa:
            lo1, hi1 = _interval(x, th)
            for y in qb:
                lo2, hi2 = _interval(y, th)
                if lo1 <= hi2 and lo2 <= hi1:
                    compatible = True
        if not compatible:
            out.append(f"quantity conflict ({kind}): {_qtext(qa)} vs {_qtext(qb)}")
    return out


def _counted(c: Claim, q: Quantity) -> str | None:
    """The stem of the word counted right after a count ("ثمانية باحثين" -> "باحث"), or None."""
    from .pair import stems

    rel = q.end - c.start
    if c.text[q.start - c.start:rel] != q.text or q.start < c.start:
        rel = c.text.find(q.text) if q.text else -1
        if rel < 0:
            return None
        rel += len(q.text)
    m = re.match(r"\W*(\w+)", c.text[rel:rel + 40])
    if not m:
        return None
    st = stems(m.group(1))
    return next(iter(st)) if len(st) == 1 else None


def _qtext(qs: list[Quantity]) -> str:
    return " / ".join(f"{q.text!r}" + ("" if q.bound == "exact" else f" [{q.bound}]") for q in qs)


_TIME_MARKERS = (
    "last year", "last month", "last week", "previously", "earlier this", "at the time", "formerly", "used to",
    "no longer", "now ", "currently", "this year", "next year",
    "العام الماضي", "السنة الماضية", "الشهر الماضي", "الأسبوع الماضي", "سابقا", "سابقًا", "في السابق", "آنذاك",
    "الآن", "حاليا", "حاليًا", "هذا العام", "العام المقبل", "لم يعد",
)
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


def time_marks(text: str) -> frozenset[str]:
    t = text.casefold()
    return frozenset(m.strip() for m in _TIME_MARKERS if m in t) | frozenset(_YEAR.findall(text))


@lru_cache(maxsize=1)
def _state_change_words() -> frozenset[str]:
    from .lang import supported
    from .quantities import load_table, squeeze

    return frozenset(squeeze(w) for lang in supported() for w in load_table(lang).get("state_change", []))


def state_changes(text: str) -> list[str]:
    """Words of a change of state in ``text`` (left, joined, returned, غادرت، أطاح، تولت), from the
    ``state_change`` tables in claims/lang/, in text order."""
    from .quantities import squeeze

    words, out = _state_change_words(), []
    for raw in re.findall(r"\w+", text):
        w = squeeze(raw)
        for cand in (w, w[1:] if w[:1] in "وفبل" and len(w) > 3 else "", w[2:] if w.startswith("ال") else "",
                     w[3:] if w[:1] in "وفبل" and w[1:3] == "ال" else ""):
            if cand and cand in words:
                if raw not in out:
                    out.append(raw)
                break
    return out


def temporal_reason(a: Claim, b: Claim, dates: tuple[str | None, str | None]) -> str | None:
    da, db = (str(d)[:10] if d else None for d in dates)
    if da and db and da != db:
        return f"possibly temporal: documents dated {da} and {db}"
    ma, mb = time_marks(a.text), time_marks(b.text)
    qa = {q.value for q in a.quantities if q.kind == "date"}
    qb = {q.value for q in b.quantities if q.kind == "date"}
    if (qa and qb and not qa & qb) or (ma != mb and (ma or mb)):
        marks = sorted(ma ^ mb) or sorted(str(int(v)) if float(v).is_integer() else str(v) for v in qa ^ qb)
        return "possibly temporal: the texts mark different times (" + ", ".join(marks[:4]) + ")"
    changes = state_changes(a.text)
    changes += [w for w in state_changes(b.text) if w not in changes]
    if changes:
        return "possibly temporal: a change of state (" + ", ".join(changes[:4]) + ")"
    return None


@lru_cache(maxsize=None)
def _polarity_pattern(lang: str | None) -> re.Pattern:
    """Whole-word (or, in Arabic, proclitic-led) matches of the ``denial_words`` and single ``negations`` of
    ``lang``'s table; of every table when ``lang`` has none."""
    from .lang import get_language, supported

    codes = [lang] if lang in supported() else list(supported())
    words = set()
    for code in codes:
        t = get_language(code).table
        words.update(w.casefold() for w in t.get("denial_words", []) if isinstance(w, str))
        words.update(w.casefold() for w in t.get("negations", []) if isinstance(w, str) and w.strip(",").isalpha())
    alts = "|".join(sorted((re.escape(w) for w in words if w), key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?<![\w'’])(?:[وف](?=\w))?(?:{alts})(?![\w])|n['’]t\b", re.IGNORECASE)


def polarity_cue(text: str, lang: str | None = None) -> bool:
    """True when ``text`` negates, denies or calls something false ("did not get", "fake news", "لم يحصل",
    "Il falso mito"): its language's ``denial_words`` and ``negations`` (claims/lang/<code>/table.json)."""
    return bool(_polarity_pattern(lang).search(text))


# --- the decision -----------------------------------------------------------------------------------

QUOTE_RUN = 3  # words in a row two claims by the same speaker must share to be the same quote


def _shared_run(a: str, b: str) -> str:
    """The longest run of at least QUOTE_RUN words both texts contain ("" when none): the same speaker's
    words quoted in two articles, each with different surroundings, keep such a run."""
    from difflib import SequenceMatcher

    wa, wb = re.findall(r"\w+", a.casefold()), re.findall(r"\w+", b.casefold())
    m = SequenceMatcher(None, wa, wb, autojunk=False).find_longest_match(0, len(wa), 0, len(wb))
    return " ".join(wa[m.a : m.a + m.size]) if m.size >= QUOTE_RUN else ""


# ------------------------------------------------------------------------------------------ the rules
#
# A rule is a plain function ``(a, b, evidence) -> Finding | None``; ``RULES`` lists them in the order they
# are tried, and the first that returns a Finding decides the pair. ``Pair.rule`` records its name, which
# is what the report and evaluation read (never the reason strings). To add a rule: write the function,
# put it in ``RULES`` where it belongs, and, if it should count as rule-backed evidence in the report, add
# its name to ``RULE_DECIDED`` (and to ``LINK_RULES`` if it should pull claims into one topic).


@dataclass(frozen=True)
class Finding:
    """What a rule decided: the verdict, the rule's name, its reasons, and whether the texts themselves
    contradict (``content``: NLI, rebuttal or figures, not only who stands where)."""

    verdict: str
    rule: str
    reasons: tuple[str, ...] = ()
    content: bool = False


@dataclass(frozen=True)
class Evidence:
    """Everything the rules look at for one pair, computed once by :func:`evidence`."""

    forward: tuple[float, float, float]
    backward: tuple[float, float, float]
    scores: dict[str, float]
    contra: float  # contradiction seen both ways: the smaller direction
    contra_one_way: float  # the larger direction
    entail: float  # mean entailment of both directions
    same_text: bool
    similarity: float | None
    same_claim: bool
    unanchored: bool
    related: bool
    net: tuple[int, int]  # each claim's netted stance polarity
    stance_conflict: tuple[str | None, str | None] | None  # (confirming source, denying source)
    mixed: str | None  # "a is itself disputed by ..."
    rebut: tuple[str | None, str | None] | None  # (who answers, whom)
    speakers: tuple[str | None, str | None]
    same_speaker: bool
    run: str  # the longest run of words both texts share (same speaker only)
    quote_same: bool
    quantity_conflicts: tuple[str, ...]
    thresholds: Thresholds
    translated: bool = False  # each claim among the other's nearest in its language (pair.mutual_language_neighbours)
    denial: tuple[str | None, str | None] | None = None  # (who denies, whose claim): one side denies, the other asserts


def stance_conflict(a: Claim, b: Claim, ev: Evidence) -> Finding | None:
    """The same claim confirmed/asserted by one source and denied/disputed by another."""
    if not ev.stance_conflict:
        return None
    pos, neg = ev.stance_conflict
    return Finding("contradiction", "stance_conflict",
                   (f"stance conflict: confirmed by {pos or 'the article'}, denied/disputed by {neg or 'the article'}",))


def rebuttal(a: Claim, b: Claim, ev: Evidence) -> Finding | None:
    """The article marks one claim as answering the other's speaker; one direction of contradiction is enough."""
    if ev.rebut and ev.contra_one_way >= ev.thresholds.contradiction and ev.contra_one_way >= ev.entail:
        return Finding("contradiction", "rebuttal",
                       (f"rebuttal: {ev.rebut[0]} answers {ev.rebut[1]} (contradiction {ev.contra_one_way:.2f} one way)",),
                       content=True)
    return None


def denial(a: Claim, b: Claim, ev: Evidence) -> Finding | None:
    """One source denies or disputes what the other asserts ("No, we did not get 100M sign-on, that's fake
    news" against the report of the offers), and the model sees the contradiction in at least one direction:
    the denial's own negation carries it, so one direction is enough."""
    th = ev.thresholds
    if (ev.denial and not ev.unanchored and ev.contra_one_way >= th.contradiction
            and ev.contra_one_way >= ev.entail and not ev.quote_same):
        who, whom = ev.denial
        return Finding("contradiction", "denial",
                       (f"denial: {who or 'the article'} denies what {whom or 'the article'} asserts "
                        f"(contradiction {ev.contra_one_way:.2f} one way)",), content=True)
    return None


def same_quote(a: Claim, b: Claim, ev: Evidence) -> Finding | None:
    """The same speaker and (nearly) the same words, in one language or two."""
    if not ev.quote_same or ev.quantity_conflicts:
        return None
    sim, th = ev.similarity, ev.thresholds
    what = ("same words" if ev.same_text else f"similarity {sim:.2f}" if sim is not None and sim >= th.quote_identity
            else f"shared words “{ev.run}”" if ev.run else "a translation: each the other's nearest claim in its language")
    return Finding("agreement", "same_quote", (f"same quote by {ev.speakers[0]} ({what})",))


def quantity_conflict(a: Claim, b: Claim, ev: Evidence) -> Finding | None:
    """The same measure with values that cannot both hold (bounds respected)."""
    if ev.quantity_conflicts:
        return Finding("contradiction", "quantity_conflict", ev.quantity_conflicts, content=True)
    return None


def unanchored(a: Claim, b: Claim, ev: Evidence) -> Finding | None:
    """Claims of different articles sharing no name, speaker, source or distinctive word: the model alone
    links nothing (the pair stays neutral, and says why)."""
    th = ev.thresholds
    if ev.unanchored and (ev.contra >= th.contradiction or ev.entail >= th.entailment):
        return Finding("neutral", "unanchored", ("no shared name or distinctive word: about different things, whatever the model says",))
    return None


def model_contradiction(a: Claim, b: Claim, ev: Evidence) -> Finding | None:
    """NLI contradiction in both directions (the smaller of the two at least the threshold and the entailment)."""
    if ev.contra >= ev.thresholds.contradiction and ev.contra >= ev.entail:
        return Finding("contradiction", "model_contradiction", content=True)
    return None


def model_agreement(a: Claim, b: Claim, ev: Evidence) -> Finding | None:
    """NLI entailment, mean of both directions."""
    if ev.entail >= ev.thresholds.entailment:
        return Finding("agreement", "model_agreement")
    return None


def shared_denial(a: Claim, b: Claim, ev: Evidence) -> Finding | None:
    """Both sides deny or dispute the same claim: they agree."""
    if ev.same_claim and ev.net == (-1, -1) and ev.contra < ev.thresholds.contradiction:
        return Finding("agreement", "shared_denial", ("both sources deny or dispute the same claim",))
    return None


RULES = (stance_conflict, rebuttal, same_quote, quantity_conflict, denial, unanchored, model_contradiction,
         model_agreement, shared_denial)
RULE_DECIDED = frozenset({"stance_conflict", "rebuttal", "same_quote", "quantity_conflict", "denial", "shared_denial"})
LINK_RULES = frozenset({"stance_conflict", "rebuttal", "same_quote", "quantity_conflict", "denial"})  # weigh extra in topics


def evidence(a: Claim, b: Claim, f: Sequence[float], g: Sequence[float], th: Thresholds,
             similarity: float | None, anchored: bool | None, translated: bool = False) -> Evidence:
    """What the rules need, from the two claims and their scores both ways."""
    scores = {k: round((f[i] + g[i]) / 2, 6) for i, k in enumerate(LABELS)}  # float32 noise off the JSON
    contra = min(f[_C], g[_C])  # contradiction is symmetric: both directions must see it
    entail = scores["entailment"]
    same_text = _norm_text(a.text) == _norm_text(b.text) and bool(_norm_text(a.text))
    sim = similarity
    related = (sim is not None and sim >= th.same_measure) or same_text or max(entail, contra) >= scores["neutral"]
    unanchored_ = anchored is False
    # the same claim: the same words, near-identical embeddings, or entailment both ways (one way is not enough:
    # "OpenAI is nothing without its people" entails nothing about a signing bonus, whatever one direction says)
    same_claim = same_text or (sim is not None and sim >= th.same_claim) or (
        min(f[_E], g[_E]) >= th.entailment and not unanchored_)
    related = related and not (unanchored_ and not same_claim)
    pa = {(polarity(s), src) for s, src in stances_of(a)}
    pb = {(polarity(s), src) for s, src in stances_of(b)}
    # A claim that carries both stances itself ("confirmed by insiders, disputed by Meta sources") holds its
    # dispute inside: a one-sided restatement of it sides with some of its sources, so the pair is judged on
    # content and the dispute is reported by the topic (and named in the reasons), not as a pair conflict.
    net_a, net_b = _net(pa), _net(pb)
    conflict = None
    if same_claim and contra < th.contradiction and net_a * net_b == -1:
        s1 = next((s for p, s in sorted(pa, key=str) if p == net_a), None)
        s2 = next((s for p, s in sorted(pb, key=str) if p == net_b), None)
        conflict = (s1, s2) if net_a > 0 else (s2, s1)
    mixed = None
    if same_claim and not conflict and (intra_conflict(a) or intra_conflict(b)):
        inner = a if intra_conflict(a) else b
        neg = sorted({s or "the article" for p, s in stances_of(inner) if polarity(p) < 0})
        mixed = f"{'a' if inner is a else 'b'} is itself disputed by {', '.join(neg)}"
    speaker_a = a.speaker.name if a.speaker else None
    speaker_b = b.speaker.name if b.speaker else None
    rebut = None  # the article says one speaker answered the other ("اتهم بوسورث ألتمان بالمبالغة")
    if a.doc == b.doc:
        if a.rebuts and speaker_b and a.rebuts.name == speaker_b and speaker_a != speaker_b:
            rebut = (speaker_a, speaker_b)
        elif b.rebuts and speaker_a and b.rebuts.name == speaker_a and speaker_a != speaker_b:
            rebut = (speaker_b, speaker_a)
    same_speaker = bool(speaker_a) and speaker_a == speaker_b
    run = _shared_run(a.text, b.text) if same_speaker else ""
    quote_same = same_speaker and (same_text or (sim is not None and sim >= th.quote_identity) or bool(run) or translated)
    qconf = quantity_conflicts(a, b, th) if related else []
    if qconf and _different_actors(a, b):  # names looked up only for the few pairs whose figures conflict
        qconf = []
    deny = None  # the claims' own sources: one denies or disputes, the other asserts or confirms
    if polarity(a.stance) * polarity(b.stance) == -1 and not same_speaker:
        deny = (speaker_b, speaker_a) if polarity(b.stance) < 0 else (speaker_a, speaker_b)
    return Evidence(tuple(f), tuple(g), scores, contra, max(f[_C], g[_C]), entail, same_text, sim, same_claim,
                    unanchored_, related, (net_a, net_b), conflict, mixed, rebut, (speaker_a, speaker_b), same_speaker,
                    run, quote_same, tuple(qconf), th, translated, deny)


def decide(
    a: Claim,
    b: Claim,
    forward: Sequence[float],
    backward: Sequence[float],
    *,
    thresholds: Thresholds | None = None,
    dates: tuple[str | None, str | None] = (None, None),
    similarity: float | None = None,
    anchored: bool | None = None,
    translated: bool = False,
) -> Pair:
    """Judge one pair. ``forward`` = NLI(a.text -> b.text), ``backward`` = NLI(b.text -> a.text), LABELS order.

    The rules in :data:`RULES` are tried in order on the pair's :class:`Evidence`; the first Finding decides
    (``Pair.rule`` names it; no Finding is neutral with ``rule=None``). ``similarity`` is the embedding
    cosine when known (from ``pair.candidates``); without it, "same claim" falls back to identical
    normalised text or NLI entailment. ``Pair.scores`` is the mean of both directions.
    ``anchored=False`` says the two claims share nothing that ties them to one story (no name in their
    sentences, no speaker or source, no distinctive word; see ``pair.anchors``): then the model's scores
    alone decide nothing. None (unknown) applies no such check. ``translated`` says the two claims (in two
    languages) are each among the other's nearest claims in its language: with one speaker, the same quote.
    """
    th = thresholds or Thresholds()
    f = [float(x) for x in forward]
    g = [float(x) for x in backward]
    if len(f) != 3 or len(g) != 3:
        raise ValueError(f"expected 3 scores per direction in {LABELS} order, got {len(f)} and {len(g)}")
    ev = evidence(a, b, f, g, th, similarity, anchored, translated)
    found = next((x for x in (rule(a, b, ev) for rule in RULES) if x is not None), None)
    verdict = found.verdict if found else "neutral"
    reasons = list(found.reasons) if found else []
    reasons += _context_reasons(ev, verdict)
    temporal = False
    if verdict == "contradiction":
        why = temporal_reason(a, b, dates)
        if why:
            temporal = True
            reasons.append(why)
    if found and found.content:
        reasons.insert(0 if not ev.quantity_conflicts else len(ev.quantity_conflicts), "content contradiction")
    return Pair(a=a.id, b=b.id, verdict=verdict, scores=ev.scores, reasons=tuple(reasons),
                similarity=None if similarity is None else float(similarity), temporal=temporal,
                rule=found.rule if found else None)


def _context_reasons(ev: Evidence, verdict: str) -> list[str]:
    """The reasons every pair carries after its rule's: both NLI directions, and what else was seen."""
    f, g = ev.forward, ev.backward
    out = [
        f"NLI a->b {LABELS[max(range(3), key=f.__getitem__)]} "
        f"(e {f[_E]:.2f} n {f[_N]:.2f} c {f[_C]:.2f}); b->a {LABELS[max(range(3), key=g.__getitem__)]} "
        f"(e {g[_E]:.2f} n {g[_N]:.2f} c {g[_C]:.2f})"
    ]
    if ev.mixed:
        out.append(ev.mixed)
    if ev.rebut and verdict != "contradiction":
        out.append(f"{ev.rebut[0]} rebuts {ev.rebut[1]}, but the model sees no contradiction here")
    if ev.similarity is not None:
        out.append(f"similarity {ev.similarity:.2f}")
    if ev.same_speaker and not ev.quote_same:
        out.append(f"same speaker: {ev.speakers[0]}")
    return out


def _different_actors(a: Claim, b: Claim) -> bool:
    """True when both claims name people or bodies and none in common ("after six years … Sutskever" vs
    "Pachocki resigned … after seven years"): their figures measure different things."""
    from .pair import context_names

    na, nb = context_names(a.text), context_names(b.text)
    return bool(na) and bool(nb) and not na & nb


CONTENT_RULES = frozenset({"rebuttal", "quantity_conflict", "denial", "model_contradiction"})


def is_content_contradiction(pair: Pair) -> bool:
    """True when the texts themselves contradict (NLI, rebuttal or quantities), not only the sources' stances."""
    return pair.verdict == "contradiction" and pair.rule in CONTENT_RULES


def thresholds_dict(th: Thresholds) -> dict[str, Any]:
    return th.to_dict()
