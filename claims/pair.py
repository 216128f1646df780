"""Candidate pairs: which claims are worth scoring against each other.

Each claim is embedded once (multilingual e5, so an Arabic quote and its English report
land close together); a nearest-neighbour search gives each claim its ``k`` closest
claims, and a cheap feature score (cosine plus overlap of speakers, named actors and
quantities) keeps the pairs worth an NLI call. Cost grows close to linearly with the
number of claims: exact inner-product search (faiss ``IndexFlatIP``) up to
``exact_limit`` claims; above it an HNSW graph (M=16, float16) over a 48-dimension PCA of the vectors,
searched from each claim's own node, whose candidates are re-ranked by exact cosine.
Two more channels add pairs the embeddings miss: claims sharing distinctive word stems,
and a claim that rebuts a named speaker ("اتهم بوسورث ألتمان بالمبالغة") with that
speaker's claims in the same article.

Never paired: a claim with itself, two claims with the same span, and two claims of
the same article from the same source (pairs run across articles, and across sources
within one article).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .lang import by_script
from .lang.ar import squeeze_arabic
from .types import Claim

SPEAKER_BONUS = 0.10
ACTOR_BONUS = 0.05
QUANTITY_BONUS = 0.05
EXACT_LIMIT = 5000

_LATIN_NAME = re.compile(r"\b[A-Z][A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)?\b")
_STOP = frozenset({"The", "A", "An", "And", "But", "In", "On", "At", "It", "He", "She", "They", "We", "I", "This", "That",
                   "If", "As", "For", "Of", "To", "By", "With", "From", "Its", "His", "Her", "Their", "Our", "You"})


_LEX_STOP = frozenset("""the and that this with from have has had was were are for not but its his her their they them
will would could should about into over also than then there which what when where who whom been being said says
told more most some such only very just other after before while because between during against""".split()) | frozenset(
    """الذي التي الذين هذا هذه ذلك تلك على الى إلى في من عن مع كان كانت يكون تكون قال قالت وقال وقالت أن إن انه أنه إنه
لقد قد لم لن لا ما هو هي هم نحن كما بعد قبل حتى أو او ثم كل بعض غير عند بين خلال حيث أي التي انها ليس ليست اي الا""".split())
_LEX_STOP = frozenset(squeeze_arabic(w) for w in _LEX_STOP)
LEX_MAX_DF = 50  # a word in more claims than this is not distinctive (and keeps each block, hence the cost, bounded)
LEX_MIN_SHARED = 2
LEX_K = 10  # lexical pairs per claim at most


def stems(text: str) -> frozenset[str]:
    """Crude, language-light content stems for lexical blocking (case folded, Arabic marks dropped and alef
    forms folded by :func:`claims.lang.ar.squeeze_arabic`; each word cut by ``Language.stem`` of its script's
    language: Arabic prefixes and suffixes, English suffixes)."""
    out = set()
    t = squeeze_arabic(text.casefold())
    for w in re.findall(r"\w+", t):
        if w in _LEX_STOP or w.isdigit():
            continue
        w = by_script(w[0]).stem(w)  # the word's language by its first letter (Arabic script, else English)
        if len(w) >= 3 and w not in _LEX_STOP:
            out.add(w)
    return frozenset(out)


@dataclass(frozen=True)
class Features:
    """What pairing compares besides the embedding: normalised names, actors and measures."""

    doc: str
    span: tuple[int, int]
    speaker: str | None
    sources: frozenset[str]
    actors: frozenset[str]
    measures: frozenset[tuple[str, str, float]]
    stems: frozenset[str] = frozenset()
    rebuts: str | None = None  # normalised name of the speaker this claim answers
    lang: str | None = None  # the document's language: candidates are sought in every other language too


def _sources(claim: Claim) -> set[str]:
    """Normalised names of the claim's speaker and of every source of a stance on it."""
    sources = {s.source.name for s in claim.stances if s.source and s.source.name}
    if claim.speaker and claim.speaker.name:
        sources.add(claim.speaker.name)
    return sources


def features(claim: Claim, lang: str | None = None) -> Features:
    speaker = claim.speaker.name if claim.speaker and claim.speaker.name else None
    sources = _sources(claim)
    actors = _latin_names(claim.text) | set(sources)
    measures = {(q.kind, q.unit, round(float(q.value), 6)) for q in claim.quantities}
    return Features(claim.doc, (claim.start, claim.end), speaker, frozenset(sources), frozenset(actors), frozenset(measures),
                    stems(claim.text), claim.rebuts.name if claim.rebuts and claim.rebuts.name else None, lang)


