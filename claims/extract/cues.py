"""Cues: reporting verbs and attribution phrases outside quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tokens import _Doc, _variants


@dataclass
class _Cue:
    tok: int  # first token index of the cue
    last: int  # last token index of the cue
    stance: str
    kind: str  # "verb" or "phrase"
    lemma_indicate: bool = False


def find_cues(D: _Doc, t0: int, t1: int, inside) -> list[_Cue]:
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
        for seq, stance in _phrases_from(D, tk.key):
            n = len(seq)
            if i + n > t1:
                continue
            keys = [toks[j].key for j in range(i, i + n)]
            first = [v for v, _ in _variants(keys[0], D.language)]
            ok = seq[0] in first and tuple(keys[1:]) == seq[1:]
            if not ok and D.language.phrase_final_proclitics and n >= 2:
                # "وفقا لـ" + "لموظف": the last word of the phrase may be a proclitic on the next word
                ok = seq[0] in first and tuple(keys[1:n - 1]) == seq[1:n - 1] and seq[-1] in D.language.phrase_final_proclitics \
                    and keys[n - 1].startswith(seq[-1].rstrip("\u0640"))
                if ok:
                    n -= 1
            if ok:
                kind = "adverb" if n == 1 and seq[0] in L.hedge_adverbs else "phrase"
                if stance == "hedges" and kind == "phrase":
                    # "يُزعم أن …" leads a clause; "is said to" hedges the sentence it sits in
                    kind = "lead" if seq[-1] in L.comp_bare else "adverb"
                nxt = toks[i + n] if i + n < t1 else None
                if kind == "phrase" and nxt is not None and (nxt.key == "ما" or seq[-1] in ("حسبما", "ما") and any(
                        v in L.verbs for v, _ in _variants(nxt.key, D.language))):
                    hit = "skip"  # "بحسب ما أفادت به الشركة": the verb that follows is the cue
                    skip_to = i + n
                    break
                hit = _Cue(i, i + n - 1, stance, kind)
                break
        if hit is None:
            for v in _verb_forms(D, tk.key):  # the first form that is a reporting verb, if any
                if v in L.verbs:
                    # English "reports"/"claims"/"says" as nouns: require a plausible subject/object context
                    if D.language.verbs_double_as_nouns and not _en_verb_ok(D, i):
                        break
                    if i > 0 and toks[i - 1].key in ("لن", "لم", "كي", "لكي", "to", "will", "would", "not"):
                        break
                    if i > 0 and toks[i - 1].key == "ان" and v[:1] in "يتن" and not (i > 1 and toks[i - 2].key in ("بعد", "قبل", "منذ")):
                        break  # "أن تشير" (subjunctive), not a report
                    if v in L.weak_verbs and not _introduces_clause(D, i, t1):
                        break  # "نشر ألتمان مقالات", "posted a photo": a weak verb reports only a clause or a quote
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


_WEAK_WINDOW = 8  # tokens after a weak reporting verb searched for its complementizer, colon or quote


def _introduces_clause(D: _Doc, i: int, t1: int) -> bool:
    """Whether a complementizer, a colon or a quotation mark follows token i closely (same sentence)."""
    from .tokens import _QUOTE_CHARS

    L = D.L
    for t in D.toks[i + 1:min(t1, i + 1 + _WEAK_WINDOW)]:
        if t.raw in (".", "!", "?", "؟"):
            return False
        if t.raw == ":" or t.raw in _QUOTE_CHARS or t.key in L.comp_bare or t.key in L.comp_pron or any(
                t.key == p + c for p in D.language.complementizer_prefixes for c in L.comp_bare | L.comp_pron):
            return True
    return False


_PHRASES_FROM: dict[tuple[object, str], list[tuple[tuple[str, ...], str]]] = {}


def _phrases_from(D: _Doc, key: str) -> list[tuple[tuple[str, ...], str]]:
    """The attribution phrases whose first word is a variant of ``key``, in table order: the only ones
    ``find_cues`` can match at a token with that key (once per language and key)."""
    k = (D.language, key)  # the tables are those of the language
    out = _PHRASES_FROM.get(k)
    if out is None:
        first = {v for v, _ in _variants(key, D.language)}
        out = [(seq, stance) for seq, stance in D.L.phrases if seq[0] in first]
        if len(_PHRASES_FROM) < 500_000:
            _PHRASES_FROM[k] = out
    return out


def _en_verb_ok(D: _Doc, i: int) -> bool:
    toks = D.toks
    prev = toks[i - 1].key if i > 0 else ""
    if re.match(r"[A-Z]", toks[i].raw) and (i == 0 or not toks[i - 1].word or D.text[toks[i - 1].end:toks[i].start].count("\n")):
        return False  # "Reports indicate …": a sentence-initial noun
    if prev in (D.L.determiners or ("the", "a", "an", "these", "those", "his", "her", "their", "its", "of", "to")):
        return False
    return True


_VERB_FORMS: dict[tuple[object, str], tuple[str, ...]] = {}


def _verb_forms(D: _Doc, key: str) -> tuple[str, ...]:
    """The first variant of ``key`` that is a reporting verb, as a 1-tuple, or () (once per language and key)."""
    k = (D.language, key)
    out = _VERB_FORMS.get(k)
    if out is None:
        out = next(((v,) for v, _ in _variants(key, D.language) if v in D.L.verbs), ())
        if len(_VERB_FORMS) < 500_000:
            _VERB_FORMS[k] = out
    return out


def _is_cue_tok(D: _Doc, j: int) -> bool:
    return bool(_verb_forms(D, D.toks[j].key))
