"""Topics: claims grouped around a centre claim, who stands where, and the summary of findings to read first.

Each topic lists who confirms and who disputes: every stance of every claim is placed on a side by the
claim's own stance (denies/disputes -> dispute) and, for claims that assert, by whether their content
contradicts the topic's centre claim. Plus any single claim that carries opposite stances itself
("confirmed by OpenAI insiders but disputed by Meta sources"). The renderers in :mod:`claims.report`
show what this module builds.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, replace
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


class SourceNames:
    """Who a side lists: people, organisations and outlets, one label each across scripts and spellings.

    A mention that names someone (``claims.extract.names.is_named_source``) is listed under one label per
    person or body: its normalised key (``Sam Altman``, ``Altman`` and ``ألتمان`` share ``altman``), with an
    Arabic-script key merged into a Latin one of the same report when their consonant skeletons match
    (``ترامب`` -> ``trump``); the label is the key's Latin spelling as the texts (or the names tables) give
    it. A pronoun, a common noun or an anonymous source is never a side: the article's own outlet
    (``Document.source``, else its id) stands for it.
    """

    def __init__(self, report: Report):
        from .extract.names import is_named_source

        self.docs = {d.id: d for d in report.documents}
        mentions: dict[str, list[str]] = defaultdict(list)
        self.named: set[tuple[str, str]] = set()
        unnamed: set[tuple[str, str]] = set()
        for c in report.claims:
            for src in [c.speaker] + [st.source for st in c.stances]:
                if src is None or not src.name:
                    continue
                if is_named_source(src.text, src.name):
                    self.named.add((src.text, src.name))
                    mentions[src.name].append(src.text)
                else:
                    unnamed.add((src.text, src.name))
        # an Arabic-script mention that transliterates a name the report names in Latin script is that name
        latin = _latin_skeletons(mentions)
        for text, key in unnamed:
            if _script_match(key, latin):
                self.named.add((text, key))
                mentions[key].append(text)
        self.merged = {key: m for key in mentions if (m := _script_match(key, latin))}
        self.labels = {}
        for key in mentions:
            target = self.merged.get(key, key)
            self.labels[key] = _label(target, mentions.get(target, []) + mentions[key])

    def label(self, text: str | None, key: str | None, doc: str | None) -> str:
        if text and key and (text, key) in self.named:
            return self.labels[key]
        d = self.docs.get(doc or "")
        if d is not None and d.source:  # the outlet, without the notes a sidecar may add ("X (republished); ...")
            return re.split(r"\s*[;(]", d.source, maxsplit=1)[0].strip() or d.source
        return f"the article {doc}" if doc else "the article"


def _latin_skeletons(mentions: dict[str, list[str]]) -> dict[str, list[str]]:
    """Consonant skeleton (at least three consonants) -> the Latin-script keys of the report that have it."""
    from .extract.names import skeleton

    latin: dict[str, list[str]] = defaultdict(list)
    for key in mentions:
        if re.fullmatch(r"[a-z0-9 .'\-]+", key):
            sk = skeleton(key.split()[-1])
            if len(sk) >= 3:
                latin[sk].append(key)
    return latin


def _script_match(key: str, latin: dict[str, list[str]]) -> str | None:
    """The one Latin key with an Arabic-script ``key``'s skeleton, or None (none, or more than one)."""
    from .extract.names import skeleton

    if not re.search(r"[\u0600-\u06ff]", key):
        return None
    match = latin.get(skeleton(key.split()[-1]), [])
    return match[0] if len(match) == 1 else None


def _label(key: str, texts: list[str]) -> str:
    """The Latin spelling of a name as the texts write it (most common, then longest), else the names
    tables' first English spelling, else the commonest mention."""
    from .quantities import load_table

    spelled = []
    for t in texts:
        words = re.findall(r"[A-Z][\w&.'\-]*(?:[ /][A-Z][\w&.'\-]*)*", t)
        spelled += [w for w in words if skeleton_key(w) == skeleton_key(key) or w.casefold().endswith(key.split()[-1])]
    if spelled:
        counts = Counter(spelled)
        return max(counts, key=lambda w: (counts[w], len(w)))
    variants = load_table("en").get("names", {}).get(key)
    if variants:
        return variants[0]
    if re.fullmatch(r"[a-z0-9 .'\-]+", key):
        return key.title()
    return Counter(texts).most_common(1)[0][0] if texts else key


