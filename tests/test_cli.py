"""The command line: help, version, documentation, and one-line errors on bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claims import __version__
from claims.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code, err, *needles):
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: "), err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def test_python_dash_m_version():
    done = subprocess.run([sys.executable, "-m", "claims", "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"claims {__version__}"


@pytest.mark.parametrize("command", ["check", "extract", "score", "eval"])
def test_every_command_has_examples_and_is_in_the_readme(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and f"claims {command} " in out
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"claims {command}" in readme, f"'claims {command}' is not documented in README.md"


def test_readme_documents_every_option():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        for action in p._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag not in ("--help", "--quiet"):
                    assert flag in readme, f"claims {name} {flag} is not in README.md"


def test_no_command_prints_help(capsys):
    code, _, err = run(capsys)
    assert code == 2 and "usage: claims" in err


def test_missing_path(capsys, tmp_path):
    missing = tmp_path / "nope.txt"
    code, out, err = run(capsys, "extract", str(missing))
    assert_one_line_error(code, err, str(missing))
    assert out == ""


def test_empty_file(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, _, err = run(capsys, "extract", str(empty))
    assert_one_line_error(code, err, str(empty))


def test_binary_file(capsys, tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00")
    code, _, err = run(capsys, "extract", str(binary))
    assert_one_line_error(code, err, str(binary))


def test_malformed_jsonl_names_the_line(capsys, tmp_path):
    bad = tmp_path / "articles.jsonl"
    bad.write_text('{"id": "a", "text": "Meta hired eight researchers."}\n{"id": "b", "text": \n', encoding="utf-8")
    code, _, err = run(capsys, "extract", str(bad))
    assert_one_line_error(code, err, f"{bad}:2")


def test_duplicate_document_id(capsys, tmp_path):
    dup = tmp_path / "articles.jsonl"
    rows = [{"id": "same", "text": "Meta hired eight researchers."}, {"id": "same", "text": "OpenAI lost four."}]
    dup.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, _, err = run(capsys, "extract", str(dup))
    assert_one_line_error(code, err, "same")


def test_unwritable_out_dir_writes_nothing(capsys, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Meta hired eight researchers, the company said.", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("I am a file, not a folder")
    out = blocker / "out"
    code, _, err = run(capsys, "check", str(article), "--out", str(out), "--quiet")
    assert_one_line_error(code, err, str(out))
    assert blocker.read_text() == "I am a file, not a folder"


def test_score_rejects_a_line_without_hypothesis(capsys, tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"premise": "a", "hypothesis": "b"}\n{"premise": "only"}\n', encoding="utf-8")
    code, out, err = run(capsys, "score", str(pairs))
    assert_one_line_error(code, err, f"{pairs}:2", "hypothesis")
    assert out == ""


def test_score_empty_input_gives_empty_output(capsys, tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n", encoding="utf-8")
    target = tmp_path / "scored.jsonl"
    code, _, err = run(capsys, "score", str(pairs), "-o", str(target))
    assert code == 0, err
    assert target.read_text() == ""


def test_extract_writes_jsonl_with_exact_offsets(capsys, tmp_path):
    article = tmp_path / "story.txt"
    text = 'Meta hired eight researchers from OpenAI.\nAltman said: "Meta offered signing bonuses of up to $100 million."\n'
    article.write_text(text, encoding="utf-8")
    target = tmp_path / "claims.jsonl"
    code, _, err = run(capsys, "extract", str(article), "-o", str(target), "--quiet")
    assert code == 0, err
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert rows, "no claims extracted"
    for row in rows:
        assert row["doc"] == "story.txt"
        assert text[row["start"]:row["end"]] == row["text"]
        assert re.fullmatch(r"story\.txt#c\d+", row["id"])
    assert any(r["kind"] == "quote" and "signing bonuses" in r["text"] for r in rows)


def test_check_prints_the_counts_and_the_first_findings(capsys, tmp_path, monkeypatch):
    import claims.pipeline
    import claims.report
    from conftest import FakeEmbedder, FakeScorer

    real = claims.pipeline.check
    monkeypatch.setattr(claims.pipeline, "check", lambda docs, **kw: real(docs, scorer=FakeScorer(), embedder=FakeEmbedder()))
    item = {"topic": 1, "verdict": "contradiction", "label": "Meta offered $100M", "for": ["Altman"], "against": ["Bosworth"],
            "docs": ["a.txt", "b.txt"]}
    monkeypatch.setattr(claims.report, "summary", lambda report, limit=5, who=None: [item] * limit)
    article = tmp_path / "a.txt"
    article.write_text("Altman said Meta offered $100 million signing bonuses.", encoding="utf-8")
    code, _, err = run(capsys, "check", str(article), "--out", str(tmp_path / "out"))
    assert code == 0
    lines = [x for x in err.splitlines() if x.strip() and not x.startswith(("extract", "read", "score", "pair"))]
    assert any(x.startswith("1 documents, ") and x.endswith("report.html") for x in lines), err
    found = [x for x in lines if x.startswith("  Disputed (topic 1): “Meta offered $100M” — for: Altman; against: Bosworth")]
    assert len(found) == 3, err
    code, _, err = run(capsys, "check", str(article), "--out", str(tmp_path / "out2"), "--quiet")
    assert code == 0 and err == ""
