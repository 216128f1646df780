"""The reports: report.json (schema: claims/report.schema.json), report.md and report.html, as a registry
of renderers (:data:`RENDERERS`) written as a set by :func:`write_report`. The layout of report.md and
report.html is in Jinja2 templates (``claims/templates/report.md.j2``, ``report.html.j2``); the functions here
pass them the data.

Topics, who stands where and the summary are built by :mod:`claims.topics` (re-exported here).
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .topics import (  # noqa: F401 - grouping and who-stands-where live in topics.py; re-exported here
    SIDES,
    VERDICT_ORDER,
    _evidence_line,
    _short,
    basis,
    build_topics,
    evidence_counts,
    leads,
    rule_decided,
    default_view,
    shown_topics,
    summary,
    summary_text,
    who_by_topic,
)
from .types import Claim, Document, InputError, Report

def report_dict(report: Report) -> dict[str, Any]:
    data = report.to_dict()
    data["meta"] = {"generator": "claims", **data["meta"]}  # first: how write_report knows its own report.json
    who = who_by_topic(report)
    for t, td in zip(report.topics, data["topics"]):
        td["who"] = who[t.id]
    data["summary"] = summary(report, who=who)
    data["leads"] = leads(report, who=who)
    view = default_view(report, who)
    for p, pd in zip(report.pairs, data["pairs"]):
        pd["shown"] = view.shows(p)  # what the default view decided, calibrated or not
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


def render_markdown(report: Report, *, max_pairs: int = 50) -> str:
    """report.md from ``claims/templates/report.md.j2``: the template holds the text layout, this the data."""
    claims = {c.id: c for c in report.claims}
    m = report.meta
    counts = m.get("counts", {})
    who_all = who_by_topic(report)
    view = default_view(report, who_all)
    sections = []
    for verdict, title in (("contradiction", "Contradictions"), ("agreement", "Agreements")):
        topics = [t for t in report.topics if t.verdict == verdict and t.id in view.topics]
        if topics:
            sections.append((title, [_topic_md_view(t, who_all[t.id]) for t in topics]))
    contra = [p for p in report.pairs if p.verdict == "contradiction" and view.shows(p)]
    context = {
        "version": m.get("version"), "model": m.get("model"), "precision": m.get("precision"), "created": m.get("created"),
        "n_docs": len(report.documents), "n_claims": len(report.claims),
        "pairs_scored": counts.get("pairs_scored", len(report.pairs)), "pairs_possible": counts.get("pairs_possible", "?"),
        "evidence": _evidence_line(report), "summary": summary(report, who=who_all), "sections": sections,
        "contra": [{"pair": p, "a": claims[p.a], "b": claims[p.b]} for p in contra[:max_pairs]],
        "n_contra": len(contra), "leads": leads(report, who=who_all), "max_pairs": max_pairs,
        "hidden": sum(p.verdict != "neutral" and not view.shows(p) for p in report.pairs),
        "empty": not report.topics and not contra,
    }
    return _templates().get_template("report.md.j2").render(**context)


def _topic_md_view(t, who: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    sides = [(name, who[side]) for side, name in (("confirm", "Confirm / assert"), ("dispute", "Deny / dispute"),
                                                  ("hedge", "Hedge")) if who.get(side)]
    return {"id": t.id, "label": t.label, "sides": sides}


# --- HTML -------------------------------------------------------------------------------------------


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
    var fl=document.getElementById('fleads'); var leads=fl&&fl.checked;
    document.querySelectorAll('.item').forEach(function(el){
      var okv=verdicts[el.getAttribute('data-verdict')]!==false;
      var okd=!d||(' '+el.getAttribute('data-docs')+' ').indexOf(' '+d+' ')>=0;
      var okr=!rulesOnly||el.getAttribute('data-rule')==='1';
      var okl=leads||el.getAttribute('data-lead')!=='1';
      el.classList.toggle('hidden',!(okv&&okd&&okr&&okl));
    });
    var n=document.querySelectorAll('.item:not(.hidden)').length;
    var c=document.getElementById('shown'); if(c){c.textContent=String(n);}
  }
  document.addEventListener('change',function(e){if(e.target.matches('input.fv,#fdoc,#frules,#fleads')){apply();}});
  window.addEventListener('DOMContentLoaded',function(){
    // ?only=contradiction (or #only=...) unticks the other verdicts; &doc=ID picks a document (for links and tests)
    var q=new URLSearchParams(location.search||location.hash.replace(/^#/,''));
    var only=q.get('only'); if(only){document.querySelectorAll('input.fv').forEach(function(b){b.checked=(b.value===only);});}
    var doc=q.get('doc'); if(doc){var s=document.getElementById('fdoc'); if(s){s.value=doc;}}
    if(q.get('rules')==='1'){var fr=document.getElementById('frules'); if(fr){fr.checked=true;}}
    if(q.get('leads')==='1'){var fl=document.getElementById('fleads'); if(fl){fl.checked=true;}}
    var click=q.get('click'); if(click){var el=document.getElementById(click); if(el){el.click();}}
    apply();
  });
})();
"""


