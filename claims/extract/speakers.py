"""Speakers and coreference: the subject of a cue, names, pronouns and the last named speaker."""

from __future__ import annotations

import bisect
import re

from ..quantities import squeeze
from ..types import Speaker
from .cues import _Cue, _is_cue_tok
from .names import normalise_name
from .tokens import _QUOTE_CHARS, _Doc, _T, _variants


_NAME_KEYS: dict[tuple[object, str], tuple[list, bool]] = {}
_TITLE_WORDS: dict[object, set[str]] = {}


def _name_keys(D: _Doc, key: str) -> tuple[list[tuple[tuple[str, ...], str]], bool]:
    """For a token key: the names of the table (in table order) whose first word is one of the key's
    variants, and whether a variant is a first name (once per language and key)."""
    k = (D.language, key)
    out = _NAME_KEYS.get(k)
    if out is None:
        keys0 = [v for v, _ in _variants(key, D.language)]
        out = ([(seq, nk) for seq, nk in D.L.names if seq[0] in keys0], any(x in D.L.first_names for x in keys0))
        if len(_NAME_KEYS) < 500_000:
            _NAME_KEYS[k] = out
    return out


def _title_words(D: _Doc) -> set[str]:
    """Every word of the language's titles ("chief", "executive", ...), squeezed (once per language)."""
    if D.language not in _TITLE_WORDS:
        _TITLE_WORDS[D.language] = {squeeze(w) for seq in D.L.titles for w in seq}
    return _TITLE_WORDS[D.language]


def _is_name_tok(D: _Doc, t: _T) -> bool:
    if re.match(r"[A-Z]", t.raw):
        return True
    names, first_name = _name_keys(D, t.key)
    return first_name or bool(names)


def _name_in(D: _Doc, a: int, b: int, persons_only: bool = False) -> tuple[int, int, bool] | None:
    """Token range [i, j) of a name among tokens a..b, people first: (i, j, is_person)."""
    toks = D.toks
    orgs = None
    for i in range(a, b):
        names, first_name = _name_keys(D, toks[i].key)
        hit = None
        for seq, key in names:  # the names whose first word this token may be
            n = len(seq)
            if i + n <= b and tuple(t.key for t in toks[i + 1:i + n]) == seq[1:]:
                hit = (i, i + n, key in D.L.persons)
                break
        if hit is None and first_name:
            j = i + 1
            if j < b and toks[j].word and toks[j].key not in D.L.stops and not _is_cue_tok(D, j):
                j += 1
            hit = (i, j, True)
        if hit is None and re.match(r"[A-Z]", toks[i].raw) and toks[i].word:
            if not (D.language.cased_names and (toks[i].key in D.L.pronouns or toks[i].key in _EN_FUNCTION)):
                j = i + 1
                while j < b and toks[j].word and re.match(r"[A-Z]", toks[j].raw):
                    j += 1
                person = j - i >= 2 and all(re.fullmatch(r"[A-Z][a-z'\-]+", t.raw) for t in toks[i:j]) and not (
                    {t.key.rstrip("'s") for t in toks[i:j]} & D.L.org_suffixes)
                if not person and j - i == 1 and D.language.cased_names and re.fullmatch(r"[A-Z][a-z]+", toks[i].raw) and i > a:
                    person = toks[i - 1].key in _title_words(D)
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


def _make_speaker(D: _Doc, a: int, b: int) -> Speaker | None:
    toks, L = D.toks, D.L
    while a < b and (not toks[a].word or toks[a].key in ("و", "and")):
        a += 1
    while b > a and (not toks[b - 1].word or toks[b - 1].key in L.cue_preps or toks[b - 1].key in ("ب", "بـ", "ل", "لـ", "من", "to", "by")):
        b -= 1
    if b <= a:
        return None
    name = _name_in(D, a, b)
    whole = name is not None and not name[2] and name[0] == a and D.language.cased_names and b - a <= 8 and all(
        t.word or _joins_words(D, t.i, a) for t in toks[a:b])  # "Boston police", "Sixty percent of voters"
    if name and (name[2] or name[0] == a) and not whole:
        a2, b2 = name[0], name[1]
    else:
        a2, b2 = a, b
    s, e = toks[a2].start, toks[b2 - 1].end
    glued = D.language.name_proclitics
    if glued and toks[a2].key[:1] in glued and len(toks[a2].key) > 3:
        rest = toks[a2].key[1:]
        if rest in D.L.first_names or any(seq[0] == rest for seq, _ in D.L.names):
            s += 1  # "وإيميت شير": the conjunction is not part of the name
    text = D.text[s:e]
    name = _NAMES.get(text)
    if name is None:
        name = normalise_name(text)
        if len(_NAMES) < 200_000:
            _NAMES[text] = name
    return Speaker(text, s, e, name)


