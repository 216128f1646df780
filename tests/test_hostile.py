"""Hostile input: every reader, writer and option of the CLI against what users (and attackers) feed it.

Each case runs ``claims.cli.main`` in-process with a fake scorer and embedder (the model is not the point)
and checks the contract: exit 0 or one ``Error: ...`` line with exit 2, never a traceback; no input file
changed; nothing but the asked-for outputs written; no temporary file left behind. The second half is
property-based (hypothesis): readers and extract never raise anything but InputError, and every claim
keeps the offsets rule.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import importlib

from claims.cli import main
from claims.documents import document_from_text, html_to_text, read_documents
from claims.extract import extract
from claims.io import atomic_write, parse_lines, write_jsonl
from claims.types import InputError

from conftest import FakeEmbedder, FakeScorer

score_mod = importlib.import_module("claims.score")  # the module (claims.score is the function)
embed_mod = importlib.import_module("claims.embed")
RealScorer = score_mod.NLIScorer

ARTICLE = 'Sam Altman said Meta offered signing bonuses of up to $100 million. "It is not true," Bosworth said.\n'


@pytest.fixture(autouse=True)
def fakes(monkeypatch):
    """check/score build FakeScorer and FakeEmbedder instead of the real model."""

    class Scorer(FakeScorer):
        def __init__(self, model=None, **kw):
            super().__init__()
            self.resolved_precision = kw.get("precision", "auto") if kw.get("precision") != "auto" else "fp32"

    monkeypatch.setattr(score_mod, "NLIScorer", Scorer)
    monkeypatch.setattr(embed_mod, "Embedder", lambda *a, **k: FakeEmbedder())


def snapshot(root: Path) -> dict[str, bytes]:
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file() and not p.is_symlink():
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).digest()
    return out


def run(capsys, argv, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        import io
        import sys

        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8", errors="surrogateescape"))
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if code != 0:
        lines = [x for x in err.splitlines() if x.strip()]
        assert code == 2 and len(lines) == 1 and lines[0].startswith("Error: "), (code, err)
    return code, out, err


def no_temps(root: Path):
    left = [p.name for p in root.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".claims-write-test")]
    assert left == [], left


# ------------------------------------------------------------------------------------ input files

BAD_FILES = {  # name -> (bytes, expected words in the error)
    "empty.txt": (b"", "empty"),
    "spaces.txt": (b" \n\t\n  ", "empty"),
    "bom-only.txt": (b"\xef\xbb\xbf", "empty"),
    "nul-start.txt": (b"\x00\x01binary", "binary"),
    "nul-late.txt": (b"a" * 9000 + b"\x00tail", "NUL byte at offset 9000"),
    "latin1.txt": ("Caf\xe9 said so.".encode("latin-1"), "UTF-8"),
    "utf16.txt": ("Altman said hi.".encode("utf-16"), ""),
    "truncated-utf8.txt": ("Altman said ".encode() + "ألتمان".encode()[:-1], "UTF-8"),
    "overlong.txt": (b"Altman said \xc0\xaf", "UTF-8"),
    "surrogate-bytes.txt": (b"Altman said \xed\xa0\x80", "UTF-8"),
    "empty.md": (b"", "empty"),
    "empty.html": (b"", "empty"),
    "empty.jsonl": (b"", "empty"),
    "blank-lines.jsonl": (b"\n\n\n", "empty"),
    "nul.jsonl": (b'{"id": "a", "text": "x\x00"}\n', "binary"),
    "binary.html": (b"<html>\x00\x00</html>", "binary"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_one_line(name, capsys, tmp_path):
    data, needle = BAD_FILES[name]
    f = tmp_path / name
    f.write_bytes(data)
    before = snapshot(tmp_path)
    code, _, err = run(capsys, ["check", f, "--out", tmp_path / "out", "-q"])
    assert code == 2 and needle in err and name in err
    assert snapshot(tmp_path) == before and not (tmp_path / "out").exists()  # bad input creates no out dir


JSONL_CASES = {  # a JSONL line -> expected words in the error (None: accepted)
    "[1, 2]": "JSON object",
    "42": "JSON object",
    '"text"': "JSON object",
    "null": "JSON object",
    "true": "JSON object",
    "{bad": "malformed JSON",
    '{"id": "a", "text": "x"} trailing': "malformed JSON",
    '{"id": "a", "text": "x"}{"id": "b", "text": "y"}': "malformed JSON",
    '{"id": "a", "text": "unterminated': "malformed JSON",
    '{"id": "a", "text": "bad \\x escape"}': "malformed JSON",
    '{"text": "no id"}': "no 'id'",
    '{"id": null, "text": "x"}': "no 'id'",
    '{"id": true, "text": "x"}': "'id'",
    '{"id": [1], "text": "x"}': "'id'",
    '{"id": {"a": 1}, "text": "x"}': "'id'",
    '{"id": "", "text": "x"}': "'id'",
    '{"id": "   ", "text": "x"}': "'id'",
    '{"id": 1.5, "text": "x"}': "'id'",
    '{"id": "a"}': "no 'text'",
    '{"id": "a", "text": null}': "'text'",
    '{"id": "a", "text": 5}': "'text'",
    '{"id": "a", "text": ["x"]}': "'text'",
    '{"id": "a", "text": {"x": 1}}': "'text'",
    '{"id": "a", "text": ""}': "empty",
    '{"id": "a", "text": " \\n\\t "}': "empty",
    '{"id": "a", "text": "lone \\ud800 surrogate"}': "surrogate",
    '{"id": "a", "text": "low \\udfff"}': "surrogate",
    '{"id": "\\ud800", "text": "x"}': "surrogate",
    '{"id": "a", "text": "x", "title": "\\udc00"}': "surrogate",
    '{"id": "a", "text": "x", "\\ud800": 1}': "surrogate",
    '{"id": "a", "text": "nul \\u0000 inside"}': "NUL",
    '{"id": "a", "text": "x", "title": 5}': "'title'",
    '{"id": "a", "text": "x", "date": ["2025"]}': "'date'",
    '{"id": "a", "text": "x", "lang": 1}': "'lang'",
    '{"id": "a", "text": "x", "url": {}}': "'url'",
    '{"id": "a", "text": "x", "source": false}': "'source'",
    '{"id": "a", "text": NaN}': "'text'",
    '{"id": Infinity, "text": "x"}': "'id'",
    '{"id": "a", "text": "x", "deep": ' + "[" * 100000 + "]" * 100000 + "}": "",
    '{"id": 7, "text": "Altman said Meta hired eight people."}': None,
    '{"id": "a", "text": "Altman said so.", "extra": {"k": [1, 2]}}': None,
    '{"id": "a", "text": "line\\u2028separator inside, Altman said."}': None,
    '{"id": "rtl", "text": "\\u202eمرحبا\\u202c قال ألتمان إن ميتا وظفت ثمانية باحثين."}': None,
    '{"id": "ctl", "text": "\\u0007\\u001b[31mred\\u001b[0m Altman said."}': None,
    '{"id": "a", "text": "x", "title": null, "date": null}': None,
}


@pytest.mark.parametrize("line", sorted(JSONL_CASES), ids=range(len(JSONL_CASES)))
def test_jsonl_record_shapes(line, capsys, tmp_path):
    needle = JSONL_CASES[line]
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "ok", "text": "Bosworth said it was not a signing bonus."}\n' + line + "\n", encoding="utf-8")
    code, _, err = run(capsys, ["check", f, "--out", tmp_path / "out", "-q"])
    if needle is None:
        assert code == 0, err
        report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
        texts = {str(r["id"]): r["text"] for r in map(json.loads, f.read_text(encoding="utf-8").splitlines())}
        for c in report["claims"]:
            assert texts[c["doc"]][c["start"]:c["end"]] == c["text"]
    else:
        assert code == 2 and needle in err and f"{f}:2" in err, err


@pytest.mark.parametrize("stdin", [b"", b"\n\n", b"\x00", b"{bad}\n", b'{"id": "a"}\n', b"\xff\xfe", b"[]\n",
                                   b'{"id": "a", "text": "\\ud800"}\n'])
def test_stdin_shapes(stdin, capsys, tmp_path, monkeypatch):
    code, _, err = run(capsys, ["check", "-", "--out", tmp_path / "out", "-q"], stdin=stdin, monkeypatch=monkeypatch)
    assert code == 2 and "<stdin>" in err


def test_stdin_twice(capsys, tmp_path):
    code, _, err = run(capsys, ["check", "-", "-", "--out", tmp_path / "out"])
    assert code == 2 and "more than once" in err


@pytest.mark.parametrize("kind", ["missing", "unsupported", "empty-folder", "hidden-only", "fifo", "bad-name"])
def test_bad_paths(kind, capsys, tmp_path):
    target = tmp_path / "x"
    if kind == "unsupported":
        target = tmp_path / "a.pdf"
        target.write_bytes(b"%PDF")
    elif kind == "empty-folder":
        target.mkdir()
    elif kind == "hidden-only":
        target.mkdir()
        (target / ".hidden.txt").write_text("Altman said hi.")
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "bad-name":
        raw = bytes(tmp_path) + b"/bad\xff.txt"
        with open(raw, "wb") as fh:
            fh.write(b"Altman said Meta hired eight people.")
        target = os.fsdecode(raw)
    code, _, err = run(capsys, ["check", target, "--out", tmp_path / "out", "-q"])
    assert code == 2
    assert not (tmp_path / "out").exists()


def test_huge_line_and_controls_are_read(capsys, tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(("Altman said Meta hired eight people \u200f\u202e\u0007. " * 2000) + "\n", encoding="utf-8")  # one 80 KB line
    code, _, err = run(capsys, ["extract", f, "-o", tmp_path / "c.jsonl", "-q"])
    assert code == 0, err
    text = f.read_text(encoding="utf-8")
    for line in (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert text[row["start"]:row["end"]] == row["text"]


# ------------------------------------------------------------------------------------ outputs


def article(tmp_path: Path, folder: str = "in") -> Path:
    d = tmp_path / folder
    d.mkdir(exist_ok=True)
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return d


def test_out_inside_the_input_folder_is_refused(capsys, tmp_path):
    d = article(tmp_path)
    (d / "report.md").write_text("# my notes\n", encoding="utf-8")
    before = snapshot(tmp_path)
    code, _, err = run(capsys, ["check", d, "--out", d, "-q"])
    assert code == 2 and "input" in err
    code, _, err = run(capsys, ["check", d, "--out", d / "sub", "-q"])
    assert code == 2 and "input folder" in err
    assert snapshot(tmp_path) == before and not (d / "sub").exists()


def test_a_report_claims_did_not_write_is_never_replaced(capsys, tmp_path):
    d = article(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    for name in ("report.md", "report.json", "report.html"):
        (out / name).write_text("my own notes\n", encoding="utf-8")
        code, _, err = run(capsys, ["check", d, "--out", out, "-q"])
        assert code == 2 and name in err and "not written by claims" in err
        assert (out / name).read_text(encoding="utf-8") == "my own notes\n"
        (out / name).unlink()
    code, _, err = run(capsys, ["check", d, "--out", out, "-q"])
    assert code == 0, err
    code, _, err = run(capsys, ["check", d, "--out", out, "-q"])  # our own reports: replaced
    assert code == 0, err


def test_an_input_named_as_the_output_is_refused(capsys, tmp_path):
    d = article(tmp_path)
    before = snapshot(tmp_path)
    code, _, err = run(capsys, ["extract", d / "a.txt", "-o", d / "a.txt", "-q"])
    assert code == 2 and "also an input" in err
    code, _, err = run(capsys, ["extract", d, "-o", d / "claims.jsonl", "-q"])
    assert code == 2 and "input folder" in err
    pairs = tmp_path / "p.jsonl"
    pairs.write_text('{"premise": "a", "hypothesis": "b"}\n', encoding="utf-8")
    before = snapshot(tmp_path)
    code, _, err = run(capsys, ["score", pairs, "-o", pairs, "-q"])
    assert code == 2 and "also an input" in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("out", ["", "file", "file/below"])
def test_bad_out_folder(out, capsys, tmp_path):
    d = article(tmp_path)
    (tmp_path / "file").write_text("keep me")
    target = "" if out == "" else tmp_path / out
    code, _, err = run(capsys, ["check", d, "--out", target, "-q"])
    assert code == 2
    assert (tmp_path / "file").read_text() == "keep me"
    assert not (Path.cwd() / "report.json").exists() or out != ""


def test_output_to_dev_null_stays_a_device(capsys, tmp_path):
    pairs = tmp_path / "p.jsonl"
    pairs.write_text('{"premise": "a", "hypothesis": "b"}\n', encoding="utf-8")
    code, _, err = run(capsys, ["score", pairs, "-o", os.devnull, "-q"])
    assert code == 0, err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    code, _, err = run(capsys, ["extract", article(tmp_path), "-o", os.devnull, "-q"])
    assert code == 0, err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_output_through_a_symlink_keeps_the_link(capsys, tmp_path):
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    code, _, err = run(capsys, ["extract", article(tmp_path), "-o", link, "-q"])
    assert code == 0, err
    assert link.is_symlink() and real.read_text(encoding="utf-8") != "old\n"
    no_temps(tmp_path)


def test_output_to_a_fifo_is_written_in_place(capsys, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    code, _, err = run(capsys, ["extract", article(tmp_path), "-o", fifo, "-q"])
    reader.join(10)
    assert code == 0, err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and b'"text"' in got[0]


def test_output_onto_a_folder_is_refused(capsys, tmp_path):
    (tmp_path / "dir").mkdir()
    code, _, err = run(capsys, ["extract", article(tmp_path), "-o", tmp_path / "dir", "-q"])
    assert code == 2 and "folder" in err


def test_reports_get_the_umask_mode_and_replace_as_a_set(capsys, tmp_path, monkeypatch):
    import claims
    import claims.report

    d = article(tmp_path)
    out = tmp_path / "out"
    old = os.umask(0o022)
    try:
        code, _, err = run(capsys, ["check", d, "--out", out, "-q"])
    finally:
        os.umask(old)
    assert code == 0, err
    for name in ("report.json", "report.md", "report.html"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o644
    before = snapshot(out)

    def boom(report):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(claims.report, "render_html", boom)
    with pytest.raises(OSError):  # a renderer failing: nothing replaced
        claims.report.write_report(claims.check(read_documents([d]), scorer=FakeScorer(), embedder=FakeEmbedder()), out)
    assert snapshot(out) == before
    no_temps(out)

    real_replace = os.replace
    calls = []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.undo()
    monkeypatch.setattr(os, "replace", replace)
    report = claims.check(read_documents([d]), scorer=FakeScorer(), embedder=FakeEmbedder())
    with pytest.raises(InputError):
        claims.report.write_report(report, out)
    no_temps(out)


def test_a_stale_temp_file_is_removed_by_the_next_run(capsys, tmp_path):
    d = article(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".report.html.abc123.tmp"
    stale.write_bytes(b"x" * 1000)
    os.utime(stale, (1, 1))
    code, _, err = run(capsys, ["check", d, "--out", out, "-q"])
    assert code == 0, err
    assert not stale.exists()


def test_atomic_write_leaves_nothing_on_failure(tmp_path):
    with pytest.raises(InputError, match="surrogate"):
        atomic_write(tmp_path / "x.txt", "bad \ud800")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(InputError):
        write_jsonl(tmp_path / "y.jsonl", [{"a": "\udfff"}])
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------------------ numbers and options

NUMBER_CASES = [
    ["score", "{pairs}", "--batch-size", "0"],
    ["score", "{pairs}", "--batch-size", "-1"],
    ["score", "{pairs}", "--batch-size", "1.5"],
    ["score", "{pairs}", "--batch-size", "many"],
    ["score", "{pairs}", "--batch-size", ""],
    ["score", "{pairs}", "--precision", "fp8"],
    ["check", "{dir}", "--out", "{out}", "-k", "0"],
    ["check", "{dir}", "--out", "{out}", "-k", "-3"],
    ["check", "{dir}", "--out", "{out}", "-k", "ten"],
    ["check", "{dir}", "--out", "{out}", "--precision", "half"],
    ["eval", "{pairs}", "--precision", "int4"],
]


@pytest.mark.parametrize("argv", NUMBER_CASES, ids=[" ".join(a[2:]) for a in NUMBER_CASES])
def test_bad_numbers_are_refused_before_any_work(argv, capsys, tmp_path):
    pairs = tmp_path / "p.jsonl"
    pairs.write_text('{"premise": "a", "hypothesis": "b"}\n', encoding="utf-8")
    d = article(tmp_path)
    argv = [a.format(pairs=pairs, dir=d, out=tmp_path / "out") for a in argv]
    with pytest.raises(SystemExit) as info:  # argparse: usage line + one error line, exit 2
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "error:" in err
    assert not (tmp_path / "out").exists()


THRESHOLD_FILES = {
    "not json": "{nope",
    "array": "[0.5]",
    "unknown key": '{"contradictoin": 0.5}',
    "negative": '{"contradiction": -0.1}',
    "above one": '{"contradiction": 1.5}',
    "nan": '{"contradiction": NaN}',
    "infinity": '{"contradiction": Infinity}',
    "string": '{"contradiction": "high"}',
    "null": '{"contradiction": null}',
    "bool": '{"contradiction": true}',
}


@pytest.mark.parametrize("name", sorted(THRESHOLD_FILES))
def test_bad_thresholds_are_one_line(name, capsys, tmp_path):
    th = tmp_path / "th.json"
    th.write_text(THRESHOLD_FILES[name], encoding="utf-8")
    code, _, err = run(capsys, ["check", article(tmp_path), "--out", tmp_path / "out", "--thresholds", th, "-q"])
    assert code == 2 and "th.json" in err
    assert not (tmp_path / "out").exists()


def test_missing_thresholds_file(capsys, tmp_path):
    code, _, err = run(capsys, ["check", article(tmp_path), "--out", tmp_path / "out", "--thresholds", tmp_path / "no.json"])
    assert code == 2 and "no such file" in err


SCORE_LINES = {
    '{"premise": "a"}': "hypothesis",
    '{"hypothesis": "b"}': "premise",
    '{"premise": 1, "hypothesis": "b"}': "premise",
    '{"premise": "a", "hypothesis": null}': "hypothesis",
    '{"premise": "\\ud800", "hypothesis": "b"}': "surrogate",
    '{"premise": "a", "hypothesis": "b\\u0000"}': "NUL",
    "[]": "JSON object",
    "{": "malformed",
}


@pytest.mark.parametrize("line", sorted(SCORE_LINES))
def test_score_bad_lines(line, capsys, tmp_path):
    pairs = tmp_path / "p.jsonl"
    pairs.write_text('{"premise": "a", "hypothesis": "b"}\n' + line + "\n", encoding="utf-8")
    out = tmp_path / "scored.jsonl"
    code, _, err = run(capsys, ["score", pairs, "-o", out, "-q"])
    assert code == 2 and SCORE_LINES[line] in err and f"{pairs}:2" in err
    assert not out.exists()
    no_temps(tmp_path)


@pytest.mark.parametrize("batch_size", [0, -1, 2.5, True, "8"])
def test_predict_refuses_bad_batch_sizes_and_caches_nothing(batch_size, tmp_path):
    scorer = RealScorer(cache_dir=tmp_path)
    with pytest.raises(ValueError, match="batch size"):
        scorer.predict([("a", "b")], batch_size=batch_size)
    assert not (tmp_path / "scores.sqlite").exists()


def test_cache_never_serves_rows_that_are_not_probabilities(tmp_path):
    import numpy as np

    score = score_mod
    cache = score.ScoreCache(tmp_path / "scores.sqlite")
    key = score.ScoreCache.key("a", "b")
    cache.put("m", [(key, np.zeros(3, dtype=np.float32))])
    assert not score.valid_probabilities(np.zeros((1, 3)))[0]
    assert not score.valid_probabilities(np.array([[np.nan, 0.5, 0.5]]))[0]
    assert score.valid_probabilities(np.array([[0.2, 0.3, 0.5]]))[0]

    class Tiny(RealScorer):
        calls = 0

        def _model_key(self):
            return "m"

        def load(self):
            return self

        def _predict_uncached(self, pairs, batch_size, show_progress_bar):
            Tiny.calls += 1
            return np.array([[0.1, 0.2, 0.7]] * len(pairs), dtype=np.float32)

    t = Tiny(cache_dir=tmp_path)
    assert np.allclose(t.predict([("a", "b")]), [[0.1, 0.2, 0.7]])
    assert Tiny.calls == 1  # the cached zeros were not served
    assert np.allclose(Tiny(cache_dir=tmp_path).predict([("a", "b")]), [[0.1, 0.2, 0.7]])
    assert Tiny.calls == 1  # ... and were replaced by the real row


# ------------------------------------------------------------------------------------ rendered output


def test_markdown_escapes_html_from_articles_and_file_names(capsys, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "<!-- x.txt").write_text('Altman said <img src=x onerror=alert(1)> Meta hired eight people.\n'
                                  '"It is <b>not</b> true," Bosworth said.\n', encoding="utf-8")
    code, _, err = run(capsys, ["check", d, "--out", tmp_path / "out", "-q"])
    assert code == 0, err
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    body = md.split("\n", 1)[1]  # after our own first-line comment
    assert "<img" not in body and "<!--" not in body and "<b>" not in body


def test_html_ids_stay_distinct_for_look_alike_file_names(capsys, tmp_path):
    import re

    d = tmp_path / "in"
    d.mkdir()
    (d / "a b.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "a_b.txt").write_text(ARTICLE.replace("Altman", "Chen"), encoding="utf-8")
    code, _, err = run(capsys, ["check", d, "--out", tmp_path / "out", "-q"])
    assert code == 0, err
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))


@pytest.mark.slow
def test_long_premises_print_no_indexing_warning(tmp_path, capfd):
    scorer = RealScorer(cache_dir=tmp_path)  # the real embedded model: a premise far over its window
    rows = scorer.predict([("Altman said Meta offered bonuses. " * 300, "Meta offered bonuses.")])
    assert rows.shape == (1, 3)
    assert "indexing errors" not in capfd.readouterr().err


# ------------------------------------------------------------------------------------ property-based

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
HOSTILE_CHARS = st.characters(codec=None, blacklist_categories=())  # every code point, surrogates included
TEXT = st.text(alphabet=st.one_of(HOSTILE_CHARS, st.sampled_from(list('"“”«»\'‘’.:،؟!?\n\r\t\u200f\u202e\u2028 0123456789$%'))),
               max_size=400)
NEWS = st.lists(st.sampled_from(["Altman said", "قال ألتمان", '"We won,"', "Meta hired", "eight", "$100 million",
                                 "ثمانية", "denied", "نفى", "he said.", "«لا»", ",", ".", "\n", ":", "according to"]),
                max_size=40).map(" ".join)


def check_offsets(doc, found):
    for c in found:
        assert doc.text[c.start:c.end] == c.text
        if c.speaker is not None:
            assert doc.text[c.speaker.start:c.speaker.end] == c.speaker.text
        for q in c.quantities:
            assert doc.text[q.start:q.end] == q.text


@FUZZ
@given(text=st.one_of(TEXT, NEWS, st.tuples(NEWS, TEXT).map("".join)))
def test_extract_never_raises_and_keeps_offsets(text):
    doc = document_from_text("fuzz", text) if text.strip() else None
    if doc is None:
        return
    check_offsets(doc, extract([doc]))


@FUZZ
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_file_readers_raise_only_input_errors(data, suffix, tmp_path_factory):
    f = tmp_path_factory.mktemp("fz") / f"doc{suffix}"
    f.write_bytes(data)
    try:
        docs = read_documents([f])
    except InputError as e:
        assert "\n" not in str(e)
        return
    for d in docs:
        check_offsets(d, extract([d]))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
RECORDS = st.one_of(
    JSON_VALUES,
    st.fixed_dictionaries({"id": JSON_VALUES, "text": JSON_VALUES}, optional={"title": JSON_VALUES, "lang": JSON_VALUES}),
    st.fixed_dictionaries({"id": TEXT, "text": st.one_of(TEXT, NEWS)}),
)


@FUZZ
@given(records=st.lists(RECORDS, min_size=1, max_size=4), junk=st.sampled_from(["", "\n", "{", "\r\n", "\ufeff"]))
def test_jsonl_reader_raises_only_input_errors(records, junk, tmp_path_factory):
    f = tmp_path_factory.mktemp("fj") / "in.jsonl"
    lines = [json.dumps(r, ensure_ascii=True) for r in records]
    f.write_text(junk + "\n".join(lines) + "\n", encoding="utf-8")
    try:
        docs = read_documents([f])
    except InputError as e:
        assert "\n" not in str(e)
        return
    for d in docs:
        check_offsets(d, extract([d]))


@FUZZ
@given(lines=st.lists(st.one_of(TEXT, st.text(max_size=50)), max_size=6))
def test_parse_lines_raises_only_input_errors(lines):
    try:
        for _, record in parse_lines("x.jsonl", lines):
            assert isinstance(record, dict)
    except InputError:
        pass


@FUZZ
@given(html=st.lists(st.one_of(TEXT, st.sampled_from(["<p>", "</p>", "<script>", "</script>", "<br>", "<nav>", "&amp;",
                                                        "&#0;", "&#xd800;", "<!--", "-->", "<div hidden>", "<", ">"])),
                     max_size=30).map("".join))
def test_html_to_text_never_raises(html):
    text, title, skips = html_to_text(html)
    for s in skips:
        assert 0 <= s.start <= s.end <= len(text)


# ------------------------------------------------------------------------------------ sidecars, HTML, eval

SIDECARS = {
    "{bad": "malformed JSON",
    "[]": "JSON object",
    '{"outlet": "x"}': "'id'",
    '{"id": 5}': "'id'",
    '{"id": "a.txt", "outlet": 5}': "'outlet'",
    '{"id": "a.txt", "date": ["2025"]}': "'date'",
    '{"id": "\\ud800"}': "surrogate",
    '{"id": "a.txt", "title": "\\u0000"}': "NUL",
}


@pytest.mark.parametrize("line", sorted(SIDECARS))
def test_bad_sidecar_lines(line, capsys, tmp_path):
    d = article(tmp_path)
    (d / "sources.jsonl").write_text(line + "\n", encoding="utf-8")
    code, _, err = run(capsys, ["check", d, "--out", tmp_path / "out", "-q"])
    assert code == 2 and "sources.jsonl:1" in err and SIDECARS[line] in err, err


HTML_PAGES = [
    "<html><head><script>alert(1)</script></head><body></body></html>",
    "<html><body><p>Altman said Meta hired eight people.</p><script>var x = '</p>';</script></body></html>",
    "<p>unclosed <b>tags <i>Altman said Meta hired eight people.",
    "<<<>>> &&& &#xd800; &#0; &nonsense; Altman said Meta hired eight people.",
    "<div hidden>Altman said nothing.</div><p aria-hidden=true>hidden</p><p>Bosworth said no.</p>",
    "<nav>Home | About</nav><p>" + "Altman said Meta hired eight people. " * 50 + "</p>",
    "<svg><text>Altman said</text></svg><template><p>x</p></template>",
    "<p>" + "\u202e" * 100 + "قال ألتمان إن ميتا وظفت ثمانية باحثين.</p>",
]


@pytest.mark.parametrize("page", HTML_PAGES, ids=range(len(HTML_PAGES)))
def test_hostile_html_pages(page, capsys, tmp_path):
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    code, _, err = run(capsys, ["extract", f, "-o", tmp_path / "c.jsonl", "-q"])
    if code == 0:
        doc = read_documents([f])[0]
        for line in (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert doc.text[row["start"]:row["end"]] == row["text"]
            assert "alert(1)" not in row["text"]


EVAL_CASES = {
    "missing": (None, ["eval", "{dir}/nope.jsonl"]),
    "empty": ("", ["eval", "{f}"]),
    "malformed": ("{bad\n", ["eval", "{f}"]),
    "unknown labels": ('{"a": "x", "b": "y", "label": "maybe"}\n', ["eval", "{f}"]),
    "bad label map": ('{"premise": "a", "hypothesis": "b", "label": "e"}\n', ["eval", "{f}", "--label-map", "{bad"]),
    "label map not an object": ('{"premise": "a", "hypothesis": "b", "label": "e"}\n', ["eval", "{f}", "--label-map", "[1]"]),
    "sweep on a test split": ('{"a": "x", "b": "y", "label": "agree"}\n', ["eval", "{dir}/test.jsonl", "--sweep"]),
    "surrogate in gold": ('{"a": "\\ud800", "b": "y", "label": "agree"}\n', ["eval", "{f}"]),
}


@pytest.mark.parametrize("name", sorted(EVAL_CASES))
def test_bad_eval_input(name, capsys, tmp_path):
    content, argv = EVAL_CASES[name]
    f = tmp_path / ("test.jsonl" if "test" in name else "gold.jsonl")
    if content is not None:
        f.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, [a.replace("{f}", str(f)).replace("{dir}", str(tmp_path)) for a in argv])
    assert code == 2, err


def test_a_language_without_rules_warns_in_one_line(capsys, tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "x", "lang": "qv", "text": "Altman said Meta hired eight people."}\n', encoding="utf-8")
    code, _, err = run(capsys, ["extract", f, "-o", tmp_path / "c.jsonl"])
    assert code == 0
    warn = [x for x in err.splitlines() if x.startswith("Warning: ")]
    assert len(warn) == 1 and "'qv'" in warn[0] and "ar, de, en, es, fr, id, it" in warn[0]
    assert "UserWarning" not in err and "warnings.warn" not in err