def _e(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _dir(lang: str | None) -> str:
    """The HTML ``dir`` of text in ``lang``: its Language's direction (claims/lang), else by the list of
    right-to-left codes without a folder; ``auto`` lets the browser decide for the rest."""
    from .lang import direction

    return "rtl" if direction(lang) == "rtl" else "auto"


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


def _topic_view(t, who: dict[str, list[dict[str, Any]]], claims: dict[str, Claim], docs: dict[str, Document],
                ids: dict[str, str], shown: set[int]) -> dict[str, Any]:
    ruled = any(r.get("basis") and r["basis"] != "the topic's claim" and not r["basis"].startswith(("model: ", "similar", "related"))
                for rows in who.values() for r in rows)
    sides = []
    for side, name in (("confirm", "Confirm / assert"), ("dispute", "Deny / dispute"), ("hedge", "Hedge")):
        rows = who.get(side)
        if not rows:
            continue
        html_rows = []
        for r in rows:
            src = r["source"] or "the article"
            via = f"; <bdi>{_e(r['basis'])}</bdi>" if r.get("basis") else ""
            html_rows.append(Markup(_claim_html(claims[r["claim"]], docs, f"{_e(r['stance'])} by <bdi>{_e(src)}</bdi>{via}", ids)))
        sides.append({"key": side, "name": name, "rows": html_rows})
    return {"id": t.id, "verdict": t.verdict, "label": t.label, "ruled": int(ruled), "sides": sides,
            "docs": " ".join(sorted({claims[c].doc for c in t.claims if c in claims})),
            "lead": int(t.verdict != "neutral" and t.id not in shown)}


def _pair_view(p, claims: dict[str, Claim], docs: dict[str, Document], ids: dict[str, str], view) -> dict[str, Any] | None:
    a, b = claims.get(p.a), claims.get(p.b)
    if a is None or b is None:
        return None
    meta = ((f"confidence {p.confidence:.2f} · " if p.confidence is not None else "")
            + f'e {p.scores["entailment"]:.2f} · n {p.scores["neutral"]:.2f} · c {p.scores["contradiction"]:.2f}'
            + (f" · sim {p.similarity:.2f}" if p.similarity is not None else ""))
    return {"verdict": p.verdict, "docs": f"{a.doc} {b.doc}", "ruled": int(rule_decided(p)), "temporal": p.temporal,
            "meta": meta, "claims": Markup(_claim_html(a, docs, ids=ids) + _claim_html(b, docs, ids=ids)),
            "reasons": Markup("; ".join(_e(r) for r in p.reasons)), "lead": int(p.verdict != "neutral" and not view.shows(p))}


def _doc_view(d: Document, claims: Sequence[Claim], doc_ids: dict[str, str], ids: dict[str, str]) -> dict[str, Any]:
    return {"anchor": doc_ids[d.id], "title": d.title or d.id, "id": d.id, "path": d.path or "", "lang": d.lang,
            "date": d.date or "no date", "n": len(claims), "dir": _dir(d.lang), "text": Markup(marked_text(d, claims, ids))}


@lru_cache(maxsize=1)
def _templates():
    """The Jinja2 environment over claims/templates/ (autoescape on for .html.j2 files, off for .md.j2)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(Path(__file__).with_name("templates"))),
                      autoescape=select_autoescape(["html.j2"]), trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["h"] = lambda value: Markup(html.escape("" if value is None else str(value), quote=True))
    env.globals["names"] = lambda names: Markup(_names_html(names))
    env.filters["md"] = _md
    env.filters["short"] = _short
    env.filters["summary_text"] = summary_text
    return env


def render_html(report: Report) -> str:
    """report.html from ``claims/templates/report.html.j2``: the template holds the markup, this the data."""
    docs = {d.id: d for d in report.documents}
    ids = html_ids([c.id for c in report.claims])
    doc_ids = html_ids([d.id for d in report.documents])
    claims = {c.id: c for c in report.claims}
    by_doc: dict[str, list[Claim]] = {}
    for c in report.claims:
        by_doc.setdefault(c.doc, []).append(c)
    m = report.meta
    counts = m.get("counts", {})
    who_all = who_by_topic(report)
    view = default_view(report, who_all)
    shown = set(view.topics)
    context = {
        "css": Markup(_CSS), "js": Markup(_JS), "n_docs": len(report.documents), "n_claims": len(report.claims),
        "pairs_scored": counts.get("pairs_scored", len(report.pairs)), "pairs_possible": counts.get("pairs_possible", "?"),
        "model": m.get("model"), "version": m.get("version"), "created": m.get("created"),
        "verdicts": ("contradiction", "agreement", "neutral"), "documents": report.documents,
        "evidence": _evidence_line(report), "summary": summary(report, who=who_all),
        "leads": leads(report, who=who_all),
        "topics": [_topic_view(t, who_all[t.id], claims, docs, ids, shown) for t in report.topics],
        "pairs": [v for p in report.pairs if (v := _pair_view(p, claims, docs, ids, view)) is not None],
        "docs": [_doc_view(d, by_doc.get(d.id, []), doc_ids, ids) for d in report.documents],
    }
    return _templates().get_template("report.html.j2").render(**context)


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
