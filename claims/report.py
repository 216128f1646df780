"""Topics and the three reports: report.json (schema: claims/report.schema.json), report.md, report.html.

Topics are connected components over the judged pairs (contradiction, agreement, and
neutral pairs at least ``Thresholds.topic`` similar), plus any single claim that carries
opposite stances itself ("confirmed by OpenAI insiders but disputed by Meta sources").
Each topic lists who confirms and who disputes: every stance of every claim is placed on
a side by the claim's own stance (denies/disputes -> dispute) and, for claims that assert,
by whether their content contradicts the topic's reference claim.
"""

from __future__ import annotations

import html
import json
import os
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .types import Claim, Document, InputError, Pair, Report, Topic
from . import verdict as registry  # the rule registry: RULE_DECIDED, LINK_RULES (read at call time)

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


# --- topics -----------------------------------------------------------------------------------------

def build_topics(claims: Sequence[Claim], pairs: Sequence[Pair], thresholds, documents: Sequence[Document] = ()):
    """Group claims into topics; returns (pairs with ``topic`` set, topics), contradictions first."""
    from .verdict import intra_conflict, is_content_contradiction, polarity, stances_of

    by_id = {c.id: c for c in claims}

    def linked(p: Pair) -> bool:
        return p.verdict != "neutral" or (p.similarity is not None and p.similarity >= thresholds.topic)

    def weight(p: Pair) -> float:
        rule = p.rule in registry.LINK_RULES
        return (1.0 if rule else 0.0) + max(p.scores.get("contradiction", 0.0), p.scores.get("entailment", 0.0))

    edges: dict[str, list[tuple[str, Pair]]] = defaultdict(list)
    for p in pairs:
        if linked(p) and p.a in by_id and p.b in by_id:
            edges[p.a].append((p.b, p))
            edges[p.b].append((p.a, p))
    # Topics are stars, not connected components: chains of pairwise links between loosely related claims
    # would otherwise pull a whole story into one topic. A topic is a centre claim with every claim linked
    # to it (a claim may sit in several topics). Centres are taken strongest first (links decided by a rule
    # -- stance conflict, same quote, quantity conflict -- count extra); a claim already in a topic is not
    # made a centre again.
    total = {cid: sum(weight(p) for _, p in edges[cid]) for cid in by_id}
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
    order = {c.id: n for n, c in enumerate(claims)}
    drafts = []
    for centre, members in groups.items():
        intra = [m for m in members if intra_conflict(by_id[m])]
        if len(members) < 2 and not intra:
            continue
        ps = [p for y, p in edges[centre]]
        verdicts = {p.verdict for p in ps}
        verdict = "contradiction" if "contradiction" in verdicts or intra else "agreement" if "agreement" in verdicts else "neutral"
        # reference claim: asserted, most linked, has quantities
        ref = centre
        memberset = set(members)
        sign = {ref: 1}
        queue = deque([ref])
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
        label = _short(by_id[ref].text, 90)
        # rank: a dispute voiced by sources on both sides (named sources confirming, sources explicitly denying
        # or disputing: the smaller count) first -- what a fact-checker looks for; then links decided by a rule
        # for the topic's own verdict (stance conflict, same quote, quantity conflict), then claims on both
        # sides, then the weight of all links; a hub claim weakly linked to many others sinks
        for p in ps:  # a rebuttal voices both sides: the rebutted speaker and the one who answers
            if p.verdict == "contradiction" and any(r.startswith("rebuttal: ") for r in p.reasons):
                x, y = by_id[p.a], by_id[p.b]
                answer, target = (x, y) if x.rebuts and y.speaker and x.rebuts.name == y.speaker.name else (y, x)
                denying.add(answer.speaker.name)
                named_confirm.add(target.speaker.name)
        voiced = min(len(named_confirm), len(denying)) if verdict == "contradiction" else 0
        two_sided = min(len(sides["confirm"]), len(sides["dispute"]))
        rules = sum(weight(p) >= 1.0 and p.verdict == verdict for p in ps)  # a same-quote link is no evidence of a dispute
        drafts.append(((VERDICT_ORDER[verdict], -voiced, -rules, -two_sided, -total.get(centre, 0.0), min(order[m] for m in members)),
                       members, verdict, label, sides, centre))
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

