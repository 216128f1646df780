"""check(): extract -> candidates -> NLI a -> b for every pair, b -> a where a -> b leaves the verdict open ->
decide -> topics -> Report."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import jsonschema
import pytest

from claims.pipeline import check
from claims.report import render_json, schema
from claims.types import Document, Report
from claims.verdict import Thresholds

from conftest import FakeEmbedder, FakeScorer

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

D1 = Document(id="a.txt", lang="en", date="2025-06-20", text=(
    'Sam Altman said: "Meta offered our people signing bonuses of $100 million." '
    'Andrew Bosworth said: "Meta did not offer our people signing bonuses of $100 million."\n'))
D2 = Document(id="b.txt", lang="en", date="2025-06-20", text=(
    'Sam Altman said: "Meta offered our people signing bonuses of $100 million."\n'))


def test_check_scores_the_reverse_direction_only_where_the_forward_leaves_the_verdict_open():
    from claims.pipeline import BACKWARD_SKIP_NEUTRAL

    scorer, emb = FakeScorer(), FakeEmbedder()
    rep = check([D1, D2], scorer=scorer, embedder=emb, thresholds=Thresholds())
    assert isinstance(rep, Report)
    n = rep.meta["counts"]["pairs_scored"]
    forward = scorer.calls[0]
    assert n == len(rep.pairs) and len(forward) == n  # one batched call a -> b for every pair
    open_ = [pair for pair in forward if scorer._row(*pair)[1] < BACKWARD_SKIP_NEUTRAL]
    assert open_  # the contradiction and the agreements of D1/D2
    assert len(scorer.calls) == 2 and scorer.calls[1] == [(b, a) for a, b in open_]  # then b -> a for those only
    assert rep.meta["pairing"]["nli_calls"] == n + len(open_) and rep.meta["pairing"]["backward_scored"] == len(open_)
    assert rep.meta["counts"]["claims"] == len(rep.claims)
    assert rep.meta["counts"]["pairs_possible"] == len(rep.claims) * (len(rep.claims) - 1) // 2
    assert rep.meta["model"] == "fake-nli" and rep.meta["version"]
    assert rep.meta["thresholds"] == Thresholds().to_dict()
    datetime.fromisoformat(rep.meta["created"])
    jsonschema.validate(json.loads(render_json(rep)), schema())


def test_check_finds_the_contradiction_and_the_repeated_quote():
    rep = check([D1, D2], scorer=FakeScorer(), embedder=FakeEmbedder(), thresholds=Thresholds())
    if len(rep.claims) < 3:
        pytest.skip(f"extractor found {len(rep.claims)} claims in the toy articles")
    verdicts = {p.verdict for p in rep.pairs}
    assert "contradiction" in verdicts and "agreement" in verdicts, [(p.verdict, p.reasons) for p in rep.pairs]
    assert rep.topics and rep.topics[0].verdict == "contradiction"


def test_check_with_no_documents():
    scorer = FakeScorer()
    rep = check([], scorer=scorer, embedder=FakeEmbedder())
    assert rep.claims == () and rep.pairs == () and rep.meta["counts"]["pairs_scored"] == 0


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds/ not present")
def test_seeds_with_fakes_show_the_intra_claim_bonus_dispute():
    from claims.documents import read_documents

    from claims.verdict import Thresholds

    # the logic under test, not the tuned cut-offs in claims/thresholds.json
    rep = check(read_documents([SEEDS]), scorer=FakeScorer(), embedder=FakeEmbedder(), thresholds=Thresholds())
    jsonschema.validate(json.loads(render_json(rep)), schema())
    n = len(rep.claims)
    assert rep.meta["counts"]["pairs_scored"] < n * (n - 1) / 2 / 4
    bonus = [t for t in rep.topics if t.verdict == "contradiction" and "100" in t.label]
    assert bonus, [t.label for t in rep.topics]
    assert bonus[0].sides.get("confirm") and bonus[0].sides.get("dispute")


def test_claims_of_different_stories_are_not_linked_by_the_model_alone():
    # the model (a table here) calls every two of these claims contradictory; nothing ties the airline's claim
    # to the club's (no shared name, speaker or distinctive word), so check keeps that pair neutral
    texts = ("An agreement had been reached.", "There is no deal with the pilots.", "There is no deal.")
    d1 = Document(id="club.txt", lang="en", text=f'Valencia\'s spokesman said: "{texts[0]}"\n')
    d2 = Document(id="airline.txt", lang="en", text=f'Per Haugen said: "{texts[1]}"\n')
    d3 = Document(id="club2.txt", lang="en", text=f'Valencia said: "{texts[2]}"\n')
    table = {(x, y): "contradiction" for x in texts for y in texts if x != y}
    rep = check([d1, d2, d3], scorer=FakeScorer(table), embedder=FakeEmbedder(), thresholds=Thresholds(candidate=0.0))
    docs = {c.id: c.doc for c in rep.claims}
    verdicts = {frozenset((docs[p.a], docs[p.b])): p for p in rep.pairs}
    unrelated = verdicts[frozenset(("club.txt", "airline.txt"))]
    assert unrelated.verdict == "neutral" and any(r.startswith("no shared name") for r in unrelated.reasons)
    # Valencia ties the third article to the first: the model's contradiction stands there
    assert verdicts[frozenset(("club.txt", "club2.txt"))].verdict == "contradiction"
