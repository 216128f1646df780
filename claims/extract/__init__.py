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
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable

from ..quantities import fold, guess_lang, load_table, parse_quantities, squeeze
from ..types import Claim, Document, Span, Speaker, Stance

__all__ = ["extract", "extract_document", "normalise_name", "parse_quantities"]

# ----------------------------------------------------------------------------- tables

_AR_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


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


def _seq(s: str) -> tuple[str, ...]:
    return tuple(squeeze(s).split())


@lru_cache(maxsize=None)
def _lang(code: str) -> _Lang:
    t = load_table(code)
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
        persons={k for c in ("ar", "en") for k in load_table(c).get("person_names", [])},
        hedge_adverbs={squeeze(w) for w in t.get("hedge_adverbs", [])},
        opinion=[_seq(w) for w in t.get("opinion_markers", [])],
        org_suffixes={w.lower() for c in ("ar", "en") for w in load_table(c).get("org_suffixes", [])},
        quote_pairs=[(o, c) for o, c in t.get("quote_pairs", [])],
        object_pronouns={squeeze(w) for w in t.get("object_pronouns", [])},
        names=_name_table(),
    )


@lru_cache(maxsize=None)
def _name_table() -> list[tuple[tuple[str, ...], str]]:
    out = []
    for code in ("ar", "en"):
        for key, variants in load_table(code).get("names", {}).items():
            for v in variants:
                out.append((_seq(v), key))
    out.sort(key=lambda x: -len(x[0]))
    return out


# ----------------------------------------------------------------------------- names

_DEF_ART = re.compile(r"^(?:ال|لل)(?=..)")


@lru_cache(maxsize=None)
def _org_suffixes() -> frozenset[str]:
    return frozenset(w.lower() for c in ("ar", "en") for w in load_table(c).get("org_suffixes", []))


def normalise_name(text: str) -> str:
    """A key that is the same for one person or body across articles and scripts.

    Known names come from the ``names`` tables (``ألتمان``، ``التمان`` and
    ``Altman`` -> ``"altman"``); otherwise diacritics, tatweel and the
    definite article are dropped, alef/ya/ta marbuta unified, Latin
    lower-cased, and for a person name (two or three name-like words) only
    the last word is kept.
    """
    words = squeeze(text).split()
    words = [w.strip(".,:;،؛\"'“”«»()[]") for w in words]
    words = [w for w in words if w]
    if not words:
        return ""
    table = _name_table()
    best = None
    for i in range(len(words)):
        cands = [words[i]] + [words[i][len(p):] for p in _AR_PROCLITICS + ("ال", "لل") if words[i].startswith(p) and len(words[i]) - len(p) >= 2]
        for seq, key in table:
            for c in cands:
                if c == seq[0] and tuple(words[i + 1:i + len(seq)]) == seq[1:]:
                    best = key
                    break
            if best:
                break
        if best:
            return best
    latin = [w for w in words if re.fullmatch(r"[a-z][a-z.'\-]*", w)]
    if latin and len(latin) == len(words) and 1 <= len(words) <= 3:
        if not set(words) & _org_suffixes() and not words[0] in ("the", "a", "an"):
            return latin[-1]
    if words[0] in ("the", "a", "an") and len(words) > 1:
        words = words[1:]
    out = [_DEF_ART.sub("", w).replace("ة", "ه") if re.match("[\u0600-\u06ff]", w) else w for w in words]
    if 2 <= len(out) <= 3 and all(re.match("[\u0600-\u06ff]", w) for w in out) and squeeze(words[0]) in _lang("ar").first_names:
        return out[-1]
    return " ".join(out)