def report_dict(report: Report) -> dict[str, Any]:
    data = report.to_dict()
    data["meta"] = {"generator": "claims", **data["meta"]}  # first: how write_report knows its own report.json
    who = who_by_topic(report)
    for t, td in zip(report.topics, data["topics"]):
        td["who"] = who[t.id]
    data["summary"] = summary(report, who=who)
    return data


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


SCHEMA_PATH = Path(__file__).with_name("report.schema.json")


def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


# --- Markdown ---------------------------------------------------------------------------------------

_MD_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "\\|", "`": "'", "\\": "\\\\",
                             "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]"})


def _md(text: Any) -> str:
    """Text for a Markdown line: whitespace collapsed, HTML and Markdown markup escaped (an article's
    ``<img onerror=...>`` or a ``<!--`` in a file name shows as text in any viewer)."""
    return " ".join(str(text).split()).translate(_MD_ESCAPES)


def _who(row: dict[str, Any]) -> str:
    who = row["source"] or "the article"
    date = f", {row['date']}" if row.get("date") else ""
    via = f"; {_md(row['basis'])}" if row.get("basis") else ""
    return f"**{_md(who)}** ({row['stance']}; {_md(row['doc'])}{date}{via})"


def render_markdown(report: Report, *, max_pairs: int = 50) -> str:
    claims = {c.id: c for c in report.claims}
    m = report.meta
    counts = m.get("counts", {})
    out = [f"<!-- generated by claims {_md(m.get('version'))}; replaced on every run -->", "# Contradiction report", ""]
    out.append(f"{len(report.documents)} documents, {len(report.claims)} claims, "
               f"{counts.get('pairs_scored', len(report.pairs))} pairs scored "
               f"(of {counts.get('pairs_possible', '?')} possible); model {_md(m.get('model'))}"
               f"{' (' + _md(m['precision']) + ')' if m.get('precision') else ''}, claims {_md(m.get('version'))}, {_md(m.get('created'))}.")
    out += ["", _evidence_line(report), ""]
    who_all = who_by_topic(report)
    items = summary(report, who=who_all)
    if items:
        out += ["## Summary", ""] + [f"- {_md(summary_text(i))}" for i in items] + [""]
    for verdict, title in (("contradiction", "Contradictions"), ("agreement", "Agreements")):
        topics = [t for t in report.topics if t.verdict == verdict]
        if not topics:
            continue
        out += [f"## {title}", ""]
        for t in topics:
            out.append(f"### Topic {t.id}: {_md(t.label)}")
            out.append("")
            who = who_all[t.id]
            for side, name in (("confirm", "Confirm / assert"), ("dispute", "Deny / dispute"), ("hedge", "Hedge")):
                rows = who.get(side)
                if not rows:
                    continue
                out.append(f"- {name}:")
                for r in rows:
                    out.append(f"  - {_who(r)}: “{_md(_short(r['quote'], 160))}”")
            out.append("")
    contra = [p for p in report.pairs if p.verdict == "contradiction"]
    if contra:
        out += ["## Contradicting pairs", ""]
        for p in contra[:max_pairs]:
            a, b = claims[p.a], claims[p.b]
            flag = " ⏱ possibly temporal" if p.temporal else ""
            out.append(f"- {_pair_md(a)}\n  vs {_pair_md(b)}\n  ({p.scores['contradiction']:.2f} contradiction{flag}; {_md('; '.join(p.reasons[:2]))})")
        if len(contra) > max_pairs:
            out.append(f"- … and {len(contra) - max_pairs} more in report.json")
        out.append("")
    if not report.topics and not contra:
        out += ["No contradictions or agreements found.", ""]
    return "\n".join(out)


def _pair_md(c: Claim) -> str:
    who = c.speaker.text if c.speaker else "the article"
    return f"**{_md(who)}** ({_md(c.doc)}): “{_md(_short(c.text, 140))}”"


# --- HTML -------------------------------------------------------------------------------------------

