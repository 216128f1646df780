"""Figures in news text: money, counts, percentages, durations and dates.

``parse_quantities("قامت Meta بتوظيف ما لا يقل عن 11 باحثًا")`` gives one
:class:`~claims.types.Quantity` (value 11, unit "count", bound "at_least").
Numbers may be Western digits, Arabic-Indic digits (``١٧``), or number words
(``ثمانية``، ``أحد عشر``، ``eleven``, ``a hundred``) with scale words
(``100 مليون دولار``, ``$100M``, ``1.5bn``).  All words come from the language
tables in ``claims/lang/<code>/table.json``; offsets are absolute (``offset`` is
added) and ``text[q.start - offset:q.end - offset] == q.text``.

Dates: a year alone is value 2019, unit "year"; month + year is YYYYMM
(202706), unit "year-month"; day + month is MMDD (1120), unit "month-day";
day + month + year is YYYYMMDD, unit "date".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .lang import _DIGITS, LANG_DIR, Language, fold, get_language, guess_lang, is_supported, squeeze  # noqa: F401 (re-exported)
from .types import Quantity

def load_table(lang: str) -> dict:
    """The word table of language ``lang`` (``claims/lang/<code>/table.json``); English for a code without one."""
    return get_language(lang if is_supported(lang) else "en").table


# --- tokens over the original text -------------------------------------------------

_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+(?:[.,٫٬][0-9٠-٩]+)*|[$€£¥%٪]")


_KEYS: dict[str, str] = {}  # raw word -> squeeze(raw): the same words recur


class _Tok:
    __slots__ = ("start", "end", "raw", "key")

    def __init__(self, start: int, end: int, raw: str):
        self.start, self.end, self.raw = start, end, raw
        key = _KEYS.get(raw)
        if key is None:
            key = squeeze(raw)
            if len(_KEYS) < 500_000:
                _KEYS[raw] = key
        self.key = key


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=500_000)
def _strip_prefix(key: str, lang: Language) -> list[tuple[str, int]]:
    """The word and the word without one attached proclitic (Arabic: و، ب، ل، ف، ال); once per language
    and word (the callers only read the list)."""
    return lang.figure_variants(key)


def _firsts(seqs) -> frozenset | None:
    """The first words of word sequences (None, no filter, when one is empty: it matches anywhere)."""
    return None if any(not s for s in seqs) else frozenset(s[0] for s in seqs)


def _longest_first(table: dict) -> tuple[list, frozenset | None]:
    """A table of word sequences, longest first (a stable sort: ties in table order), and the first words."""
    return sorted(table.items(), key=lambda x: -len(x[0])), _firsts(table)


def _may_start(toks: list[_Tok], j: int, firsts: frozenset | None, lang: Language) -> bool:
    """False when no sequence with these first words can start at token j (``_match_seq`` would fail)."""
    return firsts is None or not 0 <= j < len(toks) or any(k in firsts for k, _ in _strip_prefix(toks[j].key, lang))


@lru_cache(maxsize=None)
def _tables(lang: Language) -> dict:
    t = lang.table
    nw = t.get("number_words", {})
    sq = lambda d: {squeeze(k): v for k, v in d.items()}  # noqa: E731
    multi = {}
    for group in ("eleven", "units", "tens", "hundreds"):
        for k, v in nw.get(group, {}).items():
            if " " in k:
                multi[tuple(squeeze(k).split())] = v
    bounds = []
    for bound, phrases in t.get("bounds", {}).items():
        for ph in phrases:
            bounds.append((tuple(squeeze(ph).split()), bound))
    bounds.sort(key=lambda x: -len(x[0]))
    currencies = {tuple(squeeze(k).split()): v for k, v in t.get("currencies", {}).items()}
    months = {tuple(squeeze(k).split()): v for k, v in t.get("months", {}).items()}
    percent = [tuple(squeeze(p).split()) for p in t.get("percent_words", [])]
    return {
        # the sequence tables sorted once, longest first, with their first words (to skip a token fast)
        "multi_sorted": _longest_first(multi),
        "currencies_sorted": _longest_first(currencies),
        "months_sorted": _longest_first(months),
        "percent_sorted": (sorted(percent, key=len, reverse=True), _firsts(percent)),
        "units": {k: v for k, v in sq(nw.get("units", {})).items() if " " not in k},
        "tens": sq(nw.get("tens", {})),
        "hundreds": {k: v for k, v in sq(nw.get("hundreds", {})).items() if " " not in k},
        "scales": sq(nw.get("scales", {})),
        "multi": multi,
        "and": squeeze(nw.get("and", "and")),
        "currencies": currencies,
        "symbols": t.get("currency_symbols", {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}),
        "percent": percent,
        "durations": sq(t.get("duration_units", {})),
        "duals": sq(t.get("dual_durations", {})),
        "duration_lead": [tuple(squeeze(p).split()) for p in t.get("duration_lead", [])],
        "months": months,
        "year_lead": {squeeze(w) for w in t.get("year_lead", [])},
        "bounds": bounds,
    }


def _num(raw: str) -> float | None:
    s = raw.translate(_DIGITS)
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", s):
        s = s.replace(",", "")
    s = s.replace(",", ".") if re.fullmatch(r"\d+,\d{1,2}", s) else s
    try:
        return float(s)
    except ValueError:
        return None


def _digit_with_suffix(raw: str, scales: dict) -> tuple[float, str] | None:
    """``100M`` -> (1e8, "m"); ``1.5bn`` -> (1.5e9, "bn")."""
    m = re.fullmatch(r"([0-9٠-٩]+(?:[.,٫٬][0-9٠-٩]+)*)([a-zA-Z]+)", raw)
    if not m:
        return None
    v = _num(m.group(1))
    suf = m.group(2).lower()
    if v is None or suf not in scales:
        return None
    return v * scales[suf], suf


def _match_seq(toks: list[_Tok], i: int, seq: tuple[str, ...], lang: Language) -> bool:
    if i + len(seq) > len(toks):
        return False
    for k, w in enumerate(seq):
        keys = [x for x, _ in _strip_prefix(toks[i + k].key, lang)] if k == 0 else [toks[i + k].key]
        if w not in keys:
            return False
    return True


def _word_number(toks: list[_Tok], i: int, tb: dict, lang: Language) -> tuple[float, int] | None:
    """A number written in words starting at token i: (value, tokens used)."""
    multi, firsts = tb["multi_sorted"]
    if _may_start(toks, i, firsts, lang):
        for seq, v in multi:
            if _match_seq(toks, i, seq, lang):
                return _scale_after(toks, i + len(seq), float(v), tb, lang, i)
    total, j, used_any = 0.0, i, False
    while j < len(toks):
        cands = [k for k, _ in _strip_prefix(toks[j].key, lang)] if j == i else [toks[j].key]
        if j > i and toks[j].key == tb["and"] and j + 1 < len(toks):
            nxt = toks[j + 1].key
            if nxt in tb["units"] or nxt in tb["tens"] or nxt in tb["hundreds"]:
                j += 1
                continue
            break
        if j > i and lang.conjoined_tens and toks[j].key.startswith(lang.conjunction_prefix) \
                and toks[j].key[len(lang.conjunction_prefix):] in tb["tens"]:
            total += tb["tens"][toks[j].key[len(lang.conjunction_prefix):]]
            j += 1
            used_any = True
            continue
        hit = None
        for c in cands:
            for table in ("units", "tens", "hundreds"):
                if c in tb[table]:
                    hit = tb[table][c]
                    break
            if hit is not None:
                break
        if hit is None:
            break
        # "عشر" after a unit is a teen (ثلاثة عشر = 13)
        if j > i and hit == 10 and total and total < 10:
            total += 10
        else:
            total += hit
        used_any = True
        j += 1
    if not used_any:
        # a bare scale word ("مليون دولار", "a million")
        cands = [k for k, _ in _strip_prefix(toks[i].key, lang)]
        for c in cands:
            if c in tb["scales"] and len(c) > 2:
                return float(tb["scales"][c]), 1
        return None
    return _scale_after(toks, j, total, tb, lang, i)


def _scale_after(toks, j, value, tb, lang, start):
    """Apply a scale word at token j (ثمانية ملايين, three million): (value, tokens used from start)."""
    if j < len(toks) and toks[j].key in tb["scales"] and len(toks[j].key) > 1:
        value *= tb["scales"][toks[j].key]
        j += 1
    return value, j - start


def parse_quantities(text: str, *, offset: int = 0, lang: str | None = None) -> list[Quantity]:
    """All figures in ``text``; ``offset`` is added to every start/end."""
    lang = get_language(lang if is_supported(lang) else guess_lang(text))
    tb = _tables(lang)
    toks = _tokens(text)
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        if _inert(toks[i], tb, lang):
            i += 1
            continue
        q, nxt = _parse_at(text, toks, i, tb, lang)
        if q is None:
            i += 1
            continue
        start, end, value, unit, kind, bound = q
        out.append(Quantity(text[start:end], start + offset, end + offset, float(value), unit, kind, bound))
        i = nxt
    return out


_INERT: dict[tuple[Language, str], bool] = {}
_DIGIT_START = re.compile(r"[0-9٠-٩]")


def _inert(t: _Tok, tb: dict, lang: Language) -> bool:
    """Whether no figure can start at a token like t, whatever stands around it: no digit, no currency
    symbol, no duration word, and no form of it a number, scale, dual or number-phrase word (what
    ``_leading_number`` would try). Once per language and word."""
    k = (lang, t.raw)
    out = _INERT.get(k)
    if out is None:
        firsts = tb["multi_sorted"][1]
        out = not (_DIGIT_START.match(t.raw) or t.raw in tb["symbols"] or t.key in tb["durations"] or firsts is None or any(
            c in tb["units"] or c in tb["tens"] or c in tb["hundreds"] or c in tb["duals"] or c in firsts
            or (c in tb["scales"] and len(c) > 2) for c, _ in _strip_prefix(t.key, lang)))
        if len(_INERT) < 500_000:
            _INERT[k] = out
    return out


class _Num(NamedTuple):
    """A number read at token i: its token (after any currency symbol), value, the next token index."""

    tok: _Tok
    value: float
    j: int
    is_digit: bool
    cur_symbol: str | None


def _parse_at(text: str, toks: list[_Tok], i: int, tb: dict, lang: Language):
    """(start, end, value, unit, kind, bound) of the figure starting at token i, or None, and the next index."""
    head = _leading_number(text, toks, i, tb, lang)
    if not isinstance(head, _Num):
        return head  # (figure or None, next index) decided already
    end = toks[head.j - 1].end
    dated = _date_at(text, toks, i, head, end, tb, lang)
    if dated is not None:
        return dated
    return _measure_at(text, toks, i, head, end, tb, lang)


def _leading_number(text: str, toks: list[_Tok], i: int, tb: dict, lang: Language):
    """The number at token i (digits with scale words, or number words) as a _Num; a (figure, next) pair
    when the token decides alone (a dual duration, "for a week"), (None, i + 1) when there is no number."""
    t = toks[i]
    cur_symbol = None
    j = i
    # currency symbol before the number: $100M, US$ 5
    if t.raw in tb["symbols"] and i + 1 < len(toks) and toks[i + 1].start - t.end <= 1:
        cur_symbol = tb["symbols"][t.raw]
        j = i + 1
    tok = toks[j]
    if re.match(r"[0-9٠-٩]", tok.raw):
        suf = _digit_with_suffix(tok.raw, tb["scales"])
        if suf:
            return _Num(tok, suf[0], j + 1, True, cur_symbol)
        value = _num(tok.raw)
        if value is None:
            return None, i + 1
        j += 1
        if j < len(toks) and toks[j].key in tb["scales"]:
            value *= tb["scales"][toks[j].key]
            j += 1
        return _Num(tok, value, j, True, cur_symbol)
    if t.raw in tb["symbols"]:
        return None, i + 1
    wn = _word_number(toks, j, tb, lang)
    if wn is None:
        # dual durations: أسبوعين = 2 weeks
        for c, _ in _strip_prefix(tok.key, lang):
            if c in tb["duals"]:
                unit, v = tb["duals"][c]
                return (tok.start, tok.end, v, unit, "duration", _bound(text, toks, i, tb, lang)), i + 1
        # "لمدة أسبوع" / "for a week": one unit of time
        for lead in tb["duration_lead"]:
            n = len(lead)
            if i >= n and tuple(x.key for x in toks[i - n:i]) == lead:
                c = tok.key
                if c in tb["durations"] and lang.duration_after_lead:
                    return (tok.start, tok.end, 1, tb["durations"][c], "duration", "exact"), i + 1
        return None, i + 1
    value, used = wn
    if used == 1 and tok.key in lang.lone_one_words:
        return None, i + 1
    return _Num(tok, value, j + used, False, cur_symbol)


def _date_at(text: str, toks: list[_Tok], i: int, head: _Num, end: int, tb: dict, lang: Language):
    """(date figure, next index) when the number is a day with a month, or a year; else None."""
    t, tok, value, j, is_digit = toks[i], head.tok, head.value, head.j, head.is_digit
    start = t.start
    # date: day + month (+ year) / month + day (+ year)
    month = _month_at(toks, j, tb, lang)
    if is_digit and month and value is not None and 1 <= value <= 31 and float(value).is_integer():
        mval, mlen = month
        k = j + mlen
        end = toks[k - 1].end
        year = None
        if k < len(toks) and re.fullmatch(r"(1[89]|20)\d\d", toks[k].raw.translate(_DIGITS)):
            year = int(toks[k].raw.translate(_DIGITS))
            end = toks[k].end
            k += 1
        if year:
            return (start, end, year * 10000 + mval * 100 + int(value), "date", "date", "exact"), k
        return (start, end, mval * 100 + int(value), "month-day", "date", "exact"), k
    if lang.month_before_day and i > 0 and is_digit:
        prev = _month_at(toks, i - 1, tb, lang) if i >= 1 else None
        if prev and prev[1] == 1 and 1 <= value <= 31 and toks[i - 1].end + 2 >= t.start:
            k = j
            start = toks[i - 1].start
            year = None
            if k < len(toks) and re.fullmatch(r"(1[89]|20)\d\d", toks[k].raw):
                year = int(toks[k].raw)
                end = toks[k].end
                k += 1
            mval = prev[0]
            if year:
                return (start, end, year * 10000 + mval * 100 + int(value), "date", "date", "exact"), k
            return (start, end, mval * 100 + int(value), "month-day", "date", "exact"), k
    # year: 4 digits 1800-2099 with a year lead word or standing alone
    if is_digit and re.fullmatch(r"(1[89]|20)\d\d", tok.raw.translate(_DIGITS)) and not head.cur_symbol:
        nxt_key = toks[j].key if j < len(toks) else ""
        if nxt_key not in tb["scales"] and not _currency_at(toks, j, tb, lang):
            # "June 2027" / "نوفمبر 2022": month and year
            if i > 0 and j - i == 1:
                for back in (2, 1):
                    if i - back >= 0:
                        m = _month_at(toks, i - back, tb, lang)
                        if m and m[1] == back and text[toks[i - 1].end:start].strip(" ,،") == "":
                            return (toks[i - back].start, end, value * 100 + m[0], "year-month", "date", "exact"), j
            return (start, end, value, "year", "date", "exact"), j
    return None


def _measure_at(text: str, toks: list[_Tok], i: int, head: _Num, end: int, tb: dict, lang: Language):
    """(figure, next index) for a count, an amount of money, a percentage or a duration, with its bound."""
    start, tok, value, j, is_digit = toks[i].start, head.tok, head.value, head.j, head.is_digit
    unit, kind = "count", "count"
    if head.cur_symbol:
        unit, kind = head.cur_symbol, "money"
    else:
        cur = _currency_at(toks, j, tb, lang)
        if cur:
            unit, kind = cur[0], "money"
            end = toks[j + cur[1] - 1].end
            j += cur[1]
    if kind == "count":
        pct = _seq_at(toks, j, tb["percent_sorted"], lang)
        if pct:
            unit, kind = "percent", "percent"
            end = toks[j + pct - 1].end
            j += pct
        elif j < len(toks):
            for c, _ in _strip_prefix(toks[j].key, lang):
                if c in tb["durations"]:
                    if text[toks[j].end:toks[j].end + 1] == "-":
                        return None, j + 1  # "24-year-old" is an age, not a period
                    unit, kind = tb["durations"][c], "duration"
                    end = toks[j].end
                    j += 1
                    break
    if kind == "count" and is_digit and len(tok.raw) <= 2 and _line_start(text, start) and (
        tok.raw.startswith(("0", "٠")) or re.match(r"\s*[*.)\-:]", text[end:end + 3])
    ):
        return None, j  # a section number ("01 ** ...")
    if kind == "count" and is_digit and re.search(r"[-A-Za-z]$", text[max(0, start - 1):start]):
        return None, j  # part of a name: GPT-4
    bound = _bound(text, toks, i, tb, lang)
    if kind == "duration" and bound == "at_least" and i > 0 and toks[i - 1].key in ("over",):
        bound = "exact"  # "over four years" is a period, not a lower bound
    return (start, end, value, unit, kind, bound), j


def _line_start(text: str, pos: int) -> bool:
    """Whether only spaces stand between the last line break before pos and pos (looking back over those
    spaces only, not over the whole line)."""
    k = pos - 1
    while k >= 0 and text[k] != "\n":
        if not text[k].isspace():
            return False
        k -= 1
    return True


def _month_at(toks, j, tb, lang):
    months, firsts = tb["months_sorted"]
    if firsts is not None and 0 <= j < len(toks) and toks[j].key not in firsts:
        return None
    for seq, v in months:
        if j + len(seq) <= len(toks) and tuple(t.key for t in toks[j:j + len(seq)]) == seq:
            return v, len(seq)
    return None


def _currency_at(toks, j, tb, lang):
    currencies, firsts = tb["currencies_sorted"]
    if _may_start(toks, j, firsts, lang):
        for seq, unit in currencies:
            if _match_seq(toks, j, seq, lang):
                return unit, len(seq)
    if j < len(toks) and toks[j].raw in tb["symbols"]:
        return tb["symbols"][toks[j].raw], 1
    return None


def _seq_at(toks, j, table, lang):
    """Tokens used by the longest of a table's sequences at token j (``table``: sequences longest first
    and their first words, as ``_tables`` gives them), else 0."""
    seqs, firsts = table
    if not _may_start(toks, j, firsts, lang):
        return 0
    for seq in seqs:
        if _match_seq(toks, j, seq, lang):
            return len(seq)
    return 0


_BOUNDS_BEFORE: dict[tuple[Language, str], list] = {}


def _bounds_before(key: str, tb: dict, lang: Language) -> list[tuple[tuple[str, ...], str]]:
    """The bound phrases (in table order) that can end with a word keyed ``key``: its last word, or for one
    word a proclitic form of it (once per language and key)."""
    k = (lang, key)
    out = _BOUNDS_BEFORE.get(k)
    if out is None:
        forms = {key} | {v for v, _ in _strip_prefix(key, lang)}
        out = [(seq, b) for seq, b in tb["bounds"] if not seq or (seq[0] in forms if len(seq) == 1 else seq[-1] == key)]
        if len(_BOUNDS_BEFORE) < 500_000:
            _BOUNDS_BEFORE[k] = out
    return out


def _bound(text, toks, i, tb, lang) -> str:
    """The bound phrase ending right before token i (ما لا يقل عن، at least, نحو...)."""
    for seq, bound in (_bounds_before(toks[i - 1].key, tb, lang) if i > 0 else tb["bounds"]):
        n = len(seq)
        if i - n < 0:
            continue
        window = toks[i - n:i]
        if text[window[-1].end:toks[i].start].strip(" \u00a0") not in ("",):
            continue
        keys = [t.key for t in window]
        first_ok = keys[0] == seq[0] or any(k == seq[0] for k, _ in _strip_prefix(keys[0], lang))
        if first_ok and keys[1:] == list(seq[1:]):
            return bound
    # "على الأقل" after the figure is handled by callers rarely; keep simple
    return "exact"
