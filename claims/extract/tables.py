"""Language tables for extraction: ``claims/lang/<code>/table.json`` read once per language into ``_Lang``.

Names, person names and organisation suffixes are pooled over every supported language (a name is
the same key in any script)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import Language, get_language, supported
from ..quantities import load_table, squeeze


@dataclass
class _Lang:
    code: str
    verbs: dict[str, str]  # normalised form -> stance
    phrases: list[tuple[tuple[str, ...], str]]  # attribution phrase tokens -> stance
    comp_bare: set[str]
    comp_pron: set[str]
    cue_preps: set[str]
    stops: set[str]
    titles: list[tuple[str, ...]]
    first_names: set[str]
    pronouns: set[str]
    anon: set[str]
    anon_hedges: set[str]
    anaphora: list[tuple[str, ...]]
    anaphoric_objects: list[tuple[str, ...]]
    negations: list[str]
    hedge_words: set[str]
    agent_markers: list[tuple[str, ...]]
    org_words: set[str]
    abbreviations: set[str]
    clause_breaks: list[tuple[str, ...]]
    indicate: set[str]
    persons: set[str]
    hedge_adverbs: set[str]
    opinion: list[tuple[str, ...]]
    org_suffixes: set[str]
    quote_pairs: list[tuple[str, str]] = field(default_factory=list)
    object_pronouns: set[str] = field(default_factory=set)
    names: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    weak_verbs: set[str] = field(default_factory=set)  # cues only before a complementizer, colon or quote
    parenthetical_leads: set[str] = field(default_factory=set)  # "كما" in "الصفقة، كما قال الوزير، لم …"
    auxiliaries: set[str] = field(default_factory=set)  # "has also said", "a déclaré": skipped before a verb
    sentence_starters: set[str] = field(default_factory=set)  # words that open a sentence after "U.S."
    number_abbreviations: set[str] = field(default_factory=set)  # "No. 10": an abbreviation before a number
    determiners: set[str] = field(default_factory=set)  # "the reports": a verb after one is a noun
    name_heads: set[str] = field(default_factory=set)  # صحيفة «…», newspaper "…": a short quote after one is a name


def _seq(s: str) -> tuple[str, ...]:
    return tuple(squeeze(s).split())


def lang_table(code: str | Language) -> _Lang:
    """The extraction tables of a language (a registered code or a Language), read once per Language."""
    return _lang_table(code if isinstance(code, Language) else get_language(code))


@lru_cache(maxsize=None)
def _lang_table(language: Language) -> _Lang:
    code, t = language.code, language.table
    verbs = {}
    for stance, words in t["reporting_verbs"].items():
        for w in words:
            verbs.setdefault(squeeze(w), stance)
    phrases = []
    for stance, words in t.get("attribution_phrases", {}).items():
        for w in words:
            phrases.append((_seq(w), stance))
    phrases.sort(key=lambda p: -len(p[0]))
    return _Lang(
        code=code,
        verbs=verbs,
        phrases=phrases,
        comp_bare={squeeze(w) for w in t["complementizers"]["bare"]},
        comp_pron={squeeze(w) for w in t["complementizers"].get("pronominal", [])},
        cue_preps={squeeze(w) for w in t.get("cue_prepositions", [])},
        stops={squeeze(w) for w in t.get("speaker_stops", [])},
        titles=sorted((_seq(w) for w in t.get("titles", [])), key=len, reverse=True),
        first_names={squeeze(w) for w in t.get("first_names", [])},
        pronouns={squeeze(w) for w in t.get("pronouns", [])},
        anon={squeeze(w) for w in t.get("anonymous_sources", [])},
        anon_hedges={squeeze(w) for w in t.get("anonymous_hedges", [])},
        anaphora=[_seq(w) for w in t.get("claim_anaphora", [])],
        anaphoric_objects=sorted((_seq(w) for w in t.get("anaphoric_objects", [])), key=len, reverse=True),
        negations=[squeeze(w) for w in t.get("negations", [])],
        hedge_words={squeeze(w) for w in t.get("hedge_words", [])},
        agent_markers=[_seq(w) for w in t.get("agent_markers", ["by"])] or [("by",)],
        org_words={squeeze(w) for w in t.get("org_words", [])},
        abbreviations={w.lower() for w in t.get("abbreviations", [])},
        clause_breaks=[_seq(w) for w in t.get("clause_breaks", [])],
        indicate={squeeze(w) for w in t.get("indicate_verbs", [])},
        persons={k for c in supported() for k in load_table(c).get("person_names", [])},
        hedge_adverbs={squeeze(w) for w in t.get("hedge_adverbs", [])},
        opinion=[_seq(w) for w in t.get("opinion_markers", [])],
        org_suffixes={w.lower() for c in supported() for w in load_table(c).get("org_suffixes", [])},
        quote_pairs=[(o, c) for o, c in t.get("quote_pairs", [])],
        object_pronouns={squeeze(w) for w in t.get("object_pronouns", [])},
        names=_name_table(),
        weak_verbs={squeeze(w) for w in t.get("weak_reporting_verbs", [])},
        parenthetical_leads={squeeze(w) for w in t.get("parenthetical_leads", [])},
        auxiliaries={squeeze(w) for w in t.get("auxiliaries", []) if " " not in w},
        sentence_starters={squeeze(w) for w in t.get("sentence_starters", [])},
        number_abbreviations={w.lower() for w in t.get("number_abbreviations", [])},
        name_heads={squeeze(w) for w in t.get("name_heads", [])},
        determiners={squeeze(w) for w in t.get("determiners", [])},
    )


@lru_cache(maxsize=None)
def _name_table() -> list[tuple[tuple[str, ...], str]]:
    out = []
    for code in supported():
        for key, variants in load_table(code).get("names", {}).items():
            for v in variants:
                out.append((_seq(v), key))
    out.sort(key=lambda x: -len(x[0]))
    return out
