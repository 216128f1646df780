"""Candidate pairing: recall on small synthetic sets, the never-pair rules, cross-lingual pairs, linear growth."""

from __future__ import annotations

import time

import numpy as np
import pytest

from claims.pair import Features, candidates, candidates_from_vectors, features
from claims.types import Claim, Speaker

from conftest import FakeEmbedder


def mk(cid, text, doc, speaker=None, start=0):
    sp = Speaker(speaker, 0, len(speaker), speaker.casefold()) if speaker else None
    return Claim(id=cid, doc=doc, start=start, end=start + len(text), text=text, kind="reported", speaker=sp)


def test_cross_lingual_and_cross_article_pairs():
    ar = "أشعر بشعور غريب الآن كما لو أن أحدهم اقتحم منزلنا"
    en = "I feel a visceral feeling right now, as if someone has broken into our home"
    claims = [
        mk("d1#c1", ar, "d1", "Chen"),
        mk("d2#c1", en, "d2", "Chen"),
        mk("d2#c2", "The company closed for a week", "d2", "Altman", start=100),
        mk("d3#c1", "Perplexity doubled its workforce", "d3", "Ho"),
    ]
    emb = FakeEmbedder(aliases={ar: en})
    pairs = candidates(claims, emb, k=3, min_score=0.5)
    assert (0, 1) in {(i, j) for i, j, _ in pairs}
    for i, j, s in pairs:
        assert i < j and -1.0001 <= s <= 1.0001
    assert emb.calls == 1


def test_never_self_same_span_or_same_source_in_one_article():
    t = "Meta offered one hundred million dollars"
    claims = [
        mk("d1#c1", t, "d1", "Altman"),
        mk("d1#c2", t, "d1", "Altman", start=50),      # same article, same source: not paired
        mk("d1#c3", t, "d1", "Bosworth", start=100),   # same article, other source: paired
        mk("d1#dup", t, "d1", "Bosworth", start=100),  # same span as d1#c3: never paired with it
        mk("d2#c1", t, "d2", "Altman"),                # other article: paired
    ]
    pairs = {(i, j) for i, j, _ in candidates(claims, FakeEmbedder(), k=10, min_score=0.0)}
    assert all(i != j for i, j in pairs)
    assert (0, 1) not in pairs and (2, 3) not in pairs
    assert (0, 2) in pairs and (0, 4) in pairs and (2, 4) in pairs
    assert (1, 3) in pairs


def test_fewer_than_two_claims():
    assert candidates([], FakeEmbedder()) == []
    assert candidates([mk("a", "x", "d")], FakeEmbedder()) == []


