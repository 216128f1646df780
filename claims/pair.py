"""Candidate pairs: which claims are worth scoring against each other.

Each claim is embedded once (multilingual e5, so an Arabic quote and its English report
land close together); a nearest-neighbour search gives each claim its ``k`` closest
claims, and a cheap feature score (cosine plus overlap of speakers, named actors and
quantities) keeps the pairs worth an NLI call. Cost grows close to linearly with the
number of claims: exact inner-product search (faiss ``IndexFlatIP``) up to
``exact_limit`` claims; above it an HNSW graph (M=16) over a 48-dimension PCA of the vectors,
whose candidates are re-ranked by exact cosine.

Never paired: a claim with itself, two claims with the same span, and two claims of
the same article from the same source (pairs run across articles, and across sources
within one article).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .types import Claim

SPEAKER_BONUS = 0.10
ACTOR_BONUS = 0.05
QUANTITY_BONUS = 0.05
EXACT_LIMIT = 5000

_LATIN_NAME = re.compile(r"\b[A-Z][A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)?\b")
_STOP = frozenset({"The", "A", "An", "And", "But", "In", "On", "At", "It", "He", "She", "They", "We", "I", "This", "That",
                   "If", "As", "For", "Of", "To", "By", "With", "From", "Its", "His", "Her", "Their", "Our", "You"})


_AR_DIACRITICS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
_AR_PREFIX = ("وال", "بال", "كال", "فال", "لل", "ال")
_AR_SUFFIX = ("ات", "ون", "ين", "ها", "هم", "ة", "ه")
_EN_SUFFIX = ("ing", "es", "ed", "s")
_LEX_STOP = frozenset("""the and that this with from have has had was were are for not but its his her their they them
will would could should about into over also than then there which what when where who whom been being said says
told more most some such only very just other after before while because between during against""".split()) | frozenset(
    """الذي التي الذين هذا هذه ذلك تلك على الى إلى في من عن مع كان كانت يكون تكون قال قالت وقال وقالت أن إن انه أنه إنه