def skeleton_key(word: str) -> str:
    from .extract.names import skeleton

    return skeleton(word.split()[-1]) if word.split() else ""


def finding_pairs(report: Report) -> dict[int, list[Pair]]:
    """Topic id -> its pairs with the topic's own verdict, surest first."""
    verdict = {t.id: t.verdict for t in report.topics}
    out: dict[int, list[Pair]] = defaultdict(list)
    for p in report.pairs:
        if p.topic is not None and p.verdict == verdict.get(p.topic):
            out[p.topic].append(p)
    for ps in out.values():  # surest first: by confidence, then rule-decided before model-only, then the model's score
        ps.sort(key=lambda p: (-(p.confidence if p.confidence is not None else -1.0), not rule_decided(p),
                               -max(p.scores.get("contradiction", 0.0), p.scores.get("entailment", 0.0))))
    return out


@dataclass(frozen=True)
class View:
    """What the report's default view shows: the topics and the pairs that are findings; the rest are leads."""

    topics: frozenset[int]
    pairs: frozenset[tuple[str, str]]

    def shows(self, pair: Pair) -> bool:
        return (pair.a, pair.b) in self.pairs


def default_view(report: Report, who: dict[int, dict[str, list[dict[str, Any]]]] | None = None,
                 found: dict[int, list[Pair]] | None = None) -> View:
    """The findings of the default view.

    With a calibration (pairs carry a confidence) a pair is shown when its confidence reaches its verdict's
    cut (``Pair.shown``), and a topic when one of its pairs of the topic's verdict is. Without one, a
    topic is shown when the text voices its dispute (a named source confirms and a source denies or
    disputes, or a rule decided a link) or a rule backs its agreement, and then so are its pairs of that
    verdict; a pair in no topic is shown when a rule decided it. Model-only verdicts are leads.
    """
    who_all = who if who is not None else who_by_topic(report)
    found = found if found is not None else finding_pairs(report)
    topics, pairs = set(), set()
    for t in report.topics:
        ps = found.get(t.id, [])
        if any(p.shown is not None for p in ps):
            mine = {(p.a, p.b) for p in ps if p.shown}
            if mine:
                topics.add(t.id)
                pairs |= mine
        elif _voiced(t, who_all[t.id]):
            topics.add(t.id)
            pairs |= {(p.a, p.b) for p in ps}
    for p in report.pairs:  # the rest: by their own confidence, or, without one, when a rule decided them
        if p.verdict != "neutral" and (p.shown or (p.shown is None and rule_decided(p))):
            pairs.add((p.a, p.b))
    return View(frozenset(topics), frozenset(pairs))


def _voiced(t: Topic, who: dict[str, list[dict[str, Any]]]) -> bool:
    """Without a calibration: a contradiction topic whose dispute the text voices (a named source confirms, and
    a source denies or disputes, or a rule decided a link), an agreement topic backed by a rule."""
    from .verdict import polarity

    if t.verdict == "contradiction":
        con = [r for r in who.get("dispute", []) if polarity(r["stance"]) < 0 or _is_rule_basis(r.get("basis"))]
        against = {r["source"] or "the article" for r in con}
        pro = [r for r in who.get("confirm", []) if r["source"] and r["source"] not in against]
        return bool(pro and con)
    if t.verdict == "agreement":
        pro = [r for rows in who.values() for r in rows
               if r.get("basis") == "the topic's claim" or _is_rule_basis(r.get("basis"))]
        return len(pro) >= 2
    return False


def shown_topics(report: Report) -> set[int]:
    """Ids of the topics in the default view (:func:`default_view`)."""
    return set(default_view(report).topics)


def why(pair: Pair) -> str:
    """Why a finding holds, in a few words: the rule and its evidence, or the model's score."""
    if pair.rule == "stance_conflict":
        return "stance conflict: " + next((r for r in pair.reasons if r.startswith("stance conflict")), "").split(": ", 1)[-1]
    if pair.rule == "quantity_conflict":
        return "figures: " + "; ".join(r.split("): ", 1)[-1] for r in pair.reasons if r.startswith("quantity conflict"))
    if pair.rule in ("rebuttal", "same_quote", "shared_denial", "denial"):
        return next((r for r in pair.reasons if r != "content contradiction"), pair.rule.replace("_", " "))
    if pair.verdict == "contradiction":
        return f"model: contradiction {pair.scores['contradiction']:.2f} both ways (mean)"
    return f"model: entailment {pair.scores['entailment']:.2f}"