def names_in(text: str) -> set[str]:
    """Normalised keys of the known names (the ``names`` tables) anywhere in ``text``: "قال ألتمان إن ميتا"
    -> {"altman", "meta"}; a proclitic or the article in front of a name is allowed."""
    words = [w.strip(".,:;،؛\"'“”«»()[]") for w in squeeze(text).split()]
    found = set()
    by_first = _names_by_first_word()
    for i, w in enumerate(words):
        if not w:
            continue
        cands = {w} | {w[len(p):] for p in _AR_PROCLITICS + ("ال", "لل") if w.startswith(p) and len(w) - len(p) >= 2}
        for c in cands:
            for seq, key in by_first.get(c, ()):
                if tuple(words[i + 1:i + len(seq)]) == seq[1:]:
                    found.add(key)
    return found


@lru_cache(maxsize=None)
def _names_by_first_word() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    out: dict[str, list] = {}
    for seq, key in _name_table():
        out.setdefault(seq[0], []).append((seq, key))
    return {k: tuple(v) for k, v in out.items()}


# ----------------------------------------------------------------------------- tokens

_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640'’\-]+|[^\s\w]", re.UNICODE)
_QUOTE_CHARS = "\"“”«»„‘’‹›"


@dataclass
class _T:
    i: int
    start: int
    end: int
    raw: str
    key: str
    word: bool


def _tokenise(text: str) -> list[_T]:
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        word = bool(re.match(r"[\w\u0640]", raw))
        out.append(_T(len(out), m.start(), m.end(), raw, squeeze(raw).replace("’", "'"), word))
    return out


def _variants(key: str, lang: str) -> list[tuple[str, int]]:
    """The key and, for Arabic, the key without one attached proclitic."""
    out = [(key, 0)]
    if lang == "ar":
        for p in _AR_PROCLITICS:
            if key.startswith(p) and len(key) - len(p) >= 2:
                out.append((key[len(p):], len(p)))
        if key.startswith("لل") and len(key) > 4:
            out.append(("ال" + key[2:], 1))  # للتقارير = ل + التقارير
    return out


# ----------------------------------------------------------------------------- structure


@dataclass
class _Quote:
    open: int  # index of the opening mark
    close: int | None  # index of the closing mark, None when missing
    start: int  # content start
    end: int  # content end
    warnings: tuple[str, ...] = ()


@dataclass
class _Cue:
    tok: int  # first token index of the cue
    last: int  # last token index of the cue
    stance: str
    kind: str  # "verb" or "phrase"
    lemma_indicate: bool = False


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