لقد قد لم لن لا ما هو هي هم نحن كما بعد قبل حتى أو او ثم كل بعض غير عند بين خلال حيث أي التي انها ليس ليست اي الا""".split())
_LEX_STOP = frozenset(w.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ى", "ي") for w in _LEX_STOP)
LEX_MAX_DF = 50  # a word in more claims than this is not distinctive (and keeps each block, hence the cost, bounded)
LEX_MIN_SHARED = 2


def stems(text: str) -> frozenset[str]:
    """Crude, language-light content stems for lexical blocking (Arabic: alef forms, prefixes, suffixes)."""
    out = set()
    t = _AR_DIACRITICS.sub("", text.casefold())
    t = t.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ى", "ي")
    for w in re.findall(r"\w+", t):
        if w in _LEX_STOP or w.isdigit():
            continue
        if "\u0600" <= w[0] <= "\u06ff":
            for pre in _AR_PREFIX:
                if w.startswith(pre) and len(w) - len(pre) >= 3:
                    w = w[len(pre):]
                    break
            for suf in _AR_SUFFIX:
                if w.endswith(suf) and len(w) - len(suf) >= 3:
                    w = w[: -len(suf)]
                    break
            if len(w) >= 4 and w[-1] in "اوي":  # مكافأة / مكافآت -> مكاف
                w = w[:-1]
        else:
            for suf in _EN_SUFFIX:
                if w.endswith(suf) and len(w) - len(suf) >= 4:
                    w = w[: -len(suf)]
                    break
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


def features(claim: Claim) -> Features:
    speaker = claim.speaker.name if claim.speaker and claim.speaker.name else None
    sources = {s.source.name for s in claim.stances if s.source and s.source.name}
    if speaker:
        sources.add(speaker)
    actors = {w.casefold() for w in _LATIN_NAME.findall(claim.text) if w not in _STOP} | set(sources)
    measures = {(q.kind, q.unit, round(float(q.value), 6)) for q in claim.quantities}
    return Features(claim.doc, (claim.start, claim.end), speaker, frozenset(sources), frozenset(actors), frozenset(measures),
                    stems(claim.text))


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
    """A faiss inner-product index over L2-normalised rows: exact (IndexFlatIP) when small, HNSW when large."""
    import faiss

    n, d = vectors.shape
    if n <= exact_limit:
        index = faiss.IndexFlatIP(d)
    else:
        index = faiss.IndexHNSWFlat(d, hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 40
        index.hnsw.efSearch = ef_search
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


def neighbours(vectors: np.ndarray, k: int, *, exact_limit: int = EXACT_LIMIT, reduced_dim: int = 48,
               chunk: int = 1024) -> tuple[np.ndarray, np.ndarray]:
    """(cosines, ids), each (n, k+1): the k+1 nearest rows of every row (itself usually first); ids -1 = none.

    Up to ``exact_limit`` rows: exact search. Above: an HNSW graph over a PCA reduction to ``reduced_dim``
    dimensions gives 2k+1 candidates per row, re-ranked by exact cosine on the full vectors (in chunks,
    so memory stays O(n k)). Keeping the graph small keeps it in cache, so time grows close to n log n.
    """
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    n = len(vectors)
    kk = min(k + 1, n)
    if n <= exact_limit:
        return build_index(vectors, exact_limit=exact_limit).search(vectors, kk)
    import faiss

    reduced = _reduce(vectors, reduced_dim)
    # visit rows grouped by their nearest of 256 pivots: neighbours share cache lines (build, search, re-rank)
    pivots = faiss.IndexFlatIP(reduced.shape[1])
    pivots.add(reduced[np.random.default_rng(1).choice(n, min(n, 256), replace=False)])
    perm = np.argsort(pivots.search(reduced, 1)[1][:, 0], kind="stable")
    reduced, vectors = np.ascontiguousarray(reduced[perm]), np.ascontiguousarray(vectors[perm])
    index = build_index(reduced, exact_limit=exact_limit)
    _, ids = index.search(reduced, min(2 * k + 1, n))
    sims = np.empty((n, kk), dtype=np.float32)
    top = np.empty((n, kk), dtype=np.int64)
    for s in range(0, n, chunk):
        e = min(n, s + chunk)
        cand = ids[s:e]
        exact = np.einsum("nd,nkd->nk", vectors[s:e], vectors[np.maximum(cand, 0)])
        exact[cand < 0] = -np.inf
        order = np.argsort(-exact, axis=1, kind="stable")[:, :kk]
        sims[s:e] = np.take_along_axis(exact, order, 1)
        top[s:e] = np.take_along_axis(cand, order, 1)
    top = np.where(np.isfinite(sims), perm[np.maximum(top, 0)], -1)
    out_sims, out_ids = np.empty_like(sims), np.empty_like(top)
    out_sims[perm], out_ids[perm] = sims, top
    return out_sims, out_ids


def lexical_pairs(feats: Sequence[Features], *, k: int = 10, max_df: int = LEX_MAX_DF,
                  min_shared: int = LEX_MIN_SHARED) -> list[tuple[int, int]]:
    """Pairs that share at least ``min_shared`` distinctive stems (in at most ``max_df`` claims), at most k per claim.

    Catches what embeddings rank low (a short denial "it is not a signing bonus" against the claim it denies).
    Work is bounded by max_df per stem, so it grows linearly with the number of claims.
    """
    postings: dict[str, list[int]] = {}
    for i, f in enumerate(feats):
        for w in f.stems:
            postings.setdefault(w, []).append(i)
    shared: dict[tuple[int, int], int] = {}
    for ids in postings.values():
        if not 2 <= len(ids) <= max_df:
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                key = (ids[x], ids[y])
                shared[key] = shared.get(key, 0) + 1
    per: dict[int, int] = {}
    out = []
    for (i, j), c in sorted(shared.items(), key=lambda kv: -kv[1]):
        if c < min_shared or per.get(i, 0) >= k or per.get(j, 0) >= k or not allowed(feats[i], feats[j]):
            continue
        per[i] = per.get(i, 0) + 1
        per[j] = per.get(j, 0) + 1
        out.append((i, j))
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
    """The pairing core on precomputed L2-normalised vectors: ``(i, j, cosine)`` with i < j, sorted, unique."""
    n = len(feats)
    if len(vectors) != n:
        raise ValueError(f"{len(vectors)} vectors for {n} claims")
    if n < 2:
        return []
    sims, ids = neighbours(vectors, k, exact_limit=exact_limit)
    seen: dict[tuple[int, int], float] = {}
    for i in range(n):
        fi = feats[i]
        for s, j in zip(sims[i].tolist(), ids[i].tolist()):
            if j < 0 or j == i:
                continue
            key = (i, j) if i < j else (j, i)
            if key in seen:
                continue
            fj = feats[j]
            if not allowed(fi, fj):
                continue
            if feature_score(s, fi, fj) >= min_score:
                seen[key] = float(s)
    if lexical:
        for i, j in lexical_pairs(feats, k=k):
            if (i, j) not in seen:
                seen[(i, j)] = float(np.dot(vectors[i], vectors[j]))
    return [(i, j, s) for (i, j), s in sorted(seen.items())]


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
        from .verdict import load_thresholds

        min_score = load_thresholds().candidate
    if vectors is None:
        vectors = np.asarray(embedder.encode([c.text for c in claims]), dtype=np.float32)
    else:
        vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.where(norms > 0, norms, 1.0)
    return candidates_from_vectors(vectors, [features(c) for c in claims], k=k, min_score=min_score,
                                   exact_limit=exact_limit)