def summary(report: Report, limit: int | None = None, who: dict[int, dict[str, list[dict[str, Any]]]] | None = None,
            *, leads: bool = False) -> list[dict[str, Any]]:
    """The findings of the default view: every topic with a pair of its own verdict that is *shown* (its
    calibrated confidence at least the verdict's cut, see ``claims.confidence``), in report order; with
    ``leads=True``, the other contradiction and agreement topics instead.

    Each item: ``{"topic", "verdict", "label", "confidence", "why", "for": [sources], "against": [sources],
    "docs": [ids]}``; sources are people, organisations and outlets (:class:`SourceNames`). ``who`` is
    :func:`who_by_topic`'s result when the caller has it already.
    """
    who_all = who if who is not None else who_by_topic(report)
    found = finding_pairs(report)
    view = default_view(report, who_all, found)
    names = SourceNames(report)
    claims = {c.id: c for c in report.claims}
    out = []
    for t in report.topics:
        ps = found.get(t.id, [])
        if t.verdict not in ("contradiction", "agreement") or not ps:
            continue
        shown = [p for p in ps if view.shows(p)]
        if (t.id in view.topics) == leads:
            continue
        best = (shown or ps)[0]
        rows = who_all[t.id]
        docs = sorted({r["doc"] for side in rows.values() for r in side})

        def label(r):
            return names.label(r["source"], r["source_name"], r["doc"])

        if t.verdict == "contradiction":
            pro = [label(r) for r in rows.get("confirm", [])]
            con = [label(r) for r in rows.get("dispute", [])]
            own = _pair_sides(best, claims, t.centre, names)
            if own:  # the finding's own pair first: the claim at (or nearer) the centre confirms, the other disputes
                pro, con = [own[0]] + pro, [own[1]] + con
            both = set(pro) & set(con) - set(own or ())
            pro = [x for x in dict.fromkeys(pro) if x not in both]
            con = [x for x in dict.fromkeys(con) if x not in both]
        else:
            pro, con = list(dict.fromkeys(label(r) for side in rows.values() for r in side)), []
        out.append({"topic": t.id, "verdict": t.verdict, "label": t.label,
                    "confidence": None if best.confidence is None else round(best.confidence, 3),
                    "why": why(best), "for": pro, "against": con, "docs": docs})
        if limit is not None and len(out) >= limit:
            break
    return out


def _pair_sides(pair: Pair, claims: dict[str, Claim], centre: str | None, names: SourceNames) -> tuple[str, str] | None:
    """(the confirming side's source, the disputing side's) of a contradiction pair: the claim that denies or
    disputes is against; else the claim at the topic's centre is for."""
    from .verdict import polarity

    a, b = claims.get(pair.a), claims.get(pair.b)
    if a is None or b is None:
        return None
    if polarity(a.stance) < 0 <= polarity(b.stance) or (polarity(b.stance) >= 0 and b.id == centre):
        a, b = b, a
    return names.label(*_src(a), a.doc), names.label(*_src(b), b.doc)


def _src(c: Claim) -> tuple[str | None, str | None]:
    return (c.speaker.text, c.speaker.name) if c.speaker else (None, None)


def leads(report: Report, who: dict[int, dict[str, list[dict[str, Any]]]] | None = None) -> list[dict[str, Any]]:
    """The contradiction and agreement topics below the confidence cut, as :func:`summary` items: leads to check."""
    return summary(report, who=who, leads=True)


def summary_text(item: dict[str, Any]) -> str:
    """One summary item as a line of text."""
    n = len(item["docs"])
    docs = f"{n} document{'s' if n != 1 else ''}"
    conf = f", confidence {item['confidence']:.2f}" if item.get("confidence") is not None else ""
    why = f"; {item['why']}" if item.get("why") else ""
    if item["verdict"] == "contradiction":
        return (f"Disputed (topic {item['topic']}): “{item['label']}” — for: {', '.join(item['for'])}; "
                f"against: {', '.join(item['against'])} ({docs}{conf}{why})")
    return f"Agreed (topic {item['topic']}): “{item['label']}” — {', '.join(item['for'])} ({docs}{conf}{why})"


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
    from .verdict import polarity

    # a denial answers a claim: the claim, not its denial, is what the topic is about (denials centre last)
    for centre in sorted((cid for cid in by_id if edges[cid]),
                         key=lambda cid: (polarity(by_id[cid].stance) < 0, -total[cid], cid)):
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