def _latin_names(text: str) -> set[str]:
    """Capitalised Latin words and hyphenated names, lower-cased, possessive dropped ("Meta's" -> "meta")."""
    return {re.sub(r"['’]s$", "", w.casefold()) for w in _LATIN_NAME.findall(text) if w not in _STOP}


def context_names(text: str) -> frozenset[str]:
    """Named people and bodies in a stretch of text, normalised: Latin capitalised names (``OpenAI`` ->
    ``openai``) and every name of the ``names`` tables in claims/lang (``ميتا`` -> ``meta``)."""
    from .extract import names_in

    return frozenset(_latin_names(text) | names_in(text))


def anchors(claims: Sequence[Claim], texts: dict[str, str]) -> list[frozenset[str]]:
    """What ties each claim to its story: the names in its sentence (``texts`` maps document id -> text), its
    speaker's and sources' names, and its distinctive word stems (in at most max(3, 10%) of the claims,
    prefixed ``~``). Two claims of different articles that share none of these are about different things
    (see ``verdict.decide``'s ``anchored``)."""
    from collections import Counter

    st = [stems(c.text) for c in claims]
    df = Counter(w for s in st for w in s)
    limit = max(3, len(claims) // 10)
    out = []
    seen: dict[tuple[str, int, int], frozenset[str]] = {}  # claims of one sentence share its names
    for c, s in zip(claims, st):
        text = texts.get(c.doc, "")
        a, b = c.sentence if c.sentence else (c.start, c.end)
        if (c.doc, a, b) not in seen:
            seen[(c.doc, a, b)] = context_names(text[a:b]) if text else frozenset()
        out.append(seen[(c.doc, a, b)] | _sources(c) | {"~" + w for w in s if df[w] <= limit})
    return out


def rebuttal_pairs(feats: Sequence[Features]) -> list[tuple[int, int]]:
    """Every claim that rebuts a speaker, paired with that speaker's claims in the same document, ``(i, j)``, i < j.

    The text itself says these two stand against each other ("اتهم بوسورث ألتمان بالمبالغة"), however far
    apart their embeddings are. Cost: one dictionary look-up per rebuttal.
    """
    by_speaker: dict[tuple[str, str], list[int]] = {}
    for j, f in enumerate(feats):
        if f.speaker:
            by_speaker.setdefault((f.doc, f.speaker), []).append(j)
    out = set()
    for i, f in enumerate(feats):
        if f.rebuts and f.rebuts != f.speaker:
            for j in by_speaker.get((f.doc, f.rebuts), ()):
                if j != i:
                    out.add((min(i, j), max(i, j)))
    return sorted(out)


def allowed(fa: Features, fb: Features) -> bool:
    """Across articles always; within one article only across different sources; never the same span."""
    if fa.doc == fb.doc:
        if fa.span == fb.span:
            return False
        if fa.speaker == fb.speaker and fa.sources == fb.sources:
            return False
    return True


def feature_score(cos: float, fa: Features, fb: Features) -> float:
    s = float(cos)
    if fa.speaker and fa.speaker == fb.speaker:
        s += SPEAKER_BONUS
    if fa.actors and fb.actors:
        s += ACTOR_BONUS * len(fa.actors & fb.actors) / len(fa.actors | fb.actors)
    if fa.measures & fb.measures:
        s += QUANTITY_BONUS
    return s


def build_index(vectors: np.ndarray, *, exact_limit: int = EXACT_LIMIT, hnsw_m: int = 16, ef_search: int = 32):
    """A faiss inner-product index over L2-normalised rows: exact (IndexFlatIP) when small, HNSW (float16) when large."""
    import faiss

    n, d = vectors.shape
    if n <= exact_limit:
        index = faiss.IndexFlatIP(d)
    else:
        # float16 storage: half the bytes per distance of float32, and the graph walk is bound by memory
        # reads once the graph outgrows the cache (exact cosines are computed afterwards on the full vectors)
        index = faiss.IndexHNSWSQ(d, faiss.ScalarQuantizer.QT_fp16, hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 40
        index.hnsw.efSearch = ef_search
        index.train(vectors)
    index.add(vectors)
    return index


def _reduce(vectors: np.ndarray, dim: int, sample: int = 10_000) -> np.ndarray:
    """PCA to ``dim`` dimensions (fitted on a fixed-size sample, so the cost stays linear), re-normalised."""
    import faiss

    n, d = vectors.shape
    if d <= dim:
        return vectors
    rng = np.random.default_rng(0)
    pca = faiss.PCAMatrix(d, dim)
    pca.train(vectors[rng.choice(n, min(n, sample), replace=False)] if n > sample else vectors)
    w = pca.apply(vectors)
    w /= np.maximum(np.linalg.norm(w, axis=1, keepdims=True), 1e-12)
    return np.ascontiguousarray(w, dtype=np.float32)


def _search_from_self(index, rows: np.ndarray, kk: int) -> np.ndarray:
    """ids (n, kk) of an HNSW self-join: row i of ``rows`` (= vector i of ``index``) searched on the bottom layer from node i.

    The search starts where the answer is, so the greedy descent through the upper layers is skipped.
    """
    import faiss

    n = len(rows)
    entry = np.arange(n, dtype=np.int32).reshape(n, 1)
    # faiss keeps inner products negated inside HNSW: the entry's own distance is -<x, x>
    entry_d = -np.einsum("nd,nd->n", rows, rows).astype(np.float32).reshape(n, 1)
    dist = np.empty((n, kk), dtype=np.float32)
    ids = np.empty((n, kk), dtype=np.int64)
    index.search_level_0(n, faiss.swig_ptr(rows), kk, faiss.swig_ptr(entry), faiss.swig_ptr(entry_d),
                         faiss.swig_ptr(dist), faiss.swig_ptr(ids), 1, 1)
    return ids


def neighbours(vectors: np.ndarray, k: int, *, exact_limit: int = EXACT_LIMIT, reduced_dim: int = 48,
               chunk: int = 1024, ef_search: int = 32) -> tuple[np.ndarray, np.ndarray]:
    """(cosines, ids), each (n, k+1): the k+1 nearest rows of every row (itself usually first); ids -1 = none.

    Up to ``exact_limit`` rows: exact search. Above: an HNSW graph over a PCA reduction to ``reduced_dim``
    dimensions gives 2k+1 candidates per row, re-ranked by exact cosine on the full vectors (memory O(n k)).
    Every row is in the graph, so its search starts at its own node on the bottom layer: no descent from
    the top layer, so fewer distance computations for the same recall.
    """
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    n = len(vectors)
    kk = min(k + 1, n)
    if n <= exact_limit:
        return build_index(vectors, exact_limit=exact_limit).search(vectors, kk)
    import faiss

    reduced = _reduce(vectors, reduced_dim)
    # build and search the graph in rows grouped by their nearest of 256 pivots: neighbours share cache lines
    pivots = faiss.IndexFlatIP(reduced.shape[1])
    pivots.add(reduced[np.random.default_rng(1).choice(n, min(n, 256), replace=False)])
    perm = np.argsort(pivots.search(reduced, 1)[1][:, 0], kind="stable")
    reduced = np.ascontiguousarray(reduced[perm])
    index = build_index(reduced, exact_limit=exact_limit, ef_search=ef_search)
    found = _search_from_self(index, reduced, min(2 * k + 1, n))
    del index, reduced
    cand = np.empty_like(found)
    cand[perm] = np.where(found >= 0, perm[np.maximum(found, 0)], -1)  # back to the caller's row order
    del found
    # exact re-rank: cosines of each row with its own candidates, read in place (no gathered copy of the rows)
    width = cand.shape[1]
    exact = np.empty(cand.shape, dtype=np.float32)
    for s in range(0, n, chunk):
        e = min(n, s + chunk)
        faiss.fvec_inner_products_by_idx(faiss.swig_ptr(exact[s:e]), faiss.swig_ptr(vectors[s:e]), faiss.swig_ptr(vectors),
                                         faiss.swig_ptr(cand[s:e]), vectors.shape[1], e - s, width)
    exact[cand < 0] = -np.inf
    order = np.argsort(-exact, axis=1, kind="stable")[:, :kk]
    sims = np.take_along_axis(exact, order, 1)
    top = np.where(np.isfinite(sims), np.take_along_axis(cand, order, 1), -1)
    return sims, top


def _codes(values: list) -> np.ndarray:
    """Integer codes for hashable values: equal values, equal codes (first seen, first code)."""
    table = {v: i for i, v in enumerate(dict.fromkeys(values))}
    return np.fromiter(map(table.__getitem__, values), dtype=np.int64, count=len(values))


class _Table:
    """Features as integer columns, so that ``allowed`` and the speaker bonus run on arrays of pairs."""

    def __init__(self, feats: Sequence[Features]):
        self.doc = _codes([f.doc for f in feats])
        self.span = _codes([f.span for f in feats])
        self.speaker = _codes([f.speaker for f in feats])
        self.sources = _codes([f.sources for f in feats])
        self.has_speaker = np.fromiter((bool(f.speaker) for f in feats), dtype=bool, count=len(feats))

    def allowed(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """``allowed(feats[a], feats[b])`` for arrays of indexes."""
        same_source = (self.speaker[a] == self.speaker[b]) & (self.sources[a] == self.sources[b])
        return (self.doc[a] != self.doc[b]) | ((self.span[a] != self.span[b]) & ~same_source)

    def speaker_bonus(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return np.where(self.has_speaker[a] & (self.speaker[a] == self.speaker[b]), SPEAKER_BONUS, 0.0)


def lexical_pairs(feats: Sequence[Features], *, k: int = 10, max_df: int = LEX_MAX_DF,
                  min_shared: int = LEX_MIN_SHARED, table: _Table | None = None) -> list[tuple[int, int]]:
    """Pairs that share at least ``min_shared`` distinctive stems (in at most ``max_df`` claims), at most k per claim.

    Catches what embeddings rank low (a short denial "it is not a signing bonus" against the claim it denies).
    Work is bounded by max_df per stem, so it grows linearly with the number of claims. Pairs whose shared
    stems weigh more (the sum of log(n / claims holding the stem): rare words count most) are taken first
    (ties by index); a claim already in k pairs takes no more.
    """
    n = len(feats)
    sizes = np.fromiter((len(f.stems) for f in feats), dtype=np.int64, count=n)
    if n < 2 or not sizes.any():
        return []
    claim = np.repeat(np.arange(n, dtype=np.int64), sizes)
    stem = _codes([w for f in feats for w in f.stems])
    order = np.argsort(stem, kind="stable")  # postings: claims of one stem together, in claim order
    stem, claim = stem[order], claim[order]
    starts = np.flatnonzero(np.r_[True, stem[1:] != stem[:-1]])
    df = np.diff(np.r_[starts, len(stem)])
    keys, weights = [], []
    for size in np.unique(df[(df >= 2) & (df <= max_df)]).tolist():
        block = claim[starts[df == size][:, None] + np.arange(size)]  # (stems, size), rows ascending
        x, y = np.triu_indices(size, 1)
        keys.append((block[:, x] * n + block[:, y]).ravel())
        weights.append(np.full(keys[-1].shape, np.log(n / size)))  # a rarer shared stem says more
    if not keys:
        return []
    key, inverse, count = np.unique(np.concatenate(keys), return_inverse=True, return_counts=True)
    weight = np.bincount(inverse, weights=np.concatenate(weights))
    keep = count >= min_shared
    key, count, weight = key[keep], count[keep], weight[keep]
    i, j = key // n, key % n
    ok = (table or _Table(feats)).allowed(i, j)
    i, j, weight = i[ok], j[ok], weight[ok]
    order = np.lexsort((j, i, -np.round(weight, 9)))
    i, j = i[order], j[order]
    if np.bincount(np.r_[i, j], minlength=n).max(initial=0) <= k:  # no claim over its k: every pair stays
        return list(zip(i.tolist(), j.tolist()))
    per = [0] * n
    out = []
    for a, b in zip(i.tolist(), j.tolist()):
        if per[a] >= k or per[b] >= k:
            continue
        per[a] += 1
        per[b] += 1
        out.append((a, b))
    return out


# channel priorities when a claim has more candidates than its budget (lower is kept first)
MAX_PER_CLAIM = 12  # scored pairs per claim at most: the cost of a run stays linear in its claims
PER_LANGUAGE = 2  # nearest claims sought in each other language
ANCHOR_PER_CLAIM = 3  # pairs per claim from a shared figure or speaker across languages


def anchor_pairs(vectors: np.ndarray, feats: Sequence[Features], *, per_claim: int = ANCHOR_PER_CLAIM,
                 block_limit: int = LEX_MAX_DF) -> tuple[np.ndarray, np.ndarray]:
    """Claims of two languages that give the same figure (not a date) or have the same speaker: always
    worth scoring, whatever the embeddings say. Each claim keeps its ``per_claim`` closest such partners;
    a figure or speaker shared by more than ``block_limit`` claims is too common to say anything."""
    n = len(feats)
    blocks: dict[object, list[int]] = {}
    for i, f in enumerate(feats):
        for m in f.measures:
            if m[0] != "date":
                blocks.setdefault(("m", m), []).append(i)
        if f.speaker:
            blocks.setdefault(("s", f.speaker), []).append(i)
    best: dict[int, list[tuple[float, int]]] = {}
    for members in blocks.values():
        if len(members) < 2 or len(members) > block_limit:
            continue
        idx = np.array(members)
        sims = vectors[idx] @ vectors[idx].T
        for x, i in enumerate(members):
            for y, j in enumerate(members):
                if i != j and feats[i].lang != feats[j].lang and feats[i].doc != feats[j].doc:
                    best.setdefault(i, []).append((float(sims[x, y]), j))
    keys, coss = [], []
    for i, partners in best.items():
        for c, j in sorted(set(partners), key=lambda t: (-t[0], t[1]))[:per_claim]:
            keys.append(min(i, j) * n + max(i, j))
            coss.append(c)
    return _unique(np.array(keys, dtype=np.int64), np.array(coss, dtype=np.float64))


def _unique(key: np.ndarray, cos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    key, first = np.unique(key, return_index=True)
    return key, cos[first]


def _with_cosines(pairs: list[tuple[int, int]], vectors: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    if not pairs:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    i = np.array([p[0] for p in pairs], dtype=np.int64)
    j = np.array([p[1] for p in pairs], dtype=np.int64)
    return _unique(i * n + j, np.einsum("nd,nd->n", vectors[i], vectors[j]).astype(np.float64))


def _search(index_vectors: np.ndarray, queries: np.ndarray, kk: int, exact_limit: int) -> tuple[np.ndarray, np.ndarray]:
    index = build_index(np.ascontiguousarray(index_vectors), exact_limit=exact_limit)
    return index.search(np.ascontiguousarray(queries), min(kk, len(index_vectors)))


def _proposals(cv: np.ndarray, feats: Sequence[Features], *, pool: int, per_language: int,
               exact_limit: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Directed proposals (claim, partner, reserved): each claim's ``pool`` nearest overall and its
    ``per_language`` nearest in every other language (those *reserved*: kept before the rest)."""
    n = len(feats)
    sims, ids = neighbours(cv, pool, exact_limit=exact_limit)
    a = [np.repeat(np.arange(n, dtype=np.int64), ids.shape[1])]
    b = [ids.reshape(-1).astype(np.int64)]
    r = [np.zeros(ids.size, dtype=bool)]
    langs = np.array([f.lang or "" for f in feats])
    groups = list(dict.fromkeys(langs.tolist()))
    if per_language > 0 and len(groups) > 1:
        for lang in groups:
            members = np.flatnonzero(langs == lang)
            queries = np.flatnonzero(langs != lang)
            _, found = _search(cv[members], cv[queries], per_language, exact_limit)
            a.append(np.repeat(queries, found.shape[1]))
            b.append(np.where(found >= 0, members[np.maximum(found, 0)], -1).reshape(-1))
            r.append(np.ones(found.size, dtype=bool))
    return np.concatenate(a), np.concatenate(b), np.concatenate(r)


def _relevance(cos: np.ndarray, a: np.ndarray, b: np.ndarray, feats: Sequence[Features]) -> np.ndarray:
    """:func:`feature_score` of each proposal: the centred cosine plus the overlap bonuses."""
    return np.fromiter((feature_score(c, feats[x], feats[y]) for c, x, y in zip(cos.tolist(), a.tolist(), b.tolist())),
                       dtype=np.float64, count=len(cos))


def candidates_from_vectors(
    vectors: np.ndarray,
    feats: Sequence[Features],
    *,
    k: int = 10,
    min_score: float = 0.55,
    exact_limit: int = EXACT_LIMIT,
    lexical: bool = True,
    per_language: int = PER_LANGUAGE,
    max_per_claim: int = MAX_PER_CLAIM,
    stats: dict | None = None,
    ranking: np.ndarray | None = None,
) -> list[tuple[int, int, float]]:
    """The pairing core on precomputed L2-normalised vectors: ``(i, j, cosine)`` with i < j, sorted, unique.

    Each claim proposes partners -- its ``k`` nearest claims overall, its ``per_language`` nearest in every
    other language, the claims sharing a figure or speaker across languages, and those sharing rare word
    stems -- ranked by ``ranking`` cosine (default: ``vectors``; ``candidates`` passes language-centred
    vectors) plus the overlap bonuses, and keeps at most ``max_per_claim`` of them: the other-language
    nearest first, then by rank. Proposals whose plain cosine is under ``min_score`` are dropped (a floor
    against pairing claims of unrelated stories). Rebuttal pairs are always kept. Each pair is charged to the
    claim that proposed it, so there are at most ``max_per_claim`` pairs per claim. The cosine returned is
    the plain one (the verdict thresholds read it). ``stats``, when given, receives what each step gave.
    """
    n = len(feats)
    if len(vectors) != n:
        raise ValueError(f"{len(vectors)} vectors for {n} claims")
    if n < 2:
        return []
    cv = vectors if ranking is None else np.ascontiguousarray(ranking, dtype=np.float32)
    table = _Table(feats)
    a, b, reserved = _proposals(cv, feats, pool=k, per_language=per_language, exact_limit=exact_limit)
    extra = []  # (proposals, reserved): shared figures/speakers across languages rank; shared rare stems are kept first
    if per_language > 0:
        extra += [(d, False) for d in _directed(anchor_pairs(cv, feats)[0], n)]
    if lexical:
        lex = np.array([i * n + j for i, j in lexical_pairs(feats, k=LEX_K, table=table)], dtype=np.int64)
        extra += [(d, True) for d in _directed(lex, n)]
    for (x, y), keep_first in extra:
        a, b, reserved = np.r_[a, x], np.r_[b, y], np.r_[reserved, np.full(len(x), keep_first)]
    ok = (b >= 0) & (b != a)
    a, b, reserved = a[ok], b[ok], reserved[ok]
    ok = table.allowed(a, b)
    a, b, reserved = a[ok], b[ok], reserved[ok]
    plain = np.einsum("nd,nd->n", vectors[a], vectors[b]).astype(np.float64)
    ok = plain >= min_score
    a, b, reserved, plain = a[ok], b[ok], reserved[ok], plain[ok]
    score = _relevance(np.einsum("nd,nd->n", cv[a], cv[b]).astype(np.float64), a, b, feats)
    order = np.lexsort((b, -score, ~reserved, a))  # per claim: reserved first, then by score
    a, b, plain = a[order], b[order], plain[order]
    key = np.minimum(a, b) * n + np.maximum(a, b)
    _, first = np.unique(a * n + b, return_index=True)  # a partner proposed twice counts once
    dup = np.ones(len(a), dtype=bool)
    dup[first] = False
    a, b, key, plain = a[~dup], b[~dup], key[~dup], plain[~dup]
    order = np.lexsort((np.arange(len(a)), a))
    a, key, plain = a[order], key[order], plain[order]
    start = np.r_[0, np.flatnonzero(a[1:] != a[:-1]) + 1]
    rank = np.arange(len(a)) - np.repeat(start, np.diff(np.r_[start, len(a)]))
    keep = rank < max_per_claim
    key, plain = _unique(key[keep], plain[keep])
    reb = rebuttal_pairs(feats)
    if reb:
        rk, rc = _with_cosines(reb, vectors, n)
        key, plain = _unique(np.r_[key, rk], np.r_[plain, rc])
    if stats is not None:
        stats.update(proposed=int(len(a)), kept=int(len(key)), rebuttals=len(reb),
                     pairs_per_claim=round(len(key) / n, 3), max_proposed_per_claim=max_per_claim)
    return list(zip((key // n).tolist(), (key % n).tolist(), plain.tolist()))


def _directed(key: np.ndarray, n: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Undirected pair keys as proposals from both ends."""
    if not len(key):
        return []
    i, j = key // n, key % n
    return [(i, j), (j, i)]


def _normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


CENTRE_MIN = 20  # claims a language needs before its mean is taken out


def centred(vectors: np.ndarray, langs: Sequence[str | None]) -> np.ndarray:
    """L2-normalised rows with each language's mean vector taken out (languages with at least ``CENTRE_MIN``
    claims; the rest lose the overall mean), renormalised.

    Multilingual embeddings carry a language component (every Arabic claim is a little closer to every other
    Arabic claim) and, within one story, a story component (every claim mentions the same actors); both
    crowd out what tells two claims apart. Taking the means out ranks a quote's translation in another
    language, or the denial of a figure, far higher among a claim's neighbours.
    """
    v = _normalised(np.asarray(vectors, dtype=np.float32))
    if len(v) < 2:
        return v
    out = v - v.mean(axis=0, keepdims=True)
    codes = np.array([x or "" for x in langs])
    for lang in dict.fromkeys(codes.tolist()):
        rows = codes == lang
        if rows.sum() >= CENTRE_MIN:
            out[rows] = v[rows] - v[rows].mean(axis=0, keepdims=True)
    return np.ascontiguousarray(_normalised(out), dtype=np.float32)


def candidates(
    claims: Sequence[Claim],
    embedder,
    *,
    k: int = 10,
    min_score: float | None = None,
    exact_limit: int = EXACT_LIMIT,
    vectors: np.ndarray | None = None,
    langs: Sequence[str | None] | None = None,
    max_per_claim: int = MAX_PER_CLAIM,
    per_language: int = PER_LANGUAGE,
    stats: dict | None = None,
) -> list[tuple[int, int, float]]:
    """Candidate pairs ``(i, j, cosine)``, i < j, indexes into ``claims``.

    ``embedder.encode(texts)`` must return L2-normalised rows (claims.embed.Embedder does);
    ``vectors`` skips the embedding. ``min_score`` (default ``Thresholds.candidate`` from
    claims/thresholds.json) applies to cosine plus overlap bonuses (same speaker +0.10,
    shared named actors up to +0.05, a shared quantity +0.05). ``langs`` (each claim's document language)
    adds each claim's nearest claims in every other language and the claims sharing a figure or speaker
    across languages; ``max_per_claim`` bounds the pairs any claim takes part in (see
    :func:`candidates_from_vectors`, which also fills ``stats``).
    """
    claims = list(claims)
    if len(claims) < 2:
        return []
    if min_score is None:
        from .thresholds import load_thresholds

        min_score = load_thresholds().candidate
    if vectors is None:
        vectors = np.asarray(embedder.encode([c.text for c in claims]), dtype=np.float32)
    else:
        vectors = np.asarray(vectors, dtype=np.float32)
    langs = list(langs) if langs is not None else [None] * len(claims)
    if len(langs) != len(claims):
        raise ValueError(f"{len(langs)} languages for {len(claims)} claims")
    vectors = _normalised(vectors)
    return candidates_from_vectors(vectors, [features(c, lang) for c, lang in zip(claims, langs)], k=k,
                                   min_score=min_score, exact_limit=exact_limit, max_per_claim=max_per_claim, stats=stats,
                                   ranking=centred(vectors, langs), per_language=per_language)


def mutual_language_neighbours(ranking: np.ndarray, langs: Sequence[str | None], docs: Sequence[str], *,
                               per_language: int = PER_LANGUAGE, exact_limit: int = EXACT_LIMIT) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of claims in two languages, each among the other's ``per_language`` nearest claims
    of its language in other documents (``ranking``: language-centred vectors, see :func:`centred`). A quote and
    its translation in another article are such a pair; two merely related claims seldom are, both ways.
    Cost: one search of ``per_language`` (+ a few, for same-document neighbours) per claim and language."""
    codes = np.array([x or "" for x in langs])
    docs_arr = np.array(list(docs))
    groups = list(dict.fromkeys(codes.tolist()))
    if len(groups) < 2:
        return set()
    best: dict[tuple[int, str], set[int]] = {}
    for lang in groups:
        members = np.flatnonzero(codes == lang)
        queries = np.flatnonzero(codes != lang)
        if not len(queries):
            continue
        _, found = _search(ranking[members], ranking[queries], per_language + 3, exact_limit)
        for q, row in zip(queries.tolist(), found.tolist()):
            near = [int(members[x]) for x in row if x >= 0 and docs_arr[members[x]] != docs_arr[q]]
            best[(q, lang)] = set(near[:per_language])
    out = set()
    for (q, lang), near in best.items():
        for j in near:
            if q in best.get((j, codes[q]), ()):
                out.add((min(q, j), max(q, j)))
    return out