def _synthetic(n, dim=32, group=4, seed=0):
    rng = np.random.default_rng(seed)
    gid = np.arange(n) // group
    centres = rng.standard_normal((gid.max() + 1, dim)).astype(np.float32)
    v = centres[gid] + 0.15 * rng.standard_normal((n, dim)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    feats = [Features(f"doc{(i % group) + 10 * (gid[i] % 7)}", (i, i + 5), None, frozenset(), frozenset(), frozenset())
             for i in range(n)]
    return v, feats, gid


@pytest.mark.parametrize("exact_limit", [10_000, 100])  # exact search, and HNSW
def test_recall_on_synthetic_groups(exact_limit):
    v, feats, gid = _synthetic(800)
    pairs = candidates_from_vectors(v, feats, k=5, min_score=0.5, exact_limit=exact_limit)
    truth = {(i, j) for i in range(800) for j in range(i + 1, 800) if gid[i] == gid[j]}
    found = {(i, j) for i, j, _ in pairs} & truth
    assert len(found) / len(truth) >= 0.95
    assert len(pairs) <= 800 * 5  # at most k per claim, not n^2


def test_candidate_count_and_time_grow_about_linearly():
    def run(n):
        v, feats, _ = _synthetic(n, seed=n)
        t = time.perf_counter()
        p = candidates_from_vectors(v, feats, k=5, min_score=0.5, exact_limit=500)
        return time.perf_counter() - t, len(p)

    run(300)  # warm up
    t1, p1 = run(1000)
    t2, p2 = run(4000)
    assert p1 <= 1000 * 5 and p2 <= 4000 * 5  # bounded by n * k, never n^2 / 2
    assert t2 <= 4 * max(t1, 0.005) * 3  # generous: shared CPU


def test_features_normalise_names():
    c = Claim(id="a", doc="d", start=0, end=10, text="OpenAI and Meta", kind="statement",
              speaker=Speaker("سام ألتمان", 0, 10, "altman"))
    f = features(c)
    assert f.speaker == "altman" and {"openai", "meta", "altman"} <= f.actors


def test_lexical_channel_pairs_a_short_denial_with_the_claim_it_denies():
    claims = [mk("d1#c1", "زوكربيرغ قدم مكافآت توقيع تصل إلى 100 مليون دولار", "d1", "Altman")]
    claims += [mk(f"d3#c{n}", f"unrelated sentence number {n} about weather", "d3", f"P{n}", start=40 * n) for n in range(1, 30)]
    claims.append(mk("d2#c1", "إنها ليست مكافأة توقيع – إنها كل هذه الأشياء المختلفة", "d2", "Bosworth"))
    # an embedder that puts the two far apart: only the shared stems (مكاف, توقيع) can pair them
    emb = FakeEmbedder(aliases={claims[-1].text: "weather number 7 about unrelated sentence"})
    with_lex = {(i, j) for i, j, _ in candidates(claims, emb, k=2, min_score=0.0)}
    assert (0, len(claims) - 1) in with_lex
    feats = [features(c) for c in claims]
    v = emb.encode([c.text for c in claims])
    without = {(i, j) for i, j, _ in candidates_from_vectors(v, feats, k=2, min_score=0.0, lexical=False)}
    assert (0, len(claims) - 1) not in without


def test_rebuttal_channel_pairs_a_rebuttal_with_the_rebutted_speakers_claims():
    def reb(c, name):
        return Claim(**{**c.__dict__, "rebuts": Speaker(name, 0, len(name), name.casefold())})

    claims = [mk("d1#c1", "Meta did not get our top people", "d1", "Altman"),
              mk("d1#c2", "We are building AGI the right way", "d1", "Altman", start=50)]
    claims += [mk(f"d3#c{n}", f"unrelated sentence number {n} about weather", "d3", f"P{n}", start=40 * n) for n in range(1, 30)]
    claims.append(reb(mk("d1#c3", "We are succeeding", "d1", "Bosworth", start=100), "Altman"))
    claims.append(mk("d2#c1", "Meta did not get our top people", "d2", "Altman"))  # another article: not by this channel
    emb = FakeEmbedder(aliases={claims[-2].text: "weather number 7 about unrelated sentence"})
    pairs = {(i, j) for i, j, _ in candidates(claims, emb, k=2, min_score=0.99)}
    r = len(claims) - 2
    assert (0, r) in pairs and (1, r) in pairs
    assert (r, r + 1) not in pairs


def test_stems_drop_a_lone_proclitic_before_alef():
    from claims.pair import stems

    assert {"استقطاب", "افضل"} <= stems("لاستقطاب أفضل كفاءاتنا")
    assert stems("الباحثين") == stems("باحثين") == stems("باحث")  # suffix first, so a short word keeps its letter


def test_lexical_channel_prefers_rare_shared_words():
    from claims.pair import lexical_pairs

    common = "meta openai"
    claims = [mk("d0#c1", f"{common} poaching talent", "d0", "A")]
    claims += [mk(f"d{n}#c1", f"{common} filler{n}", f"d{n}", f"P{n}") for n in range(1, 8)]
    claims.append(mk("d9#c1", "poaching talent elsewhere", "d9", "Z"))
    pairs = lexical_pairs([features(c) for c in claims], k=1)
    assert (0, len(claims) - 1) in pairs  # two rare words beat two words every claim has


def test_anchors_tie_claims_to_their_story():
    from claims.pair import anchors

    t1 = "قال سام ألتمان إن ميتا عرضت مكافآت توقيع"
    t2 = "Bosworth, Meta's CTO, said it was not a signing bonus"
    t3 = "The minister said the dam would open next year"
    claims = [mk("d1#c1", "ميتا عرضت مكافآت توقيع", "d1", "ألتمان", start=t1.index("ميتا")),
              mk("d2#c1", "it was not a signing bonus", "d2", "Bosworth", start=t2.index("it was")),
              mk("d3#c1", "the dam would open next year", "d3", "minister", start=t3.index("the dam"))]
    claims = [Claim(**{**c.__dict__, "sentence": (0, len(t))}) for c, t in zip(claims, (t1, t2, t3))]
    a = anchors(claims, {"d1": t1, "d2": t2, "d3": t3})
    assert "meta" in a[0] & a[1]  # ميتا and Meta: one name
    assert not (a[0] | a[1]) & a[2]