_NAMES: dict[str, str] = {}  # speaker text -> normalise_name(text): the same speakers recur


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
                if m < limit and m > j + 1 and toks[m].raw in _QUOTE_CHARS and (
                        m + 1 < limit and toks[m + 1].word or toks[j - 1].key in L.name_heads):
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
        if n > 0 and t.key in _multiword_firsts(D) and any(
                tuple(x.key for x in toks[j:j + len(seq)]) == seq for seq in L.anaphoric_objects if len(seq) > 1):
            break
        j += 1
        n += 1
    return k + 1, j


_MULTIWORD_FIRSTS: dict[object, frozenset[str]] = {}


def _multiword_firsts(D: _Doc) -> frozenset[str]:
    """The first words of the language's anaphoric objects of two words or more (once per language)."""
    if D.language not in _MULTIWORD_FIRSTS:
        _MULTIWORD_FIRSTS[D.language] = frozenset(seq[0] for seq in D.L.anaphoric_objects if len(seq) > 1)
    return _MULTIWORD_FIRSTS[D.language]


def _np_before(D: _Doc, k: int, lo: int) -> tuple[int, int]:
    """English subject before the verb at k; "The union's chair, Per Haugen, denied" prefers the named part."""
    toks = D.toks
    j = k
    aux = _EN_AUX | D.L.auxiliaries
    while j - 1 >= lo and toks[j - 1].key in aux:  # "have questioned", "also said", "a déclaré"
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
    while a - 1 >= lo and (toks[a - 1].word or _joins_words(D, a - 1, lo)) and toks[a - 1].key not in _EN_SUBORD:
        a -= 1
        if j - a >= 9:
            break
    if appositive and _name_in(D, *appositive, persons_only=True) and not _name_in(D, a, j, persons_only=True):
        return appositive
    return a, j


