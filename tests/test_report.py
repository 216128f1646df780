"""report.json (schema), report.md, report.html (escaping, marks, filters in headless Chromium), write_report."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from dataclasses import replace

import jsonschema
import pytest

from claims.report import build_topics, render_html, render_json, render_markdown, schema, write_report
from claims.types import Claim, Document, Pair, Quantity, Report, Speaker, Stance
from claims.verdict import Thresholds

AR = ("قال سام ألتمان إن Meta عرضت مكافآت توقيع بقيمة 100 مليون دولار. "
      "وقال بوسورث إنها ليست مكافأة توقيع. <script>alert('x')</script> & النهاية")
EN = 'Altman said Meta offered $100 million signing bonuses. Chen wrote: "<script>alert(1)</script> someone broke into our home".'


def _claim(cid, doc, text, needle, speaker, name, stances=(), quantities=()):
    s = text.index(needle)
    sp_at = text.index(speaker)
    sp = Speaker(speaker, sp_at, sp_at + len(speaker), name)
    st = tuple(Stance(x, sp) for x in stances) or (Stance("asserts", sp),)
    return Claim(id=cid, doc=doc, start=s, end=s + len(needle), text=needle, kind="reported", speaker=sp,
                 stance=st[0].stance, stances=st, quantities=quantities)


def make_report():
    d1 = Document(id="ar.txt", text=AR, lang="ar", path="/x/ar.txt", title="تقرير", date="2025-06-20")
    d2 = Document(id="en.txt", text=EN, lang="en", path="/x/en.txt", title="Report <b>", date="2025-06-21")
    c1 = _claim("ar.txt#c1", "ar.txt", AR, "Meta عرضت مكافآت توقيع بقيمة 100 مليون دولار", "سام ألتمان", "altman",
                quantities=(Quantity("100 مليون دولار", AR.index("100"), AR.index("100") + 15, 1e8, "USD", "money"),))
    c2 = _claim("ar.txt#c2", "ar.txt", AR, "إنها ليست مكافأة توقيع. <script>alert('x')</script>", "بوسورث", "bosworth", ("denies",))
    c3 = _claim("en.txt#c1", "en.txt", EN, "Meta offered $100 million signing bonuses", "Altman", "altman")
    c4 = _claim("en.txt#c2", "en.txt", EN, "<script>alert(1)</script> someone broke into our home", "Chen", "chen")
    pairs = [
        Pair(c1.id, c2.id, "contradiction", {"entailment": 0.05, "neutral": 0.1, "contradiction": 0.85},
             ("content contradiction", "NLI a->b contradiction"), 0.7),
        Pair(c2.id, c3.id, "contradiction", {"entailment": 0.05, "neutral": 0.15, "contradiction": 0.8},
             ("content contradiction",), 0.6, temporal=True),
        Pair(c1.id, c3.id, "agreement", {"entailment": 0.9, "neutral": 0.05, "contradiction": 0.05}, ("same quote by altman",), 0.95),
        Pair(c3.id, c4.id, "neutral", {"entailment": 0.1, "neutral": 0.8, "contradiction": 0.1}, (), 0.3),
    ]
    claims = (c1, c2, c3, c4)
    pairs, topics = build_topics(claims, pairs, Thresholds(), (d1, d2))
    meta = {"version": "0.1.0", "model": "fake-nli", "thresholds": Thresholds().to_dict(), "created": "2025-07-01T00:00:00+00:00",
            "counts": {"claims": 4, "pairs_scored": 4, "pairs_possible": 6}}
    return Report(meta=meta, documents=(d1, d2), claims=claims, pairs=tuple(pairs), topics=tuple(topics))


def test_json_follows_schema_and_keeps_contract_names():
    rep = make_report()
    data = json.loads(render_json(rep))
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(data, schema())
    assert list(data)[:5] == ["meta", "documents", "claims", "pairs", "topics"]
    for c in data["claims"]:
        text = {d.id: d.text for d in rep.documents}[c["doc"]]
        assert text[c["start"]:c["end"]] == c["text"]
        assert isinstance(c["start"], int)
    assert isinstance(data["pairs"][0]["scores"]["contradiction"], float)
    assert data["pairs"][0]["verdict"] == "contradiction"  # contradictions first


def test_schema_rejects_bad_reports():
    data = json.loads(render_json(make_report()))
    bad = json.loads(json.dumps(data))
    bad["pairs"][0]["scores"]["contradiction"] = "0.9"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema())
    bad = json.loads(json.dumps(data))
    bad["pairs"][0]["verdict"] = "unrelated"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema())


def test_topic_sides_read_like_a_fact_check():
    rep = make_report()
    t = rep.topics[0]
    assert t.verdict == "contradiction"
    assert set(t.claims) == {"ar.txt#c1", "ar.txt#c2", "en.txt#c1"}
    assert set(t.sides["confirm"]) == {"ar.txt#c1", "en.txt#c1"}
    assert t.sides["dispute"] == ("ar.txt#c2",)
    who = json.loads(render_json(rep))["topics"][0]["who"]
    assert {r["source_name"] for r in who["confirm"]} == {"altman"}
    assert [r["source_name"] for r in who["dispute"]] == ["bosworth"]
    assert who["dispute"][0]["date"] == "2025-06-20"
    assert all(p.topic == t.id for p in rep.pairs if p.verdict != "neutral")
    # each entry says why it stands where it does: the centre, a rule, or the model's score
    bases = {r["claim"]: r["basis"] for side in who.values() for r in side}
    assert t.centre in bases and bases[t.centre] == "the topic's claim"
    others = {cid: b for cid, b in bases.items() if cid != t.centre}
    assert set(others.values()) <= {"model: contradiction 0.85", "model: contradiction 0.80", "same quote by altman"}, others
    assert who["confirm"][0]["claim"] == t.centre or who["dispute"][0]["claim"] == t.centre
    md = render_markdown(rep)
    assert "; model: contradiction 0.8" in md and "the topic's claim" in md


def test_intra_claim_conflict_becomes_a_topic():
    text = "عرض 100 مليون دولار، وهو ادعاء أكده المطلعون في OpenAI ولكن تم التشكيك فيه من قبل مصادر Meta"
    ins, meta = Speaker("المطلعون", 0, 8, "insiders"), Speaker("مصادر Meta", 0, 10, "meta sources")
    c = Claim(id="d#c1", doc="d", start=0, end=len(text), text=text, kind="reported", speaker=None, stance="confirms",
              stances=(Stance("confirms", ins), Stance("disputes", meta)))
    pairs, topics = build_topics([c], [], Thresholds())
    assert len(topics) == 1 and topics[0].verdict == "contradiction"
    assert topics[0].sides == {"confirm": ("d#c1",), "dispute": ("d#c1",)}
    rep = Report(meta={"version": "0", "model": "m", "thresholds": {}, "created": "now"},
                 documents=(Document("d", text, "ar"),), claims=(c,), pairs=(), topics=tuple(topics))
    data = json.loads(render_json(rep))
    jsonschema.validate(data, schema())
    assert data["topics"][0]["who"]["confirm"][0]["source"] == "المطلعون"
    assert data["topics"][0]["who"]["dispute"][0]["source"] == "مصادر Meta"
    md = render_markdown(rep)
    assert "Contradictions" in md and "مصادر Meta" in md and "المطلعون" in md


def test_evidence_counts_split_rules_from_the_model():
    from claims.report import evidence_counts

    rep = make_report()
    assert evidence_counts(rep) == {"contradiction_rule": 0, "contradiction_model": 2, "agreement_rule": 1, "agreement_model": 0}
    assert "Evidence: 0 contradictions decided by a rule" in render_markdown(rep)
    assert "rule-backed evidence only" in render_html(rep)


def test_summary_lists_voiced_disputes_and_rule_backed_agreements():
    from claims.report import summary

    rep = make_report()
    # Bosworth denies, Altman asserts: a dispute the text voices, with a named source on each side
    items = summary(rep)
    # sides are sources, one label across scripts: "بوسورث" (key bosworth) is listed as Andrew Bosworth
    assert items and items[0]["verdict"] == "contradiction" and "Andrew Bosworth" in items[0]["against"]
    # no denial and no rule: the model's contradiction alone is no finding
    plain = [replace(c, stance="asserts", stances=(Stance("asserts", c.speaker),)) for c in rep.claims]
    p3, t3 = build_topics(plain, rep.pairs, Thresholds(), rep.documents)
    assert [i for i in summary(Report(meta=rep.meta, documents=rep.documents, claims=tuple(plain), pairs=tuple(p3),
                                      topics=tuple(t3))) if i["verdict"] == "contradiction"] == []
    # make Bosworth's denial a stance conflict (a rule): still a finding, with names on both sides
    pairs = list(rep.pairs)
    i = next(n for n, p in enumerate(pairs) if {p.a, p.b} == {"ar.txt#c1", "ar.txt#c2"})
    pairs[i] = Pair(pairs[i].a, pairs[i].b, "contradiction", pairs[i].scores,
                    ("stance conflict: confirmed by altman, denied/disputed by bosworth",), 0.7)
    claims, _ = rep.claims, None
    pairs2, topics = build_topics(claims, pairs, Thresholds(), rep.documents)
    rep2 = Report(meta=rep.meta, documents=rep.documents, claims=claims, pairs=tuple(pairs2), topics=tuple(topics))
    items = summary(rep2)
    assert items and items[0]["verdict"] == "contradiction"
    assert "Andrew Bosworth" in items[0]["against"] and items[0]["for"]
    data = json.loads(render_json(rep2))
    assert data["summary"] == items
    jsonschema.validate(data, schema())
    assert "## Summary" in render_markdown(rep2) and "Disputed (topic" in render_html(rep2)


def test_markdown_contradictions_first_with_speakers_and_documents():
    md = render_markdown(make_report())
    assert md.index("## Contradictions") < md.index("## Contradicting pairs")
    assert "ليست مكافأة توقيع" in md and "بوسورث" in md and "ar.txt" in md and "en.txt" in md
    assert "possibly temporal" in md
    assert "Confirm / assert" in md and "Deny / dispute" in md


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.marks, self.in_script, self.stack = [], {}, False, []
        self.script_text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.in_script = True
        if tag == "mark":
            self.stack.append(a["id"])
            self.marks[a["id"]] = ""

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False
        if tag == "mark":
            self.stack.pop()

    def handle_data(self, data):
        if self.in_script:
            self.script_text.append(data)
        for m in self.stack:
            self.marks[m] += data


def test_html_escapes_article_text_and_marks_claims_from_offsets():
    rep = make_report()
    page = render_html(rep)
    assert page.count("<script>") == 1  # only our own inline script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "alert('x')" not in page.split("<script>")[1]  # our script does not contain article text
    p = _Collect()
    p.feed(page)
    for c in rep.claims:
        mid = "m-" + re.sub(r"[^0-9A-Za-z_-]", "_", c.id)
        assert p.marks[mid] == c.text  # the marked text is exactly the claim span, unescaped back
        assert f'href="#{mid}"' in page
    assert 'dir="rtl"' in page and 'dir="auto"' in page
    assert "http://" not in page.replace('http://www.w3.org', '') and "https://" not in page  # no network
    assert page.index('data-verdict="contradiction"') < page.index('data-verdict="agreement"')


def test_write_report_writes_three_files_atomically(tmp_path):
    out = write_report(make_report(), tmp_path / "out")
    assert sorted(p.name for p in out.values()) == ["report.html", "report.json", "report.md"]
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]
    jsonschema.validate(json.loads(out["json"].read_text(encoding="utf-8")), schema())


def test_write_report_renders_before_writing(tmp_path, monkeypatch):
    import claims.report as R

    def boom(report):
        raise RuntimeError("render failed")

    monkeypatch.setattr(R, "render_html", boom)
    with pytest.raises(RuntimeError):
        write_report(make_report(), tmp_path / "out")
    assert not (tmp_path / "out" / "report.json").exists()


CHROMIUM = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser", shutil.which("chromium") or "") if p and Path(p).exists()), None)


def _dump_dom(page: Path, query: str, tmp_path: Path) -> str:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri() + query]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


def _visible(dom: str) -> list[tuple[str, str]]:
    out = []
    for m in re.finditer(r'<(?:div|section) class="([^"]*\bitem\b[^"]*)" data-verdict="(\w+)" data-docs="([^"]*)"', dom):
        if "hidden" not in m.group(1).split():
            out.append((m.group(2), m.group(3)))
    return out


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not found at /usr/bin/chromium (apt-get install chromium)")
def test_html_filters_in_headless_chromium(tmp_path):
    paths = write_report(make_report(), tmp_path / "out")
    page = paths["html"]
    dom = _dump_dom(page, "", tmp_path)
    everything = _visible(dom)
    assert {v for v, _ in everything} == {"contradiction", "agreement", "neutral"}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom  # still text after the browser parsed it
    # a click on the "agreement" checkbox (performed by the page on load, ?click=ID) hides agreements
    dom = _dump_dom(page, "?click=fv-agreement", tmp_path)
    shown = _visible(dom)
    assert shown and "agreement" not in {v for v, _ in shown}
    assert {v for v, _ in shown} == {"contradiction", "neutral"}
    # only contradictions
    assert {v for v, _ in _visible(_dump_dom(page, "?only=contradiction", tmp_path))} == {"contradiction"}
    # document filter: only items touching en.txt
    shown = _visible(_dump_dom(page, "?doc=en.txt", tmp_path))
    assert shown and all("en.txt" in d.split() for _, d in shown)
    assert len(shown) < len(everything)
    # rule-backed evidence only (clicking the checkbox): the same-quote agreement and the topic it backs stay,
    # the model-only contradictions and the neutral pair go
    dom = _dump_dom(page, "?click=frules", tmp_path)
    shown = _visible(dom)
    assert shown and len(shown) < len(everything)
    assert all(f'data-rule="1"' in m.group(0) for m in re.finditer(r'<(?:div|section) class="[^"]*\bitem\b(?![^"]*hidden)[^"]*"[^>]*>', dom))
    assert ("agreement", "ar.txt en.txt") in shown


def test_a_new_format_plugs_into_the_renderer_registry(tmp_path, monkeypatch):
    """Contributing: a format is a render function registered as a Renderer; check --format picks it."""
    import claims.report as report_mod

    monkeypatch.setattr(report_mod, "RENDERERS", dict(report_mod.RENDERERS))
    report_mod.register(report_mod.Renderer(
        "tsv", "report.tsv", lambda r: "# claims report\n" + "".join(f"{p.a}\t{p.b}\t{p.verdict}\n" for p in r.pairs),
        "# claims report"))
    written = report_mod.write_report(make_report(), tmp_path, ["tsv", "json"])
    assert set(written) == {"tsv", "json"} and not (tmp_path / "report.html").exists()
    lines = (tmp_path / "report.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# claims report" and len(lines) == 1 + len(make_report().pairs)
    (tmp_path / "report.tsv").write_text("someone else's table\n")
    with pytest.raises(Exception, match="not written by claims"):
        report_mod.write_report(make_report(), tmp_path, ["tsv"])
    with pytest.raises(Exception, match="unknown report format"):
        report_mod.write_report(make_report(), tmp_path, ["pdf"])