class _Doc:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        code = doc.lang if doc.lang in ("ar", "en") else guess_lang(doc.text[:5000])
        self.lang = code
        self.L = _lang(code)
        self.toks = _tokenise(self.text)
        self.starts = [t.start for t in self.toks]
        self.last_speaker: Speaker | None = None

    # -- helpers
    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after pos."""
        import bisect

        return bisect.bisect_left(self.starts, pos)

    def span(self, start: int, end: int) -> Span:
        return self.doc.span(start, end)


# ----------------------------------------------------------------------------- sentences

_END = re.compile(r"(?:\.{2,}|[.!?؟…])+[\"”»’']*(?=\s|$)")


def _sentences(D: _Doc, pstart: int, pend: int) -> list[tuple[int, int]]:
    text = D.text
    out = []
    s = pstart
    for m in _END.finditer(text, pstart, pend):
        if D.lang == "en" and m.group().startswith("."):
            word = re.search(r"(\S+)$", text[s:m.start()])
            if word and (word.group(1).lower() + "." in D.L.abbreviations or re.fullmatch(r"[A-Z]", word.group(1))):
                continue
        e = m.end()
        if text[s:e].strip():
            out.append(_strip(text, s, e))
        s = e
    if text[s:pend].strip():
        out.append(_strip(text, s, pend))
    return out


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


# ----------------------------------------------------------------------------- quotes

_LETTER = re.compile(r"[\w\u0600-\u06ff]")


def _find_quotes(D: _Doc, pstart: int, pend: int, sents: list[tuple[int, int]]) -> list[_Quote]:
    """Quotations in one paragraph, paired with a stack over the language's quote-mark table."""
    text = D.text
    pairs = D.L.quote_pairs
    closer_for = {o: c for o, c in pairs}
    openers = set(closer_for)
    closers = {c for _, c in pairs}
    double = {'"', "“", "”"}  # straight and curly double quotes close each other in practice
    marks = [(i, text[i]) for i in range(pstart, pend) if text[i] in openers or text[i] in closers]
    stack: list[tuple[int, str]] = []
    closed: list[_Quote] = []
    for pos, ch in marks:
        prev = text[pos - 1] if pos > pstart else " "
        nxt = text[pos + 1] if pos + 1 < pend else " "
        prev_space = prev.isspace() or prev in "(:[،,—–-ـ" or pos == pstart or (
            _LETTER.match(prev) and (pos - 1 == pstart or not _LETTER.match(text[pos - 2])) and prev in "وفبلك"
        )
        next_word = bool(_LETTER.match(nxt)) or nxt in "[(.$€£" or nxt.isdigit()
        can_open = prev_space and next_word
        can_close = not prev.isspace() and pos > pstart and not (next_word and _LETTER.match(prev))
        if ch in "’'" and _LETTER.match(prev) and _LETTER.match(nxt):
            continue  # apostrophe
        opener_only = ch in openers and closer_for[ch] != ch and not any(closer_for[o] == ch for _, o in stack)
        if opener_only:
            if ch in "‘'" and not can_open:
                continue
            stack.append((pos, ch))
            continue
        match = None
        for k in range(len(stack) - 1, -1, -1):
            o = stack[k][1]
            if closer_for[o] == ch or (ch in double and o in double and closer_for[o] in double):
                match = k
                break
        if match is not None and (can_close or not can_open):
            opos, _ = stack[match]
            # anything opened after the matched opener and still open is dropped (stray marks)
            del stack[match:]
            closed.append(_Quote(opos, pos, opos + 1, pos))
            continue
        if can_open and ch in openers:
            stack.append((pos, ch))
    quotes = []
    for q in closed:
        quotes.append(q)
    # unclosed openers: an outer quote whose inner quote closes the paragraph shares that closing mark
    for opos, ch in stack:
        if ch == "'":
            continue  # an ASCII apostrophe-like mark left open is not a quote
        tail = [q for q in quotes if q.open > opos]
        last = max(tail, key=lambda q: q.close) if tail else None
        if last is not None and not text[last.close + 1:pend].strip(" .،,؛;\"”") and ch in "“«\"":
            quotes = [q for q in quotes if not (q.open > opos and q.close <= last.close)]
            quotes.append(_Quote(opos, last.close, opos + 1, last.close))
            continue
        if not re.match(r"\s*\S", text[opos + 1:pend]) or not _LETTER.match(text[opos + 1:opos + 2] or " ") and text[opos + 1:opos + 2] not in "[(":
            continue
        send = next((e for s, e in sents if s <= opos < e), pend)
        quotes.append(_Quote(opos, None, opos + 1, send, ("unclosed quote",)))
    quotes.sort(key=lambda q: q.open)
    # drop quotes nested inside another (kept as part of the outer content)
    out = []
    for q in quotes:
        if out and q.open < out[-1].end:
            continue
        s, e = _strip(text, q.start, q.end)
        while e > s and text[e - 1] in ",،":
            e -= 1
        if e > s:
            q.start, q.end = s, e
            out.append(q)
    return out


# ----------------------------------------------------------------------------- cues


