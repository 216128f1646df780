"""The data model: documents, spans into them, claims, pairs and the report.

Every offset is a half-open character offset into ``Document.text`` exactly as
it was read from disk; ``doc.text[span.start:span.end] == span.text`` always.
All classes are frozen dataclasses; ``to_dict`` gives the JSON form used in
``report.json`` and in the JSON Lines that ``claims extract`` writes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = ("quote", "reported", "statement")
STANCES = ("asserts", "confirms", "denies", "disputes", "hedges")
VERDICTS = ("contradiction", "agreement", "neutral")
LABELS = ("entailment", "neutral", "contradiction")  # column order of every score array


class InputError(Exception):
    """Bad input from the user: a file that cannot be read, a malformed line...

    ``str(err)`` is ``"<path>: <problem>"`` or ``"<path>:<line>: <problem>"``;
    the CLI prints it after ``Error: `` on one line.
    """

    def __init__(self, path: str, problem: str, line: int | None = None):
        self.path, self.problem, self.line = str(path), problem, line
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` of one document."""

    doc: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Skip:
    """A region of a document that later stages ignore (text is left as is)."""

    start: int
    end: int
    reason: str  # "duplicate" (repeats an earlier paragraph) or "boilerplate"


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    lang: str = "und"
    path: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    skips: tuple[Skip, ...] = ()

    def span(self, start: int, end: int) -> Span:
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside document {self.id!r} of length {len(self.text)}")
        return Span(self.id, start, end, self.text[start:end])

    def is_skipped(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies mostly inside a skipped region."""
        if end <= start:
            return False
        covered = sum(max(0, min(end, s.end) - max(start, s.start)) for s in self.skips)
        return covered * 2 > end - start

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "lang": self.lang,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "url": self.url,
            "length": len(self.text),
            "skips": [asdict(s) for s in self.skips],
        }


@dataclass(frozen=True)
class Speaker:
    """Who a claim is attributed to: a span of the document plus a normalised name.

    ``name`` is the same for the same person across articles and scripts
    (``ألتمان`` and ``Altman`` both give ``"altman"``).
    """

    text: str
    start: int
    end: int
    name: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "name": self.name}


@dataclass(frozen=True)
class Stance:
    """How one source stands toward a claim: asserts, confirms, denies, disputes or hedges."""

    stance: str
    source: Speaker | None = None  # None: the article itself
    cue: Span | None = None  # the word(s) that carry the stance (أكد، نفى، "disputed by")

    def to_dict(self) -> dict[str, Any]:
        return {
            "stance": self.stance,
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict() if self.cue else None,
        }


@dataclass(frozen=True)
class Quantity:
    """A figure parsed from the text: ``100 مليون دولار`` is value 1e8, unit "USD"."""

    text: str
    start: int
    end: int
    value: float
    unit: str  # "USD", "EUR", "count", "percent", "year", "month", "week", "day", "hour", ...
    kind: str  # "money", "count", "percent", "duration", "date"
    bound: str = "exact"  # "exact", "at_least", "at_most", "approx"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Claim:
    id: str
    doc: str
    start: int
    end: int
    text: str
    kind: str  # one of KINDS
    speaker: Speaker | None = None
    stance: str = "asserts"  # the stance of the claim's own source (first of ``stances``)
    stances: tuple[Stance, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    cue: Span | None = None  # the reporting verb / attribution phrase
    sentence: tuple[int, int] | None = None  # the sentence holding the claim, for context
    warnings: tuple[str, ...] = ()
    rebuts: Speaker | None = None  # the speaker this claim answers ("ردًا على…", "hit back at Altman"), if marked

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "stance": self.stance,
            "stances": [s.to_dict() for s in self.stances],
            "quantities": [q.to_dict() for q in self.quantities],
            "cue": self.cue.to_dict() if self.cue else None,
            "sentence": list(self.sentence) if self.sentence else None,
            "warnings": list(self.warnings),
            "rebuts": self.rebuts.to_dict() if self.rebuts else None,
        }


@dataclass(frozen=True)
class Pair:
    a: str  # claim id
    b: str  # claim id
    verdict: str  # one of VERDICTS
    scores: dict[str, float]  # entailment / neutral / contradiction probabilities
    reasons: tuple[str, ...] = ()
    similarity: float | None = None  # cosine similarity of the two claims' embeddings
    temporal: bool = False  # a contradiction that a difference in time may explain
    topic: int | None = None
    rule: str | None = None  # the verdict rule that decided (claims.verdict.RULES), None for a plain neutral
    confidence: float | None = None  # calibrated probability that the verdict is right (claims.confidence); None: neutral
    shown: bool | None = None  # in the default view (confidence at least its verdict's cut); None: no calibration
    # (claims.topics.default_view then decides, and report.json records what it decided)

    def __post_init__(self):
        if self.rule is None and self.verdict != "neutral" and self.reasons:
            # a Pair made by hand (tests, older code) names its rule only in its reasons: read it once, here
            object.__setattr__(self, "rule", _rule_from_reasons(self.reasons))

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "verdict": self.verdict,
            "scores": {k: float(self.scores[k]) for k in LABELS},
            "reasons": list(self.reasons),
            "similarity": None if self.similarity is None else float(self.similarity),
            "temporal": self.temporal,
            "topic": self.topic,
            "rule": self.rule,
            "confidence": None if self.confidence is None else round(float(self.confidence), 4),
            "shown": self.shown,
        }


_REASON_RULES = (("stance conflict", "stance_conflict"), ("rebuttal", "rebuttal"), ("same quote", "same_quote"),
                 ("quantity conflict", "quantity_conflict"), ("denial: ", "denial"), ("both sources deny", "shared_denial"))


def _rule_from_reasons(reasons: tuple[str, ...]) -> str | None:
    for r in reasons:
        for prefix, name in _REASON_RULES:
            if r.startswith(prefix):
                return name
    return "model_contradiction" if "content contradiction" in reasons else None


@dataclass(frozen=True)
class Topic:
    """A cluster of claims about the same thing, with who confirms and who disputes."""

    id: int
    label: str
    claims: tuple[str, ...]
    verdict: str  # "contradiction" when any pair in it contradicts, else "agreement" or "neutral"
    sides: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "confirm"/"dispute" -> claim ids
    centre: str | None = None  # the topic's reference claim: sides are relative to it

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "claims": list(self.claims),
            "verdict": self.verdict,
            "sides": {k: list(v) for k, v in self.sides.items()},
            "centre": self.centre,
        }


@dataclass(frozen=True)
class Report:
    meta: dict[str, Any]
    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    pairs: tuple[Pair, ...]
    topics: tuple[Topic, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "meta": self.meta,
            "documents": [d.to_dict() for d in self.documents],
            "claims": [c.to_dict() for c in self.claims],
            "pairs": [p.to_dict() for p in self.pairs],
            "topics": [t.to_dict() for t in self.topics],
        }