def _joins_words(D: _Doc, i: int, lo: int) -> bool:
    """A mark inside a noun phrase: "CBS/YouGov", "AT&T", "U.S. Dept." (written onto the word before it)."""
    toks = D.toks
    return toks[i].raw in ("/", "&", ".") and i - 1 >= lo and toks[i - 1].word and toks[i - 1].end == toks[i].start


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
        if D.language.cased_names and re.match(r"[A-Z][a-z]+$", toks[i].raw) and i > lo and toks[i - 1].raw not in (".", "\"", "“", "”") \
                and toks[i].key not in D.L.pronouns and toks[i].key not in D.L.org_suffixes or (
                D.language.cased_names and i == lo and re.match(r"[A-Z][a-z]+$", toks[i].raw) and toks[i].key not in D.L.pronouns
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
    heads = {v for t in words for v, _ in _variants(t.key, D.language)}
    if {v for v, _ in _variants(toks[j - 1].key, D.language)} & D.L.anon:
        return _make_speaker(D, j - 1, j)
    if j < k or heads & D.L.anon or _name_in(D, a, j) or heads & {"مجلس", "الحكومه", "الشركه", "الحكومة", "الشركة"}:
        return _make_speaker(D, a, j)
    return None


_CLAUSE_SEPS = ("،", ",", ";", "؛", "-", "–", "—")


def _clause_walk(D: _Doc, c: _Cue, s_start: int, cues: list[_Cue], resolve, inside, P=None) -> Speaker | None:
    """Back from cue c clause by clause to the sentence start: the nearest earlier cue of a clause that
    resolves, else the first person named in it. Clause starts are found by bisection over P's
    separators, cues by bisection, and a clause's first person once per clause (P given)."""
    toks = D.toks
    lo = D.tok_at(s_start)
    seps = _separators(D, P, inside) if P is not None else None
    j = c.tok - 1
    while j >= lo:
        # clause [k, j]
        if seps is not None:
            x = bisect.bisect_right(seps, j - 1) - 1
            k = seps[x] + 1 if x >= 0 and seps[x] >= lo else lo
        else:
            k = j
            while k - 1 >= lo and not (toks[k - 1].raw in _CLAUSE_SEPS and not inside(toks[k - 1].start)):
                k -= 1
        top = min(j, c.tok - 1)
        found = cues[bisect.bisect_left(cues, k, key=lambda x: x.tok):bisect.bisect_right(cues, top, key=lambda x: x.tok)]
        for x in reversed(found):
            if not inside(toks[x.tok].start):
                sp = resolve(x)
                if sp:
                    return sp
        hit = _first_person(D, P, k, j, inside)
        if hit:
            return _make_speaker(D, hit[0], hit[1])
        j = k - 2
    return None


def _separators(D: _Doc, P, inside) -> list[int]:
    """The clause separators of paragraph P outside quotes (token indices, sorted; once per paragraph)."""
    if "seps" not in P._index:
        toks = D.toks
        P._index["seps"] = [i for i in range(D.tok_at(P.start), D.tok_at(P.end))
                            if toks[i].raw in _CLAUSE_SEPS and not inside(toks[i].start)]
    return P._index["seps"]


def _first_person(D: _Doc, P, k: int, j: int, inside) -> tuple[int, int, bool] | None:
    """The first person named in a run of tokens outside quotes among tokens k..j (once per clause)."""
    key = ("person", k, j)
    if P is not None and key in P._index:
        return P._index[key]
    toks = D.toks
    ids = [i for i in range(k, j + 1) if not inside(toks[i].start)]
    hit = None
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
                break
    if P is not None:
        P._index[key] = hit
    return hit


def _is_title(D: _Doc, a: int, b: int) -> bool:
    keys = tuple(t.key for t in D.toks[a:b])
    first = {v for v, _ in _variants(keys[0], D.language)} if keys else set()
    return any(seq[0] in first and keys[1:len(seq)] == seq[1:] for seq in D.L.titles)


def _is_plain_name(D: _Doc, spk: Speaker) -> bool:
    """A short speaker that is not an anonymous source ("سالم", "Smith", "رئيس الوزراء")."""
    words = squeeze(spk.text).split()
    if not 1 <= len(words) <= 4:
        return False
    heads = {v for w in words for v, _ in _variants(w, D.language)}
    return not heads & D.L.anon and words[0] not in ("the", "a", "an") and not heads & D.L.pronouns


def _is_named(D: _Doc, spk: Speaker) -> bool:
    k = D.tok_at(spk.start)
    e = D.tok_at(spk.end)
    return _name_in(D, k, e, persons_only=True) is not None


def speaker_of(D: _Doc, P, c: _Cue) -> Speaker | None:
    """The speaker of cue c in paragraph P, memoised per paragraph (``P.cue_speakers``).

    The subject after an Arabic verb or an attribution phrase, before an English verb (or after it when
    inverted), a name after a title; a pronoun is the last person named before it or the last named
    speaker; a cue without its own subject ("، قائلاً:", "وأضاف أنه") walks back clause by clause through
    the sentence (the first clause naming a person or holding an earlier cue decides), then falls back to
    the last named speaker.
    """
    if c.tok in P.cue_speakers:
        return P.cue_speakers[c.tok]
    s_start, s_end = P.sent_of(D.toks[c.tok].start)
    limit = D.tok_at(s_end)
    if D.language.subject_after_verb or c.kind == "phrase":
        spk = _speaker_after(D, c, limit)
    else:
        spk = _speaker_before(D, P, c, s_start, limit)
    if spk is None:
        spk = _clause_walk(D, c, s_start, P.cues, lambda x: speaker_of(D, P, x), P.inside, P)
    if spk is None:
        spk = D.last_speaker
    P.cue_speakers[c.tok] = spk
    return spk


def _speaker_after(D: _Doc, c: _Cue, limit: int) -> Speaker | None:
    """The subject after an Arabic verb or an attribution phrase."""
    toks = D.toks
    a, b = _np_after(D, c.last, limit)
    if b > a and D.language.subject_after_verb and _is_title(D, a, b) and b + 1 < limit and toks[b].raw in ("،", ","):
        # "وقال رئيس مجلس الإدارة، حسام الدين فاروق، إن …": the name after the title
        m = b + 1
        while m < limit and toks[m].word and m - b <= 4 and toks[m].key not in D.L.comp_bare | D.L.comp_pron:
            m += 1
        if m > b + 1 and m < limit and (toks[m].raw in ("،", ",") or toks[m].key in D.L.comp_bare | D.L.comp_pron):
            a, b = b + 1, m
    if b > a and not _is_pronoun(D, a, b):
        return _make_speaker(D, a, b)
    if b > a:
        return D.last_speaker
    return None


def _speaker_before(D: _Doc, P, c: _Cue, s_start: int, limit: int) -> Speaker | None:
    """The subject before an English verb; after it when inverted ("…," said Klein / said the company)."""
    a, b = _np_before(D, c.tok, D.tok_at(s_start))
    participle = D.toks[c.tok].key.endswith("ing")
    if participle:
        a = b
    if b <= a:
        if participle:
            return None
        a, b = _np_after(D, c.last, limit)
    if b > a and not _is_pronoun(D, a, b):
        return _make_speaker(D, a, b)
    if b > a:
        return _recent_person(D, P.start, c.tok, P.inside) or D.last_speaker
    return None