def _find_cues(D: _Doc, t0: int, t1: int, inside) -> list[_Cue]:
    """Reporting verbs and attribution phrases among tokens [t0, t1) outside quotes."""
    L, toks = D.L, D.toks
    cues = []
    i = t0
    while i < t1:
        tk = toks[i]
        if not tk.word or inside(tk.start):
            i += 1
            continue
        hit = None
        for seq, stance in L.phrases:
            n = len(seq)
            if i + n > t1:
                continue
            keys = [toks[j].key for j in range(i, i + n)]
            first = [v for v, _ in _variants(keys[0], D.lang)]
            ok = seq[0] in first and tuple(keys[1:]) == seq[1:]
            if not ok and D.lang == "ar" and n >= 2:
                # "وفقا لـ" + "لموظف": the last word of the phrase may be a proclitic on the next word
                ok = seq[0] in first and tuple(keys[1:n - 1]) == seq[1:n - 1] and seq[-1] in ("ل", "لـ") and keys[n - 1].startswith("ل")
                if ok:
                    n -= 1
            if ok:
                kind = "adverb" if n == 1 and seq[0] in L.hedge_adverbs else "phrase"
                if stance == "hedges" and kind == "phrase":
                    # "يُزعم أن …" leads a clause; "is said to" hedges the sentence it sits in
                    kind = "lead" if seq[-1] in L.comp_bare else "adverb"
                nxt = toks[i + n] if i + n < t1 else None
                if kind == "phrase" and nxt is not None and (nxt.key == "ما" or seq[-1] in ("حسبما", "ما") and any(
                        v in L.verbs for v, _ in _variants(nxt.key, D.lang))):
                    hit = "skip"  # "بحسب ما أفادت به الشركة": the verb that follows is the cue
                    skip_to = i + n
                    break
                hit = _Cue(i, i + n - 1, stance, kind)
                break
        if hit is None:
            for v, _ in _variants(tk.key, D.lang):
                if v in L.verbs:
                    # English "reports"/"claims"/"says" as nouns: require a plausible subject/object context
                    if D.lang == "en" and not _en_verb_ok(D, i):
                        break
                    if i > 0 and toks[i - 1].key in ("لن", "لم", "كي", "لكي", "to", "will", "would", "not"):
                        break
                    if i > 0 and toks[i - 1].key == "ان" and v[:1] in "يتن" and not (i > 1 and toks[i - 2].key in ("بعد", "قبل", "منذ")):
                        break  # "أن تشير" (subjunctive), not a report
                    hit = _Cue(i, i, L.verbs[v], "verb", lemma_indicate=v in L.indicate)
                    break
        if hit == "skip":
            i = skip_to
        elif hit:
            cues.append(hit)
            i = hit.last + 1
        else:
            i += 1
    return cues


def _en_verb_ok(D: _Doc, i: int) -> bool:
    toks = D.toks
    prev = toks[i - 1].key if i > 0 else ""
    if re.match(r"[A-Z]", toks[i].raw) and (i == 0 or not toks[i - 1].word or D.text[toks[i - 1].end:toks[i].start].count("\n")):
        return False  # "Reports indicate …": a sentence-initial noun
    if prev in ("the", "a", "an", "these", "those", "his", "her", "their", "its", "of", "to"):
        return False
    return True


# ----------------------------------------------------------------------------- speakers


def _is_name_tok(D: _Doc, t: _T) -> bool:
    if re.match(r"[A-Z]", t.raw):
        return True
    keys = [v for v, _ in _variants(t.key, D.lang)]
    return any(k in D.L.first_names for k in keys) or any(seq[0] in keys for seq, _ in D.L.names)


