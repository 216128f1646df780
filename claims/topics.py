"""Topics: claims grouped around a centre claim, who stands where, and the summary of findings to read first.

Each topic lists who confirms and who disputes: every stance of every claim is placed on a side by the
claim's own stance (denies/disputes -> dispute) and, for claims that assert, by whether their content
contradicts the topic's centre claim. Plus any single claim that carries opposite stances itself
("confirmed by OpenAI insiders but disputed by Meta sources"). The renderers in :mod:`claims.report`
show what this module builds.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from . import verdict as registry  # the rule registry: RULE_DECIDED, LINK_RULES (read at call time)
from .types import Claim, Document, Pair, Report, Topic

VERDICT_ORDER = {"contradiction": 0, "agreement": 1, "neutral": 2}
def rule_decided(pair: Pair) -> bool:
    """True when a rule (stance conflict, rebuttal, same quote, quantity conflict, shared denial) decided the
    pair's verdict, not the model's scores alone (``Pair.rule`` in ``verdict.RULE_DECIDED``)."""
    return pair.verdict != "neutral" and pair.rule in registry.RULE_DECIDED


def evidence_counts(report: Report) -> dict[str, int]:
    """Contradictions and agreements, each split into rule-decided and model-only."""
    out = {"contradiction_rule": 0, "contradiction_model": 0, "agreement_rule": 0, "agreement_model": 0}
    for p in report.pairs:
        if p.verdict in ("contradiction", "agreement"):
            out[f"{p.verdict}_{'rule' if rule_decided(p) else 'model'}"] += 1
    return out


def _is_rule_basis(basis: str | None) -> bool:
    return bool(basis) and basis != "the topic's claim" and not basis.startswith(("model: ", "similar", "related"))


def summary(report: Report, limit: int = 5, who: dict[int, dict[str, list[dict[str, Any]]]] | None = None) -> list[dict[str, Any]]:
    """The findings worth reading first: contradiction topics disputed by a named or explicit source on
    each side, and agreement topics backed by a rule (the same quote, a shared denial), in report order.

    Each item: ``{"topic", "verdict", "label", "for": [names], "against": [names], "docs": [ids]}``.
    ``who`` is :func:`who_by_topic`'s result when the caller has it already.
    """
    from .verdict import polarity

    who_all = who if who is not None else who_by_topic(report)
    out = []
    for t in report.topics:
        who = who_all[t.id]
        docs = sorted({r["doc"] for rows in who.values() for r in rows})
        if t.verdict == "contradiction":
            # a dispute the text voices: a source that denies or disputes (on this claim or on one the topic links
            # to it), or a rule (stance conflict, rebuttal, quantity conflict)
            con = [r for r in who.get("dispute", []) if polarity(r["stance"]) < 0 or _is_rule_basis(r.get("basis"))]
            against = {r["source"] or "the article" for r in con}
            pro = [r for r in who.get("confirm", []) if r["source"] and r["source"] not in against]
            if not (pro and con):
                continue
        elif t.verdict == "agreement":
            pro = [r for rows in who.values() for r in rows if r.get("basis") == "the topic's claim" or _is_rule_basis(r.get("basis"))]
            con = []
            if len(pro) < 2:
                continue
        else:
            continue

        def names(rows):
            return list(dict.fromkeys(r["source"] or "the article" for r in rows))

        out.append({"topic": t.id, "verdict": t.verdict, "label": t.label, "for": names(pro), "against": names(con),
                    "docs": docs})
        if len(out) >= limit:
            break
    return out


def summary_text(item: dict[str, Any]) -> str:
    """One summary item as a line of text."""
    n = len(item["docs"])
    docs = f"{n} document{'s' if n != 1 else ''}"
    if item["verdict"] == "contradiction":
        return (f"Disputed (topic {item['topic']}): “{item['label']}” — for: {', '.join(item['for'])}; "
                f"against: {', '.join(item['against'])} ({docs})")
    return f"Agreed (topic {item['topic']}): “{item['label']}” — {', '.join(item['for'])} ({docs})"


def _evidence_line(report: Report) -> str:
    n = evidence_counts(report)
    return (f"Evidence: {n['contradiction_rule']} contradictions decided by a rule (stance conflict, rebuttal, quantity "
            f"conflict) and {n['contradiction_model']} by the model alone; {n['agreement_rule']} agreements by a rule "
            f"(same quote, shared denial) and {n['agreement_model']} by the model alone. Model-only verdicts are leads "
            f"to check, not findings.")
SIDES = ("confirm", "dispute", "hedge")


def build_topics(claims: Sequence[Claim], pairs: Sequence[Pair], thresholds, documents: Sequence[Document] = ()):
    """Group claims into topics; returns (pairs with ``topic`` set, topics), contradictions first.

    Topics are stars, not connected components: chains of pairwise links between loosely related claims
    would otherwise pull a whole story into one topic. A topic is a centre claim with every claim linked
    to it (a claim may sit in several topics). Centres are taken strongest first (links decided by a rule
    -- stance conflict, same quote, quantity conflict -- count extra); a claim already in a topic is not
    made a centre again.
    """
    by_id = {c.id: c for c in claims}
    edges = _edges(by_id, pairs, thresholds)
    total = {cid: sum(_weight(p) for _, p in edges[cid]) for cid in by_id}
    order = {c.id: n for n, c in enumerate(claims)}
    drafts = [d for centre, members in _star_groups(by_id, edges, total).items()
              if (d := _draft_topic(centre, members, by_id, edges, total, order)) is not None]
    drafts.sort(key=lambda d: d[0])
    topics, topic_of_centre, topics_of = [], {}, defaultdict(list)
    for n, (_, members, verdict, label, sides, centre) in enumerate(drafts, 1):
        members = sorted(members, key=order.__getitem__)
        topics.append(Topic(id=n, label=label, claims=tuple(members), verdict=verdict,
                            sides={k: tuple(v) for k, v in sides.items() if v}, centre=centre))
        topic_of_centre[centre] = n
        for m in members:
            topics_of[m].append(n)
    out = []
    for p in pairs:  # a pair belongs to the topic centred on one of its claims, else to the first holding both
        t = topic_of_centre.get(p.a) or topic_of_centre.get(p.b)
        if t is None or t not in topics_of[p.a] or t not in topics_of[p.b]:
            both = [n for n in topics_of[p.a] if n in topics_of[p.b]]
            t = both[0] if both else None
        out.append(replace(p, topic=t))
    out.sort(key=lambda p: (VERDICT_ORDER.get(p.verdict, 3), -(p.scores.get("contradiction", 0) if p.verdict == "contradiction" else p.scores.get("entailment", 0))))
    return out, topics


def _weight(p: Pair) -> float:
    rule = p.rule in registry.LINK_RULES
    return (1.0 if rule else 0.0) + max(p.scores.get("contradiction", 0.0), p.scores.get("entailment", 0.0))


def _edges(by_id: dict[str, Claim], pairs: Sequence[Pair], thresholds) -> dict[str, list[tuple[str, Pair]]]:
    """Claim -> (linked claim, pair) for pairs with a verdict, or neutral ones at least ``thresholds.topic`` similar."""
    edges: dict[str, list[tuple[str, Pair]]] = defaultdict(list)
    for p in pairs:
        linked = p.verdict != "neutral" or (p.similarity is not None and p.similarity >= thresholds.topic)
        if linked and p.a in by_id and p.b in by_id:
            edges[p.a].append((p.b, p))
            edges[p.b].append((p.a, p))
    return edges


def _star_groups(by_id, edges, total) -> dict[str, list[str]]:
    """Centre -> members, centres strongest first; a claim alone only when it carries both stances itself."""
    placed: set[str] = set()
    groups: dict[str, list[str]] = {}
    for centre in sorted((cid for cid in by_id if edges[cid]), key=lambda cid: (-total[cid], cid)):
        if centre in placed:
            continue
        members = [centre] + sorted({y for y, _ in edges[centre]})
        groups[centre] = members
        placed.update(members)
    for cid in sorted(set(by_id) - placed):  # a claim confirmed and disputed in one sentence is a topic of its own
        groups[cid] = [cid]
    return groups


def _draft_topic(centre, members, by_id, edges, total, order):
    """(sort key, members, verdict, label, sides, centre) for one star, or None when it is no topic."""
    from .verdict import intra_conflict

    intra = [m for m in members if intra_conflict(by_id[m])]
    if len(members) < 2 and not intra:
        return None
    ps = [p for y, p in edges[centre]]
    verdicts = {p.verdict for p in ps}
    verdict = "contradiction" if "contradiction" in verdicts or intra else "agreement" if "agreement" in verdicts else "neutral"
    sides, named_confirm, denying = _sides(centre, members, by_id, edges, order)
    label = _short(by_id[centre].text, 90)
    # rank: a dispute voiced by sources on both sides (named sources confirming, sources explicitly denying
    # or disputing: the smaller count) first -- what a fact-checker looks for; then links decided by a rule
    # for the topic's own verdict (stance conflict, same quote, quantity conflict), then claims on both
    # sides, then the weight of all links; a hub claim weakly linked to many others sinks
    for p in ps:  # a rebuttal voices both sides: the rebutted speaker and the one who answers
        if p.verdict == "contradiction" and p.rule == "rebuttal":
            x, y = by_id[p.a], by_id[p.b]
            answer, target = (x, y) if x.rebuts and y.speaker and x.rebuts.name == y.speaker.name else (y, x)
            denying.add(answer.speaker.name)
            named_confirm.add(target.speaker.name)
    voiced = min(len(named_confirm), len(denying)) if verdict == "contradiction" else 0
    two_sided = min(len(sides["confirm"]), len(sides["dispute"]))
    rules = sum(_weight(p) >= 1.0 and p.verdict == verdict for p in ps)  # a same-quote link is no evidence of a dispute
    key = (VERDICT_ORDER[verdict], -voiced, -rules, -two_sided, -total.get(centre, 0.0), min(order[m] for m in members))
    return key, members, verdict, label, sides, centre


def _sides(centre, members, by_id, edges, order):
    """Each member's stances placed on a side relative to the centre claim (its reference), with the named
    sources confirming the reference side and the sources explicitly denying or disputing."""
    from .verdict import is_content_contradiction, polarity, stances_of

    memberset = set(members)
    sign = {centre: 1}
    queue = deque([centre])
    while queue:
        x = queue.popleft()
        for y, p in edges[x] if x == centre else ():  # signs relative to the centre
            if y not in sign and y in memberset:
                sign[y] = -sign[x] if is_content_contradiction(p) else sign[x]
                queue.append(y)
    sides: dict[str, list[str]] = {s: [] for s in SIDES}
    named_confirm: set[str] = set()  # named sources that confirm or assert the reference side
    denying: set[str] = set()  # sources that explicitly deny or dispute (the article included)
    for m in sorted(members, key=order.__getitem__):
        for st, src in stances_of(by_id[m]):
            pol = polarity(st)
            side = "hedge" if pol == 0 else "dispute" if pol < 0 else ("confirm" if sign.get(m, 1) > 0 else "dispute")
            if m not in sides[side]:
                sides[side].append(m)
            if pol < 0:
                denying.add(src or f"the article {by_id[m].doc}")
            elif pol > 0 and side == "confirm" and src:
                named_confirm.add(src)
    return sides, named_confirm, denying


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def basis(pair: Pair | None) -> str | None:
    """Why a claim sits where it does relative to the topic's centre, from the pair linking them, in a few
    words: the rule that decided it, or the model's score when only the model did."""
    if pair is None:
        return None
    if pair.rule in registry.RULE_DECIDED and pair.verdict != "neutral":
        own = next((r for r in pair.reasons if r != "content contradiction"), pair.rule)
        if pair.rule == "stance_conflict":  # without the sources
            return "stance conflict"
        return own.split(" (")[0] if pair.rule == "rebuttal" else own  # a rebuttal without its score
    if pair.verdict == "contradiction":
        return f"model: contradiction {pair.scores['contradiction']:.2f}"
    if pair.verdict == "agreement":
        return f"model: entailment {pair.scores['entailment']:.2f}"
    return f"similar ({pair.similarity:.2f})" if pair.similarity is not None else "related"


