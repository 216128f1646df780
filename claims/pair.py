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
from .types import Claim

SPEAKER_BONUS = 0.10
ACTOR_BONUS = 0.05
QUANTITY_BONUS = 0.05
EXACT_LIMIT = 5000

_LATIN_NAME = re.compile(r"\b[A-Z][A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)?\b")
_STOP = frozenset({"The", "A", "An", "And", "But", "In", "On", "At", "It", "He", "She", "They", "We", "I", "This", "That",
                   "If", "As", "For", "Of", "To", "By", "With", "From", "Its", "His", "Her", "Their", "Our", "You"})


_AR_DIACRITICS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
_LEX_STOP = frozenset("""the and that this with from have has had was were are for not but its his her their they them
will would could should about into over also than then there which what when where who whom been being said says
told more most some such only very just other after before while because between during against""".split()) | frozenset(
    """الذي التي الذين هذا هذه ذلك تلك على الى إلى في من عن مع كان كانت يكون تكون قال قالت وقال وقالت أن إن انه أنه إنه
لقد قد لم لن لا ما هو هي هم نحن كما بعد قبل حتى أو او ثم كل بعض غير عند بين خلال حيث أي التي انها ليس ليست اي الا""".split())
_LEX_STOP = frozenset(w.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ى", "ي") for w in _LEX_STOP)
LEX_MAX_DF = 50  # a word in more claims than this is not distinctive (and keeps each block, hence the cost, bounded)
LEX_MIN_SHARED = 2


def stems(text: str) -> frozenset[str]:
    """Crude, language-light content stems for lexical blocking (alef forms folded; each word cut by
    ``Language.stem`` of its script's language: Arabic prefixes and suffixes, English suffixes)."""
    out = set()
    t = _AR_DIACRITICS.sub("", text.casefold())
    t = t.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ى", "ي")
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


def _sources(claim: Claim) -> set[str]:
    """Normalised names of the claim's speaker and of every source of a stance on it."""
    sources = {s.source.name for s in claim.stances if s.source and s.source.name}
    if claim.speaker and claim.speaker.name:
        sources.add(claim.speaker.name)
    return sources


def features(claim: Claim) -> Features:
    speaker = claim.speaker.name if claim.speaker and claim.speaker.name else None
    sources = _sources(claim)
    actors = _latin_names(claim.text) | set(sources)
    measures = {(q.kind, q.unit, round(float(q.value), 6)) for q in claim.quantities}
    return Features(claim.doc, (claim.start, claim.end), speaker, frozenset(sources), frozenset(actors), frozenset(measures),
                    stems(claim.text), claim.rebuts.name if claim.rebuts and claim.rebuts.name else None)


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


def candidates_from_vectors(
    vectors: np.ndarray,
    feats: Sequence[Features],
    *,
    k: int = 10,
    min_score: float = 0.55,
    exact_limit: int = EXACT_LIMIT,
    lexical: bool = True,
) -> list[tuple[int, int, float]]:
    """The pairing core on precomputed L2-normalised vectors: ``(i, j, cosine)`` with i < j, sorted, unique.

    Filtering and scoring run on arrays of neighbour pairs; ``feature_score`` itself is called only for
    the pairs whose cosine plus speaker bonus falls short of ``min_score`` by no more than the actor and
    quantity bonuses could make up.
    """
    n = len(feats)
    if len(vectors) != n:
        raise ValueError(f"{len(vectors)} vectors for {n} claims")
    if n < 2:
        return []
    sims, ids = neighbours(vectors, k, exact_limit=exact_limit)
    table = _Table(feats)
    width = ids.shape[1]
    a = np.repeat(np.arange(n, dtype=np.int64), width)  # row-major: the order the pairs are met in
    b = ids.reshape(-1).astype(np.int64)
    cos = sims.reshape(-1).astype(np.float64)
    keep = (b >= 0) & (b != a)
    a, b, cos = a[keep], b[keep], cos[keep]
    keep = table.allowed(a, b)
    a, b, cos = a[keep], b[keep], cos[keep]
    score = cos + table.speaker_bonus(a, b)
    keep = score >= min_score
    maybe = np.flatnonzero(~keep & (score + (ACTOR_BONUS + QUANTITY_BONUS + 1e-9) >= min_score))
    for t, x, y, c in zip(maybe.tolist(), a[maybe].tolist(), b[maybe].tolist(), cos[maybe].tolist()):
        keep[t] = feature_score(c, feats[x], feats[y]) >= min_score
    a, b, cos = a[keep], b[keep], cos[keep]
    key = np.minimum(a, b) * n + np.maximum(a, b)
    key, first = np.unique(key, return_index=True)  # a pair met twice keeps its first cosine
    cos = cos[first]
    if lexical:
        lex = lexical_pairs(feats, k=k, table=table)
        if lex:
            lk = np.array([i * n + j for i, j in lex], dtype=np.int64)
            lk = np.unique(lk[~np.isin(lk, key)])
            lc = np.array([float(np.dot(vectors[i], vectors[j])) for i, j in zip((lk // n).tolist(), (lk % n).tolist())])
            key, cos = np.concatenate([key, lk]), np.concatenate([cos, lc])
            order = np.argsort(key, kind="stable")
            key, cos = key[order], cos[order]
    reb = rebuttal_pairs(feats)
    if reb:
        rk = np.array([i * n + j for i, j in reb], dtype=np.int64)
        rk = np.unique(rk[~np.isin(rk, key)])
        if len(rk):
            rc = np.array([float(np.dot(vectors[i], vectors[j])) for i, j in zip((rk // n).tolist(), (rk % n).tolist())])
            key, cos = np.concatenate([key, rk]), np.concatenate([cos, rc])
            order = np.argsort(key, kind="stable")
            key, cos = key[order], cos[order]
    return list(zip((key // n).tolist(), (key % n).tolist(), cos.tolist()))


def candidates(
    claims: Sequence[Claim],
    embedder,
    *,
    k: int = 10,
    min_score: float | None = None,
    exact_limit: int = EXACT_LIMIT,
    vectors: np.ndarray | None = None,
) -> list[tuple[int, int, float]]:
    """Candidate pairs ``(i, j, cosine)``, i < j, indexes into ``claims``.

    ``embedder.encode(texts)`` must return L2-normalised rows (claims.embed.Embedder does);
    ``vectors`` skips the embedding. ``min_score`` (default ``Thresholds.candidate`` from
    claims/thresholds.json) applies to cosine plus overlap bonuses (same speaker +0.10,
    shared named actors up to +0.05, a shared quantity +0.05).
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
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.where(norms > 0, norms, 1.0)
    return candidates_from_vectors(vectors, [features(c) for c in claims], k=k, min_score=min_score,
                                   exact_limit=exact_limit)