def _name_in(D: _Doc, a: int, b: int, persons_only: bool = False) -> tuple[int, int, bool] | None:
    """Token range [i, j) of a name among tokens a..b, people first: (i, j, is_person)."""
    toks = D.toks
    orgs = None
    for i in range(a, b):
        keys0 = [v for v, _ in _variants(toks[i].key, D.lang)]
        hit = None
        for seq, key in D.L.names:
            n = len(seq)
            if i + n <= b and seq[0] in keys0 and tuple(t.key for t in toks[i + 1:i + n]) == seq[1:]:
                hit = (i, i + n, key in D.L.persons)
                break
        if hit is None and any(k in D.L.first_names for k in keys0):
            j = i + 1
            if j < b and toks[j].word and toks[j].key not in D.L.stops and not _is_cue_tok(D, j):
                j += 1
            hit = (i, j, True)
        if hit is None and re.match(r"[A-Z]", toks[i].raw) and toks[i].word:
            if not (D.lang == "en" and (toks[i].key in D.L.pronouns or toks[i].key in _EN_FUNCTION)):
                j = i + 1
                while j < b and toks[j].word and re.match(r"[A-Z]", toks[j].raw):
                    j += 1
                person = j - i >= 2 and all(re.fullmatch(r"[A-Z][a-z'\-]+", t.raw) for t in toks[i:j]) and not (
                    {t.key.rstrip("'s") for t in toks[i:j]} & D.L.org_suffixes)
                if not person and j - i == 1 and D.lang == "en" and re.fullmatch(r"[A-Z][a-z]+", toks[i].raw) and i > a:
                    person = toks[i - 1].key in {squeeze(w) for seq in D.L.titles for w in seq}
                hit = (i, j, person)
        if hit is None:
            continue
        if hit[2]:
            return hit
        if orgs is None:
            orgs = hit
    return None if persons_only else orgs


_EN_AUX = {"have", "has", "had", "will", "would", "was", "were", "is", "are", "did", "does", "do", "also", "reportedly",
           "allegedly", "previously", "later", "then", "repeatedly", "publicly", "again", "had", "not", "never"}
_EN_SUBORD = {"that", "and", "but", "as", "while", "when", "although", "though", "because", "since", "if", "after",
              "before", "whereas", "where", "which", "who", "so"}
_EN_FUNCTION = {"the", "a", "an", "this", "that", "these", "those", "but", "and", "or", "in", "on", "at", "according",
                "for", "as", "if", "when", "while", "after", "before", "its", "his", "her", "their", "our", "my"}


def _is_cue_tok(D: _Doc, j: int) -> bool:
    return any(v in D.L.verbs for v, _ in _variants(D.toks[j].key, D.lang))


def _make_speaker(D: _Doc, a: int, b: int) -> Speaker | None:
    toks, L = D.toks, D.L
    while a < b and (not toks[a].word or toks[a].key in ("و", "and")):
        a += 1
    while b > a and (not toks[b - 1].word or toks[b - 1].key in L.cue_preps or toks[b - 1].key in ("ب", "بـ", "ل", "لـ", "من", "to", "by")):
        b -= 1
    if b <= a:
        return None
    name = _name_in(D, a, b)
    if name and (name[2] or name[0] == a):
        a2, b2 = name[0], name[1]
    else:
        a2, b2 = a, b
    s, e = toks[a2].start, toks[b2 - 1].end
    if D.lang == "ar" and toks[a2].key[:1] in "وفبل" and len(toks[a2].key) > 3:
        rest = toks[a2].key[1:]
        if rest in D.L.first_names or any(seq[0] == rest for seq, _ in D.L.names):
            s += 1  # "وإيميت شير": the conjunction is not part of the name
    text = D.text[s:e]
    return Speaker(text, s, e, normalise_name(text))


def _is_pronoun(D: _Doc, a: int, b: int) -> bool:
    words = [t for t in D.toks[a:b] if t.word]
    return len(words) == 1 and words[0].key in D.L.pronouns