def who_by_topic(report: Report) -> dict[int, dict[str, list[dict[str, Any]]]]:
    """Who stands where in every topic (topic id -> side -> rows), from one pass over the claims and pairs."""
    claims = {c.id: c for c in report.claims}
    docs = {d.id: d for d in report.documents}
    links: dict[str, dict[str, Pair]] = {t.centre: {} for t in report.topics if t.centre}
    for p in report.pairs:  # each centre's links, by the other claim
        if p.a in links:
            links[p.a][p.b] = p
        if p.b in links:
            links[p.b][p.a] = p
    return {t.id: _side_entries(t, claims, docs, links.get(t.centre, {})) for t in report.topics}


def _side_entries(topic: Topic, claims: dict[str, Claim], docs: dict[str, Document],
                  link: dict[str, Pair]) -> dict[str, list[dict[str, Any]]]:
    """Who stands where in a topic: one entry per (claim, stance source), with the ``basis`` of its place
    (``link``: the pair joining each claim to the topic's centre)."""
    from .verdict import polarity

    out: dict[str, list[dict[str, Any]]] = {}
    for side, ids in topic.sides.items():
        rows = []
        for cid in ids:
            c = claims[cid]
            confirmed = cid in topic.sides.get("confirm", ())
            for st in list(c.stances) or [None]:
                stance = st.stance if st else c.stance
                pol = polarity(stance)
                if side == "hedge":
                    keep = pol == 0
                elif side == "confirm":
                    keep = pol > 0
                else:  # dispute: denials, and assertions of a contradicting content
                    keep = pol < 0 or (pol > 0 and not confirmed)
                if not keep:
                    continue
                src = st.source if st is not None else c.speaker
                d = docs.get(c.doc)
                rows.append({
                    "claim": cid,
                    "source": src.text if src else None,
                    "source_name": src.name if src else None,
                    "stance": stance,
                    "doc": c.doc,
                    "date": d.date if d else None,
                    "quote": c.text,
                    "basis": "the topic's claim" if cid == topic.centre else basis(link.get(cid)),
                })
        out[side] = sorted(rows, key=_basis_rank)  # the topic's claim, then rule-decided, then the model's surest
    return out


def _basis_rank(row: dict[str, Any]) -> tuple[int, float]:
    b = row.get("basis") or ""
    if b == "the topic's claim":
        return (0, 0.0)
    if b.startswith("model: "):
        return (2, -float(b.rsplit(" ", 1)[-1]))
    return (3, 0.0) if b.startswith(("similar", "related")) or not b else (1, 0.0)


# --- JSON -------------------------------------------------------------------------------------------