_RTL = {"ar", "fa", "he", "ur", "ps", "yi", "ckb", "sd", "ug", "dv"}

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Naskh Arabic",Tahoma,sans-serif;margin:1.5em auto;max-width:70em;padding:0 1em;line-height:1.55;color:#222}
h1,h2,h3{line-height:1.25}.meta{color:#555;font-size:.9em}
.filters{position:sticky;top:0;background:#f6f6f6;border:1px solid #ddd;padding:.5em .8em;margin:1em 0;z-index:2}
.filters label{margin-inline-end:1em;white-space:nowrap}
.pair,.topic{border:1px solid #ddd;border-radius:6px;padding:.6em .9em;margin:.7em 0}
.pair.contradiction,.topic.contradiction{border-inline-start:6px solid #c0392b}.pair.agreement,.topic.agreement{border-inline-start:6px solid #27ae60}
.pair.neutral,.topic.neutral{border-inline-start:6px solid #999}
.badge{display:inline-block;font-size:.8em;padding:0 .5em;border-radius:1em;background:#eee;margin-inline-end:.4em}
.badge.contradiction{background:#fadbd8}.badge.agreement{background:#d5f5e3}.temporal{background:#fdebd0}
.claim{margin:.3em 0}.quote{font-size:1.05em}.who{color:#555;font-size:.9em}.reasons{color:#666;font-size:.85em}
.side{margin:.3em 0}.side h4{margin:.2em 0}
.doc{border-top:2px solid #ccc;margin-top:2em}.doctext{white-space:pre-wrap;background:#fcfcfc;border:1px solid #eee;padding:.8em}
mark{background:#fff3a3}mark:target{background:#ffb74d;outline:2px solid #e67e22}
.hidden{display:none}
"""

_JS = """
(function(){
  function apply(){
    var verdicts={}, docs={};
    document.querySelectorAll('input.fv').forEach(function(b){verdicts[b.value]=b.checked;});
    var sel=document.getElementById('fdoc'); var d=sel?sel.value:'';
    var r=document.getElementById('frules'); var rulesOnly=r&&r.checked;
    document.querySelectorAll('.item').forEach(function(el){
      var okv=verdicts[el.getAttribute('data-verdict')]!==false;
      var okd=!d||(' '+el.getAttribute('data-docs')+' ').indexOf(' '+d+' ')>=0;
      var okr=!rulesOnly||el.getAttribute('data-rule')==='1';
      el.classList.toggle('hidden',!(okv&&okd&&okr));
    });
    var n=document.querySelectorAll('.item:not(.hidden)').length;
    var c=document.getElementById('shown'); if(c){c.textContent=String(n);}
  }
  document.addEventListener('change',function(e){if(e.target.matches('input.fv,#fdoc,#frules')){apply();}});
  window.addEventListener('DOMContentLoaded',function(){
    // ?only=contradiction (or #only=...) unticks the other verdicts; &doc=ID picks a document (for links and tests)
    var q=new URLSearchParams(location.search||location.hash.replace(/^#/,''));
    var only=q.get('only'); if(only){document.querySelectorAll('input.fv').forEach(function(b){b.checked=(b.value===only);});}
    var doc=q.get('doc'); if(doc){var s=document.getElementById('fdoc'); if(s){s.value=doc;}}
    if(q.get('rules')==='1'){var fr=document.getElementById('frules'); if(fr){fr.checked=true;}}
    var click=q.get('click'); if(click){var el=document.getElementById(click); if(el){el.click();}}
    apply();
  });
})();
"""


def _e(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _dir(lang: str | None) -> str:
    return "rtl" if (lang or "").split("-")[0].lower() in _RTL else "auto"


def mark_id(claim_id: str) -> str:
    """The base HTML id for a claim or document id (ASCII letters, digits, ``-`` and ``_`` kept, the rest ``_``);
    :func:`html_ids` makes them unique within one page."""
    return "m-" + "".join(ch if (ch.isascii() and ch.isalnum()) or ch in "-_" else "_" for ch in claim_id)


def html_ids(names: Sequence[str]) -> dict[str, str]:
    """One distinct HTML id per name, in order: :func:`mark_id`, and ``-2``, ``-3``... after it when two names
    map to the same id (``a b.txt#c1`` and ``a_b.txt#c1``)."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        if name in out:
            continue
        base = candidate = mark_id(name)
        n = 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        out[name] = candidate
        taken.add(candidate)
    return out


def marked_text(doc: Document, claims: Sequence[Claim], ids: dict[str, str] | None = None) -> str:
    """The document's text, HTML-escaped, with <mark id=...> around claim spans (text itself unchanged).

    Overlapping or nested spans: a span starting inside an open mark is skipped (its link goes to the outer mark's
    anchor via a separate empty anchor). ``ids``: claim id -> HTML id (default :func:`mark_id`)."""
    ids = ids or {}
    text = doc.text
    spans = sorted(((c.start, c.end, c.id) for c in claims if c.doc == doc.id and 0 <= c.start <= c.end <= len(text)),
                   key=lambda s: (s[0], -s[1]))
    out, pos, anchors = [], 0, []
    for s, e, cid in spans:
        if s < pos:  # overlaps the previous mark: anchor only
            anchors.append(cid)
            continue
        out.append(_e(text[pos:s]))
        out.append(f'<mark id="{_e(ids.get(cid) or mark_id(cid))}" title="{_e(cid)}">{_e(text[s:e])}</mark>')
        pos = e
    out.append(_e(text[pos:]))
    extra = "".join(f'<span id="{_e(ids.get(cid) or mark_id(cid))}"></span>' for cid in anchors)
    return extra + "".join(out)


def _names_html(names: Sequence[str]) -> str:
    """Names separated by commas, each isolated so Arabic and English names keep their order."""
    return ", ".join(f"<bdi>{_e(x)}</bdi>" for x in names)


def _claim_html(c: Claim, docs: dict[str, Document], stance_html: str | None = None, ids: dict[str, str] | None = None) -> str:
    """One claim as HTML; ``stance_html`` (already escaped) is added after the claim's own stance."""
    d = docs.get(c.doc)
    lang = d.lang if d else None
    who = c.speaker.text if c.speaker else "the article"
    date = f", {_e(d.date)}" if d and d.date else ""
    extra = f" · {stance_html}" if stance_html else ""
    return (f'<div class="claim"><div class="quote" dir="{_dir(lang)}" lang="{_e(lang or "und")}">'
            f'<a href="#{_e((ids or {}).get(c.id) or mark_id(c.id))}">“{_e(c.text)}”</a></div>'
            f'<div class="who"><bdi>{_e(who)}</bdi> ({_e(c.stance)}{extra}) — <bdi>{_e(c.doc)}</bdi>{date}</div></div>')


def render_html(report: Report) -> str:
    docs = {d.id: d for d in report.documents}
    ids = html_ids([c.id for c in report.claims])
    doc_ids = html_ids([d.id for d in report.documents])
    claims = {c.id: c for c in report.claims}
    m = report.meta
    counts = m.get("counts", {})
    parts = ['<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             '<meta name="generator" content="claims">',
             "<title>Contradiction report</title>", f"<style>{_CSS}</style>", "</head><body>",
             "<h1>Contradiction report</h1>",
             f'<p class="meta">{len(report.documents)} documents, {len(report.claims)} claims, '
             f'{_e(counts.get("pairs_scored", len(report.pairs)))} pairs scored of {_e(counts.get("pairs_possible", "?"))} possible. '
             f'Model <code>{_e(m.get("model"))}</code>, claims {_e(m.get("version"))}, created {_e(m.get("created"))}.</p>']
    verdicts = [v for v in ("contradiction", "agreement", "neutral")]
    parts.append('<div class="filters"><strong>Show:</strong> ')
    for v in verdicts:
        parts.append(f'<label><input type="checkbox" class="fv" id="fv-{v}" value="{v}" checked> {v}</label>')
    parts.append('<label>document <select id="fdoc"><option value="">all</option>')
    for d in report.documents:
        parts.append(f'<option value="{_e(d.id)}">{_e(d.title or d.id)}</option>')
    parts.append('</select></label> <label title="hide verdicts the model alone decided"><input type="checkbox" id="frules"> '
                 'rule-backed evidence only</label> <span class="meta"><span id="shown"></span> shown</span></div>')
    parts.append(f'<p class="meta">{_e(_evidence_line(report))}</p>')

    who_all = who_by_topic(report)
    items = summary(report, who=who_all)
    if items:
        parts.append('<h2>Summary</h2><ul class="summary">')
        for i in items:
            n = len(i["docs"])
            head = f'<a href="#topic-{i["topic"]}">{"Disputed" if i["verdict"] == "contradiction" else "Agreed"} (topic {i["topic"]})</a>'
            sides = (f"for: {_names_html(i['for'])}; against: {_names_html(i['against'])}" if i["verdict"] == "contradiction"
                     else _names_html(i["for"]))
            parts.append(f'<li>{head}: “<bdi dir="auto">{_e(i["label"])}</bdi>” — {sides} '
                         f'({n} document{"s" if n != 1 else ""})</li>')
        parts.append("</ul>")
    parts.append("<h2>Topics</h2>")
    if not report.topics:
        parts.append("<p>No topics.</p>")
    for t in report.topics:
        tdocs = " ".join(sorted({claims[c].doc for c in t.claims if c in claims}))
        who = who_all[t.id]
        ruled = any(r.get("basis") and r["basis"] != "the topic's claim" and not r["basis"].startswith(("model: ", "similar", "related"))
                    for rows in who.values() for r in rows)
        parts.append(f'<section class="topic item {t.verdict}" data-verdict="{t.verdict}" data-docs="{_e(tdocs)}" '
                     f'data-rule="{int(ruled)}" id="topic-{t.id}">')
        parts.append(f'<h3><span class="badge {t.verdict}">{t.verdict}</span><bdi dir="auto">{_e(t.label)}</bdi></h3>')
        for side, name in (("confirm", "Confirm / assert"), ("dispute", "Deny / dispute"), ("hedge", "Hedge")):
            rows = who.get(side)
            if not rows:
                continue
            parts.append(f'<div class="side {side}"><h4>{name}</h4>')
            for r in rows:
                src = r["source"] or "the article"
                via = f"; <bdi>{_e(r['basis'])}</bdi>" if r.get("basis") else ""
                parts.append(_claim_html(claims[r["claim"]], docs, f"{_e(r['stance'])} by <bdi>{_e(src)}</bdi>{via}", ids))
            parts.append("</div>")
        parts.append("</section>")

    parts.append("<h2>Pairs</h2>")
    for p in report.pairs:
        a, b = claims.get(p.a), claims.get(p.b)
        if a is None or b is None:
            continue
        tflag = '<span class="badge temporal">possibly temporal</span>' if p.temporal else ""
        parts.append(f'<div class="pair item {p.verdict}" data-verdict="{p.verdict}" data-docs="{_e(a.doc)} {_e(b.doc)}" '
                     f'data-rule="{int(rule_decided(p))}">')
        parts.append(f'<span class="badge {p.verdict}">{p.verdict}</span>{tflag}'
                     f'<span class="meta">e {p.scores["entailment"]:.2f} · n {p.scores["neutral"]:.2f} · c {p.scores["contradiction"]:.2f}'
                     + (f" · sim {p.similarity:.2f}" if p.similarity is not None else "") + "</span>")
        parts.append(_claim_html(a, docs, ids=ids) + _claim_html(b, docs, ids=ids))
        parts.append('<div class="reasons">' + "; ".join(_e(r) for r in p.reasons) + "</div></div>")

    parts.append("<h2>Documents</h2>")
    for d in report.documents:
        dc = [c for c in report.claims if c.doc == d.id]
        parts.append(f'<section class="doc" id="doc-{_e(doc_ids[d.id])}"><h3><bdi dir="auto">{_e(d.title or d.id)}</bdi></h3>'
                     f'<p class="meta">{_e(d.id)} · {_e(d.path or "")} · {_e(d.lang)} · {_e(d.date or "no date")} · {len(dc)} claims</p>'
                     f'<div class="doctext" dir="{_dir(d.lang)}" lang="{_e(d.lang)}">{marked_text(d, dc, ids)}</div></section>')
    parts.append(f"<script>{_JS}</script></body></html>\n")
    return "\n".join(parts)


# --- writing ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Renderer:
    """One output format: its file name, the function that renders a Report to text, and the mark near the
    start of every file it writes, by which a later run knows the file as its own (and never replaces a
    file of that name that claims did not write)."""

    name: str
    filename: str
    render: Callable[[Report], str]
    signature: str


# The output formats, in the order they are written. To add one: write render_<name>(report) -> str and
# register(Renderer(...)); `claims check --format <name>` then writes it.
RENDERERS: dict[str, Renderer] = {}


def register(renderer: Renderer) -> Renderer:
    RENDERERS[renderer.name] = renderer
    return renderer


register(Renderer("json", "report.json", lambda r: render_json(r), '"generator": "claims"'))
register(Renderer("md", "report.md", lambda r: render_markdown(r), "<!-- generated by claims"))
register(Renderer("html", "report.html", lambda r: render_html(r), '<meta name="generator" content="claims">'))
REPORT_FILES = {name: r.filename for name, r in RENDERERS.items()}  # the default set (read-only view)
_STALE_TEMP_S = 600  # a .report.*.tmp older than this was left by a killed run: removed by the next one


def foreign_reports(out_dir: str | Path, formats: Sequence[str] | None = None) -> list[Path]:
    """Files in ``out_dir`` named like a report (of ``formats``, default all) that claims did not write (or
    that are not regular files)."""
    out = Path(out_dir)
    found = []
    for key, renderer in RENDERERS.items():
        if formats is not None and key not in formats:
            continue
        p = out / renderer.filename
        if not os.path.lexists(p):
            continue
        if p.is_symlink() or not p.is_file():
            found.append(p)
            continue
        try:
            with open(p, "rb") as f:
                head = f.read(4096).decode("utf-8", "replace")
        except OSError:
            found.append(p)
            continue
        if renderer.signature not in head:
            found.append(p)
    return found


def write_report(report: Report, out_dir: str | Path, formats: Sequence[str] | None = None) -> dict[str, Path]:
    """Render the reports, then write them as a set: every file to a temporary file first, then all renamed.

    A failure (or Ctrl-C) while rendering or writing leaves the old reports as they were and no temporary
    files. A file named like a report that claims did not write is never replaced: InputError names it.
    ``formats``: names from :data:`RENDERERS` (default: all of them). Returns format -> path.
    """
    from .io import make_temp

    formats = list(RENDERERS) if formats is None else list(formats)
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown:
        raise InputError(", ".join(unknown), f"unknown report format (known: {', '.join(RENDERERS)})")
    out = Path(out_dir)
    if not str(out_dir):
        raise InputError("''", "empty output folder")
    if out.exists() and not out.is_dir():
        raise InputError(str(out), "exists and is not a folder")
    for p in foreign_reports(out, formats):
        raise InputError(str(p), "exists and was not written by claims; choose another --out folder or move it away")
    rendered = {key: RENDERERS[key].render(report).encode("utf-8", "replace") for key in formats}
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(str(out), f"cannot write here ({e.strerror or e})") from None
    _remove_stale_temps(out)
    temps: dict[str, Path] = {}
    try:
        for key, data in rendered.items():
            temps[key] = make_temp(out / RENDERERS[key].filename)
            with open(temps[key], "wb") as f:
                f.write(data)
        for key, tmp in temps.items():
            os.replace(tmp, out / RENDERERS[key].filename)
    except OSError as e:
        raise InputError(str(out), f"cannot write the reports ({e.strerror or e})") from None
    finally:
        for tmp in temps.values():
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return {key: out / RENDERERS[key].filename for key in rendered}


def _remove_stale_temps(out: Path) -> None:
    import time

    now = time.time()
    for renderer in RENDERERS.values():
        for tmp in out.glob(f".{renderer.filename}.*.tmp"):
            try:
                if tmp.is_file() and not tmp.is_symlink() and now - tmp.stat().st_mtime > _STALE_TEMP_S:
                    tmp.unlink()
            except OSError:
                pass