def _np_after(D: _Doc, k: int, limit: int) -> tuple[int, int]:
    """Arabic subject noun phrase after the cue token k: token range [k+1, j)."""
    toks, L = D.toks, D.L
    j = k + 1
    if j < limit and toks[j].key in L.object_pronouns and j + 1 < limit and toks[j + 1].word:
        k, j = j, j + 1  # "شككت فيه مصادر …": the pronoun is the object, the subject follows
    n = 0
    while j < limit and n < 8:
        t = toks[j]
        if not t.word:
            # a short quoted name: صحيفة "وول ستريت جورنال"
            if t.raw in _QUOTE_CHARS and n > 0:
                m = j + 1
                while m < limit and m - j <= 5 and toks[m].word:
                    m += 1
                if m < limit and m > j + 1 and toks[m].raw in _QUOTE_CHARS:
                    n += m - j + 1
                    j = m + 1
                    continue
            break
        if t.key in L.comp_bare or t.key in L.comp_pron:
            break
        if t.key in L.stops:
            # "مصادر مطلعة في الشركة", "مصدر مقرب من Meta": a preposition before a named body continues the phrase
            if t.key in ("في", "من", "in", "at", "of") and j + 1 < limit and n > 0 and (
                _is_name_tok(D, toks[j + 1]) or toks[j + 1].key in L.org_words or re.match(r"[A-Za-z]", toks[j + 1].raw)
            ) and not _name_in(D, k + 1, j):
                j += 1
                n += 1
                continue
            break
        if _is_cue_tok(D, j):
            break
        if n > 0 and any(tuple(x.key for x in toks[j:j + len(seq)]) == seq for seq in L.anaphoric_objects if len(seq) > 1):
            break
        j += 1
        n += 1
    return k + 1, j


def _np_before(D: _Doc, k: int, lo: int) -> tuple[int, int]:
    """English subject before the verb at k; "The union's chair, Per Haugen, denied" prefers the named part."""
    toks = D.toks
    j = k
    while j - 1 >= lo and toks[j - 1].key in _EN_AUX:  # "have questioned", "also said"
        j -= 1
    appositive = None
    if j - 1 >= lo and toks[j - 1].raw == ",":
        m = j - 2
        while m >= lo and toks[m].raw not in (",", ".", ":", ";", "\"", "“", "”"):
            m -= 1
        if m >= lo and toks[m].raw == ",":
            appositive = (m + 1, j - 1)
            j = m
    a = j
    while a - 1 >= lo and toks[a - 1].word and toks[a - 1].key not in _EN_SUBORD:
        a -= 1
        if j - a >= 6:
            break
    if appositive and _name_in(D, *appositive, persons_only=True) and not _name_in(D, a, j, persons_only=True):
        return appositive
    return a, j


# ----------------------------------------------------------------------------- claims


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


def _tail_stances(D: _Doc, t: int, sent_end: int, cues: list[_Cue]) -> list[Stance]:
    """Stances in "— a claim confirmed by X but disputed by Y" after a claim."""
    toks, L = D.toks, D.L
    out = []
    for c in cues:
        if c.kind != "verb" or toks[c.tok].start < toks[t].start or toks[c.tok].start >= sent_end:
            continue
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
        if spk is None and D.lang == "ar":
            a, b = _np_after(D, c.last, limit)
            spk = _make_speaker(D, a, b)
        if spk is None and D.lang != "ar":
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
        out.append(Stance(c.stance, spk, cue))
    return out


def _negated(D: _Doc, start: int, end: int) -> bool:
    words = [t for t in D.toks[D.tok_at(start):D.tok_at(end)] if t.word][:2]
    if D.lang == "ar":
        return any(w.key in D.L.negations for w in words)
    low = D.text[start:end].lower().replace("’", "'")
    return any(low.startswith(n) if n.endswith(",") else low.startswith(n + " ") for n in D.L.negations)


def _stance_for(D: _Doc, cue: _Cue | None, speaker: Speaker | None, start: int, end: int) -> str:
    stance = cue.stance if cue else "asserts"
    if speaker is not None:
        head = squeeze(speaker.text).split()
        hedge_heads = D.L.anon_hedges | (D.L.anon if cue is not None and cue.lemma_indicate else set())
        if head and any(v in hedge_heads for h in head[:1] for v, _ in _variants(h, D.lang)):
            if stance == "asserts":
                stance = "hedges"
    if stance in ("asserts", "confirms") and _negated(D, start, end):
        stance = "denies"
    return stance


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


@lru_cache(maxsize=None)
def _rebuttal_cues(lang: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    table = load_table(lang).get("rebuttal_cues") or {}
    pre = "(?:[وفبل])?" if lang == "ar" else ""

    def rx(words):
        words = sorted({squeeze(w) for w in words if squeeze(w)}, key=len, reverse=True)
        return re.compile(rf"(?<!\w){pre}(?:{'|'.join(re.escape(w) for w in words)})(?!\w)") if words else None

    return rx(table.get("strong", [])), rx(table.get("targeted", []))


def _mark_rebuttals(D: _Doc, claims: list[Claim]) -> list[Claim]:
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
    for n, c in enumerate(claims):
        if not (c.speaker and c.speaker.name and c.sentence):
            out.append(c)
            continue
        s0, s1 = c.sentence
        lo = max([s0] + [p.end for p in claims[:n] if s0 <= p.end <= c.start])
        hi = min([s1] + [p.start for p in claims[n + 1:] if c.end <= p.start <= s1])
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
            prev = [p.speaker for p in claims[:n] if p.speaker and p.speaker.name and p.speaker.name != c.speaker.name
                    and p.kind != "statement" and _is_named(D, p.speaker)]
            target = prev[-1] if prev else None
        out.append(replace(c, rebuts=target) if target else c)
    return out


def _sole_person(D: _Doc, start: int, end: int, inside) -> Speaker | None:
    """The only person named between start and end outside quotes, or None."""
    toks = D.toks
    i, stop = D.tok_at(start), D.tok_at(end)
    found: dict[str, Speaker] = {}
    while i < stop:
        if inside(toks[i].start) or not toks[i].word:
            i += 1
            continue
        j = i
        while j < stop and toks[j].word and not inside(toks[j].start):
            j += 1
        hit = _name_in(D, i, j, persons_only=True)
        if hit is None:
            i = j + 1
            continue
        sp = _make_speaker(D, hit[0], hit[1])
        found.setdefault(sp.name, sp)
        i = hit[1]
    return next(iter(found.values())) if len(found) == 1 else None


def _recent_person(D: _Doc, pstart: int, k: int, inside) -> Speaker | None:
    """The last person named before token k in the paragraph (outside quotes), for "he said"."""
    toks = D.toks
    lo = D.tok_at(pstart)
    for i in range(k - 1, lo - 1, -1):
        if inside(toks[i].start) or not toks[i].word:
            continue
        a = max(lo, i - 2)
        hit = _name_in(D, a, i + 1, persons_only=True)
        if hit and hit[1] == i + 1:
            return _make_speaker(D, hit[0], hit[1])
        if D.lang == "en" and re.match(r"[A-Z][a-z]+$", toks[i].raw) and i > lo and toks[i - 1].raw not in (".", "\"", "“", "”") \
                and toks[i].key not in D.L.pronouns and toks[i].key not in D.L.org_suffixes or (
                D.lang == "en" and i == lo and re.match(r"[A-Z][a-z]+$", toks[i].raw) and toks[i].key not in D.L.pronouns
                and i + 1 < k and _is_cue_tok(D, i + 1)):
            j = i
            if j - 1 >= lo and re.match(r"[A-Z][a-z]+$", toks[j - 1].raw) and toks[j - 1].key not in ("the", "a"):
                j -= 1
            return _make_speaker(D, j, i + 1)
    return None


def _subject_before(D: _Doc, k: int, lo: int) -> Speaker | None:
    """Arabic subject before its verb: "مجلس الإدارة قال إنه", "الأخبار التي تفيد بأن", "أخبار تفيد بأن"."""
    toks = D.toks
    j = k
    if j - 1 >= lo and toks[j - 1].key in ("التي", "الذي", "الذين", "اللتان", "اللذان", "اللواتي"):
        j -= 1
    a = j
    while a - 1 >= lo and toks[a - 1].word and toks[a - 1].key not in D.L.comp_bare and toks[a - 1].key not in D.L.comp_pron \
            and toks[a - 1].key not in D.L.stops and j - a < 3:
        a -= 1
    if a == j:
        return None
    words = [t for t in toks[a:j]]
    heads = {v for t in words for v, _ in _variants(t.key, D.lang)}
    if {v for v, _ in _variants(toks[j - 1].key, D.lang)} & D.L.anon:
        return _make_speaker(D, j - 1, j)
    if j < k or heads & D.L.anon or _name_in(D, a, j) or heads & {"مجلس", "الحكومه", "الشركه", "الحكومة", "الشركة"}:
        return _make_speaker(D, a, j)
    return None


def _clause_walk(D: _Doc, c: _Cue, s_start: int, cues: list[_Cue], resolve, inside) -> Speaker | None:
    toks = D.toks
    lo = D.tok_at(s_start)
    j = c.tok - 1
    while j >= lo:
        # clause [k, j]
        k = j
        while k - 1 >= lo and not (toks[k - 1].raw in ("،", ",", ";", "؛", "-", "–", "—") and not inside(toks[k - 1].start)):
            k -= 1
        ids = [i for i in range(k, j + 1) if not inside(toks[i].start)]
        for x in reversed(cues):
            if x.tok in ids and x.tok < c.tok:
                sp = resolve(x)
                if sp:
                    return sp
        if ids:
            segs = []
            run = [ids[0]]
            for i in ids[1:]:
                if i == run[-1] + 1:
                    run.append(i)
                else:
                    segs.append(run)
                    run = [i]
            segs.append(run)
            for seg in segs:
                hit = _name_in(D, seg[0], seg[-1] + 1, persons_only=True)
                if hit:
                    return _make_speaker(D, hit[0], hit[1])
        j = k - 2
    return None


def _is_title(D: _Doc, a: int, b: int) -> bool:
    keys = tuple(t.key for t in D.toks[a:b])
    first = {v for v, _ in _variants(keys[0], D.lang)} if keys else set()
    return any(seq[0] in first and keys[1:len(seq)] == seq[1:] for seq in D.L.titles)


def _is_plain_name(D: _Doc, spk: Speaker) -> bool:
    """A short speaker that is not an anonymous source ("سالم", "Smith", "رئيس الوزراء")."""
    words = squeeze(spk.text).split()
    if not 1 <= len(words) <= 4:
        return False
    heads = {v for w in words for v, _ in _variants(w, D.lang)}
    return not heads & D.L.anon and words[0] not in ("the", "a", "an") and not heads & D.L.pronouns


def _is_named(D: _Doc, spk: Speaker) -> bool:
    k = D.tok_at(spk.start)
    e = D.tok_at(spk.end)
    return _name_in(D, k, e, persons_only=True) is not None


_HEDGE_AR = re.compile(r"(?:^|\s)(?:قد)\s+[يتنأ]\S+")


def _is_statement(D: _Doc, s: int, e: int) -> bool:
    text = D.text[s:e]
    toks = [t for t in D.toks[D.tok_at(s):D.tok_at(e)] if t.word]
    if len(toks) < 4:
        return False
    if text.rstrip().endswith(("?", "؟", ":")):
        return False
    keys = [t.key for t in toks]
    if D.lang == "ar" and _HEDGE_AR.search(text):
        return False
    for seq in D.L.opinion:
        n = len(seq)
        if any(tuple(keys[i:i + n]) == seq for i in range(len(keys) - n + 1)):
            return False
    qs = [q for q in parse_quantities(text, lang=D.lang)]
    if qs:
        return True
    a, b = D.tok_at(s), D.tok_at(e)
    for i in range(a, b):
        t = D.toks[i]
        if not t.word:
            continue
        if D.lang == "ar" and re.match(r"[A-Za-z]", t.raw):
            return True
        if D.lang == "en" and re.match(r"[A-Z]", t.raw) and i > a and D.toks[i - 1].raw not in (".", "\"", "“"):
            return True
        keys0 = [v for v, _ in _variants(t.key, D.lang)]
        if any(seq[0] in keys0 for seq, _ in D.L.names):
            return True
    return False


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
